// SPDX-License-Identifier: Apache-2.0
// JWK and JWKS (RFC 7517, RFC 7518 section 6, RFC 8037), thumbprints (RFC 7638) and export.
// ATTACKS.md A05 (keysets), A10 (empty oct key), A14 (e = 1), A34 (public export strips private members).
#include "jwk/Key.h"
#include "jwk/KeyLoader.h"

#include "Vectors.h"
#include "crypto/SecureBytes.h"
#include "crypto/SignatureEngine.h"
#include "encoding/Base64Url.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace assay;

namespace {

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject parsed(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

QString codeOf(const Error& e)
{
    return errorCodeName(e.code);
}

QJsonObject vectorObject(const char* path)
{
    return test::readVectorJson(QString::fromLatin1(path));
}

} // namespace

class TestJwk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc7517KeySets_data();
    void rfc7517KeySets();
    void thumbprints_data();
    void thumbprints();
    void rfc8037Okp();
    void cookbookRoundTrip_data();
    void cookbookRoundTrip();
    void publicExportStripsPrivate_data();
    void publicExportStripsPrivate();
    void wycheproofJwk_data();
    void wycheproofJwk();
    void rejects_data();
    void rejects();
    void rsaWithoutCrtSignsLikeFull();
    void x5cMustMatch();
    void metadataAndDescription();
};

void TestJwk::rfc7517KeySets_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QStringList>("kids");
    QTest::addColumn<bool>("privateKeys");
    // RFC 7517 A.1 (public EC + RSA), A.2 (private), A.3 (symmetric), latchset-jose copies.
    QTest::newRow("A.1") << QStringLiteral("latchset-jose/rfc7517_A.1.jwkset") << QStringList{u"EC"_qs, u"RSA"_qs}
                         << QStringList{u"1"_qs, u"2011-04-29"_qs} << false;
    QTest::newRow("A.2") << QStringLiteral("latchset-jose/rfc7517_A.2.jwkset") << QStringList{u"EC"_qs, u"RSA"_qs}
                         << QStringList{u"1"_qs, u"2011-04-29"_qs} << true;
    QTest::newRow("A.3") << QStringLiteral("latchset-jose/rfc7517_A.3.jwkset") << QStringList{u"oct"_qs, u"oct"_qs}
                         << QStringList{QString(), u"HMACkeyusedinJWSspecAppendixA.1example"_qs} << true;
    QTest::newRow("rfc7515 A.6") << QStringLiteral("latchset-jose/rfc7515_A.6.jwkset")
                                 << QStringList{u"RSA"_qs, u"EC"_qs} << QStringList{QString(), QString()} << true;
}

void TestJwk::rfc7517KeySets()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, file);
    QFETCH(QStringList, types);
    QFETCH(QStringList, kids);
    QFETCH(bool, privateKeys);
    const QByteArray text = test::readVectorFile(file);
    QVERIFY(!text.isEmpty());
    auto set = loadKeys(text);
    QVERIFY2(set.has_value(), qPrintable(set ? QString() : set.error().toString()));
    QVERIFY(set->isJwks);
    QVERIFY2(set->skipped.isEmpty(), qPrintable(set->skipped.join(u'\n')));
    QVERIFY(set->problems.isEmpty());
    QCOMPARE(set->keys.size(), types.size());
    const QJsonArray members = parsed(text)[QLatin1String("keys")].toArray();
    for (qsizetype i = 0; i < types.size(); ++i) {
        const Key& key = set->keys[i];
        QCOMPARE(keyTypeName(key.type()), types[i]);
        QCOMPARE(key.kid(), kids[i]);
        QCOMPARE(key.hasPrivate(), privateKeys);
        // Export gives back exactly the members that were read (values compared, order aside).
        const auto exported = key.toJwk(true);
        QVERIFY(exported.has_value());
        QCOMPARE(parsed(*exported), members[i].toObject());
    }
}

void TestJwk::thumbprints_data()
{
    QTest::addColumn<QByteArray>("jwk");
    QTest::addColumn<QString>("expected");
    if (!test::haveVectors())
        return;
    // RFC 7638 section 3.1 (latchset-jose/rfc7638_3.1.*).
    QTest::newRow("rfc7638 3.1 latchset")
        << test::readVectorFile(QStringLiteral("latchset-jose/rfc7638_3.1.jwk"))
        << QString::fromLatin1(test::readVectorFile(QStringLiteral("latchset-jose/rfc7638_3.1.thp")).trimmed());
    // rfc-transcribed/rfc7638_rfc9278_thumbprints.json: RFC 7638 3.1 and RFC 8037 A.3.
    const QJsonArray vectors =
        vectorObject("rfc-transcribed/rfc7638_rfc9278_thumbprints.json")[QLatin1String("vectors")].toArray();
    for (const QJsonValue& v : vectors) {
        const QJsonObject o = v.toObject();
        QTest::addRow("%s", qPrintable(o[QLatin1String("id")].toString()))
            << compact(o[QLatin1String("jwk")].toObject()) << o[QLatin1String("sha256_b64u")].toString();
    }
    // RFC 8037 A.3 from the OKP file, computed over the private key of A.1 (private members are not hashed).
    const QJsonObject okp = vectorObject("rfc-transcribed/rfc8037_appendix_A_okp.json");
    QTest::newRow("rfc8037 A.3 from A.1 private")
        << compact(okp[QLatin1String("A.1_private_jwk")].toObject())
        << okp[QLatin1String("A.3_thumbprint")].toObject()[QLatin1String("sha256_b64u")].toString();
}

void TestJwk::thumbprints()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QByteArray, jwk);
    QFETCH(QString, expected);
    auto key = keyFromJwk(jwk);
    QVERIFY2(key.has_value(), qPrintable(key ? QString() : key.error().toString()));
    const auto thumb = key->thumbprint(256);
    QVERIFY(thumb.has_value());
    QCOMPARE(*thumb, expected);
    // Other hashes have the hash's length; an unknown hash is refused.
    QCOMPARE(key->thumbprint(384)->size(), 64);
    QCOMPARE(key->thumbprint(512)->size(), 86);
    QVERIFY(!key->thumbprint(1).has_value());
}

void TestJwk::rfc8037Okp()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonObject okp = vectorObject("rfc-transcribed/rfc8037_appendix_A_okp.json");
    // A.1 private key, A.2 its public key: the public export is exactly A.2.
    auto priv = keyFromJwk(compact(okp[QLatin1String("A.1_private_jwk")].toObject()));
    QVERIFY2(priv.has_value(), qPrintable(priv ? QString() : priv.error().toString()));
    QCOMPARE(priv->type(), KeyType::OKP);
    QCOMPARE(priv->curve(), Curve::Ed25519);
    QVERIFY(priv->hasPrivate());
    QCOMPARE(parsed(*priv->toJwk(false)), okp[QLatin1String("A.2_public_jwk")].toObject());
    QCOMPARE(parsed(*priv->publicKey().toJwk(true)), okp[QLatin1String("A.2_public_jwk")].toObject());
    QCOMPARE(parsed(*priv->toJwk(true)), okp[QLatin1String("A.1_private_jwk")].toObject());
    // A.6/A.7: X25519 and X448 public keys load as OKP key-agreement keys that no JWS algorithm accepts.
    for (const char* name : {"A.6_ecdh_es_x25519", "A.7_ecdh_es_x448"}) {
        const QJsonObject section = okp[QLatin1String(name)].toObject();
        for (const QString& member : section.keys()) {
            if (!member.endsWith(QLatin1String("_jwk")))
                continue;
            auto key = keyFromJwk(compact(section[member].toObject()));
            QVERIFY2(key.has_value(), qPrintable(QStringLiteral("%1.%2").arg(QLatin1String(name), member)));
            QCOMPARE(key->type(), KeyType::OKP);
            QVERIFY(!signature::keyFitsAlgorithm(*key, JwsAlgorithm::EdDSA));
            QCOMPARE(parsed(*key->toJwk(false)).value(QLatin1String("x")),
                     section[member].toObject().value(QLatin1String("x")));
        }
    }
}

void TestJwk::cookbookRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("description");
    // RFC 7520 section 3 keys (jose-cookbook/jwk/).
    QTest::newRow("3.1") << QStringLiteral("jose-cookbook/jwk/3_1.ec_public_key.json")
                         << QStringLiteral("EC P-521 public key");
    QTest::newRow("3.2") << QStringLiteral("jose-cookbook/jwk/3_2.ec_private_key.json")
                         << QStringLiteral("EC P-521 private key");
    QTest::newRow("3.3") << QStringLiteral("jose-cookbook/jwk/3_3.rsa_public_key.json")
                         << QStringLiteral("RSA 2048-bit public key");
    QTest::newRow("3.4") << QStringLiteral("jose-cookbook/jwk/3_4.rsa_private_key.json")
                         << QStringLiteral("RSA 2048-bit private key");
    QTest::newRow("3.5") << QStringLiteral("jose-cookbook/jwk/3_5.symmetric_key_mac_computation.json")
                         << QStringLiteral("HMAC secret (32 bytes)");
    QTest::newRow("3.6") << QStringLiteral("jose-cookbook/jwk/3_6.symmetric_key_encryption.json")
                         << QStringLiteral("HMAC secret (32 bytes)");
}

void TestJwk::cookbookRoundTrip()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, file);
    QFETCH(QString, description);
    const QByteArray text = test::readVectorFile(file);
    auto key = keyFromJwk(text);
    QVERIFY2(key.has_value(), qPrintable(key ? QString() : key.error().toString()));
    QCOMPARE(key->description(), description);
    const QJsonObject original = parsed(text);
    QCOMPARE(key->kid(), original[QLatin1String("kid")].toString());
    QCOMPARE(key->use(), original[QLatin1String("use")].toString());
    QCOMPARE(key->alg(), original[QLatin1String("alg")].toString());
    QCOMPARE(parsed(*key->toJwk(true)), original);
}

void TestJwk::publicExportStripsPrivate_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("members");
    // ATTACKS.md A34: latchset-jose/rfc7515_A.2.jwk exported public has only kty, n, e.
    QTest::newRow("rfc7515 A.2 RSA") << QStringLiteral("latchset-jose/rfc7515_A.2.jwk")
                                     << QStringList{u"e"_qs, u"kty"_qs, u"n"_qs};
    QTest::newRow("rfc7515 A.3 EC") << QStringLiteral("latchset-jose/rfc7515_A.3.jwk")
                                    << QStringList{u"crv"_qs, u"kty"_qs, u"x"_qs, u"y"_qs};
    QTest::newRow("cookbook 3.2 EC with metadata")
        << QStringLiteral("jose-cookbook/jwk/3_2.ec_private_key.json")
        << QStringList{u"crv"_qs, u"kid"_qs, u"kty"_qs, u"use"_qs, u"x"_qs, u"y"_qs};
    QTest::newRow("cookbook 3.4 RSA with metadata") << QStringLiteral("jose-cookbook/jwk/3_4.rsa_private_key.json")
                                                    << QStringList{u"e"_qs, u"kid"_qs, u"kty"_qs, u"n"_qs, u"use"_qs};
    QTest::newRow("oct loses k") << QStringLiteral("latchset-jose/rfc7515_A.1.jwk") << QStringList{u"kty"_qs};
}

void TestJwk::publicExportStripsPrivate()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, file);
    QFETCH(QStringList, members);
    const QByteArray text = test::readVectorFile(file);
    auto key = keyFromJwk(text);
    QVERIFY(key.has_value());
    const auto exported = key->toJwk(false);
    QVERIFY(exported.has_value());
    const QJsonObject pub = parsed(*exported);
    QCOMPARE(pub.keys(), members);
    const QJsonObject original = parsed(text);
    for (const QString& m : members)
        QCOMPARE(pub[m], original[m]);
    for (const char* secret : {"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
        QVERIFY(!exported->contains(QByteArray("\"") + secret + "\""));
}

void TestJwk::wycheproofJwk_data()
{
    QTest::addColumn<QByteArray>("keySet");
    QTest::addColumn<int>("keys");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<bool>("duplicateKid");
    QTest::addColumn<bool>("mixed");
    QTest::addColumn<QString>("skipReason");
    if (!test::haveVectors())
        return;
    // wycheproof json_web_key_test.json at the key-parsing level. Decisions per test (the JWS-level verdicts are
    // checked by the JWS tests):
    //  #1 mixed-symmetry set: loads, with the problem flagged (never used for automatic selection, A05);
    //  #4 duplicate kid: the second key's "k" ends in non-canonical base64url ("...ingge": unused bits set), so
    //     strict decoding (RFC 7515 section 2) skips it, and the kid it shares is still reported as duplicate;
    //  #7 ROCA, #8 1024-bit, #10-12 short HMAC keys, #19/20 alg not matching the curve, #21 use "enc",
    //     #25/26 AES alg on an oct key: structurally valid keys; they load and policy (jws/KeyPolicy) flags them;
    //  #9 e = 1: refused at parse time, the signature would be the padded message itself (ATTACKS.md A14);
    //  #16-18 empty "k": refused (A10); #22 point not on the curve, #23 coordinates of the wrong size for the
    //     curve, #24 kty RSA with EC members: refused.
    struct Expect
    {
        int keys;
        int skipped;
        bool dup;
        bool mixed;
        const char* reason;
    };
    const QHash<int, Expect> expectations = {
        {1, {2, 0, false, true, ""}},          {2, {2, 0, false, false, ""}},
        {3, {2, 0, false, false, ""}},         {4, {1, 1, true, false, "canonical"}},
        {5, {1, 0, false, false, ""}},         {6, {1, 0, false, false, ""}},
        {7, {1, 0, false, false, ""}},         {8, {1, 0, false, false, ""}},
        {9, {0, 1, false, false, "exponent"}}, {10, {1, 0, false, false, ""}},
        {11, {1, 0, false, false, ""}},        {12, {1, 0, false, false, ""}},
        {13, {1, 0, false, false, ""}},        {14, {1, 0, false, false, ""}},
        {15, {1, 0, false, false, ""}},        {16, {0, 1, false, false, "empty"}},
        {17, {0, 1, false, false, "empty"}},   {18, {0, 1, false, false, "empty"}},
        {19, {1, 0, false, false, ""}},        {20, {1, 0, false, false, ""}},
        {21, {1, 0, false, false, ""}},        {22, {0, 1, false, false, "curve"}},
        {23, {0, 1, false, false, "bytes"}},   {24, {0, 1, false, false, "\"n\""}},
        {25, {1, 0, false, false, ""}},        {26, {1, 0, false, false, ""}},
    };
    const QJsonObject doc = vectorObject("wycheproof/testvectors_v1/json_web_key_test.json");
    for (const QJsonValue& g : doc[QLatin1String("testGroups")].toArray()) {
        const QJsonObject group = g.toObject();
        for (const QJsonValue& t : group[QLatin1String("tests")].toArray()) {
            const int tcId = t.toObject()[QLatin1String("tcId")].toInt();
            QVERIFY2(expectations.contains(tcId), qPrintable(QString::number(tcId)));
            const Expect e = expectations.value(tcId);
            for (const char* which : {"private", "public"}) {
                if (!group.contains(QLatin1String(which)))
                    continue;
                QTest::addRow("json_web_key_test#%d/%s", tcId, which)
                    << compact(group[QLatin1String(which)].toObject()) << e.keys << e.skipped << e.dup << e.mixed
                    << QString::fromLatin1(e.reason);
            }
        }
    }
}

void TestJwk::wycheproofJwk()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QByteArray, keySet);
    QFETCH(int, keys);
    QFETCH(int, skipped);
    QFETCH(bool, duplicateKid);
    QFETCH(bool, mixed);
    QFETCH(QString, skipReason);
    auto set = loadKeys(keySet);
    QVERIFY2(set.has_value(), qPrintable(set ? QString() : set.error().toString()));
    QVERIFY(set->isJwks);
    QCOMPARE(set->keys.size(), keys);
    QCOMPARE(set->skipped.size(), skipped);
    QCOMPARE(set->hasDuplicateKid, duplicateKid);
    QCOMPARE(set->mixesSymmetry, mixed);
    QCOMPARE(set->problems.isEmpty(), !duplicateKid && !mixed);
    if (!skipReason.isEmpty())
        QVERIFY2(set->skipped.first().contains(skipReason), qPrintable(set->skipped.first()));
    // Members that were kept are exported as read.
    const QJsonArray members = parsed(keySet)[QLatin1String("keys")].toArray();
    if (keys == members.size()) {
        for (qsizetype i = 0; i < keys; ++i)
            QCOMPARE(parsed(*set->keys[i].toJwk(true)), members[i].toObject());
    }
}

void TestJwk::rejects_data()
{
    QTest::addColumn<QByteArray>("jwk");
    QTest::addColumn<int>("code");
    if (!test::haveVectors())
        return;
    const QJsonObject a2 = vectorObject("latchset-jose/rfc7515_A.2.jwk"); // RSA private with CRT
    const QJsonObject a3 = vectorObject("latchset-jose/rfc7515_A.3.jwk"); // EC P-256 private
    const QJsonObject a4 = vectorObject("latchset-jose/rfc7515_A.4.jwk"); // EC P-521 private
    const QJsonObject okp =
        vectorObject("rfc-transcribed/rfc8037_appendix_A_okp.json")[QLatin1String("A.1_private_jwk")].toObject();
    const QJsonObject rsaA2 =
        vectorObject("latchset-jose/rfc7517_A.2.jwkset")[QLatin1String("keys")].toArray()[1].toObject();
    const int invalid = int(ErrorCode::KeyInvalid);
    const auto with = [](QJsonObject o, const char* member, const QJsonValue& value) {
        o[QLatin1String(member)] = value;
        return compact(o);
    };
    const auto without = [](QJsonObject o, const char* member) {
        o.remove(QLatin1String(member));
        return compact(o);
    };
    const auto shortened = [](const QJsonObject& o, const char* member) {
        // Drop the first byte of a fixed-size member (RFC 7518 6.2.1.2: the full length is required).
        const QByteArray bytes =
            QByteArray::fromBase64(o[QLatin1String(member)].toString().toLatin1(), QByteArray::Base64UrlEncoding);
        return QString::fromLatin1(base64url::encode(bytes.mid(1)));
    };
    const auto padded = [](const QJsonObject& o, const char* member) {
        const QByteArray bytes =
            QByteArray::fromBase64(o[QLatin1String(member)].toString().toLatin1(), QByteArray::Base64UrlEncoding);
        return QString::fromLatin1(base64url::encode(QByteArray(1, '\0') + bytes));
    };
    QTest::newRow("EC x short") << with(a3, "x", shortened(a3, "x")) << invalid;
    QTest::newRow("EC y zero-padded") << with(a3, "y", padded(a3, "y")) << invalid;
    QTest::newRow("EC d short") << with(a3, "d", shortened(a3, "d")) << invalid;
    QTest::newRow("EC P-521 coordinates on P-384") << with(a4, "crv", u"P-384"_qs) << invalid;
    QTest::newRow("EC d of another key") << with(a3, "d",
                                                 vectorObject("latchset-jose/rfc7517_A.2.jwkset")[QLatin1String("keys")]
                                                     .toArray()[0]
                                                     .toObject()[QLatin1String("d")])
                                         << invalid;
    // Point not on the curve: x of one P-256 key with y of another.
    QTest::newRow("EC point off curve")
        << compact(QJsonObject{{u"kty"_qs, u"EC"_qs},
                               {u"crv"_qs, u"P-256"_qs},
                               {u"x"_qs, a3[QLatin1String("x")]},
                               {u"y"_qs, vectorObject("latchset-jose/rfc7517_A.1.jwkset")[QLatin1String("keys")]
                                             .toArray()[0]
                                             .toObject()[QLatin1String("y")]}})
        << invalid;
    QTest::newRow("EC missing y") << without(a3, "y") << invalid;
    QTest::newRow("EC unknown curve") << with(a3, "crv", u"P-192"_qs) << int(ErrorCode::KeyUnsupported);
    QTest::newRow("EC curve of OKP") << with(a3, "crv", u"Ed25519"_qs) << int(ErrorCode::KeyUnsupported);
    QTest::newRow("OKP d does not match x") << with(okp, "x", a3[QLatin1String("x")]) << invalid;
    QTest::newRow("OKP x short") << with(parsed(without(okp, "d")), "x", shortened(okp, "x")) << invalid;
    QTest::newRow("OKP without x") << without(okp, "x") << invalid;
    QTest::newRow("RSA missing qi") << without(a2, "qi") << invalid;
    QTest::newRow("RSA CRT without d") << without(a2, "d") << invalid;
    QTest::newRow("RSA d of another key") << with(a2, "d", rsaA2[QLatin1String("d")]) << invalid;
    QTest::newRow("RSA p of another key") << with(a2, "p", rsaA2[QLatin1String("p")]) << invalid;
    QTest::newRow("RSA even e") << compact(QJsonObject{{u"kty"_qs, u"RSA"_qs},
                                                       {u"n"_qs, a2[QLatin1String("n")]},
                                                       {u"e"_qs, u"AQAA"_qs}})
                                << invalid;
    QTest::newRow("RSA e = 1") << compact(QJsonObject{
                                      {u"kty"_qs, u"RSA"_qs}, {u"n"_qs, a2[QLatin1String("n")]}, {u"e"_qs, u"AQ"_qs}})
                               << invalid;
    QTest::newRow("RSA without e") << without(a2, "e") << invalid;
    QTest::newRow("RSA oth") << with(a2, "oth", QJsonArray{}) << int(ErrorCode::KeyUnsupported);
    QTest::newRow("RSA n not a string") << with(a2, "n", 12345) << invalid;
    QTest::newRow("base64url with +") << with(a3, "x", a3[QLatin1String("x")].toString().replace(0, 1, u"+"_qs))
                                      << int(ErrorCode::Base64UrlInvalidChar);
    QTest::newRow("oct padded k") << QByteArray(R"({"kty":"oct","k":"Zm9vYg=="})") << int(ErrorCode::Base64UrlPadding);
    QTest::newRow("oct empty k") << QByteArray(R"({"kty":"oct","k":""})") << int(ErrorCode::KeyEmptySecret);
    QTest::newRow("oct without k") << QByteArray(R"({"kty":"oct"})") << invalid;
    QTest::newRow("no kty") << QByteArray(R"({"k":"Zm9v"})") << invalid;
    QTest::newRow("kty DSA") << QByteArray(R"({"kty":"DSA"})") << int(ErrorCode::KeyUnsupported);
    QTest::newRow("kty wrong case") << QByteArray(R"({"kty":"ec"})") << int(ErrorCode::KeyUnsupported);
    QTest::newRow("duplicate member") << QByteArray(R"({"kty":"oct","k":"Zm9v","k":"YmFy"})")
                                      << int(ErrorCode::JsonDuplicateMember);
    QTest::newRow("duplicate kty") << QByteArray(R"({"kty":"oct","kty":"RSA","k":"Zm9v"})")
                                   << int(ErrorCode::JsonDuplicateMember);
    QTest::newRow("key_ops duplicate") << QByteArray(R"({"kty":"oct","k":"Zm9v","key_ops":["sign","sign"]})")
                                       << invalid;
    QTest::newRow("key_ops not array") << QByteArray(R"({"kty":"oct","k":"Zm9v","key_ops":"sign"})") << invalid;
    QTest::newRow("kid not string") << QByteArray(R"({"kty":"oct","k":"Zm9v","kid":7})") << invalid;
    QTest::newRow("not an object") << QByteArray(R"(["kty"])") << int(ErrorCode::JsonNotObject);
    QTest::newRow("JWKS given as JWK") << QByteArray(R"({"keys":[]})") << int(ErrorCode::KeyParse);
    QTest::newRow("syntax") << QByteArray("{\"kty\":\"oct\",\n\"k\":}") << int(ErrorCode::JsonSyntax);
    QTest::newRow("too deep") << QByteArray(R"({"kty":"oct","k":"Zm9v","x":)") + QByteArray(40, '[') +
                                     QByteArray(40, ']') + "}"
                              << int(ErrorCode::JsonTooDeep);
}

void TestJwk::rejects()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QByteArray, jwk);
    QFETCH(int, code);
    auto key = keyFromJwk(jwk);
    QVERIFY2(!key.has_value(), jwk.constData());
    QCOMPARE(codeOf(key.error()), errorCodeName(ErrorCode(code)));
    QCOMPARE(key.error().segment, Segment::Key);
}

void TestJwk::rsaWithoutCrtSignsLikeFull()
{
    ASSAY_REQUIRE_VECTORS();
    // An RSA private JWK with only n, e, d is usable; PKCS#1 v1.5 is deterministic, so it must reproduce the
    // RFC 7515 A.2 signature.
    QJsonObject a2 = vectorObject("latchset-jose/rfc7515_A.2.jwk");
    for (const char* m : {"p", "q", "dp", "dq", "qi"})
        a2.remove(QLatin1String(m));
    auto key = keyFromJwk(compact(a2));
    QVERIFY2(key.has_value(), qPrintable(key ? QString() : key.error().toString()));
    QVERIFY(key->hasPrivate());
    const QByteArray jws = test::readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.2.jwsc")).trimmed();
    const auto sig = signature::sign(*key, JwsAlgorithm::RS256, jws.left(jws.lastIndexOf('.')));
    QVERIFY(sig.has_value());
    QCOMPARE(base64url::encode(*sig), jws.mid(jws.lastIndexOf('.') + 1));
    QCOMPARE(parsed(*key->toJwk(true)), a2);
}

void TestJwk::x5cMustMatch()
{
    ASSAY_REQUIRE_VECTORS();
    // RFC 7517 B: x5c's first certificate holds the JWK's key; with another n the JWK is refused.
    const QJsonObject b = vectorObject("latchset-jose/rfc7517_B.jwk");
    auto key = keyFromJwk(compact(b));
    QVERIFY2(key.has_value(), qPrintable(key ? QString() : key.error().toString()));
    QVERIFY(key->certificate().has_value());
    QCOMPARE(key->certificate()->subject,
             QStringLiteral("CN=Brian Campbell,O=Ping Identity Corp.,L=Denver,ST=CO,C=US"));
    QCOMPARE(key->kid(), QStringLiteral("1b94c"));
    QJsonObject other = b;
    other[QLatin1String("n")] = vectorObject("latchset-jose/rfc7515_A.2.jwk")[QLatin1String("n")];
    auto mismatched = keyFromJwk(compact(other));
    QVERIFY(!mismatched.has_value());
    QCOMPARE(codeOf(mismatched.error()), errorCodeName(ErrorCode::KeyInvalid));
}

void TestJwk::metadataAndDescription()
{
    auto key =
        keyFromJwk(R"({"kty":"oct","k":"Zm9vYmFy","kid":"k1","alg":"HS256","use":"sig","key_ops":["sign","verify"]})");
    QVERIFY(key.has_value());
    QCOMPARE(key->kid(), QStringLiteral("k1"));
    QCOMPARE(key->alg(), QStringLiteral("HS256"));
    QCOMPARE(key->use(), QStringLiteral("sig"));
    QVERIFY(key->hasKeyOps());
    QCOMPARE(key->keyOps(), (QStringList{u"sign"_qs, u"verify"_qs}));
    QCOMPARE(key->description(), QStringLiteral("HMAC secret (6 bytes)"));
    QVERIFY(key->publicKey().isNull());
    // key_ops present but empty is different from absent.
    auto empty = keyFromJwk(R"({"kty":"oct","k":"Zm9v","key_ops":[]})");
    QVERIFY(empty.has_value());
    QVERIFY(empty->hasKeyOps());
    QVERIFY(empty->keyOps().isEmpty());
    QVERIFY(key->withMetadata(QString(), QString(), QString()).hasKeyOps());
    const Key renamed = key->withMetadata(u"k2"_qs, u"HS512"_qs, QString());
    QCOMPARE(renamed.kid(), QStringLiteral("k2"));
    QCOMPARE(renamed.alg(), QStringLiteral("HS512"));
    QCOMPARE(renamed.use(), QString());
    QCOMPARE(key->kid(), QStringLiteral("k1"));
    QCOMPARE(renamed.secret()->view().toByteArray(), QByteArray("foobar"));
    QVERIFY(Key().isNull());
    QVERIFY(!Key().toJwk(false).has_value());
}

QTEST_APPLESS_MAIN(TestJwk)
#include "TestJwk.moc"
