// SPDX-License-Identifier: Apache-2.0
// ATTACKS.md A07: decoding and verifying never open a connection, whatever jku/x5u/x5c/kid say.
// A listener on 127.0.0.1 counts connection attempts while tokens that point at it are decoded and verified.
#include "Vectors.h"

#include "encoding/Base64Url.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"
#include "token/TokenIntake.h"

#include <QtTest>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace assay;
using namespace assay::test;

class TestNoNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokensPointingAtUsOpenNoConnection();
};

void TestNoNetwork::tokensPointingAtUsOpenNoConnection()
{
#ifndef Q_OS_UNIX
    QSKIP("the connection counter uses POSIX sockets");
#else
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(listener >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    QVERIFY(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    QVERIFY(::listen(listener, 16) == 0);
    socklen_t len = sizeof addr;
    QVERIFY(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    ::fcntl(listener, F_SETFL, O_NONBLOCK);
    const QByteArray url = "http://127.0.0.1:" + QByteArray::number(ntohs(addr.sin_port));

    const QList<QByteArray> headers{
        R"({"alg":"RS256","jku":")" + url + R"(/jwks.json"})",
        R"({"alg":"RS256","x5u":")" + url + R"(/cert.pem"})",
        R"({"alg":"HS256","kid":")" + url + R"(/key"})",
        R"({"alg":"RS256","jku":"file:///etc/passwd"})",
        R"({"alg":"ES256","x5c":["MIIB"],"jwk":{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}})",
    };
    KeySet keys;
    keys.keys.append(*keyFromSecret("0123456789abcdef0123456789abcdef", SecretEncoding::Utf8));
    for (const QByteArray& header : headers) {
        const QByteArray token = base64url::encode(header) + ".e30.AAAA";
        const IntakeResult intake = cleanPastedToken(QString::fromLatin1("Bearer " + token));
        auto parsed = parseToken(intake.token);
        QVERIFY(parsed.has_value());
        const JwsVerification withKey = verifyJws(*parsed, keys);
        const JwsVerification withoutKey = verifyJws(*parsed, KeySet{});
        QVERIFY(withKey.verdict != Verdict::Valid);
        QVERIFY(withoutKey.verdict != Verdict::Valid);
    }
    // Give a stray connection time to arrive, then count: there must be none.
    QTest::qWait(200);
    int connections = 0;
    for (;;) {
        const int fd = ::accept(listener, nullptr, nullptr);
        if (fd < 0)
            break;
        ++connections;
        ::close(fd);
    }
    ::close(listener);
    QCOMPARE(connections, 0);
#endif
}

QTEST_GUILESS_MAIN(TestNoNetwork)
#include "TestNoNetwork.moc"
