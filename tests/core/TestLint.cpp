// SPDX-License-Identifier: Apache-2.0
// The lint engine (audit/LintToken.h) against every LINT item of ../shared/vectors/ATTACKS.md: per entry an input
// (published tokens from jwt.io's defaults, RFC 7515/7516/7517/7797 examples via latchset-jose and rfc-transcribed,
// the JOSE Cookbook, Wycheproof json_web_*; or the exact inputs ATTACKS.md spells out) and the finding code it must
// produce. Expected codes come from ATTACKS.md, offsets from searching the decoded JSON in the test, HMACs from Qt's
// own implementation, certificate facts from the openssl CLI (noted where used), never from the code under test.
#include "Vectors.h"

#include "audit/LintToken.h"
#include "audit/SensitiveData.h"
#include "jwk/KeyGenerator.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsSigner.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QtTest>

using namespace assay;
using namespace assay::test;

namespace {

// ATTACKS.md `P`: {"sub":"1234567890","name":"John Doe","admin":true,"iat":1516239022}
const QByteArray kP = "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0";
constexpr qint64 kNoTime = -1;
constexpr qint64 k2024 = 1704067200000; // 2024-01-01T00:00:00Z in ms

// Qt's base64url, independent of the core's encoder.
QByteArray b64(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray jws(const QByteArray& header, const QByteArray& payloadB64 = kP, const QByteArray& signature = "c2ln")
{
    return b64(header) + '.' + payloadB64 + '.' + signature;
}

QByteArray withPayload(const QByteArray& header, const QByteArray& payload)
{
    return jws(header, b64(payload));
}

// A compact JWE whose four other parts are placeholders: only the header matters to the lint.
QByteArray jwe(const QByteArray& header)
{
    return b64(header) + ".AAAA.AAAA.AAAA.AAAA";
}

QJsonObject jwtio(const QString& name)
{
    return readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))
        .value(QStringLiteral("tokens"))
        .toObject()
        .value(name)
        .toObject();
}

QByteArray jwtioToken(const QString& name)
{
    return jwtio(name).value(QStringLiteral("token")).toString().toUtf8();
}

QByteArray wycheproofJws(int tcId)
{
    const QJsonObject file = readVectorJson(QStringLiteral("wycheproof/testvectors_v1/json_web_signature_test.json"));
    for (const QJsonValue g : file.value(QStringLiteral("testGroups")).toArray()) {
        for (const QJsonValue t : g.toObject().value(QStringLiteral("tests")).toArray()) {
            if (t.toObject().value(QStringLiteral("tcId")).toInt() == tcId)
                return t.toObject().value(QStringLiteral("jws")).toString().toUtf8();
        }
    }
    return {};
}

QByteArray wycheproofJwkGroupKeys(int tcId)
{
    const QJsonObject file = readVectorJson(QStringLiteral("wycheproof/testvectors_v1/json_web_key_test.json"));
    for (const QJsonValue g : file.value(QStringLiteral("testGroups")).toArray()) {
        for (const QJsonValue t : g.toObject().value(QStringLiteral("tests")).toArray()) {
            if (t.toObject().value(QStringLiteral("tcId")).toInt() == tcId)
                return QJsonDocument(g.toObject().value(QStringLiteral("private")).toObject()).toJson();
        }
    }
    return {};
}

QStringList codeNames(const LintReport& report)
{
    QStringList names;
    for (const LintFinding& f : report.findings())
        names.append(f.codeName());
    return names;
}

LintReport lint(const QByteArray& token, qint64 nowMs = kNoTime, LintContext context = {})
{
    if (nowMs != kNoTime)
        context.evaluationTimeMSecs = nowMs;
    return lintTokenText(token, context);
}

KeySet secretKeys(const QByteArray& secret, SecretEncoding encoding = SecretEncoding::Utf8)
{
    KeySet set;
    auto key = keyFromSecret(secret, encoding);
    if (key)
        set.keys.append(*key);
    else
        qWarning("secret did not load: %s", qPrintable(key.error().toString()));
    return set;
}

// mpint / string of the SSH wire format (RFC 4251 section 5), for an independently built "ssh-rsa" line.
QByteArray sshString(const QByteArray& bytes)
{
    QByteArray out(4, '\0');
    const auto n = static_cast<quint32>(bytes.size());
    out[0] = char(n >> 24);
    out[1] = char(n >> 16);
    out[2] = char(n >> 8);
    out[3] = char(n);
    return out + bytes;
}

QByteArray sshMpint(QByteArray bytes)
{
    if (!bytes.isEmpty() && (static_cast<unsigned char>(bytes[0]) & 0x80))
        bytes.prepend('\0');
    return sshString(bytes);
}

QByteArray pemBody(const QByteArray& pem)
{
    QByteArray body;
    for (const QByteArray& line : pem.split('\n')) {
        if (!line.startsWith("-----"))
            body += line.trimmed();
    }
    return QByteArray::fromBase64(body);
}

using Codes = std::initializer_list<const char*>;

QStringList toList(Codes codes)
{
    QStringList out;
    for (const char* c : codes)
        out.append(QString::fromLatin1(c));
    return out;
}

#define EXPECT_CODE(report, name)                                                                                      \
    QVERIFY2(codeNames(report).contains(QStringLiteral(name)),                                                         \
             qPrintable(QStringLiteral("missing %1 in [%2]").arg(QStringLiteral(name), codeNames(report).join(u' '))))
#define EXPECT_NO_CODE(report, name)                                                                                   \
    QVERIFY2(                                                                                                          \
        !codeNames(report).contains(QStringLiteral(name)),                                                             \
        qPrintable(QStringLiteral("unexpected %1 in [%2]").arg(QStringLiteral(name), codeNames(report).join(u' '))))

} // namespace

class TestLint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogue();
    void catalogueCoversEveryAttacksLint();
    void findings_data();
    void findings();
    void vectorFindings_data();
    void vectorFindings();
    void cleanTokenHasNoFindings();
    void memberLocationInToken();
    void jsonSerializationLocation();
    void hmacSecretIsPublicKey_data();
    void hmacSecretIsPublicKey();
    void hmacSecretThatIsNotAKey();
    void hmacShortAndKnownSecrets();
    void knownSecretsTriedAgainstSignature_data();
    void knownSecretsTriedAgainstSignature();
    void asymmetricKeysAndKeySets();
    void sensitiveValuesAreMasked();
    void luhnAndMasks();
    void certificateChain();
    void lintTokenTextOnNonToken();
};

void TestLint::catalogue()
{
    const QList<LintRule>& rules = lintRules();
    QVERIFY(rules.size() > 60);
    QSet<QString> names;
    static const QRegularExpression id(QStringLiteral("^A(0[1-9]|[1-3][0-9])$"));
    for (int i = 0; i < rules.size(); ++i) {
        const LintRule& r = rules[i];
        QCOMPARE(static_cast<int>(r.code), i); // lintRule() indexes the table by the enum value
        QCOMPARE(lintRule(r.code).name, r.name);
        QVERIFY2(r.name.startsWith(QLatin1String("LINT_")), qPrintable(r.name));
        QVERIFY2(!names.contains(r.name), qPrintable(r.name));
        names.insert(r.name);
        QVERIFY2(!r.attackIds.isEmpty() && !r.reference.isEmpty() && !r.title.isEmpty(), qPrintable(r.name));
        for (const QString& a : r.attackIds)
            QVERIFY2(id.match(a).hasMatch(), qPrintable(r.name + u' ' + a));
        QCOMPARE(lintCodeFromName(r.name), std::optional<LintCode>(r.code));
    }
    QCOMPARE(lintSeverityFromName(u"warning"), std::optional<LintSeverity>(LintSeverity::Warning));
    QVERIFY(!lintSeverityFromName(u"critical"));
}

void TestLint::catalogueCoversEveryAttacksLint()
{
    ASSAY_REQUIRE_VECTORS();
    // Every "### Axx" entry of ATTACKS.md that has a "* **LINT**:" line must be covered by at least one rule.
    const QString text = QString::fromUtf8(readVectorFile(QStringLiteral("ATTACKS.md")));
    QVERIFY(!text.isEmpty());
    QSet<QString> covered;
    for (const LintRule& r : lintRules())
        covered.unite(QSet<QString>(r.attackIds.cbegin(), r.attackIds.cend()));
    QStringList withLint;
    QString current;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        static const QRegularExpression heading(QStringLiteral("^### (A\\d\\d) "));
        if (const auto m = heading.match(line); m.hasMatch())
            current = m.captured(1);
        else if (line.startsWith(QLatin1String("* **LINT**")) && !current.isEmpty() && !withLint.contains(current))
            withLint.append(current);
    }
    QCOMPARE(withLint.size(), 21); // A01 A02 A04-A09 A11 A13 A14 A18 A19 A23 A27-A29 A31-A34
    for (const QString& a : std::as_const(withLint))
        QVERIFY2(covered.contains(a), qPrintable(QStringLiteral("no lint rule covers %1").arg(a)));
}

void TestLint::findings_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("absent");
    const auto row = [](const char* name, const QByteArray& token, qint64 now, Codes expected, Codes absent = {}) {
        QTest::newRow(name) << token << now << toList(expected) << toList(absent);
    };
    const QByteArray hs = R"({"alg":"HS256","typ":"JWT"})";

    // A01: the unsecured token literally given in ATTACKS.md, with and without a (forbidden) signature.
    row("A01 none", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + kP + ".", kNoTime, {"LINT_ALG_NONE"},
        {"LINT_SIGNATURE_EMPTY"});
    row("A01 none with signature", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + kP + ".AAAA", kNoTime, {"LINT_ALG_NONE"});
    // A02: ATTACKS.md's case variants; hs256; alg not a string; no alg.
    row("A02 None", "eyJhbGciOiJOb25lIiwidHlwIjoiSldUIn0." + kP + ".", kNoTime, {"LINT_ALG_CASE_VARIANT"},
        {"LINT_ALG_NONE"});
    row("A02 NONE", "eyJhbGciOiJOT05FIiwidHlwIjoiSldUIn0." + kP + ".", kNoTime, {"LINT_ALG_CASE_VARIANT"});
    row("A02 nOnE", "eyJhbGciOiJuT25FIiwidHlwIjoiSldUIn0." + kP + ".", kNoTime, {"LINT_ALG_CASE_VARIANT"});
    row("A02 hs256", jws(R"({"alg":"hs256","typ":"JWT"})"), kNoTime, {"LINT_ALG_CASE_VARIANT"});
    row("A02 alg array", jws(R"({"alg":["HS256"]})"), kNoTime, {"LINT_ALG_INVALID"});
    row("A02 alg null", jws(R"({"alg":null})"), kNoTime, {"LINT_ALG_INVALID"});
    row("A02 no alg", jws(R"({"typ":"JWT"})"), kNoTime, {"LINT_ALG_INVALID"});
    row("A02 unknown", jws(R"({"alg":"XS256","typ":"JWT"})"), kNoTime, {"LINT_ALG_UNKNOWN"}, {"LINT_ALG_CASE_VARIANT"});
    // A03: empty and truncated signatures; an ES256 signature in DER form (A13).
    row("A03 empty signature", jws(hs, kP, ""), kNoTime, {"LINT_SIGNATURE_EMPTY"});
    row("A03 truncated HMAC", jws(hs, kP, b64(QByteArray(16, 'x'))), kNoTime, {"LINT_SIGNATURE_LENGTH"});
    row("A13 DER signature", jws(R"({"alg":"ES256"})", kP, b64(QByteArray::fromHex("3006020101020101"))), kNoTime,
        {"LINT_SIGNATURE_LENGTH"});
    // A06: an embedded jwk (public), and ATTACKS.md A34's private one is in vectorFindings.
    row("A06 embedded jwk",
        jws(R"({"alg":"ES256","jwk":{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}})"),
        kNoTime, {"LINT_EMBEDDED_JWK"}, {"LINT_EMBEDDED_JWK_PRIVATE"});
    row("A06 embedded oct jwk", jws(R"({"alg":"HS256","jwk":{"kty":"oct","k":"c2VjcmV0"}})"), kNoTime,
        {"LINT_EMBEDDED_JWK", "LINT_EMBEDDED_JWK_PRIVATE"});
    // A07: ATTACKS.md's jku/x5u to a loopback listener, a file: URL, a host other than iss, and a harmless one.
    row("A07 jku loopback", jws(R"({"alg":"RS256","jku":"http://127.0.0.1:8080/jwks.json"})"), kNoTime,
        {"LINT_KEY_URL", "LINT_KEY_URL_UNSAFE"});
    row("A07 x5u loopback", jws(R"({"alg":"RS256","x5u":"http://127.0.0.1:8080/cert.pem"})"), kNoTime,
        {"LINT_KEY_URL", "LINT_KEY_URL_UNSAFE"});
    row("A07 jku file", jws(R"({"alg":"RS256","jku":"file:///etc/passwd"})"), kNoTime, {"LINT_KEY_URL_UNSAFE"});
    row("A07 jku metadata", jws(R"({"alg":"RS256","jku":"https://169.254.169.254/latest"})"), kNoTime,
        {"LINT_KEY_URL_UNSAFE"});
    row("A07 jku other host",
        withPayload(R"({"alg":"RS256","jku":"https://evil.example.net/jwks"})", R"({"iss":"https://example.com"})"),
        kNoTime, {"LINT_KEY_URL_UNSAFE"});
    row("A07 jku issuer host",
        withPayload(R"({"alg":"RS256","jku":"https://example.com/jwks"})", R"({"iss":"https://example.com"})"), kNoTime,
        {"LINT_KEY_URL"}, {"LINT_KEY_URL_UNSAFE"});
    // A08: x5t alone.
    row("A08 x5t", jws(R"({"alg":"RS256","x5t":"dGhpcyBpcyBub3QgYSByZWFsIHRodW1icHJpbnQ"})"), kNoTime, {"LINT_X5T"});
    row("A08 x5c not certificates", jws(R"({"alg":"RS256","x5c":["bm90IGEgY2VydA=="]})"), kNoTime,
        {"LINT_X5C", "LINT_X5C_INVALID"});
    // A09: ATTACKS.md's kid payloads, a long kid, a kid that is not a string, and an ordinary one.
    row("A09 path traversal", jws(R"({"alg":"HS256","kid":"../../../../../../dev/null"})"), kNoTime,
        {"LINT_KID_SUSPICIOUS"});
    row("A09 sql", jws(R"({"alg":"HS256","kid":"' UNION SELECT 'key' --"})"), kNoTime, {"LINT_KID_SUSPICIOUS"});
    row("A09 shell", jws(R"({"alg":"HS256","kid":"|sleep 10"})"), kNoTime, {"LINT_KID_SUSPICIOUS"});
    row("A09 NUL", jws(R"({"alg":"HS256","kid":"key\u0000.pem"})"), kNoTime, {"LINT_KID_SUSPICIOUS"});
    row("A09 url", jws(R"({"alg":"HS256","kid":"https://keys.example/1"})"), kNoTime, {"LINT_KID_SUSPICIOUS"});
    row("A09 long", jws(R"({"alg":"HS256","kid":")" + QByteArray(300, 'k') + R"("})"), kNoTime,
        {"LINT_KID_SUSPICIOUS"});
    row("A09 number", jws(R"({"alg":"HS256","kid":7})"), kNoTime, {"LINT_KID_INVALID"});
    row("A09 ordinary", jws(R"({"alg":"HS256","kid":"2024-signing-key_1"})"), kNoTime, {},
        {"LINT_KID_SUSPICIOUS", "LINT_KID_INVALID"});
    // A12: ATTACKS.md's 86 x 'A' (64 zero bytes) on an ES256 header; ES512 with s = 0.
    row("A12 psychic ES256", jws(R"({"alg":"ES256","typ":"JWT"})", kP, QByteArray(86, 'A')), kNoTime,
        {"LINT_ECDSA_ZERO_SIGNATURE"}, {"LINT_ECDSA_MALLEABLE"});
    row("A12 ES512 s zero",
        jws(R"({"alg":"ES512"})", kP, b64(QByteArray(65, '\x01') + QByteArray(1, '\x02') + QByteArray(66, '\0'))),
        kNoTime, {"LINT_ECDSA_ZERO_SIGNATURE"});
    // A17: ATTACKS.md's crit cases.
    row("A17 crit unknown", jws(R"({"alg":"HS256","crit":["exp2"],"exp2":1})"), kNoTime, {"LINT_CRIT_UNSUPPORTED"});
    row("A17 crit empty", jws(R"({"alg":"HS256","crit":[]})"), kNoTime, {"LINT_CRIT_INVALID"});
    row("A17 crit alg", jws(R"({"alg":"HS256","crit":["alg"]})"), kNoTime, {"LINT_CRIT_INVALID"});
    row("A17 crit b64 absent", jws(R"({"alg":"HS256","crit":["b64"]})"), kNoTime, {"LINT_CRIT_INVALID"});
    row("A17 crit twice", jws(R"({"alg":"HS256","b64":true,"crit":["b64","b64"]})"), kNoTime, {"LINT_CRIT_INVALID"});
    row("A17 crit string", jws(R"({"alg":"HS256","crit":"b64"})"), kNoTime, {"LINT_CRIT_INVALID"});
    // A18: RFC 7797 section 4.2's header without crit (as in the cookbook outputs), and b64 as a string.
    row("A18 b64 without crit", "eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2V9.$02.c2ln", kNoTime, {"LINT_B64_INVALID"},
        {"LINT_B64_FALSE"});
    row("A18 b64 string", jws(R"({"alg":"HS256","b64":"false","crit":["b64"]})"), kNoTime, {"LINT_B64_INVALID"});
    // A20: jwtio-style signature with '=' padding, with the standard alphabet; non-canonical trailing bits.
    row("A20 padding", jws(hs, kP, "c2lnbg=="), kNoTime, {"LINT_BASE64URL_INVALID"});
    row("A20 plus slash", jws(hs, kP, "ab+/"), kNoTime, {"LINT_BASE64URL_INVALID"});
    row("A20 non-canonical", jws(hs, kP, "c2lnbh"), kNoTime, {"LINT_BASE64URL_NON_CANONICAL"}); // "c2lnbg" = "sign"
    // A21: an empty header part.
    row("A21 empty header", "." + kP + ".c2ln", kNoTime, {"LINT_TOKEN_STRUCTURE"});
    // A22: ATTACKS.md's duplicates, invalid UTF-8, non-object payloads, a BOM, and "Alg" beside "alg".
    row("A22 header duplicate", jws(R"({"alg":"HS256","alg":"none"})"), kNoTime, {"LINT_DUPLICATE_MEMBER"});
    row("A22 escaped duplicate", jws(R"({"alg":"none","\u0061lg":"HS256"})"), kNoTime, {"LINT_DUPLICATE_MEMBER"});
    row("A22 payload duplicate", withPayload(hs, R"({"sub":"user","sub":"admin"})"), kNoTime,
        {"LINT_DUPLICATE_MEMBER"});
    row("A22 invalid UTF-8", withPayload(hs, "{\"a\":\"\xC3\x28\"}"), kNoTime, {"LINT_JSON_INVALID"});
    row("A22 payload array", withPayload(hs, "[]"), kNoTime, {"LINT_JSON_INVALID"});
    row("A22 number payload, no JWT typ", withPayload(R"({"alg":"HS256"})", "123400"), kNoTime, {},
        {"LINT_JSON_INVALID"});
    row("A22 header BOM", jws("\xEF\xBB\xBF{\"alg\":\"HS256\"}"), kNoTime, {"LINT_JSON_INVALID"});
    row("A22 Alg and alg", jws(R"({"Alg":"none","alg":"HS256"})"), kNoTime, {"LINT_HEADER_NAME_CASE"},
        {"LINT_ALG_NONE"});
    // A23: ATTACKS.md's NumericDate cases.
    row("A23 exp string", withPayload(hs, R"({"exp":"9999999999"})"), kNoTime, {"LINT_TIME_NOT_NUMBER"},
        {"LINT_EXP_MISSING"});
    row("A23 exp 1e400", withPayload(hs, R"({"exp":1e400})"), kNoTime, {"LINT_TIME_BEYOND_9999"});
    row("A23 exp -1", withPayload(hs, R"({"exp":-1})"), kNoTime, {"LINT_TIME_NEGATIVE"});
    row("A23 exp 1.5", withPayload(hs, R"({"exp":1.5})"), kNoTime, {"LINT_TIME_FRACTIONAL"});
    row("A23 exp 2^53+1", withPayload(hs, R"({"exp":9007199254740993})"), kNoTime, {"LINT_TIME_UNSAFE_INTEGER"});
    row("A23 exp true", withPayload(hs, R"({"exp":true})"), kNoTime, {"LINT_TIME_NOT_NUMBER"});
    row("A23 exp null", withPayload(hs, R"({"exp":null})"), kNoTime, {"LINT_TIME_NOT_NUMBER"});
    row("A23 milliseconds", withPayload(hs, R"({"iat":1516239022000,"exp":1516242622000})"), kNoTime,
        {"LINT_TIME_MILLISECONDS"});
    row("A23 aud empty", withPayload(hs, R"({"exp":1,"aud":[]})"), kNoTime, {"LINT_CLAIM_TYPE"});
    row("A23 aud number", withPayload(hs, R"({"exp":1,"aud":5})"), kNoTime, {"LINT_CLAIM_TYPE"});
    row("A23 iss number", withPayload(hs, R"({"exp":1,"iss":1})"), kNoTime, {"LINT_CLAIM_TYPE"});
    row("A23 nbf in future", withPayload(hs, R"({"nbf":1893456000,"exp":1893459600})"), k2024, {"LINT_NOT_YET_VALID"});
    row("A23 nbf after exp", withPayload(hs, R"({"nbf":2000,"exp":1000})"), kNoTime, {"LINT_NBF_AFTER_EXP"});
    row("A23 iat after exp", withPayload(hs, R"({"iat":2000,"exp":1000})"), kNoTime, {"LINT_IAT_AFTER_EXP"});
    // A28: zip in a JWS.
    row("A28 zip in JWS", jws(R"({"alg":"HS256","zip":"DEF"})"), kNoTime, {"LINT_ZIP_IN_JWS"});
    // A27: PBES2 parameters, ATTACKS.md's p2c values.
    const auto pbes2 = [](const char* p2c, const char* p2s) {
        return jwe(QByteArray(R"({"alg":"PBES2-HS256+A128KW","enc":"A128CBC-HS256","cty":"JWT","p2c":)") + p2c +
                   R"(,"p2s":")" + p2s + R"("})");
    };
    row("A27 p2c huge", pbes2("2147483647", "2WCTcJZ1Rvd_CJuJripQ1w"), kNoTime, {"LINT_PBES2_P2C_EXCESSIVE"});
    row("A27 p2c 100", pbes2("100", "2WCTcJZ1Rvd_CJuJripQ1w"), kNoTime, {"LINT_PBES2_P2C_LOW"});
    row("A27 p2c 0", pbes2("0", "2WCTcJZ1Rvd_CJuJripQ1w"), kNoTime, {"LINT_PBES2_P2C_INVALID"});
    row("A27 p2c -1", pbes2("-1", "2WCTcJZ1Rvd_CJuJripQ1w"), kNoTime, {"LINT_PBES2_P2C_INVALID"});
    row("A27 p2c 1.5", pbes2("1.5", "2WCTcJZ1Rvd_CJuJripQ1w"), kNoTime, {"LINT_PBES2_P2C_INVALID"});
    row("A27 p2c string", pbes2("\"4096\"", "2WCTcJZ1Rvd_CJuJripQ1w"), kNoTime, {"LINT_PBES2_P2C_INVALID"});
    row("A27 p2s 4 bytes", pbes2("4096", "AQIDBA"), kNoTime, {"LINT_PBES2_P2S_SHORT"},
        {"LINT_PBES2_P2C_LOW", "LINT_PBES2_P2C_EXCESSIVE"});
    // A31: a JWE that does not declare a nested JWT; a JWS whose payload is a token but has no cty.
    row("A31 JWE without cty", jwe(R"({"alg":"RSA-OAEP-256","enc":"A256GCM"})"), kNoTime, {"LINT_JWE_UNSIGNED_CLAIMS"});
    row("A31 JWE nested", jwe(R"({"alg":"RSA-OAEP-256","enc":"A256GCM","cty":"JWT"})"), kNoTime, {},
        {"LINT_JWE_UNSIGNED_CLAIMS"});
    row("A31 nested JWS without cty", jws(R"({"alg":"HS256"})", b64("eyJhbGciOiJub25lIn0." + kP + ".")), kNoTime,
        {"LINT_NESTED_WITHOUT_CTY"});
    row("A31 cty JWT but not nested", withPayload(R"({"alg":"HS256","cty":"JWT"})", R"({"exp":1})"), kNoTime,
        {"LINT_CTY_UNUSUAL"});
    // A32: ATTACKS.md's at+jwt over P; no typ; an odd typ.
    row("A32 at+jwt over P", jws(R"({"alg":"HS256","typ":"at+jwt"})"), kNoTime, {"LINT_TYP_MISMATCH"});
    row("A32 no typ", jws(R"({"alg":"HS256"})"), kNoTime, {"LINT_TYP_MISSING"});
    row("A32 odd typ", jws(R"({"alg":"HS256","typ":"text/plain"})"), kNoTime, {"LINT_TYP_UNUSUAL"});
    row("A32 odd cty", jws(R"({"alg":"HS256","typ":"JWT","cty":"json"})"), kNoTime, {"LINT_CTY_UNUSUAL"});
    // A33: lifetime over 24 h (30 days), iat in the future at 2024-01-01.
    row("A33 long lifetime", withPayload(hs, R"({"iat":1700000000,"exp":1702592000})"), kNoTime,
        {"LINT_LONG_LIFETIME"});
    row("A33 long lifetime without iat", withPayload(hs, R"({"exp":1893456000})"), k2024, {"LINT_LONG_LIFETIME"});
    row("A33 iat in future", withPayload(hs, R"({"iat":1893456000,"exp":1893459600})"), k2024, {"LINT_IAT_IN_FUTURE"},
        {"LINT_LONG_LIFETIME"});
    // A34: payload claims named like secrets and values that are secrets.
    row("A34 password", withPayload(hs, R"({"exp":1,"password":"hunter2"})"), kNoTime, {"LINT_SENSITIVE_CLAIM"});
    row("A34 client_secret nested", withPayload(hs, R"({"exp":1,"app":{"clientSecret":"s3cr3t-value"}})"), kNoTime,
        {"LINT_SENSITIVE_CLAIM"});
    row("A34 password_changed_at", withPayload(hs, R"({"exp":1,"password_changed_at":1700000000})"), kNoTime, {},
        {"LINT_SENSITIVE_CLAIM"});
    // AWS's documented example access key ID.
    row("A34 aws key", withPayload(hs, R"({"exp":1,"note":"AKIAIOSFODNN7EXAMPLE"})"), kNoTime,
        {"LINT_SENSITIVE_CLOUD_KEY"});
    // Visa's test card number (passes Luhn), once with spaces and once as a JSON number; one digit off fails Luhn.
    row("A34 card", withPayload(hs, R"({"exp":1,"pay":"4111 1111 1111 1111"})"), kNoTime,
        {"LINT_SENSITIVE_CARD_NUMBER"});
    row("A34 card number", withPayload(hs, R"({"exp":1,"pan":4111111111111111})"), kNoTime,
        {"LINT_SENSITIVE_CARD_NUMBER"});
    row("A34 not a card", withPayload(hs, R"({"exp":1,"pan":"4111111111111112"})"), kNoTime, {},
        {"LINT_SENSITIVE_CARD_NUMBER"});
    row("A34 ms timestamp is no card", withPayload(hs, R"({"exp":1,"t":1516239022000})"), kNoTime, {},
        {"LINT_SENSITIVE_CARD_NUMBER"});
    row("A34 email", withPayload(hs, R"({"exp":1,"contact":"john.doe@example.com"})"), kNoTime,
        {"LINT_SENSITIVE_EMAIL"});
    row("A34 ssn", withPayload(hs, R"({"exp":1,"tax":"078-05-1120"})"), kNoTime, {"LINT_SENSITIVE_NATIONAL_ID"});
    row("A34 readable claims", jws(hs), kNoTime, {"LINT_PAYLOAD_READABLE"});
    row("A34 only registered claims", withPayload(hs, R"({"iss":"a","exp":1})"), kNoTime, {},
        {"LINT_PAYLOAD_READABLE"});
}

void TestLint::findings()
{
    QFETCH(QByteArray, token);
    QFETCH(qint64, now);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    const LintReport report = lint(token, now);
    const QStringList found = codeNames(report);
    for (const QString& code : expected)
        QVERIFY2(found.contains(code), qPrintable(QStringLiteral("missing %1 in [%2]").arg(code, found.join(u' '))));
    for (const QString& code : absent)
        QVERIFY2(!found.contains(code),
                 qPrintable(QStringLiteral("unexpected %1 in [%2]").arg(code, found.join(u' '))));
    // Every finding is complete: a rule's severity and reference, at least one ATTACKS.md id, a one-line message.
    for (const LintFinding& f : report.findings()) {
        QCOMPARE(f.severity, lintRule(f.code).severity);
        QVERIFY(!f.attackIds.isEmpty() && !f.reference.isEmpty());
        QVERIFY2(!f.message.isEmpty() && !f.message.contains(QLatin1Char('\n')), qPrintable(f.message));
    }
}

void TestLint::vectorFindings_data()
{
    ASSAY_REQUIRE_VECTORS();
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("absent");
    const auto row = [](const char* name, const QByteArray& token, qint64 now, Codes expected, Codes absent = {}) {
        QVERIFY2(!token.isEmpty(), name);
        QTest::newRow(name) << token << now << toList(expected) << toList(absent);
    };
    // A01: RFC 7515 A.5, jwt.io's "none" default, Wycheproof 16 and 341-344 (341/343/344 "none", 342 "NONE").
    row("A01 RFC 7515 A.5", readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.5.jwsc")).trimmed(), kNoTime,
        {"LINT_ALG_NONE"});
    row("A01 jwtio none", jwtioToken(QStringLiteral("none")), kNoTime, {"LINT_ALG_NONE"});
    row("A01 WP-JWS#16", wycheproofJws(16), kNoTime, {"LINT_ALG_NONE"});
    row("A01 WP-JWS#341", wycheproofJws(341), kNoTime, {"LINT_ALG_NONE"});
    row("A02 WP-JWS#342 NONE", wycheproofJws(342), kNoTime, {"LINT_ALG_CASE_VARIANT"});
    row("A01 WP-JWS#343", wycheproofJws(343), kNoTime, {"LINT_ALG_NONE"});
    row("A01 WP-JWS#344", wycheproofJws(344), kNoTime, {"LINT_ALG_NONE"});
    // A02: the registered names jwt.io and the cookbook use are not flagged.
    row("A02 jwtio Ed25519", jwtioToken(QStringLiteral("Ed25519")), kNoTime, {},
        {"LINT_ALG_UNKNOWN", "LINT_ALG_CASE_VARIANT", "LINT_SIGNATURE_LENGTH"});
    // A03: jwt.io's HS256 with the signature removed.
    {
        const QByteArray t = jwtioToken(QStringLiteral("HS256"));
        row("A03 jwtio HS256 no signature", t.left(t.lastIndexOf('.') + 1), kNoTime, {"LINT_SIGNATURE_EMPTY"});
    }
    // A06: Wycheproof 32 (attacker-provided embedded jwk); A34: the cookbook's EC private key as header jwk.
    row("A06 WP-JWS#32", wycheproofJws(32), kNoTime, {"LINT_EMBEDDED_JWK"}, {"LINT_EMBEDDED_JWK_PRIVATE"});
    {
        const QByteArray privateJwk =
            QJsonDocument(readVectorJson(QStringLiteral("jose-cookbook/jwk/3_2.ec_private_key.json")))
                .toJson(QJsonDocument::Compact);
        row("A34 private jwk in header", jws(R"({"alg":"ES256","jwk":)" + privateJwk + "}"), kNoTime,
            {"LINT_EMBEDDED_JWK", "LINT_EMBEDDED_JWK_PRIVATE"});
    }
    // A12: Wycheproof 386 (r = s = 0), and ATTACKS.md's jwtio:ES256 header with 86 x 'A'.
    row("A12 WP-JWS#386", wycheproofJws(386), kNoTime, {"LINT_ECDSA_ZERO_SIGNATURE"});
    {
        const QByteArray t = jwtioToken(QStringLiteral("ES256"));
        row("A12 jwtio ES256 zeros", t.left(t.indexOf('.')) + '.' + kP + '.' + QByteArray(86, 'A'), kNoTime,
            {"LINT_ECDSA_ZERO_SIGNATURE"});
        row("A13 jwtio ES256 malleable", t, kNoTime, {"LINT_ECDSA_MALLEABLE"}, {"LINT_SIGNATURE_LENGTH"});
    }
    // A18: RFC 7797 section 4.2 compact (detached, b64 false, crit) and section 4.1 (control).
    {
        const QJsonArray vectors = readVectorJson(QStringLiteral("rfc-transcribed/rfc7797_section4_b64_false.json"))
                                       .value(QStringLiteral("vectors"))
                                       .toArray();
        row("A18 RFC 7797 4.2", vectors.at(1).toObject().value(QStringLiteral("compact_detached")).toString().toUtf8(),
            kNoTime, {"LINT_B64_FALSE"}, {"LINT_B64_INVALID", "LINT_CRIT_INVALID", "LINT_CRIT_UNSUPPORTED"});
        row("A18 RFC 7797 4.1", vectors.at(0).toObject().value(QStringLiteral("compact")).toString().toUtf8(), kNoTime,
            {}, {"LINT_B64_FALSE", "LINT_B64_INVALID"});
    }
    // A19: cookbook 4.6 (kid unprotected) and 4.7 (everything unprotected, alg included).
    {
        const QJsonObject c46 =
            readVectorJson(QStringLiteral("jose-cookbook/jws/4_6.protecting_specific_header_fields.json"));
        const QJsonObject c47 = readVectorJson(QStringLiteral("jose-cookbook/jws/4_7.protecting_content_only.json"));
        const auto flat = [](const QJsonObject& c) {
            return QJsonDocument(
                       c.value(QStringLiteral("output")).toObject().value(QStringLiteral("json_flat")).toObject())
                .toJson(QJsonDocument::Compact);
        };
        row("A19 cookbook 4.6", flat(c46), kNoTime, {"LINT_UNPROTECTED_HEADER"}, {"LINT_UNPROTECTED_PARAM"});
        row("A19 cookbook 4.7", flat(c47), kNoTime, {"LINT_UNPROTECTED_HEADER", "LINT_UNPROTECTED_PARAM"});
    }
    // A20: jwt.io's HS256 with the last signature character changed in its unused bits only; Wycheproof 360 (spaces
    // in the MAC) and 374 (modified unused bits in the payload).
    {
        const QByteArray t = jwtioToken(QStringLiteral("HS256"));
        static const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        QByteArray changed = t;
        changed.back() = alphabet.at(alphabet.indexOf(t.back()) ^ 1); // 32 bytes: the last character has 2 unused bits
        row("A20 jwtio unused bits", changed, kNoTime, {"LINT_BASE64URL_NON_CANONICAL"});
        row("A20 jwtio padded", t + "=", kNoTime, {"LINT_BASE64URL_INVALID"});
        row("A20 WP-JWS#360", wycheproofJws(360), kNoTime, {"LINT_BASE64URL_INVALID"});
        row("A20 WP-JWS#374", wycheproofJws(374), kNoTime, {"LINT_BASE64URL_NON_CANONICAL"});
    }
    // A27: RFC 7517 appendix C's PBES2 JWE (p2c 4096, 16-byte p2s) is fine.
    row("A27 RFC 7517 C",
        readVectorJson(QStringLiteral("rfc-transcribed/rfc7517_appendix_C_pbes2_encrypted_jwk.json"))
            .value(QStringLiteral("compact"))
            .toString()
            .toUtf8(),
        kNoTime, {},
        {"LINT_PBES2_P2C_EXCESSIVE", "LINT_PBES2_P2C_LOW", "LINT_PBES2_P2C_INVALID", "LINT_PBES2_P2S_SHORT"});
    // A28: cookbook 5.9 (zip DEF). A29: RFC 7516 A.2 (RSA1_5) and A.1 (RSA-OAEP, not flagged).
    row("A28 cookbook 5.9",
        readVectorJson(QStringLiteral("jose-cookbook/jwe/5_9.compressed_content.json"))
            .value(QStringLiteral("output"))
            .toObject()
            .value(QStringLiteral("compact"))
            .toString()
            .toUtf8(),
        kNoTime, {"LINT_JWE_COMPRESSED"});
    {
        const QJsonArray vectors = readVectorJson(QStringLiteral("rfc-transcribed/rfc7516_appendix_A_jwe.json"))
                                       .value(QStringLiteral("vectors"))
                                       .toArray();
        row("A29 RFC 7516 A.2", vectors.at(1).toObject().value(QStringLiteral("compact")).toString().toUtf8(), kNoTime,
            {"LINT_JWE_RSA1_5"});
        row("A29 RFC 7516 A.1", vectors.at(0).toObject().value(QStringLiteral("compact")).toString().toUtf8(), kNoTime,
            {}, {"LINT_JWE_RSA1_5"});
    }
    // A31: cookbook 6 (RSA-OAEP JWE with cty JWT around a PS256 JWT): not flagged as unsigned.
    row("A31 cookbook 6",
        readVectorJson(QStringLiteral("jose-cookbook/6.nesting_signatures_and_encryption.json"))
            .value(QStringLiteral("encrypt"))
            .toObject()
            .value(QStringLiteral("output"))
            .toObject()
            .value(QStringLiteral("compact"))
            .toString()
            .toUtf8(),
        kNoTime, {}, {"LINT_JWE_UNSIGNED_CLAIMS"});
    // A32/A33: jwt.io's HS256 (typ JWT, no exp): no typ finding, LINT_EXP_MISSING.
    row("A32 jwtio HS256", jwtioToken(QStringLiteral("HS256")), kNoTime, {"LINT_EXP_MISSING"},
        {"LINT_TYP_MISSING", "LINT_TYP_MISMATCH", "LINT_TYP_UNUSUAL"});
    // A33: RFC 7515 A.1 (exp 1300819380 = 2011-03-22T18:43:00Z) judged in 2024: expired; judged before: not.
    const QByteArray a1 = readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.1.jwsc")).trimmed();
    row("A33 RFC 7515 A.1 in 2024", a1, k2024, {"LINT_EXPIRED"}, {"LINT_EXP_MISSING"});
    row("A33 RFC 7515 A.1 in 2011", a1, 1300819300000, {}, {"LINT_EXPIRED"});
}

void TestLint::vectorFindings()
{
    findings();
}

void TestLint::cleanTokenHasNoFindings()
{
    // An HS256 token with a fresh 256-bit secret, typ JWT, only registered claims and a one-hour lifetime, judged
    // inside that hour with its key: nothing to say.
    auto key = generateKey(KeyType::Oct, Curve::None, 256);
    QVERIFY(key);
    const qint64 iat = 1700000000;
    const QByteArray payload = QStringLiteral(R"({"iss":"https://issuer.example","sub":"42","aud":"api","iat":%1,)"
                                              R"("exp":%2,"jti":"b7c1"})")
                                   .arg(iat)
                                   .arg(iat + 3600)
                                   .toUtf8();
    auto token = signCompact(R"({"alg":"HS256","typ":"JWT"})", payload, *key, JwsAlgorithm::HS256);
    QVERIFY(token);
    LintContext context;
    context.keys.keys.append(*key);
    context.evaluationTimeMSecs = (iat + 60) * 1000;
    const LintReport report = lintTokenText(*token, context);
    QVERIFY2(report.isEmpty(), qPrintable(codeNames(report).join(u' ')));
    QVERIFY(!report.hasErrors());
    QCOMPARE(report.worstSeverity(), std::nullopt);
}

void TestLint::memberLocationInToken()
{
    const QByteArray header = R"({"alg":"HS256","kid":"../../../../../../dev/null","typ":"JWT"})";
    const QByteArray token = jws(header);
    const LintReport report = lint(token);
    const QList<LintFinding> kid = report.withCode(LintCode::KidSuspicious);
    QCOMPARE(kid.size(), 1);
    const LintLocation& loc = kid.front().location;
    QCOMPARE(loc.segment, Segment::Header);
    QCOMPARE(loc.member, QStringLiteral("kid"));
    // The decoded span is the whole member, found here by searching the header text.
    const QByteArray member = R"("kid":"../../../../../../dev/null")";
    QCOMPARE(loc.offset, header.indexOf(member));
    QCOMPARE(loc.length, member.size());
    // The token span is exactly the characters whose 6 bits touch a byte of the member: character c carries bits
    // [6c, 6c + 6), i.e. bytes 6c / 8 .. (6c + 5) / 8 of the header.
    const auto touches = [&](qsizetype c) {
        const qsizetype first = 6 * c / 8;
        const qsizetype last = (6 * c + 5) / 8;
        return last >= loc.offset && first < loc.offset + loc.length;
    };
    QVERIFY(loc.tokenOffset >= 0);
    for (qsizetype c = loc.tokenOffset; c < loc.tokenOffset + loc.tokenLength; ++c)
        QVERIFY2(touches(c), qPrintable(QString::number(c)));
    QVERIFY(loc.tokenOffset == 0 || !touches(loc.tokenOffset - 1));
    QVERIFY(!touches(loc.tokenOffset + loc.tokenLength));

    // A payload claim: offsets are in the payload, the token span starts after the first dot.
    const QByteArray payload = R"({"exp":1,"password":"hunter2"})";
    const LintReport secret = lint(withPayload(R"({"alg":"HS256","typ":"JWT"})", payload));
    const QList<LintFinding> found = secret.withCode(LintCode::SensitiveClaim);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.front().location.segment, Segment::Payload);
    QCOMPARE(found.front().location.member, QStringLiteral("password"));
    QCOMPARE(found.front().location.offset, payload.indexOf("\"password\""));
    QCOMPARE(found.front().location.length, QByteArray(R"("password":"hunter2")").size());
    QVERIFY(found.front().location.tokenOffset > b64(R"({"alg":"HS256","typ":"JWT"})").size());
    QVERIFY(!found.front().message.contains(QLatin1String("hunter2")));
}

void TestLint::jsonSerializationLocation()
{
    // Flattened JSON serialization: the protected header's base64url text is found inside the JSON text.
    const QByteArray prot = b64(R"({"alg":"HS256","kid":"|sleep 10"})");
    const QByteArray text = R"({"payload":")" + kP + R"(","protected":")" + prot + R"(","signature":"c2ln"})";
    const LintReport report = lint(text);
    const QList<LintFinding> kid = report.withCode(LintCode::KidSuspicious);
    QCOMPARE(kid.size(), 1);
    const qsizetype start = text.indexOf(prot);
    QVERIFY(kid.front().location.tokenOffset >= start);
    QVERIFY(kid.front().location.tokenOffset + kid.front().location.tokenLength <= start + prot.size());

    // An unprotected header is JSON inside the JSON text: the span is the member exactly as written there.
    const QByteArray flat = R"({"payload":")" + kP + R"(","header":{"kid":"k1", "alg":"HS256"},"signature":"c2ln"})";
    const LintReport unprotected = lint(flat);
    const QList<LintFinding> alg = unprotected.withCode(LintCode::UnprotectedParam);
    QCOMPARE(alg.size(), 1);
    QCOMPARE(alg.front().location.segment, Segment::UnprotectedHeader);
    QCOMPARE(flat.mid(alg.front().location.tokenOffset, alg.front().location.tokenLength),
             QByteArray(R"("alg":"HS256")"));
    const LintFinding whole = unprotected.withCode(LintCode::UnprotectedHeader).front();
    QCOMPARE(flat.mid(whole.location.tokenOffset, whole.location.tokenLength),
             QByteArray(R"({"kid":"k1", "alg":"HS256"})"));
}

void TestLint::hmacSecretIsPublicKey_data()
{
    ASSAY_REQUIRE_VECTORS();
    // ATTACKS.md A04: the exact bytes of jwtio:RS256.publicKey, with a trailing "\n", a leading space, CR LF line
    // ends, the DER bytes, the JWK JSON text and the ssh-rsa form; the same PEM for ES256 and Ed25519.
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<int>("encoding");
    const QByteArray rsa = jwtio(QStringLiteral("RS256")).value(QStringLiteral("publicKey")).toString().toUtf8();
    QTest::newRow("RSA PEM") << rsa << int(SecretEncoding::Utf8);
    QTest::newRow("RSA PEM + newline") << rsa + "\n" << int(SecretEncoding::Utf8);
    QTest::newRow("RSA PEM, leading space") << " " + rsa << int(SecretEncoding::Utf8);
    QByteArray crlf = rsa;
    crlf.replace("\n", "\r\n");
    QTest::newRow("RSA PEM CR LF") << crlf << int(SecretEncoding::Utf8);
    QTest::newRow("RSA DER") << pemBody(rsa).toHex() << int(SecretEncoding::Hex);
    QJsonObject jwk = jwtio(QStringLiteral("RS256")).value(QStringLiteral("jwk")).toObject();
    for (const char* m : {"d", "p", "q", "dp", "dq", "qi"})
        jwk.remove(QLatin1String(m));
    jwk.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
    QTest::newRow("RSA JWK") << QJsonDocument(jwk).toJson(QJsonDocument::Compact) << int(SecretEncoding::Utf8);
    const auto b64u = [](const QJsonObject& o, const char* m) {
        return QByteArray::fromBase64(o.value(QLatin1String(m)).toString().toLatin1(), QByteArray::Base64UrlEncoding);
    };
    const QByteArray blob = sshString("ssh-rsa") + sshMpint(b64u(jwk, "e")) + sshMpint(b64u(jwk, "n"));
    QTest::newRow("ssh-rsa") << "ssh-rsa " + blob.toBase64() + " user@host" << int(SecretEncoding::Utf8);
    QTest::newRow("EC PEM") << jwtio(QStringLiteral("ES256")).value(QStringLiteral("publicKey")).toString().toUtf8()
                            << int(SecretEncoding::Utf8);
    QTest::newRow("Ed25519 PEM")
        << jwtio(QStringLiteral("Ed25519")).value(QStringLiteral("publicKey")).toString().toUtf8()
        << int(SecretEncoding::Utf8);
}

void TestLint::hmacSecretIsPublicKey()
{
    QFETCH(QByteArray, secret);
    QFETCH(int, encoding);
    LintContext context;
    context.keys = secretKeys(secret, SecretEncoding(encoding));
    QCOMPARE(context.keys.keys.size(), 1);
    const LintReport report = lint(jws(R"({"alg":"HS256","typ":"JWT"})"), kNoTime, context);
    EXPECT_CODE(report, "LINT_HMAC_SECRET_IS_PUBLIC_KEY");
    const LintFinding f = report.withCode(LintCode::HmacSecretIsPublicKey).front();
    QCOMPARE(f.location.segment, Segment::Key);
    QCOMPARE(f.severity, LintSeverity::Error);
}

void TestLint::hmacSecretThatIsNotAKey()
{
    // Text that merely looks like a PEM block (a regex would match it) is not key material.
    LintContext context;
    context.keys = secretKeys("-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5IGF0IGFsbCwganVzdCB0ZXh0IQ==\n"
                              "-----END PUBLIC KEY-----\n");
    const LintReport report = lint(jws(R"({"alg":"HS256","typ":"JWT"})"), kNoTime, context);
    EXPECT_NO_CODE(report, "LINT_HMAC_SECRET_IS_PUBLIC_KEY");
    // Nor is an ssh line whose blob names another key type than the line.
    const QByteArray blob = sshString("ssh-ed25519") + sshString(QByteArray(32, '\x07'));
    context.keys = secretKeys("ssh-rsa " + blob.toBase64());
    EXPECT_NO_CODE(lint(jws(R"({"alg":"HS256","typ":"JWT"})"), kNoTime, context), "LINT_HMAC_SECRET_IS_PUBLIC_KEY");
}

void TestLint::hmacShortAndKnownSecrets()
{
    ASSAY_REQUIRE_VECTORS();
    LintContext context;
    context.tryKnownSecrets = false; // this test is about the user's secret only
    // A11: a 7-byte secret for HS256 (32 bytes needed, RFC 7518 section 3.2).
    context.keys = secretKeys("s3cr3t!");
    LintReport report = lint(jws(R"({"alg":"HS256","typ":"JWT"})"), kNoTime, context);
    EXPECT_CODE(report, "LINT_HMAC_KEY_SHORT");
    EXPECT_NO_CODE(report, "LINT_HMAC_SECRET_KNOWN");
    // A11: jwt.io's HS256 secret as the user's secret: publicly known, 38 bytes (long enough for HS256).
    const QByteArray jwtioSecret = jwtio(QStringLiteral("HS256")).value(QStringLiteral("secret")).toString().toUtf8();
    context.keys = secretKeys(jwtioSecret);
    report = lint(jwtioToken(QStringLiteral("HS256")), kNoTime, context);
    EXPECT_CODE(report, "LINT_HMAC_SECRET_KNOWN");
    EXPECT_NO_CODE(report, "LINT_HMAC_KEY_SHORT");
    for (const LintFinding& f : report.findings())
        QVERIFY2(!f.message.contains(QString::fromUtf8(jwtioSecret)), qPrintable(f.message));
    // WP-JWK#10: a 16-byte HS256 key (key_too_short).
    auto short256 = loadKeys(wycheproofJwkGroupKeys(10));
    QVERIFY(short256);
    context.keys = *short256;
    EXPECT_CODE(lint(jws(R"({"alg":"HS256","typ":"JWT"})"), kNoTime, context), "LINT_HMAC_KEY_SHORT");
}

void TestLint::knownSecretsTriedAgainstSignature_data()
{
    ASSAY_REQUIRE_VECTORS();
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("known");
    QTest::newRow("jwtio HS256") << jwtioToken(QStringLiteral("HS256")) << true;
    QTest::newRow("jwtio HS384") << jwtioToken(QStringLiteral("HS384")) << true;
    QTest::newRow("jwtio HS512") << jwtioToken(QStringLiteral("HS512")) << true;
    // ATTACKS.md A11: signed with "your-256-bit-secret".
    QTest::newRow("your-256-bit-secret")
        << QByteArray("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0Ij"
                      "oxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
        << true;
    // ATTACKS.md A10: HS256 over {"alg":"HS256","typ":"JWT"}.P with the empty key (Qt's HMAC).
    const QByteArray input = b64(R"({"alg":"HS256","typ":"JWT"})") + '.' + kP;
    QTest::newRow("empty key") << input + '.' +
                                      b64(QMessageAuthenticationCode::hash(input, {}, QCryptographicHash::Sha256))
                               << true;
    // RFC 7515 A.1: a random 64-byte key.
    QTest::newRow("RFC 7515 A.1") << readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.1.jwsc")).trimmed()
                                  << false;
}

void TestLint::knownSecretsTriedAgainstSignature()
{
    QFETCH(QByteArray, token);
    QFETCH(bool, known);
    const LintReport report = lint(token);
    QCOMPARE(report.contains(LintCode::HmacSecretKnown), known);
    if (known) {
        const LintFinding f = report.withCode(LintCode::HmacSecretKnown).front();
        QCOMPARE(f.location.segment, Segment::Signature);
        QVERIFY(f.attackIds.contains(QStringLiteral("A11")));
    }
    LintContext off;
    off.tryKnownSecrets = false;
    QVERIFY(!lint(token, kNoTime, off).contains(LintCode::HmacSecretKnown));
}

void TestLint::asymmetricKeysAndKeySets()
{
    ASSAY_REQUIRE_VECTORS();
    // A04 (info): an HS256 token while the user's key is jwt.io's RSA public key.
    auto rsa = loadKeys(jwtio(QStringLiteral("RS256")).value(QStringLiteral("publicKey")).toString().toUtf8());
    QVERIFY(rsa);
    LintContext context;
    context.keys = *rsa;
    EXPECT_CODE(lint(jws(R"({"alg":"HS256","typ":"JWT"})"), kNoTime, context), "LINT_HMAC_WITH_ASYMMETRIC_KEYS");
    EXPECT_NO_CODE(lint(jwtioToken(QStringLiteral("RS256")), kNoTime, context), "LINT_HMAC_WITH_ASYMMETRIC_KEYS");
    EXPECT_NO_CODE(lint(jwtioToken(QStringLiteral("RS256")), kNoTime, context), "LINT_RSA_KEY_SHORT");
    // A14: WP-JWK#8 (1024-bit RSA) and #7 (ROCA).
    for (const auto& [tcId, code] : {std::pair{8, "LINT_RSA_KEY_SHORT"}, std::pair{7, "LINT_RSA_ROCA"}}) {
        auto keys = loadKeys(wycheproofJwkGroupKeys(tcId));
        QVERIFY2(keys, qPrintable(keys ? QString() : keys.error().toString()));
        context.keys = *keys;
        const LintReport report = lint(jwtioToken(QStringLiteral("RS256")), kNoTime, context);
        QVERIFY2(codeNames(report).contains(QLatin1String(code)), qPrintable(codeNames(report).join(u' ')));
    }
    // A05: WP-JWK#1 (mixed keyset) and #4 (duplicate kid); a JWK without alg (the cookbook's RSA public key).
    auto mixed = loadKeys(wycheproofJwkGroupKeys(1));
    QVERIFY(mixed);
    context.keys = *mixed;
    EXPECT_CODE(lint(jwtioToken(QStringLiteral("HS256")), kNoTime, context), "LINT_KEYSET_MIXED");
    auto duplicate = loadKeys(wycheproofJwkGroupKeys(4));
    QVERIFY(duplicate);
    context.keys = *duplicate;
    EXPECT_CODE(lint(jwtioToken(QStringLiteral("HS256")), kNoTime, context), "LINT_KEYSET_DUPLICATE_KID");
    QJsonObject cookbook = readVectorJson(QStringLiteral("jose-cookbook/jwk/3_3.rsa_public_key.json"));
    cookbook.remove(QStringLiteral("alg"));
    auto noAlg = loadKeys(QJsonDocument(cookbook).toJson());
    QVERIFY(noAlg);
    context.keys = *noAlg;
    EXPECT_CODE(lint(jwtioToken(QStringLiteral("RS256")), kNoTime, context), "LINT_KEY_NO_ALG");
    // A PEM key has no JWK metadata to miss.
    context.keys = *rsa;
    EXPECT_NO_CODE(lint(jwtioToken(QStringLiteral("RS256")), kNoTime, context), "LINT_KEY_NO_ALG");
}

void TestLint::sensitiveValuesAreMasked()
{
    ASSAY_REQUIRE_VECTORS();
    // A34: a PEM private key (jwt.io's RS256 private key) inside a claim; a card number; an e-mail address.
    const QString pem = jwtio(QStringLiteral("RS256")).value(QStringLiteral("privateKey")).toString();
    QJsonObject claims;
    claims.insert(QStringLiteral("exp"), 1);
    claims.insert(QStringLiteral("key"), pem);
    claims.insert(QStringLiteral("card"), QStringLiteral("5555-5555-5555-4444")); // Mastercard's test number
    claims.insert(QStringLiteral("mail"), QStringLiteral("john.doe@example.com"));
    const LintReport report =
        lint(withPayload(R"({"alg":"HS256","typ":"JWT"})", QJsonDocument(claims).toJson(QJsonDocument::Compact)));
    EXPECT_CODE(report, "LINT_SENSITIVE_PRIVATE_KEY");
    EXPECT_CODE(report, "LINT_SENSITIVE_CARD_NUMBER");
    EXPECT_CODE(report, "LINT_SENSITIVE_EMAIL");
    for (const LintFinding& f : report.findings()) {
        QVERIFY2(!f.message.contains(QLatin1String("5555-5555-5555-4444")) &&
                     !f.message.contains(QLatin1String("5555555555554444")),
                 qPrintable(f.message));
        QVERIFY2(!f.message.contains(QLatin1String("john.doe")), qPrintable(f.message));
        QVERIFY2(!f.message.contains(QLatin1String("MII")), qPrintable(f.message));
    }
    QVERIFY(report.withCode(LintCode::SensitiveCardNumber).front().message.contains(QLatin1String("4444")));
    QVERIFY(report.withCode(LintCode::SensitiveEmail).front().message.contains(QLatin1String("j***@e***.com")));
}

void TestLint::luhnAndMasks()
{
    // ISO/IEC 7812-1 Luhn: Wikipedia's worked example 79927398713, and the networks' published test numbers.
    QVERIFY(passesLuhn(u"79927398713"));
    QVERIFY(!passesLuhn(u"79927398710"));
    QVERIFY(passesLuhn(u"4111111111111111"));
    QVERIFY(passesLuhn(u"378282246310005"));
    QVERIFY(!passesLuhn(u"4111111111111112"));
    QVERIFY(!passesLuhn(u""));
    QVERIFY(!passesLuhn(u"41111x1111111111"));
    QCOMPARE(maskEmailAddress(u"john.doe@example.com"), QStringLiteral("j***@e***.com"));
    QCOMPARE(maskEmailAddress(u"a@b.co.uk"), QStringLiteral("a***@b***.uk"));
    // Nested paths and array indices name where the item sits.
    auto doc = JsonDocument::parse(R"({"users":[{"email":"x@y.org"}],"pwd":"p"})");
    QVERIFY(doc);
    const QList<SensitiveMatch> found = findSensitiveData(*doc);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).kind, SensitiveKind::EmailAddress);
    QCOMPARE(found.at(0).path, QStringLiteral("users[0].email"));
    QCOMPARE(found.at(0).offset, doc->raw().indexOf("\"x@y.org\""));
    QCOMPARE(found.at(1).kind, SensitiveKind::Credential);
    QCOMPARE(found.at(1).path, QStringLiteral("pwd"));
}

void TestLint::certificateChain()
{
    ASSAY_REQUIRE_VECTORS();
    // A08: RFC 7517 appendix B's x5c certificate, which `openssl verify -no_check_time -CAfile cert.pem cert.pem`
    // accepts as its own issuer (self-signed).
    const QJsonObject jwk = readVectorJson(QStringLiteral("latchset-jose/rfc7517_B.jwk"));
    const QByteArray x5c = QJsonDocument(jwk.value(QStringLiteral("x5c")).toArray()).toJson(QJsonDocument::Compact);
    const LintReport report = lint(jws(R"({"alg":"RS256","x5c":)" + x5c + "}"));
    EXPECT_CODE(report, "LINT_X5C");
    EXPECT_CODE(report, "LINT_X5C_SELF_SIGNED");
    EXPECT_NO_CODE(report, "LINT_X5C_INVALID");
}

void TestLint::lintTokenTextOnNonToken()
{
    // A21: four parts; no dots; empty input.
    for (const QByteArray& text : {QByteArray("a.b.c.d"), QByteArray("abc"), QByteArray()}) {
        const LintReport report = lintTokenText(text);
        QCOMPARE(report.findings().size(), 1);
        QCOMPARE(report.findings().front().code, LintCode::TokenStructure);
        QVERIFY(report.hasErrors());
    }
}

QTEST_GUILESS_MAIN(TestLint)
#include "TestLint.moc"
