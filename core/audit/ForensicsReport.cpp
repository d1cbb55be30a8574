// SPDX-License-Identifier: Apache-2.0
#include "audit/ForensicsReport.h"

namespace assay {

QString forensicsOutcomeName(ForensicsOutcome outcome)
{
    switch (outcome) {
    case ForensicsOutcome::Explained:
        return QStringLiteral("EXPLAINED");
    case ForensicsOutcome::Unexplained:
        return QStringLiteral("UNEXPLAINED");
    case ForensicsOutcome::NothingToExplain:
        return QStringLiteral("NOTHING_TO_EXPLAIN");
    case ForensicsOutcome::NotApplicable:
        return QStringLiteral("NOT_APPLICABLE");
    }
    return QStringLiteral("NOT_APPLICABLE");
}

} // namespace assay
