// SPDX-License-Identifier: Apache-2.0
// Key generation for templates and experiments (jwk/KeyGenerator.h): right shape, usable, fresh every time.
#include "jwk/KeyGenerator.h"

#include "crypto/SecureBytes.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsSigner.h"
#include "jws/JwsVerifier.h"
#include "jws/KeyPolicy.h"
#include "token/ParsedToken.h"

#include <QtTest>

using namespace assay;

class TestKeyGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shapes_data();
    void shapes();
    void freshEachTime();
    void refusals_data();
    void refusals();
};

void TestKeyGenerator::shapes_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::addColumn<Curve>("curve");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("expectedBits");
    QTest::addColumn<JwsAlgorithm>("alg"); // one algorithm the key must be able to sign and verify

    QTest::newRow("oct default 256") << KeyType::Oct << Curve::None << 0 << 256 << JwsAlgorithm::HS256;
    QTest::newRow("oct 512") << KeyType::Oct << Curve::None << 512 << 512 << JwsAlgorithm::HS512;
    QTest::newRow("RSA default 2048") << KeyType::RSA << Curve::None << 0 << 2048 << JwsAlgorithm::RS256;
    QTest::newRow("RSA 3072") << KeyType::RSA << Curve::None << 3072 << 3072 << JwsAlgorithm::PS384;
    QTest::newRow("P-256") << KeyType::EC << Curve::P256 << 0 << 256 << JwsAlgorithm::ES256;
    QTest::newRow("P-384") << KeyType::EC << Curve::P384 << 0 << 384 << JwsAlgorithm::ES384;
    QTest::newRow("P-521") << KeyType::EC << Curve::P521 << 0 << 521 << JwsAlgorithm::ES512;
    QTest::newRow("secp256k1") << KeyType::EC << Curve::Secp256k1 << 0 << 256 << JwsAlgorithm::ES256K;
    QTest::newRow("Ed25519") << KeyType::OKP << Curve::Ed25519 << 0 << -1 << JwsAlgorithm::Ed25519;
    QTest::newRow("Ed448") << KeyType::OKP << Curve::Ed448 << 0 << -1 << JwsAlgorithm::Ed448;
}

void TestKeyGenerator::shapes()
{
    QFETCH(KeyType, type);
    QFETCH(Curve, curve);
    QFETCH(int, bits);
    QFETCH(int, expectedBits);
    QFETCH(JwsAlgorithm, alg);

    auto key = generateKey(type, curve, bits);
    QVERIFY2(key, key ? "" : qPrintable(key.error().toString()));
    QCOMPARE(key->type(), type);
    QCOMPARE(key->curve(), curve);
    QVERIFY(key->hasPrivate());
    QCOMPARE(key->format(), KeyFormat::Generated);
    if (expectedBits > 0)
        QCOMPARE(key->bits(), expectedBits);
    QVERIFY(algorithmsForKey(*key).contains(alg));

    // Usable end to end: sign with the generated key, verify with what a user would hand out.
    auto token = signCompact(defaultHeader(alg), R"({"sub":"x"})", *key, alg);
    QVERIFY2(token, token ? "" : qPrintable(token.error().toString()));
    auto parsed = parseToken(*token);
    QVERIFY(parsed);
    KeySet set;
    set.keys.append(key->isSymmetric() ? *key : key->publicKey());
    QCOMPARE(verifyJws(*parsed, set).verdict, Verdict::Valid);

    // The generated key survives a JWK round trip (private and public halves).
    auto jwk = key->toJwk(true);
    QVERIFY(jwk);
    auto back = keyFromJwk(*jwk);
    QVERIFY2(back, back ? "" : qPrintable(back.error().toString()));
    QCOMPARE(*back->thumbprint(), *key->thumbprint());
    if (!key->isSymmetric()) {
        QVERIFY(!key->publicKey().hasPrivate());
        QVERIFY(!key->toJwk(false)->contains("\"d\""));
    }
}

void TestKeyGenerator::freshEachTime()
{
    auto a = generateKey(KeyType::Oct);
    auto b = generateKey(KeyType::Oct);
    QVERIFY(a && b);
    QVERIFY(!a->secret()->equals(b->secret()->view()));
    auto c = generateKey(KeyType::EC, Curve::P256);
    auto d = generateKey(KeyType::EC, Curve::P256);
    QVERIFY(c && d);
    QVERIFY(*c->thumbprint() != *d->thumbprint());
}

void TestKeyGenerator::refusals_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::addColumn<Curve>("curve");
    QTest::addColumn<int>("bits");
    QTest::newRow("oct not whole bytes") << KeyType::Oct << Curve::None << 100;
    QTest::newRow("oct negative") << KeyType::Oct << Curve::None << -8;
    QTest::newRow("RSA 1024 (weak)") << KeyType::RSA << Curve::None << 1024;
    QTest::newRow("RSA 20000 (too large)") << KeyType::RSA << Curve::None << 20000;
    QTest::newRow("EC without curve") << KeyType::EC << Curve::None << 0;
    QTest::newRow("EC with an OKP curve") << KeyType::EC << Curve::Ed25519 << 0;
    QTest::newRow("OKP with an EC curve") << KeyType::OKP << Curve::P256 << 0;
}

void TestKeyGenerator::refusals()
{
    QFETCH(KeyType, type);
    QFETCH(Curve, curve);
    QFETCH(int, bits);
    auto key = generateKey(type, curve, bits);
    QVERIFY(!key);
    QCOMPARE(key.error().code, ErrorCode::Usage);
}

QTEST_APPLESS_MAIN(TestKeyGenerator)
#include "TestKeyGenerator.moc"
