// SPDX-License-Identifier: Apache-2.0
#include "token/ParsedToken.h"

#include "encoding/Base64Url.h"

#include "Vectors.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

using namespace assay;

namespace {

// jwt.io's default HS256 token (jwtio-defaults/default-tokens.json, tokens.HS256); its header segment is 36
// characters, so the payload starts at offset 37.
const QByteArray kToken("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYW"
                        "RtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.KMUFsIDTnFmyG3nMiGM6H9FNFUROf3wh7SmqJp-QV30");
const QByteArray kHeader("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
const QByteArray
    kPayload("eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0");
const QByteArray kSignature("KMUFsIDTnFmyG3nMiGM6H9FNFUROf3wh7SmqJp-QV30");

// RFC 7515 A.1.1: the example header and payload, CR LF included.
const QByteArray kA1Header("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}");
const QByteArray kA1Payload("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}");

QByteArray b64(const QByteArray& bytes)
{
    return base64url::encode(bytes);
}

QByteArray compact(const QByteArray& header, const QByteArray& payload, const QByteArray& signature = kSignature)
{
    return b64(header) + '.' + b64(payload) + '.' + signature;
}

QByteArray vectorText(const QString& path)
{
    return assay::test::readVectorFile(path).trimmed();
}

QByteArray jsonText(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString memberString(const JsonDocument* doc, QStringView name)
{
    if (!doc)
        return QStringLiteral("<no document>");
    const auto m = doc->member(name);
    return m ? m->toString().value_or(QStringLiteral("<not a string>")) : QStringLiteral("<absent>");
}

bool hasDiagnostic(const ParsedToken& t, ErrorCode code, Segment segment)
{
    return std::any_of(t.diagnostics.cbegin(), t.diagnostics.cend(),
                       [&](const Error& e) { return e.code == code && e.segment == segment; });
}

} // namespace

class TestTokenParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc7515A1();
    void rfc7515A5None();
    void rfc7515A6General();
    void rfc7515A7Flattened();
    void detached_data();
    void detached();
    void unencodedPayload_data();
    void unencodedPayload();
    void compactJwe();
    void wrongPartCount_data();
    void wrongPartCount();
    void brokenPayloadKeepsHeader();
    void base64Errors_data();
    void base64Errors();
    void headerProblems_data();
    void headerProblems();
    void payloadProblems_data();
    void payloadProblems();
    void jsonSerializationRejects_data();
    void jsonSerializationRejects();
    void jsonSerializationDiagnostics();
    void manyDotsFailFast();
    void tooLarge();
    void formNames();
};

void TestTokenParser::rfc7515A1()
{
    ASSAY_REQUIRE_VECTORS();
    const QByteArray text = vectorText(QStringLiteral("latchset-jose/rfc7515_A.1.jwsc"));
    auto t = parseToken(text);
    QVERIFY(t.has_value());
    QCOMPARE(t->form, TokenForm::CompactJws);
    QVERIFY(t->isJws());
    QCOMPARE(t->text, text);
    QCOMPARE(t->signatures.size(), 1);
    const JwsSignatureEntry& s = t->signatures.front();
    // RFC 7515 A.1.1: the encoded header exactly as in the RFC; the decoded bytes keep their CR LF.
    QCOMPARE(s.protectedHeader.raw, QByteArray("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"));
    QCOMPARE(s.protectedHeader.offset, qsizetype(0));
    QCOMPARE(s.protectedHeader.kind, Segment::Header);
    QCOMPARE(s.protectedHeader.bytes, kA1Header);
    QVERIFY(t->header());
    QCOMPARE(t->header()->raw(), kA1Header);
    QCOMPARE(memberString(t->header(), u"alg"), QStringLiteral("HS256"));
    QCOMPARE(memberString(t->header(), u"typ"), QStringLiteral("JWT"));
    QCOMPARE(t->payload.offset, qsizetype(41));
    QCOMPARE(t->payload.bytes, kA1Payload);
    QVERIFY(t->payloadJson.has_value());
    QCOMPARE(t->payloadJson->member(u"exp")->rawValue, QByteArray("1300819380"));
    QVERIFY(!t->payloadDetached);
    QVERIFY(!t->payloadUnencoded);
    // RFC 7515 A.1.1: the JWS Signing Input is the received text up to the second '.'.
    QCOMPARE(t->signingInput(), text.left(text.lastIndexOf('.')));
    QCOMPARE(t->signingInput(), s.protectedHeader.raw + '.' + t->payload.raw);
    QCOMPARE(s.signature.raw, QByteArray("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    QCOMPARE(s.signature.offset, qsizetype(text.lastIndexOf('.') + 1));
    QCOMPARE(s.signature.bytes.size(), 32);
    QVERIFY(t->diagnostics.isEmpty());
    QVERIFY(t->signingInput(1).isEmpty());
}

void TestTokenParser::rfc7515A5None()
{
    ASSAY_REQUIRE_VECTORS();
    const QByteArray text = vectorText(QStringLiteral("latchset-jose/rfc7515_A.5.jwsc"));
    auto t = parseToken(text);
    QVERIFY(t.has_value());
    QCOMPARE(t->form, TokenForm::CompactJws);
    // RFC 7515 A.5: {"alg":"none"} and an empty signature, decoded without errors (the verdict is not ours).
    QCOMPARE(t->header()->raw(), QByteArray("{\"alg\":\"none\"}"));
    QCOMPARE(t->payload.bytes, kA1Payload);
    const DecodedSegment& sig = t->signatures.front().signature;
    QVERIFY(sig.raw.isEmpty());
    QVERIFY(sig.bytes.isEmpty());
    QVERIFY(!sig.error);
    QCOMPARE(sig.offset, qsizetype(text.size()));
    QVERIFY(t->diagnostics.isEmpty());
}

void TestTokenParser::rfc7515A6General()
{
    ASSAY_REQUIRE_VECTORS();
    const QByteArray text = vectorText(QStringLiteral("latchset-jose/rfc7515_A.6.jwsg"));
    auto t = parseToken(text);
    QVERIFY2(t.has_value(), qPrintable(t ? QString() : t.error().toString()));
    QCOMPARE(t->form, TokenForm::JwsJsonGeneral);
    QVERIFY(t->isJws());
    QCOMPARE(t->signatures.size(), 2);
    // RFC 7515 A.6.1-A.6.4: RS256 with kid 2010-12-29, ES256 with kid e9bc097a-...
    const JwsSignatureEntry& rs = t->signatures[0];
    QCOMPARE(rs.protectedHeader.raw, QByteArray("eyJhbGciOiJSUzI1NiJ9"));
    QCOMPARE(rs.protectedHeader.offset, qsizetype(-1));
    QCOMPARE(memberString(&*rs.header, u"alg"), QStringLiteral("RS256"));
    QVERIFY(rs.unprotectedHeader.has_value());
    QCOMPARE(memberString(&*rs.unprotectedHeader, u"kid"), QStringLiteral("2010-12-29"));
    QCOMPARE(rs.signature.bytes.size(), 256);
    const JwsSignatureEntry& es = t->signatures[1];
    QCOMPARE(es.protectedHeader.raw, QByteArray("eyJhbGciOiJFUzI1NiJ9"));
    QCOMPARE(memberString(&*es.header, u"alg"), QStringLiteral("ES256"));
    QCOMPARE(memberString(&*es.unprotectedHeader, u"kid"), QStringLiteral("e9bc097a-ce51-4036-9562-d2ade882db0d"));
    QCOMPARE(es.signature.bytes.size(), 64);
    QCOMPARE(t->payload.bytes, kA1Payload);
    QCOMPARE(t->payload.offset, qsizetype(-1));
    const QByteArray payloadRaw(
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cn"
        "VlfQ");
    QCOMPARE(t->payload.raw, payloadRaw);
    QCOMPARE(t->signingInput(0), QByteArray("eyJhbGciOiJSUzI1NiJ9.") + payloadRaw);
    QCOMPARE(t->signingInput(1), QByteArray("eyJhbGciOiJFUzI1NiJ9.") + payloadRaw);
    QVERIFY(t->diagnostics.isEmpty());
}

void TestTokenParser::rfc7515A7Flattened()
{
    ASSAY_REQUIRE_VECTORS();
    const QByteArray text = vectorText(QStringLiteral("latchset-jose/rfc7515_A.7.jwsf"));
    auto t = parseToken(text);
    QVERIFY2(t.has_value(), qPrintable(t ? QString() : t.error().toString()));
    QCOMPARE(t->form, TokenForm::JwsJsonFlattened);
    QCOMPARE(t->signatures.size(), 1);
    QCOMPARE(memberString(t->header(), u"alg"), QStringLiteral("ES256"));
    QCOMPARE(memberString(&*t->signatures[0].unprotectedHeader, u"kid"),
             QStringLiteral("e9bc097a-ce51-4036-9562-d2ade882db0d"));
    QCOMPARE(t->signatures[0].signature.bytes.size(), 64);
    QCOMPARE(t->payload.bytes, kA1Payload);
    QCOMPARE(t->signingInput(), QByteArray("eyJhbGciOiJFUzI1NiJ9.") + t->payload.raw);
    QVERIFY(t->diagnostics.isEmpty());
}

void TestTokenParser::detached_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<int>("form");
    // RFC 7520 section 4.5 (jose-cookbook/jws/4_5.signature_with_detached_content.json), all three serializations.
    QTest::newRow("compact") << QStringLiteral("compact") << int(TokenForm::CompactJws);
    QTest::newRow("general JSON") << QStringLiteral("json") << int(TokenForm::JwsJsonGeneral);
    QTest::newRow("flattened JSON") << QStringLiteral("json_flat") << int(TokenForm::JwsJsonFlattened);
}

void TestTokenParser::detached()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, output);
    QFETCH(int, form);
    const QJsonObject file =
        assay::test::readVectorJson(QStringLiteral("jose-cookbook/jws/4_5.signature_with_detached_content.json"));
    const QJsonValue out = file.value(QStringLiteral("output")).toObject().value(output);
    const QByteArray text = out.isString() ? out.toString().toUtf8() : jsonText(out.toObject());
    auto t = parseToken(text);
    QVERIFY2(t.has_value(), qPrintable(t ? QString() : t.error().toString()));
    QCOMPARE(int(t->form), form);
    QVERIFY(t->payloadDetached);
    QVERIFY(t->payload.raw.isEmpty());
    QVERIFY(!t->payloadJson);
    const QByteArray protectedB64 =
        file.value(QStringLiteral("signing")).toObject().value(QStringLiteral("protected_b64u")).toString().toUtf8();
    QCOMPARE(t->signatures.front().protectedHeader.raw, protectedB64);
    // The caller supplies the content; the signing input carries the header and an empty payload part.
    QCOMPARE(t->signingInput(), protectedB64 + '.');
    QCOMPARE(memberString(t->header(), u"kid"), QStringLiteral("018c0ae5-4d9b-471b-bfd6-eef314bc7037"));
    QVERIFY(t->diagnostics.isEmpty());
}

void TestTokenParser::unencodedPayload_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<int>("form");
    // jose-cookbook/rfc7797/hmac-sha2_b64_false.json: the `output` section only (README known data issue 4).
    QTest::newRow("compact") << QStringLiteral("compact") << int(TokenForm::CompactJws);
    QTest::newRow("flattened JSON") << QStringLiteral("json_flat") << int(TokenForm::JwsJsonFlattened);
    QTest::newRow("general JSON") << QStringLiteral("json") << int(TokenForm::JwsJsonGeneral);
}

void TestTokenParser::unencodedPayload()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, output);
    QFETCH(int, form);
    const QJsonObject file =
        assay::test::readVectorJson(QStringLiteral("jose-cookbook/rfc7797/hmac-sha2_b64_false.json"));
    const QJsonValue out = file.value(QStringLiteral("output")).toObject().value(output);
    const QByteArray text = out.isString() ? out.toString().toUtf8() : jsonText(out.toObject());
    auto t = parseToken(text);
    QVERIFY2(t.has_value(), qPrintable(t ? QString() : t.error().toString()));
    QCOMPARE(int(t->form), form);
    QVERIFY(t->payloadUnencoded);
    QVERIFY(!t->payloadDetached);
    // RFC 7797 section 3: the payload is used as is, not base64url.
    const QByteArray payload("This is the payload string!");
    QCOMPARE(t->payload.raw, payload);
    QCOMPARE(t->payload.bytes, payload);
    QVERIFY(!t->payload.error);
    const QByteArray protectedB64("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19");
    QCOMPARE(t->signingInput(), protectedB64 + '.' + payload);
    QCOMPARE(t->header()->member(u"crit")->toStringList(), QStringList{QStringLiteral("b64")});
    // Not JSON, and not meant to be: kept as a note, not a diagnostic.
    QVERIFY(t->payloadJsonError.has_value());
    QVERIFY(!t->payloadJson);
    QVERIFY(t->diagnostics.isEmpty());
}

void TestTokenParser::compactJwe()
{
    ASSAY_REQUIRE_VECTORS();
    // RFC 7520 section 5.8 (jose-cookbook/jwe/5_8...): A128KW + A128GCM.
    const QJsonObject file = assay::test::readVectorJson(
        QStringLiteral("jose-cookbook/jwe/5_8.key_wrap_using_aes-keywrap_with_aes-gcm.json"));
    const QByteArray text =
        file.value(QStringLiteral("output")).toObject().value(QStringLiteral("compact")).toString().toUtf8();
    auto t = parseToken(text);
    QVERIFY(t.has_value());
    QCOMPARE(t->form, TokenForm::CompactJwe);
    QVERIFY(!t->isJws());
    QCOMPARE(memberString(t->header(), u"alg"), QStringLiteral("A128KW"));
    QCOMPARE(memberString(t->header(), u"enc"), QStringLiteral("A128GCM"));
    QCOMPARE(memberString(t->header(), u"kid"), QStringLiteral("81b20965-8332-43d9-a468-82160ad91ac8"));
    QCOMPARE(t->jweParts.size(), 4);
    const QList<QByteArray> parts = text.split('.');
    const Segment kinds[] = {Segment::EncryptedKey, Segment::InitializationVector, Segment::Ciphertext,
                             Segment::AuthenticationTag};
    qsizetype offset = parts[0].size() + 1;
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(t->jweParts[i].kind, kinds[i]);
        QCOMPARE(t->jweParts[i].raw, parts[i + 1]);
        QCOMPARE(t->jweParts[i].offset, offset);
        QVERIFY(!t->jweParts[i].error);
        offset += parts[i + 1].size() + 1;
    }
    // RFC 3394: a wrapped 128-bit CEK is 24 bytes; RFC 7518 section 5.3: 96-bit IV, 128-bit tag.
    QCOMPARE(t->jweParts[0].bytes.size(), 24);
    QCOMPARE(t->jweParts[1].bytes.size(), 12);
    QCOMPARE(t->jweParts[3].bytes.size(), 16);
    QVERIFY(t->diagnostics.isEmpty());

    // RFC 7520 section 5.6 (dir): the encrypted key part is empty.
    const QJsonObject dir =
        assay::test::readVectorJson(QStringLiteral("jose-cookbook/jwe/5_6.direct_encryption_using_aes-gcm.json"));
    auto d =
        parseToken(dir.value(QStringLiteral("output")).toObject().value(QStringLiteral("compact")).toString().toUtf8());
    QVERIFY(d.has_value());
    QCOMPARE(d->form, TokenForm::CompactJwe);
    QCOMPARE(memberString(d->header(), u"alg"), QStringLiteral("dir"));
    QVERIFY(d->jweParts[0].raw.isEmpty());
    QVERIFY(!d->jweParts[0].error);
}

void TestTokenParser::wrongPartCount_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("parts");
    // ATTACKS A21: exactly 3 (JWS) or 5 (JWE) parts.
    QTest::newRow("1 part") << kHeader << int(ErrorCode::UnknownForm) << QStringLiteral("1 part");
    QTest::newRow("2 parts") << kHeader + '.' + kPayload << int(ErrorCode::TokenStructure) << QStringLiteral("2 parts");
    QTest::newRow("4 parts") << kToken + '.' + kSignature << int(ErrorCode::TokenStructure)
                             << QStringLiteral("4 parts");
    QTest::newRow("6 parts") << kToken + ".a.b.c" << int(ErrorCode::TokenStructure) << QStringLiteral("6 parts");
    QTest::newRow("only dots") << QByteArray("......") << int(ErrorCode::TokenStructure) << QStringLiteral("7 parts");
    QTest::newRow("empty") << QByteArray() << int(ErrorCode::InputEmpty) << QString();
}

void TestTokenParser::wrongPartCount()
{
    QFETCH(QByteArray, text);
    QFETCH(int, code);
    QFETCH(QString, parts);
    auto t = parseToken(text);
    QVERIFY(!t.has_value());
    QCOMPARE(int(t.error().code), code);
    QVERIFY2(t.error().message.contains(parts), qPrintable(t.error().message));
}

void TestTokenParser::brokenPayloadKeepsHeader()
{
    ASSAY_REQUIRE_VECTORS();
    // Wycheproof json_web_signature_test.json tcIds 14 (rejectsExtraEmptyComponent) and 15 (rejectsExtraComponent).
    const QJsonObject file =
        assay::test::readVectorJson(QStringLiteral("wycheproof/testvectors_v1/json_web_signature_test.json"));
    int checked = 0;
    for (const QJsonValue group : file.value(QStringLiteral("testGroups")).toArray()) {
        for (const QJsonValue test : group.toObject().value(QStringLiteral("tests")).toArray()) {
            const int tcId = test.toObject().value(QStringLiteral("tcId")).toInt();
            if (tcId != 14 && tcId != 15)
                continue;
            auto t = parseToken(test.toObject().value(QStringLiteral("jws")).toString().toUtf8());
            QVERIFY(!t.has_value());
            QCOMPARE(t.error().code, ErrorCode::TokenStructure);
            QVERIFY(t.error().message.contains(QStringLiteral("4 parts")));
            ++checked;
        }
    }
    QCOMPARE(checked, 2);

    // Issue 2: "a broken payload never hides a good header". A '+' at payload offset 5 (A20).
    QByteArray payload = kPayload;
    payload.insert(5, '+');
    auto t = parseToken(kHeader + '.' + payload + '.' + kSignature);
    QVERIFY(t.has_value());
    QCOMPARE(memberString(t->header(), u"alg"), QStringLiteral("HS256"));
    QVERIFY(!t->signatures.front().headerError);
    QVERIFY(t->payload.error.has_value());
    QCOMPARE(t->payload.error->code, ErrorCode::Base64UrlInvalidChar);
    QCOMPARE(t->payload.error->segment, Segment::Payload);
    QCOMPARE(t->payload.error->offset, qsizetype(5));
    QCOMPARE(t->payload.offset, qsizetype(37));
    QCOMPARE(t->payload.raw, payload);
    QVERIFY(!t->payloadJson);
    QCOMPARE(t->signatures.front().signature.bytes.size(), 32);
    QCOMPARE(t->diagnostics.size(), 1);
    QCOMPARE(t->diagnostics.front().code, ErrorCode::Base64UrlInvalidChar);
}

void TestTokenParser::base64Errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("segment");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("errorOffset");
    QTest::addColumn<int>("segmentOffset");
    // ATTACKS A20: jwtio:HS256 with '=' appended to the signature, '-'/'_' replaced by '+'/'/', and the last
    // signature character changed so only unused bits differ. Offsets are within the segment; the segment's own
    // offset locates it in the token (absolute = segment offset + error offset).
    const int sigStart = int(kHeader.size() + 1 + kPayload.size() + 1);
    QTest::newRow("signature padding") << kToken + '=' << int(Segment::Signature) << int(ErrorCode::Base64UrlPadding)
                                       << 43 << sigStart;
    QTest::newRow("signature '+' for '-'") << QByteArray(kToken).replace('-', '+') << int(Segment::Signature)
                                           << int(ErrorCode::Base64UrlInvalidChar) << 38 << sigStart;
    QTest::newRow("signature non-canonical last char")
        << kToken.left(kToken.size() - 1) + '1' << int(Segment::Signature) << int(ErrorCode::Base64UrlNonCanonical)
        << 42 << sigStart;
    QTest::newRow("header '/'") << QByteArray(kToken).replace(3, 1, "/") << int(Segment::Header)
                                << int(ErrorCode::Base64UrlInvalidChar) << 3 << 0;
    QTest::newRow("payload space") << QByteArray(kToken).insert(37 + 10, ' ') << int(Segment::Payload)
                                   << int(ErrorCode::Base64UrlInvalidChar) << 10 << 37;
    // kPayload is 91 characters; its first 89 have a length of 4n+1, reported at the last character.
    QTest::newRow("payload length 4n+1") << kHeader + '.' + kPayload.left(89) + '.' + kSignature
                                         << int(Segment::Payload) << int(ErrorCode::Base64UrlBadLength) << 88 << 37;
}

void TestTokenParser::base64Errors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, segment);
    QFETCH(int, code);
    QFETCH(int, errorOffset);
    QFETCH(int, segmentOffset);
    auto t = parseToken(text);
    QVERIFY(t.has_value());
    const DecodedSegment& s = Segment(segment) == Segment::Header    ? t->signatures.front().protectedHeader
                              : Segment(segment) == Segment::Payload ? t->payload
                                                                     : t->signatures.front().signature;
    QVERIFY(s.error.has_value());
    QCOMPARE(int(s.error->code), code);
    QCOMPARE(int(s.error->segment), segment);
    QCOMPARE(s.error->offset, qsizetype(errorOffset));
    QCOMPARE(s.offset, qsizetype(segmentOffset));
    QVERIFY(s.bytes.isEmpty());
    QCOMPARE(s.raw, text.mid(segmentOffset, s.raw.size()));
    QCOMPARE(t->diagnostics.size(), 1);
    QCOMPARE(int(t->diagnostics.front().code), code);
}

void TestTokenParser::headerProblems_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("headerKept");
    QTest::addColumn<int>("code"); // -1: no diagnostic
    // ATTACKS A22: duplicates (also after unescaping), BOM, not an object; semantic checks are the verifier's.
    QTest::newRow("alg as array still parses") << compact("{\"alg\":[\"HS256\"]}", "{}") << true << -1;
    QTest::newRow("duplicate alg") << compact("{\"alg\":\"HS256\",\"alg\":\"none\"}", "{}") << true
                                   << int(ErrorCode::JsonDuplicateMember);
    QTest::newRow("duplicate after unescaping")
        << compact("{\"alg\":\"none\",\"\\u0061lg\":\"HS256\"}", "{}") << true << int(ErrorCode::JsonDuplicateMember);
    QTest::newRow("Alg and alg are different") << compact("{\"Alg\":\"none\",\"alg\":\"HS256\"}", "{}") << true << -1;
    QTest::newRow("BOM before the header")
        << compact("\xEF\xBB\xBF{\"alg\":\"HS256\"}", "{}") << false << int(ErrorCode::JsonBom);
    QTest::newRow("header is an array") << compact("[]", "{}") << false << int(ErrorCode::JsonNotObject);
    QTest::newRow("header is a string") << compact("\"HS256\"", "{}") << false << int(ErrorCode::JsonNotObject);
    QTest::newRow("header syntax error") << compact("{\"alg\":\"HS256\",}", "{}") << false
                                         << int(ErrorCode::JsonSyntax);
    QTest::newRow("header 100,000 '['") << compact(QByteArray(100000, '['), "{}") << false
                                        << int(ErrorCode::JsonTooDeep);
    QTest::newRow("empty header part") << QByteArray(".") + b64("{}") + '.' + kSignature << false
                                       << int(ErrorCode::TokenStructure);
    // RFC 7797 section 3: b64 is a boolean; otherwise reported and the payload is treated as base64url.
    QTest::newRow("b64 as string") << compact("{\"alg\":\"HS256\",\"b64\":\"false\"}", "{}") << true
                                   << int(ErrorCode::B64Invalid);
}

void TestTokenParser::headerProblems()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, headerKept);
    QFETCH(int, code);
    QElapsedTimer timer;
    timer.start();
    auto t = parseToken(text);
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(t.has_value());
    QCOMPARE(t->form, TokenForm::CompactJws);
    QCOMPARE(t->header() != nullptr, headerKept);
    QCOMPARE(t->signatures.front().headerError.has_value(), !headerKept);
    if (!headerKept)
        QCOMPARE(int(t->signatures.front().headerError->code), code);
    if (code < 0) {
        QVERIFY(t->diagnostics.isEmpty());
    } else {
        QCOMPARE(t->diagnostics.size(), 1);
        QCOMPARE(int(t->diagnostics.front().code), code);
        QCOMPARE(t->diagnostics.front().segment, Segment::Header);
    }
    // The payload decodes regardless of the header's problems.
    QCOMPARE(t->payload.bytes, QByteArray("{}"));
    QVERIFY(!t->payloadUnencoded);
}

void TestTokenParser::payloadProblems_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("jsonError");  // -1: the payload is JSON
    QTest::addColumn<int>("diagnostic"); // -1: none
    // ATTACKS A22: invalid UTF-8 C3 28 is not JSON; not meant to be JSON, so no diagnostic.
    QTest::newRow("C3 28") << QByteArray("\xC3\x28") << int(ErrorCode::Utf8Invalid) << -1;
    QTest::newRow("plain text") << QByteArray("hello") << int(ErrorCode::JsonSyntax) << -1;
    QTest::newRow("broken JSON object") << QByteArray("{\"sub\":\"a\",}") << int(ErrorCode::JsonSyntax)
                                        << int(ErrorCode::JsonSyntax);
    QTest::newRow("invalid UTF-8 in a JSON object")
        << QByteArray("{\"sub\":\"\xC3\x28\"}") << int(ErrorCode::Utf8Invalid) << int(ErrorCode::Utf8Invalid);
    QTest::newRow("duplicate sub") << QByteArray("{\"sub\":\"user\",\"sub\":\"admin\"}") << -1
                                   << int(ErrorCode::JsonDuplicateMember);
    QTest::newRow("array payload is JSON") << QByteArray("[]") << -1 << -1;
}

void TestTokenParser::payloadProblems()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, jsonError);
    QFETCH(int, diagnostic);
    auto t = parseToken(compact("{\"alg\":\"HS256\"}", payload));
    QVERIFY(t.has_value());
    QVERIFY(t->header());
    QCOMPARE(t->payload.bytes, payload);
    QVERIFY(!t->payload.error);
    QCOMPARE(t->payloadJson.has_value(), jsonError < 0);
    QCOMPARE(t->payloadJsonError.has_value(), jsonError >= 0);
    if (jsonError >= 0) {
        QCOMPARE(int(t->payloadJsonError->code), jsonError);
        QCOMPARE(t->payloadJsonError->segment, Segment::Payload);
    }
    if (diagnostic < 0) {
        QVERIFY(t->diagnostics.isEmpty());
    } else {
        QCOMPARE(t->diagnostics.size(), 1);
        QCOMPARE(int(t->diagnostics.front().code), diagnostic);
        QCOMPARE(t->diagnostics.front().segment, Segment::Payload);
    }
    if (payload.startsWith("{\"sub\":\"user\""))
        QCOMPARE(t->payloadJson->members().size(), 2); // both shown (A22)
}

void TestTokenParser::jsonSerializationRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("code");
    const QByteArray p = "\"protected\":\"" + kHeader + "\"";
    const QByteArray s = "\"signature\":\"" + kSignature + "\"";
    QTest::newRow("duplicate payload") << "{\"payload\":\"e30\",\"payload\":\"" + kPayload + "\"," + p + "," + s + "}"
                                       << int(ErrorCode::JsonDuplicateMember);
    QTest::newRow("duplicate in a signature object")
        << "{\"payload\":\"e30\",\"signatures\":[{" + p + "," + p + "," + s + "}]}"
        << int(ErrorCode::JsonDuplicateMember);
    QTest::newRow("duplicate in an unprotected header")
        << "{\"payload\":\"e30\"," + p + ",\"header\":{\"kid\":\"a\",\"kid\":\"b\"}," + s + "}"
        << int(ErrorCode::JsonDuplicateMember);
    QTest::newRow("no signature") << "{\"payload\":\"e30\"," + p + "}" << int(ErrorCode::UnknownForm);
    QTest::newRow("JWE JSON") << QByteArray(
                                     "{\"protected\":\"e30\",\"ciphertext\":\"AA\",\"iv\":\"AA\",\"tag\":\"AA\"}")
                              << int(ErrorCode::UnknownForm);
    QTest::newRow("signatures beside signature")
        << "{\"payload\":\"e30\"," + s + ",\"signatures\":[{" + p + "," + s + "}]}" << int(ErrorCode::TokenStructure);
    QTest::newRow("signatures not an array")
        << "{\"payload\":\"e30\",\"signatures\":{" + p + "," + s + "}}" << int(ErrorCode::TokenStructure);
    QTest::newRow("signatures empty") << QByteArray("{\"payload\":\"e30\",\"signatures\":[]}")
                                      << int(ErrorCode::TokenStructure);
    QTest::newRow("payload not a string") << "{\"payload\":{}," + p + "," + s + "}" << int(ErrorCode::TokenStructure);
    QTest::newRow("header not an object")
        << "{\"payload\":\"e30\",\"header\":\"x\"," + s + "}" << int(ErrorCode::TokenStructure);
    QTest::newRow("neither protected nor header")
        << "{\"payload\":\"e30\"," + s + "}" << int(ErrorCode::TokenStructure);
    QTest::newRow("signature not a string")
        << "{\"payload\":\"e30\"," + p + ",\"signature\":1}" << int(ErrorCode::TokenStructure);
    QTest::newRow("not an object") << QByteArray("{}") << int(ErrorCode::UnknownForm);
    // Wycheproof json_web_signature_test.json tcId 17 (rejectsValidJsonSerialization) as stored: its closing "]}"
    // is missing, so it is not even JSON.
    QTest::newRow("Wycheproof tcId 17") << QByteArray("{\"payload\":\"Zm9v\",\"signatures\":[{\"protected\":"
                                                      "\"eyJhbGciOiJIUzI1NiIsImtpZCI6ImtpZC1hZXMtc2lnbiJ9\","
                                                      "\"header\":{\"unknown\":\"untrustworthy\"},\"signature\":"
                                                      "\"TD37p4c_0jmreSrBSDmE0F3mYSPtkZ3WrSyI5wb_KTg\"}")
                                        << int(ErrorCode::JsonSyntax);
    // ATTACKS A24: at most 16 signatures by default.
    QByteArray many = "{\"payload\":\"e30\",\"signatures\":[";
    for (int i = 0; i < 17; ++i)
        many += (i ? "," : "") + ("{" + p + "," + s + "}");
    QTest::newRow("17 signatures") << many + "]}" << int(ErrorCode::InputTooLarge);
}

void TestTokenParser::jsonSerializationRejects()
{
    QFETCH(QByteArray, text);
    QFETCH(int, code);
    auto t = parseToken(text);
    QVERIFY(!t.has_value());
    QCOMPARE(errorCodeName(ErrorCode(t.error().code)), errorCodeName(ErrorCode(code)));
}

void TestTokenParser::jsonSerializationDiagnostics()
{
    // ATTACKS A19: a flattened JWS with "kid" in both "protected" and "header" must not verify.
    const QByteArray both = "{\"payload\":\"" + kPayload + "\",\"protected\":\"" +
                            b64("{\"alg\":\"HS256\",\"kid\":\"a\"}") +
                            "\",\"header\":{\"kid\":\"b\"},\"signature\":\"" + kSignature + "\"}";
    auto t = parseToken(both);
    QVERIFY(t.has_value());
    QCOMPARE(t->form, TokenForm::JwsJsonFlattened);
    QVERIFY(hasDiagnostic(*t, ErrorCode::JsonDuplicateMember, Segment::UnprotectedHeader));

    // RFC 7797 section 3: b64 in an unprotected header is not integrity protected.
    const QByteArray unprotectedB64 = "{\"payload\":\"" + kPayload + "\",\"protected\":\"" + kHeader +
                                      "\",\"header\":{\"b64\":false},\"signature\":\"" + kSignature + "\"}";
    auto u = parseToken(unprotectedB64);
    QVERIFY(u.has_value());
    QVERIFY(hasDiagnostic(*u, ErrorCode::B64Invalid, Segment::UnprotectedHeader));
    QVERIFY(!u->payloadUnencoded);

    // A broken protected header in one signature does not stop the others (each part reports on its own).
    const QByteArray mixed = "{\"payload\":\"" + kPayload + "\",\"signatures\":[{\"protected\":\"" + kHeader +
                             "=\",\"signature\":\"" + kSignature + "\"},{\"protected\":\"" + kHeader +
                             "\",\"signature\":\"" + kSignature + "\"}]}";
    auto m = parseToken(mixed);
    QVERIFY(m.has_value());
    QCOMPARE(m->signatures.size(), 2);
    QVERIFY(m->signatures[0].protectedHeader.error.has_value());
    QCOMPARE(m->signatures[0].protectedHeader.error->offset, qsizetype(kHeader.size()));
    QVERIFY(m->signatures[0].headerError.has_value());
    QCOMPARE(memberString(&*m->signatures[1].header, u"alg"), QStringLiteral("HS256"));
    QCOMPARE(m->diagnostics.size(), 1);

    // Leading whitespace before '{' is still the JSON serialization; JWS JSON allows whitespace.
    auto w = parseToken(" \n" + both);
    QVERIFY(w.has_value());
    QCOMPARE(w->form, TokenForm::JwsJsonFlattened);
}

void TestTokenParser::manyDotsFailFast()
{
    // ATTACKS A24 (CVE-2025-27144): 10 MB of '.' fails before any splitting.
    const QByteArray dots(10 * 1024 * 1024, '.');
    QElapsedTimer timer;
    timer.start();
    auto t = parseToken(dots);
    QVERIFY(!t.has_value());
    QCOMPARE(t.error().code, ErrorCode::InputTooLarge);
    QVERIFY(timer.elapsed() < 100);

    // With the size cap raised the count of dots still rejects it without splitting.
    TokenLimits raised;
    raised.maxTokenBytes = 16 * 1024 * 1024;
    timer.restart();
    auto r = parseToken(dots, raised);
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, ErrorCode::TokenStructure);
    QVERIFY(r.error().message.contains(QStringLiteral("10485761 parts")));
    QVERIFY2(timer.elapsed() < 100, qPrintable(QString::number(timer.elapsed())));
}

void TestTokenParser::tooLarge()
{
    // ATTACKS A24: the input cap (1 MiB by default) is checked before any work.
    QByteArray big = kToken;
    big.append(1024 * 1024 + 1 - big.size(), 'A');
    auto t = parseToken(big);
    QVERIFY(!t.has_value());
    QCOMPARE(t.error().code, ErrorCode::InputTooLarge);
    QCOMPARE(t.error().segment, Segment::Input);
    // Exactly at the cap the size check passes; the long signature part is then only the verifier's problem.
    auto atCap = parseToken(big.left(1024 * 1024));
    QVERIFY(atCap.has_value());
    QCOMPARE(atCap->form, TokenForm::CompactJws);

    TokenLimits small;
    small.maxTokenBytes = kToken.size() - 1;
    auto s = parseToken(kToken, small);
    QVERIFY(!s.has_value());
    QCOMPARE(s.error().code, ErrorCode::InputTooLarge);
    small.maxTokenBytes = kToken.size();
    QVERIFY(parseToken(kToken, small).has_value());
}

void TestTokenParser::formNames()
{
    QCOMPARE(tokenFormName(TokenForm::CompactJws), QStringLiteral("compact JWS"));
    QCOMPARE(tokenFormName(TokenForm::CompactJwe), QStringLiteral("compact JWE"));
    QCOMPARE(tokenFormName(TokenForm::JwsJsonFlattened), QStringLiteral("JWS JSON serialization (flattened)"));
    QCOMPARE(tokenFormName(TokenForm::JwsJsonGeneral), QStringLiteral("JWS JSON serialization (general)"));
    QCOMPARE(tokenFormName(TokenForm::Unknown), QStringLiteral("unknown"));
}

QTEST_APPLESS_MAIN(TestTokenParser)
#include "TestTokenParser.moc"
