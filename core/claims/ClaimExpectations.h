// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace assay {

/// What the caller expects of a claims set (RFC 7519 section 4.1, RFC 7515 section 4.1.9). Value type.
/// The evaluation time is not here: it is passed to each ClaimValidator::validate() call, so a validator can be kept
/// and re-run at any moment.
struct ClaimExpectations
{
    /// Clock skew allowed for exp, nbf and iat, in seconds. Negative values count as 0.
    qint64 leewaySeconds = 0;
    /// Exact, case-sensitive string match (ATTACKS.md A23: "https://example.com.evil" is not "https://example.com").
    std::optional<QString> issuer;
    /// Matches when the token's aud is this string, or an array of strings containing it (RFC 7519 section 4.1.3).
    std::optional<QString> audience;
    /// Exact string match.
    std::optional<QString> subject;
    /// The protected header's typ, compared as a media type: case-insensitively, with "application/" implied
    /// when the value has no '/' (RFC 7515 section 4.1.9), so "JWT" matches "application/jwt".
    std::optional<QString> type;
    /// Claims that must be present in the payload (whatever their value).
    QStringList requiredClaims;
    /// The zone for the "local" rendering of times.
    QTimeZone displayZone = QTimeZone::systemTimeZone();
};

} // namespace assay
