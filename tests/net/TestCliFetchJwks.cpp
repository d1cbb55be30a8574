// SPDX-License-Identifier: Apache-2.0
// `assay-cli fetch-jwks` as a real process against the local HTTP(S) test server (LocalJwksServer.h): the
// "fetching <url>" line before each request, the key table, --json, discovery by issuer, the offline cache, exit
// codes. The served set is RFC 7517 Appendix A.1; its RSA key's thumbprint is the RFC 7638 section 3.1 value.

#include "LocalJwksServer.h"
#include "Vectors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr int TimeoutMs = 60000;

struct Run
{
    bool finished = false;
    bool normalExit = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    [[nodiscard]] QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + (normalExit ? "" : " (crashed)") + "\n--- stdout:\n" +
               out.left(4000) + "\n--- stderr:\n" + err.left(4000);
    }
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run runCli(const QStringList& arguments)
{
    QProcess p;
    p.setProgram(QStringLiteral(ASSAY_CLI_PATH));
    p.setArguments(arguments);
    p.start();
    Run r;
    if (!p.waitForStarted(TimeoutMs))
        return r;
    p.closeWriteChannel();
    r.finished = p.waitForFinished(TimeoutMs);
    r.normalExit = p.exitStatus() == QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

#define RUN(var, ...)                                                                                                  \
    const Run var = runCli(__VA_ARGS__);                                                                               \
    QVERIFY2(var.finished&& var.normalExit, var.describe().constData())

#define EXPECT_EXIT(var, code) QVERIFY2(var.exitCode == (code), var.describe().constData())

} // namespace

class TestCliFetchJwks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fetchPrintsUrlFirstThenKeys();
    void fetchJson();
    void redirectShown();
    void issuerDiscovery();
    void failuresExitOne_data();
    void failuresExitOne();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void cacheListOfflineRemoveClear();
    void noCacheStoresNothing();

private:
    [[nodiscard]] QStringList trustedArgs() const;

    assay::test::LocalJwksServer m_server;
    QTemporaryDir m_cache;
    QString m_rsaThumbprint;
};

void TestCliFetchJwks::initTestCase()
{
    ASSAY_REQUIRE_VECTORS();
    QVERIFY(m_cache.isValid());
    const QString problem = m_server.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(QStringLiteral("cannot run the local test server: %1").arg(problem)));
    m_rsaThumbprint =
        QString::fromLatin1(assay::test::readVectorFile(QStringLiteral("latchset-jose/rfc7638_3.1.thp")).trimmed());
    QVERIFY(!m_rsaThumbprint.isEmpty());
}

void TestCliFetchJwks::cleanupTestCase()
{
    m_server.stop();
}

QStringList TestCliFetchJwks::trustedArgs() const
{
    return {QStringLiteral("--ca-file"), m_server.certFile(), QStringLiteral("--cache-dir"), m_cache.path()};
}

void TestCliFetchJwks::fetchPrintsUrlFirstThenKeys()
{
    const QString url = m_server.https(QStringLiteral("/jwks.json"));
    RUN(r, QStringList{QStringLiteral("fetch-jwks"), url} + trustedArgs());
    EXPECT_EXIT(r, 0);
    const QList<QByteArray> errLines = r.err.split('\n');
    QVERIFY2(!errLines.isEmpty() && errLines.front().contains("fetching " + url.toUtf8()), r.describe().constData());
    QVERIFY2(r.out.contains("Keys:    2"), r.describe().constData());
    QVERIFY(r.out.contains("2011-04-29"));
    QVERIFY(r.out.contains("RS256"));
    QVERIFY(r.out.contains(m_rsaThumbprint.toLatin1()));
    QVERIFY(r.err.contains("cached for offline use"));
}

void TestCliFetchJwks::fetchJson()
{
    const QString url = m_server.https(QStringLiteral("/jwks.json"));
    RUN(r, QStringList{QStringLiteral("fetch-jwks"), url, QStringLiteral("--json"), QStringLiteral("--no-cache")} +
               trustedArgs());
    EXPECT_EXIT(r, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("source")).toString(), url);
    QCOMPARE(o.value(QLatin1String("jwks")).toObject(),
             QJsonDocument::fromJson(assay::test::readVectorFile(QStringLiteral("latchset-jose/rfc7517_A.1.jwkset")))
                 .object());
    const QJsonArray keys = o.value(QLatin1String("keys")).toArray();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(1).toObject().value(QLatin1String("kid")).toString(), QStringLiteral("2011-04-29"));
    QCOMPARE(keys.at(1).toObject().value(QLatin1String("kty")).toString(), QStringLiteral("RSA"));
    QCOMPARE(keys.at(1).toObject().value(QLatin1String("thumbprint")).toString(), m_rsaThumbprint);
    QCOMPARE(keys.at(0).toObject().value(QLatin1String("use")).toString(), QStringLiteral("enc"));
    QVERIFY(o.value(QLatin1String("cacheFile")).isNull());
    QVERIFY(r.err.contains("fetching " + url.toUtf8()));
}

void TestCliFetchJwks::redirectShown()
{
    const QString target = m_server.https(QStringLiteral("/jwks.json"));
    const QString start =
        m_server.https(QStringLiteral("/redirect?to=")) + QString::fromLatin1(QUrl::toPercentEncoding(target));
    RUN(r, QStringList{QStringLiteral("fetch-jwks"), start, QStringLiteral("--no-cache")} + trustedArgs());
    EXPECT_EXIT(r, 0);
    const qsizetype first = r.err.indexOf("fetching " + start.toUtf8());
    const qsizetype hop = r.err.indexOf("redirect (HTTP 302) from " + start.toUtf8() + " to " + target.toUtf8());
    const qsizetype second = r.err.indexOf("fetching " + target.toUtf8());
    QVERIFY2(first >= 0 && hop > first && second > hop, r.describe().constData());
    QVERIFY(r.out.contains("From:    " + target.toUtf8()));
}

void TestCliFetchJwks::issuerDiscovery()
{
    const QString issuer = m_server.https(QStringLiteral("/tenant"));
    RUN(r, QStringList{QStringLiteral("fetch-jwks"), QStringLiteral("--issuer"), issuer, QStringLiteral("--json")} +
               trustedArgs());
    EXPECT_EXIT(r, 0);
    const QByteArray openid = (issuer + QStringLiteral("/.well-known/openid-configuration")).toUtf8();
    const QByteArray oauth = m_server.https(QStringLiteral("/.well-known/oauth-authorization-server/tenant")).toUtf8();
    const QByteArray jwks = m_server.https(QStringLiteral("/jwks.json")).toUtf8();
    const qsizetype a = r.err.indexOf("fetching " + openid);
    const qsizetype b = r.err.indexOf("fetching " + oauth);
    const qsizetype c = r.err.indexOf("fetching " + jwks);
    QVERIFY2(a >= 0 && b > a && c > b, r.describe().constData());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("issuer")).toString(), issuer);
    QCOMPARE(o.value(QLatin1String("metadataUrl")).toString(), QString::fromUtf8(oauth));
    QCOMPARE(o.value(QLatin1String("source")).toString(), QString::fromUtf8(jwks));
    QCOMPARE(o.value(QLatin1String("keys")).toArray().size(), 2);
}

void TestCliFetchJwks::failuresExitOne_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("404") << "/missing" << QStringList{} << "ERR_HTTP_STATUS"
                         << "not found";
    QTest::newRow("not JSON") << "/not-json" << QStringList{} << "ERR_JSON_SYNTAX"
                              << "not JSON";
    QTest::newRow("no keys") << "/empty-keys" << QStringList{} << "ERR_KEY_SET_EMPTY"
                             << "no keys";
    QTest::newRow("too large") << "/big" << QStringList{QStringLiteral("--max-bytes"), QStringLiteral("1000")}
                               << "ERR_RESPONSE_TOO_LARGE"
                               << "larger than";
    QTest::newRow("timeout") << "/slow?s=6" << QStringList{QStringLiteral("--timeout"), QStringLiteral("1")}
                             << "ERR_NETWORK_TIMEOUT"
                             << "timed out";
}

void TestCliFetchJwks::failuresExitOne()
{
    QFETCH(QString, path);
    QFETCH(QStringList, extra);
    QFETCH(QString, code);
    QFETCH(QString, message);
    RUN(r, QStringList{QStringLiteral("fetch-jwks"), m_server.https(path), QStringLiteral("--no-cache")} +
               trustedArgs() + extra);
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.err.contains(code.toLatin1()), r.describe().constData());
    QVERIFY2(r.err.contains(message.toUtf8()), r.describe().constData());
}

void TestCliFetchJwks::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("nothing to do") << QStringList{};
    QTest::newRow("URL and issuer") << QStringList{QStringLiteral("https://a.example/jwks"), QStringLiteral("--issuer"),
                                                   QStringLiteral("https://a.example")};
    QTest::newRow("two modes") << QStringList{QStringLiteral("--list-cache"), QStringLiteral("--clear-cache")};
    QTest::newRow("bad timeout") << QStringList{QStringLiteral("https://a.example/jwks"), QStringLiteral("--timeout"),
                                                QStringLiteral("soon")};
    QTest::newRow("bad max-bytes") << QStringList{QStringLiteral("https://a.example/jwks"),
                                                  QStringLiteral("--max-bytes"), QStringLiteral("-5")};
    QTest::newRow("missing CA file") << QStringList{QStringLiteral("https://a.example/jwks"),
                                                    QStringLiteral("--ca-file"), QStringLiteral("/nonexistent/ca.pem")};
    QTest::newRow("relative URL") << QStringList{QStringLiteral("jwks.json")};
}

void TestCliFetchJwks::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    RUN(r, QStringList{QStringLiteral("fetch-jwks"), QStringLiteral("--cache-dir"), m_cache.path()} + arguments);
    EXPECT_EXIT(r, 2);
    QVERIFY2(!r.err.contains("fetching"), r.describe().constData()); // nothing was requested
}

void TestCliFetchJwks::cacheListOfflineRemoveClear()
{
    QTemporaryDir dir;
    const QStringList cacheArgs{QStringLiteral("--cache-dir"), dir.path()};
    const QString url = m_server.https(QStringLiteral("/jwks.json"));
    {
        RUN(r, QStringList{QStringLiteral("fetch-jwks"), url, QStringLiteral("--ca-file"), m_server.certFile()} +
                   cacheArgs);
        EXPECT_EXIT(r, 0);
    }
    {
        RUN(r, QStringList{QStringLiteral("fetch-jwks"), QStringLiteral("--list-cache"), QStringLiteral("--json")} +
                   cacheArgs);
        EXPECT_EXIT(r, 0);
        const QJsonArray entries = r.json().value(QLatin1String("entries")).toArray();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).toObject().value(QLatin1String("source")).toString(), url);
        QCOMPARE(entries.at(0).toObject().value(QLatin1String("keys")).toInt(), 2);
        QVERIFY(!r.err.contains("fetching"));
    }
    {
        // Offline: the server is not asked (no "fetching" line), the fetch time is shown.
        RUN(r, QStringList{QStringLiteral("fetch-jwks"), QStringLiteral("--offline"), url} + cacheArgs);
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains("Fetched: "), r.describe().constData());
        QVERIFY(r.out.contains(m_rsaThumbprint.toLatin1()));
        QVERIFY(!r.err.contains("fetching"));
    }
    {
        RUN(r, QStringList{QStringLiteral("fetch-jwks"), QStringLiteral("--remove-cache"), url} + cacheArgs);
        EXPECT_EXIT(r, 0);
    }
    {
        RUN(r, QStringList{QStringLiteral("fetch-jwks"), QStringLiteral("--offline"), url} + cacheArgs);
        EXPECT_EXIT(r, 1);
        QVERIFY2(r.err.contains("ERR_CACHE_MISS"), r.describe().constData());
    }
    {
        RUN(r, QStringList{QStringLiteral("fetch-jwks"), url, QStringLiteral("--ca-file"), m_server.certFile()} +
                   cacheArgs);
        EXPECT_EXIT(r, 0);
        RUN(c, QStringList{QStringLiteral("fetch-jwks"), QStringLiteral("--clear-cache")} + cacheArgs);
        EXPECT_EXIT(c, 0);
        QVERIFY2(c.out.contains("Removed 1 cached set"), c.describe().constData());
        RUN(l, QStringList{QStringLiteral("fetch-jwks"), QStringLiteral("--list-cache")} + cacheArgs);
        EXPECT_EXIT(l, 0);
        QVERIFY2(l.out.contains("No cached JWK Sets"), l.describe().constData());
    }
}

void TestCliFetchJwks::noCacheStoresNothing()
{
    QTemporaryDir dir;
    RUN(r, QStringList{QStringLiteral("fetch-jwks"), m_server.https(QStringLiteral("/jwks.json")),
                       QStringLiteral("--ca-file"), m_server.certFile(), QStringLiteral("--no-cache"),
                       QStringLiteral("--cache-dir"), dir.path()});
    EXPECT_EXIT(r, 0);
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).isEmpty());
}

QTEST_GUILESS_MAIN(TestCliFetchJwks)
#include "TestCliFetchJwks.moc"
