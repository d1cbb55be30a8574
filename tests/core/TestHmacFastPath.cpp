// SPDX-License-Identifier: Apache-2.0
// The secret checker's HMAC fast path (audit/HmacCandidateTester) against independent HMACs:
// - Wycheproof's HMAC-SHA256/384/512 vectors (../shared/vectors/wycheproof/testvectors_v1/hmac_sha*_test.json,
//   full-length tags only: a JWS MAC is never truncated);
// - random keys and messages, compared with Qt's own HMAC (QMessageAuthenticationCode, not OpenSSL) and with
//   OpenSSL's EVP_MAC through the core's JWS signer. Lengths sweep every padding boundary: keys 0..300 bytes (block
//   sizes 64 and 128, where longer keys are hashed first), messages 0..600 bytes.

#include "Vectors.h"

#include "audit/CrackTarget.h"
#include "audit/HmacCandidateTester.h"
#include "crypto/SignatureEngine.h"
#include "jwk/Key.h"
#include "jwk/KeyLoader.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QtTest>

using namespace assay;

namespace {

QCryptographicHash::Algorithm qtHash(JwsAlgorithm alg)
{
    switch (alg) {
    case JwsAlgorithm::HS384:
        return QCryptographicHash::Sha384;
    case JwsAlgorithm::HS512:
        return QCryptographicHash::Sha512;
    default:
        return QCryptographicHash::Sha256;
    }
}

QByteArray randomBytes(QRandomGenerator& random, qsizetype size)
{
    QByteArray out(size, '\0');
    for (qsizetype i = 0; i < size; ++i)
        out[i] = static_cast<char>(random.bounded(256));
    return out;
}

// EVP_MAC through the core's signer (an HMAC key must not be empty there, ATTACKS.md A10).
QByteArray evpMac(JwsAlgorithm alg, const QByteArray& key, const QByteArray& message)
{
    Result<Key> k = keyFromSecret(key.toHex(), SecretEncoding::Hex);
    if (!k)
        return "key: " + k.error().toString().toUtf8();
    Result<QByteArray> mac = signature::sign(*k, alg, message);
    return mac ? *mac : "sign: " + mac.error().toString().toUtf8();
}

} // namespace

class TestHmacFastPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wycheproof_data();
    void wycheproof();
    void randomAgainstQtAndEvp_data();
    void randomAgainstQtAndEvp();
    void matchesOnlyTheExactMac_data();
    void matchesOnlyTheExactMac();
    void testerIsReusable();
};

void TestHmacFastPath::wycheproof_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("alg");
    QTest::newRow("HMAC-SHA256") << QStringLiteral("hmac_sha256_test.json") << int(JwsAlgorithm::HS256);
    QTest::newRow("HMAC-SHA384") << QStringLiteral("hmac_sha384_test.json") << int(JwsAlgorithm::HS384);
    QTest::newRow("HMAC-SHA512") << QStringLiteral("hmac_sha512_test.json") << int(JwsAlgorithm::HS512);
}

void TestHmacFastPath::wycheproof()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, file);
    QFETCH(int, alg);
    const auto algorithm = static_cast<JwsAlgorithm>(alg);
    const int macBits = hashLength(algorithmHash(algorithm)) * 8;
    const QJsonObject doc = test::readVectorJson(QStringLiteral("wycheproof/testvectors_v1/") + file);
    QVERIFY2(!doc.isEmpty(), qPrintable(file));

    int checked = 0;
    int valid = 0;
    for (const QJsonValue& groupValue : doc.value(QStringLiteral("testGroups")).toArray()) {
        const QJsonObject group = groupValue.toObject();
        if (group.value(QStringLiteral("tagSize")).toInt() != macBits)
            continue; // truncated tags: not a JWS MAC
        for (const QJsonValue& testValue : group.value(QStringLiteral("tests")).toArray()) {
            const QJsonObject t = testValue.toObject();
            const QByteArray key = QByteArray::fromHex(t.value(QStringLiteral("key")).toString().toLatin1());
            const QByteArray msg = QByteArray::fromHex(t.value(QStringLiteral("msg")).toString().toLatin1());
            const QByteArray tag = QByteArray::fromHex(t.value(QStringLiteral("tag")).toString().toLatin1());
            const bool isValid = t.value(QStringLiteral("result")).toString() == QLatin1String("valid");
            const QByteArray id = "tcId " + QByteArray::number(t.value(QStringLiteral("tcId")).toInt());

            Result<CrackTarget> target = CrackTarget::make(algorithm, msg, tag);
            QVERIFY2(target.has_value(), id.constData());
            HmacCandidateTester tester(*target);
            QCOMPARE(tester.matches(key), isValid);
            if (isValid) {
                QCOMPARE(tester.mac(key).toHex(), tag.toHex());
                ++valid;
            }
            ++checked;
        }
    }
    QVERIFY(checked > 50);
    QVERIFY(valid > 10);
}

void TestHmacFastPath::randomAgainstQtAndEvp_data()
{
    QTest::addColumn<int>("alg");
    QTest::newRow("HS256") << int(JwsAlgorithm::HS256);
    QTest::newRow("HS384") << int(JwsAlgorithm::HS384);
    QTest::newRow("HS512") << int(JwsAlgorithm::HS512);
}

void TestHmacFastPath::randomAgainstQtAndEvp()
{
    QFETCH(int, alg);
    const auto algorithm = static_cast<JwsAlgorithm>(alg);
    QRandomGenerator random(0xA55A5EED + static_cast<quint32>(alg)); // fixed seed: failures reproduce

    // Message lengths around every padding boundary of both block sizes, plus random ones; the signing input of the
    // benchmark (312) too.
    QList<int> messageLengths = {0,   1,   55,  56,  57,  63,  64,  65,  111, 112, 113, 119, 120, 127, 128,
                                 129, 183, 184, 191, 192, 239, 240, 247, 248, 255, 256, 312, 500, 600};
    for (int i = 0; i < 12; ++i)
        messageLengths.append(static_cast<int>(random.bounded(600)));
    QList<int> keyLengths = {0, 1, 31, 32, 33, 47, 48, 49, 63, 64, 65, 127, 128, 129, 200, 300};
    for (int i = 0; i < 8; ++i)
        keyLengths.append(static_cast<int>(random.bounded(300)));

    int compared = 0;
    for (int messageLength : std::as_const(messageLengths)) {
        const QByteArray message = randomBytes(random, messageLength);
        // Each tester sees many keys of different lengths in a row: stale bytes of a longer key must not leak.
        Result<CrackTarget> target =
            CrackTarget::make(algorithm, message, QByteArray(hashLength(algorithmHash(algorithm)), '\0'));
        QVERIFY(target.has_value());
        HmacCandidateTester tester(*target);
        for (int keyLength : std::as_const(keyLengths)) {
            const QByteArray key = randomBytes(random, keyLength);
            const QByteArray fast = tester.mac(key);
            const QByteArray qt = QMessageAuthenticationCode::hash(message, key, qtHash(algorithm));
            const QByteArray where = "message " + QByteArray::number(messageLength) + " bytes, key " +
                                     QByteArray::number(keyLength) + " bytes";
            QVERIFY2(fast == qt, where.constData());
            if (keyLength > 0)
                QVERIFY2(fast == evpMac(algorithm, key, message), where.constData());
            ++compared;
        }
    }
    QCOMPARE(compared, messageLengths.size() * keyLengths.size());
}

void TestHmacFastPath::matchesOnlyTheExactMac_data()
{
    QTest::addColumn<int>("alg");
    QTest::addColumn<int>("keyLength");
    QTest::newRow("HS256 short key") << int(JwsAlgorithm::HS256) << 6;
    QTest::newRow("HS256 key longer than the block") << int(JwsAlgorithm::HS256) << 100;
    QTest::newRow("HS384 short key") << int(JwsAlgorithm::HS384) << 6;
    QTest::newRow("HS384 key longer than the block") << int(JwsAlgorithm::HS384) << 200;
    QTest::newRow("HS512 short key") << int(JwsAlgorithm::HS512) << 6;
    QTest::newRow("HS512 key longer than the block") << int(JwsAlgorithm::HS512) << 200;
}

void TestHmacFastPath::matchesOnlyTheExactMac()
{
    QFETCH(int, alg);
    QFETCH(int, keyLength);
    const auto algorithm = static_cast<JwsAlgorithm>(alg);
    QRandomGenerator random(7);
    const QByteArray message = randomBytes(random, 312);
    const QByteArray key = randomBytes(random, keyLength);
    const QByteArray mac = QMessageAuthenticationCode::hash(message, key, qtHash(algorithm));

    Result<CrackTarget> target = CrackTarget::make(algorithm, message, mac);
    QVERIFY(target.has_value());
    HmacCandidateTester tester(*target);
    QVERIFY(tester.matches(key));

    // A flipped bit in any byte of the MAC (every state word is compared), or in the key, is a mismatch.
    for (qsizetype i = 0; i < mac.size(); ++i) {
        QByteArray wrong = mac;
        wrong[i] = static_cast<char>(wrong[i] ^ 0x01);
        Result<CrackTarget> other = CrackTarget::make(algorithm, message, wrong);
        QVERIFY(other.has_value());
        HmacCandidateTester otherTester(*other);
        QVERIFY2(!otherTester.matches(key), qPrintable(QStringLiteral("MAC byte %1").arg(i)));
    }
    QByteArray wrongKey = key;
    wrongKey[keyLength - 1] = static_cast<char>(wrongKey[keyLength - 1] ^ 0x80);
    QVERIFY(!tester.matches(wrongKey));
    QVERIFY(!tester.matches(key.left(keyLength - 1)));
}

void TestHmacFastPath::testerIsReusable()
{
    // A long key, then a short one, then the right one: the key blocks are rewritten correctly each time.
    const QByteArray message = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0";
    const QByteArray key = "secret";
    const QByteArray mac = QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
    Result<CrackTarget> target = CrackTarget::make(JwsAlgorithm::HS256, message, mac);
    QVERIFY(target.has_value());
    HmacCandidateTester tester(*target);
    QVERIFY(!tester.matches(QByteArray(200, 'x')));
    QVERIFY(!tester.matches(QByteArray(63, 'y')));
    QVERIFY(!tester.matches(QByteArrayView("secre")));
    QVERIFY(tester.matches(key));
    QVERIFY(!tester.matches(QByteArray(64, 'z')));
    QVERIFY(tester.matches(key));
}

QTEST_GUILESS_MAIN(TestHmacFastPath)
#include "TestHmacFastPath.moc"
