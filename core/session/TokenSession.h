// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "claims/ClaimExpectations.h"
#include "jwk/Key.h"
#include "jwk/KeySet.h"
#include "jws/JwsAlgorithm.h"
#include "session/SessionSnapshot.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <optional>

namespace assay {

/// The live, two-way editing model of one token (issue 3): the token text, its decoded header and payload, the
/// user's keys and claim expectations, and everything derived from them (SessionSnapshot), recomputed after every
/// change. No widgets and no QObject: the desktop window drives it, tests drive it directly.
///
/// Exactness rules (STYLE.md "Exactness"):
/// - an edit of the header or payload JSON re-encodes only that segment, from the minified edited text (member
///   order, number spelling and escapes as typed); the other segment keeps its exact bytes;
/// - an edit whose minified text equals the current segment's changes nothing (whitespace-only edits never
///   rewrite a segment, so e.g. a header with CR LF survives);
/// - with a signing key the token is re-signed at once (RFC 7515 section 5.1 over the new signing input); without
///   one the old signature is kept and verification says it no longer matches: never a silent blank;
/// - invalid JSON keeps the last good token, marks the session stale and reports the error with line:column.
class TokenSession
{
public:
    /// Milliseconds since the epoch; injected so tests and users can evaluate claims at any moment.
    using Clock = std::function<qint64()>;

    TokenSession();

    /// Replaces the token with what the user typed or pasted. Runs the intake (TokenIntake.h) first and returns
    /// its notes (what was stripped). Clears pending edit errors and the "outdated signature" mark.
    QStringList setTokenText(QStringView text);

    /// Re-encodes the protected header from `json` (compact JWS only). Fails with the JSON error (line:column)
    /// or ERR_JSON_NOT_OBJECT; the session then keeps its last good token and is stale().
    Result<void> editHeader(QByteArrayView json);
    /// Re-encodes the payload from `json` (compact JWS only); with b64:false the minified text is used as is.
    Result<void> editPayload(QByteArrayView json);
    /// Rewrites only the value of `alg` in the header text (HeaderEditing.h) and re-signs with the signing key.
    /// Refused while the header has an unresolved edit error, so the user's typed header is never overwritten.
    Result<void> setAlgorithm(JwsAlgorithm alg);
    /// Signs the current signing input with the signing key now (e.g. after the key changed).
    Result<void> resign();

    /// The keys to verify with (a JWKS, a PEM bundle, one secret). When empty, the signing key (or its public
    /// half) verifies. Keys the token carries itself are never used (ATTACKS.md ground rule 1).
    void setVerificationKeys(KeySet keys);
    /// The key that re-signs after edits; a null Key means none.
    void setSigningKey(Key key);
    [[nodiscard]] const KeySet& verificationKeys() const { return m_verificationKeys; }
    [[nodiscard]] const Key& signingKey() const { return m_signingKey; }

    void setExpectations(ClaimExpectations expectations);
    [[nodiscard]] const ClaimExpectations& expectations() const { return m_expectations; }
    /// A fixed evaluation time, or nullopt to use the clock ("now").
    void setEvaluationTime(std::optional<qint64> msecsSinceEpoch);
    [[nodiscard]] std::optional<qint64> evaluationTime() const { return m_fixedTime; }
    void setClock(Clock clock);
    /// Re-reads the clock and re-evaluates the claims (for "now" evaluation kept current by a timer).
    void refreshTime();

    [[nodiscard]] const SessionSnapshot& snapshot() const { return m_snapshot; }
    /// The current token text (the intake's output).
    [[nodiscard]] const QByteArray& token() const { return m_snapshot.token; }

private:
    enum class EditedSegment
    {
        Header,
        Payload,
    };

    Result<void> editSegment(EditedSegment which, QByteArrayView json);
    Result<void> checkEditable() const;
    /// Rebuilds the compact token from its parts, re-signing when possible, and reloads it.
    void assemble(const QByteArray& headerRaw, const QByteArray& payloadRaw, const QByteArray& oldSignature);
    enum class Origin
    {
        User,      // typed, pasted or opened: goes through the intake (Bearer prefixes, quotes, line breaks, ...)
        Assembled, // built by this session from its own parts: already a bare compact token
    };
    /// Parses `input` (after the intake, for text from the user) and recomputes everything.
    void load(const QByteArray& input, Origin origin = Origin::User);
    void reverify();
    void reevaluateClaims();
    [[nodiscard]] KeySet effectiveVerificationKeys() const;
    [[nodiscard]] qint64 now() const;

    KeySet m_verificationKeys;
    Key m_signingKey;
    ClaimExpectations m_expectations;
    std::optional<qint64> m_fixedTime;
    Clock m_clock;
    SessionSnapshot m_snapshot;
};

} // namespace assay
