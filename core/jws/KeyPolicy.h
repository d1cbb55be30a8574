// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jws/JwsAlgorithm.h"

#include <QList>

namespace assay {

class Key;

/// What a key is about to be used for (RFC 7517 section 4.3 key_ops values).
enum class KeyOperation
{
    Sign,
    Verify,
};

/// The algorithms this key may be used with, decided by the key alone (ATTACKS.md ground rule 1): its kty, curve
/// and size, narrowed by its own `alg` if present. HS* only for oct keys, RS/PS only for RSA, ES256 only P-256,
/// ES384 only P-384, ES512 only P-521, ES256K only secp256k1, Ed25519 (and EdDSA) only Ed25519, Ed448 (and EdDSA)
/// only Ed448. X25519/X448 keys sign nothing.
[[nodiscard]] QList<JwsAlgorithm> algorithmsForKey(const Key& key);

/// Checks that `key` may do `op` with `alg`: the algorithm is in algorithmsForKey(), the JWK's `use` is "sig" or
/// absent, its `key_ops` (if present) contains "sign"/"verify", and signing needs a private key. The error says
/// which rule failed (ERR_ALG_NOT_ALLOWED_FOR_KEY, ERR_KEY_USE_MISMATCH, ERR_KEY_NOT_PRIVATE).
[[nodiscard]] Result<void> checkKeyForAlgorithm(const Key& key, JwsAlgorithm alg, KeyOperation op);

/// A reason the key is weak for this algorithm, or an empty string: an HMAC key shorter than the hash output
/// (RFC 7518 section 3.2), an RSA modulus under 2048 bits (section 3.3), a ROCA-fingerprinted
/// RSA modulus (CVE-2017-15361). Weak keys never produce a plain VALID.
[[nodiscard]] QString keyWeakness(const Key& key, JwsAlgorithm alg);

} // namespace assay
