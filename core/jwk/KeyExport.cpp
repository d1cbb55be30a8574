// SPDX-License-Identifier: Apache-2.0
#include "jwk/KeyExport.h"

#include "crypto/detail/KeyData.h"
#include "crypto/detail/OsslError.h"

#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <QHash>

namespace assay {
namespace {

using detail::opensslError;

Error keyError(ErrorCode code, QString message)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.segment = Segment::Key;
    return e;
}

// The whole content of a memory BIO, which is then emptied with its buffer cleansed (BIO_s_secmem frees through
// OPENSSL_secure_clear_free).
SecureBytes takeBio(BIO* bio)
{
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return SecureBytes(data, len > 0 ? static_cast<std::size_t>(len) : 0);
}

Result<void> checkShape(const Key& key, KeyStructure structure)
{
    if (key.isSymmetric())
        return fail(keyError(ErrorCode::KeyUnsupported,
                             QStringLiteral("an HMAC secret has no PEM or DER form; export it as a JWK (kty \"oct\") "
                                            "or as its raw bytes")));
    const bool rsaOnly = structure == KeyStructure::Pkcs1Public || structure == KeyStructure::Pkcs1Private;
    if (rsaOnly && key.type() != KeyType::RSA)
        return fail(keyError(
            ErrorCode::KeyUnsupported,
            QStringLiteral("PKCS#1 holds RSA keys only; this is an %1 (use SPKI or PKCS#8)").arg(key.description())));
    if (structure == KeyStructure::Sec1 && key.type() != KeyType::EC)
        return fail(
            keyError(ErrorCode::KeyUnsupported,
                     QStringLiteral("SEC 1 holds EC keys only; this is an %1 (use PKCS#8)").arg(key.description())));
    if (isPrivateStructure(structure) && !key.hasPrivate())
        return fail(keyError(
            ErrorCode::KeyNotPrivate,
            QStringLiteral("%1 holds a private key, and this is a public key").arg(keyStructureName(structure))));
    return {};
}

const char* encoderStructure(KeyStructure structure)
{
    switch (structure) {
    case KeyStructure::Spki:
        return "SubjectPublicKeyInfo";
    case KeyStructure::Pkcs8:
        return "PrivateKeyInfo";
    case KeyStructure::Pkcs1Public:
    case KeyStructure::Pkcs1Private:
    case KeyStructure::Sec1:
        return "type-specific"; // RSAPublicKey / RSAPrivateKey / ECPrivateKey
    case KeyStructure::Pkcs8Encrypted:
        break;
    }
    return nullptr;
}

Result<SecureBytes> encode(EVP_PKEY* pkey, KeyStructure structure, KeyEncoding encoding)
{
    const int selection = isPrivateStructure(structure) ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
    detail::EncoderCtxPtr ctx(OSSL_ENCODER_CTX_new_for_pkey(
        pkey, selection, encoding == KeyEncoding::Pem ? "PEM" : "DER", encoderStructure(structure), nullptr));
    if (!ctx || OSSL_ENCODER_CTX_get_num_encoders(ctx.get()) == 0)
        return fail(opensslError(ErrorCode::KeyUnsupported,
                                 QStringLiteral("OpenSSL cannot write this key as %1").arg(keyStructureName(structure)),
                                 Segment::Key));
    detail::BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || OSSL_ENCODER_to_bio(ctx.get(), bio.get()) != 1)
        return fail(opensslError(ErrorCode::CryptoFailure,
                                 QStringLiteral("writing the key as %1 failed").arg(keyStructureName(structure)),
                                 Segment::Key));
    return takeBio(bio.get());
}

using X509AlgorPtr = detail::OsslPtr<X509_ALGOR, X509_ALGOR_free>;
using EvpCipherPtr = detail::OsslPtr<EVP_CIPHER, EVP_CIPHER_free>;

// PBES2 with AES-256-CBC and PBKDF2-HMAC-SHA256 or scrypt, with parameters we choose (OSSL_ENCODER would pick
// OpenSSL's default of 2048 PBKDF2 iterations).
Result<SecureBytes> encodeEncrypted(EVP_PKEY* pkey, KeyEncoding encoding, const SecureBytes& passphrase,
                                    const Pkcs8Encryption& options)
{
    if (passphrase.isEmpty())
        return fail(keyError(ErrorCode::Usage, QStringLiteral("encrypting a private key needs a non-empty "
                                                              "passphrase")));
    if (passphrase.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        return fail(keyError(ErrorCode::Usage, QStringLiteral("the passphrase is too long")));
    if (options.kdf == PbeKdf::Pbkdf2HmacSha256 && options.pbkdf2Iterations < 1)
        return fail(keyError(ErrorCode::Usage, QStringLiteral("PBKDF2 needs at least one iteration")));
    EvpCipherPtr cipher(EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr));
    if (!cipher)
        return fail(
            opensslError(ErrorCode::CryptoFailure, QStringLiteral("AES-256-CBC is not available"), Segment::Key));
    // salt = nullptr: OpenSSL draws a fresh random salt (16 bytes) and IV from its CSPRNG.
    constexpr int saltLength = 16;
    X509AlgorPtr pbe(options.kdf == PbeKdf::Scrypt
                         ? PKCS5_pbe2_set_scrypt(cipher.get(), nullptr, saltLength, nullptr, options.scryptN,
                                                 options.scryptR, options.scryptP)
                         : PKCS5_pbe2_set_iv_ex(cipher.get(), options.pbkdf2Iterations, nullptr, saltLength, nullptr,
                                                NID_hmacWithSHA256, nullptr));
    if (!pbe)
        return fail(
            opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot set up the PBES2 parameters"), Segment::Key));
    detail::Pkcs8InfoPtr info(EVP_PKEY2PKCS8(pkey));
    if (!info)
        return fail(
            opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot write the key as PKCS#8"), Segment::Key));
    // On success PKCS8_set0_pbe_ex takes ownership of the algorithm identifier.
    detail::X509SigPtr encrypted(PKCS8_set0_pbe_ex(reinterpret_cast<const char*>(passphrase.data()),
                                                   static_cast<int>(passphrase.size()), info.get(), pbe.get(), nullptr,
                                                   nullptr));
    if (!encrypted)
        return fail(
            opensslError(ErrorCode::CryptoFailure, QStringLiteral("encrypting the private key failed"), Segment::Key));
    pbe.release();
    detail::BioPtr bio(BIO_new(BIO_s_mem()));
    const int written = !bio                           ? 0
                        : encoding == KeyEncoding::Pem ? PEM_write_bio_PKCS8(bio.get(), encrypted.get())
                                                       : i2d_PKCS8_bio(bio.get(), encrypted.get());
    if (written != 1)
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("writing the encrypted private key failed"),
                                 Segment::Key));
    return takeBio(bio.get());
}

} // namespace

QString keyStructureName(KeyStructure structure)
{
    switch (structure) {
    case KeyStructure::Spki:
        return QStringLiteral("SPKI");
    case KeyStructure::Pkcs1Public:
        return QStringLiteral("PKCS#1 public");
    case KeyStructure::Pkcs1Private:
        return QStringLiteral("PKCS#1 private");
    case KeyStructure::Pkcs8:
        return QStringLiteral("PKCS#8");
    case KeyStructure::Pkcs8Encrypted:
        return QStringLiteral("encrypted PKCS#8");
    case KeyStructure::Sec1:
        return QStringLiteral("SEC 1");
    }
    return {};
}

bool isPrivateStructure(KeyStructure structure)
{
    return structure == KeyStructure::Pkcs1Private || structure == KeyStructure::Pkcs8 ||
           structure == KeyStructure::Pkcs8Encrypted || structure == KeyStructure::Sec1;
}

Result<SecureBytes> exportKey(const Key& key, KeyStructure structure, KeyEncoding encoding,
                              const SecureBytes* passphrase, const Pkcs8Encryption& encryption)
{
    if (key.isNull())
        return fail(keyError(ErrorCode::KeyNotFound, QStringLiteral("no key")));
    if (auto ok = checkShape(key, structure); !ok)
        return fail(ok.error());
    EVP_PKEY* pkey = key.data()->pkey.get();
    if (structure == KeyStructure::Pkcs8Encrypted) {
        if (passphrase == nullptr)
            return fail(keyError(ErrorCode::Usage, QStringLiteral("encrypting a private key needs a passphrase")));
        return encodeEncrypted(pkey, encoding, *passphrase, encryption);
    }
    if (passphrase != nullptr)
        return fail(keyError(ErrorCode::Usage, QStringLiteral("only encrypted PKCS#8 takes a passphrase")));
    return encode(pkey, structure, encoding);
}

Result<Key> applyMetadata(const Key& key, const JwkMetadata& metadata)
{
    if (key.isNull())
        return fail(keyError(ErrorCode::KeyNotFound, QStringLiteral("no key")));
    QString kid = key.kid();
    switch (metadata.kidChoice) {
    case KidChoice::Keep:
        break;
    case KidChoice::ThumbprintIfMissing:
    case KidChoice::Thumbprint:
        if (metadata.kidChoice == KidChoice::Thumbprint || kid.isEmpty()) {
            auto thumbprint = key.thumbprint(256);
            if (!thumbprint)
                return fail(thumbprint.error());
            kid = *thumbprint;
        }
        break;
    case KidChoice::Value:
        kid = metadata.kid;
        break;
    }
    return key.withMetadata(kid, metadata.alg.value_or(key.alg()), metadata.use.value_or(key.use()));
}

Result<SecureBytes> exportJwk(const Key& key, bool includePrivate)
{
    if (key.isNull())
        return fail(keyError(ErrorCode::KeyNotFound, QStringLiteral("no key")));
    if (key.isSymmetric() && !includePrivate)
        return fail(keyError(ErrorCode::KeyUnsupported,
                             QStringLiteral("an HMAC secret has no public part: its JWK is the secret itself")));
    if (includePrivate && !key.hasPrivate())
        return fail(keyError(ErrorCode::KeyNotPrivate,
                             QStringLiteral("a private JWK needs a private key, and this is a public key")));
    Result<QByteArray> jwk = key.toJwk(includePrivate);
    if (!jwk)
        return fail(jwk.error());
    SecureBytes out(*jwk);
    wipe(*jwk);
    return out;
}

Result<SecureBytes> exportJwks(const QList<Key>& keys, bool includePrivate)
{
    if (keys.isEmpty())
        return fail(keyError(ErrorCode::KeySetInvalid, QStringLiteral("a JWK Set needs at least one key")));
    QHash<QString, qsizetype> kids;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const Key& key = keys.at(i);
        if (key.isSymmetric() && !includePrivate)
            return fail(keyError(ErrorCode::KeyUnsupported,
                                 QStringLiteral("key %1 is an HMAC secret, which has no public part; include private "
                                                "keys explicitly to export it")
                                     .arg(i + 1)));
        if (key.kid().isEmpty())
            continue;
        const QString slot = keyTypeName(key.type()) + QLatin1Char('\n') + key.kid();
        if (const auto it = kids.constFind(slot); it != kids.constEnd())
            return fail(keyError(ErrorCode::KeySetInvalid,
                                 QStringLiteral("keys %1 and %2 share the kid \"%3\"; kids must tell keys apart")
                                     .arg(*it + 1)
                                     .arg(i + 1)
                                     .arg(key.kid())));
        kids.insert(slot, i);
    }
    QList<QByteArray> jwks;
    const auto wipeAll = [&jwks]() {
        for (QByteArray& jwk : jwks)
            wipe(jwk);
    };
    qsizetype total = 0;
    for (const Key& key : keys) {
        Result<QByteArray> jwk = key.toJwk(includePrivate && key.hasPrivate());
        if (!jwk) {
            wipeAll();
            return fail(jwk.error());
        }
        total += jwk->size() + 1;
        jwks.append(std::move(*jwk));
    }
    // One allocation of the final size: a growing buffer would leave copies of private members behind.
    QByteArray text;
    text.reserve(total + 16);
    text += "{\"keys\":[";
    for (qsizetype i = 0; i < jwks.size(); ++i) {
        if (i > 0)
            text += ',';
        text += jwks.at(i);
    }
    text += "]}";
    wipeAll();
    SecureBytes out(text);
    wipe(text);
    return out;
}

} // namespace assay
