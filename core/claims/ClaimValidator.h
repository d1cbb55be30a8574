// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "claims/ClaimExpectations.h"
#include "claims/ClaimReport.h"

#include <QDateTime>

namespace assay {

class JsonDocument;

/// Checks a JWT claims set (RFC 7519 section 4.1 and 7.2) against expectations at an explicit evaluation time.
/// Never reads the clock: callers pass "now" or any other moment. Value type; cheap to copy and to re-run.
///
/// - exp: fails (ClaimExpired) when now >= exp + leeway; nbf: fails (ClaimNotYetValid) when now < nbf - leeway;
///   iat: fails (ClaimIssuedInFuture) when iat > now + leeway. Present time claims are always evaluated and
///   rendered (UTC, local, relative), expectations or not; a non-number is Invalid (ClaimInvalidType), never absent.
/// - iss, sub: exact string matches when expected (ClaimMismatch); aud: string or array of strings, any element
///   may match, [] never matches; a wrong type is Invalid. Without an expectation, a present value is shown as Info.
/// - typ (protected header): media-type comparison, see ClaimExpectations::type.
/// - An expected or required claim that is absent is Missing (ClaimMissing).
/// - A claim whose name appears more than once in the payload (or inside whose value a name repeats) is Invalid
///   (JsonDuplicateMember): which value a server acts on depends on its parser (ATTACKS.md A22).
class ClaimValidator
{
public:
    ClaimValidator() = default;
    explicit ClaimValidator(ClaimExpectations expectations);

    [[nodiscard]] const ClaimExpectations& expectations() const { return m_expectations; }

    /// Fails with ErrorCode::JsonNotObject (Segment::Payload) when the payload is not a JSON object.
    /// `protectedHeader` may be null (then an expected typ is reported Missing).
    [[nodiscard]] Result<ClaimReport> validate(const JsonDocument& payload, qint64 evaluationTimeMSecs,
                                               const JsonDocument* protectedHeader = nullptr) const;
    [[nodiscard]] Result<ClaimReport> validate(const JsonDocument& payload, const QDateTime& evaluationTime,
                                               const JsonDocument* protectedHeader = nullptr) const
    {
        return validate(payload, evaluationTime.toMSecsSinceEpoch(), protectedHeader);
    }

    /// RFC 7515 section 4.1.9 media-type comparison of typ values ("JWT" == "application/JWT" == "jwt").
    [[nodiscard]] static bool typeMatches(QStringView tokenType, QStringView expectedType);

private:
    ClaimExpectations m_expectations;
};

} // namespace assay
