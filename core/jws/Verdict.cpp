// SPDX-License-Identifier: Apache-2.0
#include "jws/Verdict.h"

namespace assay {

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Valid:
        return QStringLiteral("VALID");
    case Verdict::Invalid:
        return QStringLiteral("INVALID");
    case Verdict::Unsigned:
        return QStringLiteral("UNSIGNED");
    case Verdict::Unverified:
        return QStringLiteral("UNVERIFIED");
    case Verdict::Malformed:
        return QStringLiteral("MALFORMED");
    }
    return QStringLiteral("UNVERIFIED");
}

} // namespace assay
