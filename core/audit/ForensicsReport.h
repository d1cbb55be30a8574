// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/ForensicFinding.h"

#include <QList>
#include <QString>

namespace assay {

/// The overall answer of signature forensics. There is deliberately no "valid" state: an explanation says why a
/// signature failed, and the token stays as invalid as it was.
enum class ForensicsOutcome
{
    Explained,        // at least one hypothesis verified
    Unexplained,      // hypotheses were tried and none verified
    NothingToExplain, // the signature checks with the given key as sent: the failure was a rule, not the signature
    NotApplicable,    // nothing could be tried (not a JWS, no key or secret given, no signature, ...)
};

/// "EXPLAINED", "UNEXPLAINED", "NOTHING_TO_EXPLAIN", "NOT_APPLICABLE".
[[nodiscard]] QString forensicsOutcomeName(ForensicsOutcome outcome);

struct ForensicsReport
{
    ForensicsOutcome outcome = ForensicsOutcome::NotApplicable;
    QString summary;                 // one line
    QList<ForensicFinding> findings; // only hypotheses that verified, in the order of allForensicHypotheses()
    QList<ForensicCheck> checks;     // every hypothesis, with what was tried
    int candidatesTried = 0;         // signature verifications in all
    bool budgetExhausted = false;    // the cap on verifications was reached

    [[nodiscard]] bool explained() const { return !findings.isEmpty(); }
    [[nodiscard]] bool hasSecurityIssue() const
    {
        for (const auto& f : findings) {
            if (f.securityIssue)
                return true;
        }
        return false;
    }
};

} // namespace assay
