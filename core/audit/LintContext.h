// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/KeySet.h"

#include <QtGlobal>

#include <optional>

namespace assay {

/// What lintToken() may use besides the token. Value type; every member is optional.
struct LintContext
{
    /// The user's keys (verification keys, HMAC secrets), as for verifyJws(): they let the lint report short HMAC
    /// secrets, an HMAC secret that is really a public key, weak RSA keys and ambiguous key sets (ATTACKS.md A04,
    /// A05, A11, A14). Nothing in the token is ever used as a key.
    KeySet keys;
    /// The moment the time claims are judged at, in milliseconds since the epoch (time is injected, never read
    /// from the clock here). Without it the findings that depend on "now" (expired, not yet valid, issued in the
    /// future) are skipped; the others (no exp, nbf after exp, milliseconds, ...) do not need it.
    std::optional<qint64> evaluationTimeMSecs;
    /// Clock skew allowed for the time-relative findings, in seconds.
    qint64 leewaySeconds = 0;
    /// A lifetime above this is LINT_LONG_LIFETIME (ATTACKS.md A33: more than 24 h for an access token).
    qint64 maxLifetimeSeconds = 24 * 3600;
    /// PBES2 iteration counts above this are LINT_PBES2_P2C_EXCESSIVE (ATTACKS.md A27: the ecosystem's 10,000).
    qint64 maxPbes2Count = 10000;
    /// Try the empty secret and the built-in list of publicly known secrets (audit/BuiltinSecrets.h) against an
    /// HS256/384/512 signature: a few hundred HMACs, well under a millisecond. The full weak-secret checker
    /// (audit/SecretCracker.h) with wordlists stays a separate, explicit action.
    bool tryKnownSecrets = true;
};

} // namespace assay
