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

#include <atomic>

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

    // KeyGenerationControl: progress reported from OpenSSL's callback, and a cancel that stops OpenSSL's work.
    void cancelBeforeStart_data();
    void cancelBeforeStart();
    void cancelFromTheCallbackStopsRsa();
    void progressIsReportedForRsa();
    void controlledGenerationStillMakesValidKeys_data();
    void controlledGenerationStillMakesValidKeys();
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

void TestKeyGenerator::cancelBeforeStart_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::addColumn<Curve>("curve");
    QTest::addColumn<int>("bits");
    QTest::newRow("oct") << KeyType::Oct << Curve::None << 256;
    QTest::newRow("RSA 2048") << KeyType::RSA << Curve::None << 2048;
    QTest::newRow("P-256") << KeyType::EC << Curve::P256 << 0;
    QTest::newRow("Ed25519") << KeyType::OKP << Curve::Ed25519 << 0;
}

void TestKeyGenerator::cancelBeforeStart()
{
    QFETCH(KeyType, type);
    QFETCH(Curve, curve);
    QFETCH(int, bits);
    std::atomic<bool> cancel{true};
    int calls = 0;
    KeyGenerationControl control;
    control.cancel = &cancel;
    control.onProgress = [&calls](const KeyGenerationProgress&) {
        ++calls;
    };
    auto key = generateKey(type, curve, bits, control);
    QVERIFY(!key);
    QCOMPARE(key.error().code, ErrorCode::Cancelled);
    QCOMPARE(errorCodeName(key.error().code), QStringLiteral("ERR_CANCELLED"));
    QCOMPARE(calls, 0); // nothing was started
}

void TestKeyGenerator::cancelFromTheCallbackStopsRsa()
{
    // RSA 4096 tests hundreds of candidate primes; the callback asks to stop at its fifth call. OpenSSL honours the
    // refusal at its next check (a few calls later at most: some of its loops look at the callback's answer only
    // between candidates), so the work ends long before both primes are found, which a complete generation always
    // reports (progressIsReportedForRsa()). No key comes back, and the error says it was cancelled.
    std::atomic<bool> cancel{false};
    QList<KeyGenerationProgress> seen;
    KeyGenerationControl control;
    control.cancel = &cancel;
    control.onProgress = [&](const KeyGenerationProgress& p) {
        seen.append(p);
        if (seen.size() == 5)
            cancel.store(true);
    };
    auto key = generateKey(KeyType::RSA, Curve::None, 4096, control);
    QVERIFY(!key);
    QCOMPARE(key.error().code, ErrorCode::Cancelled);
    QVERIFY(seen.size() >= 5);
    QCOMPARE(seen.last().steps, qint64(seen.size()));
    QVERIFY2(seen.last().primesFound < 2, qPrintable(QString::number(seen.last().primesFound)));
    QVERIFY(seen.last().phase != 3);
}

void TestKeyGenerator::progressIsReportedForRsa()
{
    std::atomic<bool> cancel{false};
    QList<KeyGenerationProgress> seen;
    KeyGenerationControl control;
    control.cancel = &cancel;
    control.onProgress = [&seen](const KeyGenerationProgress& p) {
        seen.append(p);
    };
    auto key = generateKey(KeyType::RSA, Curve::None, 2048, control);
    QVERIFY2(key, key ? "" : qPrintable(key.error().toString()));
    QCOMPARE(key->bits(), 2048);
    QVERIFY(!seen.isEmpty());
    // Counts only grow, one step per call; two primes (p and q) are found, after at least two candidates.
    for (int i = 0; i < seen.size(); ++i) {
        QCOMPARE(seen.at(i).steps, qint64(i + 1));
        QVERIFY(seen.at(i).phase >= 0 && seen.at(i).phase <= 3);
        if (i > 0) {
            QVERIFY(seen.at(i).candidates >= seen.at(i - 1).candidates);
            QVERIFY(seen.at(i).primesFound >= seen.at(i - 1).primesFound);
        }
    }
    QVERIFY(seen.last().candidates >= 2);
    QVERIFY(seen.last().primesFound >= 2);
}

void TestKeyGenerator::controlledGenerationStillMakesValidKeys_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::addColumn<Curve>("curve");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("expectedBits");
    QTest::addColumn<JwsAlgorithm>("alg");
    QTest::newRow("oct 256") << KeyType::Oct << Curve::None << 256 << 256 << JwsAlgorithm::HS256;
    QTest::newRow("RSA 3072") << KeyType::RSA << Curve::None << 3072 << 3072 << JwsAlgorithm::RS256;
    QTest::newRow("P-384") << KeyType::EC << Curve::P384 << 0 << 384 << JwsAlgorithm::ES384;
    QTest::newRow("secp256k1") << KeyType::EC << Curve::Secp256k1 << 0 << 256 << JwsAlgorithm::ES256K;
    QTest::newRow("Ed448") << KeyType::OKP << Curve::Ed448 << 0 << -1 << JwsAlgorithm::Ed448;
    QTest::newRow("X25519") << KeyType::OKP << Curve::X25519 << 0 << -1 << JwsAlgorithm::ES256; // signs nothing
}

void TestKeyGenerator::controlledGenerationStillMakesValidKeys()
{
    QFETCH(KeyType, type);
    QFETCH(Curve, curve);
    QFETCH(int, bits);
    QFETCH(int, expectedBits);
    QFETCH(JwsAlgorithm, alg);
    std::atomic<bool> cancel{false};
    KeyGenerationControl control;
    control.cancel = &cancel;
    control.onProgress = [](const KeyGenerationProgress&) {
    };
    auto key = generateKey(type, curve, bits, control);
    QVERIFY2(key, key ? "" : qPrintable(key.error().toString()));
    QCOMPARE(key->type(), type);
    QCOMPARE(key->curve(), curve);
    QVERIFY(key->hasPrivate());
    if (expectedBits > 0)
        QCOMPARE(key->bits(), expectedBits);
    if (curve == Curve::X25519) {
        QVERIFY(algorithmsForKey(*key).isEmpty());
        return;
    }
    // Usable: signs, and the public half verifies.
    auto token = signCompact(defaultHeader(alg), R"({"sub":"x"})", *key, alg);
    QVERIFY2(token, token ? "" : qPrintable(token.error().toString()));
    auto parsed = parseToken(*token);
    QVERIFY(parsed);
    KeySet set;
    set.keys.append(key->isSymmetric() ? *key : key->publicKey());
    QCOMPARE(verifyJws(*parsed, set).verdict, Verdict::Valid);
}

QTEST_APPLESS_MAIN(TestKeyGenerator)
#include "TestKeyGenerator.moc"
