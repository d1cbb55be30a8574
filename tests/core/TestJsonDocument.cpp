// SPDX-License-Identifier: Apache-2.0
#include "encoding/JsonDocument.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace assay;

// Expected values below are written by hand from RFC 8259 (JSON), RFC 3629 (UTF-8), issue 2 ("Exactness": number
// spelling, escapes and key order kept) and ATTACKS.md A22 (strict JSON) and A24 (bounded depth).
class TestJsonDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void preservesTokens_data();
    void preservesTokens();
    void pretty_data();
    void pretty();
    void roundTrip_data();
    void roundTrip();
    void members();
    void memberValues_data();
    void memberValues();
    void arrayElements();
    void rejects_data();
    void rejects();
    void messages_data();
    void messages();
    void duplicates_data();
    void duplicates();
    void depthCap_data();
    void depthCap();
    void deepNestingFailsFast();
    void sizeCap();
};

void TestJsonDocument::preservesTokens_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("minified");
    // Issue 2: "integers beyond 2^64, 3.0, 1e3, -0" keep their spelling.
    QTest::newRow("integer beyond 2^64") << QByteArray("{ \"n\" : 123456789012345678901234567890 }")
                                         << QByteArray("{\"n\":123456789012345678901234567890}");
    QTest::newRow("3.0") << QByteArray("{\"n\": 3.0}") << QByteArray("{\"n\":3.0}");
    QTest::newRow("1e3") << QByteArray("{\"n\": 1e3}") << QByteArray("{\"n\":1e3}");
    QTest::newRow("1E+03") << QByteArray("[ 1E+03 ]") << QByteArray("[1E+03]");
    QTest::newRow("-0") << QByteArray("{\"n\": -0}") << QByteArray("{\"n\":-0}");
    // RFC 8259 section 6 allows numbers beyond double range; nlohmann/json refuses them, the text is kept.
    QTest::newRow("1e400 (ATTACKS A23)") << QByteArray("{\"exp\": 1e400, \"b\": [ 1e400 , -1e999 ]}")
                                         << QByteArray("{\"exp\":1e400,\"b\":[1e400,-1e999]}");
    // RFC 8259 section 7: \u0041 and \/ are escapes the author chose; they stay escapes.
    QTest::newRow("\\u0041 escape") << QByteArray("{\"s\": \"\\u0041\"}") << QByteArray("{\"s\":\"\\u0041\"}");
    QTest::newRow("\\/ escape") << QByteArray("{\"url\": \"http:\\/\\/x\"}")
                                << QByteArray("{\"url\":\"http:\\/\\/x\"}");
    QTest::newRow("whitespace inside strings")
        << QByteArray("{\"s\" :\t\" a  b \"}") << QByteArray("{\"s\":\" a  b \"}");
    QTest::newRow("escaped quote and backslash")
        << QByteArray("[\"a\\\" ,b\\\\\" , 1]") << QByteArray("[\"a\\\" ,b\\\\\",1]");
    QTest::newRow("surrogate pair escape") << QByteArray("\"\\uD83D\\uDE00\"") << QByteArray("\"\\uD83D\\uDE00\"");
    QTest::newRow("key order kept") << QByteArray("{\"z\":1,\r\n \"a\":2, \"m\":3}")
                                    << QByteArray("{\"z\":1,\"a\":2,\"m\":3}");
    QTest::newRow("raw UTF-8 kept") << QByteArray("{\"name\": \"J\xC3\xBCrgen\"}")
                                    << QByteArray("{\"name\":\"J\xC3\xBCrgen\"}");
    QTest::newRow("top-level scalar") << QByteArray("  42  ") << QByteArray("42");
}

void TestJsonDocument::preservesTokens()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, minified);
    auto doc = JsonDocument::parse(input);
    QVERIFY2(doc.has_value(), qPrintable(doc ? QString() : doc.error().toString()));
    QCOMPARE(doc->raw(), input);
    QCOMPARE(doc->minified(), minified);
    QCOMPARE(minifyJson(input), minified);
}

void TestJsonDocument::pretty_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("indent");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("object") << QByteArray("{\"a\":1,\"b\":\"x\"}") << 2
                            << QByteArray("{\n  \"a\": 1,\n  \"b\": \"x\"\n}");
    QTest::newRow("nested, indent 4") << QByteArray("{\"a\":{\"b\":[1,2.50]}}") << 4
                                      << QByteArray("{\n    \"a\": {\n        \"b\": [\n            1,\n"
                                                    "            2.50\n        ]\n    }\n}");
    QTest::newRow("empty containers") << QByteArray("{\"o\":{ },\"a\":[\n]}") << 2
                                      << QByteArray("{\n  \"o\": {},\n  \"a\": []\n}");
    QTest::newRow("empty root") << QByteArray(" { } ") << 2 << QByteArray("{}");
    QTest::newRow("CR LF of RFC 7515 A.1 replaced") << QByteArray("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}") << 2
                                                    << QByteArray("{\n  \"typ\": \"JWT\",\n  \"alg\": \"HS256\"\n}");
    QTest::newRow("strings with structural characters")
        << QByteArray("{\"s\":\"{[,:]}\"}") << 2 << QByteArray("{\n  \"s\": \"{[,:]}\"\n}");
    QTest::newRow("numbers untouched") << QByteArray("[-0,3.0,1e3]") << 1 << QByteArray("[\n -0,\n 3.0,\n 1e3\n]");
}

void TestJsonDocument::pretty()
{
    QFETCH(QByteArray, input);
    QFETCH(int, indent);
    QFETCH(QByteArray, expected);
    auto doc = JsonDocument::parse(input);
    QVERIFY(doc.has_value());
    QCOMPARE(doc->pretty(indent), expected);
    QCOMPARE(reindentJson(input, indent), expected);
}

void TestJsonDocument::roundTrip_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("RFC 7515 A.1 payload")
        << QByteArray("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}");
    QTest::newRow("mixed") << QByteArray("{\"a\" : [ {\"b\":null} , true,false, \"\\u00e9\\n\" ], \"c\":{}, \"d\":[]}");
    QTest::newRow("deep") << QByteArray("[[[[{\"x\":[[[]]]}]]]]");
    QTest::newRow("string root") << QByteArray("\"  spaced  \"");
}

void TestJsonDocument::roundTrip()
{
    QFETCH(QByteArray, input);
    auto doc = JsonDocument::parse(input);
    QVERIFY(doc.has_value());
    // Issue 2: pretty-print and minify change insignificant whitespace only.
    const QByteArray pretty = doc->pretty();
    QCOMPARE(minifyJson(pretty), doc->minified());
    auto reparsed = JsonDocument::parse(pretty);
    QVERIFY(reparsed.has_value());
    QCOMPARE(reparsed->minified(), doc->minified());
    QCOMPARE(reparsed->pretty(), pretty);
}

void TestJsonDocument::members()
{
    // RFC 7515 A.1's header with its CR LF, plus escapes in names and values.
    const QByteArray text("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\", \"n\" : 3.0, \"\\u0061b\":[1, 2], \"o\":{\"k\":1},"
                          " \"t\":true, \"z\":null}");
    auto doc = JsonDocument::parse(text, Segment::Header);
    QVERIFY(doc.has_value());
    QVERIFY(doc->isObject());
    QCOMPARE(doc->rootKind(), JsonKind::Object);
    const auto& m = doc->members();
    QCOMPARE(m.size(), 7);
    QCOMPARE(m[0].name, QStringLiteral("typ"));
    QCOMPARE(m[0].kind, JsonKind::String);
    QCOMPARE(m[0].rawValue, QByteArray("\"JWT\""));
    QCOMPARE(m[0].nameOffset, qsizetype(1));
    QCOMPARE(m[0].valueOffset, qsizetype(7));
    QCOMPARE(m[1].name, QStringLiteral("alg"));
    QCOMPARE(m[1].nameOffset, qsizetype(16));
    QCOMPARE(m[1].valueOffset, qsizetype(22));
    QCOMPARE(m[2].name, QStringLiteral("n"));
    QCOMPARE(m[2].kind, JsonKind::Number);
    QCOMPARE(m[2].rawValue, QByteArray("3.0"));
    QCOMPARE(m[3].name, QStringLiteral("ab")); // unescaped
    QCOMPARE(m[3].kind, JsonKind::Array);
    QCOMPARE(m[3].rawValue, QByteArray("[1, 2]"));
    QCOMPARE(m[4].kind, JsonKind::Object);
    QCOMPARE(m[4].rawValue, QByteArray("{\"k\":1}"));
    QCOMPARE(m[5].kind, JsonKind::Bool);
    QCOMPARE(m[6].kind, JsonKind::Null);
    QCOMPARE(m[6].rawValue, QByteArray("null"));
    QVERIFY(doc->contains(u"ab"));
    QVERIFY(!doc->contains(u"AB"));
    QCOMPARE(doc->member(u"alg")->toString(), QStringLiteral("HS256"));
    QVERIFY(doc->duplicates().isEmpty());

    auto array = JsonDocument::parse("[1, 2]");
    QVERIFY(array.has_value());
    QVERIFY(!array->isObject());
    QVERIFY(array->members().isEmpty());
}

void TestJsonDocument::memberValues_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QVariant>("asString");
    QTest::addColumn<QVariant>("asBool");
    QTest::addColumn<QVariant>("asList");
    const QVariant none;
    QTest::newRow("string with escapes") << QByteArray("\"a\\u0041\\/\\n\"") << QVariant(QStringLiteral("aA/\n"))
                                         << none << none;
    QTest::newRow("non-ASCII") << QByteArray("\"\\u00e9\xC3\xA9\"") << QVariant(QStringLiteral("\u00e9\u00e9")) << none
                               << none;
    QTest::newRow("true") << QByteArray("true") << none << QVariant(true) << none;
    QTest::newRow("false") << QByteArray("false") << none << QVariant(false) << none;
    QTest::newRow("string list") << QByteArray("[\"b64\", \"\\u0061\"]") << none << none
                                 << QVariant(QStringList{QStringLiteral("b64"), QStringLiteral("a")});
    QTest::newRow("empty list") << QByteArray("[]") << none << none << QVariant(QStringList{});
    QTest::newRow("mixed list") << QByteArray("[\"a\", 1]") << none << none << none;
    QTest::newRow("number") << QByteArray("1") << none << none << none;
    QTest::newRow("string \"true\" is not a bool")
        << QByteArray("\"true\"") << QVariant(QStringLiteral("true")) << none << none;
}

void TestJsonDocument::memberValues()
{
    QFETCH(QByteArray, value);
    QFETCH(QVariant, asString);
    QFETCH(QVariant, asBool);
    QFETCH(QVariant, asList);
    auto doc = JsonDocument::parse("{\"v\": " + value + "}");
    QVERIFY(doc.has_value());
    const auto member = doc->member(u"v");
    QVERIFY(member.has_value());
    QCOMPARE(member->rawValue, value);
    const auto s = member->toString();
    QCOMPARE(s.has_value(), asString.isValid());
    if (s)
        QCOMPARE(*s, asString.toString());
    const auto b = member->toBool();
    QCOMPARE(b.has_value(), asBool.isValid());
    if (b)
        QCOMPARE(*b, asBool.toBool());
    const auto l = member->toStringList();
    QCOMPARE(l.has_value(), asList.isValid());
    if (l)
        QCOMPARE(*l, asList.toStringList());
}

void TestJsonDocument::arrayElements()
{
    auto doc = JsonDocument::parse(" [ {\"a\":1} ,\"x\", 1e3,[] ] ");
    QVERIFY(doc.has_value());
    QCOMPARE(doc->rootKind(), JsonKind::Array);
    const auto& e = doc->elements();
    QCOMPARE(e.size(), 4);
    QCOMPARE(e[0].rawValue, QByteArray("{\"a\":1}"));
    QCOMPARE(e[0].kind, JsonKind::Object);
    QCOMPARE(e[0].valueOffset, qsizetype(3));
    QCOMPARE(e[1].rawValue, QByteArray("\"x\""));
    QCOMPARE(e[2].rawValue, QByteArray("1e3"));
    QCOMPARE(e[2].kind, JsonKind::Number);
    QCOMPARE(e[3].rawValue, QByteArray("[]"));
}

void TestJsonDocument::rejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    // Multi-line input: the stray '2' (missing ':') is on line 3, column 5; the offset is in bytes.
    QTest::newRow("line 3 column 5") << QByteArray("{\n  \"a\": 1,\n\"b\" 2}") << QStringLiteral("ERR_JSON_SYNTAX")
                                     << 16 << 3 << 5;
    // Columns count characters: "é" is two bytes but one column.
    QTest::newRow("column counts characters")
        << QByteArray("{\"\xC3\xA9\":1 x}") << QStringLiteral("ERR_JSON_SYNTAX") << 8 << 1 << 8;
    QTest::newRow("CR LF counts one line")
        << QByteArray("[1,\r\n2,\r\n]") << QStringLiteral("ERR_JSON_SYNTAX") << 6 << 2 << 2;
    // ATTACKS A22: BOM (RFC 8259 section 8.1), comments, trailing commas, NaN/Infinity, invalid UTF-8, lone surrogates.
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF{\"alg\":\"HS256\"}") << QStringLiteral("ERR_JSON_BOM") << 0 << 1
                         << 1;
    QTest::newRow("trailing comma in object")
        << QByteArray("{\"a\":1,}") << QStringLiteral("ERR_JSON_SYNTAX") << 6 << 1 << 7;
    QTest::newRow("trailing comma in array")
        << QByteArray("[1, 2 ,\n]") << QStringLiteral("ERR_JSON_SYNTAX") << 6 << 1 << 7;
    QTest::newRow("line comment") << QByteArray("{\"a\":1 // c\n}") << QStringLiteral("ERR_JSON_SYNTAX") << 7 << 1 << 8;
    QTest::newRow("block comment") << QByteArray("/* c */{}") << QStringLiteral("ERR_JSON_SYNTAX") << 0 << 1 << 1;
    QTest::newRow("NaN") << QByteArray("{\"exp\":NaN}") << QStringLiteral("ERR_JSON_SYNTAX") << 7 << 1 << 8;
    QTest::newRow("Infinity") << QByteArray("[Infinity]") << QStringLiteral("ERR_JSON_SYNTAX") << 1 << 1 << 2;
    QTest::newRow("invalid UTF-8 C3 28") << QByteArray("\"\xC3\x28\"") << QStringLiteral("ERR_UTF8_INVALID") << 1 << 1
                                         << 2;
    QTest::newRow("invalid UTF-8 outside strings")
        << QByteArray("{}\xFF") << QStringLiteral("ERR_UTF8_INVALID") << 2 << 1 << 3;
    QTest::newRow("overlong UTF-8 C0 AF")
        << QByteArray("\"\xC0\xAF\"") << QStringLiteral("ERR_UTF8_INVALID") << 1 << 1 << 2;
    QTest::newRow("UTF-8 encoded surrogate ED A0 80")
        << QByteArray("\"\xED\xA0\x80\"") << QStringLiteral("ERR_UTF8_INVALID") << 1 << 1 << 2;
    QTest::newRow("truncated UTF-8") << QByteArray("\"\xE2\x82\"") << QStringLiteral("ERR_UTF8_INVALID") << 1 << 1 << 2;
    QTest::newRow("lone high surrogate \\uD800")
        << QByteArray("\"\\uD800\"") << QStringLiteral("ERR_UTF8_INVALID") << 1 << 1 << 2;
    QTest::newRow("lone low surrogate \\uDC00")
        << QByteArray("[\"\\uDC00\"]") << QStringLiteral("ERR_UTF8_INVALID") << 2 << 1 << 3;
    QTest::newRow("high surrogate before a non-surrogate")
        << QByteArray("\"\\uD83D\\u0041\"") << QStringLiteral("ERR_UTF8_INVALID") << 1 << 1 << 2;
    QTest::newRow("single quotes") << QByteArray("{'a':1}") << QStringLiteral("ERR_JSON_SYNTAX") << 1 << 1 << 2;
    QTest::newRow("unescaped control character")
        << QByteArray("[\"a\tb\"]") << QStringLiteral("ERR_JSON_SYNTAX") << 3 << 1 << 4;
    QTest::newRow("leading zero") << QByteArray("[01]") << QStringLiteral("ERR_JSON_SYNTAX") << 2 << 1 << 3;
    QTest::newRow("two values") << QByteArray("{} {}") << QStringLiteral("ERR_JSON_SYNTAX") << 3 << 1 << 4;
    QTest::newRow("unterminated") << QByteArray("{\"a\":") << QStringLiteral("ERR_JSON_SYNTAX") << 5 << 1 << 6;
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("ERR_JSON_SYNTAX") << 0 << 1 << 1;
    QTest::newRow("whitespace only") << QByteArray(" \n") << QStringLiteral("ERR_JSON_SYNTAX") << 2 << 2 << 1;
}

void TestJsonDocument::rejects()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    QFETCH(int, offset);
    QFETCH(int, line);
    QFETCH(int, column);
    auto doc = JsonDocument::parse(input, Segment::Payload);
    QVERIFY(!doc.has_value());
    const Error& e = doc.error();
    QCOMPARE(errorCodeName(e.code), code);
    QCOMPARE(e.segment, Segment::Payload);
    QCOMPARE(e.offset, qsizetype(offset));
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    QVERIFY(!e.message.isEmpty());
    QVERIFY(e.toString().startsWith(QStringLiteral("payload, line %1, column %2: ").arg(line).arg(column)));
}

void TestJsonDocument::messages_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    // The common mistakes get a message that names them (ATTACKS A22), not only the parser's wording.
    QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}") << QStringLiteral("trailing comma before '}'");
    QTest::newRow("comment") << QByteArray("[1 /* x */]") << QStringLiteral("comments are not allowed in JSON");
    QTest::newRow("NaN") << QByteArray("[NaN]") << QStringLiteral("NaN and Infinity are not JSON numbers");
    QTest::newRow("-Infinity") << QByteArray("[-Infinity]") << QStringLiteral("NaN and Infinity are not JSON numbers");
    QTest::newRow("end of input") << QByteArray("[1,") << QStringLiteral("unexpected end of JSON text");
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF{}")
                         << QStringLiteral("JSON text starts with a UTF-8 byte order mark");
    QTest::newRow("invalid UTF-8") << QByteArray("[\"\xC3\x28\"]") << QStringLiteral("invalid UTF-8 (byte 0xC3)");
}

void TestJsonDocument::messages()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    auto doc = JsonDocument::parse(input);
    QVERIFY(!doc.has_value());
    QCOMPARE(doc.error().message, message);
}

void TestJsonDocument::duplicates_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("topLevelMembers");
    // ATTACKS A22 and RFC 7515 section 5.2: names compared after unescaping, at any depth; parsing still succeeds.
    QTest::newRow("top level") << QByteArray("{\"alg\":\"HS256\",\"alg\":\"none\"}")
                               << QStringList{QStringLiteral("alg")} << 2;
    QTest::newRow("after unescaping") << QByteArray("{\"alg\":\"none\",\"\\u0061lg\":\"HS256\"}")
                                      << QStringList{QStringLiteral("alg")} << 2;
    QTest::newRow("nested") << QByteArray("{\"a\":{\"b\":1,\"b\":2}}") << QStringList{QStringLiteral("a.b")} << 1;
    QTest::newRow("inside an array") << QByteArray("{\"a\":[0,{\"b\":1,\"b\":2}]}")
                                     << QStringList{QStringLiteral("a[1].b")} << 1;
    QTest::newRow("root array") << QByteArray("[{\"x\":1,\"x\":1}]") << QStringList{QStringLiteral("[0].x")} << 0;
    QTest::newRow("reported once") << QByteArray("{\"s\":1,\"s\":2,\"s\":3}") << QStringList{QStringLiteral("s")} << 3;
    QTest::newRow("names are case-sensitive")
        << QByteArray("{\"Alg\":\"none\",\"alg\":\"HS256\"}") << QStringList{} << 2;
    QTest::newRow("same name in sibling objects")
        << QByteArray("{\"a\":{\"k\":1},\"b\":{\"k\":1}}") << QStringList{} << 2;
    QTest::newRow("several") << QByteArray("{\"sub\":\"user\",\"o\":{\"x\":1,\"x\":2},\"sub\":\"admin\"}")
                             << QStringList{QStringLiteral("o.x"), QStringLiteral("sub")} << 3;
}

void TestJsonDocument::duplicates()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    QFETCH(int, topLevelMembers);
    auto doc = JsonDocument::parse(input);
    QVERIFY(doc.has_value());
    QCOMPARE(doc->duplicates(), expected);
    // The decoded view must show both members (ATTACKS A22); member() follows the "lexically last" rule.
    QCOMPARE(doc->members().size(), topLevelMembers);
}

void TestJsonDocument::depthCap_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<bool>("objects");
    QTest::addColumn<bool>("ok");
    // JsonLimits default maxDepth is 64 (ATTACKS A24).
    QTest::newRow("64 arrays") << 64 << false << true;
    QTest::newRow("65 arrays") << 65 << false << false;
    QTest::newRow("64 objects") << 64 << true << true;
    QTest::newRow("65 objects") << 65 << true << false;
}

void TestJsonDocument::depthCap()
{
    QFETCH(int, depth);
    QFETCH(bool, objects);
    QFETCH(bool, ok);
    QByteArray text;
    for (int i = 0; i < depth; ++i)
        text += objects ? QByteArray("{\"k\":") : QByteArray("[");
    text += "1";
    for (int i = 0; i < depth; ++i)
        text += objects ? '}' : ']';
    auto doc = JsonDocument::parse(text, Segment::Header);
    QCOMPARE(doc.has_value(), ok);
    if (!ok) {
        QCOMPARE(doc.error().code, ErrorCode::JsonTooDeep);
        // The 65th opening bracket.
        QCOMPARE(doc.error().offset, qsizetype(64 * (objects ? 5 : 1)));
    }
}

void TestJsonDocument::deepNestingFailsFast()
{
    // ATTACKS A24: 100,000 nested '[' must fail fast and without recursion (no stack overflow).
    const QByteArray text(100000, '[');
    QElapsedTimer timer;
    timer.start();
    auto doc = JsonDocument::parse(text);
    QVERIFY(!doc.has_value());
    QCOMPARE(doc.error().code, ErrorCode::JsonTooDeep);
    QCOMPARE(doc.error().offset, qsizetype(64));
    QVERIFY2(timer.elapsed() < 100, qPrintable(QString::number(timer.elapsed())));
}

void TestJsonDocument::sizeCap()
{
    JsonLimits limits;
    limits.maxBytes = 16;
    QVERIFY(JsonDocument::parse("{\"a\":\"01234567\"}", Segment::None, limits).has_value()); // 16 bytes
    auto doc = JsonDocument::parse("{\"a\":\"012345678\"}", Segment::Header, limits);        // 17 bytes
    QVERIFY(!doc.has_value());
    QCOMPARE(doc.error().code, ErrorCode::JsonTooLarge);
    QCOMPARE(doc.error().segment, Segment::Header);
    // The default cap is 1 MiB.
    QByteArray big(1024 * 1024 + 1, ' ');
    big[0] = '1';
    auto bigDoc = JsonDocument::parse(big);
    QVERIFY(!bigDoc.has_value());
    QCOMPARE(bigDoc.error().code, ErrorCode::JsonTooLarge);
}

QTEST_APPLESS_MAIN(TestJsonDocument)
#include "TestJsonDocument.moc"
