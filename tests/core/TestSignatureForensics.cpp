// SPDX-License-Identifier: Apache-2.0
// Signature forensics (issue 5): each hypothesis has a positive case (a token made the way the mistake happens) and
// a negative case (a token where it does not hold, so it must not be reported). The mistaken tokens are built from
// published keys and tokens (jwt.io defaults, RFC 7515 appendix A via latchset-jose) with independent tools: Qt's
// own HMAC and base64, Python's PyJWT / cryptography / json (system /usr/bin/python3), and for RSA-PSS / RSA hash
// variants the core's signer (only the forensics is under test there, not the signer).
#include "Vectors.h"

#include "audit/Base64Styles.h"
#include "audit/EcdsaDerSignature.h"
#include "audit/JsonReserializer.h"
#include "audit/SignatureForensics.h"
#include "crypto/SecureBytes.h"
#include "crypto/SignatureEngine.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace assay;
using namespace assay::test;

namespace {

const QByteArray kPython = "/usr/bin/python3";

// The jwt.io default payload, as its tokens carry it (ATTACKS.md `P`).
const QByteArray kJwtIoPayloadJson = R"({"sub":"1234567890","name":"John Doe","admin":true,"iat":1516239022})";

QByteArray b64u(QByteArrayView bytes)
{
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QJsonObject jwtio(const char* name)
{
    return readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))
        .value(QStringLiteral("tokens"))
        .toObject()
        .value(QLatin1StringView(name))
        .toObject();
}

QByteArray field(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1StringView(key)).toString().toUtf8();
}

QByteArray latch(const char* name)
{
    return readVectorFile(QStringLiteral("latchset-jose/") + QLatin1StringView(name)).trimmed();
}

// Qt's own HMAC (independent of OpenSSL's EVP_MAC in the core).
QByteArray qtHmac(QCryptographicHash::Algorithm hash, const QByteArray& key, const QByteArray& input)
{
    return QMessageAuthenticationCode::hash(input, key, hash);
}

ParsedToken parse(const QByteArray& text)
{
    auto token = parseToken(text);
    if (!token)
        qFatal("test token does not parse: %s", qPrintable(token.error().toString()));
    return *token;
}

KeySet keysFrom(const QByteArray& material)
{
    auto set = loadKeys(material);
    if (!set)
        qFatal("test key does not load: %s", qPrintable(set.error().toString()));
    return *set;
}

Key keyFrom(const QByteArray& material)
{
    return keysFrom(material).keys.front();
}

KeySet setOf(const QList<Key>& keys)
{
    KeySet set;
    set.keys = keys;
    return set;
}

ForensicsReport explainWithSecret(const QByteArray& token, const QByteArray& secretText, SecretEncoding encoding)
{
    const SecureBytes secret(secretText);
    ForensicsInput input;
    input.secretText = &secret;
    input.secretEncoding = encoding;
    return explainSignatureFailure(parse(token), input);
}

ForensicsReport explainWithKeys(const QByteArray& token, const KeySet& keys, const QByteArray& keyText = {})
{
    ForensicsInput input;
    input.keys = keys;
    input.keyText = keyText;
    return explainSignatureFailure(parse(token), input);
}

QList<ForensicFinding> findingsOf(const ForensicsReport& report, ForensicHypothesis hypothesis)
{
    QList<ForensicFinding> out;
    for (const auto& f : report.findings) {
        if (f.hypothesis == hypothesis)
            out.append(f);
    }
    return out;
}

const ForensicCheck* checkOf(const ForensicsReport& report, ForensicHypothesis hypothesis)
{
    for (const auto& c : report.checks) {
        if (c.hypothesis == hypothesis)
            return &c;
    }
    return nullptr;
}

QString describe(const ForensicsReport& report)
{
    QStringList lines{forensicsOutcomeName(report.outcome) + QStringLiteral(": ") + report.summary};
    for (const auto& f : report.findings)
        lines << QStringLiteral("  finding %1: %2").arg(f.code, f.explanation);
    for (const auto& c : report.checks)
        lines << QStringLiteral("  check %1: %2 candidates, %3").arg(c.title).arg(c.candidates).arg(c.note);
    return lines.join(QLatin1Char('\n'));
}

// Invariants of every report: findings only for Confirmed checks, every hypothesis listed once, no claim of
// validity anywhere ("invalid" is fine, "valid" on its own is not).
void checkInvariants(const ForensicsReport& report)
{
    QCOMPARE(report.checks.size(), allForensicHypotheses().size());
    for (const auto& f : report.findings) {
        const ForensicCheck* c = checkOf(report, f.hypothesis);
        QVERIFY(c != nullptr);
        QCOMPARE(int(c->outcome), int(ForensicCheckOutcome::Confirmed));
        QCOMPARE(f.code, forensicCode(f.hypothesis));
        QVERIFY(!f.explanation.isEmpty());
        QVERIFY(!f.fix.isEmpty());
    }
    for (const auto& c : report.checks) {
        if (c.outcome == ForensicCheckOutcome::Confirmed)
            QVERIFY(!findingsOf(report, c.hypothesis).isEmpty());
    }
    static const QRegularExpression claimsValidity(QStringLiteral("\\bvalid\\b|\\bverified\\b(?! with real)"),
                                                   QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(!claimsValidity.match(report.summary).hasMatch(), qPrintable(report.summary));
    for (const auto& f : report.findings) {
        QVERIFY2(!claimsValidity.match(f.explanation).hasMatch(), qPrintable(f.explanation));
        QVERIFY2(!claimsValidity.match(f.fix).hasMatch(), qPrintable(f.fix));
    }
}

void expectFound(const ForensicsReport& report, ForensicHypothesis hypothesis)
{
    checkInvariants(report);
    QVERIFY2(report.outcome == ForensicsOutcome::Explained, qPrintable(describe(report)));
    QVERIFY2(!findingsOf(report, hypothesis).isEmpty(), qPrintable(describe(report)));
    QCOMPARE(int(checkOf(report, hypothesis)->outcome), int(ForensicCheckOutcome::Confirmed));
}

// Negative: the hypothesis was tried (candidates ran) and is not reported.
void expectRuledOut(const ForensicsReport& report, ForensicHypothesis hypothesis)
{
    checkInvariants(report);
    QVERIFY2(findingsOf(report, hypothesis).isEmpty(), qPrintable(describe(report)));
    const ForensicCheck* c = checkOf(report, hypothesis);
    QVERIFY(c != nullptr);
    QVERIFY2(c->outcome == ForensicCheckOutcome::RuledOut && c->candidates > 0, qPrintable(describe(report)));
}

} // namespace

class TestSignatureForensics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // Overall behaviour
    void verifyingTokenHasNothingToExplain();
    void weakKeyRefusalIsNotASignatureFailure();
    void garbageSignatureIsUnexplainedButListsTheChecks();
    void noKeyIsNotApplicable();

    // 1. Secret encoding
    void secretEncodingBase64UrlRfc7515();
    void secretEncodingBase64PyJwt();
    void secretEncodingNotDecoded();
    void secretEncodingNegative();
    // 2. Whitespace in the secret
    void secretWhitespaceAdded();
    void secretWhitespaceStrippedPyJwt();
    void secretWhitespaceNegative();
    // 3. Another key of the set
    void otherKeyPyJwtWrongKid();
    void otherKeyNegative();
    // 4. Algorithm mix-ups
    void algorithmMixup_data();
    void algorithmMixup();
    void algorithmMixupNegative();
    // 5. ECDSA in DER
    void ecdsaDerPython();
    void ecdsaDerNegative();
    // 6. Re-serialized JSON
    void jsonPrettyPrintedHeader();
    void jsonPythonDumpsPayload();
    void jsonNegativeTamperedClaim();
    void reserializerMatchesPythonJson();
    // 7. Segment encoding
    void segmentSignedOverStandardBase64();
    void segmentPaddedSignature();
    void segmentPartsWrittenInStandardBase64();
    void segmentNegative();
    // 8. Public key as HMAC secret
    void publicKeyAsHmacPyJwt();
    void publicKeyAsHmacExportedPem();
    void publicKeyAsHmacJwkJson();
    void publicKeyAsHmacNegative();

    void ecdsaDerConversionMatchesCryptography();

private:
    // Runs a Python snippet with /usr/bin/python3; QSKIPs when Python or its JOSE libraries are missing.
    QByteArray python(const QString& script, const QStringList& args = {}, const QByteArray& input = {});
    bool m_havePython = false;
};

void TestSignatureForensics::initTestCase()
{
    ASSAY_REQUIRE_VECTORS();
    QProcess probe;
    probe.start(QString::fromLatin1(kPython),
                {QStringLiteral("-c"), QStringLiteral("import jwt, cryptography, json, hmac")});
    m_havePython = probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0;
    if (!m_havePython)
        qWarning("python3 with PyJWT and cryptography not found: the Python-made cases will be skipped");
}

QByteArray TestSignatureForensics::python(const QString& script, const QStringList& args, const QByteArray& input)
{
    if (!m_havePython)
        return {};
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    p.setProcessEnvironment(env);
    p.start(QString::fromLatin1(kPython), QStringList{QStringLiteral("-c"), script} + args);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        qWarning("python failed: %s", p.readAllStandardError().constData());
        return {};
    }
    return p.readAllStandardOutput().trimmed();
}

#define REQUIRE_PYTHON()                                                                                               \
    do {                                                                                                               \
        if (!m_havePython)                                                                                             \
            QSKIP("python3 with PyJWT and cryptography is not available");                                             \
    } while (false)

// --- Overall behaviour -------------------------------------------------------------------------------------------

void TestSignatureForensics::verifyingTokenHasNothingToExplain()
{
    const QJsonObject hs = jwtio("HS256");
    auto report = explainWithSecret(field(hs, "token"), field(hs, "secret"), SecretEncoding::Utf8);
    QCOMPARE(int(report.outcome), int(ForensicsOutcome::NothingToExplain));
    QVERIFY(report.findings.isEmpty());
    checkInvariants(report);

    const QJsonObject rs = jwtio("RS256");
    report = explainWithKeys(field(rs, "token"), keysFrom(field(rs, "publicKey")));
    QCOMPARE(int(report.outcome), int(ForensicsOutcome::NothingToExplain));
    QVERIFY(report.findings.isEmpty());
    checkInvariants(report);
}

void TestSignatureForensics::weakKeyRefusalIsNotASignatureFailure()
{
    // A token signed with an 8-byte secret (Qt's HMAC): the verifier refuses the weak key (INVALID), but the
    // signature itself matches, so forensics has nothing to explain and says the failure was a rule.
    const QByteArray input = b64u(R"({"alg":"HS256"})") + '.' + b64u(kJwtIoPayloadJson);
    const QByteArray token = input + '.' + b64u(qtHmac(QCryptographicHash::Sha256, "shortkey", input));
    const SecureBytes secret(QByteArrayView("shortkey"));
    auto key = keyFromSecret(secret.view(), SecretEncoding::Utf8);
    QVERIFY(key.has_value());
    QCOMPARE(int(verifyJws(parse(token), setOf({*key})).verdict), int(Verdict::Invalid));
    const auto report = explainWithSecret(token, "shortkey", SecretEncoding::Utf8);
    QCOMPARE(int(report.outcome), int(ForensicsOutcome::NothingToExplain));
    QVERIFY(report.findings.isEmpty());
    checkInvariants(report);

    // The same for a pinned algorithm: jwt.io's RS256 token checked with --alg PS256 fails before any key is
    // chosen, and its signature matches the key as sent.
    const QJsonObject rs = jwtio("RS256");
    ForensicsInput pinned;
    pinned.keys = keysFrom(field(rs, "publicKey"));
    pinned.verifyOptions.expectedAlg = JwsAlgorithm::PS256;
    QCOMPARE(int(verifyJws(parse(field(rs, "token")), pinned.keys, pinned.verifyOptions).verdict),
             int(Verdict::Invalid));
    const auto pinnedReport = explainSignatureFailure(parse(field(rs, "token")), pinned);
    QCOMPARE(int(pinnedReport.outcome), int(ForensicsOutcome::NothingToExplain));
    QVERIFY(pinnedReport.findings.isEmpty());
}

void TestSignatureForensics::garbageSignatureIsUnexplainedButListsTheChecks()
{
    const QJsonObject rs = jwtio("RS256");
    const QByteArray token = field(rs, "token");
    const QByteArray garbage = b64u(QByteArray(256, '\x5a'));
    const QByteArray forged = token.left(token.lastIndexOf('.') + 1) + garbage;
    const auto report = explainWithKeys(forged, keysFrom(field(rs, "publicKey")));
    checkInvariants(report);
    QCOMPARE(int(report.outcome), int(ForensicsOutcome::Unexplained));
    QVERIFY(report.findings.isEmpty());
    QVERIFY(!report.explained());
    QVERIFY(report.candidatesTried > 0 && report.candidatesTried <= kForensicsMaxCandidates);
    // Every hypothesis is listed, with a title and a note; the ones that apply to an RSA key ran.
    for (const auto& c : report.checks) {
        QVERIFY(!c.title.isEmpty());
        QVERIFY2(!c.note.isEmpty(), qPrintable(c.title));
        QVERIFY(c.outcome != ForensicCheckOutcome::Confirmed);
    }
    for (ForensicHypothesis h : {ForensicHypothesis::AlgorithmMixup, ForensicHypothesis::JsonReserialized,
                                 ForensicHypothesis::SegmentEncoding})
        QCOMPARE(int(checkOf(report, h)->outcome), int(ForensicCheckOutcome::RuledOut));
    for (ForensicHypothesis h : {ForensicHypothesis::SecretEncoding, ForensicHypothesis::SecretWhitespace,
                                 ForensicHypothesis::EcdsaDer, ForensicHypothesis::PublicKeyAsHmac})
        QCOMPARE(int(checkOf(report, h)->outcome), int(ForensicCheckOutcome::NotApplicable));
}

void TestSignatureForensics::noKeyIsNotApplicable()
{
    const auto report = explainWithKeys(field(jwtio("RS256"), "token"), KeySet{});
    QCOMPARE(int(report.outcome), int(ForensicsOutcome::NotApplicable));
    QVERIFY(report.findings.isEmpty());
    QCOMPARE(report.checks.size(), allForensicHypotheses().size());
    QCOMPARE(report.candidatesTried, 0);
}

// --- 1. Secret encoding ------------------------------------------------------------------------------------------

void TestSignatureForensics::secretEncodingBase64UrlRfc7515()
{
    // RFC 7515 A.1: the HMAC key is the base64url-decoded "k". Typing k as UTF-8 text fails; base64url explains it.
    const QByteArray k =
        QJsonDocument::fromJson(latch("rfc7515_A.1.jwk")).object().value(QStringLiteral("k")).toString().toUtf8();
    const auto report = explainWithSecret(latch("rfc7515_A.1.jwsc"), k, SecretEncoding::Utf8);
    expectFound(report, ForensicHypothesis::SecretEncoding);
    const auto f = findingsOf(report, ForensicHypothesis::SecretEncoding);
    QCOMPARE(f.size(), 1);
    QCOMPARE(int(*f.front().evidence.secretEncoding), int(SecretEncoding::Base64Url));
    QCOMPARE(int(f.front().evidence.alg), int(JwsAlgorithm::HS256));
    QVERIFY(f.front().explanation.contains(QStringLiteral("base64url")));
    QVERIFY(!f.front().securityIssue);
}

void TestSignatureForensics::secretEncodingBase64PyJwt()
{
    REQUIRE_PYTHON();
    // PyJWT signing with the base64-decoded secret, the verifier given the same text as UTF-8.
    const QByteArray secretText = "EYeEIV+uBl0qXgl+i8z4qEb+nNhNue89TeeV750o+O54eQ==";
    const QByteArray token = python(QStringLiteral("import sys, base64, jwt\n"
                                                   "print(jwt.encode({'sub': 'forensics'}, "
                                                   "base64.b64decode(sys.argv[1]), algorithm='HS256'))"),
                                    {QString::fromLatin1(secretText)});
    QVERIFY(!token.isEmpty());
    const auto report = explainWithSecret(token, secretText, SecretEncoding::Utf8);
    expectFound(report, ForensicHypothesis::SecretEncoding);
    const auto f = findingsOf(report, ForensicHypothesis::SecretEncoding);
    QCOMPARE(f.size(), 1);
    QCOMPARE(int(*f.front().evidence.secretEncoding), int(SecretEncoding::Base64));
    QVERIFY(f.front().explanation.contains(QStringLiteral("base64-decoded")));
    // Nothing else explains it.
    QCOMPARE(report.findings.size(), 1);
}

void TestSignatureForensics::secretEncodingNotDecoded()
{
    // The other direction: jwt.io signs with its secret as text; the user chose base64url, which also decodes it.
    const QJsonObject hs = jwtio("HS256");
    const auto report = explainWithSecret(field(hs, "token"), field(hs, "secret"), SecretEncoding::Base64Url);
    expectFound(report, ForensicHypothesis::SecretEncoding);
    const auto f = findingsOf(report, ForensicHypothesis::SecretEncoding);
    QCOMPARE(f.size(), 1);
    QCOMPARE(int(*f.front().evidence.secretEncoding), int(SecretEncoding::Utf8));
}

void TestSignatureForensics::secretEncodingNegative()
{
    // A wrong secret that decodes in every encoding ("deadbeef" is hex, base64 and base64url): tried, not reported.
    const auto report = explainWithSecret(field(jwtio("HS256"), "token"), "deadbeefdeadbeef", SecretEncoding::Utf8);
    expectRuledOut(report, ForensicHypothesis::SecretEncoding);
    // base64 and hex (base64url decodes to the same bytes as base64, so it is not verified twice).
    QCOMPARE(checkOf(report, ForensicHypothesis::SecretEncoding)->candidates, 2);
    QCOMPARE(int(report.outcome), int(ForensicsOutcome::Unexplained));
}

// --- 2. Whitespace in the secret ---------------------------------------------------------------------------------

void TestSignatureForensics::secretWhitespaceAdded()
{
    // The signer read its secret from a file and kept the newline (Qt's HMAC signs with "secret\n").
    const QByteArray input = b64u(R"({"alg":"HS256","typ":"JWT"})") + '.' + b64u(kJwtIoPayloadJson);
    const QByteArray signer = "correct-horse-battery-staple-2024\n";
    const QByteArray token = input + '.' + b64u(qtHmac(QCryptographicHash::Sha256, signer, input));
    const auto report = explainWithSecret(token, signer.trimmed(), SecretEncoding::Utf8);
    expectFound(report, ForensicHypothesis::SecretWhitespace);
    const auto f = findingsOf(report, ForensicHypothesis::SecretWhitespace);
    QCOMPARE(f.size(), 1);
    QVERIFY2(f.front().evidence.variant.contains(QStringLiteral("newline (\\n) added")),
             qPrintable(f.front().evidence.variant));
    // The secret never appears in the report.
    QVERIFY(!describe(report).contains(QStringLiteral("correct-horse")));
}

void TestSignatureForensics::secretWhitespaceStrippedPyJwt()
{
    REQUIRE_PYTHON();
    // PyJWT signs with the clean secret; the user pasted it with a trailing CRLF.
    const QByteArray token = python(QStringLiteral("import jwt\n"
                                                   "print(jwt.encode({'sub': 'forensics'}, "
                                                   "'tr0ub4dor-and-3-more-words-to-be-long', algorithm='HS384'))"));
    QVERIFY(!token.isEmpty());
    const auto report = explainWithSecret(token, "tr0ub4dor-and-3-more-words-to-be-long\r\n", SecretEncoding::Utf8);
    expectFound(report, ForensicHypothesis::SecretWhitespace);
    const auto f = findingsOf(report, ForensicHypothesis::SecretWhitespace);
    QVERIFY(!f.isEmpty());
    QCOMPARE(int(f.front().evidence.alg), int(JwsAlgorithm::HS384));
    QVERIFY(f.front().evidence.variant.contains(QStringLiteral("removed")));
}

void TestSignatureForensics::secretWhitespaceNegative()
{
    const QJsonObject hs = jwtio("HS256");
    const auto report =
        explainWithSecret(field(hs, "token"), "a-string-secret-at-least-256-bits-lonG\n", SecretEncoding::Utf8);
    expectRuledOut(report, ForensicHypothesis::SecretWhitespace);
    // A base64 secret ignores surrounding whitespace: the check does not apply.
    const auto encoded = explainWithSecret(field(hs, "token"), "c2VjcmV0", SecretEncoding::Base64);
    QCOMPARE(int(checkOf(encoded, ForensicHypothesis::SecretWhitespace)->outcome),
             int(ForensicCheckOutcome::NotApplicable));
}

// --- 3. Another key of the set -----------------------------------------------------------------------------------

void TestSignatureForensics::otherKeyPyJwtWrongKid()
{
    REQUIRE_PYTHON();
    // PyJWT signs with jwt.io's RSA key but names kid "b", which in the JWKS is RFC 7515 A.2's key.
    const QJsonObject rs = jwtio("RS256");
    const QByteArray token =
        python(QStringLiteral("import sys, jwt\n"
                              "print(jwt.encode({'sub': 'forensics'}, sys.stdin.read(), algorithm='RS256', "
                              "headers={'kid': 'b'}))"),
               {}, field(rs, "privateKey"));
    QVERIFY(!token.isEmpty());
    const Key jwtioKey = keyFrom(field(rs, "publicKey")).withMetadata(QStringLiteral("a"), {}, {});
    const Key rfcKey = keyFrom(latch("rfc7515_A.2.jwk")).publicKey().withMetadata(QStringLiteral("b"), {}, {});
    const auto report = explainWithKeys(token, setOf({jwtioKey, rfcKey}));
    expectFound(report, ForensicHypothesis::OtherKey);
    const auto f = findingsOf(report, ForensicHypothesis::OtherKey);
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.front().evidence.keyIndex, std::optional<int>(0));
    QVERIFY(f.front().evidence.keyLabel.contains(QStringLiteral("kid \"a\"")));
    QVERIFY(f.front().evidence.keyLabel.contains(QStringLiteral("thumbprint")));
    QVERIFY2(f.front().explanation.contains(QStringLiteral("kid")), qPrintable(f.front().explanation));
}

void TestSignatureForensics::otherKeyNegative()
{
    // The token is signed by a key that is not in the set at all (RFC 7515 A.2 token, jwt.io keys in the set).
    const Key a = keyFrom(field(jwtio("RS256"), "publicKey")).withMetadata(QStringLiteral("a"), {}, {});
    const Key b = keyFrom(field(jwtio("RS256"), "publicKey")).withMetadata(QStringLiteral("b"), {}, {});
    const QByteArray token = latch("rfc7515_A.2.jwsc");
    // The A.2 header has no kid, so the verifier tries both keys and the hypothesis has nothing left to try.
    auto report = explainWithKeys(token, setOf({a, b}));
    checkInvariants(report);
    QVERIFY(findingsOf(report, ForensicHypothesis::OtherKey).isEmpty());
    // With a kid naming key "b" the verifier leaves key "a" out; forensics tries it, and it does not verify.
    const QByteArray kidToken = b64u(R"({"alg":"RS256","kid":"b"})") + token.mid(token.indexOf('.'));
    report = explainWithKeys(kidToken, setOf({a, b}));
    expectRuledOut(report, ForensicHypothesis::OtherKey);
}

// --- 4. Algorithm mix-ups ----------------------------------------------------------------------------------------

void TestSignatureForensics::algorithmMixup_data()
{
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QString>("actual");
    QTest::newRow("PS256 signed, RS256 declared") << "RS256"
                                                  << "PS256";
    QTest::newRow("PS384 signed, RS256 declared") << "RS256"
                                                  << "PS384";
    QTest::newRow("RS512 signed, RS256 declared") << "RS256"
                                                  << "RS512";
    QTest::newRow("RS256 signed, PS256 declared") << "PS256"
                                                  << "RS256";
    QTest::newRow("HS384 signed, HS256 declared") << "HS256"
                                                  << "HS384";
    QTest::newRow("ES256 signed, ES384 declared") << "ES384"
                                                  << "ES256";
    QTest::newRow("EdDSA signed, ES256 declared") << "ES256"
                                                  << "EdDSA";
}

void TestSignatureForensics::algorithmMixup()
{
    QFETCH(QString, declared);
    QFETCH(QString, actual);
    const auto actualAlg = jwsAlgorithmFromName(actual);
    QVERIFY(actualAlg.has_value());
    const QByteArray input =
        b64u(QStringLiteral(R"({"alg":"%1","typ":"JWT"})").arg(declared).toUtf8()) + '.' + b64u(kJwtIoPayloadJson);

    QByteArray signature;
    ForensicsInput in;
    const SecureBytes secret(field(jwtio("HS256"), "secret"));
    const AlgorithmFamily family = algorithmFamily(*actualAlg);
    if (family == AlgorithmFamily::Hmac) {
        signature = qtHmac(QCryptographicHash::Sha384, secret.view().toByteArray(), input);
        in.secretText = &secret;
    } else {
        const char* vector = family == AlgorithmFamily::Ecdsa   ? "ES256"
                             : family == AlgorithmFamily::EdDsa ? "Ed25519"
                                                                : "RS256";
        const Key priv = keyFrom(field(jwtio(vector), "privateKey"));
        auto sig = signature::sign(priv, *actualAlg, input);
        QVERIFY2(sig.has_value(), qPrintable(sig ? QString() : sig.error().toString()));
        signature = *sig;
        in.keys = setOf({priv.publicKey()});
    }
    const QByteArray token = input + '.' + b64u(signature);
    const auto report = explainSignatureFailure(parse(token), in);
    expectFound(report, ForensicHypothesis::AlgorithmMixup);
    const auto f = findingsOf(report, ForensicHypothesis::AlgorithmMixup);
    QCOMPARE(f.size(), 1);
    // EdDSA and Ed25519 are the same primitive: either name is the right answer.
    const QString found = jwsAlgorithmName(f.front().evidence.alg);
    QVERIFY2(found == actual || (actual == QLatin1String("EdDSA") && found == QLatin1String("Ed25519")),
             qPrintable(found));
    QVERIFY2(
        f.front().explanation.contains(QStringLiteral("signed with %1 though the header says %2").arg(found, declared)),
        qPrintable(f.front().explanation));
}

void TestSignatureForensics::algorithmMixupNegative()
{
    // jwt.io's RS256 token with another RSA key: no algorithm of that key verifies it.
    const auto report =
        explainWithKeys(field(jwtio("RS256"), "token"), setOf({keyFrom(latch("rfc7515_A.2.jwk")).publicKey()}));
    expectRuledOut(report, ForensicHypothesis::AlgorithmMixup);
    QCOMPARE(checkOf(report, ForensicHypothesis::AlgorithmMixup)->candidates, 5); // RS384 RS512 PS256 PS384 PS512
}

// --- 5. ECDSA in DER ---------------------------------------------------------------------------------------------

void TestSignatureForensics::ecdsaDerPython()
{
    REQUIRE_PYTHON();
    // Python cryptography signs ES256 and leaves the DER ECDSA-Sig-Value as the signature (the classic mistake).
    const QJsonObject es = jwtio("ES256");
    const QByteArray token =
        python(QStringLiteral("import sys, base64, json\n"
                              "from cryptography.hazmat.primitives import hashes, serialization\n"
                              "from cryptography.hazmat.primitives.asymmetric import ec\n"
                              "key = serialization.load_pem_private_key(sys.stdin.buffer.read(), None)\n"
                              "b = lambda d: base64.urlsafe_b64encode(d).rstrip(b'=').decode()\n"
                              "si = b(b'{\"alg\":\"ES256\",\"typ\":\"JWT\"}') + '.' + b(b'{\"sub\":\"forensics\"}')\n"
                              "print(si + '.' + b(key.sign(si.encode(), ec.ECDSA(hashes.SHA256()))))"),
               {}, field(es, "privateKey"));
    QVERIFY(!token.isEmpty());
    const auto report = explainWithKeys(token, keysFrom(field(es, "publicKey")));
    expectFound(report, ForensicHypothesis::EcdsaDer);
    const auto f = findingsOf(report, ForensicHypothesis::EcdsaDer);
    QCOMPARE(f.size(), 1);
    QCOMPARE(int(f.front().evidence.alg), int(JwsAlgorithm::ES256));
    QCOMPARE(int(f.front().evidence.segment), int(Segment::Signature));
    QVERIFY(f.front().fix.contains(QStringLiteral("32 bytes")));
}

void TestSignatureForensics::ecdsaDerNegative()
{
    // A DER signature by another P-256 key (RFC 7515 A.3), verified with jwt.io's: DER parses, nothing verifies.
    const Key other = keyFrom(latch("rfc7515_A.3.jwk"));
    const QByteArray input = b64u(R"({"alg":"ES256"})") + '.' + b64u(kJwtIoPayloadJson);
    auto jose = signature::sign(other, JwsAlgorithm::ES256, input);
    QVERIFY(jose.has_value());
    // DER built by hand from r||s (two positive INTEGERs in a SEQUENCE), independent of the code under test.
    const auto integer = [](QByteArray v) {
        while (v.size() > 1 && v[0] == 0 && !(v[1] & 0x80))
            v.remove(0, 1);
        if (v[0] & 0x80)
            v.prepend('\0');
        return QByteArray(1, '\x02') + char(v.size()) + v;
    };
    const QByteArray body = integer(jose->left(32)) + integer(jose->mid(32));
    const QByteArray der = QByteArray(1, '\x30') + char(body.size()) + body;
    const QByteArray token = input + '.' + b64u(der);
    auto report = explainWithKeys(token, keysFrom(field(jwtio("ES256"), "publicKey")));
    expectRuledOut(report, ForensicHypothesis::EcdsaDer);
    // The same DER with its own key does verify (the construction is right).
    report = explainWithKeys(token, setOf({other.publicKey()}));
    expectFound(report, ForensicHypothesis::EcdsaDer);
    // A JOSE r||s signature that fails is not DER at all: the check does not apply.
    const QByteArray plain = input + '.' + b64u(*jose);
    report = explainWithKeys(plain, keysFrom(field(jwtio("ES256"), "publicKey")));
    QVERIFY(findingsOf(report, ForensicHypothesis::EcdsaDer).isEmpty());
    QCOMPARE(int(checkOf(report, ForensicHypothesis::EcdsaDer)->outcome), int(ForensicCheckOutcome::NotApplicable));
}

// --- 6. Re-serialized JSON ---------------------------------------------------------------------------------------

void TestSignatureForensics::jsonPrettyPrintedHeader()
{
    // The signer signed a pretty-printed header; a proxy minified it before passing the token on.
    const QByteArray pretty = "{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}";
    const QByteArray secret = field(jwtio("HS256"), "secret");
    const QByteArray payload = b64u(kJwtIoPayloadJson);
    const QByteArray signedInput = b64u(pretty) + '.' + payload;
    const QByteArray token = b64u(R"({"alg":"HS256","typ":"JWT"})") + '.' + payload + '.' +
                             b64u(qtHmac(QCryptographicHash::Sha256, secret, signedInput));
    const auto report = explainWithSecret(token, secret, SecretEncoding::Utf8);
    expectFound(report, ForensicHypothesis::JsonReserialized);
    const auto f = findingsOf(report, ForensicHypothesis::JsonReserialized);
    QCOMPARE(f.size(), 1);
    QCOMPARE(int(f.front().evidence.segment), int(Segment::Header));
    QCOMPARE(f.front().evidence.variant, QStringLiteral("pretty-printed with 2 spaces"));
    QCOMPARE(f.front().evidence.signingInput, signedInput);
}

void TestSignatureForensics::jsonPythonDumpsPayload()
{
    REQUIRE_PYTHON();
    // Python signs json.dumps(payload) with its default ", " / ": " separators, and the token carries the compact
    // JavaScript form of the same claims.
    const QJsonObject rs = jwtio("RS256");
    const QByteArray token = python(
        QStringLiteral("import sys, base64, json\n"
                       "from cryptography.hazmat.primitives import hashes, serialization\n"
                       "from cryptography.hazmat.primitives.asymmetric import padding\n"
                       "key = serialization.load_pem_private_key(sys.stdin.buffer.read(), None)\n"
                       "b = lambda d: base64.urlsafe_b64encode(d).rstrip(b'=').decode()\n"
                       "claims = {'sub': '1234567890', 'name': 'J\\u00f6rg', 'iat': 1516239022}\n"
                       "h = b(b'{\"alg\":\"RS256\",\"typ\":\"JWT\"}')\n"
                       "signed = h + '.' + b(json.dumps(claims).encode())\n"
                       "sig = key.sign(signed.encode(), padding.PKCS1v15(), hashes.SHA256())\n"
                       "sent = h + '.' + b(json.dumps(claims, separators=(',', ':'), ensure_ascii=False).encode())\n"
                       "print(sent + '.' + b(sig))"),
        {}, field(rs, "privateKey"));
    QVERIFY(!token.isEmpty());
    const auto report = explainWithKeys(token, keysFrom(field(rs, "publicKey")));
    expectFound(report, ForensicHypothesis::JsonReserialized);
    const auto f = findingsOf(report, ForensicHypothesis::JsonReserialized);
    QCOMPARE(f.size(), 1);
    QCOMPARE(int(f.front().evidence.segment), int(Segment::Payload));
    QVERIFY2(f.front().evidence.variant.startsWith(QStringLiteral("Python json.dumps default")),
             qPrintable(f.front().evidence.variant));
}

void TestSignatureForensics::jsonNegativeTamperedClaim()
{
    // A real change of content (admin true -> false): no serialization of the altered JSON verifies.
    const QJsonObject hs = jwtio("HS256");
    QByteArray token = field(hs, "token");
    const QList<QByteArray> parts = token.split('.');
    QByteArray claims = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding);
    claims.replace("true", "false");
    token = parts[0] + '.' + b64u(claims) + '.' + parts[2];
    const auto report = explainWithSecret(token, field(hs, "secret"), SecretEncoding::Utf8);
    expectRuledOut(report, ForensicHypothesis::JsonReserialized);
    QVERIFY(report.findings.isEmpty());
}

void TestSignatureForensics::reserializerMatchesPythonJson()
{
    REQUIRE_PYTHON();
    // The serializations that claim to be Python's are byte-identical to Python's json module.
    const QByteArray json = R"({"sub":"a/b","name":"J\u00f6rg \ud83d\ude00","n":[1,2.5,{"z":null,"a":true}],"e":{}})";
    auto doc = JsonDocument::parse(json);
    QVERIFY(doc.has_value());
    const QList<JsonSerialization> ours = alternativeSerializations(*doc);
    const auto named = [&](const QString& prefix) {
        for (const auto& s : ours) {
            if (s.name.startsWith(prefix))
                return s.bytes;
        }
        return QByteArray();
    };
    const QByteArray py = python(QStringLiteral("import sys, json\n"
                                                "v = json.loads(sys.stdin.read())\n"
                                                "print(json.dumps(v))\n"
                                                "print(json.dumps(v, sort_keys=True))\n"
                                                "print(json.dumps(v, sort_keys=True, separators=(',', ':')))\n"
                                                "print(json.dumps(v, separators=(',', ':'), ensure_ascii=False))\n"
                                                "print(json.dumps(v, sort_keys=True, separators=(',', ':'), "
                                                "ensure_ascii=False))"),
                                 {}, json);
    const QList<QByteArray> lines = py.split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(named(QStringLiteral("Python json.dumps default")), lines[0]);
    QCOMPARE(named(QStringLiteral("Python json.dumps with sort_keys")), lines[1]);
    QCOMPARE(named(QStringLiteral("keys sorted, minified, \\u escapes")), lines[2]);
    QCOMPARE(named(QStringLiteral("re-encoded, minified")), lines[3]);
    QCOMPARE(named(QStringLiteral("keys sorted, minified")), lines[4]);
    // PHP's json_encode defaults: "\/" for every slash, lower-case \u escapes (surrogate pairs above U+FFFF).
    QCOMPARE(named(QStringLiteral("PHP json_encode")),
             QByteArray(R"({"sub":"a\/b","name":"J\u00f6rg \ud83d\ude00","n":[1,2.5,{"z":null,"a":true}],"e":{}})"));
    // Whitespace-only variants keep every token as written (number spelling, escapes).
    auto spaced = JsonDocument::parse("{ \"a\" : 1.0 ,\n \"b\":\"\\u00e9\" }");
    QVERIFY(spaced.has_value());
    const QList<JsonSerialization> whitespace = alternativeSerializations(*spaced);
    QVERIFY(!whitespace.isEmpty());
    QCOMPARE(whitespace.front().name, QStringLiteral("minified"));
    QCOMPARE(whitespace.front().bytes, QByteArray(R"({"a":1.0,"b":"\u00e9"})"));
}

// --- 7. Segment encoding -----------------------------------------------------------------------------------------

void TestSignatureForensics::segmentSignedOverStandardBase64()
{
    // Signed over standard padded base64 parts (Qt's toBase64), sent as base64url: the payload needs padding.
    const QByteArray header = R"({"alg":"HS256","typ":"JWT"})";
    const QByteArray secret = field(jwtio("HS256"), "secret");
    const QByteArray signedInput = header.toBase64() + '.' + kJwtIoPayloadJson.toBase64();
    QVERIFY(signedInput.contains('='));
    const QByteArray token = b64u(header) + '.' + b64u(kJwtIoPayloadJson) + '.' +
                             b64u(qtHmac(QCryptographicHash::Sha256, secret, signedInput));
    const auto report = explainWithSecret(token, secret, SecretEncoding::Utf8);
    expectFound(report, ForensicHypothesis::SegmentEncoding);
    const auto f = findingsOf(report, ForensicHypothesis::SegmentEncoding);
    QCOMPARE(f.size(), 1);
    QCOMPARE(f.front().evidence.signingInput, signedInput);
    QVERIFY(f.front().explanation.contains(QStringLiteral("re-encoded")));
}

void TestSignatureForensics::segmentPaddedSignature()
{
    // jwt.io's HS256 token with its 32-byte signature written with '=' padding: the verifier refuses the part.
    const QJsonObject hs = jwtio("HS256");
    const QByteArray token = field(hs, "token") + '=';
    const SecureBytes secret(field(hs, "secret"));
    auto key = keyFromSecret(secret.view(), SecretEncoding::Utf8);
    QVERIFY(key.has_value());
    QCOMPARE(int(verifyJws(parse(token), setOf({*key})).verdict), int(Verdict::Malformed));
    const auto report = explainWithSecret(token, field(hs, "secret"), SecretEncoding::Utf8);
    expectFound(report, ForensicHypothesis::SegmentEncoding);
    const auto f = findingsOf(report, ForensicHypothesis::SegmentEncoding);
    QCOMPARE(f.size(), 1);
    QCOMPARE(int(f.front().evidence.segment), int(Segment::Signature));
    QVERIFY(f.front().explanation.contains(QStringLiteral("'=' padding")));
}

void TestSignatureForensics::segmentPartsWrittenInStandardBase64()
{
    // The signer used a standard base64 encoder throughout: parts, signing input and signature all padded base64.
    const QByteArray header = R"({"alg":"HS256","typ":"JWT"})";
    const QByteArray secret = field(jwtio("HS256"), "secret");
    const QByteArray input = header.toBase64() + '.' + kJwtIoPayloadJson.toBase64();
    const QByteArray token = input + '.' + qtHmac(QCryptographicHash::Sha256, secret, input).toBase64();
    const auto report = explainWithSecret(token, secret, SecretEncoding::Utf8);
    expectFound(report, ForensicHypothesis::SegmentEncoding);
    const auto f = findingsOf(report, ForensicHypothesis::SegmentEncoding);
    QCOMPARE(f.size(), 1);
    QVERIFY(f.front().explanation.contains(QStringLiteral("the payload part has '=' padding")));
}

void TestSignatureForensics::segmentNegative()
{
    // A signature of the right length that no spelling of the parts produces.
    const QJsonObject hs = jwtio("HS256");
    const QByteArray token = field(hs, "token");
    const QByteArray forged = token.left(token.lastIndexOf('.') + 1) + b64u(QByteArray(32, '\x11'));
    const auto report = explainWithSecret(forged, field(hs, "secret"), SecretEncoding::Utf8);
    expectRuledOut(report, ForensicHypothesis::SegmentEncoding);
    QCOMPARE(int(report.outcome), int(ForensicsOutcome::Unexplained));
}

// --- 8. Public key as HMAC secret --------------------------------------------------------------------------------

void TestSignatureForensics::publicKeyAsHmacPyJwt()
{
    REQUIRE_PYTHON();
    // The algorithm-confusion forgery made with PyJWT's own HMAC (HMACAlgorithm.sign, bypassing prepare_key,
    // which would refuse a PEM), keyed with jwt.io's RSA public key PEM exactly as published.
    const QJsonObject rs = jwtio("RS256");
    const QByteArray pem = field(rs, "publicKey");
    const QByteArray token =
        python(QStringLiteral(
                   "import sys, base64, json\n"
                   "from jwt.algorithms import HMACAlgorithm\n"
                   "pem = sys.stdin.buffer.read()\n"
                   "b = lambda d: base64.urlsafe_b64encode(d).rstrip(b'=').decode()\n"
                   "si = b(b'{\"alg\":\"HS256\",\"typ\":\"JWT\"}') + '.' + b(b'{\"sub\":\"admin\",\"admin\":true}')\n"
                   "print(si + '.' + b(HMACAlgorithm(HMACAlgorithm.SHA256).sign(si.encode(), pem)))"),
               {}, pem);
    QVERIFY(!token.isEmpty());
    const auto report = explainWithKeys(token, keysFrom(pem), pem);
    expectFound(report, ForensicHypothesis::PublicKeyAsHmac);
    const auto f = findingsOf(report, ForensicHypothesis::PublicKeyAsHmac);
    QVERIFY(!f.isEmpty());
    QVERIFY(f.front().securityIssue);
    QVERIFY(report.hasSecurityIssue());
    QVERIFY(report.summary.startsWith(QStringLiteral("Security")));
    QCOMPARE(f.front().evidence.keyIndex, std::optional<int>(0));
    QVERIFY(f.front().explanation.contains(QStringLiteral("algorithm-confusion")));
}

void TestSignatureForensics::publicKeyAsHmacExportedPem()
{
    // Without the key text, the SPKI PEM (with and without its final newline) is rebuilt from the key: Qt's HMAC
    // keyed with the published PEM + "\n" (the file as most tools write it).
    const QJsonObject rs = jwtio("RS256");
    const QByteArray pem = field(rs, "publicKey") + '\n';
    const QByteArray input = b64u(R"({"alg":"HS512"})") + '.' + b64u(kJwtIoPayloadJson);
    const QByteArray token = input + '.' + b64u(qtHmac(QCryptographicHash::Sha512, pem, input));
    const auto report = explainWithKeys(token, keysFrom(pem));
    expectFound(report, ForensicHypothesis::PublicKeyAsHmac);
    const auto f = findingsOf(report, ForensicHypothesis::PublicKeyAsHmac);
    QVERIFY(f.front().evidence.variant.startsWith(QStringLiteral("SPKI PEM")));
    QCOMPARE(int(f.front().evidence.alg), int(JwsAlgorithm::HS512));
}

void TestSignatureForensics::publicKeyAsHmacJwkJson()
{
    // The RFC 7638 canonical JWK (required members, sorted, no whitespace), written out by the test from jwt.io's
    // JWK members, as the HMAC secret of an HS256 token.
    const QJsonObject jwk = jwtio("ES256").value(QStringLiteral("jwk")).toObject();
    const QByteArray canonical =
        QStringLiteral(R"({"crv":"%1","kty":"EC","x":"%2","y":"%3"})")
            .arg(jwk.value(QStringLiteral("crv")).toString(), jwk.value(QStringLiteral("x")).toString(),
                 jwk.value(QStringLiteral("y")).toString())
            .toUtf8();
    const QByteArray input = b64u(R"({"alg":"HS256","typ":"JWT"})") + '.' + b64u(kJwtIoPayloadJson);
    const QByteArray token = input + '.' + b64u(qtHmac(QCryptographicHash::Sha256, canonical, input));
    const auto report = explainWithKeys(token, keysFrom(field(jwtio("ES256"), "publicKey")));
    expectFound(report, ForensicHypothesis::PublicKeyAsHmac);
    QVERIFY(findingsOf(report, ForensicHypothesis::PublicKeyAsHmac)
                .front()
                .evidence.variant.contains(QStringLiteral("JWK")));
}

void TestSignatureForensics::publicKeyAsHmacNegative()
{
    // jwt.io's HS256 token is keyed with its string secret, not with any form of the RSA public key.
    const auto report = explainWithKeys(field(jwtio("HS256"), "token"), keysFrom(field(jwtio("RS256"), "publicKey")),
                                        field(jwtio("RS256"), "publicKey"));
    expectRuledOut(report, ForensicHypothesis::PublicKeyAsHmac);
    QVERIFY(!report.hasSecurityIssue());
    QVERIFY(checkOf(report, ForensicHypothesis::PublicKeyAsHmac)->candidates >= 8);
}

void TestSignatureForensics::ecdsaDerConversionMatchesCryptography()
{
    REQUIRE_PYTHON();
    // ecdsaDerToJose() against Python cryptography's decode_dss_signature, for a P-521 signature (66-byte halves,
    // where r or s often has fewer bytes and must be left-padded).
    const QByteArray out = python(QStringLiteral(
        "import base64\n"
        "from cryptography.hazmat.primitives import hashes\n"
        "from cryptography.hazmat.primitives.asymmetric import ec, utils\n"
        "k = ec.generate_private_key(ec.SECP521R1())\n"
        "for i in range(8):\n"
        "    der = k.sign(b'msg%d' % i, ec.ECDSA(hashes.SHA512()))\n"
        "    r, s = utils.decode_dss_signature(der)\n"
        "    print(base64.b64encode(der).decode(), (r.to_bytes(66, 'big') + s.to_bytes(66, 'big')).hex())"));
    const QList<QByteArray> lines = out.split('\n');
    QCOMPARE(lines.size(), 8);
    for (const QByteArray& line : lines) {
        const QList<QByteArray> cols = line.split(' ');
        auto jose = ecdsaDerToJose(QByteArray::fromBase64(cols[0]), 66);
        QVERIFY(jose.has_value());
        QCOMPARE(jose->toHex(), cols[1]);
    }
    QVERIFY(!ecdsaDerToJose(QByteArray(64, '\x30'), 32).has_value());
    QVERIFY(!ecdsaDerToJose(QByteArray(), 32).has_value());
}

QTEST_GUILESS_MAIN(TestSignatureForensics)
#include "TestSignatureForensics.moc"
