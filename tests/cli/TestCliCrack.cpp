// SPDX-License-Identifier: Apache-2.0
// `assay-cli crack` as a real process (issue 5): exit status 0 found / 1 not found / 2 usage, the secret and the
// warning on stdout, --json, --hashcat, and each source (built-in list, wordlist, rules, mask). Tokens come from
// ../shared/vectors/jwtio-defaults or are signed here with Qt's own HMAC (QMessageAuthenticationCode).

#include "CliProcess.h"
#include "Vectors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
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

QByteArray b64url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString signToken(const QByteArray& secret)
{
    const QByteArray input = b64url(R"({"alg":"HS256","typ":"JWT"})") + '.' + b64url(R"({"sub":"cli"})");
    return QString::fromLatin1(input + '.' +
                               b64url(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256)));
}

QString jwtioToken(const QString& alg)
{
    return assay::test::readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))
        .value(QStringLiteral("tokens"))
        .toObject()
        .value(alg)
        .toObject()
        .value(QStringLiteral("token"))
        .toString();
}

const QString kCrack = QStringLiteral("crack");

} // namespace

class TestCliCrack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void builtinFindsJwtioSecret();
    void wordlistWithCrlf();
    void rulesAndMask();
    void notFoundExitsOne();
    void jsonOutput();
    void nonPrintableSecretIsShownInHex();
    void hashcatFormat();
    void refusesNonHmacTokens();
    void usageErrors_data();
    void usageErrors();
    void helpMentionsTheSyntax();

private:
    QString writeFile(const QString& name, const QByteArray& content);
    QTemporaryDir m_dir;
};

void TestCliCrack::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(QStringLiteral(ASSAY_CLI_PATH)), ASSAY_CLI_PATH);
}

QString TestCliCrack::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(content);
    return path;
}

void TestCliCrack::builtinFindsJwtioSecret()
{
    ASSAY_REQUIRE_VECTORS();
    // The built-in list is the default source; the token may come as an argument or on standard input.
    RUN(r, {kCrack, jwtioToken(QStringLiteral("HS256"))});
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.contains("FOUND:      the HS256 secret is \"a-string-secret-at-least-256-bits-long\""),
             r.describe().constData());
    QVERIFY(r.out.contains("WARNING:"));
    QVERIFY(r.out.contains("Hex:        " + QByteArray("a-string-secret-at-least-256-bits-long").toHex()));

    RUN(s, {kCrack, QStringLiteral("-"), QStringLiteral("--threads"), QStringLiteral("1")},
        jwtioToken(QStringLiteral("HS512")).toUtf8() + '\n');
    EXPECT_EXIT(s, 0);
    QVERIFY2(s.out.contains("a-valid-string-secret-that-is-at-least-512-bits-long-which-is-very-long"),
             s.describe().constData());
    QVERIFY(s.out.contains("Threads:    1"));
}

void TestCliCrack::wordlistWithCrlf()
{
    const QString list = writeFile(QStringLiteral("words.txt"), "\r\nfirst\r\ncorrect horse\r\nlast");
    RUN(r, {kCrack, signToken("correct horse"), QStringLiteral("--wordlist"), list});
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.contains("the HS256 secret is \"correct horse\" (13 bytes, from the wordlist words.txt)"),
             r.describe().constData());
    QVERIFY2(!r.err.contains('\r'), r.describe().constData()); // no progress line when stderr is not a terminal
}

void TestCliCrack::rulesAndMask()
{
    RUN(ruled, {kCrack, signToken("Changeme"), QStringLiteral("--rules")});
    EXPECT_EXIT(ruled, 0);
    QVERIFY2(ruled.out.contains("\"Changeme\""), ruled.describe().constData());

    RUN(masked, {kCrack, signToken("pin-4711"), QStringLiteral("--mask"), QStringLiteral("pin-?d?d?d?d")});
    EXPECT_EXIT(masked, 0);
    QVERIFY2(masked.out.contains("\"pin-4711\""), masked.describe().constData());
    QVERIFY(masked.out.contains("mask pin-?d?d?d?d"));
    QVERIFY(!masked.out.contains("built-in list")); // a mask alone replaces the default source

    RUN(custom,
        {kCrack, signToken("b2"), QStringLiteral("--mask"), QStringLiteral("?1?2"), QStringLiteral("-1"),
         QStringLiteral("abc"), QStringLiteral("--charset2"), QStringLiteral("?d"), QStringLiteral("--builtin")});
    EXPECT_EXIT(custom, 0);
    QVERIFY2(custom.out.contains("\"b2\""), custom.describe().constData());

    RUN(increment,
        {kCrack, signToken("7"), QStringLiteral("--mask"), QStringLiteral("?d?d?d"), QStringLiteral("--increment")});
    EXPECT_EXIT(increment, 0);
}

void TestCliCrack::notFoundExitsOne()
{
    RUN(r, {kCrack, signToken("k7#Qz!x9_unguessable"), QStringLiteral("--mask"), QStringLiteral("?d?d?d")});
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.out.contains("NOT FOUND:"), r.describe().constData());
    QVERIFY(r.out.contains("1,001 candidates")); // the empty secret and 000..999
}

void TestCliCrack::jsonOutput()
{
    RUN(r, {kCrack, signToken("secret"), QStringLiteral("--json")});
    EXPECT_EXIT(r, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("command")).toString(), QStringLiteral("crack"));
    QCOMPARE(o.value(QStringLiteral("found")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("found"));
    QCOMPARE(o.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
    QCOMPARE(o.value(QStringLiteral("secret")).toString(), QStringLiteral("secret"));
    QCOMPARE(o.value(QStringLiteral("secretHex")).toString(), QStringLiteral("736563726574"));
    QCOMPARE(o.value(QStringLiteral("secretBytes")).toInt(), 6);
    QVERIFY(o.value(QStringLiteral("foundBy")).toString().startsWith(QLatin1String("built-in list")));
    QVERIFY(o.value(QStringLiteral("tested")).toInteger() >= 2);
    QVERIFY(!o.value(QStringLiteral("warning")).toString().isEmpty());

    RUN(n, {kCrack, signToken("zz"), QStringLiteral("--mask"), QStringLiteral("?d"), QStringLiteral("--json")});
    EXPECT_EXIT(n, 1);
    const QJsonObject m = n.json();
    QCOMPARE(m.value(QStringLiteral("found")).toBool(), false);
    QCOMPARE(m.value(QStringLiteral("outcome")).toString(), QStringLiteral("not found"));
    QCOMPARE(m.value(QStringLiteral("tested")).toInteger(), 11);
    QVERIFY(!m.contains(QStringLiteral("secret")));
}

void TestCliCrack::nonPrintableSecretIsShownInHex()
{
    RUN(r, {kCrack, signToken(QByteArray("\x01\xff", 2)), QStringLiteral("--mask"), QStringLiteral("?b?b"),
            QStringLiteral("--json")});
    EXPECT_EXIT(r, 0);
    const QJsonObject o = r.json();
    QVERIFY(o.value(QStringLiteral("secret")).isNull());
    QCOMPARE(o.value(QStringLiteral("secretHex")).toString(), QStringLiteral("01ff"));
}

void TestCliCrack::hashcatFormat()
{
    // hashcat's mode 16500 takes the JWT itself (src/modules/module_16500.c).
    const QString token = signToken("secret");
    RUN(r, {kCrack, token, QStringLiteral("--hashcat")});
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, token.toUtf8() + '\n');
    QVERIFY(r.err.contains("hashcat -m 16500"));

    RUN(bearer, {kCrack, QStringLiteral("Bearer ") + token, QStringLiteral("--hashcat")});
    EXPECT_EXIT(bearer, 0);
    QCOMPARE(bearer.out, token.toUtf8() + '\n');
}

void TestCliCrack::refusesNonHmacTokens()
{
    ASSAY_REQUIRE_VECTORS();
    for (const char* alg : {"RS256", "ES256", "none"}) {
        RUN(r, {kCrack, jwtioToken(QLatin1String(alg))});
        EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains("cannot check this token's secret"), r.describe().constData());
        QVERIFY(r.out.isEmpty());
    }
    RUN(h, {kCrack, jwtioToken(QStringLiteral("RS256")), QStringLiteral("--hashcat")});
    EXPECT_EXIT(h, 2);
    RUN(m, {kCrack, QStringLiteral("not.a token")});
    EXPECT_EXIT(m, 2);
    QVERIFY2(m.err.contains("MALFORMED"), m.describe().constData());
}

void TestCliCrack::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString t = signToken("x");
    QTest::newRow("threads 0") << QStringList{t, QStringLiteral("--threads"), QStringLiteral("0")}
                               << QStringLiteral("--threads needs");
    QTest::newRow("threads abc") << QStringList{t, QStringLiteral("--threads"), QStringLiteral("abc")}
                                 << QStringLiteral("--threads needs");
    QTest::newRow("bad mask") << QStringList{t, QStringLiteral("--mask"), QStringLiteral("?z")}
                              << QStringLiteral("unknown placeholder ?z");
    QTest::newRow("mask ?1 without charset") << QStringList{t, QStringLiteral("--mask"), QStringLiteral("?1")}
                                             << QStringLiteral("custom charset 1 is not given");
    QTest::newRow("charset without mask")
        << QStringList{t, QStringLiteral("-1"), QStringLiteral("ab")} << QStringLiteral("go with --mask");
    QTest::newRow("increment without mask")
        << QStringList{t, QStringLiteral("--increment")} << QStringLiteral("go with --mask");
    QTest::newRow("rules with a mask only")
        << QStringList{t, QStringLiteral("--rules"), QStringLiteral("--mask"), QStringLiteral("?d")}
        << QStringLiteral("--rules applies");
    QTest::newRow("two masks") << QStringList{t, QStringLiteral("--mask"), QStringLiteral("?d"),
                                              QStringLiteral("--mask"), QStringLiteral("?l")}
                               << QStringLiteral("given more than once");
    QTest::newRow("missing wordlist") << QStringList{t, QStringLiteral("--wordlist"),
                                                     QStringLiteral("/nonexistent/words.txt")}
                                      << QStringLiteral("cannot open wordlist");
    QTest::newRow("hashcat with a source")
        << QStringList{t, QStringLiteral("--hashcat"), QStringLiteral("--mask"), QStringLiteral("?d")}
        << QStringLiteral("--hashcat only");
    QTest::newRow("unknown option") << QStringList{t, QStringLiteral("--brute")} << QStringLiteral("brute");
}

void TestCliCrack::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    RUN(r, QStringList{kCrack} + arguments);
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(message.toUtf8()), r.describe().constData());
}

void TestCliCrack::helpMentionsTheSyntax()
{
    RUN(r, {kCrack, QStringLiteral("--help")});
    EXPECT_EXIT(r, 0);
    for (const char* word : {"--wordlist", "--rules", "--mask", "--charset1", "--increment", "--threads", "--hashcat",
                             "?l a-z", "Exit status"})
        QVERIFY2(r.out.contains(word), word);
    RUN(top, {QStringLiteral("--help")});
    QVERIFY(top.out.contains("crack"));
}

QTEST_GUILESS_MAIN(TestCliCrack)
#include "TestCliCrack.moc"
