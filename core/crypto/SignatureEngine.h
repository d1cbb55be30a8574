// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jws/JwsAlgorithm.h"

#include <QByteArray>
#include <QByteArrayView>

namespace assay {

class Key;

/// The raw JWS signature primitives (RFC 7518 section 3, RFC 8037, RFC 8812) over OpenSSL 3's EVP APIs.
/// They check only that the key can physically do the algorithm (kty/curve/size); key *policy* (the JWK's own
/// alg/use/key_ops, weak sizes) is the caller's business (jws/KeyPolicy.h).
namespace signature {

/// Signs `signingInput`. ECDSA output is the fixed-length r||s form; PSS uses salt length = hash length;
/// HMAC refuses an empty key. Needs a private key (ERR_KEY_NOT_PRIVATE otherwise).
[[nodiscard]] Result<QByteArray> sign(const Key& key, JwsAlgorithm alg, QByteArrayView signingInput);

/// Verifies. Checks the exact signature length before any cryptography (ERR_SIGNATURE_LENGTH), reports a DER
/// ECDSA signature as ERR_SIGNATURE_DER, compares MACs with CRYPTO_memcmp over the full length, and returns
/// ERR_SIGNATURE_MISMATCH when the signature is wrong. Success means the signature is cryptographically correct.
[[nodiscard]] Result<void> verify(const Key& key, JwsAlgorithm alg, QByteArrayView signingInput,
                                  QByteArrayView signature);

/// True when the key's type/curve/size can be used with the algorithm at all (HS* needs oct, RS/PS need RSA,
/// ES256 needs P-256, ..., EdDSA needs Ed25519 or Ed448, Ed25519 needs Ed25519).
[[nodiscard]] bool keyFitsAlgorithm(const Key& key, JwsAlgorithm alg);

/// Expected signature length in bytes for this key and algorithm (RSA: modulus bytes).
[[nodiscard]] int signatureLength(const Key& key, JwsAlgorithm alg);

} // namespace signature
} // namespace assay
