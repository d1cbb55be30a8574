// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jwk/KeySet.h"

#include <QByteArrayView>

namespace assay {

class SecureBytes;

/// How an HMAC secret was typed.
enum class SecretEncoding
{
    Utf8,
    Base64,    // standard alphabet, padding optional
    Base64Url, // URL-safe alphabet, padding optional
    Hex,       // case-insensitive, even length, optional whitespace between bytes
};

/// An HMAC key from what the user typed. An empty secret is refused (ATTACKS.md A10: ERR_KEY_EMPTY_SECRET).
/// Text is never sniffed for "looks like a PEM": the user chose "secret", so it is a secret (A04).
[[nodiscard]] Result<Key> keyFromSecret(QByteArrayView text, SecretEncoding encoding);

/// Loads keys from a file's bytes or pasted text, detecting the format by parsing, not by regex:
/// JWK, JWKS, PEM (SPKI, PKCS#1 public/private, PKCS#8 incl. encrypted, SEC1, X.509 certificate; several blocks
/// allowed), or DER of the same kinds. Encrypted keys need `passphrase`; without it the error is
/// ERR_KEY_PASSPHRASE_REQUIRED so the caller can ask. Every JWK is validated (sizes, point on curve, private
/// matches public, RSA modulus 2048..16384 bits accepted for parsing with weak sizes reported by the caller,
/// modulus > 16384 bits or e > 2^64 refused before any RSA operation).
[[nodiscard]] Result<KeySet> loadKeys(QByteArrayView data, const SecureBytes* passphrase = nullptr);

/// One JWK (RFC 7517) object.
[[nodiscard]] Result<Key> keyFromJwk(QByteArrayView jwkJson);

} // namespace assay
