// SPDX-License-Identifier: Apache-2.0
#include "claims/NumericDate.h"

#include "encoding/JsonDocument.h"

#include <QtTest>

#include <limits>

using namespace assay;

namespace {

using W = NumericDate::Warning;

// Expected calendar strings below were computed outside this code (GNU date, and Python's datetime shifted by whole
// 400-year Gregorian cycles of 12'622'780'800 s for years beyond 9999), never by NumericDate itself.
constexpr qint64 kRfcNowMs = 1'300'819'380'000; // RFC 7519 section 3.1 example exp, 2011-03-22T18:43:00Z

JsonMember member(const char* name, JsonKind kind, const char* raw, qsizetype valueOffset = 7)
{
    JsonMember m;
    m.name = QString::fromUtf8(name);
    m.kind = kind;
    m.rawValue = QByteArray(raw);
    m.nameOffset = 1;
    m.valueOffset = valueOffset;
    return m;
}

int order(std::strong_ordering o)
{
    return o < 0 ? -1 : (o > 0 ? 1 : 0);
}

} // namespace

class TestNumericDate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void rejectsNonNumbers_data();
    void rejectsNonNumbers();
    void wrongJsonType_data();
    void wrongJsonType();
    void compareToMSecs_data();
    void compareToMSecs();
    void relativeTo_data();
    void relativeTo();
    void formatDuration_data();
    void formatDuration();
    void localString_data();
    void localString();
    void millisecondsHint_data();
    void millisecondsHint();
    void toMSecs_data();
    void toMSecs();
    void fromSeconds();
    void warningMessages();
    void extremeEvaluationTimes();
};

void TestNumericDate::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("representable");
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<int>("nanos");
    QTest::addColumn<bool>("exact");
    QTest::addColumn<int>("warnings");
    QTest::addColumn<QString>("utc");

    const auto row = [](const char* tag, const char* text, bool representable, qint64 seconds, int nanos, bool exact,
                        NumericDate::Warnings warnings, const char* utc) {
        QTest::newRow(tag) << QByteArray(text) << representable << seconds << nanos << exact << int(warnings.toInt())
                           << QString::fromUtf8(utc);
    };
    const NumericDate::Warnings none;
    row("zero", "0", true, 0, 0, true, none, "1970-01-01T00:00:00Z");
    row("negative zero", "-0", true, 0, 0, true, none, "1970-01-01T00:00:00Z");
    row("negative zero fraction", "-0.0e5", true, 0, 0, true, none, "1970-01-01T00:00:00Z");
    // RFC 7519 section 3.1 / RFC 7515 A.1 exp.
    row("rfc7519 exp", "1300819380", true, 1300819380, 0, true, none, "2011-03-22T18:43:00Z");
    row("trailing zero fraction is an integer", "1300819380.000", true, 1300819380, 0, true, none,
        "2011-03-22T18:43:00Z");
    row("exponent", "1e3", true, 1000, 0, true, none, "1970-01-01T00:16:40Z");
    row("exponent plus upper", "1E+2", true, 100, 0, true, none, "1970-01-01T00:01:40Z");
    row("exponent negative", "15e-1", true, 1, 500000000, true, W::Fractional, "1970-01-01T00:00:01.5Z");
    // ATTACKS.md A23 rows.
    row("A23 fractional 1.5", "1.5", true, 1, 500000000, true, W::Fractional, "1970-01-01T00:00:01.5Z");
    row("A23 negative -1", "-1", true, -1, 0, true, W::Negative, "1969-12-31T23:59:59Z");
    row("A23 1e400", "1e400", false, std::numeric_limits<qint64>::max(), 0, true,
        W::OutOfRange | W::BeyondSafeInteger | W::BeyondYear9999, "");
    row("A23 2^53+1", "9007199254740993", true, 9007199254740993LL, 0, true, W::BeyondSafeInteger | W::BeyondYear9999,
        "+285428751-11-12T07:36:33Z");
    row("2^53 exactly is still safe", "9007199254740992", true, 9007199254740992LL, 0, true, W::BeyondYear9999,
        "+285428751-11-12T07:36:32Z");
    row("-1e400", "-1e400", false, std::numeric_limits<qint64>::min(), 0, true,
        W::OutOfRange | W::BeyondSafeInteger | W::Negative, "");
    // Floor semantics for negative fractions: -1.5 = -2 s + 0.5 s.
    row("negative fraction", "-1.5", true, -2, 500000000, true, W::Negative | W::Fractional, "1969-12-31T23:59:58.5Z");
    row("milliseconds fraction", "1516239022.123", true, 1516239022, 123000000, true, W::Fractional,
        "2018-01-18T01:30:22.123Z");
    row("nanosecond fraction", "1.000000001", true, 1, 1, true, W::Fractional, "1970-01-01T00:00:01.000000001Z");
    // Digits below nanoseconds are dropped, but remembered so comparisons stay exact.
    row("sub-nanosecond", "1.0000000019", true, 1, 1, false, W::Fractional, "1970-01-01T00:00:01.000000001Z");
    row("tiny positive", "0.0000000001", true, 0, 0, false, W::Fractional, "1970-01-01T00:00:00Z");
    row("tiny via exponent", "1e-400", true, 0, 0, false, W::Fractional, "1970-01-01T00:00:00Z");
    row("tiny negative", "-0.0000000001", true, -1, 999999999, false, W::Negative | W::Fractional,
        "1969-12-31T23:59:59.999999999Z");
    row("zero with huge exponent", "0e999999999999999999999", true, 0, 0, true, none, "1970-01-01T00:00:00Z");
    row("huge negative exponent", "5e-999999999999999999999", true, 0, 0, false, W::Fractional, "1970-01-01T00:00:00Z");
    row("many leading zeros in fraction", "0.000000000000000000000000000000000000001e39", true, 1, 0, true, none,
        "1970-01-01T00:00:01Z");
    row("18 digits still in range", "999999999999999999", true, 999999999999999999LL, 0, true,
        W::BeyondSafeInteger | W::BeyondYear9999, "+31688740476-10-23T01:46:39Z");
    row("10^18 out of range", "1000000000000000000", false, std::numeric_limits<qint64>::max(), 0, true,
        W::OutOfRange | W::BeyondSafeInteger | W::BeyondYear9999, "");
    row("beyond 2^64", "123456789012345678901234567890", false, std::numeric_limits<qint64>::max(), 0, true,
        W::OutOfRange | W::BeyondSafeInteger | W::BeyondYear9999, "");
    row("last second of 9999", "253402300799", true, 253402300799LL, 0, true, W::LooksLikeMilliseconds,
        "9999-12-31T23:59:59Z");
    row("first second of 10000", "253402300800", true, 253402300800LL, 0, true,
        W::BeyondYear9999 | W::LooksLikeMilliseconds, "+10000-01-01T00:00:00Z");
    row("year 1", "-62135596800", true, -62135596800LL, 0, true, W::Negative, "0001-01-01T00:00:00Z");
    row("year 0", "-62135596801", true, -62135596801LL, 0, true, W::Negative, "0000-12-31T23:59:59Z");
    row("year -1", "-62167219201", true, -62167219201LL, 0, true, W::Negative, "-0001-12-31T23:59:59Z");
}

void TestNumericDate::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, representable);
    QFETCH(qint64, seconds);
    QFETCH(int, nanos);
    QFETCH(bool, exact);
    QFETCH(int, warnings);
    QFETCH(QString, utc);

    const auto date = NumericDate::fromJsonNumber(text);
    QVERIFY2(date.has_value(), qPrintable(date ? QString() : date.error().toString()));
    QCOMPARE(date->rawText(), text);
    QCOMPARE(date->isRepresentable(), representable);
    QCOMPARE(date->seconds(), seconds);
    QCOMPARE(date->nanoseconds(), nanos);
    QCOMPARE(date->isExact(), exact);
    QCOMPARE(int(date->warnings().toInt()), warnings);
    QCOMPARE(date->toUtcString(), utc);
}

void TestNumericDate::rejectsNonNumbers_data()
{
    QTest::addColumn<QByteArray>("text");
    // RFC 8259 section 6 grammar violations.
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("minus only") << QByteArray("-");
    QTest::newRow("leading zero") << QByteArray("01");
    QTest::newRow("dot without digits") << QByteArray("1.");
    QTest::newRow("leading dot") << QByteArray(".5");
    QTest::newRow("exponent without digits") << QByteArray("1e");
    QTest::newRow("exponent sign only") << QByteArray("1e+");
    QTest::newRow("plus sign") << QByteArray("+1");
    QTest::newRow("leading space") << QByteArray(" 1");
    QTest::newRow("trailing space") << QByteArray("1 ");
    QTest::newRow("hex") << QByteArray("0x10");
    QTest::newRow("NaN") << QByteArray("NaN");
    QTest::newRow("Infinity") << QByteArray("Infinity");
    QTest::newRow("two dots") << QByteArray("1.5.2");
    QTest::newRow("double minus") << QByteArray("--1");
    QTest::newRow("quoted") << QByteArray("\"1\"");
}

void TestNumericDate::rejectsNonNumbers()
{
    QFETCH(QByteArray, text);
    const auto date = NumericDate::fromJsonNumber(text);
    QVERIFY(!date.has_value());
    QCOMPARE(date.error().code, ErrorCode::ClaimInvalidType);
}

void TestNumericDate::wrongJsonType_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("kindWord");
    // ATTACKS.md A23: a wrong type is "invalid", never "absent", and the exact text is shown.
    QTest::newRow("A23 string of digits")
        << int(JsonKind::String) << QByteArray("\"9999999999\"") << QStringLiteral("a string");
    QTest::newRow("A23 true") << int(JsonKind::Bool) << QByteArray("true") << QStringLiteral("a boolean");
    QTest::newRow("A23 null") << int(JsonKind::Null) << QByteArray("null") << QStringLiteral("null");
    QTest::newRow("array") << int(JsonKind::Array) << QByteArray("[1300819380]") << QStringLiteral("an array");
    QTest::newRow("object") << int(JsonKind::Object) << QByteArray("{\"t\": 1}") << QStringLiteral("an object");
}

void TestNumericDate::wrongJsonType()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, raw);
    QFETCH(QString, kindWord);
    const auto date = NumericDate::fromJson(member("exp", JsonKind(kind), raw.constData(), 7));
    QVERIFY(!date.has_value());
    QCOMPARE(date.error().code, ErrorCode::ClaimInvalidType);
    QCOMPARE(date.error().segment, Segment::Payload);
    QCOMPARE(date.error().offset, qsizetype(7));
    QVERIFY2(date.error().message.contains(QString::fromUtf8(raw)), qPrintable(date.error().message));
    QVERIFY2(date.error().message.contains(kindWord), qPrintable(date.error().message));
    QVERIFY(date.error().message.startsWith(QStringLiteral("\"exp\" is ")));
}

void TestNumericDate::compareToMSecs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("nowMs");
    QTest::addColumn<int>("expected");
    QTest::newRow("equal") << QByteArray("100") << qint64(100000) << 0;
    QTest::newRow("1 ms before") << QByteArray("100") << qint64(99999) << 1;
    QTest::newRow("1 ms after") << QByteArray("100") << qint64(100001) << -1;
    QTest::newRow("half ms above") << QByteArray("100.0005") << qint64(100000) << 1;
    QTest::newRow("half ms below") << QByteArray("100.0005") << qint64(100001) << -1;
    QTest::newRow("exact ms fraction") << QByteArray("100.001") << qint64(100001) << 0;
    // A double would round 100.0000000001 to 100.0 and call it equal.
    QTest::newRow("sub-nanosecond above") << QByteArray("100.0000000001") << qint64(100000) << 1;
    QTest::newRow("negative fraction equal") << QByteArray("-0.5") << qint64(-500) << 0;
    QTest::newRow("negative fraction above") << QByteArray("-0.5") << qint64(-501) << 1;
    QTest::newRow("tiny negative below zero") << QByteArray("-0.0000000001") << qint64(0) << -1;
    QTest::newRow("tiny negative above -1 ms") << QByteArray("-0.0000000001") << qint64(-1) << 1;
    QTest::newRow("1e400 above max") << QByteArray("1e400") << std::numeric_limits<qint64>::max() << 1;
    QTest::newRow("-1e400 below min") << QByteArray("-1e400") << std::numeric_limits<qint64>::min() << -1;
    QTest::newRow("18 digits vs max ms") << QByteArray("999999999999999999") << std::numeric_limits<qint64>::max() << 1;
    QTest::newRow("min ms vs 0") << QByteArray("0") << std::numeric_limits<qint64>::min() << 1;
}

void TestNumericDate::compareToMSecs()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, nowMs);
    QFETCH(int, expected);
    const auto date = NumericDate::fromJsonNumber(text);
    QVERIFY(date.has_value());
    QCOMPARE(order(date->compareToMSecs(nowMs)), expected);
}

void TestNumericDate::relativeTo_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    // now = 1300819380 s; each row is now + an offset worked out by hand.
    QTest::newRow("now") << QByteArray("1300819380") << QStringLiteral("now");
    QTest::newRow("half a second ahead") << QByteArray("1300819380.5") << QStringLiteral("in less than 1 s");
    QTest::newRow("half a second behind") << QByteArray("1300819379.5") << QStringLiteral("less than 1 s ago");
    QTest::newRow("+5 s") << QByteArray("1300819385") << QStringLiteral("in 5 s");
    QTest::newRow("-5 s") << QByteArray("1300819375") << QStringLiteral("5 s ago");
    QTest::newRow("-5.5 s truncates") << QByteArray("1300819374.5") << QStringLiteral("5 s ago");
    QTest::newRow("+59.9 s truncates") << QByteArray("1300819439.9") << QStringLiteral("in 59 s");
    QTest::newRow("+60 s") << QByteArray("1300819440") << QStringLiteral("in 1 min");
    QTest::newRow("+14 min 59 s") << QByteArray("1300820279") << QStringLiteral("in 14 min");
    QTest::newRow("-59 min 59 s") << QByteArray("1300815781") << QStringLiteral("59 min ago");
    QTest::newRow("+1 h") << QByteArray("1300822980") << QStringLiteral("in 1 h");
    QTest::newRow("+2 h") << QByteArray("1300826580") << QStringLiteral("in 2 h");
    QTest::newRow("+23 h 59 min 59 s") << QByteArray("1300905779") << QStringLiteral("in 23 h");
    QTest::newRow("+1 day") << QByteArray("1300905780") << QStringLiteral("in 1 day");
    QTest::newRow("-3 days") << QByteArray("1300560180") << QStringLiteral("3 days ago");
    QTest::newRow("+29 days") << QByteArray("1303324980") << QStringLiteral("in 29 days");
    QTest::newRow("+30 days") << QByteArray("1303411380") << QStringLiteral("in 1 month");
    QTest::newRow("+364 days") << QByteArray("1332268980") << QStringLiteral("in 12 months");
    QTest::newRow("+365 days") << QByteArray("1332355380") << QStringLiteral("in 1 year");
    QTest::newRow("-3650 days") << QByteArray("985459380") << QStringLiteral("10 years ago");
    QTest::newRow("1e400") << QByteArray("1e400") << QStringLiteral("in the far future (beyond any calendar date)");
    QTest::newRow("-1e400") << QByteArray("-1e400") << QStringLiteral("in the far past (before any calendar date)");
}

void TestNumericDate::relativeTo()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const auto date = NumericDate::fromJsonNumber(text);
    QVERIFY(date.has_value());
    QCOMPARE(date->relativeTo(kRfcNowMs), expected);
}

void TestNumericDate::formatDuration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0") << qint64(0) << QStringLiteral("0 s");
    QTest::newRow("1") << qint64(1) << QStringLiteral("1 s");
    QTest::newRow("negative uses magnitude") << qint64(-90) << QStringLiteral("1 min");
    QTest::newRow("1 day singular") << qint64(86400) << QStringLiteral("1 day");
    QTest::newRow("2 months") << qint64(60 * 86400) << QStringLiteral("2 months");
    QTest::newRow("qint64 min") << std::numeric_limits<qint64>::min() << QStringLiteral("292471208677 years");
}

void TestNumericDate::formatDuration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(NumericDate::formatDuration(seconds), expected);
}

void TestNumericDate::localString_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("zoneId"); // empty: use the fixed offset
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("expected");
    // Expected strings from GNU date (TZ=... date -d @N -Iseconds) or by adding the fixed offset by hand.
    QTest::newRow("UTC+1 fixed") << QByteArray("1300819380") << QByteArray() << 3600
                                 << QStringLiteral("2011-03-22T19:43:00+01:00");
    QTest::newRow("UTC-5:30 fixed") << QByteArray("1300819380") << QByteArray() << -19800
                                    << QStringLiteral("2011-03-22T13:13:00-05:30");
    QTest::newRow("UTC fixed") << QByteArray("1300819380") << QByteArray() << 0
                               << QStringLiteral("2011-03-22T18:43:00+00:00");
    QTest::newRow("fraction kept") << QByteArray("1.5") << QByteArray() << 3600
                                   << QStringLiteral("1970-01-01T01:00:01.5+01:00");
    QTest::newRow("expanded year") << QByteArray("253402300800") << QByteArray() << 3600
                                   << QStringLiteral("+10000-01-01T01:00:00+01:00");
    QTest::newRow("Paris winter") << QByteArray("1300819380") << QByteArray("Europe/Paris") << 0
                                  << QStringLiteral("2011-03-22T19:43:00+01:00");
    QTest::newRow("Paris summer") << QByteArray("1309478400") << QByteArray("Europe/Paris") << 0
                                  << QStringLiteral("2011-07-01T02:00:00+02:00");
    QTest::newRow("New York DST") << QByteArray("1300819380") << QByteArray("America/New_York") << 0
                                  << QStringLiteral("2011-03-22T14:43:00-04:00");
}

void TestNumericDate::localString()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, zoneId);
    QFETCH(int, offset);
    QFETCH(QString, expected);
    const QTimeZone zone = zoneId.isEmpty() ? QTimeZone(offset) : QTimeZone(zoneId);
    if (!zone.isValid())
        QSKIP("time zone database entry not available on this system");
    const auto date = NumericDate::fromJsonNumber(text);
    QVERIFY(date.has_value());
    QCOMPARE(date->toLocalString(zone), expected);
}

void TestNumericDate::millisecondsHint_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("hint");
    QTest::addColumn<QString>("asMilliseconds");
    // jwt.io's iat 1516239022 written in milliseconds by mistake: 2018-01-18T01:30:22Z as ms.
    QTest::newRow("jwt.io iat in ms") << QByteArray("1516239022000") << true << QStringLiteral("2018-01-18T01:30:22Z");
    QTest::newRow("ms with fraction digits")
        << QByteArray("1516239022123") << true << QStringLiteral("2018-01-18T01:30:22.123Z");
    QTest::newRow("jwt.io iat in s") << QByteArray("1516239022") << false << QString();
    QTest::newRow("just below 10^11") << QByteArray("99999999999") << false << QString();
    QTest::newRow("10^11") << QByteArray("100000000000") << true << QStringLiteral("1973-03-03T09:46:40Z");
    // Beyond the year 9999 even as milliseconds: no plausible reading, so no hint.
    QTest::newRow("too big even as ms") << QByteArray("253402300800000") << false << QString();
    QTest::newRow("negative never") << QByteArray("-1516239022000") << false << QString();
}

void TestNumericDate::millisecondsHint()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, hint);
    QFETCH(QString, asMilliseconds);
    const auto date = NumericDate::fromJsonNumber(text);
    QVERIFY(date.has_value());
    QCOMPARE(date->hasWarning(W::LooksLikeMilliseconds), hint);
    QCOMPARE(date->millisecondsReading(), asMilliseconds);
}

void TestNumericDate::toMSecs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("integer") << QByteArray("1300819380") << true << qint64(1300819380000);
    QTest::newRow("fraction") << QByteArray("1.5") << true << qint64(1500);
    QTest::newRow("negative fraction floors") << QByteArray("-1.5") << true << qint64(-1500);
    QTest::newRow("sub-ms floors") << QByteArray("-0.0001") << true << qint64(-1);
    QTest::newRow("2^53+1 fits") << QByteArray("9007199254740993") << true << qint64(9007199254740993000LL);
    QTest::newRow("18 digits overflow ms") << QByteArray("999999999999999999") << false << qint64(0);
    QTest::newRow("1e400") << QByteArray("1e400") << false << qint64(0);
}

void TestNumericDate::toMSecs()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, fits);
    QFETCH(qint64, ms);
    const auto date = NumericDate::fromJsonNumber(text);
    QVERIFY(date.has_value());
    const auto got = date->toMSecsSinceEpoch();
    QCOMPARE(got.has_value(), fits);
    if (fits)
        QCOMPARE(*got, ms);
}

void TestNumericDate::fromSeconds()
{
    const NumericDate date = NumericDate::fromSeconds(1300819380);
    QCOMPARE(date.rawText(), QByteArray("1300819380"));
    QCOMPARE(date.toUtcString(), QStringLiteral("2011-03-22T18:43:00Z"));
    QCOMPARE(NumericDate().rawText(), QByteArray("0"));
    QCOMPARE(NumericDate().toUtcString(), QStringLiteral("1970-01-01T00:00:00Z"));
    const auto viaJson = NumericDate::fromJson(member("exp", JsonKind::Number, "1300819380"));
    QVERIFY(viaJson.has_value());
    QCOMPARE(*viaJson, date);
}

void TestNumericDate::warningMessages()
{
    const auto date = NumericDate::fromJsonNumber("1516239022000");
    QVERIFY(date.has_value());
    const QStringList messages = date->warningMessages();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0), QStringLiteral("is after the year 9999"));
    QVERIFY(messages.at(1).contains(QStringLiteral("2018-01-18T01:30:22Z")));
    QVERIFY(NumericDate::fromJsonNumber("1300819380")->warningMessages().isEmpty());
}

void TestNumericDate::extremeEvaluationTimes()
{
    // The qint64 limits as "now" must neither overflow nor wrap: 2^63 ms = 9223372036854775.808 s, which is
    // 292471208 whole 365-day years (9223372036854775 / 31536000 = 292471208.67).
    const NumericDate epoch;
    QCOMPARE(epoch.relativeTo(std::numeric_limits<qint64>::min()), QStringLiteral("in 292471208 years"));
    QCOMPARE(epoch.relativeTo(std::numeric_limits<qint64>::max()), QStringLiteral("292471208 years ago"));
    QCOMPARE(epoch.secondsFrom(std::numeric_limits<qint64>::min()), qint64(9223372036854775));
    QCOMPARE(epoch.secondsFrom(std::numeric_limits<qint64>::max()), qint64(-9223372036854775));
    QCOMPARE(order(epoch.compareToMSecs(std::numeric_limits<qint64>::min())), 1);
    QCOMPARE(order(epoch.compareToMSecs(std::numeric_limits<qint64>::max())), -1);
}

QTEST_APPLESS_MAIN(TestNumericDate)
#include "TestNumericDate.moc"
