// SPDX-License-Identifier: Apache-2.0
#include "token/TokenIntake.h"

#include <QtTest>

using namespace assay;

namespace {

// jwt.io's default HS256 token (vectors: jwtio-defaults/default-tokens.json, tokens.HS256).
const QString kToken = QStringLiteral(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdC"
    "I6MTUxNjIzOTAyMn0.KMUFsIDTnFmyG3nMiGM6H9FNFUROf3wh7SmqJp-QV30");
// The first 20 characters and the rest, to build wrapped pastes.
const QString kHead = kToken.left(20);
const QString kTail = kToken.mid(20);

// jose-cookbook/rfc7797/hmac-sha2_b64_false.json output.compact: b64:false, the payload contains spaces.
const QString kUnencoded =
    QStringLiteral("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.This is the payload "
                   "string!.ciks0B6Hs-amhOqxI5_iG6mPKnMDlWCb7J2Wu7mtIcg");

const QString kWhitespace = QStringLiteral("removed surrounding whitespace");
const QString kBearer = QStringLiteral("removed the \"Bearer\" prefix");
const QString kHeaderName = QStringLiteral("removed the \"Authorization:\" header name");
const QString kHeaderValue = QStringLiteral("took the value of the \"Authorization:\" header from the pasted text");

QString fromUrl(const char* name)
{
    return QStringLiteral("took the value of the \"%1\" parameter from the URL").arg(QLatin1String(name));
}

} // namespace

// Issue 2 "Token intake" and ATTACKS.md A21: what users paste, and a note for each thing removed.
class TestTokenIntake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clean_data();
    void clean();
};

void TestTokenIntake::clean_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QStringList>("stripped");

    QTest::newRow("exact token untouched") << kToken << kToken << QStringList{};
    // ATTACKS A21: "Bearer " + jwtio:HS256 and jwtio:HS256 + "\n".
    QTest::newRow("A21 Bearer prefix") << QStringLiteral("Bearer ") + kToken << kToken << QStringList{kBearer};
    QTest::newRow("A21 trailing newline") << kToken + QStringLiteral("\n") << kToken << QStringList{kWhitespace};
    QTest::newRow("surrounding spaces, tabs, CR LF")
        << QStringLiteral(" \t") + kToken + QStringLiteral("\r\n ") << kToken << QStringList{kWhitespace};
    QTest::newRow("bearer lower case") << QStringLiteral("bearer ") + kToken << kToken
                                       << QStringList{QStringLiteral("removed the \"bearer\" prefix")};
    QTest::newRow("BEARER with several spaces") << QStringLiteral("BEARER   ") + kToken << kToken
                                                << QStringList{QStringLiteral("removed the \"BEARER\" prefix")};
    QTest::newRow("JWT prefix") << QStringLiteral("JWT ") + kToken << kToken
                                << QStringList{QStringLiteral("removed the \"JWT\" prefix")};
    QTest::newRow("jwt: prefix") << QStringLiteral("jwt: ") + kToken << kToken
                                 << QStringList{QStringLiteral("removed the \"jwt\" prefix")};
    QTest::newRow("double quotes") << QStringLiteral("\"") + kToken + QStringLiteral("\"") << kToken
                                   << QStringList{QStringLiteral("removed surrounding double quotes")};
    QTest::newRow("single quotes") << QStringLiteral("'") + kToken + QStringLiteral("'") << kToken
                                   << QStringList{QStringLiteral("removed surrounding single quotes")};
    QTest::newRow("backticks") << QStringLiteral("`") + kToken + QStringLiteral("`") << kToken
                               << QStringList{QStringLiteral("removed surrounding backticks")};
    QTest::newRow("quoted Bearer value with whitespace")
        << QStringLiteral("  \"Bearer ") + kToken + QStringLiteral("\"\n") << kToken
        << QStringList{kWhitespace, QStringLiteral("removed surrounding double quotes"), kBearer};
    QTest::newRow("Authorization header line")
        << QStringLiteral("Authorization: Bearer ") + kToken << kToken << QStringList{kHeaderName, kBearer};
    QTest::newRow("authorization lower case, no space")
        << QStringLiteral("authorization:Bearer ") + kToken << kToken << QStringList{kHeaderName, kBearer};
    QTest::newRow("HTTP request") << QStringLiteral(
                                         "GET /api HTTP/1.1\r\nHost: example.com\r\nAuthorization: Bearer ") +
                                         kToken + QStringLiteral("\r\nAccept: */*\r\n")
                                  << kToken << QStringList{kWhitespace, kHeaderValue, kBearer};
    QTest::newRow("curl -H argument") << QStringLiteral("curl -H \"Authorization: Bearer ") + kToken +
                                             QStringLiteral("\" https://api.example.com/me")
                                      << kToken << QStringList{kHeaderValue, kBearer};
    // OpenID Connect implicit flow fragment (OIDC Core 1.0 section 3.2.2.5).
    QTest::newRow("id_token in a fragment")
        << QStringLiteral("https://app.example.com/cb#id_token=") + kToken + QStringLiteral("&state=af0ifjsldkj")
        << kToken << QStringList{fromUrl("id_token")};
    QTest::newRow("access_token in a query")
        << QStringLiteral("https://app.example.com/cb?access_token=") + kToken + QStringLiteral("&token_type=Bearer")
        << kToken << QStringList{fromUrl("access_token")};
    QTest::newRow("id_token preferred over access_token")
        << QStringLiteral("https://app.example.com/cb#access_token=SlAV32hkKG&token_type=bearer&id_token=") + kToken
        << kToken << QStringList{fromUrl("id_token")};
    QTest::newRow("token parameter") << QStringLiteral("https://example.com/verify?token=") + kToken << kToken
                                     << QStringList{fromUrl("token")};
    QTest::newRow("bare query string") << QStringLiteral("id_token=") + kToken << kToken
                                       << QStringList{fromUrl("id_token")};
    QTest::newRow("percent-encoded dots")
        << QStringLiteral("https://example.com/cb?id_token=") + QString(kToken).replace(u'.', QStringLiteral("%2E"))
        << kToken << QStringList{fromUrl("id_token"), QStringLiteral("percent-decoded the \"id_token\" parameter")};
    QTest::newRow("quoted URL") << QStringLiteral("'https://example.com/verify?token=") + kToken + QStringLiteral("'")
                                << kToken
                                << QStringList{QStringLiteral("removed surrounding single quotes"), fromUrl("token")};
    QTest::newRow("line breaks inside") << kHead + QStringLiteral("\n") + kTail.left(30) + QStringLiteral("\r\n") +
                                               kTail.mid(30)
                                        << kToken
                                        << QStringList{QStringLiteral("removed 2 line break(s) inside the token")};
    QTest::newRow("wrapped with indentation") << kHead + QStringLiteral("\n    ") + kTail << kToken
                                              << QStringList{QStringLiteral("removed 1 line break(s) inside the token"),
                                                             QStringLiteral("removed 4 space(s) inside the token")};
    QTest::newRow("Bearer and wrapped") << QStringLiteral("Bearer ") + kHead + QStringLiteral("\n") + kTail << kToken
                                        << QStringList{kBearer,
                                                       QStringLiteral("removed 1 line break(s) inside the token")};
    // A JSON serialization is only trimmed: spaces inside its strings are data.
    QTest::newRow("JSON serialization only trimmed")
        << QStringLiteral("\n  {\"payload\": \"a b\",\n \"signature\": \"\"} \n")
        << QStringLiteral("{\"payload\": \"a b\",\n \"signature\": \"\"}") << QStringList{kWhitespace};
    // RFC 7797: with b64:false the spaces of the payload are significant.
    QTest::newRow("b64:false payload spaces kept") << kUnencoded << kUnencoded << QStringList{};
    QTest::newRow("b64:false trimmed only")
        << QStringLiteral(" ") + kUnencoded + QStringLiteral("\n") << kUnencoded << QStringList{kWhitespace};
    QTest::newRow("empty") << QString() << QString() << QStringList{};
    QTest::newRow("whitespace only") << QStringLiteral(" \n ") << QString() << QStringList{kWhitespace};
}

void TestTokenIntake::clean()
{
    QFETCH(QString, pasted);
    QFETCH(QString, token);
    QFETCH(QStringList, stripped);
    const IntakeResult result = cleanPastedToken(pasted);
    QCOMPARE(QString::fromUtf8(result.token), token);
    QCOMPARE(result.stripped, stripped);
    QCOMPARE(result.changed(), !stripped.isEmpty());
}

QTEST_APPLESS_MAIN(TestTokenIntake)
#include "TestTokenIntake.moc"
