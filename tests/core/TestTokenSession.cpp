// SPDX-License-Identifier: Apache-2.0
// The live editing model behind the desktop window (issue 3, "Live, two-way, exact").
#include "Vectors.h"

#include "encoding/Base64Url.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsVerifier.h"
#include "session/HeaderEditing.h"
#include "session/SigningPseudoCode.h"
#include "session/TokenExport.h"
#include "session/TokenSession.h"
#include "session/TokenTemplate.h"
#include "token/ParsedToken.h"

#include <QJsonArray>
#include <QtTest>

using namespace assay;
using namespace assay::test;

namespace {

// RFC 7515 appendix A.1 (vectors: latchset-jose/rfc7515_A.1.jwsc): the header and payload contain CR LF.
const QByteArray kA1HeaderRaw = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9";
const QByteArray kA1HeaderBytes = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";

QByteArray a1Token()
{
    return readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.1.jwsc")).trimmed();
}

Key a1Key()
{
    auto key = keyFromJwk(readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.1.jwk")));
    return key ? *key : Key();
}

KeySet setOf(const Key& key)
{
    KeySet set;
    set.keys.append(key);
    return set;
}

QList<QByteArray> partsOf(const QByteArray& token)
{
    return token.split('.');
}

QByteArray decodedPayload(const QByteArray& token)
{
    auto bytes = base64url::decode(partsOf(token).value(1));
    return bytes ? *bytes : QByteArray();
}

} // namespace

class TestTokenSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsAndVerifies();
    void intakeNotesAndOffsets();
    void partsOfBrokenText();
    void partsOfJwe();
    void payloadEditKeepsHeaderBytesAndResigns();
    void payloadEditKeepsNumbersAndOrder();
    void payloadEditWithoutSigningKeyKeepsSignature();
    void invalidJsonKeepsLastGoodToken();
    void whitespaceOnlyEditChangesNothing();
    void headerEditReencodesOnlyTheHeader();
    void headerMustBeObject();
    void algorithmChangeRewritesAlgOnly();
    void algorithmChangeRefusedWhileHeaderStale();
    void algorithmNoneDropsSignature();
    void resignAfterKeyChange();
    void signingErrorKeepsSignature();
    void jsonSerializationIsNotEditable();
    void claimsAtFixedTime();
    void setHeaderAlgorithm_data();
    void setHeaderAlgorithm();
    void pseudoCode_data();
    void pseudoCode();
    void exports();
    void templates_data();
    void templates();
};

void TestTokenSession::loadsAndVerifies()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setVerificationKeys(setOf(a1Key()));
    QVERIFY(session.setTokenText(QString::fromLatin1(a1Token())).isEmpty());
    const SessionSnapshot& s = session.snapshot();
    QCOMPARE(s.form, TokenForm::CompactJws);
    QVERIFY(s.editable);
    QVERIFY(!s.parseError);
    QCOMPARE(s.algorithm, JwsAlgorithm::HS256);
    QCOMPARE(s.verification.verdict, Verdict::Valid);
    QVERIFY(s.headerIsJson);
    QVERIFY(s.payloadIsJson);
    // Pretty-printed, tokens as written: the member order of the CR LF header is kept.
    QCOMPARE(s.headerText, QByteArray("{\n  \"typ\": \"JWT\",\n  \"alg\": \"HS256\"\n}"));
    QCOMPARE(s.signingPseudoCode,
             QStringLiteral("HMACSHA256(base64UrlEncode(header) + \".\" + base64UrlEncode(payload), secret)"));
}

void TestTokenSession::intakeNotesAndOffsets()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    const QStringList notes = session.setTokenText(QStringLiteral("Bearer ") + QString::fromLatin1(a1Token()));
    QCOMPARE(notes, QStringList{QStringLiteral("removed the \"Bearer\" prefix")});
    const SessionSnapshot& s = session.snapshot();
    QCOMPARE(s.token, a1Token());
    QCOMPARE(s.tokenOffset, 7);
    QCOMPARE(s.parts.size(), 3);
    QCOMPARE(s.parts[0].kind, Segment::Header);
    QCOMPARE(s.parts[0].offset, 7);
    QCOMPARE(s.parts[0].length, kA1HeaderRaw.size());
    QCOMPARE(s.parts[1].kind, Segment::Payload);
    QCOMPARE(s.parts[1].offset, 7 + kA1HeaderRaw.size() + 1);
    QCOMPARE(s.parts[2].kind, Segment::Signature);
    QCOMPARE(s.parts[2].offset + s.parts[2].length, s.input.size());
    // No key: decoded, never "verified".
    QCOMPARE(s.verification.verdict, Verdict::Unverified);
}

void TestTokenSession::partsOfBrokenText()
{
    TokenSession session;
    // Two parts only (the user is still typing): not a token yet, but each part is coloured and checked.
    session.setTokenText(u"eyJhbGciOiJIUzI1NiJ9.ey*J9");
    const SessionSnapshot& s = session.snapshot();
    QVERIFY(s.parseError);
    QCOMPARE(s.verification.verdict, Verdict::Malformed);
    QCOMPARE(s.parts.size(), 2);
    QVERIFY(!s.parts[0].error);
    QVERIFY(s.parts[1].error);
    QCOMPARE(s.parts[1].error->code, ErrorCode::Base64UrlInvalidChar);
    QCOMPARE(s.parts[1].offset + s.parts[1].error->offset, 23);

    // A complete token with a bad character in the payload: the part's error offset is inside the part.
    session.setTokenText(u"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0!.c2ln");
    const SessionSnapshot& t = session.snapshot();
    QVERIFY(!t.parseError);
    QCOMPARE(t.parts.size(), 3);
    QVERIFY(t.parts[1].error);
    QCOMPARE(t.parts[1].offset + t.parts[1].error->offset, 36);
    QCOMPARE(t.verification.verdict, Verdict::Malformed);

    session.setTokenText(u"");
    QVERIFY(session.snapshot().parts.isEmpty());
    QCOMPARE(session.snapshot().parseError->code, ErrorCode::InputEmpty);
}

void TestTokenSession::partsOfJwe()
{
    ASSAY_REQUIRE_VECTORS();
    // RFC 7516 appendix A.1 (vectors: rfc-transcribed/rfc7516_appendix_A_jwe.json).
    const QJsonObject v = readVectorJson(QStringLiteral("rfc-transcribed/rfc7516_appendix_A_jwe.json"));
    const QByteArray compact = v.value(QStringLiteral("vectors"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("compact"))
                                   .toString()
                                   .toLatin1();
    QCOMPARE(compact.count('.'), 4);
    TokenSession session;
    session.setTokenText(QString::fromLatin1(compact));
    const SessionSnapshot& s = session.snapshot();
    QCOMPARE(s.form, TokenForm::CompactJwe);
    QVERIFY(!s.editable);
    QCOMPARE(s.parts.size(), 5);
    const Segment kinds[] = {Segment::Header, Segment::EncryptedKey, Segment::InitializationVector, Segment::Ciphertext,
                             Segment::AuthenticationTag};
    for (int i = 0; i < 5; ++i)
        QCOMPARE(s.parts[i].kind, kinds[i]);
    QVERIFY(s.claimsError);
    QVERIFY(!session.editPayload("{}"));
}

void TestTokenSession::payloadEditKeepsHeaderBytesAndResigns()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setSigningKey(a1Key());
    session.setTokenText(QString::fromLatin1(a1Token()));
    QVERIFY(session.editPayload("{\n  \"iss\": \"ann\",\n  \"exp\": 1300819380\n}"));

    const QByteArray token = session.token();
    // The header segment is byte-for-byte the RFC's (with its CR LF), only the payload was re-encoded.
    QCOMPARE(partsOf(token).value(0), kA1HeaderRaw);
    QCOMPARE(decodedPayload(token), QByteArray(R"({"iss":"ann","exp":1300819380})"));
    QVERIFY(partsOf(token).value(2) != partsOf(a1Token()).value(2));
    QVERIFY(!session.snapshot().signatureOutdated);
    QVERIFY(!session.snapshot().stale());

    // Re-signed: the core verifier, run on its own, says VALID.
    auto parsed = parseToken(token);
    QVERIFY(parsed);
    QCOMPARE(verifyJws(*parsed, setOf(a1Key())).verdict, Verdict::Valid);
    QCOMPARE(session.snapshot().verification.verdict, Verdict::Valid);
    QCOMPARE(session.snapshot().input, token);
}

void TestTokenSession::payloadEditKeepsNumbersAndOrder()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setSigningKey(a1Key());
    session.setTokenText(QString::fromLatin1(a1Token()));
    // Numbers as typed (3.0, 1e3, a 30-digit integer), member order as typed, escapes as typed.
    const QByteArray edited =
        "{ \"z\": 3.0,\n \"a\": 1e3, \"big\": 123456789012345678901234567890, \"s\": \"\\u0041\" }";
    QVERIFY(session.editPayload(edited));
    QCOMPARE(decodedPayload(session.token()),
             QByteArray(R"({"z":3.0,"a":1e3,"big":123456789012345678901234567890,"s":"\u0041"})"));
    QCOMPARE(
        session.snapshot().payloadText,
        QByteArray(
            "{\n  \"z\": 3.0,\n  \"a\": 1e3,\n  \"big\": 123456789012345678901234567890,\n  \"s\": \"\\u0041\"\n}"));
}

void TestTokenSession::payloadEditWithoutSigningKeyKeepsSignature()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setVerificationKeys(setOf(a1Key()));
    session.setTokenText(QString::fromLatin1(a1Token()));
    QCOMPARE(session.snapshot().verification.verdict, Verdict::Valid);

    QVERIFY(session.editPayload(R"({"iss":"mallory"})"));
    const QByteArray token = session.token();
    QCOMPARE(partsOf(token).value(0), kA1HeaderRaw);
    QCOMPARE(partsOf(token).value(2), partsOf(a1Token()).value(2)); // the old signature, not a blank
    QVERIFY(session.snapshot().signatureOutdated);
    QCOMPARE(session.snapshot().verification.verdict, Verdict::Invalid);
    QCOMPARE(session.snapshot().verification.error->code, ErrorCode::SignatureMismatch);
}

void TestTokenSession::invalidJsonKeepsLastGoodToken()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setSigningKey(a1Key());
    session.setTokenText(QString::fromLatin1(a1Token()));
    const QByteArray before = session.token();

    auto result = session.editPayload("{\n  \"iss\": \"joe\",\n  \"exp\": 13008,\n}");
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::JsonSyntax);
    QCOMPARE(result.error().segment, Segment::Payload);
    // The core points at the trailing comma itself.
    QCOMPARE(result.error().line, 3);
    QCOMPARE(result.error().column, 15);
    QCOMPARE(session.token(), before);
    QVERIFY(session.snapshot().stale());
    QCOMPARE(session.snapshot().payloadEditError->line, 3);
    QCOMPARE(session.snapshot().verification.verdict, Verdict::Valid);

    // The next good edit clears the stale mark.
    QVERIFY(session.editPayload(R"({"iss":"joe"})"));
    QVERIFY(!session.snapshot().stale());
    QVERIFY(session.token() != before);
}

void TestTokenSession::whitespaceOnlyEditChangesNothing()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setSigningKey(a1Key());
    session.setTokenText(QString::fromLatin1(a1Token()));
    QVERIFY(session.editHeader("{\"typ\":\"JWT\",      \"alg\":\"HS256\"}"));
    QVERIFY(session.editPayload(session.snapshot().payloadText + "\n\n"));
    QCOMPARE(session.token(), a1Token());
    QVERIFY(!session.snapshot().signatureOutdated);
}

void TestTokenSession::headerEditReencodesOnlyTheHeader()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setSigningKey(a1Key());
    session.setTokenText(QString::fromLatin1(a1Token()));
    QVERIFY(session.editHeader("{\n  \"alg\": \"HS256\",\n  \"kid\": \"k1\"\n}"));
    const QByteArray token = session.token();
    QCOMPARE(base64url::decode(partsOf(token).value(0)).value_or(QByteArray()),
             QByteArray(R"({"alg":"HS256","kid":"k1"})"));
    // The payload keeps the RFC's exact segment, CR LF included.
    QCOMPARE(partsOf(token).value(1), partsOf(a1Token()).value(1));
    QCOMPARE(session.snapshot().verification.verdict, Verdict::Valid);
}

void TestTokenSession::headerMustBeObject()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setTokenText(QString::fromLatin1(a1Token()));
    auto result = session.editHeader("[1, 2]");
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::JsonNotObject);
    QCOMPARE(result.error().line, 1);
    QVERIFY(session.snapshot().headerEditError);
    QCOMPARE(session.token(), a1Token());
}

void TestTokenSession::algorithmChangeRewritesAlgOnly()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setSigningKey(a1Key());
    session.setTokenText(QString::fromLatin1(a1Token()));
    QVERIFY(session.setAlgorithm(JwsAlgorithm::HS512));
    const QByteArray token = session.token();
    // Only the alg value changed: the CR LF and the member order are still there.
    QCOMPARE(base64url::decode(partsOf(token).value(0)).value_or(QByteArray()),
             QByteArray("{\"typ\":\"JWT\",\r\n \"alg\":\"HS512\"}"));
    QCOMPARE(partsOf(token).value(1), partsOf(a1Token()).value(1));
    QCOMPARE(session.snapshot().algorithm, JwsAlgorithm::HS512);
    QCOMPARE(base64url::decode(partsOf(token).value(2)).value_or(QByteArray()).size(), 64);
    auto parsed = parseToken(token);
    QVERIFY(parsed);
    QCOMPARE(verifyJws(*parsed, setOf(a1Key())).verdict, Verdict::Valid);
    QVERIFY(session.snapshot().signingPseudoCode.startsWith(QStringLiteral("HMACSHA512(")));
}

void TestTokenSession::algorithmChangeRefusedWhileHeaderStale()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setSigningKey(a1Key());
    session.setTokenText(QString::fromLatin1(a1Token()));
    QVERIFY(!session.editHeader("{\"alg\": "));
    auto result = session.setAlgorithm(JwsAlgorithm::HS384);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Usage);
    QCOMPARE(session.token(), a1Token());
}

void TestTokenSession::algorithmNoneDropsSignature()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setTokenText(QString::fromLatin1(a1Token()));
    QVERIFY(session.setAlgorithm(JwsAlgorithm::None));
    QVERIFY(session.token().endsWith('.'));
    QCOMPARE(session.snapshot().verification.verdict, Verdict::Unsigned);
    QVERIFY(!session.snapshot().signatureOutdated);
}

void TestTokenSession::resignAfterKeyChange()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setTokenText(QString::fromLatin1(a1Token()));
    QCOMPARE(session.resign().error().code, ErrorCode::KeyNotFound);

    auto other = keyFromSecret("another secret that is long enough for HS256", SecretEncoding::Utf8);
    QVERIFY(other);
    session.setSigningKey(*other);
    // Setting a key verifies with it; it never re-signs by itself.
    QCOMPARE(session.token(), a1Token());
    QCOMPARE(session.snapshot().verification.verdict, Verdict::Invalid);
    QVERIFY(session.resign());
    QCOMPARE(partsOf(session.token()).value(0), kA1HeaderRaw);
    QCOMPARE(session.snapshot().verification.verdict, Verdict::Valid);
}

void TestTokenSession::signingErrorKeepsSignature()
{
    ASSAY_REQUIRE_VECTORS();
    auto ec = keyFromJwk(readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.3.jwk")));
    QVERIFY(ec);
    TokenSession session;
    session.setSigningKey(*ec);
    session.setTokenText(QString::fromLatin1(a1Token()));
    // An EC key may not sign HS256 (the key decides): the edit applies, the signature stays and says why.
    QVERIFY(session.editPayload(R"({"iss":"joe"})"));
    QCOMPARE(partsOf(session.token()).value(2), partsOf(a1Token()).value(2));
    QVERIFY(session.snapshot().signatureOutdated);
    QVERIFY(session.snapshot().signingError);
    QCOMPARE(session.snapshot().signingError->code, ErrorCode::AlgNotAllowedForKey);
    // Moving to the algorithm the key allows re-signs.
    QVERIFY(session.setAlgorithm(JwsAlgorithm::ES256));
    QVERIFY(!session.snapshot().signingError);
    QVERIFY(!session.snapshot().signatureOutdated);
    QCOMPARE(session.snapshot().verification.verdict, Verdict::Valid);
    QVERIFY(session.snapshot().signingPseudoCode.startsWith(QStringLiteral("ECDSASHA256(")));
}

void TestTokenSession::jsonSerializationIsNotEditable()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setTokenText(QString::fromUtf8(readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.7.jwsf"))));
    QCOMPARE(session.snapshot().form, TokenForm::JwsJsonFlattened);
    QVERIFY(!session.snapshot().editable);
    QVERIFY(session.snapshot().parts.isEmpty());
    auto result = session.editPayload("{}");
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Usage);
}

void TestTokenSession::claimsAtFixedTime()
{
    ASSAY_REQUIRE_VECTORS();
    TokenSession session;
    session.setTokenText(QString::fromLatin1(a1Token()));
    // exp 1300819380 is 2011-03-22T18:43:00Z.
    session.setEvaluationTime(1300819380LL * 1000 - 60'000);
    QVERIFY(session.snapshot().claims);
    QVERIFY(session.snapshot().claims->ok());
    session.setEvaluationTime(1300819380LL * 1000 + 60'000);
    QCOMPARE(session.snapshot().claims->result(u"exp")->code, ErrorCode::ClaimExpired);

    ClaimExpectations expectations;
    expectations.leewaySeconds = 120;
    expectations.issuer = QStringLiteral("joe");
    session.setExpectations(expectations);
    QVERIFY(session.snapshot().claims->ok());
    QCOMPARE(session.snapshot().claims->result(u"iss")->status, ClaimStatus::Pass);

    // "now" comes from the injected clock.
    session.setEvaluationTime(std::nullopt);
    session.setClock([] { return qint64(0); });
    QCOMPARE(session.snapshot().evaluationTimeMSecs, 0);
    QVERIFY(session.snapshot().claims->ok());
}

void TestTokenSession::setHeaderAlgorithm_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("replace, CR LF kept") << kA1HeaderBytes << QByteArray("{\"typ\":\"JWT\",\r\n \"alg\":\"RS256\"}");
    QTest::newRow("insert first") << QByteArray(R"({"typ":"JWT"})") << QByteArray(R"({"alg":"RS256","typ":"JWT"})");
    QTest::newRow("insert into empty") << QByteArray(" { } ") << QByteArray(R"( {"alg":"RS256" } )");
    QTest::newRow("non-string alg replaced")
        << QByteArray(R"({"alg": 5, "x": [1]})") << QByteArray(R"({"alg": "RS256", "x": [1]})");
    QTest::newRow("escaped name") << QByteArray(R"({"\u0061lg":"HS256"})") << QByteArray(R"({"\u0061lg":"RS256"})");
    QTest::newRow("duplicate: last one") << QByteArray(R"({"alg":"HS256","alg":"none"})")
                                         << QByteArray(R"({"alg":"HS256","alg":"RS256"})");
}

void TestTokenSession::setHeaderAlgorithm()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, expected);
    auto result = assay::setHeaderAlgorithm(header, JwsAlgorithm::RS256);
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    QCOMPARE(*result, expected);
    QVERIFY(!assay::setHeaderAlgorithm("[]", JwsAlgorithm::RS256));
    QVERIFY(!assay::setHeaderAlgorithm("{", JwsAlgorithm::RS256));
}

void TestTokenSession::pseudoCode_data()
{
    QTest::addColumn<JwsAlgorithm>("alg");
    QTest::addColumn<bool>("unencoded");
    QTest::addColumn<QString>("expected");
    const QString input = QStringLiteral(R"(base64UrlEncode(header) + "." + base64UrlEncode(payload))");
    const QString keys = QStringLiteral("publicKey, privateKey");
    QTest::newRow("HS256") << JwsAlgorithm::HS256 << false << QStringLiteral("HMACSHA256(%1, secret)").arg(input);
    QTest::newRow("HS512") << JwsAlgorithm::HS512 << false << QStringLiteral("HMACSHA512(%1, secret)").arg(input);
    QTest::newRow("RS256") << JwsAlgorithm::RS256 << false << QStringLiteral("RSASHA256(%1, %2)").arg(input, keys);
    QTest::newRow("PS384") << JwsAlgorithm::PS384 << false << QStringLiteral("RSAPSSSHA384(%1, %2)").arg(input, keys);
    QTest::newRow("ES256") << JwsAlgorithm::ES256 << false << QStringLiteral("ECDSASHA256(%1, %2)").arg(input, keys);
    QTest::newRow("Ed25519") << JwsAlgorithm::Ed25519 << false << QStringLiteral("Ed25519(%1, %2)").arg(input, keys);
    QTest::newRow("EdDSA") << JwsAlgorithm::EdDSA << false << QStringLiteral("EdDSA(%1, %2)").arg(input, keys);
    QTest::newRow("HS256 b64 false") << JwsAlgorithm::HS256 << true
                                     << QStringLiteral(
                                            R"(HMACSHA256(base64UrlEncode(header) + "." + payload, secret))");
}

void TestTokenSession::pseudoCode()
{
    QFETCH(JwsAlgorithm, alg);
    QFETCH(bool, unencoded);
    QFETCH(QString, expected);
    QCOMPARE(signingPseudoCode(alg, unencoded), expected);
}

void TestTokenSession::exports()
{
    QCOMPARE(authorizationHeader("a.b.c"), QStringLiteral("Authorization: Bearer a.b.c"));
    QCOMPARE(curlCommand("a.b.c", u"https://api.example.com/v1"),
             QStringLiteral("curl -H 'Authorization: Bearer a.b.c' 'https://api.example.com/v1'"));
    // A JSON serialization or a hostile URL cannot break out of the quotes.
    QCOMPARE(shellQuote(u"it's $(rm -rf /)"), QStringLiteral(R"('it'\''s $(rm -rf /)')"));
}

void TestTokenSession::templates_data()
{
    QTest::addColumn<JwsAlgorithm>("alg");
    for (JwsAlgorithm alg : {JwsAlgorithm::HS256, JwsAlgorithm::HS512, JwsAlgorithm::RS256, JwsAlgorithm::PS256,
                             JwsAlgorithm::ES256, JwsAlgorithm::ES384, JwsAlgorithm::ES512, JwsAlgorithm::ES256K,
                             JwsAlgorithm::EdDSA, JwsAlgorithm::Ed25519, JwsAlgorithm::Ed448, JwsAlgorithm::None})
        QTest::newRow(qPrintable(jwsAlgorithmName(alg))) << alg;
}

void TestTokenSession::templates()
{
    QFETCH(JwsAlgorithm, alg);
    auto made = makeTokenTemplate(alg, 1'700'000'000);
    QVERIFY2(made, made ? "" : qPrintable(made.error().toString()));
    TokenSession session;
    session.setTokenText(QString::fromLatin1(made->token));
    session.setEvaluationTime(1'700'000'000LL * 1000 + 1000);
    QCOMPARE(session.snapshot().algorithm, alg);
    QVERIFY(session.snapshot().claims->ok());
    if (alg == JwsAlgorithm::None) {
        QCOMPARE(session.snapshot().verification.verdict, Verdict::Unsigned);
        return;
    }
    QVERIFY(made->signingKey.hasPrivate());
    QCOMPARE(made->verificationKey.hasPrivate(), made->verificationKey.isSymmetric());
    session.setVerificationKeys(setOf(made->verificationKey));
    QCOMPARE(session.snapshot().verification.verdict, Verdict::Valid);
    if (!made->verificationKey.isSymmetric()) {
        // The header names the key by its RFC 7638 thumbprint.
        const auto kid = session.snapshot().parsed->header()->member(u"kid");
        QVERIFY(kid);
        QCOMPARE(*kid->toString(), *made->verificationKey.thumbprint());
    }
}

QTEST_APPLESS_MAIN(TestTokenSession)
#include "TestTokenSession.moc"
