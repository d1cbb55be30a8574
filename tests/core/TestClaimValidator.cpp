// SPDX-License-Identifier: Apache-2.0
#include "claims/ClaimValidator.h"

#include "encoding/Base64Url.h"
#include "encoding/JsonDocument.h"

#include "Vectors.h"

#include <QtTest>

using namespace assay;

namespace {

// RFC 7519 section 3.1 / RFC 7515 A.1: exp 1300819380 = 2011-03-22T18:43:00Z (GNU date -u -d @1300819380).
constexpr qint64 kT = 1'300'819'380'000;
constexpr qint64 kSecond = 1000;
constexpr qint64 kHour = 3600 * kSecond;

constexpr int kNoCode = -1;

// QT_NO_CAST_FROM_ASCII forbids QStringList{"..."}; rows spell their options as plain literals.
QStringList opts(std::initializer_list<const char*> options)
{
    QStringList out;
    for (const char* o : options)
        out << QString::fromUtf8(o);
    return out;
}

// Options as "key=value": iss, aud, sub, typ, require (repeatable), leeway.
ClaimExpectations expectationsFrom(const QStringList& options)
{
    ClaimExpectations e;
    e.displayZone = QTimeZone(3600); // fixed, so local strings do not depend on the machine
    for (const QString& option : options) {
        const qsizetype eq = option.indexOf(QLatin1Char('='));
        const QString key = option.left(eq);
        const QString value = option.mid(eq + 1);
        if (key == QLatin1String("iss"))
            e.issuer = value;
        else if (key == QLatin1String("aud"))
            e.audience = value;
        else if (key == QLatin1String("sub"))
            e.subject = value;
        else if (key == QLatin1String("typ"))
            e.type = value;
        else if (key == QLatin1String("require"))
            e.requiredClaims << value;
        else if (key == QLatin1String("leeway"))
            e.leewaySeconds = value.toLongLong();
        else
            qFatal("unknown test option");
    }
    return e;
}

JsonDocument parseJson(const QByteArray& text, Segment segment)
{
    auto doc = JsonDocument::parse(text, segment);
    if (!doc)
        qFatal("test JSON does not parse: %s", qPrintable(doc.error().toString()));
    return *doc;
}

Result<ClaimReport> validate(const QByteArray& payload, const QByteArray& header, qint64 now,
                             const QStringList& options)
{
    const JsonDocument p = parseJson(payload, Segment::Payload);
    const ClaimValidator validator(expectationsFrom(options));
    if (header.isEmpty())
        return validator.validate(p, now);
    const JsonDocument h = parseJson(header, Segment::Header);
    return validator.validate(p, now, &h);
}

QStringList names(const ClaimReport& report)
{
    QStringList out;
    for (const ClaimResult& r : report.results())
        out << r.name;
    return out;
}

} // namespace

class TestClaimValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checks_data();
    void checks();
    void messages_data();
    void messages();
    void notAnObject_data();
    void notAnObject();
    void typeMatches_data();
    void typeMatches();
    void rfc7515A1Vector();
    void timeRendering();
    void warningsDoNotFail_data();
    void warningsDoNotFail();
    void uncheckedClaimsHaveNoRow();
    void fixedOrder();
    void duplicateMessageListsEveryValue();
    void negativeLeewayCountsAsZero();
    void dateTimeOverload();
};

void TestClaimValidator::checks_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("claim");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("ok");

    const auto row = [](const char* tag, const char* payload, const char* header, qint64 now,
                        std::initializer_list<const char*> options, const char* claim, ClaimStatus status, int code,
                        const char* raw, bool ok) {
        QTest::newRow(tag) << QByteArray(payload) << QByteArray(header) << now << opts(options)
                           << QString::fromUtf8(claim) << int(status) << code << QByteArray(raw) << ok;
    };
    const int expired = int(ErrorCode::ClaimExpired);
    const int notYet = int(ErrorCode::ClaimNotYetValid);
    const int future = int(ErrorCode::ClaimIssuedInFuture);
    const int badType = int(ErrorCode::ClaimInvalidType);
    const int mismatch = int(ErrorCode::ClaimMismatch);
    const int missing = int(ErrorCode::ClaimMissing);
    const int dup = int(ErrorCode::JsonDuplicateMember);
    using S = ClaimStatus;

    // ATTACKS.md A23: time claims must be numbers; a wrong type is invalid, never absent; exact text kept.
    row("A23 exp as string", R"({"exp":"9999999999"})", "", kT, {}, "exp", S::Invalid, badType, R"("9999999999")",
        false);
    row("A23 exp 1e400", R"({"exp":1e400})", "", kT, {}, "exp", S::Invalid, badType, "1e400", false);
    row("A23 exp -1", R"({"exp":-1})", "", kT, {}, "exp", S::Fail, expired, "-1", false);
    row("A23 exp 1.5", R"({"exp":1.5})", "", kT, {}, "exp", S::Fail, expired, "1.5", false);
    row("A23 exp 2^53+1", R"({"exp":9007199254740993})", "", kT, {}, "exp", S::Pass, kNoCode, "9007199254740993", true);
    row("A23 exp true", R"({"exp":true})", "", kT, {}, "exp", S::Invalid, badType, "true", false);
    row("A23 exp null", R"({"exp":null})", "", kT, {}, "exp", S::Invalid, badType, "null", false);
    row("nbf as string", R"({"nbf":"1"})", "", kT, {}, "nbf", S::Invalid, badType, R"("1")", false);
    row("iat as array", R"({"iat":[1]})", "", kT, {}, "iat", S::Invalid, badType, "[1]", false);
    // ATTACKS.md A23: aud string or array of strings, any element matches; [] never matches (CVE-2020-26160).
    row("A23 aud array expected b", R"({"aud":["a","b"]})", "", kT, {"aud=b"}, "aud", S::Pass, kNoCode, R"(["a","b"])",
        true);
    row("A23 aud array expected c", R"({"aud":["a","b"]})", "", kT, {"aud=c"}, "aud", S::Fail, mismatch, R"(["a","b"])",
        false);
    row("A23 aud empty array", R"({"aud":[]})", "", kT, {"aud=b"}, "aud", S::Fail, mismatch, "[]", false);
    row("aud string match", R"({"aud":"b"})", "", kT, {"aud=b"}, "aud", S::Pass, kNoCode, R"("b")", true);
    row("aud string superstring", R"({"aud":"bb"})", "", kT, {"aud=b"}, "aud", S::Fail, mismatch, R"("bb")", false);
    row("aud number", R"({"aud":1})", "", kT, {"aud=b"}, "aud", S::Invalid, badType, "1", false);
    row("aud null", R"({"aud":null})", "", kT, {"aud=b"}, "aud", S::Invalid, badType, "null", false);
    row("aud array with a non-string next to a match", R"({"aud":["b",1]})", "", kT, {"aud=b"}, "aud", S::Invalid,
        badType, R"(["b",1])", false);
    row("aud nested array", R"({"aud":[["b"]]})", "", kT, {"aud=b"}, "aud", S::Invalid, badType, R"([["b"]])", false);
    row("aud missing", R"({})", "", kT, {"aud=b"}, "aud", S::Missing, missing, "", false);
    row("aud without expectation", R"({"aud":["a"]})", "", kT, {}, "aud", S::Info, kNoCode, R"(["a"])", true);
    // ATTACKS.md A23 / CVE-2024-53861: iss is an exact string match.
    row("A23 iss suffix attack", R"({"iss":"https://example.com.evil"})", "", kT, {"iss=https://example.com"}, "iss",
        S::Fail, mismatch, R"("https://example.com.evil")", false);
    row("iss exact", R"({"iss":"https://example.com"})", "", kT, {"iss=https://example.com"}, "iss", S::Pass, kNoCode,
        R"("https://example.com")", true);
    row("iss prefix", R"({"iss":"https://example.co"})", "", kT, {"iss=https://example.com"}, "iss", S::Fail, mismatch,
        R"("https://example.co")", false);
    row("iss case differs", R"({"iss":"https://Example.com"})", "", kT, {"iss=https://example.com"}, "iss", S::Fail,
        mismatch, R"("https://Example.com")", false);
    row("iss trailing slash", R"({"iss":"https://example.com/"})", "", kT, {"iss=https://example.com"}, "iss", S::Fail,
        mismatch, R"("https://example.com/")", false);
    row("iss compared after unescaping", R"({"iss":"jo\u0065"})", "", kT, {"iss=joe"}, "iss", S::Pass, kNoCode,
        R"("jo\u0065")", true);
    row("iss not a string", R"({"iss":42})", "", kT, {"iss=42"}, "iss", S::Invalid, badType, "42", false);
    row("iss not a string, no expectation", R"({"iss":42})", "", kT, {}, "iss", S::Invalid, badType, "42", false);
    row("iss without expectation", R"({"iss":"joe"})", "", kT, {}, "iss", S::Info, kNoCode, R"("joe")", true);
    row("iss missing", R"({})", "", kT, {"iss=joe"}, "iss", S::Missing, missing, "", false);
    row("sub match", R"({"sub":"1234567890"})", "", kT, {"sub=1234567890"}, "sub", S::Pass, kNoCode, R"("1234567890")",
        true);
    row("sub mismatch", R"({"sub":"1234567890"})", "", kT, {"sub=123456789"}, "sub", S::Fail, mismatch,
        R"("1234567890")", false);
    row("sub missing", R"({"name":"x"})", "", kT, {"sub=a"}, "sub", S::Missing, missing, "", false);
    // RFC 7515 section 4.1.9: typ compares as a media type, "application/" implied without '/'.
    row("typ JWT", R"({})", R"({"alg":"HS256","typ":"JWT"})", kT, {"typ=JWT"}, "typ", S::Pass, kNoCode, R"("JWT")",
        true);
    row("typ case-insensitive", R"({})", R"({"alg":"HS256","typ":"JWT"})", kT, {"typ=jwt"}, "typ", S::Pass, kNoCode,
        R"("JWT")", true);
    row("typ with application/ prefix", R"({})", R"({"alg":"HS256","typ":"application/JWT"})", kT, {"typ=JWT"}, "typ",
        S::Pass, kNoCode, R"("application/JWT")", true);
    row("typ at+jwt expected with prefix", R"({})", R"({"alg":"HS256","typ":"at+jwt"})", kT, {"typ=application/at+JWT"},
        "typ", S::Pass, kNoCode, R"("at+jwt")", true);
    row("typ JWT where at+jwt expected", R"({})", R"({"alg":"HS256","typ":"JWT"})", kT, {"typ=at+jwt"}, "typ", S::Fail,
        mismatch, R"("JWT")", false);
    row("typ other top-level type", R"({})", R"({"alg":"HS256","typ":"text/jwt"})", kT, {"typ=jwt"}, "typ", S::Fail,
        mismatch, R"("text/jwt")", false);
    row("typ absent from header", R"({})", R"({"alg":"HS256"})", kT, {"typ=JWT"}, "typ", S::Missing, missing, "",
        false);
    row("typ without a header", R"({})", "", kT, {"typ=JWT"}, "typ", S::Missing, missing, "", false);
    row("typ not a string", R"({})", R"({"alg":"HS256","typ":1})", kT, {"typ=JWT"}, "typ", S::Invalid, badType, "1",
        false);
    row("typ without expectation", R"({})", R"({"alg":"HS256","typ":"JWT"})", kT, {}, "typ", S::Info, kNoCode,
        R"("JWT")", true);
    row("typ duplicated in header", R"({})", R"({"alg":"HS256","typ":"JWT","typ":"at+jwt"})", kT, {"typ=JWT"}, "typ",
        S::Invalid, dup, R"("at+jwt")", false);
    // Required claims.
    row("required missing", R"({"sub":"x"})", "", kT, {"require=jti"}, "jti", S::Missing, missing, "", false);
    row("required present", R"({"jti":"id-1"})", "", kT, {"require=jti"}, "jti", S::Pass, kNoCode, R"("id-1")", true);
    row("required present as null", R"({"jti":null})", "", kT, {"require=jti"}, "jti", S::Pass, kNoCode, "null", true);
    row("required exp missing", R"({})", "", kT, {"require=exp"}, "exp", S::Missing, missing, "", false);
    row("required exp of wrong type", R"({"exp":"x"})", "", kT, {"require=exp"}, "exp", S::Invalid, badType, R"("x")",
        false);
    row("required sub shown once as info", R"({"sub":"x"})", "", kT, {"require=sub"}, "sub", S::Info, kNoCode, R"("x")",
        true);
    // exp: expired when now >= exp + leeway.
    row("exp 1 ms before", R"({"exp":1300819380})", "", kT - 1, {}, "exp", S::Pass, kNoCode, "1300819380", true);
    row("exp exactly now", R"({"exp":1300819380})", "", kT, {}, "exp", S::Fail, expired, "1300819380", false);
    row("exp within leeway", R"({"exp":1300819380})", "", kT + 60 * kSecond - 1, {"leeway=60"}, "exp", S::Pass, kNoCode,
        "1300819380", true);
    row("exp at exp+leeway", R"({"exp":1300819380})", "", kT + 60 * kSecond, {"leeway=60"}, "exp", S::Fail, expired,
        "1300819380", false);
    row("exp fraction not reached", R"({"exp":1300819380.0005})", "", kT, {}, "exp", S::Pass, kNoCode,
        "1300819380.0005", true);
    // nbf: not yet valid when now < nbf - leeway.
    row("nbf 1 ms before", R"({"nbf":1300819380})", "", kT - 1, {}, "nbf", S::Fail, notYet, "1300819380", false);
    row("nbf exactly now", R"({"nbf":1300819380})", "", kT, {}, "nbf", S::Pass, kNoCode, "1300819380", true);
    row("nbf at nbf-leeway", R"({"nbf":1300819380})", "", kT - 60 * kSecond, {"leeway=60"}, "nbf", S::Pass, kNoCode,
        "1300819380", true);
    row("nbf before nbf-leeway", R"({"nbf":1300819380})", "", kT - 60 * kSecond - 1, {"leeway=60"}, "nbf", S::Fail,
        notYet, "1300819380", false);
    // iat: issued in the future when iat > now + leeway.
    row("iat exactly now", R"({"iat":1300819380})", "", kT, {}, "iat", S::Pass, kNoCode, "1300819380", true);
    row("iat 1 ms ahead", R"({"iat":1300819380})", "", kT - 1, {}, "iat", S::Fail, future, "1300819380", false);
    row("iat at now+leeway", R"({"iat":1300819380})", "", kT - 60 * kSecond, {"leeway=60"}, "iat", S::Pass, kNoCode,
        "1300819380", true);
    row("iat beyond now+leeway", R"({"iat":1300819380})", "", kT - 60 * kSecond - 1, {"leeway=60"}, "iat", S::Fail,
        future, "1300819380", false);
    // ATTACKS.md A22: a duplicated name makes the claim ambiguous.
    row("A22 duplicate sub", R"({"sub":"user","sub":"admin"})", "", kT, {}, "sub", S::Invalid, dup, R"("admin")",
        false);
    row("duplicate exp", R"({"exp":1,"exp":9999999999})", "", kT, {}, "exp", S::Invalid, dup, "9999999999", false);
    row("duplicate unchecked claim", R"({"x":1,"x":2})", "", kT, {}, "x", S::Invalid, dup, "2", false);
    row("duplicate inside a claim", R"({"act":{"sub":"a","sub":"b"}})", "", kT, {}, "act", S::Invalid, dup,
        R"({"sub":"a","sub":"b"})", false);
    row("duplicate inside an array element", R"({"aud":[{"x":1,"x":2}]})", "", kT, {"aud=b"}, "aud", S::Invalid, dup,
        R"([{"x":1,"x":2}])", false);
    row("duplicate inside a dotted name", R"({"http://example.com/is_root":{"a":1,"a":2}})", "", kT, {},
        "http://example.com/is_root", S::Invalid, dup, R"({"a":1,"a":2})", false);
}

void TestClaimValidator::checks()
{
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, header);
    QFETCH(qint64, now);
    QFETCH(QStringList, options);
    QFETCH(QString, claim);
    QFETCH(int, status);
    QFETCH(int, code);
    QFETCH(QByteArray, raw);
    QFETCH(bool, ok);

    const auto report = validate(payload, header, now, options);
    QVERIFY2(report.has_value(), qPrintable(report ? QString() : report.error().toString()));
    const auto result = report->result(claim);
    QVERIFY2(result.has_value(), qPrintable(names(*report).join(QLatin1Char(','))));
    QVERIFY2(result->status == ClaimStatus(status),
             qPrintable(claimStatusName(result->status) + QStringLiteral(": ") + result->message));
    QCOMPARE(result->code.has_value(), code != kNoCode);
    if (code != kNoCode)
        QCOMPARE(errorCodeName(*result->code), errorCodeName(ErrorCode(code)));
    QCOMPARE(result->rawValue, raw);
    QVERIFY(!result->message.isEmpty());
    QCOMPARE(report->ok(), ok);
    QCOMPARE(report->failures().isEmpty(), ok);
    // Each claim has one row.
    QCOMPARE(names(*report).count(claim), 1);
}

void TestClaimValidator::messages_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("claim");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("relative");

    const auto row = [](const char* tag, const char* payload, qint64 now, std::initializer_list<const char*> options,
                        const char* claim, const char* message, const char* relative) {
        QTest::newRow(tag) << QByteArray(payload) << now << opts(options) << QString::fromUtf8(claim)
                           << QString::fromUtf8(message) << QString::fromUtf8(relative);
    };
    const char* exp = R"({"exp":1300819380})";
    const char* nbf = R"({"nbf":1300819380})";
    const char* iat = R"({"iat":1300819380})";
    row("exp 3 days ago", exp, kT + 72 * kHour, {}, "exp", "expired 3 days ago (2011-03-22T18:43:00Z)",
        "expired 3 days ago");
    row("exp in 14 min", exp, kT - (14 * 60 + 30) * kSecond, {}, "exp", "expires in 14 min (2011-03-22T18:43:00Z)",
        "expires in 14 min");
    row("exp just now", exp, kT, {}, "exp", "expired just now (2011-03-22T18:43:00Z)", "expired just now");
    row("exp within leeway", exp, kT + 5 * kSecond, {"leeway=60"}, "exp",
        "expired 5 s ago (2011-03-22T18:43:00Z), accepted within the 60 s leeway", "expired 5 s ago");
    row("nbf in 2 h", nbf, kT - 2 * kHour, {}, "nbf", "not valid yet: becomes valid in 2 h (2011-03-22T18:43:00Z)",
        "becomes valid in 2 h");
    row("nbf 5 s ago", nbf, kT + 5 * kSecond, {}, "nbf", "became valid 5 s ago (2011-03-22T18:43:00Z)",
        "became valid 5 s ago");
    row("nbf within leeway", nbf, kT - 5 * kSecond, {"leeway=60"}, "nbf",
        "becomes valid in 5 s (2011-03-22T18:43:00Z), accepted within the 60 s leeway", "becomes valid in 5 s");
    row("iat 5 s ago", iat, kT + 5 * kSecond, {}, "iat", "issued 5 s ago (2011-03-22T18:43:00Z)", "issued 5 s ago");
    row("iat in the future", iat, kT - 2 * kHour, {}, "iat", "issued in the future: in 2 h (2011-03-22T18:43:00Z)",
        "issued in 2 h");
    row("iat in the future within leeway", iat, kT - 5 * kSecond, {"leeway=60"}, "iat",
        "issued in the future: in 5 s (2011-03-22T18:43:00Z), accepted within the 60 s leeway", "issued in 5 s");
    row("exp string", R"({"exp":"9999999999"})", kT, {}, "exp",
        R"("exp" is a string ("9999999999"), not a NumericDate number)", "");
    row("exp 1e400", R"({"exp":1e400})", kT, {}, "exp",
        "1e400 is out of range: no NumericDate can be that far from 1970",
        "in the far future (beyond any calendar date)");
    row("iss suffix", R"({"iss":"https://example.com.evil"})", kT, {"iss=https://example.com"}, "iss",
        R"("https://example.com.evil" does not match the expected "https://example.com")", "");
    row("aud empty", R"({"aud":[]})", kT, {"aud=b"}, "aud", R"(is an empty array: the expected "b" is not among them)",
        "");
    row("aud not among", R"({"aud":["a","b"]})", kT, {"aud=c"}, "aud", R"(the expected "c" is not among "a", "b")", "");
    row("aud among", R"({"aud":["a","b"]})", kT, {"aud=b"}, "aud", R"("b" is among "a", "b")", "");
    row("required missing", R"({})", kT, {"require=jti"}, "jti", "required claim is missing", "");
}

void TestClaimValidator::messages()
{
    QFETCH(QByteArray, payload);
    QFETCH(qint64, now);
    QFETCH(QStringList, options);
    QFETCH(QString, claim);
    QFETCH(QString, message);
    QFETCH(QString, relative);
    const auto report = validate(payload, {}, now, options);
    QVERIFY(report.has_value());
    const auto result = report->result(claim);
    QVERIFY(result.has_value());
    QCOMPARE(result->message, message);
    QCOMPARE(result->relative, relative);
}

void TestClaimValidator::notAnObject_data()
{
    QTest::addColumn<QByteArray>("payload");
    // ATTACKS.md A22: the claims set must be a JSON object (RFC 7519 section 7.2 step 10).
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("string") << QByteArray("\"x\"");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("number") << QByteArray("1");
}

void TestClaimValidator::notAnObject()
{
    QFETCH(QByteArray, payload);
    const auto report = validate(payload, {}, kT, {});
    QVERIFY(!report.has_value());
    QCOMPARE(report.error().code, ErrorCode::JsonNotObject);
    QCOMPARE(report.error().segment, Segment::Payload);
    QCOMPARE(report.error().message, QStringLiteral("payload is not a JSON object (claims set)"));
}

void TestClaimValidator::typeMatches_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("match");
    // RFC 7515 section 4.1.9 and RFC 2045 section 5.1 (case-insensitive type/subtype).
    QTest::newRow("same") << QStringLiteral("JWT") << QStringLiteral("JWT") << true;
    QTest::newRow("case") << QStringLiteral("jwt") << QStringLiteral("JWT") << true;
    QTest::newRow("implied prefix on token") << QStringLiteral("JWT") << QStringLiteral("application/jwt") << true;
    QTest::newRow("implied prefix on expectation")
        << QStringLiteral("Application/JWT") << QStringLiteral("jwt") << true;
    QTest::newRow("at+jwt") << QStringLiteral("at+JWT") << QStringLiteral("application/at+jwt") << true;
    QTest::newRow("different subtype") << QStringLiteral("JWT") << QStringLiteral("at+jwt") << false;
    QTest::newRow("different type") << QStringLiteral("text/jwt") << QStringLiteral("jwt") << false;
    QTest::newRow("JOSE vs JWT") << QStringLiteral("JOSE") << QStringLiteral("JWT") << false;
    QTest::newRow("empty") << QString() << QStringLiteral("JWT") << false;
    QTest::newRow("trailing space") << QStringLiteral("JWT ") << QStringLiteral("JWT") << false;
    // Unicode case folding would map the Kelvin sign to 'k'; media types are ASCII.
    QTest::newRow("kelvin sign") << QStringLiteral("application/\u212Aey") << QStringLiteral("application/key")
                                 << false;
}

void TestClaimValidator::typeMatches()
{
    QFETCH(QString, token);
    QFETCH(QString, expected);
    QFETCH(bool, match);
    QCOMPARE(ClaimValidator::typeMatches(token, expected), match);
}

void TestClaimValidator::rfc7515A1Vector()
{
    // ATTACKS.md A33: the RFC 7515 A.1 token's claims are "expired 2011-03-22T18:43:00Z" at any later time.
    if (!test::haveVectors())
        QSKIP("vectors folder not found (set ASSAY_VECTORS_DIR)");
    const QByteArray token = test::readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.1.jwsc")).trimmed();
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    const auto payloadBytes = base64url::decode(parts.at(1), Segment::Payload);
    QVERIFY(payloadBytes.has_value());
    QCOMPARE(*payloadBytes,
             QByteArray("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}"));

    // 2024-01-01T00:00:00Z (GNU date -u -d 2024-01-01 +%s = 1704067200): 403'247'820 s later, 12.8 years.
    const qint64 evaluation = 1'704'067'200'000;
    const auto report = validate(*payloadBytes, {}, evaluation, {});
    QVERIFY(report.has_value());
    QCOMPARE(names(*report), (QStringList{QStringLiteral("iss"), QStringLiteral("exp")}));
    const auto exp = report->result(u"exp");
    QVERIFY(exp.has_value());
    QCOMPARE(exp->status, ClaimStatus::Fail);
    QVERIFY(exp->code == ErrorCode::ClaimExpired);
    QCOMPARE(exp->rawValue, QByteArray("1300819380"));
    QCOMPARE(exp->utc, QStringLiteral("2011-03-22T18:43:00Z"));
    QCOMPARE(exp->relative, QStringLiteral("expired 12 years ago"));
    QCOMPARE(exp->message, QStringLiteral("expired 12 years ago (2011-03-22T18:43:00Z)"));
    QCOMPARE(report->result(u"iss")->status, ClaimStatus::Info);
    QVERIFY(!report->ok());
    QCOMPARE(report->failures().size(), 1);
    QCOMPARE(report->evaluationTimeMSecs(), evaluation);

    // Evaluated before its expiry (RFC 7515 was written in 2011), the same claims pass.
    const auto before = validate(*payloadBytes, {}, kT - 3600 * kSecond, opts({"iss=joe"}));
    QVERIFY(before.has_value());
    QVERIFY(before->ok());
    QCOMPARE(before->result(u"exp")->relative, QStringLiteral("expires in 1 h"));
}

void TestClaimValidator::timeRendering()
{
    const auto report = validate(R"({"exp":1300819380,"nbf":1300819380.5,"iat":1300819379})", {}, kT, {});
    QVERIFY(report.has_value());
    const auto exp = report->result(u"exp");
    QVERIFY(exp && exp->date);
    QCOMPARE(exp->date->rawText(), QByteArray("1300819380"));
    QCOMPARE(exp->utc, QStringLiteral("2011-03-22T18:43:00Z"));
    QCOMPARE(exp->local, QStringLiteral("2011-03-22T19:43:00+01:00")); // displayZone fixed at UTC+1 in the tests
    const auto nbf = report->result(u"nbf");
    QVERIFY(nbf && nbf->date);
    QCOMPARE(nbf->utc, QStringLiteral("2011-03-22T18:43:00.5Z"));
    QCOMPARE(nbf->status, ClaimStatus::Fail);
    QCOMPARE(nbf->relative, QStringLiteral("becomes valid in less than 1 s"));
    QCOMPARE(nbf->warnings.size(), 1); // fractional
    const auto iat = report->result(u"iat");
    QVERIFY(iat && iat->date);
    QCOMPARE(iat->relative, QStringLiteral("issued 1 s ago"));
    QCOMPARE(iat->local, QStringLiteral("2011-03-22T19:42:59+01:00"));
}

void TestClaimValidator::warningsDoNotFail_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("warning");
    // ATTACKS.md A23 LINT: flagged, but the time check itself passes.
    QTest::newRow("A23 2^53+1") << QByteArray(R"({"exp":9007199254740993})") << QStringLiteral("2^53");
    QTest::newRow("A23 fractional") << QByteArray(R"({"exp":1300819381.5})") << QStringLiteral("fractional");
    QTest::newRow("beyond 9999") << QByteArray(R"({"exp":253402300800})") << QStringLiteral("year 9999");
    // 1516239022000 as milliseconds is jwt.io's iat 2018-01-18T01:30:22Z.
    QTest::newRow("milliseconds") << QByteArray(R"({"exp":1516239022000})")
                                  << QStringLiteral("looks like milliseconds, not seconds: as milliseconds it is "
                                                    "2018-01-18T01:30:22Z");
}

void TestClaimValidator::warningsDoNotFail()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, warning);
    const auto report = validate(payload, {}, kT, {});
    QVERIFY(report.has_value());
    const auto exp = report->result(u"exp");
    QVERIFY(exp.has_value());
    QCOMPARE(exp->status, ClaimStatus::Pass);
    QVERIFY(report->ok());
    QVERIFY2(exp->warnings.join(QLatin1Char('|')).contains(warning), qPrintable(exp->warnings.join(QLatin1Char('|'))));
}

void TestClaimValidator::uncheckedClaimsHaveNoRow()
{
    // jwt.io's default payload without exp: nothing to check besides iat and the informational sub. Evaluated at
    // 2024-01-01T00:00:00Z, after its iat (2018-01-18T01:30:22Z).
    const auto report =
        validate(R"({"sub":"1234567890","name":"John Doe","admin":true,"iat":1516239022})", {}, 1'704'067'200'000, {});
    QVERIFY(report.has_value());
    QCOMPARE(names(*report), (QStringList{QStringLiteral("sub"), QStringLiteral("iat")}));
    QVERIFY(report->ok());
    const auto empty = validate(R"({"name":"x"})", {}, kT, {});
    QVERIFY(empty.has_value());
    QVERIFY(empty->results().isEmpty());
    QVERIFY(empty->ok());
}

void TestClaimValidator::fixedOrder()
{
    const auto report =
        validate(R"({"jti":"1","iat":1,"nbf":1,"exp":9999999999,"aud":"a","sub":"s","iss":"i","z":1,"z":2})",
                 R"({"alg":"HS256","typ":"JWT"})", kT, opts({"require=jti", "require=iss"}));
    QVERIFY(report.has_value());
    QCOMPARE(names(*report), (QStringList{QStringLiteral("iss"), QStringLiteral("sub"), QStringLiteral("aud"),
                                          QStringLiteral("exp"), QStringLiteral("nbf"), QStringLiteral("iat"),
                                          QStringLiteral("typ"), QStringLiteral("jti"), QStringLiteral("z")}));
}

void TestClaimValidator::duplicateMessageListsEveryValue()
{
    const auto report = validate(R"({"sub":"user","sub":"admin"})", {}, kT, opts({"sub=user"}));
    QVERIFY(report.has_value());
    const auto sub = report->result(u"sub");
    QVERIFY(sub.has_value());
    QCOMPARE(sub->message,
             QStringLiteral(R"(appears 2 times ("user", "admin"): which value applies depends on the parser)"));
}

void TestClaimValidator::negativeLeewayCountsAsZero()
{
    const auto report = validate(R"({"exp":1300819380})", {}, kT - 1, opts({"leeway=-60"}));
    QVERIFY(report.has_value());
    QCOMPARE(report->leewaySeconds(), qint64(0));
    QCOMPARE(report->result(u"exp")->status, ClaimStatus::Pass);
}

void TestClaimValidator::dateTimeOverload()
{
    const JsonDocument payload = parseJson(R"({"exp":1300819380})", Segment::Payload);
    const ClaimValidator validator;
    const QDateTime at = QDateTime::fromString(QStringLiteral("2011-03-22T18:43:00Z"), Qt::ISODate);
    const auto report = validator.validate(payload, at);
    QVERIFY(report.has_value());
    QCOMPARE(report->evaluationTimeMSecs(), kT);
    QCOMPARE(report->result(u"exp")->status, ClaimStatus::Fail);
}

QTEST_APPLESS_MAIN(TestClaimValidator)
#include "TestClaimValidator.moc"
