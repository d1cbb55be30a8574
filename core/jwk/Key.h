// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace assay {

class SecureBytes;

namespace detail {
struct KeyData; // defined in crypto/detail/KeyData.h; holds the parsed EVP_PKEY or the HMAC secret
}

/// RFC 7517 key types.
enum class KeyType
{
    Oct,
    RSA,
    EC,
    OKP,
};

enum class Curve
{
    None,
    P256,
    P384,
    P521,
    Secp256k1,
    Ed25519,
    Ed448,
    X25519,
    X448,
};

/// Where a key came from, for display and diagnostics.
enum class KeyFormat
{
    Secret, // HMAC secret typed by the user
    Jwk,
    PemSpki,         // -----BEGIN PUBLIC KEY-----
    PemPkcs1Public,  // -----BEGIN RSA PUBLIC KEY-----
    PemPkcs1Private, // -----BEGIN RSA PRIVATE KEY-----
    PemPkcs8,        // -----BEGIN PRIVATE KEY-----
    PemPkcs8Encrypted,
    PemSec1,        // -----BEGIN EC PRIVATE KEY-----
    PemCertificate, // -----BEGIN CERTIFICATE-----
    DerSpki,
    DerPkcs1Public,
    DerPkcs1Private,
    DerPkcs8,
    DerPkcs8Encrypted,
    DerSec1,
    DerCertificate,
    Generated,
};

QString keyTypeName(KeyType type); // "oct", "RSA", "EC", "OKP" (the JWK kty values)
QString curveName(Curve curve);    // "P-256", "secp256k1", "Ed25519", ... (the JWK crv values)
QString keyFormatName(KeyFormat format);

/// Facts about an X.509 certificate a key was taken from.
struct CertificateInfo
{
    QString subject;
    QString issuer;
    QDateTime notBefore; // UTC
    QDateTime notAfter;  // UTC
    QString serialHex;
    QByteArray der; // the certificate itself, for x509/CertificateInspector.h
};

/// A parsed key: an HMAC secret or an asymmetric key held by OpenSSL, plus its JWK metadata.
/// Immutable value type; copies share the parsed key, so keeping and passing keys around is cheap and the key
/// is never re-parsed per operation. Secret material is wiped when the last copy goes away.
class Key
{
public:
    Key(); // a null key
    ~Key();
    Key(const Key&);
    Key& operator=(const Key&);
    Key(Key&&) noexcept;
    Key& operator=(Key&&) noexcept;

    [[nodiscard]] bool isNull() const;
    [[nodiscard]] KeyType type() const;
    [[nodiscard]] Curve curve() const;     // Curve::None for oct and RSA
    [[nodiscard]] int bits() const;        // RSA modulus bits, curve field bits, or secret length * 8
    [[nodiscard]] bool hasPrivate() const; // private/secret part present (always true for oct)
    [[nodiscard]] bool isSymmetric() const { return type() == KeyType::Oct; }
    [[nodiscard]] KeyFormat format() const;

    // JWK metadata (RFC 7517 section 4); empty when absent.
    [[nodiscard]] QString kid() const;
    [[nodiscard]] QString alg() const;
    [[nodiscard]] QString use() const;
    [[nodiscard]] QStringList keyOps() const;
    [[nodiscard]] bool hasKeyOps() const; // key_ops present (possibly empty)
    [[nodiscard]] Key withMetadata(const QString& kid, const QString& alg, const QString& use) const;

    [[nodiscard]] std::optional<CertificateInfo> certificate() const;

    /// "RSA 2048-bit private key", "EC P-256 public key", "HMAC secret (32 bytes)".
    [[nodiscard]] QString description() const;

    /// The public half (same metadata); for oct keys returns a null key.
    [[nodiscard]] Key publicKey() const;

    /// The JWK JSON (members in RFC 7638 order of required members, then kid/alg/use/key_ops).
    /// includePrivate=false strips d, p, q, dp, dq, qi, oth and k (ATTACKS.md A34).
    [[nodiscard]] Result<QByteArray> toJwk(bool includePrivate) const;

    /// RFC 7638 thumbprint over the required members only, base64url-encoded. hash: 256, 384 or 512.
    [[nodiscard]] Result<QString> thumbprint(int shaBits = 256) const;

    /// RFC 9278 JWK Thumbprint URI: "urn:ietf:params:oauth:jwk-thumbprint:sha-256:<thumbprint>" (sha-384, sha-512
    /// for the other hashes, as named in the IANA Named Information Hash Algorithm Registry).
    [[nodiscard]] Result<QString> thumbprintUri(int shaBits = 256) const;

    /// True when both keys have the same public part (asymmetric keys), or the same secret (oct keys).
    [[nodiscard]] bool hasSamePublicKey(const Key& other) const;

    /// The HMAC secret bytes (oct keys only), otherwise nullptr.
    [[nodiscard]] const SecureBytes* secret() const;

    /// For crypto/ only.
    [[nodiscard]] const detail::KeyData* data() const { return d.get(); }
    explicit Key(std::shared_ptr<detail::KeyData> data);

private:
    std::shared_ptr<detail::KeyData> d;
};

} // namespace assay
