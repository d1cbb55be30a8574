// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Error.h"
#include "jwk/KeySet.h"
#include "jws/JwsAlgorithm.h"
#include "jws/KeySelector.h"
#include "jws/Verdict.h"
#include "token/ParsedToken.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace assay {

/// The result for one signature of a JWS.
struct SignatureVerification
{
    int index = 0;
    Verdict verdict = Verdict::Unverified;
    QString algName;                 // the header's alg as written (may be unknown)
    std::optional<JwsAlgorithm> alg; // when it names a supported algorithm
    QString reason;                  // one line: why this verdict
    std::optional<Error> error;      // the failure with its code and location, when there is one
    KeySelection selection;          // which key was used and why the others were not
    std::optional<int> keyIndex;     // the key of the set that verified, if any
    QString weakness;                // non-empty: valid signature but a weak key (HMAC too short, RSA < 2048)
    QStringList notes;               // self-asserted keys seen (jwk, jku, x5u, x5c), unprotected alg, ...
};

/// The whole verdict for a token.
struct JwsVerification
{
    Verdict verdict = Verdict::Unverified;
    QString reason;
    std::optional<Error> error;
    QList<SignatureVerification> signatures; // one per signature (JSON general may have several)
    QStringList notes;

    [[nodiscard]] bool isValid() const { return verdict == Verdict::Valid; }
};

struct VerifyOptions
{
    /// If set, the header's alg must be exactly this (the caller pins the algorithm, e.g. `--alg`).
    std::optional<JwsAlgorithm> expectedAlg;
    /// If non-empty, only keys with this kid are tried (overrides the header's kid as the hint).
    QString kid;
    /// Accept keys that are weak for the algorithm as VALID (still reported in `weakness`). Off by default:
    /// a weak key yields INVALID with the reason (ATTACKS.md A11, A14).
    bool allowWeakKeys = false;
    /// Search a key set that mixes HMAC secrets and public keys (kept apart by each key's own rules). Off by default:
    /// such a set is refused unless the user confirms it or names the kid (ATTACKS.md A05, Wycheproof MixedKeySet).
    bool allowMixedKeySet = false;
};

/// Verifies a parsed JWS with the user's keys (never with keys the token carries). The signing input is always
/// the raw `protected.payload` text as received. Enforces: exact, case-sensitive alg; the key decides the
/// algorithm (A04/A05); crit (only "b64" understood; RFC 7515 4.1.11); b64 only with crit (RFC 7797);
/// duplicate header members never valid (RFC 7515 5.2); protected/unprotected names disjoint (7.2.1).
/// For JSON general serialization each signature is reported; the overall verdict is VALID only if every
/// signature is VALID.
[[nodiscard]] JwsVerification verifyJws(const ParsedToken& token, const KeySet& keys,
                                        const VerifyOptions& options = {});

/// The same for a detached payload (RFC 7515 Appendix F): `payload` replaces the token's empty payload.
[[nodiscard]] JwsVerification verifyJwsDetached(const ParsedToken& token, QByteArrayView payload, const KeySet& keys,
                                                const VerifyOptions& options = {});

} // namespace assay
