// SPDX-License-Identifier: Apache-2.0
// Key loading: every PEM/DER kind, encrypted keys, certificates, bundles, HMAC secret encodings, size limits.
// ATTACKS.md A04 (no sniffing of secrets), A10 (empty secret), A14/A24 (RSA size and exponent limits).
#include "jwk/KeyLoader.h"

#include "Vectors.h"
#include "crypto/SecureBytes.h"
#include "crypto/SignatureEngine.h"
#include "encoding/Base64Url.h"
#include "jwk/Key.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <openssl/encoder.h>
#include <openssl/evp.h>

#include <map>
#include <memory>

using namespace assay;

namespace {

struct PkeyFree
{
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

const char* const kPassphrase = "correct horse battery staple";

// Keys made by OpenSSL directly, one per kind, so the loader is tested against an independent producer.
EVP_PKEY* opensslKey(const QByteArray& spec)
{
    static std::map<QByteArray, PkeyPtr> cache;
    auto it = cache.find(spec);
    if (it != cache.end())
        return it->second.get();
    EVP_PKEY* pkey = nullptr;
    if (spec == "RSA")
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048));
    else if (spec.startsWith("EC:"))
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", spec.mid(3).constData());
    else
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, spec.constData());
    return cache.emplace(spec, PkeyPtr(pkey)).first->second.get();
}

// Serialises with OSSL_ENCODER: `structure` is SubjectPublicKeyInfo, PrivateKeyInfo, EncryptedPrivateKeyInfo or
// type-specific (PKCS#1 for RSA, SEC 1 for EC); a cipher makes the output encrypted with kPassphrase.
QByteArray encodeKey(EVP_PKEY* pkey, bool privatePart, const char* format, const char* structure,
                     const char* cipher = nullptr)
{
    std::unique_ptr<OSSL_ENCODER_CTX, decltype(&OSSL_ENCODER_CTX_free)> ctx(
        OSSL_ENCODER_CTX_new_for_pkey(pkey, privatePart ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, format, structure,
                                      nullptr),
        &OSSL_ENCODER_CTX_free);
    if (!ctx || OSSL_ENCODER_CTX_get_num_encoders(ctx.get()) == 0)
        return {};
    if (cipher != nullptr &&
        (OSSL_ENCODER_CTX_set_cipher(ctx.get(), cipher, nullptr) != 1 ||
         OSSL_ENCODER_CTX_set_passphrase(ctx.get(), reinterpret_cast<const unsigned char*>(kPassphrase),
                                         std::strlen(kPassphrase)) != 1))
        return {};
    unsigned char* data = nullptr;
    std::size_t len = 0;
    if (OSSL_ENCODER_to_data(ctx.get(), &data, &len) != 1)
        return {};
    QByteArray out(reinterpret_cast<const char*>(data), static_cast<qsizetype>(len));
    OPENSSL_free(data);
    return out;
}

struct KeySpec
{
    const char* spec;
    KeyType type;
    Curve curve;
    JwsAlgorithm signAlg; // None for key-agreement-only keys
};

const KeySpec kSpecs[] = {
    {"RSA", KeyType::RSA, Curve::None, JwsAlgorithm::RS256},
    {"EC:P-256", KeyType::EC, Curve::P256, JwsAlgorithm::ES256},
    {"EC:P-384", KeyType::EC, Curve::P384, JwsAlgorithm::ES384},
    {"EC:P-521", KeyType::EC, Curve::P521, JwsAlgorithm::ES512},
    {"EC:secp256k1", KeyType::EC, Curve::Secp256k1, JwsAlgorithm::ES256K},
    {"ED25519", KeyType::OKP, Curve::Ed25519, JwsAlgorithm::EdDSA},
    {"ED448", KeyType::OKP, Curve::Ed448, JwsAlgorithm::EdDSA},
    {"X25519", KeyType::OKP, Curve::X25519, JwsAlgorithm::None},
    {"X448", KeyType::OKP, Curve::X448, JwsAlgorithm::None},
};

QByteArray pemWrap(const char* label, const QByteArray& der)
{
    QByteArray out = QByteArray("-----BEGIN ") + label + "-----\n";
    const QByteArray b64 = der.toBase64();
    for (qsizetype i = 0; i < b64.size(); i += 64)
        out += b64.mid(i, 64) + '\n';
    return out + "-----END " + label + "-----\n";
}

QByteArray rfc7517CertificateDer()
{
    const QJsonObject jwk = test::readVectorJson(QStringLiteral("latchset-jose/rfc7517_B.jwk"));
    return QByteArray::fromBase64(jwk[QLatin1String("x5c")].toArray().first().toString().toLatin1());
}

QString codeOf(const Error& e)
{
    return errorCodeName(e.code);
}

} // namespace

class TestKeyLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pemDerKinds_data();
    void pemDerKinds();
    void passphrases_data();
    void passphrases();
    void certificate_data();
    void certificate();
    void pemBundle();
    void jwtioPemKeys_data();
    void jwtioPemKeys();
    void wycheproofDer_data();
    void wycheproofDer();
    void secrets_data();
    void secrets();
    void secretErrors_data();
    void secretErrors();
    void rejectsInput_data();
    void rejectsInput();
    void oversizedRsaRefusedFast();
};

void TestKeyLoader::pemDerKinds_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<bool>("privatePart");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QByteArray>("structure");
    QTest::addColumn<int>("expectedFormat");
    for (const KeySpec& k : kSpecs) {
        const struct
        {
            bool priv;
            const char* format;
            const char* structure;
            KeyFormat expected;
        } kinds[] = {
            {false, "PEM", "SubjectPublicKeyInfo", KeyFormat::PemSpki},
            {false, "DER", "SubjectPublicKeyInfo", KeyFormat::DerSpki},
            {true, "PEM", "PrivateKeyInfo", KeyFormat::PemPkcs8},
            {true, "DER", "PrivateKeyInfo", KeyFormat::DerPkcs8},
        };
        for (const auto& kind : kinds) {
            QTest::addRow("%s %s %s", k.spec, kind.format, kind.structure)
                << QByteArray(k.spec) << kind.priv << QByteArray(kind.format) << QByteArray(kind.structure)
                << int(kind.expected);
        }
    }
    // PKCS#1 (RFC 8017 A.1) for RSA, SEC 1 (RFC 5915) for EC: OpenSSL's "type-specific" structures.
    QTest::newRow("RSA PEM PKCS#1 public") << QByteArray("RSA") << false << QByteArray("PEM")
                                           << QByteArray("type-specific") << int(KeyFormat::PemPkcs1Public);
    QTest::newRow("RSA DER PKCS#1 public") << QByteArray("RSA") << false << QByteArray("DER")
                                           << QByteArray("type-specific") << int(KeyFormat::DerPkcs1Public);
    QTest::newRow("RSA PEM PKCS#1 private") << QByteArray("RSA") << true << QByteArray("PEM")
                                            << QByteArray("type-specific") << int(KeyFormat::PemPkcs1Private);
    QTest::newRow("RSA DER PKCS#1 private") << QByteArray("RSA") << true << QByteArray("DER")
                                            << QByteArray("type-specific") << int(KeyFormat::DerPkcs1Private);
    for (const char* curve : {"EC:P-256", "EC:P-384", "EC:P-521", "EC:secp256k1"}) {
        QTest::addRow("%s PEM SEC1", curve)
            << QByteArray(curve) << true << QByteArray("PEM") << QByteArray("type-specific") << int(KeyFormat::PemSec1);
        QTest::addRow("%s DER SEC1", curve)
            << QByteArray(curve) << true << QByteArray("DER") << QByteArray("type-specific") << int(KeyFormat::DerSec1);
    }
}

void TestKeyLoader::pemDerKinds()
{
    QFETCH(QByteArray, spec);
    QFETCH(bool, privatePart);
    QFETCH(QByteArray, format);
    QFETCH(QByteArray, structure);
    QFETCH(int, expectedFormat);
    const KeySpec* k = nullptr;
    for (const KeySpec& s : kSpecs) {
        if (spec == s.spec)
            k = &s;
    }
    QVERIFY(k != nullptr);
    EVP_PKEY* pkey = opensslKey(spec);
    QVERIFY(pkey != nullptr);
    const QByteArray encoded = encodeKey(pkey, privatePart, format.constData(), structure.constData());
    QVERIFY2(!encoded.isEmpty(), "OpenSSL could not encode this kind");

    auto set = loadKeys(encoded);
    QVERIFY2(set.has_value(), qPrintable(set ? QString() : set.error().toString()));
    QCOMPARE(set->keys.size(), 1);
    QVERIFY(set->skipped.isEmpty());
    const Key key = set->keys.first();
    QCOMPARE(keyFormatName(key.format()), keyFormatName(KeyFormat(expectedFormat)));
    QCOMPARE(keyTypeName(key.type()), keyTypeName(k->type));
    QCOMPARE(curveName(key.curve()), curveName(k->curve));
    QCOMPARE(key.hasPrivate(), privatePart);

    // The same key as its SPKI (a different OpenSSL encoding) has the same thumbprint.
    auto reference = loadKeys(encodeKey(pkey, false, "DER", "SubjectPublicKeyInfo"));
    QVERIFY(reference.has_value());
    QCOMPARE(key.thumbprint().value_or(QString()), reference->keys.first().thumbprint().value_or(QStringLiteral("x")));
    if (privatePart && k->signAlg != JwsAlgorithm::None) {
        const auto sig = signature::sign(key, k->signAlg, "a.b");
        QVERIFY2(sig.has_value(), qPrintable(sig ? QString() : sig.error().toString()));
        QVERIFY(signature::verify(reference->keys.first(), k->signAlg, "a.b", *sig).has_value());
    }
}

void TestKeyLoader::passphrases_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QByteArray>("structure");
    QTest::addColumn<int>("expectedFormat");
    for (const char* spec : {"RSA", "EC:P-256", "ED25519"}) {
        QTest::addRow("%s PEM PKCS#8 encrypted", spec)
            << QByteArray(spec) << QByteArray("PEM") << QByteArray("EncryptedPrivateKeyInfo")
            << int(KeyFormat::PemPkcs8Encrypted);
        QTest::addRow("%s DER PKCS#8 encrypted", spec)
            << QByteArray(spec) << QByteArray("DER") << QByteArray("EncryptedPrivateKeyInfo")
            << int(KeyFormat::DerPkcs8Encrypted);
    }
    // OpenSSL's legacy "Proc-Type: 4,ENCRYPTED" PEM encryption of PKCS#1 and SEC 1 keys.
    QTest::newRow("RSA PEM PKCS#1 legacy encrypted")
        << QByteArray("RSA") << QByteArray("PEM") << QByteArray("type-specific") << int(KeyFormat::PemPkcs1Private);
    QTest::newRow("EC PEM SEC1 legacy encrypted")
        << QByteArray("EC:P-384") << QByteArray("PEM") << QByteArray("type-specific") << int(KeyFormat::PemSec1);
}

void TestKeyLoader::passphrases()
{
    QFETCH(QByteArray, spec);
    QFETCH(QByteArray, format);
    QFETCH(QByteArray, structure);
    QFETCH(int, expectedFormat);
    const QByteArray encoded =
        encodeKey(opensslKey(spec), true, format.constData(), structure.constData(), "AES-256-CBC");
    QVERIFY(!encoded.isEmpty());
    if (format == "PEM")
        QVERIFY(encoded.contains("ENCRYPTED"));

    auto missing = loadKeys(encoded);
    QVERIFY(!missing.has_value());
    QCOMPARE(codeOf(missing.error()), errorCodeName(ErrorCode::KeyPassphraseRequired));

    const SecureBytes wrong(QByteArrayView("Tr0ub4dor&3"));
    auto wrongResult = loadKeys(encoded, &wrong);
    QVERIFY(!wrongResult.has_value());
    QCOMPARE(codeOf(wrongResult.error()), errorCodeName(ErrorCode::KeyPassphraseWrong));

    const SecureBytes right{QByteArrayView(kPassphrase)};
    auto ok = loadKeys(encoded, &right);
    QVERIFY2(ok.has_value(), qPrintable(ok ? QString() : ok.error().toString()));
    QCOMPARE(ok->keys.size(), 1);
    QVERIFY(ok->keys.first().hasPrivate());
    QCOMPARE(keyFormatName(ok->keys.first().format()), keyFormatName(KeyFormat(expectedFormat)));
    auto reference = loadKeys(encodeKey(opensslKey(spec), false, "DER", "SubjectPublicKeyInfo"));
    QVERIFY(reference.has_value());
    QCOMPARE(*ok->keys.first().thumbprint(), *reference->keys.first().thumbprint());
}

void TestKeyLoader::certificate_data()
{
    QTest::addColumn<bool>("pem");
    QTest::newRow("DER certificate") << false;
    QTest::newRow("PEM certificate") << true;
}

void TestKeyLoader::certificate()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(bool, pem);
    // RFC 7517 appendix B: the x5c certificate (latchset-jose/rfc7517_B.jwk); expected facts read with
    // `openssl x509 -noout -subject -issuer -dates -serial -nameopt RFC2253`.
    const QByteArray der = rfc7517CertificateDer();
    QVERIFY(!der.isEmpty());
    auto set = loadKeys(pem ? pemWrap("CERTIFICATE", der) : der);
    QVERIFY2(set.has_value(), qPrintable(set ? QString() : set.error().toString()));
    QCOMPARE(set->keys.size(), 1);
    const Key key = set->keys.first();
    QCOMPARE(keyFormatName(key.format()), keyFormatName(pem ? KeyFormat::PemCertificate : KeyFormat::DerCertificate));
    QCOMPARE(key.type(), KeyType::RSA);
    QVERIFY(!key.hasPrivate());
    const auto info = key.certificate();
    QVERIFY(info.has_value());
    QCOMPARE(info->subject, QStringLiteral("CN=Brian Campbell,O=Ping Identity Corp.,L=Denver,ST=CO,C=US"));
    QCOMPARE(info->issuer, info->subject);
    QCOMPARE(info->notBefore, QDateTime(QDate(2013, 2, 21), QTime(23, 29, 15), QTimeZone::utc()));
    QCOMPARE(info->notAfter, QDateTime(QDate(2018, 8, 14), QTime(22, 29, 15), QTimeZone::utc()));
    QCOMPARE(info->serialHex, QStringLiteral("013CFF16E2E2"));
    // RFC 7517 B: the certificate's key is the JWK's n and e.
    QJsonObject jwk = test::readVectorJson(QStringLiteral("latchset-jose/rfc7517_B.jwk"));
    jwk.remove(QLatin1String("x5c"));
    auto fromJwk = keyFromJwk(QJsonDocument(jwk).toJson(QJsonDocument::Compact));
    QVERIFY(fromJwk.has_value());
    QCOMPARE(*key.thumbprint(), *fromJwk->thumbprint());
}

void TestKeyLoader::pemBundle()
{
    ASSAY_REQUIRE_VECTORS();
    // Several PEM blocks: each key is loaded in order; the curve parameters block of `openssl ecparam -genkey`
    // is ignored; an unknown block is reported and the rest still load.
    const QByteArray bundle =
        QByteArray("Some text before the blocks\n") + pemWrap("CERTIFICATE", rfc7517CertificateDer()) +
        encodeKey(opensslKey("EC:P-256"), false, "PEM", "SubjectPublicKeyInfo") +
        encodeKey(opensslKey("EC:P-384"), true, "PEM", "type-specific")
            .replace("-----BEGIN EC PRIVATE KEY", "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n"
                                                  "-----END EC PARAMETERS-----\n-----BEGIN EC PRIVATE KEY") +
        pemWrap("OPENSSH PRIVATE KEY", QByteArray("not a key we read")) +
        encodeKey(opensslKey("ED25519"), true, "PEM", "PrivateKeyInfo");
    auto set = loadKeys(bundle);
    QVERIFY2(set.has_value(), qPrintable(set ? QString() : set.error().toString()));
    QCOMPARE(set->keys.size(), 4);
    QCOMPARE(set->keys[0].format(), KeyFormat::PemCertificate);
    QCOMPARE(set->keys[1].curve(), Curve::P256);
    QCOMPARE(set->keys[2].curve(), Curve::P384);
    QVERIFY(set->keys[2].hasPrivate());
    QCOMPARE(set->keys[3].curve(), Curve::Ed25519);
    QCOMPARE(set->skipped.size(), 1);
    QVERIFY2(set->skipped.first().contains(QLatin1String("OPENSSH PRIVATE KEY")), qPrintable(set->skipped.first()));
    QVERIFY(!set->isJwks);
    QVERIFY(!set->mixesSymmetry);
}

void TestKeyLoader::jwtioPemKeys_data()
{
    QTest::addColumn<QByteArray>("publicPem");
    QTest::addColumn<QByteArray>("privatePem");
    QTest::addColumn<QByteArray>("jwk");
    if (!test::haveVectors())
        return;
    // jwtio-defaults/default-tokens.json: PKCS#8 private and SPKI public PEM keys with their JWKs.
    const QJsonObject tokens =
        test::readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))[QLatin1String("tokens")].toObject();
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        if (!entry.contains(QLatin1String("publicKey")))
            continue;
        QTest::addRow("jwtio %s", qPrintable(it.key()))
            << entry[QLatin1String("publicKey")].toString().toLatin1()
            << entry[QLatin1String("privateKey")].toString().toLatin1()
            << QJsonDocument(entry[QLatin1String("jwk")].toObject()).toJson(QJsonDocument::Compact);
    }
}

void TestKeyLoader::jwtioPemKeys()
{
    QFETCH(QByteArray, publicPem);
    QFETCH(QByteArray, privatePem);
    QFETCH(QByteArray, jwk);
    auto pub = loadKeys(publicPem);
    auto priv = loadKeys(privatePem);
    auto fromJwk = loadKeys(jwk);
    QVERIFY2(pub.has_value(), qPrintable(pub ? QString() : pub.error().toString()));
    QVERIFY2(priv.has_value(), qPrintable(priv ? QString() : priv.error().toString()));
    QVERIFY2(fromJwk.has_value(), qPrintable(fromJwk ? QString() : fromJwk.error().toString()));
    QCOMPARE(pub->keys.first().format(), KeyFormat::PemSpki);
    QCOMPARE(priv->keys.first().format(), KeyFormat::PemPkcs8);
    QVERIFY(priv->keys.first().hasPrivate());
    QVERIFY(!pub->keys.first().hasPrivate());
    const QString thumb = *pub->keys.first().thumbprint();
    QCOMPARE(*priv->keys.first().thumbprint(), thumb);
    QCOMPARE(*fromJwk->keys.first().thumbprint(), thumb);
}

void TestKeyLoader::wycheproofDer_data()
{
    QTest::addColumn<QByteArray>("der");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("curve");
    if (!test::haveVectors())
        return;
    // Wycheproof publicKeyDer (SPKI) of the first group of each file.
    const struct
    {
        const char* file;
        KeyType type;
        Curve curve;
    } files[] = {
        {"ecdsa_secp256r1_sha256_p1363_test", KeyType::EC, Curve::P256},
        {"ecdsa_secp384r1_sha384_p1363_test", KeyType::EC, Curve::P384},
        {"ecdsa_secp521r1_sha512_p1363_test", KeyType::EC, Curve::P521},
        {"ecdsa_secp256k1_sha256_p1363_test", KeyType::EC, Curve::Secp256k1},
        {"ed25519_test", KeyType::OKP, Curve::Ed25519},
        {"ed448_test", KeyType::OKP, Curve::Ed448},
        {"rsa_signature_4096_sha512_test", KeyType::RSA, Curve::None},
    };
    for (const auto& f : files) {
        const QJsonObject doc =
            test::readVectorJson(QStringLiteral("wycheproof/testvectors_v1/%1.json").arg(QLatin1String(f.file)));
        const QJsonObject group = doc[QLatin1String("testGroups")].toArray().first().toObject();
        QTest::addRow("%s", f.file) << QByteArray::fromHex(group[QLatin1String("publicKeyDer")].toString().toLatin1())
                                    << int(f.type) << int(f.curve);
    }
}

void TestKeyLoader::wycheproofDer()
{
    QFETCH(QByteArray, der);
    QFETCH(int, type);
    QFETCH(int, curve);
    auto set = loadKeys(der);
    QVERIFY2(set.has_value(), qPrintable(set ? QString() : set.error().toString()));
    QCOMPARE(set->keys.first().format(), KeyFormat::DerSpki);
    QCOMPARE(set->keys.first().type(), KeyType(type));
    QCOMPARE(set->keys.first().curve(), Curve(curve));
}

void TestKeyLoader::secrets_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QByteArray>("expected");
    // jwt.io's HS256 secret, exactly as typed (jwtio-defaults/default-tokens.json).
    QTest::newRow("utf8 jwt.io") << QByteArray("a-string-secret-at-least-256-bits-long") << int(SecretEncoding::Utf8)
                                 << QByteArray("a-string-secret-at-least-256-bits-long");
    // Surrounding spaces are part of a typed secret (jwt-secrets list has such entries).
    QTest::newRow("utf8 spaces kept") << QByteArray(" secret ") << int(SecretEncoding::Utf8) << QByteArray(" secret ");
    QTest::newRow("utf8 non-ascii") << QByteArray("caf\xc3\xa9") << int(SecretEncoding::Utf8)
                                    << QByteArray("caf\xc3\xa9");
    // RFC 4648 section 10 "foobar" and a value that exercises + and / (0xfb 0xff -> "+/8").
    QTest::newRow("base64 padded") << QByteArray("Zm9vYg==") << int(SecretEncoding::Base64) << QByteArray("foob");
    QTest::newRow("base64 unpadded") << QByteArray("Zm9vYg") << int(SecretEncoding::Base64) << QByteArray("foob");
    QTest::newRow("base64 +/") << QByteArray("+/8=") << int(SecretEncoding::Base64) << QByteArray::fromHex("fbff");
    QTest::newRow("base64 trailing newline")
        << QByteArray("Zm9vYmFy\n") << int(SecretEncoding::Base64) << QByteArray("foobar");
    QTest::newRow("base64url -_") << QByteArray("-_8") << int(SecretEncoding::Base64Url) << QByteArray::fromHex("fbff");
    QTest::newRow("base64url padded") << QByteArray("-_8=") << int(SecretEncoding::Base64Url)
                                      << QByteArray::fromHex("fbff");
    // RFC 7515 A.1's HMAC key, as base64url.
    QTest::newRow("base64url rfc7515 A.1")
        << QByteArray("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow")
        << int(SecretEncoding::Base64Url)
        << QByteArray::fromBase64(
               "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
               QByteArray::Base64UrlEncoding);
    QTest::newRow("hex lower") << QByteArray("deadbeef") << int(SecretEncoding::Hex) << QByteArray::fromHex("deadbeef");
    QTest::newRow("hex mixed case spaced")
        << QByteArray("DE ad\tBe EF\n") << int(SecretEncoding::Hex) << QByteArray::fromHex("deadbeef");
    // ATTACKS.md A04: a PEM typed as a secret stays a secret (no sniffing).
    QTest::newRow("utf8 PEM-looking") << QByteArray("-----BEGIN PUBLIC KEY-----\nMFk=\n-----END PUBLIC KEY-----\n")
                                      << int(SecretEncoding::Utf8)
                                      << QByteArray("-----BEGIN PUBLIC KEY-----\nMFk=\n-----END PUBLIC KEY-----\n");
}

void TestKeyLoader::secrets()
{
    QFETCH(QByteArray, text);
    QFETCH(int, encoding);
    QFETCH(QByteArray, expected);
    auto key = keyFromSecret(text, SecretEncoding(encoding));
    QVERIFY2(key.has_value(), qPrintable(key ? QString() : key.error().toString()));
    QCOMPARE(key->type(), KeyType::Oct);
    QCOMPARE(key->format(), KeyFormat::Secret);
    QVERIFY(key->hasPrivate());
    QVERIFY(key->secret() != nullptr);
    QCOMPARE(key->secret()->view().toByteArray(), expected);
    QCOMPARE(key->bits(), int(expected.size() * 8));
    QCOMPARE(key->description(), QStringLiteral("HMAC secret (%1 bytes)").arg(expected.size()));
}

void TestKeyLoader::secretErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<int>("code");
    const int empty = int(ErrorCode::KeyEmptySecret);
    // ATTACKS.md A10: an empty key is refused in every encoding.
    QTest::newRow("utf8 empty") << QByteArray() << int(SecretEncoding::Utf8) << empty;
    QTest::newRow("base64 empty") << QByteArray() << int(SecretEncoding::Base64) << empty;
    QTest::newRow("base64 whitespace only") << QByteArray(" \n") << int(SecretEncoding::Base64) << empty;
    QTest::newRow("base64url empty") << QByteArray() << int(SecretEncoding::Base64Url) << empty;
    QTest::newRow("hex empty") << QByteArray("  ") << int(SecretEncoding::Hex) << empty;
    QTest::newRow("base64 with url alphabet")
        << QByteArray("-_8") << int(SecretEncoding::Base64) << int(ErrorCode::Base64UrlInvalidChar);
    QTest::newRow("base64url with std alphabet")
        << QByteArray("+/8") << int(SecretEncoding::Base64Url) << int(ErrorCode::Base64UrlInvalidChar);
    QTest::newRow("base64 bad padding") << QByteArray("Zm9vY===") << int(SecretEncoding::Base64)
                                        << int(ErrorCode::Base64UrlPadding);
    QTest::newRow("base64 padding not at end")
        << QByteArray("Zg==Zg==") << int(SecretEncoding::Base64) << int(ErrorCode::Base64UrlPadding);
    QTest::newRow("base64 bad length") << QByteArray("Zm9vY") << int(SecretEncoding::Base64)
                                       << int(ErrorCode::Base64UrlBadLength);
    QTest::newRow("hex odd") << QByteArray("abc") << int(SecretEncoding::Hex) << int(ErrorCode::KeyParse);
    QTest::newRow("hex non-hex") << QByteArray("zz") << int(SecretEncoding::Hex) << int(ErrorCode::KeyParse);
    QTest::newRow("hex split byte") << QByteArray("a b") << int(SecretEncoding::Hex) << int(ErrorCode::KeyParse);
}

void TestKeyLoader::secretErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, encoding);
    QFETCH(int, code);
    auto key = keyFromSecret(text, SecretEncoding(encoding));
    QVERIFY(!key.has_value());
    QCOMPARE(codeOf(key.error()), errorCodeName(ErrorCode(code)));
    QCOMPARE(key.error().segment, Segment::Key);
}

void TestKeyLoader::rejectsInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("code");
    QTest::newRow("empty") << QByteArray() << int(ErrorCode::InputEmpty);
    QTest::newRow("whitespace") << QByteArray(" \r\n\t") << int(ErrorCode::InputEmpty);
    QTest::newRow("text") << QByteArray("hello world") << int(ErrorCode::KeyParse);
    QTest::newRow("binary junk") << QByteArray::fromHex("3082ffff0000") << int(ErrorCode::KeyParse);
    QTest::newRow("truncated DER SPKI") << QByteArray::fromHex("3059301306072a8648ce3d0201")
                                        << int(ErrorCode::KeyParse);
    QTest::newRow("broken PEM body") << QByteArray("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n")
                                     << int(ErrorCode::KeyParse);
    QTest::newRow("PEM with DER garbage") << pemWrap("PUBLIC KEY", QByteArray("garbage")) << int(ErrorCode::KeyParse);
    QTest::newRow("only unknown PEM") << pemWrap("OPENSSH PRIVATE KEY", QByteArray("x"))
                                      << int(ErrorCode::KeyUnsupported);
    QTest::newRow("too large") << QByteArray(4 * 1024 * 1024 + 1, ' ') << int(ErrorCode::InputTooLarge);
    QTest::newRow("JSON array") << QByteArray("[1]") << int(ErrorCode::KeyParse);
    QTest::newRow("JSON syntax") << QByteArray("{\"kty\":") << int(ErrorCode::JsonSyntax);
}

void TestKeyLoader::rejectsInput()
{
    QFETCH(QByteArray, input);
    QFETCH(int, code);
    auto set = loadKeys(input);
    QVERIFY(!set.has_value());
    QCOMPARE(codeOf(set.error()), errorCodeName(ErrorCode(code)));
}

void TestKeyLoader::oversizedRsaRefusedFast()
{
    // ATTACKS.md A24: a 16,385-bit modulus is refused before OpenSSL sees it, and quickly.
    const QByteArray n = QByteArray(1, '\x01') + QByteArray(2048, '\xff'); // 1 + 2048*8 = 16385 bits
    const QByteArray jwk = QByteArray(R"({"kty":"RSA","n":")") + base64url::encode(n) + R"(","e":"AQAB"})";
    QElapsedTimer timer;
    timer.start();
    auto set = loadKeys(jwk);
    const qint64 ms = timer.elapsed();
    QVERIFY(!set.has_value());
    QCOMPARE(codeOf(set.error()), errorCodeName(ErrorCode::KeyTooLarge));
    QVERIFY2(ms < 200, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
    // The same for a huge public exponent (e > 2^64).
    const QByteArray bigE = QByteArray(R"({"kty":"RSA","n":")") + base64url::encode(QByteArray(256, '\xff')) +
                            R"(","e":")" + base64url::encode(QByteArray(9, '\x01')) + R"("})";
    auto e = loadKeys(bigE);
    QVERIFY(!e.has_value());
    QCOMPARE(codeOf(e.error()), errorCodeName(ErrorCode::KeyTooLarge));
}

QTEST_APPLESS_MAIN(TestKeyLoader)
#include "TestKeyLoader.moc"
