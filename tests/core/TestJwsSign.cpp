// SPDX-License-Identifier: Apache-2.0
// Signing compact JWS: exact bytes, deterministic reproduction of published tokens, key policy on the signing side.
#include "Vectors.h"

#include "encoding/Base64Url.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsSigner.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <QtTest>

using namespace assay;
using namespace assay::test;

namespace {

QJsonObject jwtio(const QString& name)
{
    return readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))
        .value(QStringLiteral("tokens"))
        .toObject()
        .value(name)
        .toObject();
}

Key firstKey(const QByteArray& material)
{
    auto set = loadKeys(material);
    return set && !set->keys.isEmpty() ? set->keys.front() : Key();
}

} // namespace

class TestJwsSign : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void reproducesDeterministicTokens_data();
    void reproducesDeterministicTokens();
    void keepsExactBytes();
    void unencodedPayload();
    void refusals_data();
    void refusals();
    void defaultHeaderOrder();
};

void TestJwsSign::roundTrip_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QByteArray>("privateKey");
    QTest::addColumn<QByteArray>("publicKey");
    if (!haveVectors())
        QSKIP("test vectors not found (set ASSAY_VECTORS_DIR)");
    // jwt.io's published key pairs, one per algorithm family; HS* with its published secrets.
    for (const char* name :
         {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "Ed25519"}) {
        const QJsonObject t = jwtio(QString::fromLatin1(name));
        QTest::newRow(name) << QString::fromLatin1(name) << t.value(QStringLiteral("privateKey")).toString().toUtf8()
                            << t.value(QStringLiteral("publicKey")).toString().toUtf8();
    }
    // EdDSA (RFC 8037) with the same Ed25519 key.
    const QJsonObject ed = jwtio(QStringLiteral("Ed25519"));
    QTest::newRow("EdDSA") << QStringLiteral("EdDSA") << ed.value(QStringLiteral("privateKey")).toString().toUtf8()
                           << ed.value(QStringLiteral("publicKey")).toString().toUtf8();
}

void TestJwsSign::roundTrip()
{
    QFETCH(QString, alg);
    QFETCH(QByteArray, privateKey);
    QFETCH(QByteArray, publicKey);
    const JwsAlgorithm a = *jwsAlgorithmFromName(alg);
    const Key priv = firstKey(privateKey);
    QVERIFY(!priv.isNull());
    const QByteArray payload = R"({"sub":"1234567890","n":3.0,"big":123456789012345678901234567890})";
    auto token = signCompact(defaultHeader(a), payload, priv, a);
    QVERIFY2(token.has_value(), token ? "" : qPrintable(token.error().toString()));
    auto parsed = parseToken(*token);
    QVERIFY(parsed.has_value());
    KeySet pub;
    pub.keys.append(firstKey(publicKey));
    QCOMPARE(verifyJws(*parsed, pub).verdict, Verdict::Valid);
    // One changed payload byte must break it (ATTACKS.md A35).
    QByteArray tampered = *token;
    const qsizetype dot = tampered.indexOf('.');
    tampered[dot + 2] = tampered[dot + 2] == 'A' ? 'B' : 'A';
    auto parsedTampered = parseToken(tampered);
    QVERIFY(parsedTampered.has_value());
    QVERIFY(verifyJws(*parsedTampered, pub).verdict != Verdict::Valid);
}

void TestJwsSign::reproducesDeterministicTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("keyMaterial");
    QTest::addColumn<QByteArray>("secret");
    if (!haveVectors())
        QSKIP("test vectors not found (set ASSAY_VECTORS_DIR)");
    // PKCS#1 v1.5, HMAC and Ed25519 are deterministic: re-signing the exact signing input reproduces the token.
    for (const char* name : {"HS256", "HS384", "HS512"}) {
        const QJsonObject t = jwtio(QString::fromLatin1(name));
        QTest::newRow(name) << t.value(QStringLiteral("token")).toString().toUtf8() << QByteArray()
                            << t.value(QStringLiteral("secret")).toString().toUtf8();
    }
    for (const char* name : {"RS256", "RS384", "RS512", "Ed25519"}) {
        const QJsonObject t = jwtio(QString::fromLatin1(name));
        QTest::newRow(name) << t.value(QStringLiteral("token")).toString().toUtf8()
                            << t.value(QStringLiteral("privateKey")).toString().toUtf8() << QByteArray();
    }
    // RFC 7515 A.1 (HS256, header with CR LF) and A.2 (RS256).
    for (const char* name : {"A.1", "A.2"}) {
        QTest::addRow("RFC7515 %s", name)
            << readVectorFile(QStringLiteral("latchset-jose/rfc7515_%1.jwsc").arg(QLatin1StringView(name))).trimmed()
            << readVectorFile(QStringLiteral("latchset-jose/rfc7515_%1.jwk").arg(QLatin1StringView(name))).trimmed()
            << QByteArray();
    }
}

void TestJwsSign::reproducesDeterministicTokens()
{
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, keyMaterial);
    QFETCH(QByteArray, secret);
    const Key key = secret.isEmpty() ? firstKey(keyMaterial) : *keyFromSecret(secret, SecretEncoding::Utf8);
    QVERIFY(!key.isNull());
    auto parsed = parseToken(token);
    QVERIFY(parsed.has_value());
    const auto alg = jwsAlgorithmFromName(parsed->header()->member(QStringLiteral("alg"))->toString().value());
    QVERIFY(alg.has_value());
    // Signing the raw header bytes and raw payload bytes reproduces the received text exactly.
    auto resigned = signCompact(parsed->signatures.front().protectedHeader.bytes, parsed->payload.bytes, key, *alg);
    QVERIFY2(resigned.has_value(), resigned ? "" : qPrintable(resigned.error().toString()));
    QCOMPARE(*resigned, token);
    auto sig = signSigningInput(parsed->signingInput(), key, *alg);
    QVERIFY(sig.has_value());
    QCOMPARE(*sig, parsed->signatures.front().signature.raw);
}

void TestJwsSign::keepsExactBytes()
{
    auto key = keyFromSecret("0123456789abcdef0123456789abcdef", SecretEncoding::Utf8);
    QVERIFY(key.has_value());
    const QByteArray header = R"({"typ":"JWT","alg":"HS256"})"; // key order as the user wrote it
    const QByteArray payload = R"({"b":1,"a":3.0,"e":1e3,"z":-0,"s":"\u0041\/"})";
    auto token = signCompact(header, payload, *key, JwsAlgorithm::HS256);
    QVERIFY(token.has_value());
    const QList<QByteArray> parts = token->split('.');
    QCOMPARE(parts.size(), 3);
    QCOMPARE(*base64url::decode(parts[0]), header);
    QCOMPARE(*base64url::decode(parts[1]), payload);
}

void TestJwsSign::unencodedPayload()
{
    ASSAY_REQUIRE_VECTORS();
    // RFC 7797 section 4.2: b64 false, crit b64; the compact form keeps the payload as is.
    const QJsonObject rfc = readVectorJson(QStringLiteral("rfc-transcribed/rfc7797_section4_b64_false.json"));
    const Key key =
        firstKey(QJsonDocument(rfc.value(QStringLiteral("key_jwk")).toObject()).toJson(QJsonDocument::Compact));
    QVERIFY(!key.isNull());
    const QJsonObject v42 = rfc.value(QStringLiteral("vectors")).toArray().at(1).toObject();
    const QByteArray header = v42.value(QStringLiteral("protected_header_json")).toString().toUtf8();
    // "$.02" contains '.', which the compact form cannot carry unencoded (RFC 7797 section 5.2).
    auto refused = signCompact(header, "$.02", key, JwsAlgorithm::HS256);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, ErrorCode::B64Invalid);
    // The signature itself matches the RFC's.
    auto sig =
        signSigningInput(v42.value(QStringLiteral("signing_input")).toString().toUtf8(), key, JwsAlgorithm::HS256);
    QVERIFY(sig.has_value());
    QCOMPARE(*sig, v42.value(QStringLiteral("signature_b64u")).toString().toUtf8());
}

void TestJwsSign::refusals_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("keyMaterial");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("alg");
    QTest::addColumn<int>("code");
    if (!haveVectors())
        QSKIP("test vectors not found (set ASSAY_VECTORS_DIR)");
    const QByteArray rsPriv = jwtio(QStringLiteral("RS256")).value(QStringLiteral("privateKey")).toString().toUtf8();
    const QByteArray rsPub = jwtio(QStringLiteral("RS256")).value(QStringLiteral("publicKey")).toString().toUtf8();
    const QByteArray strong = "0123456789abcdef0123456789abcdef";
    QTest::newRow("HS256 with an RSA key") << QByteArray(R"({"alg":"HS256"})") << rsPriv << QByteArray()
                                           << QStringLiteral("HS256") << int(ErrorCode::AlgNotAllowedForKey);
    QTest::newRow("RS256 with a public key") << QByteArray(R"({"alg":"RS256"})") << rsPub << QByteArray()
                                             << QStringLiteral("RS256") << int(ErrorCode::KeyNotPrivate);
    QTest::newRow("header alg differs") << QByteArray(R"({"alg":"HS384"})") << QByteArray() << strong
                                        << QStringLiteral("HS256") << int(ErrorCode::HeaderInvalidMember);
    QTest::newRow("weak HMAC key") << QByteArray(R"({"alg":"HS256"})") << QByteArray() << QByteArray("short")
                                   << QStringLiteral("HS256") << int(ErrorCode::KeyInvalid);
    QTest::newRow("48-byte hash, 32-byte key") << QByteArray(R"({"alg":"HS384"})") << QByteArray() << strong
                                               << QStringLiteral("HS384") << int(ErrorCode::KeyInvalid);
    QTest::newRow("unknown crit") << QByteArray(R"({"alg":"HS256","crit":["x"],"x":1})") << QByteArray() << strong
                                  << QStringLiteral("HS256") << int(ErrorCode::CritUnsupported);
    QTest::newRow("header not JSON") << QByteArray(R"({"alg":"HS256",})") << QByteArray() << strong
                                     << QStringLiteral("HS256") << int(ErrorCode::JsonSyntax);
    QTest::newRow("duplicate alg") << QByteArray(R"({"alg":"HS256","alg":"HS256"})") << QByteArray() << strong
                                   << QStringLiteral("HS256") << int(ErrorCode::JsonDuplicateMember);
}

void TestJwsSign::refusals()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, keyMaterial);
    QFETCH(QByteArray, secret);
    QFETCH(QString, alg);
    QFETCH(int, code);
    const Key key = secret.isEmpty() ? firstKey(keyMaterial) : *keyFromSecret(secret, SecretEncoding::Utf8);
    QVERIFY(!key.isNull());
    auto token = signCompact(header, "{}", key, *jwsAlgorithmFromName(alg));
    QVERIFY(!token.has_value());
    QCOMPARE(errorCodeName(token.error().code), errorCodeName(ErrorCode(code)));
}

void TestJwsSign::defaultHeaderOrder()
{
    QCOMPARE(defaultHeader(JwsAlgorithm::ES256K), QByteArray(R"({"alg":"ES256K","typ":"JWT"})"));
}

QTEST_GUILESS_MAIN(TestJwsSign)
#include "TestJwsSign.moc"
