// SPDX-License-Identifier: Apache-2.0
// Fetching JWK Sets against a real local HTTP and HTTPS server (tests/net/jwks_server.py) that this test starts with
// a self-signed certificate it generates with the openssl CLI. The served set is RFC 7517 Appendix A.1 (published
// vector, latchset-jose); its RSA key's RFC 7638 section 3.1 thumbprint is the expected value for the parsed keys.
#include "LocalJwksServer.h"
#include "Vectors.h"

#include "net/FetchUrlPolicy.h"
#include "net/HttpFetch.h"
#include "net/JwksCache.h"
#include "net/JwksDocument.h"
#include "net/JwksFetcher.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace assay;
using namespace assay::test;

namespace {

// The failure text of a result, for QVERIFY2 (which evaluates its message even when the check passes).
template <typename T> QByteArray whyText(const Result<T>& result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

template <typename T> bool failsWith(const Result<T>& result, ErrorCode code)
{
    return !result && result.error().code == code;
}

} // namespace

#define why(result) whyText(result).constData()

class TestJwksFetch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // Only core/net/ has code that can open a connection (ATTACKS.md A07; TestNoNetwork checks the behaviour).
    void onlyNetCanConnect();

    // URL policy: decided before any connection.
    void urlPolicy_data();
    void urlPolicy();
    void discoveryUrls_data();
    void discoveryUrls();

    // HTTPS
    void httpsTrustedByCaFile();
    void httpsByHostName();
    void selfSignedNotTrustedWithoutCaFile();
    void missingCaFile();
    void slowResponseTimesOut();
    void oversizeRefused_data();
    void oversizeRefused();
    void notJson();
    void noKeys_data();
    void noKeys();
    void notFound();
    void wrongContentTypeToleratedWhenItParses();
    void privateKeysPublishedAreWarned();
    void redirectHttpsToHttpsFollowed();
    void relativeRedirectFollowed();
    void redirectHttpsToHttpRefused();
    void tooManyRedirects();
    void connectFailure();

    // Plain http to this machine
    void httpRefusedUnlessAllowed();
    void httpLocalhostAllowedWithFlag();

    // Discovery
    void discoveryOpenIdConfiguration();
    void discoveryOAuthServerWithPathIssuer();
    void discoveryIssuerMismatchRefused();
    void discoveryPlainJwksUriRefused();
    void discoveryNothingFound();

    // Cache
    void cacheStoreListLoadRemove();
    void cacheRefusesPrivateAndSecretKeys_data();
    void cacheRefusesPrivateAndSecretKeys();
    void cacheClear();

private:
    [[nodiscard]] FetchOptions trusted() const;
    [[nodiscard]] QByteArray servedJwks() const;

    LocalJwksServer m_server;
};

void TestJwksFetch::initTestCase()
{
    ASSAY_REQUIRE_VECTORS();
    const QString problem = m_server.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(QStringLiteral("cannot run the local test server: %1").arg(problem)));
}

void TestJwksFetch::cleanupTestCase()
{
    m_server.stop();
}

FetchOptions TestJwksFetch::trusted() const
{
    FetchOptions options;
    options.caFile = m_server.certFile();
    options.timeoutMs = 8000;
    return options;
}

QByteArray TestJwksFetch::servedJwks() const
{
    return readVectorFile(QStringLiteral("latchset-jose/rfc7517_A.1.jwkset"));
}

void TestJwksFetch::onlyNetCanConnect()
{
    const QDir core(QStringLiteral(ASSAY_SOURCE_DIR "/core"));
    if (!core.exists())
        QSKIP("the core sources are not next to this build");
    const QList<QByteArray> networkApis{"<openssl/ssl.h>", "<openssl/http.h>", "BIO_new_connect", "BIO_s_connect",
                                        "<sys/socket.h>",  "<netdb.h>",        "getaddrinfo",     "QNetwork",
                                        "QTcpSocket",      "QSslSocket",       "QUdpSocket"};
    QStringList offenders;
    int scanned = 0;
    QDirIterator it(core.path(), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = core.relativeFilePath(path);
        if (relative.startsWith(QLatin1String("net/")))
            continue;
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        ++scanned;
        for (const QByteArray& api : networkApis) {
            if (text.contains(api))
                offenders.append(QStringLiteral("core/%1 uses %2").arg(relative, QString::fromLatin1(api)));
        }
    }
    QVERIFY(scanned > 0);
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
}

void TestJwksFetch::urlPolicy_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowHttpLocalhost");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("https") << "https://issuer.example/jwks" << false << true;
    QTest::newRow("https with port") << "https://issuer.example:8443/jwks" << false << true;
    QTest::newRow("http remote") << "http://issuer.example/jwks" << false << false;
    QTest::newRow("http remote even when localhost allowed") << "http://issuer.example/jwks" << true << false;
    QTest::newRow("http 127.0.0.1 not allowed") << "http://127.0.0.1:8080/jwks" << false << false;
    QTest::newRow("http 127.0.0.1 allowed") << "http://127.0.0.1:8080/jwks" << true << true;
    QTest::newRow("http localhost allowed") << "http://localhost/jwks" << true << true;
    QTest::newRow("http [::1] allowed") << "http://[::1]:8080/jwks" << true << true;
    QTest::newRow("http 127.0.0.2 is not the exception") << "http://127.0.0.2/jwks" << true << false;
    QTest::newRow("http localhost.example") << "http://localhost.example/jwks" << true << false;
    QTest::newRow("ftp") << "ftp://issuer.example/jwks" << true << false;
    QTest::newRow("file") << "file:///etc/passwd" << true << false;
    QTest::newRow("credentials") << "https://user:secret@issuer.example/jwks" << false << false;
    QTest::newRow("relative") << "/jwks.json" << false << false;
}

void TestJwksFetch::urlPolicy()
{
    QFETCH(QString, url);
    QFETCH(bool, allowHttpLocalhost);
    QFETCH(bool, allowed);
    const Result<void> checked = checkFetchUrl(QUrl(url), allowHttpLocalhost);
    QCOMPARE(checked.has_value(), allowed);
    if (!allowed)
        QCOMPARE(checked.error().code, ErrorCode::NetworkRefused);
}

void TestJwksFetch::discoveryUrls_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QStringList>("urls");

    // OpenID Connect Discovery 1.0 section 4.1 (issuer + "/.well-known/openid-configuration"); RFC 8414 section 3.1
    // example: issuer https://example.com/issuer1 -> https://example.com/.well-known/oauth-authorization-server/issuer1
    QTest::newRow("no path") << "https://example.com"
                             << QStringList{
                                    QStringLiteral("https://example.com/.well-known/openid-configuration"),
                                    QStringLiteral("https://example.com/.well-known/oauth-authorization-server")};
    QTest::newRow("RFC 8414 section 3.1 example")
        << "https://example.com/issuer1"
        << QStringList{QStringLiteral("https://example.com/issuer1/.well-known/openid-configuration"),
                       QStringLiteral("https://example.com/.well-known/oauth-authorization-server/issuer1")};
    QTest::newRow("terminating slash removed")
        << "https://example.com/tenant/"
        << QStringList{QStringLiteral("https://example.com/tenant/.well-known/openid-configuration"),
                       QStringLiteral("https://example.com/.well-known/oauth-authorization-server/tenant")};
    QTest::newRow("port kept")
        << "https://example.com:8443/a/b"
        << QStringList{QStringLiteral("https://example.com:8443/a/b/.well-known/openid-configuration"),
                       QStringLiteral("https://example.com:8443/.well-known/oauth-authorization-server/a/b")};
    QTest::newRow("http issuer refused") << "http://example.com" << QStringList{};
    QTest::newRow("query refused") << "https://example.com/?tenant=1" << QStringList{};
    QTest::newRow("fragment refused") << "https://example.com/#x" << QStringList{};
}

void TestJwksFetch::discoveryUrls()
{
    QFETCH(QString, issuer);
    QFETCH(QStringList, urls);
    const Result<QList<QUrl>> found = assay::discoveryUrls(issuer, false);
    if (urls.isEmpty()) {
        QVERIFY(!found.has_value());
        return;
    }
    QVERIFY2(found.has_value(), why(found));
    QStringList shown;
    for (const QUrl& url : *found)
        shown.append(displayUrl(url));
    QCOMPARE(shown, urls);
}

void TestJwksFetch::httpsTrustedByCaFile()
{
    QList<QUrl> requested;
    FetchOptions options = trusted();
    options.onRequest = [&requested](const QUrl& url) {
        requested.append(url);
    };
    const QUrl url(m_server.https(QStringLiteral("/jwks.json")));
    const Result<FetchedJwks> fetched = fetchJwks(url, options);
    QVERIFY2(fetched.has_value(), why(fetched));

    QCOMPARE(requested, QList<QUrl>{url});
    QCOMPARE(fetched->raw, servedJwks());
    QCOMPARE(fetched->finalUrl, url);
    QVERIFY(fetched->hops.isEmpty());
    QCOMPARE(fetched->contentType, QStringLiteral("application/jwk-set+json"));
    QVERIFY2(fetched->warnings.isEmpty(), qPrintable(fetched->warnings.join(u'\n')));
    QCOMPARE(fetched->keys.keys.size(), 2);
    QCOMPARE(fetched->keys.keys.at(0).kid(), QStringLiteral("1"));
    QCOMPARE(fetched->keys.keys.at(1).kid(), QStringLiteral("2011-04-29"));
    // RFC 7638 section 3.1: the thumbprint of the RFC 7517 A.1 RSA key.
    const QByteArray expected = readVectorFile(QStringLiteral("latchset-jose/rfc7638_3.1.thp")).trimmed();
    QCOMPARE(fetched->keys.keys.at(1).thumbprint().value_or(QString()), QString::fromLatin1(expected));
}

void TestJwksFetch::httpsByHostName()
{
    // "localhost" is checked against the certificate's DNS name (and sent as SNI).
    const QUrl url(QStringLiteral("https://localhost:%1/jwks.json").arg(m_server.httpsPort()));
    const Result<FetchResult> fetched = httpGet(url, trusted());
    QVERIFY2(fetched.has_value(), why(fetched));
    QCOMPARE(fetched->status, 200);
    QCOMPARE(fetched->body, servedJwks());
}

void TestJwksFetch::selfSignedNotTrustedWithoutCaFile()
{
    FetchOptions options;
    options.timeoutMs = 8000;
    const Result<FetchResult> fetched = httpGet(QUrl(m_server.https(QStringLiteral("/jwks.json"))), options);
    QVERIFY(!fetched.has_value());
    QCOMPARE(fetched.error().code, ErrorCode::TlsFailure);
    // X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT as OpenSSL 3 words it (`openssl verify` prints the same text).
    QVERIFY2(fetched.error().message.contains(QLatin1String("self-signed certificate")),
             qPrintable(fetched.error().toString()));
}

void TestJwksFetch::missingCaFile()
{
    FetchOptions options = trusted();
    options.caFile = m_server.scratch(QStringLiteral("no-such-ca.pem"));
    const Result<FetchResult> fetched = httpGet(QUrl(m_server.https(QStringLiteral("/jwks.json"))), options);
    QVERIFY(!fetched.has_value());
    QCOMPARE(fetched.error().code, ErrorCode::Io);
}

void TestJwksFetch::slowResponseTimesOut()
{
    // The server waits 6 s before answering; the client gives up after its 1 s timeout (OpenSSL rounds up to the
    // next whole second). No assertion on elapsed time: only the kind of failure is checked.
    FetchOptions options = trusted();
    options.timeoutMs = 1000;
    const Result<FetchResult> fetched = httpGet(QUrl(m_server.https(QStringLiteral("/slow?s=6"))), options);
    QVERIFY(!fetched.has_value());
    QCOMPARE(fetched.error().code, ErrorCode::NetworkTimeout);
    QVERIFY2(fetched.error().message.contains(QLatin1String("timed out")), qPrintable(fetched.error().toString()));
}

void TestJwksFetch::oversizeRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("Content-Length over the cap") << "/big";
    QTest::newRow("no Content-Length, 4 MiB until close") << "/big-unsized";
}

void TestJwksFetch::oversizeRefused()
{
    QFETCH(QString, path);
    FetchOptions options = trusted();
    options.maxBytes = 64 * 1024;
    const Result<FetchResult> fetched = httpGet(QUrl(m_server.https(path)), options);
    QVERIFY(!fetched.has_value());
    QCOMPARE(fetched.error().code, ErrorCode::ResponseTooLarge);
}

void TestJwksFetch::notJson()
{
    const Result<FetchedJwks> fetched = fetchJwks(QUrl(m_server.https(QStringLiteral("/not-json"))), trusted());
    QVERIFY(!fetched.has_value());
    QCOMPARE(fetched.error().code, ErrorCode::JsonSyntax);
    QVERIFY(fetched.error().message.contains(QLatin1String("not JSON")));
    // The body starts with "<html>": the very first byte is where JSON fails.
    QCOMPARE(fetched.error().line, 1);
    QCOMPARE(fetched.error().column, 1);
}

void TestJwksFetch::noKeys_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("{\"keys\":[]}") << "/empty-keys";
    QTest::newRow("no keys member") << "/no-keys-member";
}

void TestJwksFetch::noKeys()
{
    QFETCH(QString, path);
    const Result<FetchedJwks> fetched = fetchJwks(QUrl(m_server.https(path)), trusted());
    QVERIFY(!fetched.has_value());
    QCOMPARE(fetched.error().code, ErrorCode::KeySetEmpty);
    QVERIFY2(fetched.error().message.contains(QLatin1String("no keys")), qPrintable(fetched.error().toString()));
}

void TestJwksFetch::notFound()
{
    const Result<FetchedJwks> fetched = fetchJwks(QUrl(m_server.https(QStringLiteral("/missing"))), trusted());
    QVERIFY(!fetched.has_value());
    QCOMPARE(fetched.error().code, ErrorCode::HttpStatus);
    QVERIFY2(fetched.error().message.contains(QLatin1String("not found")), qPrintable(fetched.error().toString()));
    QVERIFY(fetched.error().message.contains(QLatin1String("404")));
}

void TestJwksFetch::wrongContentTypeToleratedWhenItParses()
{
    const Result<FetchedJwks> fetched = fetchJwks(QUrl(m_server.https(QStringLiteral("/jwks-text"))), trusted());
    QVERIFY2(fetched.has_value(), why(fetched));
    QCOMPARE(fetched->contentType, QStringLiteral("text/plain"));
    QCOMPARE(fetched->keys.keys.size(), 2);
    QCOMPARE(fetched->warnings.size(), 1);
    QVERIFY(fetched->warnings.front().contains(QLatin1String("text/plain")));
}

void TestJwksFetch::privateKeysPublishedAreWarned()
{
    // RFC 7517 Appendix A.2: the same keys with their private parts.
    const Result<FetchedJwks> fetched =
        fetchJwks(QUrl(m_server.https(QStringLiteral("/private-jwks.json"))), trusted());
    QVERIFY2(fetched.has_value(), why(fetched));
    QCOMPARE(fetched->warnings.size(), 2);
    QVERIFY(fetched->warnings.at(0).contains(QLatin1String("private key material")));
    QVERIFY(fetched->warnings.at(0).contains(QLatin1String("kid \"1\"): d")));
    QVERIFY(fetched->warnings.at(1).contains(QLatin1String("d, p, q, dp, dq, qi")));
}

void TestJwksFetch::redirectHttpsToHttpsFollowed()
{
    const QUrl target(m_server.https(QStringLiteral("/jwks.json")));
    const QUrl start(m_server.https(QStringLiteral("/redirect?to=")) +
                     QString::fromLatin1(QUrl::toPercentEncoding(target.toString())));
    QList<QUrl> requested;
    QList<FetchHop> reported;
    FetchOptions options = trusted();
    options.onRequest = [&requested](const QUrl& url) {
        requested.append(url);
    };
    options.onRedirect = [&reported](const FetchHop& hop) {
        reported.append(hop);
    };
    const Result<FetchedJwks> fetched = fetchJwks(start, options);
    QVERIFY2(fetched.has_value(), why(fetched));
    QCOMPARE(fetched->source, start);
    QCOMPARE(fetched->finalUrl, target);
    QCOMPARE(fetched->hops.size(), 1);
    QCOMPARE(fetched->hops.front().from, start);
    QCOMPARE(fetched->hops.front().to, target);
    QCOMPARE(fetched->hops.front().status, 302);
    QCOMPARE(reported.size(), 1);
    QCOMPARE(requested, (QList<QUrl>{start, target}));
    QCOMPARE(fetched->raw, servedJwks());
}

void TestJwksFetch::relativeRedirectFollowed()
{
    const Result<FetchResult> fetched = httpGet(QUrl(m_server.https(QStringLiteral("/redirect-relative"))), trusted());
    QVERIFY2(fetched.has_value(), why(fetched));
    QCOMPARE(fetched->finalUrl, QUrl(m_server.https(QStringLiteral("/jwks.json"))));
    QCOMPARE(fetched->hops.size(), 1);
    QCOMPARE(fetched->hops.front().status, 301);
}

void TestJwksFetch::redirectHttpsToHttpRefused()
{
    const QUrl target(m_server.http(QStringLiteral("/jwks.json")));
    const QUrl start(m_server.https(QStringLiteral("/redirect?to=")) +
                     QString::fromLatin1(QUrl::toPercentEncoding(target.toString())));
    QList<QUrl> requested;
    FetchOptions options = trusted();
    options.allowHttpLocalhost = true; // even then: never from https down to http
    options.onRequest = [&requested](const QUrl& url) {
        requested.append(url);
    };
    const Result<FetchResult> fetched = httpGet(start, options);
    QVERIFY(!fetched.has_value());
    QCOMPARE(fetched.error().code, ErrorCode::NetworkRefused);
    QVERIFY2(fetched.error().message.contains(displayUrl(start)), qPrintable(fetched.error().toString()));
    QVERIFY(fetched.error().message.contains(displayUrl(target)));
    QCOMPARE(requested, QList<QUrl>{start}); // the http URL was never requested
}

void TestJwksFetch::tooManyRedirects()
{
    FetchOptions options = trusted();
    options.maxRedirects = 3;
    int requests = 0;
    options.onRequest = [&requests](const QUrl&) {
        ++requests;
    };
    const Result<FetchResult> fetched = httpGet(QUrl(m_server.https(QStringLiteral("/loop"))), options);
    QVERIFY(!fetched.has_value());
    QCOMPARE(fetched.error().code, ErrorCode::TooManyRedirects);
    QCOMPARE(requests, 4); // the first request and three redirects followed
}

void TestJwksFetch::connectFailure()
{
#ifndef Q_OS_UNIX
    QSKIP("finding a closed port uses POSIX sockets");
#else
    // A port that was free a moment ago: nothing listens there.
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(probe >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    QVERIFY(::bind(probe, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    QVERIFY(::getsockname(probe, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    const int port = ntohs(addr.sin_port);
    ::close(probe);
    FetchOptions options = trusted();
    options.timeoutMs = 1000;
    const Result<FetchResult> fetched =
        httpGet(QUrl(QStringLiteral("https://127.0.0.1:%1/jwks.json").arg(port)), options);
    QVERIFY(!fetched.has_value());
    // OpenSSL retries a refused connection until the timeout, so either outcome names the connection.
    QVERIFY2(fetched.error().code == ErrorCode::NetworkFailure || fetched.error().code == ErrorCode::NetworkTimeout,
             qPrintable(fetched.error().toString()));
    QVERIFY2(fetched.error().message.contains(QLatin1String("connect")), qPrintable(fetched.error().toString()));
#endif
}

void TestJwksFetch::httpRefusedUnlessAllowed()
{
    int requests = 0;
    FetchOptions options = trusted();
    options.onRequest = [&requests](const QUrl&) {
        ++requests;
    };
    const Result<FetchResult> fetched = httpGet(QUrl(m_server.http(QStringLiteral("/jwks.json"))), options);
    QVERIFY(!fetched.has_value());
    QCOMPARE(fetched.error().code, ErrorCode::NetworkRefused);
    QCOMPARE(requests, 0);
}

void TestJwksFetch::httpLocalhostAllowedWithFlag()
{
    FetchOptions options = trusted();
    options.allowHttpLocalhost = true;
    const Result<FetchedJwks> fetched = fetchJwks(QUrl(m_server.http(QStringLiteral("/jwks.json"))), options);
    QVERIFY2(fetched.has_value(), why(fetched));
    QCOMPARE(fetched->raw, servedJwks());
    QCOMPARE(fetched->keys.keys.size(), 2);
}

void TestJwksFetch::discoveryOpenIdConfiguration()
{
    const QString issuer = m_server.https();
    const Result<DiscoveredIssuer> found = discoverJwksUri(issuer, trusted());
    QVERIFY2(found.has_value(), why(found));
    QCOMPARE(found->metadataUrl, QUrl(issuer + QStringLiteral("/.well-known/openid-configuration")));
    QCOMPARE(found->tried, QList<QUrl>{found->metadataUrl});
    QCOMPARE(found->jwksUri, QUrl(issuer + QStringLiteral("/jwks.json")));

    const Result<FetchedJwks> keys = fetchJwks(found->jwksUri, trusted());
    QVERIFY2(keys.has_value(), why(keys));
    QCOMPARE(keys->raw, servedJwks());
}

void TestJwksFetch::discoveryOAuthServerWithPathIssuer()
{
    const QString issuer = m_server.https(QStringLiteral("/tenant"));
    QList<QUrl> requested;
    FetchOptions options = trusted();
    options.onRequest = [&requested](const QUrl& url) {
        requested.append(url);
    };
    const Result<DiscoveredIssuer> found = discoverJwksUri(issuer, options);
    QVERIFY2(found.has_value(), why(found));
    const QList<QUrl> expected{QUrl(m_server.https(QStringLiteral("/tenant/.well-known/openid-configuration"))),
                               QUrl(m_server.https(QStringLiteral("/.well-known/oauth-authorization-server/tenant")))};
    QCOMPARE(found->tried, expected);
    QCOMPARE(requested, expected);
    QCOMPARE(found->metadataUrl, expected.at(1));
    QCOMPARE(found->jwksUri, QUrl(m_server.https(QStringLiteral("/jwks.json"))));
    // What would be fetched is known before fetching.
    QCOMPARE(assay::discoveryUrls(issuer, false).value_or(QList<QUrl>{}), expected);
}

void TestJwksFetch::discoveryIssuerMismatchRefused()
{
    const Result<DiscoveredIssuer> found = discoverJwksUri(m_server.https(QStringLiteral("/evil")), trusted());
    QVERIFY(!found.has_value());
    QCOMPARE(found.error().code, ErrorCode::IssuerMismatch);
    QVERIFY2(found.error().message.contains(m_server.https(QStringLiteral("/other"))),
             qPrintable(found.error().toString()));
}

void TestJwksFetch::discoveryPlainJwksUriRefused()
{
    FetchOptions options = trusted();
    options.allowHttpLocalhost = true; // an https issuer still may not send us to http
    const Result<DiscoveredIssuer> found = discoverJwksUri(m_server.https(QStringLiteral("/plain")), options);
    QVERIFY(!found.has_value());
    QCOMPARE(found.error().code, ErrorCode::NetworkRefused);
    QVERIFY2(found.error().message.contains(QLatin1String("jwks_uri")), qPrintable(found.error().toString()));
}

void TestJwksFetch::discoveryNothingFound()
{
    const QString issuer = m_server.https(QStringLiteral("/nobody"));
    const Result<DiscoveredIssuer> found = discoverJwksUri(issuer, trusted());
    QVERIFY(!found.has_value());
    QCOMPARE(found.error().code, ErrorCode::HttpStatus);
    // Both URLs tried are named.
    QVERIFY2(found.error().message.contains(issuer + QStringLiteral("/.well-known/openid-configuration")),
             qPrintable(found.error().toString()));
    QVERIFY(found.error().message.contains(
        m_server.https(QStringLiteral("/.well-known/oauth-authorization-server/nobody"))));
}

void TestJwksFetch::cacheStoreListLoadRemove()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    JwksCache cache(dir.filePath(QStringLiteral("jwks")));
    const QUrl source(QStringLiteral("https://issuer.example/.well-known/jwks.json"));
    const QDateTime when(QDate(2024, 5, 1), QTime(12, 30, 15), Qt::UTC);
    const QByteArray jwks = servedJwks();

    QCOMPARE(cache.list()->size(), 0);
    QVERIFY(failsWith(cache.load(source), ErrorCode::CacheMiss));

    const Result<JwksCacheEntry> stored = cache.store(source, jwks, when);
    QVERIFY2(stored.has_value(), why(stored));
    const QFileInfo info(stored->filePath);
    QVERIFY(info.exists());
    QCOMPARE(info.permissions() &
                 (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
             QFileDevice::Permissions{});
    QVERIFY(info.permissions().testFlag(QFileDevice::ReadOwner));

    // The file, read independently: source, UTC fetch time, and the set itself.
    QFile file(stored->filePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject onDisk = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(onDisk.value(QLatin1String("source")).toString(), source.toString());
    QCOMPARE(onDisk.value(QLatin1String("fetched")).toString(), QStringLiteral("2024-05-01T12:30:15Z"));
    QCOMPARE(onDisk.value(QLatin1String("jwks")).toObject(), QJsonDocument::fromJson(jwks).object());

    const Result<QList<JwksCacheEntry>> listed = cache.list();
    QVERIFY(listed.has_value());
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->front().source, source);
    QCOMPARE(listed->front().fetchedAt, when);
    QCOMPARE(listed->front().keyCount, 2);

    const Result<JwksCacheEntry> loaded = cache.load(source);
    QVERIFY2(loaded.has_value(), why(loaded));
    QCOMPARE(loaded->jwks, jwks.trimmed());
    QCOMPARE(loaded->fetchedAt, when);

    // Storing again replaces the entry.
    QVERIFY(cache.store(source, jwks, when.addSecs(60)).has_value());
    QCOMPARE(cache.list()->size(), 1);
    QCOMPARE(cache.load(source)->fetchedAt, when.addSecs(60));

    QVERIFY(cache.remove(source).has_value());
    QVERIFY(failsWith(cache.load(source), ErrorCode::CacheMiss));
    QVERIFY(failsWith(cache.remove(source), ErrorCode::CacheMiss));
    QCOMPARE(cache.list()->size(), 0);
}

void TestJwksFetch::cacheRefusesPrivateAndSecretKeys_data()
{
    QTest::addColumn<QString>("vector");
    QTest::newRow("RFC 7517 A.2 private keys") << "latchset-jose/rfc7517_A.2.jwkset";
    QTest::newRow("RFC 7517 A.3 symmetric keys") << "latchset-jose/rfc7517_A.3.jwkset";
}

void TestJwksFetch::cacheRefusesPrivateAndSecretKeys()
{
    QFETCH(QString, vector);
    QTemporaryDir dir;
    JwksCache cache(dir.path());
    const QUrl source(QStringLiteral("https://issuer.example/jwks"));
    const Result<JwksCacheEntry> stored = cache.store(source, readVectorFile(vector), QDateTime::currentDateTimeUtc());
    QVERIFY(!stored.has_value());
    QCOMPARE(stored.error().code, ErrorCode::KeySetInvalid);
    QVERIFY(stored.error().message.contains(QLatin1String("private or secret")));
    QVERIFY(!QFile::exists(cache.filePathFor(source)));
}

void TestJwksFetch::cacheClear()
{
    QTemporaryDir dir;
    JwksCache cache(dir.path());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(cache.store(QUrl(QStringLiteral("https://a.example/jwks")), servedJwks(), now).has_value());
    QVERIFY(cache.store(QUrl(QStringLiteral("https://b.example/jwks")), servedJwks(), now).has_value());
    QVERIFY(!cache.store(QUrl(QStringLiteral("https://c.example/jwks")), "{\"keys\":[]}", now).has_value());
    // A file that is not ours stays.
    QFile other(dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();

    QCOMPARE(cache.list()->size(), 2);
    QCOMPARE(cache.clear().value_or(-1), 2);
    QCOMPARE(cache.list()->size(), 0);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("notes.txt"))));
}

QTEST_GUILESS_MAIN(TestJwksFetch)
#include "TestJwksFetch.moc"
