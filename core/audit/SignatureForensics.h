// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/ForensicsReport.h"
#include "jwk/KeyLoader.h"
#include "jwk/KeySet.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <QByteArray>

namespace assay {

class SecureBytes;

/// What the user gave to verify with: an HMAC secret as typed, and/or keys (public keys, a JWK Set).
struct ForensicsInput
{
    /// The HMAC secret exactly as typed, before decoding (nullptr: none). Not owned; must outlive the call.
    const SecureBytes* secretText = nullptr;
    /// The encoding the user chose for secretText.
    SecretEncoding secretEncoding = SecretEncoding::Utf8;
    /// Public keys or a JWK Set (may also hold oct keys from a JWK Set).
    KeySet keys;
    /// The key text exactly as given (a PEM or JWK file), when there was one: tried as an HMAC secret verbatim.
    QByteArray keyText;
    /// The options of the verification that failed, so "which key did the verifier try" matches what happened.
    VerifyOptions verifyOptions;
    /// Which signature of a JWS JSON serialization to explain (0 for compact tokens).
    int signatureIndex = 0;
};

/// The most signature verifications one call runs; the hypotheses need a few hundred at most.
inline constexpr int kForensicsMaxCandidates = 1500;
/// The most keys of a set that are tried one by one.
inline constexpr int kForensicsMaxKeys = 16;

/// Signature forensics (issue 5): when a JWS signature does not verify with what the user gave, finds out why.
///
/// Call it only after verifyJws() failed (verdict INVALID, or MALFORMED because a part is not base64url): it runs
/// the verification again and, if the token does verify as given, reports NothingToExplain and nothing else. Each
/// hypothesis (see ForensicHypothesis) is tested with the real verification primitives (crypto/SignatureEngine.h)
/// over a bounded list of candidates (kForensicsMaxCandidates, kForensicsMaxKeys; no brute force), and a finding is
/// reported only when a candidate actually verifies. A finding explains the failure: it never makes the token valid,
/// and the report has no notion of validity. Every hypothesis appears in `checks` with what was tried.
/// Secrets are held in SecureBytes while tried and never appear in the report.
[[nodiscard]] ForensicsReport explainSignatureFailure(const ParsedToken& token, const ForensicsInput& input);

} // namespace assay
