// SPDX-License-Identifier: Apache-2.0
#include "encoding/Base64Url.h"

#include <QtTest>

using namespace assay;

class TestBase64Url : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void rejects_data();
    void rejects();
};

void TestBase64Url::roundTrip_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("encoded");
    // RFC 4648 section 10 test vectors, in the URL-safe alphabet without padding.
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
    QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
    QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
    QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
    QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
    // RFC 7515 section 3.3: the example header uses '-' and '_' once re-encoded bytes hit 62/63.
    QTest::newRow("url-safe alphabet") << QByteArray::fromHex("fbff") << QByteArray("-_8");
    // RFC 7515 A.1 header (with CR LF inside), exact bytes.
    QTest::newRow("rfc7515 A.1 header") << QByteArray("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}")
                                        << QByteArray("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9");
}

void TestBase64Url::roundTrip()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, encoded);
    QCOMPARE(base64url::encode(bytes), encoded);
    auto decoded = base64url::decode(encoded);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, bytes);
    QVERIFY(base64url::isValid(encoded));
}

void TestBase64Url::rejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("offset");
    // ATTACKS.md A20: strict alphabet, no padding, length, canonical trailing bits.
    QTest::newRow("padding") << QByteArray("Zg==") << int(ErrorCode::Base64UrlPadding) << 2;
    QTest::newRow("plus") << QByteArray("ab+d") << int(ErrorCode::Base64UrlInvalidChar) << 2;
    QTest::newRow("slash") << QByteArray("/bcd") << int(ErrorCode::Base64UrlInvalidChar) << 0;
    QTest::newRow("space") << QByteArray("ab cd") << int(ErrorCode::Base64UrlInvalidChar) << 2;
    QTest::newRow("newline") << QByteArray("abcd\n") << int(ErrorCode::Base64UrlInvalidChar) << 4;
    QTest::newRow("question mark") << QByteArray("ab?c") << int(ErrorCode::Base64UrlInvalidChar) << 2;
    QTest::newRow("non-ascii") << QByteArray("ab\xc3\xa9") << int(ErrorCode::Base64UrlInvalidChar) << 2;
    QTest::newRow("length 4n+1") << QByteArray("abcde") << int(ErrorCode::Base64UrlBadLength) << 4;
    // "Zh" decodes to 'f' but carries a non-zero unused low nibble ('h' = 33 = 0b100001).
    QTest::newRow("non-canonical 2") << QByteArray("Zh") << int(ErrorCode::Base64UrlNonCanonical) << 1;
    QTest::newRow("non-canonical 3") << QByteArray("Zm9") << int(ErrorCode::Base64UrlNonCanonical) << 2;
}

void TestBase64Url::rejects()
{
    QFETCH(QByteArray, text);
    QFETCH(int, code);
    QFETCH(int, offset);
    auto decoded = base64url::decode(text, Segment::Payload);
    QVERIFY(!decoded.has_value());
    QCOMPARE(int(decoded.error().code), code);
    QCOMPARE(decoded.error().offset, qsizetype(offset));
    QCOMPARE(decoded.error().segment, Segment::Payload);
    QVERIFY(decoded.error().toString().startsWith(QStringLiteral("payload, offset ")));
    QVERIFY(!base64url::isValid(text));
}

QTEST_APPLESS_MAIN(TestBase64Url)
#include "TestBase64Url.moc"
