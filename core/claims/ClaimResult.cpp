// SPDX-License-Identifier: Apache-2.0
#include "claims/ClaimResult.h"

namespace assay {

QString claimStatusName(ClaimStatus status)
{
    switch (status) {
    case ClaimStatus::Pass:
        return QStringLiteral("pass");
    case ClaimStatus::Fail:
        return QStringLiteral("fail");
    case ClaimStatus::Invalid:
        return QStringLiteral("invalid");
    case ClaimStatus::Info:
        return QStringLiteral("info");
    case ClaimStatus::Missing:
        return QStringLiteral("missing");
    }
    return QStringLiteral("invalid");
}

} // namespace assay
