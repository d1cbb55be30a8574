// SPDX-License-Identifier: Apache-2.0
#include "claims/ClaimCatalog.h"

#include <QSet>
#include <QtTest>

using namespace assay;

class TestClaimCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void claims_data();
    void claims();
    void headerParameters_data();
    void headerParameters();
    void unknownNames_data();
    void unknownNames();
    void describeFormat();
    void namesAreUnique();
};

void TestClaimCatalog::claims_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("reference");
    const auto row = [](const char* name, const char* title, const char* reference) {
        QTest::newRow(name) << QString::fromUtf8(name) << QString::fromUtf8(title) << QString::fromUtf8(reference);
    };
    // RFC 7519 section 4.1: every registered claim, with its section.
    row("iss", "Issuer", "RFC 7519 section 4.1.1");
    row("sub", "Subject", "RFC 7519 section 4.1.2");
    row("aud", "Audience", "RFC 7519 section 4.1.3");
    row("exp", "Expiration Time", "RFC 7519 section 4.1.4");
    row("nbf", "Not Before", "RFC 7519 section 4.1.5");
    row("iat", "Issued At", "RFC 7519 section 4.1.6");
    row("jti", "JWT ID", "RFC 7519 section 4.1.7");
    // OpenID Connect Core 1.0 sections 2, 3.1.3.6, 3.3.2.11 and 5.1.
    row("azp", "Authorized Party", "OpenID Connect Core 1.0 section 2");
    row("nonce", "Nonce", "OpenID Connect Core 1.0 section 2");
    row("auth_time", "Authentication Time", "OpenID Connect Core 1.0 section 2");
    row("at_hash", "Access Token Hash", "OpenID Connect Core 1.0 section 3.1.3.6");
    row("c_hash", "Code Hash", "OpenID Connect Core 1.0 section 3.3.2.11");
    row("acr", "Authentication Context Class Reference", "OpenID Connect Core 1.0 section 2");
    row("amr", "Authentication Methods References", "OpenID Connect Core 1.0 section 2, RFC 8176");
    row("sid", "Session ID", "OpenID Connect Front-Channel Logout 1.0 section 3");
    row("name", "Full Name", "OpenID Connect Core 1.0 section 5.1");
    row("email", "Email", "OpenID Connect Core 1.0 section 5.1");
    row("email_verified", "Email Verified", "OpenID Connect Core 1.0 section 5.1");
    row("preferred_username", "Preferred Username", "OpenID Connect Core 1.0 section 5.1");
    row("given_name", "Given Name", "OpenID Connect Core 1.0 section 5.1");
    row("family_name", "Family Name", "OpenID Connect Core 1.0 section 5.1");
    // Provider and OAuth claims.
    row("oid", "Object ID", "Microsoft Entra ID access token claims");
    row("tid", "Tenant ID", "Microsoft Entra ID access token claims");
    row("scp", "Scopes", "Microsoft Entra ID access token claims");
    row("roles", "Roles", "Microsoft Entra ID access token claims, RFC 9068 section 2.2.3.1");
    row("wids", "Directory Role IDs", "Microsoft Entra ID access token claims");
    row("upn", "User Principal Name", "Microsoft Entra ID access token claims");
    row("appid", "Application ID", "Microsoft Entra ID access token claims");
    row("scope", "Scope", "RFC 9068 section 2.2.3, RFC 8693 section 4.2");
    row("permissions", "Permissions", "Auth0 access tokens");
    row("client_id", "Client ID", "RFC 9068 section 2.2, RFC 8693 section 4.3");
    row("cid", "Client ID", "Okta access tokens");
    row("uid", "User ID", "Okta access tokens");
    row("act", "Actor", "RFC 8693 section 4.1");
    row("may_act", "Authorized Actor", "RFC 8693 section 4.4");
    row("cnf", "Confirmation", "RFC 7800 section 3.1");
}

void TestClaimCatalog::claims()
{
    QFETCH(QString, name);
    QFETCH(QString, title);
    QFETCH(QString, reference);
    const auto entry = ClaimCatalog::claim(name);
    QVERIFY(entry.has_value());
    QCOMPARE(entry->name, name);
    QCOMPARE(entry->title, title);
    QCOMPARE(entry->reference, reference);
    QVERIFY(!entry->description.isEmpty());
    QVERIFY(!ClaimCatalog::describeClaim(name).isEmpty());
}

void TestClaimCatalog::headerParameters_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reference");
    const auto row = [](const char* name, const char* reference) {
        QTest::newRow(name) << QString::fromUtf8(name) << QString::fromUtf8(reference);
    };
    // RFC 7515 section 4.1, RFC 7797, RFC 7516 section 4.1, RFC 7518 sections 4.6-4.8.
    row("alg", "RFC 7515 section 4.1.1");
    row("jku", "RFC 7515 section 4.1.2");
    row("jwk", "RFC 7515 section 4.1.3");
    row("kid", "RFC 7515 section 4.1.4");
    row("x5u", "RFC 7515 section 4.1.5");
    row("x5c", "RFC 7515 section 4.1.6");
    row("x5t", "RFC 7515 section 4.1.7");
    row("x5t#S256", "RFC 7515 section 4.1.8");
    row("typ", "RFC 7515 section 4.1.9");
    row("cty", "RFC 7515 section 4.1.10");
    row("crit", "RFC 7515 section 4.1.11");
    row("b64", "RFC 7797 section 3");
    row("enc", "RFC 7516 section 4.1.2");
    row("zip", "RFC 7516 section 4.1.3");
    row("epk", "RFC 7518 section 4.6.1.1");
    row("apu", "RFC 7518 section 4.6.1.2");
    row("apv", "RFC 7518 section 4.6.1.3");
    row("iv", "RFC 7518 section 4.7.1.1");
    row("tag", "RFC 7518 section 4.7.1.2");
    row("p2s", "RFC 7518 section 4.8.1.1");
    row("p2c", "RFC 7518 section 4.8.1.2");
}

void TestClaimCatalog::headerParameters()
{
    QFETCH(QString, name);
    QFETCH(QString, reference);
    const auto entry = ClaimCatalog::headerParameter(name);
    QVERIFY(entry.has_value());
    QCOMPARE(entry->reference, reference);
    QVERIFY(!ClaimCatalog::describeHeaderParameter(name).isEmpty());
}

void TestClaimCatalog::unknownNames_data()
{
    QTest::addColumn<QString>("name");
    // Names are case-sensitive (RFC 7519 section 4, RFC 7515 section 4): "Exp" and "ALG" are unrelated members.
    QTest::newRow("case differs") << QStringLiteral("Exp");
    QTest::newRow("header case differs") << QStringLiteral("ALG");
    QTest::newRow("empty") << QString();
    QTest::newRow("private name") << QStringLiteral("http://example.com/is_root");
    QTest::newRow("prefix of a name") << QStringLiteral("x5t#");
}

void TestClaimCatalog::unknownNames()
{
    QFETCH(QString, name);
    QVERIFY(!ClaimCatalog::claim(name).has_value());
    QVERIFY(ClaimCatalog::describeClaim(name).isEmpty());
    QVERIFY(ClaimCatalog::describeHeaderParameter(name).isEmpty());
}

void TestClaimCatalog::describeFormat()
{
    QCOMPARE(ClaimCatalog::describeClaim(u"exp"),
             QStringLiteral("Expiration Time: the token must not be accepted on or after this time (NumericDate) "
                            "(RFC 7519 section 4.1.4)"));
    // Header parameters and claims are separate namespaces: "nonce" exists in both with different meanings.
    QVERIFY(ClaimCatalog::describeHeaderParameter(u"nonce").contains(QStringLiteral("ACME")));
    QVERIFY(ClaimCatalog::describeClaim(u"nonce").contains(QStringLiteral("ID token")));
    QVERIFY(ClaimCatalog::describeHeaderParameter(u"exp").isEmpty());
    QVERIFY(ClaimCatalog::describeClaim(u"alg").isEmpty());
}

void TestClaimCatalog::namesAreUnique()
{
    for (const auto& list : {ClaimCatalog::claims(), ClaimCatalog::headerParameters()}) {
        QSet<QString> seen;
        for (const auto& entry : list) {
            QVERIFY2(!seen.contains(entry.name), qPrintable(entry.name));
            seen.insert(entry.name);
            QVERIFY(!entry.title.isEmpty());
            QVERIFY(!entry.description.isEmpty());
            QVERIFY(!entry.reference.isEmpty());
        }
    }
    QCOMPARE(ClaimCatalog::claims().constFirst().name, QStringLiteral("iss"));
    QCOMPARE(ClaimCatalog::headerParameters().constFirst().name, QStringLiteral("alg"));
}

QTEST_APPLESS_MAIN(TestClaimCatalog)
#include "TestClaimCatalog.moc"
