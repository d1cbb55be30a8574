// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Error.h"
#include "claims/NumericDate.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

/// The outcome of one claim check.
enum class ClaimStatus
{
    Pass,    // a check ran and passed
    Fail,    // a check ran and failed: expired, not yet valid, issued in the future, mismatch
    Invalid, // the value has the wrong type, is out of range, or is ambiguous (duplicate name)
    Info,    // shown for context; no expectation was set
    Missing, // expected or required, but absent
};

/// "pass", "fail", "invalid", "info", "missing" (stable; used by `assay-cli --json`).
[[nodiscard]] QString claimStatusName(ClaimStatus status);

/// One row of a claim report. Value type.
struct ClaimResult
{
    QString name; // claim name ("exp"), or "typ" for the protected header parameter
    ClaimStatus status = ClaimStatus::Info;
    std::optional<ErrorCode> code;   // set for Fail, Invalid and Missing
    QString message;                 // one human line: "expired 3 days ago (2011-03-22T18:43:00Z)"
    QByteArray rawValue;             // the value's JSON text exactly as written; empty when absent
    std::optional<NumericDate> date; // exp, nbf, iat when the value is a JSON number
    QString utc;                     // date->toUtcString()
    QString local;                   // date->toLocalString(zone)
    QString relative;                // claim-worded: "expires in 14 min", "expired 3 days ago", "issued 5 s ago"
    QStringList warnings;            // worth flagging even when the check passed (A23: fractional, > 2^53, ...)

    /// Fail, Invalid or Missing.
    [[nodiscard]] bool isFailure() const
    {
        return status == ClaimStatus::Fail || status == ClaimStatus::Invalid || status == ClaimStatus::Missing;
    }
};

} // namespace assay
