// SPDX-License-Identifier: Apache-2.0
#include "jwk/KeyReport.h"

namespace assay {

bool KeyInspection::hasErrors() const
{
    if (hasErrorFinding(findings))
        return true;
    for (const KeyReport& report : keys) {
        if (report.hasErrors())
            return true;
    }
    return false;
}

} // namespace assay
