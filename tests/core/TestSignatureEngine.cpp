// SPDX-License-Identifier: Apache-2.0
// The raw JWS signature primitives against published vectors (Wycheproof, RFC 7515, RFC 8037, jwt.io) and
// round trips with fresh keys. ATTACKS.md A03, A04, A10, A12, A13, A14, A15, A16.
#include "crypto/SignatureEngine.h"

#include "Vectors.h"
#include "encoding/Base64Url.h"
#include "jwk/Key.h"
#include "jwk/KeyGenerator.h"
#include "jwk/KeyLoader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <map>
#include <memory>
#include <optional>
#include <string_view>

using namespace assay;

namespace {

// How a row's key is given.
enum class KeyVia
{
    Jwk,       // keyFromJwk
    Loader,    // loadKeys (PEM, DER, JWK auto-detected)
    SecretHex, // keyFromSecret(..., Hex)
};

// What a row expects from verify().
enum class Expect
{
    Valid,      // must verify
    Invalid,    // must be rejected
    Acceptable, // either, but no crash
    RejectDer,  // must be rejected as ERR_SIGNATURE_DER (a correct DER signature placed in a JWS)
};

struct LoadedKey
{
    std::optional<Key> key;
    QString error;
};

// Keys are cached by their text: a Wycheproof group shares one key across many rows, and the engine's whole
// point is that a parsed key is reused.
const LoadedKey& loadKey(const QByteArray& text, KeyVia via)
{
    static std::map<std::pair<int, QByteArray>, LoadedKey> cache;
    const auto id = std::pair{static_cast<int>(via), text};
    auto it = cache.find(id);
    if (it != cache.end())
        return it->second;
    LoadedKey loaded;
    switch (via) {
    case KeyVia::Jwk: {
        auto key = keyFromJwk(text);
        if (key)
            loaded.key = *key;
        else
            loaded.error = key.error().toString();
        break;
    }
    case KeyVia::Loader: {
        auto set = loadKeys(text);
        if (set && set->keys.size() == 1)
            loaded.key = set->keys.first();
        else
            loaded.error = set ? QStringLiteral("%1 keys loaded").arg(set->keys.size()) : set.error().toString();
        break;
    }
    case KeyVia::SecretHex: {
        auto key = keyFromSecret(text, SecretEncoding::Hex);
        if (key)
            loaded.key = *key;
        else
            loaded.error = key.error().toString();
        break;
    }
    }
    return cache.emplace(id, std::move(loaded)).first->second;
}

QByteArray compactJson(const QJsonValue& value)
{
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

Expect expectFrom(const QString& result)
{
    if (result == QLatin1String("valid"))
        return Expect::Valid;
    if (result == QLatin1String("acceptable"))
        return Expect::Acceptable;
    return Expect::Invalid;
}

void addColumns()
{
    QTest::addColumn<QByteArray>("keyText");
    QTest::addColumn<int>("via");
    QTest::addColumn<int>("alg");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<int>("expect");
}

void addRow(const char* file, int tcId, const char* viaName, const QByteArray& keyText, KeyVia via, JwsAlgorithm alg,
            const QJsonObject& test, Expect expect)
{
    QTest::addRow("%s#%d/%s/%s", file, tcId, viaName, qPrintable(jwsAlgorithmName(alg)))
        << keyText << int(via) << int(alg) << QByteArray::fromHex(test[QLatin1String("msg")].toString().toLatin1())
        << QByteArray::fromHex(test[QLatin1String("sig")].toString().toLatin1()) << int(expect);
}

// One Wycheproof signature-verification file: every test, once with the group's JWK and once with its PEM.
// `overrideExpect` forces an expectation for every row (files whose "valid" is not valid for JWS).
void addWycheproofFile(const char* file, const QList<JwsAlgorithm>& algs, const char* sha,
                       std::optional<Expect> overrideExpect = std::nullopt, bool validAsDer = false)
{
    const QJsonObject doc =
        test::readVectorJson(QStringLiteral("wycheproof/testvectors_v1/%1.json").arg(QLatin1String(file)));
    const QJsonArray groups = doc[QLatin1String("testGroups")].toArray();
    QVERIFY2(!groups.isEmpty(), file);
    for (const QJsonValue& g : groups) {
        const QJsonObject group = g.toObject();
        if (sha != nullptr && group[QLatin1String("sha")].toString() != QLatin1String(sha))
            continue;
        QByteArray jwk;
        for (const char* name : {"publicKeyJwk", "keyJwk"}) {
            if (group.contains(QLatin1String(name)))
                jwk = compactJson(group[QLatin1String(name)]);
        }
        const QByteArray pem = group[QLatin1String("publicKeyPem")].toString().toLatin1();
        for (const QJsonValue& t : group[QLatin1String("tests")].toArray()) {
            const QJsonObject test = t.toObject();
            const int tcId = test[QLatin1String("tcId")].toInt();
            Expect expect = overrideExpect.value_or(expectFrom(test[QLatin1String("result")].toString()));
            // rsa_pss_2048_sha256_mgf1_0_test.json tcId 69 ("s_len changed to 32") is invalid for salt length 0
            // but is exactly a PS256 signature (salt = hash length = 32), so a strict PS256 verifier accepts it.
            if (overrideExpect && test[QLatin1String("comment")].toString() == QLatin1String("s_len changed to 32") &&
                std::string_view(file) == "rsa_pss_2048_sha256_mgf1_0_test")
                expect = Expect::Valid;
            if (validAsDer && test[QLatin1String("result")].toString() == QLatin1String("valid"))
                expect = Expect::RejectDer;
            for (JwsAlgorithm alg : algs) {
                if (!jwk.isEmpty())
                    addRow(file, tcId, "jwk", jwk, KeyVia::Jwk, alg, test, expect);
                if (!pem.isEmpty())
                    addRow(file, tcId, "pem", pem, KeyVia::Loader, alg, test, expect);
            }
        }
    }
}

// HMAC files: the key is per test. Groups whose tag is shorter than the hash are truncated MACs, which a JWS
// must reject (vectors README, known data issue 6; ATTACKS.md A03).
void addWycheproofHmac(const char* file, JwsAlgorithm alg, int hashBits)
{
    const QJsonObject doc =
        test::readVectorJson(QStringLiteral("wycheproof/testvectors_v1/%1.json").arg(QLatin1String(file)));
    const QJsonArray groups = doc[QLatin1String("testGroups")].toArray();
    QVERIFY2(!groups.isEmpty(), file);
    for (const QJsonValue& g : groups) {
        const QJsonObject group = g.toObject();
        const bool truncated = group[QLatin1String("tagSize")].toInt() != hashBits;
        for (const QJsonValue& t : group[QLatin1String("tests")].toArray()) {
            QJsonObject test = t.toObject();
            test.insert(QLatin1String("sig"), test.value(QLatin1String("tag")));
            const int tcId = test[QLatin1String("tcId")].toInt();
            const Expect expect = truncated ? Expect::Invalid : expectFrom(test[QLatin1String("result")].toString());
            const QByteArray hexKey = test[QLatin1String("key")].toString().toLatin1();
            const QByteArray jwk = QByteArray(R"({"kty":"oct","k":")") +
                                   base64url::encode(QByteArray::fromHex(hexKey)) + QByteArray(R"("})");
            addRow(file, tcId, "hex", hexKey, KeyVia::SecretHex, alg, test, expect);
            addRow(file, tcId, "jwk", jwk, KeyVia::Jwk, alg, test, expect);
        }
    }
}

std::optional<JwsAlgorithm> algFromSha(const QString& sha, JwsAlgorithm a256, JwsAlgorithm a384, JwsAlgorithm a512)
{
    if (sha == QLatin1String("SHA-256"))
        return a256;
    if (sha == QLatin1String("SHA-384"))
        return a384;
    if (sha == QLatin1String("SHA-512"))
        return a512;
    return std::nullopt;
}

QByteArray signingInputOf(const QByteArray& compact)
{
    return compact.left(compact.lastIndexOf('.'));
}

QByteArray signatureOf(const QByteArray& compact)
{
    auto sig = base64url::decode(compact.mid(compact.lastIndexOf('.') + 1));
    return sig ? *sig : QByteArray();
}

struct PkeyFree
{
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};

// A private key in PKCS#8 PEM, generated by OpenSSL directly (not by the code under test).
QByteArray pemOf(EVP_PKEY* pkey)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (PEM_write_bio_PrivateKey(bio.get(), pkey, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, len);
}

bool rawPssVerify(EVP_PKEY* pkey, int saltLen, const QByteArray& input, const QByteArray& sig)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    EVP_PKEY_CTX* pctx = nullptr;
    if (EVP_DigestVerifyInit(ctx.get(), &pctx, EVP_sha256(), nullptr, pkey) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
        EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) != 1 || EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, saltLen) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.constData()), sig.size(),
                            reinterpret_cast<const unsigned char*>(input.constData()), input.size()) == 1;
}

QByteArray rawPssSign(EVP_PKEY* pkey, int saltLen, const QByteArray& input)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    EVP_PKEY_CTX* pctx = nullptr;
    std::size_t len = 0;
    if (EVP_DigestSignInit(ctx.get(), &pctx, EVP_sha256(), nullptr, pkey) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
        EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) != 1 || EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, saltLen) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(input.constData()),
                       input.size()) != 1)
        return {};
    QByteArray sig(static_cast<qsizetype>(len), '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                       reinterpret_cast<const unsigned char*>(input.constData()), input.size()) != 1)
        return {};
    sig.resize(static_cast<qsizetype>(len));
    return sig;
}

Key generated(KeyType type, Curve curve, int bits)
{
    // RSA generation is the slow part; one key per size serves every RSA row.
    static std::map<std::tuple<int, int, int>, Key> cache;
    const auto id = std::tuple{int(type), int(curve), bits};
    auto it = cache.find(id);
    if (it != cache.end())
        return it->second;
    auto key = generateKey(type, curve, bits);
    if (!key)
        return {};
    return cache.emplace(id, *key).first->second;
}

} // namespace

class TestSignatureEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wycheproofVerify_data();
    void wycheproofVerify();
    void pkcs1SignatureGeneration_data();
    void pkcs1SignatureGeneration();
    void knownAnswers_data();
    void knownAnswers();
    void roundTrip_data();
    void roundTrip();
    void keyAlgorithmBinding_data();
    void keyAlgorithmBinding();
    void malformedSignatures_data();
    void malformedSignatures();
    void pssSaltIsHashLength();
    void publicKeyAsHmacSecretIsRefused();
    void signNeedsPrivateKey();
};

void TestSignatureEngine::wycheproofVerify_data()
{
    addColumns();
    if (!test::haveVectors())
        return;
    using A = JwsAlgorithm;
    // ATTACKS.md A12/A13: ECDSA in IEEE P1363 (r||s) form, all groups.
    addWycheproofFile("ecdsa_secp256r1_sha256_p1363_test", {A::ES256}, "SHA-256");
    addWycheproofFile("ecdsa_secp384r1_sha384_p1363_test", {A::ES384}, "SHA-384");
    addWycheproofFile("ecdsa_secp521r1_sha512_p1363_test", {A::ES512}, "SHA-512");
    addWycheproofFile("ecdsa_secp256k1_sha256_p1363_test", {A::ES256K}, "SHA-256");
    // ATTACKS.md A13: DER signatures from the ASN.1 file; the valid ones must be refused as DER in a JWS.
    addWycheproofFile("ecdsa_secp256r1_sha256_test", {A::ES256}, "SHA-256", Expect::Invalid, true);
    // RFC 8037 "EdDSA" and RFC 9864 fully-specified names.
    addWycheproofFile("ed25519_test", {A::EdDSA, A::Ed25519}, nullptr);
    addWycheproofFile("ed448_test", {A::EdDSA, A::Ed448}, nullptr);
    // ATTACKS.md A14: PKCS#1 v1.5 padding and DigestInfo forgeries.
    for (const char* bits : {"2048", "3072", "4096"}) {
        for (auto [sha, alg, name] : {std::tuple{"SHA-256", A::RS256, "256"}, std::tuple{"SHA-384", A::RS384, "384"},
                                      std::tuple{"SHA-512", A::RS512, "512"}}) {
            const QByteArray file = QByteArray("rsa_signature_") + bits + "_sha" + name + "_test";
            addWycheproofFile(file.constData(), {alg}, sha);
        }
    }
    // ATTACKS.md A15: PSS with MGF1 over the same hash and salt = hash length.
    addWycheproofFile("rsa_pss_2048_sha256_mgf1_32_test", {A::PS256}, "SHA-256");
    addWycheproofFile("rsa_pss_3072_sha256_mgf1_32_test", {A::PS256}, "SHA-256");
    addWycheproofFile("rsa_pss_4096_sha256_mgf1_32_test", {A::PS256}, "SHA-256");
    addWycheproofFile("rsa_pss_2048_sha384_mgf1_48_test", {A::PS384}, "SHA-384");
    addWycheproofFile("rsa_pss_4096_sha384_mgf1_48_test", {A::PS384}, "SHA-384");
    addWycheproofFile("rsa_pss_4096_sha512_mgf1_64_test", {A::PS512}, "SHA-512");
    // Vectors README known data issue 7: salt length 0 is not PS256; its "valid" cases must be rejected.
    addWycheproofFile("rsa_pss_2048_sha256_mgf1_0_test", {A::PS256}, "SHA-256", Expect::Invalid);
    // ATTACKS.md A16 (full-length groups) and A03 (truncated groups).
    addWycheproofHmac("hmac_sha256_test", A::HS256, 256);
    addWycheproofHmac("hmac_sha384_test", A::HS384, 384);
    addWycheproofHmac("hmac_sha512_test", A::HS512, 512);
}

void TestSignatureEngine::wycheproofVerify()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QByteArray, keyText);
    QFETCH(int, via);
    QFETCH(int, alg);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signature);
    QFETCH(int, expect);

    const LoadedKey& loaded = loadKey(keyText, KeyVia(via));
    // Every key in these files is a well-formed key; a refusal here would be a loader bug, not a rejection.
    QVERIFY2(loaded.key.has_value(), qPrintable(loaded.error));
    const auto result = signature::verify(*loaded.key, JwsAlgorithm(alg), message, signature);
    switch (Expect(expect)) {
    case Expect::Valid:
        QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
        break;
    case Expect::Invalid:
        QVERIFY(!result.has_value());
        break;
    case Expect::Acceptable:
        break;
    case Expect::RejectDer:
        QVERIFY(!result.has_value());
        QCOMPARE(errorCodeName(result.error().code), errorCodeName(ErrorCode::SignatureDer));
        break;
    }
}

void TestSignatureEngine::pkcs1SignatureGeneration_data()
{
    QTest::addColumn<QByteArray>("keyText");
    QTest::addColumn<int>("via");
    QTest::addColumn<int>("alg");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("expected");
    if (!test::haveVectors())
        return;
    // ATTACKS.md A14: PKCS#1 v1.5 signing is deterministic, so the signer must reproduce `sig` exactly.
    for (const char* file :
         {"rsa_pkcs1_2048_sig_gen_test", "rsa_pkcs1_3072_sig_gen_test", "rsa_pkcs1_4096_sig_gen_test"}) {
        const QJsonObject doc =
            test::readVectorJson(QStringLiteral("wycheproof/testvectors_v1/%1.json").arg(QLatin1String(file)));
        for (const QJsonValue& g : doc[QLatin1String("testGroups")].toArray()) {
            const QJsonObject group = g.toObject();
            const auto alg = algFromSha(group[QLatin1String("sha")].toString(), JwsAlgorithm::RS256,
                                        JwsAlgorithm::RS384, JwsAlgorithm::RS512);
            if (!alg)
                continue; // SHA-1 and SHA-224 groups are not JOSE algorithms
            const QByteArray jwk = compactJson(group[QLatin1String("privateKeyJwk")]);
            const QByteArray pem = group[QLatin1String("privateKeyPem")].toString().toLatin1();
            for (const QJsonValue& t : group[QLatin1String("tests")].toArray()) {
                const QJsonObject test = t.toObject();
                const int tcId = test[QLatin1String("tcId")].toInt();
                const QByteArray msg = QByteArray::fromHex(test[QLatin1String("msg")].toString().toLatin1());
                const QByteArray sig = QByteArray::fromHex(test[QLatin1String("sig")].toString().toLatin1());
                QTest::addRow("%s#%d/jwk", file, tcId) << jwk << int(KeyVia::Jwk) << int(*alg) << msg << sig;
                QTest::addRow("%s#%d/pem", file, tcId) << pem << int(KeyVia::Loader) << int(*alg) << msg << sig;
            }
        }
    }
}

void TestSignatureEngine::pkcs1SignatureGeneration()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QByteArray, keyText);
    QFETCH(int, via);
    QFETCH(int, alg);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, expected);
    const LoadedKey& loaded = loadKey(keyText, KeyVia(via));
    QVERIFY2(loaded.key.has_value(), qPrintable(loaded.error));
    QVERIFY(loaded.key->hasPrivate());
    const auto sig = signature::sign(*loaded.key, JwsAlgorithm(alg), message);
    QVERIFY2(sig.has_value(), qPrintable(sig ? QString() : sig.error().toString()));
    QCOMPARE(sig->toHex(), expected.toHex());
    QVERIFY(signature::verify(*loaded.key, JwsAlgorithm(alg), message, *sig).has_value());
}

void TestSignatureEngine::knownAnswers_data()
{
    QTest::addColumn<QByteArray>("keyText");
    QTest::addColumn<int>("alg");
    QTest::addColumn<QByteArray>("compact");
    QTest::addColumn<bool>("deterministic");
    if (!test::haveVectors())
        return;
    const auto file = [](const char* name) {
        return test::readVectorFile(QString::fromLatin1(name)).trimmed();
    };
    using A = JwsAlgorithm;
    // RFC 7515 A.1 (HS256; header with CR LF), A.2 (RS256), A.3 (ES256), A.4 (ES512), latchset-jose copies.
    QTest::newRow("rfc7515 A.1 HS256") << file("latchset-jose/rfc7515_A.1.jwk") << int(A::HS256)
                                       << file("latchset-jose/rfc7515_A.1.jwsc") << true;
    QTest::newRow("rfc7515 A.2 RS256") << file("latchset-jose/rfc7515_A.2.jwk") << int(A::RS256)
                                       << file("latchset-jose/rfc7515_A.2.jwsc") << true;
    QTest::newRow("rfc7515 A.3 ES256") << file("latchset-jose/rfc7515_A.3.jwk") << int(A::ES256)
                                       << file("latchset-jose/rfc7515_A.3.jwsc") << false;
    QTest::newRow("rfc7515 A.4 ES512") << file("latchset-jose/rfc7515_A.4.jwk") << int(A::ES512)
                                       << file("latchset-jose/rfc7515_A.4.jwsc") << false;
    // RFC 8037 A.4: Ed25519 is deterministic.
    const QJsonObject okp = test::readVectorJson(QStringLiteral("rfc-transcribed/rfc8037_appendix_A_okp.json"));
    QTest::newRow("rfc8037 A.4 EdDSA")
        << compactJson(okp[QLatin1String("A.1_private_jwk")]) << int(A::EdDSA)
        << okp[QLatin1String("A.4_sign")].toObject()[QLatin1String("compact")].toString().toLatin1() << true;
    // jwt.io's defaults, with both the PEM public key and the JWK (jwtio-defaults/default-tokens.json).
    const QJsonObject tokens =
        test::readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))[QLatin1String("tokens")].toObject();
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        const auto alg = jwsAlgorithmFromName(it.key());
        if (!alg || *alg == A::None || it.key().startsWith(QLatin1String("HS")))
            continue;
        const QByteArray compact = entry[QLatin1String("token")].toString().toLatin1();
        const bool deterministic = it.key().startsWith(QLatin1String("RS")) || it.key() == QLatin1String("Ed25519");
        QTest::addRow("jwtio %s publicKey", qPrintable(it.key()))
            << entry[QLatin1String("publicKey")].toString().toLatin1() << int(*alg) << compact << false;
        QTest::addRow("jwtio %s privateKey", qPrintable(it.key()))
            << entry[QLatin1String("privateKey")].toString().toLatin1() << int(*alg) << compact << deterministic;
        QTest::addRow("jwtio %s jwk", qPrintable(it.key()))
            << compactJson(entry[QLatin1String("jwk")]) << int(*alg) << compact << false;
    }
}

void TestSignatureEngine::knownAnswers()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QByteArray, keyText);
    QFETCH(int, alg);
    QFETCH(QByteArray, compact);
    QFETCH(bool, deterministic);
    const LoadedKey& loaded = loadKey(keyText, KeyVia::Loader);
    QVERIFY2(loaded.key.has_value(), qPrintable(loaded.error));
    const QByteArray input = signingInputOf(compact);
    const QByteArray sig = signatureOf(compact);
    QVERIFY(!sig.isEmpty());
    const auto verified = signature::verify(*loaded.key, JwsAlgorithm(alg), input, sig);
    QVERIFY2(verified.has_value(), qPrintable(verified ? QString() : verified.error().toString()));
    if (deterministic) {
        const auto signedAgain = signature::sign(*loaded.key, JwsAlgorithm(alg), input);
        QVERIFY2(signedAgain.has_value(), qPrintable(signedAgain ? QString() : signedAgain.error().toString()));
        QCOMPARE(base64url::encode(*signedAgain), compact.mid(compact.lastIndexOf('.') + 1));
    }
    // A changed signing input must fail (the first payload byte flipped).
    QByteArray tampered = input;
    const qsizetype dot = tampered.indexOf('.');
    tampered[dot + 1] = tampered[dot + 1] == 'A' ? 'B' : 'A';
    QVERIFY(!signature::verify(*loaded.key, JwsAlgorithm(alg), tampered, sig).has_value());
}

void TestSignatureEngine::roundTrip_data()
{
    QTest::addColumn<int>("alg");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("curve");
    QTest::addColumn<int>("bits");
    using A = JwsAlgorithm;
    struct Row
    {
        A alg;
        KeyType type;
        Curve curve;
        int bits;
    };
    const Row rows[] = {
        {A::HS256, KeyType::Oct, Curve::None, 256},    {A::HS384, KeyType::Oct, Curve::None, 384},
        {A::HS512, KeyType::Oct, Curve::None, 512},    {A::RS256, KeyType::RSA, Curve::None, 2048},
        {A::RS384, KeyType::RSA, Curve::None, 2048},   {A::RS512, KeyType::RSA, Curve::None, 3072},
        {A::PS256, KeyType::RSA, Curve::None, 2048},   {A::PS384, KeyType::RSA, Curve::None, 2048},
        {A::PS512, KeyType::RSA, Curve::None, 3072},   {A::ES256, KeyType::EC, Curve::P256, 0},
        {A::ES384, KeyType::EC, Curve::P384, 0},       {A::ES512, KeyType::EC, Curve::P521, 0},
        {A::ES256K, KeyType::EC, Curve::Secp256k1, 0}, {A::EdDSA, KeyType::OKP, Curve::Ed25519, 0},
        {A::EdDSA, KeyType::OKP, Curve::Ed448, 0},     {A::Ed25519, KeyType::OKP, Curve::Ed25519, 0},
        {A::Ed448, KeyType::OKP, Curve::Ed448, 0},
    };
    for (const Row& r : rows) {
        QTest::addRow("%s %s %d", qPrintable(jwsAlgorithmName(r.alg)), qPrintable(curveName(r.curve)), r.bits)
            << int(r.alg) << int(r.type) << int(r.curve) << r.bits;
    }
}

void TestSignatureEngine::roundTrip()
{
    QFETCH(int, alg);
    QFETCH(int, type);
    QFETCH(int, curve);
    QFETCH(int, bits);
    const auto a = JwsAlgorithm(alg);
    const Key key = generated(KeyType(type), Curve(curve), bits);
    QVERIFY(!key.isNull());
    QVERIFY(signature::keyFitsAlgorithm(key, a));
    const QByteArray input("eyJhbGciOiJub25lIn0.eyJzdWIiOiJyb3VuZC10cmlwIn0");
    const auto sig = signature::sign(key, a, input);
    QVERIFY2(sig.has_value(), qPrintable(sig ? QString() : sig.error().toString()));
    QCOMPARE(sig->size(), qsizetype(signature::signatureLength(key, a)));
    QVERIFY(signature::verify(key, a, input, *sig).has_value());

    QByteArray flipped = *sig;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x01);
    const auto rejected = signature::verify(key, a, input, flipped);
    QVERIFY(!rejected.has_value());
    QCOMPARE(errorCodeName(rejected.error().code), errorCodeName(ErrorCode::SignatureMismatch));
    QVERIFY(!signature::verify(key, a, input + "x", *sig).has_value());

    // The exported private JWK signs the same way; the public half verifies and cannot sign.
    const auto jwk = key.toJwk(true);
    QVERIFY(jwk.has_value());
    const auto reimported = keyFromJwk(*jwk);
    QVERIFY2(reimported.has_value(), qPrintable(reimported ? QString() : reimported.error().toString()));
    QVERIFY(signature::verify(*reimported, a, input, *sig).has_value());
    if (KeyType(type) != KeyType::Oct) {
        const Key pub = key.publicKey();
        QVERIFY(!pub.hasPrivate());
        QVERIFY(signature::verify(pub, a, input, *sig).has_value());
        const auto refused = signature::sign(pub, a, input);
        QVERIFY(!refused.has_value());
        QCOMPARE(errorCodeName(refused.error().code), errorCodeName(ErrorCode::KeyNotPrivate));
    }
}

void TestSignatureEngine::keyAlgorithmBinding_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("curve");
    QTest::addColumn<int>("alg");
    QTest::addColumn<bool>("fits");
    using A = JwsAlgorithm;
    // ATTACKS.md A05: the key's kty/crv decides which algorithms are possible at all.
    const struct
    {
        KeyType type;
        Curve curve;
        A alg;
        bool fits;
    } rows[] = {
        {KeyType::Oct, Curve::None, A::HS256, true},      {KeyType::Oct, Curve::None, A::RS256, false},
        {KeyType::RSA, Curve::None, A::HS256, false},     {KeyType::RSA, Curve::None, A::PS512, true},
        {KeyType::RSA, Curve::None, A::ES256, false},     {KeyType::EC, Curve::P256, A::ES256, true},
        {KeyType::EC, Curve::P256, A::ES384, false},      {KeyType::EC, Curve::P384, A::ES256, false},
        {KeyType::EC, Curve::P521, A::ES512, true},       {KeyType::EC, Curve::Secp256k1, A::ES256, false},
        {KeyType::EC, Curve::Secp256k1, A::ES256K, true}, {KeyType::EC, Curve::P256, A::HS256, false},
        {KeyType::OKP, Curve::Ed25519, A::EdDSA, true},   {KeyType::OKP, Curve::Ed448, A::EdDSA, true},
        {KeyType::OKP, Curve::Ed448, A::Ed25519, false},  {KeyType::OKP, Curve::Ed25519, A::Ed448, false},
        {KeyType::OKP, Curve::X25519, A::EdDSA, false},   {KeyType::OKP, Curve::Ed25519, A::None, false},
        {KeyType::OKP, Curve::Ed25519, A::HS256, false},
    };
    for (const auto& r : rows) {
        QTest::addRow("%s %s %s", qPrintable(keyTypeName(r.type)), qPrintable(curveName(r.curve)),
                      qPrintable(jwsAlgorithmName(r.alg)))
            << int(r.type) << int(r.curve) << int(r.alg) << r.fits;
    }
}

void TestSignatureEngine::keyAlgorithmBinding()
{
    QFETCH(int, type);
    QFETCH(int, curve);
    QFETCH(int, alg);
    QFETCH(bool, fits);
    const Key key = generated(KeyType(type), Curve(curve), KeyType(type) == KeyType::RSA ? 2048 : 0);
    QVERIFY(!key.isNull());
    QCOMPARE(signature::keyFitsAlgorithm(key, JwsAlgorithm(alg)), fits);
    if (!fits) {
        QCOMPARE(signature::signatureLength(key, JwsAlgorithm(alg)), 0);
        const auto r = signature::verify(key, JwsAlgorithm(alg), "a.b", QByteArray(64, 'x'));
        QVERIFY(!r.has_value());
        const auto s = signature::sign(key, JwsAlgorithm(alg), "a.b");
        QVERIFY(!s.has_value());
    }
}

void TestSignatureEngine::malformedSignatures_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("curve");
    QTest::addColumn<int>("alg");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<int>("code");
    using A = JwsAlgorithm;
    const int length = int(ErrorCode::SignatureLength);
    const int mismatch = int(ErrorCode::SignatureMismatch);
    // ATTACKS.md A03: empty, truncated, padded signatures; exact length first.
    QTest::newRow("HS256 empty") << int(KeyType::Oct) << int(Curve::None) << int(A::HS256) << QByteArray() << length;
    QTest::newRow("HS256 16 bytes") << int(KeyType::Oct) << int(Curve::None) << int(A::HS256) << QByteArray(16, 'a')
                                    << length;
    QTest::newRow("HS256 33 bytes") << int(KeyType::Oct) << int(Curve::None) << int(A::HS256) << QByteArray(33, 'a')
                                    << length;
    QTest::newRow("HS512 32 bytes") << int(KeyType::Oct) << int(Curve::None) << int(A::HS512) << QByteArray(32, 'a')
                                    << length;
    QTest::newRow("RS256 empty") << int(KeyType::RSA) << int(Curve::None) << int(A::RS256) << QByteArray() << length;
    QTest::newRow("RS256 255 bytes") << int(KeyType::RSA) << int(Curve::None) << int(A::RS256) << QByteArray(255, 'a')
                                     << length;
    QTest::newRow("RS256 257 bytes trailing zero")
        << int(KeyType::RSA) << int(Curve::None) << int(A::RS256) << QByteArray(257, '\0') << length;
    QTest::newRow("Ed25519 63 bytes") << int(KeyType::OKP) << int(Curve::Ed25519) << int(A::EdDSA)
                                      << QByteArray(63, 'a') << length;
    QTest::newRow("Ed448 64 bytes") << int(KeyType::OKP) << int(Curve::Ed448) << int(A::EdDSA) << QByteArray(64, 'a')
                                    << length;
    // ATTACKS.md A12: r = s = 0 ("psychic signatures") and r = s = 1 must fail cryptographically.
    QTest::newRow("ES256 r=s=0") << int(KeyType::EC) << int(Curve::P256) << int(A::ES256) << QByteArray(64, '\0')
                                 << mismatch;
    QByteArray ones(64, '\0');
    ones[31] = 1;
    ones[63] = 1;
    QTest::newRow("ES256 r=s=1") << int(KeyType::EC) << int(Curve::P256) << int(A::ES256) << ones << mismatch;
    QTest::newRow("ES512 r=s=0") << int(KeyType::EC) << int(Curve::P521) << int(A::ES512) << QByteArray(132, '\0')
                                 << mismatch;
    // ATTACKS.md A13: wrong length; a 21,830-character signature segment decodes to 16,372 bytes.
    QTest::newRow("ES256 65 bytes") << int(KeyType::EC) << int(Curve::P256) << int(A::ES256) << QByteArray(65, 'a')
                                    << length;
    QTest::newRow("ES256 huge") << int(KeyType::EC) << int(Curve::P256) << int(A::ES256) << QByteArray(16372, '\x30')
                                << length;
    QTest::newRow("ES384 with 64 bytes") << int(KeyType::EC) << int(Curve::P384) << int(A::ES384) << QByteArray(64, 'a')
                                         << length;
    QTest::newRow("ES512 with 128 bytes")
        << int(KeyType::EC) << int(Curve::P521) << int(A::ES512) << QByteArray(128, 'a') << length;
}

void TestSignatureEngine::malformedSignatures()
{
    QFETCH(int, type);
    QFETCH(int, curve);
    QFETCH(int, alg);
    QFETCH(QByteArray, signature);
    QFETCH(int, code);
    const Key key =
        generated(KeyType(type), Curve(curve), KeyType(type) == KeyType::RSA ? 2048 : (type == 0 ? 512 : 0));
    QVERIFY(!key.isNull());
    const auto r = signature::verify(key, JwsAlgorithm(alg), "eyJhbGciOiJIUzI1NiJ9.UA", signature);
    QVERIFY(!r.has_value());
    QCOMPARE(errorCodeName(r.error().code), errorCodeName(ErrorCode(code)));
}

void TestSignatureEngine::pssSaltIsHashLength()
{
    // ATTACKS.md A15: a key made by OpenSSL directly; our PS256 signature must verify only with salt = 32, and a
    // signature with a different salt length (which OpenSSL's default verifier would accept) must be refused.
    std::unique_ptr<EVP_PKEY, PkeyFree> pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)));
    QVERIFY(pkey);
    auto set = loadKeys(pemOf(pkey.get()));
    QVERIFY(set.has_value());
    QCOMPARE(set->keys.size(), 1);
    const Key key = set->keys.first();
    const QByteArray input("eyJhbGciOiJQUzI1NiJ9.eyJzIjoxfQ");
    const auto ours = signature::sign(key, JwsAlgorithm::PS256, input);
    QVERIFY(ours.has_value());
    QVERIFY(rawPssVerify(pkey.get(), 32, input, *ours));
    QVERIFY(!rawPssVerify(pkey.get(), RSA_PSS_SALTLEN_MAX, input, *ours));
    for (int salt : {0, 20, 64, RSA_PSS_SALTLEN_MAX}) {
        const QByteArray other = rawPssSign(pkey.get(), salt, input);
        QVERIFY(!other.isEmpty());
        QVERIFY(rawPssVerify(pkey.get(), RSA_PSS_SALTLEN_AUTO, input, other));
        QVERIFY2(!signature::verify(key, JwsAlgorithm::PS256, input, other).has_value(),
                 qPrintable(QString::number(salt)));
    }
    QVERIFY(signature::verify(key, JwsAlgorithm::PS256, input, rawPssSign(pkey.get(), 32, input)).has_value());
}

void TestSignatureEngine::publicKeyAsHmacSecretIsRefused()
{
    ASSAY_REQUIRE_VECTORS();
    // ATTACKS.md A04: a MAC computed with the public key's bytes as the HMAC secret, checked against that public
    // key, is refused because the key is RSA, whatever the bytes.
    const QJsonObject rs256 =
        test::readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))[QLatin1String("tokens")]
            .toObject()[QLatin1String("RS256")]
            .toObject();
    const QByteArray pem = rs256[QLatin1String("publicKey")].toString().toLatin1();
    auto rsa = loadKeys(pem);
    QVERIFY(rsa.has_value());
    const QByteArray input("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.UA");
    for (const QByteArray& secretText : {pem, pem + "\n", " " + pem, QByteArray(pem).replace("\n", "\r\n")}) {
        auto hmacKey = keyFromSecret(secretText, SecretEncoding::Utf8);
        QVERIFY(hmacKey.has_value());
        const auto forged = signature::sign(*hmacKey, JwsAlgorithm::HS256, input);
        QVERIFY(forged.has_value());
        const auto r = signature::verify(rsa->keys.first(), JwsAlgorithm::HS256, input, *forged);
        QVERIFY(!r.has_value());
        QCOMPARE(errorCodeName(r.error().code), errorCodeName(ErrorCode::AlgNotAllowedForKey));
    }
}

void TestSignatureEngine::signNeedsPrivateKey()
{
    ASSAY_REQUIRE_VECTORS();
    // An SPKI public key (Wycheproof ES256 group 1) cannot sign.
    const QJsonObject doc =
        test::readVectorJson(QStringLiteral("wycheproof/testvectors_v1/ecdsa_secp256r1_sha256_p1363_test.json"));
    const QByteArray pem = doc[QLatin1String("testGroups")]
                               .toArray()
                               .first()
                               .toObject()[QLatin1String("publicKeyPem")]
                               .toString()
                               .toLatin1();
    auto set = loadKeys(pem);
    QVERIFY(set.has_value());
    const auto r = signature::sign(set->keys.first(), JwsAlgorithm::ES256, "a.b");
    QVERIFY(!r.has_value());
    QCOMPARE(errorCodeName(r.error().code), errorCodeName(ErrorCode::KeyNotPrivate));
    // A null key is refused, not crashed on.
    QVERIFY(!signature::verify(Key(), JwsAlgorithm::HS256, "a.b", QByteArray(32, 'a')).has_value());
    QVERIFY(!signature::keyFitsAlgorithm(Key(), JwsAlgorithm::HS256));
}

QTEST_APPLESS_MAIN(TestSignatureEngine)
#include "TestSignatureEngine.moc"
