// SPDX-License-Identifier: Apache-2.0
// `assay-cli lint` and `assay-cli attack` as real processes: exit statuses, text and --json output, and, end to end,
// that every attack variant the CLI prints is rejected by `assay-cli verify` with the original's legitimate key.
// Tokens and keys come from ../shared/vectors (jwt.io defaults, RFC 7515 appendix A via latchset-jose); expected
// findings from ATTACKS.md; files the test writes go to a QTemporaryDir.

#include "CliProcess.h"
#include "Vectors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using assay::test::Run;
using assay::test::runCli;
using assay::test::runProgram;
using assay::test::TimeoutMs;

#define RUN(var, ...)                                                                                                  \
    const Run var = runCli(__VA_ARGS__);                                                                               \
    QVERIFY2(var.finished&& var.normalExit, var.describe().constData())

#define EXPECT_EXIT(var, code) QVERIFY2(var.exitCode == (code), var.describe().constData())

QJsonObject jwtio(const QString& alg)
{
    return assay::test::readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))
        .value(QStringLiteral("tokens"))
        .toObject()
        .value(alg)
        .toObject();
}

QString jwtioToken(const QString& alg)
{
    return jwtio(alg).value(QStringLiteral("token")).toString();
}

QStringList codes(const QJsonObject& json)
{
    QStringList out;
    for (const QJsonValue f : json.value(QStringLiteral("findings")).toArray())
        out.append(f.toObject().value(QStringLiteral("code")).toString());
    return out;
}

// The lines of `attack` output that are tokens (labels start with '#').
QStringList tokensOf(const QByteArray& out)
{
    QStringList tokens;
    for (const QByteArray& line : out.split('\n')) {
        if (!line.isEmpty() && !line.startsWith('#'))
            tokens.append(QString::fromUtf8(line));
    }
    return tokens;
}

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

class TestCliLint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help();
    void knownSecretIsAnError();
    void minSeverityFilters();
    void jsonLocations();
    void publicKeyAsSecret();
    void unsecuredTokenFromStdin();
    void notAToken();
    void evaluationTime();
    void usageErrors_data();
    void usageErrors();
    void attackVariantsAreRejectedByVerify_data();
    void attackVariantsAreRejectedByVerify();
    void attackJsonAndErrors();

private:
    QTemporaryDir m_dir;
    QString write(const QString& name, const QByteArray& content);
};

QString TestCliLint::write(const QString& name, const QByteArray& content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCliLint::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(QStringLiteral(ASSAY_CLI_PATH)));
}

void TestCliLint::help()
{
    RUN(r, {QStringLiteral("lint"), QStringLiteral("--help")});
    EXPECT_EXIT(r, 0);
    QVERIFY(r.out.contains("--min-severity"));
    RUN(a, {QStringLiteral("attack"), QStringLiteral("--help")});
    EXPECT_EXIT(a, 0);
    QVERIFY(a.out.contains("psychic-signature"));
}

void TestCliLint::knownSecretIsAnError()
{
    ASSAY_REQUIRE_VECTORS();
    // ATTACKS.md A11 (jwt.io's secret is publicly known: an error) and A33 (no exp: a warning).
    RUN(r, {QStringLiteral("lint"), jwtioToken(QStringLiteral("HS256"))});
    EXPECT_EXIT(r, 1);
    QVERIFY(r.out.contains("LINT_HMAC_SECRET_KNOWN"));
    QVERIFY(r.out.contains("LINT_EXP_MISSING"));
    QVERIFY(r.out.contains("RFC 7519 section 4.1.4"));
    // The secret itself never appears.
    const QByteArray secret = jwtio(QStringLiteral("HS256")).value(QStringLiteral("secret")).toString().toUtf8();
    QVERIFY(!r.out.contains(secret) && !r.err.contains(secret));
    // Without the known-secret check only the warning and the info remain: exit 0.
    RUN(q, {QStringLiteral("lint"), jwtioToken(QStringLiteral("HS256")), QStringLiteral("--no-known-secrets")});
    EXPECT_EXIT(q, 0);
    QVERIFY(!q.out.contains("LINT_HMAC_SECRET_KNOWN"));
}

void TestCliLint::minSeverityFilters()
{
    ASSAY_REQUIRE_VECTORS();
    const QString token = jwtioToken(QStringLiteral("HS256"));
    RUN(w, {QStringLiteral("lint"), token, QStringLiteral("--no-known-secrets"), QStringLiteral("--min-severity"),
            QStringLiteral("warning")});
    EXPECT_EXIT(w, 0);
    QVERIFY(w.out.contains("LINT_EXP_MISSING"));
    QVERIFY(!w.out.contains("LINT_PAYLOAD_READABLE"));
    RUN(e, {QStringLiteral("lint"), token, QStringLiteral("--no-known-secrets"), QStringLiteral("--min-severity"),
            QStringLiteral("error")});
    EXPECT_EXIT(e, 0);
    QVERIFY(!e.out.contains("LINT_"));
    // Hidden errors still count for the exit status.
    RUN(h, {QStringLiteral("lint"), token, QStringLiteral("--min-severity"), QStringLiteral("error"),
            QStringLiteral("--json")});
    EXPECT_EXIT(h, 1);
    QCOMPARE(codes(h.json()), QStringList{QStringLiteral("LINT_HMAC_SECRET_KNOWN")});
    QCOMPARE(h.json().value(QStringLiteral("counts")).toObject().value(QStringLiteral("warning")).toInt(), 1);
}

void TestCliLint::jsonLocations()
{
    // ATTACKS.md A09: the kid finding points at the kid member of the header, inside the token text.
    const QByteArray header = R"({"alg":"HS256","kid":"../../../../../../dev/null","typ":"JWT"})";
    const QString token = b64(header) + QStringLiteral(".") + b64(R"({"exp":1})") + QStringLiteral(".c2ln");
    RUN(r, {QStringLiteral("lint"), token, QStringLiteral("--json")});
    EXPECT_EXIT(r, 1);
    const QJsonObject json = r.json();
    QCOMPARE(json.value(QStringLiteral("command")).toString(), QStringLiteral("lint"));
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(), false);
    QJsonObject kid;
    for (const QJsonValue f : json.value(QStringLiteral("findings")).toArray()) {
        if (f.toObject().value(QStringLiteral("code")).toString() == QLatin1String("LINT_KID_SUSPICIOUS"))
            kid = f.toObject();
    }
    QVERIFY2(!kid.isEmpty(), r.describe().constData());
    QCOMPARE(kid.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(kid.value(QStringLiteral("attacks")).toArray().first().toString(), QStringLiteral("A09"));
    const QJsonObject loc = kid.value(QStringLiteral("location")).toObject();
    QCOMPARE(loc.value(QStringLiteral("segment")).toString(), QStringLiteral("header"));
    QCOMPARE(loc.value(QStringLiteral("member")).toString(), QStringLiteral("kid"));
    QCOMPARE(loc.value(QStringLiteral("offset")).toInt(), header.indexOf("\"kid\""));
    const int tokenOffset = loc.value(QStringLiteral("tokenOffset")).toInt();
    const int tokenLength = loc.value(QStringLiteral("tokenLength")).toInt();
    QVERIFY(tokenOffset > 0 && tokenOffset + tokenLength <= b64(header).size());
}

void TestCliLint::publicKeyAsSecret()
{
    ASSAY_REQUIRE_VECTORS();
    // ATTACKS.md A04: pasting jwtio:RS256.publicKey into the HMAC secret box is flagged.
    const QString pub = write(QStringLiteral("rs256.pub"),
                              jwtio(QStringLiteral("RS256")).value(QStringLiteral("publicKey")).toString().toUtf8());
    RUN(r, {QStringLiteral("lint"), jwtioToken(QStringLiteral("RS256")), QStringLiteral("--secret-file"), pub,
            QStringLiteral("--json")});
    EXPECT_EXIT(r, 1);
    QVERIFY(codes(r.json()).contains(QStringLiteral("LINT_HMAC_SECRET_IS_PUBLIC_KEY")));
    // Given as a key file, the same PEM is a fine RSA key: no error finding about it.
    RUN(k, {QStringLiteral("lint"), jwtioToken(QStringLiteral("RS256")), QStringLiteral("--key"), pub,
            QStringLiteral("--json")});
    EXPECT_EXIT(k, 0);
    QVERIFY(!codes(k.json()).contains(QStringLiteral("LINT_HMAC_SECRET_IS_PUBLIC_KEY")));
}

void TestCliLint::unsecuredTokenFromStdin()
{
    // ATTACKS.md A01: the unsecured token spelled out there, read from standard input.
    const QByteArray token =
        "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0."
        "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.";
    RUN(r, {QStringLiteral("lint"), QStringLiteral("-")}, token + "\n");
    EXPECT_EXIT(r, 1);
    QVERIFY(r.out.contains("LINT_ALG_NONE"));
    QVERIFY(r.out.contains("[A01]"));
}

void TestCliLint::notAToken()
{
    // ATTACKS.md A21: four parts is neither a JWS nor a JWE.
    RUN(r, {QStringLiteral("lint"), QStringLiteral("a.b.c.d"), QStringLiteral("--json")});
    EXPECT_EXIT(r, 1);
    QCOMPARE(codes(r.json()), QStringList{QStringLiteral("LINT_TOKEN_STRUCTURE")});
}

void TestCliLint::evaluationTime()
{
    ASSAY_REQUIRE_VECTORS();
    // ATTACKS.md A33: RFC 7515 A.1 expires 2011-03-22T18:43:00Z.
    const QString file = assay::test::vectorPath(QStringLiteral("latchset-jose/rfc7515_A.1.jwsc"));
    RUN(after, {QStringLiteral("lint"), QStringLiteral("@") + file, QStringLiteral("--at"),
                QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("--json")});
    EXPECT_EXIT(after, 0);
    QVERIFY(codes(after.json()).contains(QStringLiteral("LINT_EXPIRED")));
    RUN(before, {QStringLiteral("lint"), QStringLiteral("@") + file, QStringLiteral("--at"),
                 QStringLiteral("2011-03-22T18:42:00Z"), QStringLiteral("--json")});
    EXPECT_EXIT(before, 0);
    QVERIFY(!codes(before.json()).contains(QStringLiteral("LINT_EXPIRED")));
}

void TestCliLint::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString token = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e30.c2ln");
    QTest::newRow("bad severity") << QStringList{QStringLiteral("lint"), token, QStringLiteral("--min-severity"),
                                                 QStringLiteral("critical")};
    QTest::newRow("bad time") << QStringList{QStringLiteral("lint"), token, QStringLiteral("--at"),
                                             QStringLiteral("yesterday")};
    QTest::newRow("bad lifetime") << QStringList{QStringLiteral("lint"), token, QStringLiteral("--max-lifetime"),
                                                 QStringLiteral("long")};
    QTest::newRow("two tokens") << QStringList{QStringLiteral("lint"), token, token};
    QTest::newRow("encoding without secret")
        << QStringList{QStringLiteral("lint"), token, QStringLiteral("--secret-encoding"), QStringLiteral("hex")};
    QTest::newRow("two key options") << QStringList{QStringLiteral("lint"),          token,
                                                    QStringLiteral("--secret"),      QStringLiteral("a"),
                                                    QStringLiteral("--secret-file"), QStringLiteral("/nonexistent")};
    QTest::newRow("missing key file") << QStringList{QStringLiteral("lint"), token, QStringLiteral("--key"),
                                                     QStringLiteral("/nonexistent/key.pem")};
    QTest::newRow("attack without variant") << QStringList{QStringLiteral("attack"), token};
    QTest::newRow("attack unknown variant")
        << QStringList{QStringLiteral("attack"), token, QStringLiteral("--variant"), QStringLiteral("magic")};
}

void TestCliLint::usageErrors()
{
    QFETCH(QStringList, arguments);
    RUN(r, arguments);
    EXPECT_EXIT(r, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
}

void TestCliLint::attackVariantsAreRejectedByVerify_data()
{
    ASSAY_REQUIRE_VECTORS();
    QTest::addColumn<QString>("alg");
    QTest::newRow("ES256") << QStringLiteral("ES256");
    QTest::newRow("RS256") << QStringLiteral("RS256");
    QTest::newRow("HS256") << QStringLiteral("HS256");
}

void TestCliLint::attackVariantsAreRejectedByVerify()
{
    QFETCH(QString, alg);
    const QJsonObject entry = jwtio(alg);
    const QString token = entry.value(QStringLiteral("token")).toString();
    QStringList keyArgs;
    QStringList attackArgs{QStringLiteral("attack"),    token,
                           QStringLiteral("--variant"), QStringLiteral("all"),
                           QStringLiteral("--url"),     QStringLiteral("https://attacker.example/jwks.json")};
    if (entry.contains(QStringLiteral("secret"))) {
        keyArgs = {QStringLiteral("--secret-file"),
                   write(alg + QStringLiteral(".secret"), entry.value(QStringLiteral("secret")).toString().toUtf8())};
    } else {
        const QString pub =
            write(alg + QStringLiteral(".pub"), entry.value(QStringLiteral("publicKey")).toString().toUtf8());
        keyArgs = {QStringLiteral("--key"), pub};
        attackArgs << QStringLiteral("--public-key") << pub;
    }
    // The original verifies with its key...
    RUN(original, QStringList{QStringLiteral("verify"), token} + keyArgs);
    EXPECT_EXIT(original, 0);
    // ...every variant printed by `attack` does not.
    RUN(attack, attackArgs);
    EXPECT_EXIT(attack, 0);
    const QStringList tokens = tokensOf(attack.out);
    QVERIFY2(tokens.size() >= 11, attack.describe().constData());
    for (const QString& forged : tokens) {
        QVERIFY(forged != token);
        RUN(v, QStringList{QStringLiteral("verify"), forged} + keyArgs);
        QVERIFY2(v.exitCode == 1, (forged.toUtf8() + "\n" + v.describe()).constData());
    }
}

void TestCliLint::attackJsonAndErrors()
{
    ASSAY_REQUIRE_VECTORS();
    const QString es = jwtioToken(QStringLiteral("ES256"));
    RUN(j, {QStringLiteral("attack"), es, QStringLiteral("--variant"), QStringLiteral("psychic-signature"),
            QStringLiteral("--json")});
    EXPECT_EXIT(j, 0);
    const QJsonArray variants = j.json().value(QStringLiteral("variants")).toArray();
    QCOMPARE(variants.size(), 1);
    const QJsonObject v = variants.first().toObject();
    QCOMPARE(v.value(QStringLiteral("attack")).toString(), QStringLiteral("A12"));
    const QString signature = v.value(QStringLiteral("token")).toString().section(QLatin1Char('.'), 2);
    QCOMPARE(QByteArray::fromBase64(signature.toLatin1(), QByteArray::Base64UrlEncoding), QByteArray(64, '\0'));
    // The jku variant's companion is the JWK Set to host, as JSON.
    RUN(k, {QStringLiteral("attack"), es, QStringLiteral("--variant"), QStringLiteral("jku"), QStringLiteral("--url"),
            QStringLiteral("https://attacker.example/jwks.json"), QStringLiteral("--json")});
    EXPECT_EXIT(k, 0);
    const QJsonObject jku = k.json().value(QStringLiteral("variants")).toArray().first().toObject();
    QCOMPARE(jku.value(QStringLiteral("companion")).toObject().value(QStringLiteral("keys")).toArray().size(), 1);
    // A variant that does not apply: exit 1 with the reason.
    RUN(n, {QStringLiteral("attack"), jwtioToken(QStringLiteral("HS256")), QStringLiteral("--variant"),
            QStringLiteral("psychic-signature")});
    EXPECT_EXIT(n, 1);
    QVERIFY(n.err.contains("ES256"));
    RUN(u, {QStringLiteral("attack"), es, QStringLiteral("--variant"), QStringLiteral("jku")});
    EXPECT_EXIT(u, 1);
}

QTEST_GUILESS_MAIN(TestCliLint)
#include "TestCliLint.moc"
