// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace assay {

/// The explanations signature forensics tests when a signature does not verify (issue 5). Each one is tested with
/// the real verification primitives; none is ever inferred from how the token looks.
enum class ForensicHypothesis
{
    SecretEncoding,   // the typed secret read as UTF-8 / base64 / base64url / hex instead of the chosen encoding
    SecretWhitespace, // a trailing newline or space added to, or stripped from, the typed secret
    OtherKey,         // a key of the given set that the verifier did not use (kid / alg / use rules, ambiguous set)
    AlgorithmMixup,   // signed with another algorithm than the header names (RS vs PS, hash size, ES vs EdDSA, ...)
    EcdsaDer,         // an ECDSA signature in ASN.1 DER instead of the JOSE r||s form (RFC 7518 section 3.4)
    JsonReserialized, // signed over another serialization of the same header or payload JSON
    SegmentEncoding,  // standard base64 or padding in the token's parts, or in what was signed
    PublicKeyAsHmac,  // an HS* token whose HMAC secret is the public key: algorithm confusion (a security finding)
};

/// Stable code of a hypothesis, e.g. "FORENSIC_SECRET_ENCODING" (for --json output and tests).
[[nodiscard]] QString forensicCode(ForensicHypothesis hypothesis);

/// Short title for a "what we checked" list, e.g. "Secret encoding (UTF-8, base64, base64url, hex)".
[[nodiscard]] QString forensicTitle(ForensicHypothesis hypothesis);

/// Every hypothesis, in the order they are tested and listed.
[[nodiscard]] QList<ForensicHypothesis> allForensicHypotheses();

} // namespace assay
