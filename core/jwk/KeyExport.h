// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "crypto/SecureBytes.h"
#include "jwk/Key.h"

#include <QList>
#include <QString>

#include <optional>

namespace assay {

enum class KeyEncoding
{
    Pem, // RFC 7468 text
    Der,
};

/// The ASN.1 structure a key is exported in.
enum class KeyStructure
{
    Spki,           // SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7): "PUBLIC KEY"; every asymmetric key
    Pkcs1Public,    // RSAPublicKey (RFC 8017 appendix A.1.1): "RSA PUBLIC KEY"; RSA only
    Pkcs1Private,   // RSAPrivateKey (RFC 8017 appendix A.1.2): "RSA PRIVATE KEY"; RSA only
    Pkcs8,          // PrivateKeyInfo (RFC 5958 section 2): "PRIVATE KEY"; every asymmetric private key
    Pkcs8Encrypted, // EncryptedPrivateKeyInfo (RFC 5958 section 3) with PBES2 (RFC 8018): "ENCRYPTED PRIVATE KEY"
    Sec1,           // ECPrivateKey (RFC 5915): "EC PRIVATE KEY"; EC only
};

/// "SPKI", "PKCS#1 public", "PKCS#1 private", "PKCS#8", "encrypted PKCS#8", "SEC 1".
QString keyStructureName(KeyStructure structure);

/// True for the structures that carry the private key.
[[nodiscard]] bool isPrivateStructure(KeyStructure structure);

/// The password-based key derivation for encrypted PKCS#8. The cipher is always AES-256-CBC (PBES2, RFC 8018
/// section 6.2), with the PRF HMAC-SHA256 for PBKDF2.
enum class PbeKdf
{
    Pbkdf2HmacSha256, // RFC 8018 section 5.2
    Scrypt,           // RFC 7914 section 7
};

struct Pkcs8Encryption
{
    PbeKdf kdf = PbeKdf::Pbkdf2HmacSha256;
    /// OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
    int pbkdf2Iterations = 600000;
    /// `openssl pkcs8 -scrypt`'s parameters (N = 2^14, r = 8, p = 1): 16 MiB, inside the 32 MiB that OpenSSL's
    /// decoder allows by default, so the file opens everywhere.
    quint64 scryptN = 16384;
    quint64 scryptR = 8;
    quint64 scryptP = 1;
};

/// The key in one structure and encoding. Output is a SecureBytes because it may hold the private key.
/// Refusals: oct keys have no PEM or DER form (ERR_KEY_UNSUPPORTED), PKCS#1 needs an RSA key and SEC 1 an EC key
/// (ERR_KEY_UNSUPPORTED), a private structure needs a private key (ERR_KEY_NOT_PRIVATE), encrypted PKCS#8 needs a
/// non-empty passphrase (ERR_USAGE).
[[nodiscard]] Result<SecureBytes> exportKey(const Key& key, KeyStructure structure, KeyEncoding encoding,
                                            const SecureBytes* passphrase = nullptr,
                                            const Pkcs8Encryption& encryption = {});

/// The kid an export writes.
enum class KidChoice
{
    Keep,                // whatever the key has (possibly none)
    ThumbprintIfMissing, // the key's kid, or its RFC 7638 SHA-256 thumbprint when it has none
    Thumbprint,          // the RFC 7638 SHA-256 thumbprint, replacing any kid
    Value,               // JwkMetadata::kid
};

/// JWK metadata set on export (RFC 7517 sections 4.2, 4.4, 4.5); key_ops are kept as they are.
struct JwkMetadata
{
    KidChoice kidChoice = KidChoice::ThumbprintIfMissing;
    QString kid;                // for KidChoice::Value
    std::optional<QString> alg; // replaces the key's alg when set (an empty string removes it)
    std::optional<QString> use; // replaces the key's use when set (an empty string removes it)
};

/// The key with its kid, alg and use set as `metadata` asks.
[[nodiscard]] Result<Key> applyMetadata(const Key& key, const JwkMetadata& metadata);

/// One JWK (RFC 7517). includePrivate on a public key is ERR_KEY_NOT_PRIVATE; an oct key is always private (its
/// only member is the secret), so includePrivate=false for it is ERR_KEY_UNSUPPORTED.
[[nodiscard]] Result<SecureBytes> exportJwk(const Key& key, bool includePrivate);

/// A JWK Set {"keys":[...]} (RFC 7517 section 5), public members only unless includePrivate (then keys that have a
/// private part export it and public keys stay public). Refused: no keys, an oct key without includePrivate, and
/// two keys of one kty sharing a kid (RFC 7517 section 4.5: kids must tell keys apart).
[[nodiscard]] Result<SecureBytes> exportJwks(const QList<Key>& keys, bool includePrivate);

} // namespace assay
