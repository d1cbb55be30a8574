// SPDX-License-Identifier: Apache-2.0
// The key subcommands of assay-cli as a real process (issue 4): keygen, key inspect, key convert, key thumbprint and
// jwks, with their exit codes, files (mode 0600), --json output, bad input and usage errors. Expectations come from
// the vectors (RFC 7517, RFC 7638, RFC 9278, Wycheproof), Qt's own SHA-2, and the openssl CLI run on the same files.

#include "CliProcess.h"
#include "Vectors.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using assay::test::Run;
using assay::test::runCli;
using assay::test::runProgram;
using assay::test::TimeoutMs;

QString opensslPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

// stdout of `openssl args...`, empty when it fails.
QByteArray openssl(const QStringList& arguments)
{
    const Run r = runProgram(opensslPath(), arguments);
    if (!r.finished || r.exitCode != 0) {
        qWarning() << "openssl" << arguments << "failed:" << r.err;
        return {};
    }
    return r.out;
}

#define RUN(var, ...)                                                                                                  \
    const Run var = runCli(__VA_ARGS__);                                                                               \
    QVERIFY2(var.finished&& var.normalExit, var.describe().constData())

#define EXPECT_EXIT(var, code) QVERIFY2(var.exitCode == (code), var.describe().constData())

#define REQUIRE_OPENSSL()                                                                                              \
    do {                                                                                                               \
        if (opensslPath().isEmpty())                                                                                   \
            QSKIP("the openssl command-line tool is not installed");                                                   \
    } while (false)

QString b64u(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// RFC 7638 section 3 computed by the test itself: the required members in lexicographic order, no whitespace.
QString thumbprintOf(const QJsonObject& jwk, QCryptographicHash::Algorithm hash = QCryptographicHash::Sha256)
{
    const QString kty = jwk.value(QStringLiteral("kty")).toString();
    QStringList members;
    if (kty == QLatin1String("RSA"))
        members = {QStringLiteral("e"), QStringLiteral("kty"), QStringLiteral("n")};
    else if (kty == QLatin1String("EC"))
        members = {QStringLiteral("crv"), QStringLiteral("kty"), QStringLiteral("x"), QStringLiteral("y")};
    else if (kty == QLatin1String("OKP"))
        members = {QStringLiteral("crv"), QStringLiteral("kty"), QStringLiteral("x")};
    else
        members = {QStringLiteral("k"), QStringLiteral("kty")};
    QStringList parts;
    for (const QString& m : members)
        parts.append(QStringLiteral("\"%1\":\"%2\"").arg(m, jwk.value(m).toString()));
    const QByteArray canonical = '{' + parts.join(QLatin1Char(',')).toUtf8() + '}';
    return b64u(QCryptographicHash::hash(canonical, hash));
}

bool isOwnerOnly(const QString& path)
{
    const QFileDevice::Permissions p = QFileInfo(path).permissions();
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    return (p & QFileDevice::ReadOwner) && (p & QFileDevice::WriteOwner) && !(p & others);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestCliKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void help();
    void usageErrors_data();
    void usageErrors();

    void keygenTypes_data();
    void keygenTypes();
    void keygenJwkMetadata();
    void keygenEncrypted();
    void keygenSecretEncodings();
    void keygenJsonAndStdout();
    void keygenKeysSignAndVerify();

    void inspectX5c();
    void inspectRefusedKeys();
    void inspectCertificate();
    void inspectSecret();
    void inspectBadInput();

    void convertAgreesWithOpenssl();
    void convertJwk();
    void convertImpossible_data();
    void convertImpossible();

    void thumbprint();
    void jwksBuild();
    void jwksSelectKid();

private:
    QString file(const QString& name) const { return m_dir.filePath(name); }
    QString write(const QString& name, const QByteArray& content) const;

    QTemporaryDir m_dir;
};

void TestCliKeys::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(QStringLiteral(ASSAY_CLI_PATH)), ASSAY_CLI_PATH);
    write(QStringLiteral("pass.txt"), "key file passphrase\n");
}

QString TestCliKeys::write(const QString& name, const QByteArray& content) const
{
    QFile f(file(name));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(content);
    return f.fileName();
}

void TestCliKeys::help()
{
    RUN(top, {QStringLiteral("--help")});
    EXPECT_EXIT(top, 0);
    for (const char* command : {"keygen", "key ", "jwks"})
        QVERIFY2(top.out.contains(command), top.out.constData());

    const QList<QStringList> helps{
        {QStringLiteral("keygen"), QStringLiteral("--help")},
        {QStringLiteral("key"), QStringLiteral("--help")},
        {QStringLiteral("key"), QStringLiteral("inspect"), QStringLiteral("--help")},
        {QStringLiteral("key"), QStringLiteral("convert"), QStringLiteral("--help")},
        {QStringLiteral("key"), QStringLiteral("thumbprint"), QStringLiteral("--help")},
        {QStringLiteral("key"), QStringLiteral("help"), QStringLiteral("convert")},
        {QStringLiteral("jwks"), QStringLiteral("--help")},
        {QStringLiteral("help"), QStringLiteral("keygen")},
    };
    for (const QStringList& args : helps) {
        RUN(r, args);
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.startsWith("Usage: assay-cli "), r.describe().constData());
        QVERIFY(r.err.isEmpty());
    }
    RUN(inspectHelp, {QStringLiteral("key"), QStringLiteral("inspect"), QStringLiteral("--help")});
    QVERIFY(inspectHelp.out.startsWith("Usage: assay-cli key inspect"));
    for (const char* option : {"--passphrase-file", "--at", "--json", "--show-secret"})
        QVERIFY2(inspectHelp.out.contains(option), option);
    RUN(convertHelp, {QStringLiteral("key"), QStringLiteral("convert"), QStringLiteral("--help")});
    for (const char* option :
         {"--to", "--encrypt", "--passphrase-file", "--kid", "--kid-thumbprint", "--alg", "--use", "--out", "pem-spki",
          "pem-pkcs1", "pem-pkcs8", "pem-sec1", "der-pkcs8", "jwk-private", "jwks"})
        QVERIFY2(convertHelp.out.contains(option), option);
    RUN(keygenHelp, {QStringLiteral("keygen"), QStringLiteral("--help")});
    for (const char* option : {"--type", "--bits", "--curve", "--format", "--kid", "--kid-thumbprint", "--alg", "--use",
                               "--out", "--public-out", "--passphrase-file", "--json"})
        QVERIFY2(keygenHelp.out.contains(option), option);
    RUN(jwksHelp, {QStringLiteral("jwks"), QStringLiteral("--help")});
    for (const char* option : {"--private", "--select-kid", "--out"})
        QVERIFY2(jwksHelp.out.contains(option), option);
}

void TestCliKeys::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    const auto row = [](const char* name, std::initializer_list<const char*> args, const char* message) {
        QStringList list;
        for (const char* a : args)
            list.append(QString::fromUtf8(a));
        QTest::newRow(name) << list << QByteArray(message);
    };
    row("keygen without --type", {"keygen", "--out", "-"}, "--type is required");
    row("keygen unknown type", {"keygen", "--type", "DSA", "--out", "-"}, "unknown --type");
    row("keygen curve for RSA", {"keygen", "--type", "RSA", "--curve", "P-256", "--out", "-"}, "--curve");
    row("keygen bits for EC", {"keygen", "--type", "EC", "--bits", "256", "--out", "-"}, "--bits");
    row("keygen RSA too small", {"keygen", "--type", "RSA", "--bits", "1024", "--out", "-"}, "2048");
    row("keygen oct odd bits", {"keygen", "--type", "oct", "--bits", "100", "--out", "-"}, "whole number of bytes");
    row("keygen OKP curve for EC", {"keygen", "--type", "EC", "--curve", "Ed25519", "--out", "-"}, "not a curve");
    row("keygen unknown curve", {"keygen", "--type", "EC", "--curve", "P-224", "--out", "-"}, "unknown --curve");
    row("keygen PEM of oct", {"keygen", "--type", "oct", "--format", "pem", "--out", "-"}, "no PEM form");
    row("keygen hex of EC", {"keygen", "--type", "EC", "--format", "hex", "--out", "-"}, "HMAC secrets");
    row("keygen without --out", {"keygen", "--type", "EC"}, "--out");
    row("keygen --json to stdout", {"keygen", "--type", "EC", "--out", "-", "--json"}, "--json");
    row("keygen passphrase with JWK", {"keygen", "--type", "EC", "--passphrase-file", "x", "--out", "-"},
        "--format pem");
    row("keygen kid with PEM", {"keygen", "--type", "EC", "--format", "pem", "--kid", "k", "--out", "-"},
        "JWK members");
    row("keygen kid and kid-thumbprint", {"keygen", "--type", "EC", "--kid", "k", "--kid-thumbprint", "--out", "-"},
        "not both");
    row("keygen bad use", {"keygen", "--type", "EC", "--use", "both", "--out", "-"}, "--use must be sig or enc");
    row("keygen alg for another curve", {"keygen", "--type", "EC", "--alg", "ES384", "--out", "-"}, "ES384");
    row("keygen unknown alg", {"keygen", "--type", "OKP", "--alg", "eddsa", "--out", "-"}, "not a registered");
    row("keygen X25519 for signing", {"keygen", "--type", "OKP", "--curve", "X25519", "--use", "sig", "--out", "-"},
        "cannot sign");
    row("keygen public-out for oct", {"keygen", "--type", "oct", "--public-out", "p", "--out", "-"}, "no public part");
    row("keygen positional", {"keygen", "--type", "EC", "--out", "-", "extra"}, "unexpected argument");
    row("keygen repeated option", {"keygen", "--type", "EC", "--type", "RSA", "--out", "-"}, "more than once");
    row("keygen unknown option", {"keygen", "--type", "EC", "--nope"}, "nope");
    row("key without subcommand", {"key"}, "no subcommand");
    row("key unknown subcommand", {"key", "frob"}, "unknown subcommand");
    row("key inspect missing file", {"key", "inspect", "/nonexistent/assay/key.pem"}, "neither a file");
    row("key inspect unreadable @file", {"key", "inspect", "@/nonexistent/assay/key.pem"},
        "/nonexistent/assay/key.pem");
    row("key inspect two keys", {"key", "inspect", "{}", "{}"}, "expected one key");
    row("key inspect bad --at", {"key", "inspect", "{}", "--at", "yesterday"}, "--at");
    row("key inspect missing passphrase file", {"key", "inspect", "{}", "--passphrase-file", "/nonexistent/p"},
        "--passphrase-file");
    row("key convert without --to", {"key", "convert", "{}"}, "--to is required");
    row("key convert unknown --to", {"key", "convert", "{}", "--to", "pem-pkcs12"}, "unknown --to");
    row("key convert DER to stdout", {"key", "convert", "{}", "--to", "der-spki"}, "--out FILE");
    row("key convert DER to -", {"key", "convert", "{}", "--to", "der-pkcs8", "--out", "-"}, "--out FILE");
    row("key convert encrypt SPKI", {"key", "convert", "{}", "--to", "pem-spki", "--encrypt"}, "--encrypt applies");
    row("key convert encrypt without passphrase", {"key", "convert", "{}", "--to", "pem-pkcs8", "--encrypt"},
        "--passphrase-file");
    row("key convert kid on PEM", {"key", "convert", "{}", "--to", "pem-spki", "--kid", "x"}, "JWK members");
    row("key convert without key", {"key", "convert", "--to", "jwk"}, "no key given");
    row("key thumbprint bad hash", {"key", "thumbprint", "{}", "--hash", "md5"}, "--hash");
    row("jwks without keys", {"jwks"}, "no key given");
    row("jwks stdin twice", {"jwks", "-", "-"}, "only once");
    row("jwks empty select-kid", {"jwks", "{}", "--select-kid", ""}, "--select-kid");
}

void TestCliKeys::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    RUN(r, arguments);
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains("assay-cli: error: "), r.describe().constData());
    QVERIFY2(r.err.contains(message), r.describe().constData());
    QVERIFY2(r.out.isEmpty(), r.describe().constData());
}

// Every key type: the private key file is 0600 and what the type asked for; the public key is printed.
void TestCliKeys::keygenTypes_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("kty");
    QTest::addColumn<QString>("crv");
    QTest::addColumn<int>("bits");
    QTest::newRow("RSA default") << QStringList{QStringLiteral("--type"), QStringLiteral("RSA")}
                                 << QStringLiteral("RSA") << QString() << 2048;
    QTest::newRow("RSA 3072") << QStringList{QStringLiteral("--type"), QStringLiteral("rsa"), QStringLiteral("--bits"),
                                             QStringLiteral("3072")}
                              << QStringLiteral("RSA") << QString() << 3072;
    for (const char* crv : {"P-256", "P-384", "P-521", "secp256k1"})
        QTest::addRow("EC %s", crv) << QStringList{QStringLiteral("--type"), QStringLiteral("EC"),
                                                   QStringLiteral("--curve"), QLatin1String(crv)}
                                    << QStringLiteral("EC") << QString::fromLatin1(crv) << 0;
    for (const char* crv : {"Ed25519", "Ed448", "X25519", "X448"})
        QTest::addRow("OKP %s", crv) << QStringList{QStringLiteral("--type"), QStringLiteral("OKP"),
                                                    QStringLiteral("--curve"), QLatin1String(crv)}
                                     << QStringLiteral("OKP") << QString::fromLatin1(crv) << 0;
    QTest::newRow("oct default") << QStringList{QStringLiteral("--type"), QStringLiteral("oct")}
                                 << QStringLiteral("oct") << QString() << 256;
    QTest::newRow("oct 512") << QStringList{QStringLiteral("--type"), QStringLiteral("oct"), QStringLiteral("--bits"),
                                            QStringLiteral("512")}
                             << QStringLiteral("oct") << QString() << 512;
}

void TestCliKeys::keygenTypes()
{
    QFETCH(QStringList, options);
    QFETCH(QString, kty);
    QFETCH(QString, crv);
    QFETCH(int, bits);
    const QString tag = QString::fromUtf8(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));

    // JWK (the default format).
    const QString jwkPath = file(tag + QStringLiteral(".jwk"));
    RUN(r, QStringList{QStringLiteral("keygen")} + options + QStringList{QStringLiteral("--out"), jwkPath});
    EXPECT_EXIT(r, 0);
    QVERIFY(isOwnerOnly(jwkPath));
    const QJsonObject priv = QJsonDocument::fromJson(readAll(jwkPath)).object();
    QCOMPARE(priv.value(QStringLiteral("kty")).toString(), kty);
    if (!crv.isEmpty())
        QCOMPARE(priv.value(QStringLiteral("crv")).toString(), crv);
    QVERIFY(priv.contains(kty == QLatin1String("oct") ? QStringLiteral("k") : QStringLiteral("d")));
    QVERIFY2(r.err.contains("mode 0600"), r.describe().constData());
    if (kty == QLatin1String("oct")) {
        QVERIFY(r.out.isEmpty()); // a secret has no public part to print
        QCOMPARE(
            QByteArray::fromBase64(priv.value(QStringLiteral("k")).toString().toLatin1(), QByteArray::Base64UrlEncoding)
                .size(),
            bits / 8);
        return;
    }
    const QJsonObject pub = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(pub.value(QStringLiteral("kty")).toString(), kty);
    QVERIFY(!pub.contains(QStringLiteral("d")));
    QCOMPARE(thumbprintOf(pub), thumbprintOf(priv));

    // `key inspect` agrees about the shape.
    RUN(inspect, {QStringLiteral("key"), QStringLiteral("inspect"), jwkPath, QStringLiteral("--json")});
    EXPECT_EXIT(inspect, 0);
    const QJsonObject report = inspect.json().value(QStringLiteral("keys")).toArray().first().toObject();
    QCOMPARE(report.value(QStringLiteral("kty")).toString(), kty);
    QVERIFY(report.value(QStringLiteral("private")).toBool());
    if (bits > 0)
        QCOMPARE(report.value(QStringLiteral("bits")).toInt(), bits);
    QCOMPARE(report.value(QStringLiteral("thumbprints")).toObject().value(QStringLiteral("sha256")).toString(),
             thumbprintOf(pub));

    // PEM: openssl reads the PKCS#8 file, and the printed SPKI is what openssl derives from it.
    REQUIRE_OPENSSL();
    const QString pemPath = file(tag + QStringLiteral(".pem"));
    RUN(pem, QStringList{QStringLiteral("keygen")} + options +
                 QStringList{QStringLiteral("--format"), QStringLiteral("pem"), QStringLiteral("--out"), pemPath});
    EXPECT_EXIT(pem, 0);
    QVERIFY(isOwnerOnly(pemPath));
    QVERIFY(readAll(pemPath).startsWith("-----BEGIN PRIVATE KEY-----"));
    QCOMPARE(pem.out, openssl({QStringLiteral("pkey"), QStringLiteral("-in"), pemPath, QStringLiteral("-pubout")}));
}

void TestCliKeys::keygenJwkMetadata()
{
    const QString path = file(QStringLiteral("meta.jwk"));
    RUN(r,
        {QStringLiteral("keygen"), QStringLiteral("--type"), QStringLiteral("EC"), QStringLiteral("--kid-thumbprint"),
         QStringLiteral("--alg"), QStringLiteral("ES256"), QStringLiteral("--use"), QStringLiteral("sig"),
         QStringLiteral("--out"), path, QStringLiteral("--public-out"), file(QStringLiteral("meta.pub.jwk"))});
    EXPECT_EXIT(r, 0);
    QVERIFY(r.out.isEmpty()); // the public key went to --public-out
    const QJsonObject priv = QJsonDocument::fromJson(readAll(path)).object();
    const QJsonObject pub = QJsonDocument::fromJson(readAll(file(QStringLiteral("meta.pub.jwk")))).object();
    QCOMPARE(priv.value(QStringLiteral("kid")).toString(), thumbprintOf(priv));
    QCOMPARE(pub.value(QStringLiteral("kid")).toString(), thumbprintOf(priv));
    QCOMPARE(pub.value(QStringLiteral("alg")).toString(), QStringLiteral("ES256"));
    QCOMPARE(pub.value(QStringLiteral("use")).toString(), QStringLiteral("sig"));
    QVERIFY(!pub.contains(QStringLiteral("d")));
    QVERIFY(isOwnerOnly(file(QStringLiteral("meta.pub.jwk"))));

    RUN(named, {QStringLiteral("keygen"), QStringLiteral("--type"), QStringLiteral("OKP"), QStringLiteral("--kid"),
                QStringLiteral("my key"), QStringLiteral("--out"), QStringLiteral("-")});
    EXPECT_EXIT(named, 0);
    QCOMPARE(named.json().value(QStringLiteral("kid")).toString(), QStringLiteral("my key"));
    QCOMPARE(named.json().value(QStringLiteral("crv")).toString(), QStringLiteral("Ed25519"));
}

// --passphrase-file: encrypted PKCS#8 that openssl opens with the same passphrase; key inspect needs it too.
void TestCliKeys::keygenEncrypted()
{
    REQUIRE_OPENSSL();
    const QString path = file(QStringLiteral("encrypted.pem"));
    RUN(r, {QStringLiteral("keygen"), QStringLiteral("--type"), QStringLiteral("EC"), QStringLiteral("--curve"),
            QStringLiteral("P-384"), QStringLiteral("--format"), QStringLiteral("pem"),
            QStringLiteral("--passphrase-file"), file(QStringLiteral("pass.txt")), QStringLiteral("--out"), path});
    EXPECT_EXIT(r, 0);
    QVERIFY(readAll(path).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    QVERIFY(r.err.contains("encrypted PKCS#8"));
    // The trailing line break of the passphrase file is not part of the passphrase (as for --secret-file).
    write(QStringLiteral("pass-openssl.txt"), "key file passphrase");
    const QByteArray decrypted =
        openssl({QStringLiteral("pkey"), QStringLiteral("-in"), path, QStringLiteral("-passin"),
                 QStringLiteral("file:") + file(QStringLiteral("pass-openssl.txt")), QStringLiteral("-pubout")});
    QCOMPARE(decrypted, r.out);
    const QByteArray asn1 = openssl({QStringLiteral("asn1parse"), QStringLiteral("-in"), path});
    QVERIFY(asn1.contains(":PBES2") && asn1.contains(":PBKDF2") && asn1.contains(":hmacWithSHA256") &&
            asn1.contains(":aes-256-cbc"));

    RUN(noPass, {QStringLiteral("key"), QStringLiteral("inspect"), path});
    EXPECT_EXIT(noPass, 2);
    QVERIFY2(noPass.err.contains("--passphrase-file"), noPass.describe().constData());
    write(QStringLiteral("wrong.txt"), "wrong");
    RUN(wrong, {QStringLiteral("key"), QStringLiteral("inspect"), path, QStringLiteral("--passphrase-file"),
                file(QStringLiteral("wrong.txt"))});
    EXPECT_EXIT(wrong, 2);
    QVERIFY(wrong.err.contains("ERR_KEY_PASSPHRASE_WRONG"));
    RUN(right, {QStringLiteral("key"), QStringLiteral("inspect"), path, QStringLiteral("--passphrase-file"),
                file(QStringLiteral("pass.txt"))});
    EXPECT_EXIT(right, 0);
    QVERIFY(right.out.contains("EC P-384 private key"));

    // scrypt, as `openssl pkcs8 -scrypt` would write it.
    const QString scryptPath = file(QStringLiteral("scrypt.pem"));
    RUN(scrypt, {QStringLiteral("keygen"), QStringLiteral("--type"), QStringLiteral("OKP"), QStringLiteral("--format"),
                 QStringLiteral("pem"), QStringLiteral("--passphrase-file"), file(QStringLiteral("pass.txt")),
                 QStringLiteral("--kdf"), QStringLiteral("scrypt"), QStringLiteral("--out"), scryptPath});
    EXPECT_EXIT(scrypt, 0);
    QVERIFY(openssl({QStringLiteral("asn1parse"), QStringLiteral("-in"), scryptPath}).contains(":scrypt"));
    QCOMPARE(openssl({QStringLiteral("pkey"), QStringLiteral("-in"), scryptPath, QStringLiteral("-passin"),
                      QStringLiteral("file:") + file(QStringLiteral("pass-openssl.txt")), QStringLiteral("-pubout")}),
             scrypt.out);
}

// An HMAC secret in each text encoding, each reading back to the same bytes.
void TestCliKeys::keygenSecretEncodings()
{
    RUN(hex, {QStringLiteral("keygen"), QStringLiteral("--type"), QStringLiteral("oct"), QStringLiteral("--bits"),
              QStringLiteral("384"), QStringLiteral("--format"), QStringLiteral("hex"), QStringLiteral("--out"),
              QStringLiteral("-")});
    EXPECT_EXIT(hex, 0);
    const QByteArray hexText = hex.out.trimmed();
    QCOMPARE(hexText.size(), 96);
    QCOMPARE(QByteArray::fromHex(hexText).toHex(), hexText);
    for (const char* format : {"base64", "base64url"}) {
        RUN(r, {QStringLiteral("keygen"), QStringLiteral("--type"), QStringLiteral("oct"), QStringLiteral("--format"),
                QLatin1String(format), QStringLiteral("--out"), QStringLiteral("-")});
        EXPECT_EXIT(r, 0);
        const bool url = QByteArray(format) == "base64url";
        const QByteArray text = r.out.trimmed();
        const auto decoded =
            QByteArray::fromBase64Encoding(text, (url ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding) |
                                                     QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(decoded);
        QCOMPARE(decoded.decoded.size(), 32);
        // The secret verifies what it signs, given back in the same encoding.
        const QString secretFile = write(QStringLiteral("secret-%1.txt").arg(QLatin1String(format)), r.out);
        RUN(sign, {QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("HS256"),
                   QStringLiteral("--secret-file"), secretFile, QStringLiteral("--secret-encoding"),
                   QLatin1String(format), QStringLiteral("{\"sub\":\"x\"}")});
        EXPECT_EXIT(sign, 0);
        RUN(verify, {QStringLiteral("verify"), QString::fromLatin1(sign.out.trimmed()), QStringLiteral("--secret-file"),
                     secretFile, QStringLiteral("--secret-encoding"), QLatin1String(format)});
        EXPECT_EXIT(verify, 0);
    }
}

void TestCliKeys::keygenJsonAndStdout()
{
    const QString path = file(QStringLiteral("summary.jwk"));
    RUN(j, {QStringLiteral("keygen"), QStringLiteral("--type"), QStringLiteral("RSA"), QStringLiteral("--json"),
            QStringLiteral("--kid-thumbprint"), QStringLiteral("--out"), path});
    EXPECT_EXIT(j, 0);
    const QJsonObject o = j.json();
    QCOMPARE(o.value(QStringLiteral("command")).toString(), QStringLiteral("keygen"));
    QVERIFY(o.value(QStringLiteral("ok")).toBool());
    QCOMPARE(o.value(QStringLiteral("kty")).toString(), QStringLiteral("RSA"));
    QCOMPARE(o.value(QStringLiteral("bits")).toInt(), 2048);
    QCOMPARE(o.value(QStringLiteral("privateKeyFile")).toString(), path);
    const QJsonObject pub = o.value(QStringLiteral("publicJwk")).toObject();
    QVERIFY(!pub.contains(QStringLiteral("d")));
    QCOMPARE(o.value(QStringLiteral("thumbprint")).toString(), thumbprintOf(pub));
    QCOMPARE(o.value(QStringLiteral("kid")).toString(), thumbprintOf(pub));
    QCOMPARE(o.value(QStringLiteral("thumbprintUri")).toString(),
             QStringLiteral("urn:ietf:params:oauth:jwk-thumbprint:sha-256:") + thumbprintOf(pub));
    QVERIFY(!j.out.contains("\"d\""));

    // --out -: the private key, and only it, on standard output.
    RUN(out, {QStringLiteral("keygen"), QStringLiteral("--type"), QStringLiteral("EC"), QStringLiteral("--out"),
              QStringLiteral("-")});
    EXPECT_EXIT(out, 0);
    QVERIFY(out.json().contains(QStringLiteral("d")));
    QCOMPARE(out.out.count('\n'), 1);
}

// Keys from keygen sign with `assay-cli sign` and verify with `assay-cli verify` (the PyJWT / jwcrypto direction is in
// tests/interop/interop_keys.py).
void TestCliKeys::keygenKeysSignAndVerify()
{
    const QList<std::pair<QStringList, QString>> cases{
        {{QStringLiteral("--type"), QStringLiteral("EC"), QStringLiteral("--curve"), QStringLiteral("P-521")},
         QStringLiteral("ES512")},
        {{QStringLiteral("--type"), QStringLiteral("OKP"), QStringLiteral("--curve"), QStringLiteral("Ed448")},
         QStringLiteral("EdDSA")},
        {{QStringLiteral("--type"), QStringLiteral("RSA"), QStringLiteral("--format"), QStringLiteral("pem")},
         QStringLiteral("PS256")},
    };
    int i = 0;
    for (const auto& [options, alg] : cases) {
        const QString priv = file(QStringLiteral("signer-%1").arg(++i));
        const QString pub = file(QStringLiteral("verifier-%1").arg(i));
        RUN(gen, QStringList{QStringLiteral("keygen")} + options +
                     QStringList{QStringLiteral("--out"), priv, QStringLiteral("--public-out"), pub});
        EXPECT_EXIT(gen, 0);
        RUN(sign, {QStringLiteral("sign"), QStringLiteral("--alg"), alg, QStringLiteral("--key"), priv,
                   QStringLiteral("{\"iss\":\"keygen\"}")});
        EXPECT_EXIT(sign, 0);
        RUN(verify, {QStringLiteral("verify"), QString::fromLatin1(sign.out.trimmed()), QStringLiteral("--key"), pub,
                     QStringLiteral("--alg"), alg});
        EXPECT_EXIT(verify, 0);
    }
}

// RFC 7517 appendix B through the CLI: the x5c certificate, its expiry judged --at a given time.
void TestCliKeys::inspectX5c()
{
    ASSAY_REQUIRE_VECTORS();
    const QString path = assay::test::vectorPath(QStringLiteral("latchset-jose/rfc7517_B.jwk"));
    RUN(now, {QStringLiteral("key"), QStringLiteral("inspect"), path});
    EXPECT_EXIT(now, 0); // expiry is a warning
    QVERIFY2(now.out.contains("Certificate 1 of 1 (leaf):"), now.out.constData());
    QVERIFY(now.out.contains("CN=Brian Campbell,O=Ping Identity Corp.,L=Denver,ST=CO,C=US"));
    QVERIFY(now.out.contains("2018-08-14T22:29:15Z"));
    QVERIFY(now.out.contains("warning CERT_EXPIRED"));
    QVERIFY(now.out.contains("Leaf holds this key: yes"));
    QVERIFY(now.out.contains("Result: OK"));

    RUN(then, {QStringLiteral("key"), QStringLiteral("inspect"), QStringLiteral("@") + path, QStringLiteral("--at"),
               QStringLiteral("2015-01-01"), QStringLiteral("--json")});
    EXPECT_EXIT(then, 0);
    const QJsonObject o = then.json();
    QCOMPARE(o.value(QStringLiteral("command")).toString(), QStringLiteral("key inspect"));
    QCOMPARE(o.value(QStringLiteral("at")).toString(), QStringLiteral("2015-01-01T00:00:00Z"));
    const QJsonObject key = o.value(QStringLiteral("keys")).toArray().first().toObject();
    QCOMPARE(key.value(QStringLiteral("kid")).toString(), QStringLiteral("1b94c"));
    const QJsonObject cert = key.value(QStringLiteral("certificates")).toArray().first().toObject();
    QCOMPARE(cert.value(QStringLiteral("validity")).toString(), QStringLiteral("valid"));
    QCOMPARE(cert.value(QStringLiteral("serial")).toString(), QStringLiteral("013CFF16E2E2"));
    QCOMPARE(cert.value(QStringLiteral("signatureAlgorithm")).toString(), QStringLiteral("sha1WithRSAEncryption"));
    QVERIFY(cert.value(QStringLiteral("selfSigned")).toBool());
    QVERIFY(key.value(QStringLiteral("leafMatchesKey")).toBool());
    for (const QJsonValue f : key.value(QStringLiteral("findings")).toArray())
        QVERIFY(f.toObject().value(QStringLiteral("code")).toString() != QLatin1String("CERT_EXPIRED"));
    // The same file on standard input.
    RUN(stdinRun, {QStringLiteral("key"), QStringLiteral("inspect"), QStringLiteral("-"), QStringLiteral("--json")},
        readAll(path));
    EXPECT_EXIT(stdinRun, 0);
    QCOMPARE(stdinRun.json().value(QStringLiteral("keys")).toArray().size(), 1);
}

// Wycheproof keys the loader refuses are explained, and exit 1.
void TestCliKeys::inspectRefusedKeys()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonArray groups =
        assay::test::readVectorJson(QStringLiteral("wycheproof/testvectors_v1/json_web_key_test.json"))
            .value(QStringLiteral("testGroups"))
            .toArray();
    QHash<QString, QJsonObject> byComment;
    for (const QJsonValue g : groups)
        byComment.insert(g.toObject().value(QStringLiteral("comment")).toString(), g.toObject());
    const QList<std::pair<QString, QByteArray>> cases{
        {QStringLiteral("exponentOne"), "KEY_RSA_EXPONENT_ONE"},
        {QStringLiteral("invalid_point"), "KEY_EC_POINT_NOT_ON_CURVE"},
        {QStringLiteral("jws_rsa_roca_key"), "KEY_RSA_ROCA"},
    };
    for (const auto& [comment, code] : cases) {
        const QString path = write(comment + QStringLiteral(".jwks"),
                                   compact(byComment.value(comment).value(QStringLiteral("public")).toObject()));
        RUN(r, {QStringLiteral("key"), QStringLiteral("inspect"), path});
        EXPECT_EXIT(r, 1);
        QVERIFY2(r.err.contains(code), r.describe().constData());
        QVERIFY(r.out.contains("Result: PROBLEMS FOUND"));
        RUN(j, {QStringLiteral("key"), QStringLiteral("inspect"), path, QStringLiteral("--json")});
        EXPECT_EXIT(j, 1);
        QCOMPARE(j.json().value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY(j.out.contains("\"code\":\"" + code + '"'));
    }
    // Warnings alone exit 0: a 1024-bit RSA key.
    const QString small =
        write(QStringLiteral("small.jwks"),
              compact(byComment.value(QStringLiteral("keysize_too_small")).value(QStringLiteral("public")).toObject()));
    RUN(w, {QStringLiteral("key"), QStringLiteral("inspect"), small});
    EXPECT_EXIT(w, 0);
    QVERIFY(w.out.contains("warning KEY_RSA_SHORT_MODULUS"));
}

// A certificate made by `openssl req -x509`: subject, SANs and fingerprint as openssl prints them.
void TestCliKeys::inspectCertificate()
{
    REQUIRE_OPENSSL();
    const QString cert = file(QStringLiteral("cli-cert.pem"));
    openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), file(QStringLiteral("cli-cert.key")),
             QStringLiteral("-subj"), QStringLiteral("/CN=cli.example/O=Assay"), QStringLiteral("-addext"),
             QStringLiteral("subjectAltName=DNS:cli.example,IP:10.0.0.1,email:a@cli.example"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-out"), cert});
    QVERIFY(QFileInfo::exists(cert));
    RUN(r, {QStringLiteral("key"), QStringLiteral("inspect"), cert});
    EXPECT_EXIT(r, 0);
    const QStringList base{QStringLiteral("x509"), QStringLiteral("-in"), cert, QStringLiteral("-noout")};
    const QString subject =
        QString::fromUtf8(openssl(base + QStringList{QStringLiteral("-subject"), QStringLiteral("-nameopt"),
                                                     QStringLiteral("RFC2253")}))
            .trimmed()
            .mid(8); // "subject="
    QVERIFY(r.out.contains(subject.toUtf8()));
    const QByteArray san = openssl(base + QStringList{QStringLiteral("-ext"), QStringLiteral("subjectAltName")})
                               .split('\n')
                               .value(1)
                               .trimmed();
    QVERIFY2(r.out.contains("Alternative names:   " + san), r.out.constData());
    const QByteArray fingerprint =
        openssl(base + QStringList{QStringLiteral("-fingerprint"), QStringLiteral("-sha256")}).trimmed().mid(19);
    QVERIFY2(r.out.contains("SHA-256 fingerprint: " + fingerprint), r.out.constData());
    QVERIFY(r.out.contains("Self-signed:         yes"));

    // Key plus certificate in one bundle: one key, with its certificate.
    const QString bundle =
        write(QStringLiteral("bundle.pem"), readAll(file(QStringLiteral("cli-cert.key"))) + readAll(cert));
    RUN(b, {QStringLiteral("key"), QStringLiteral("inspect"), bundle, QStringLiteral("--json")});
    EXPECT_EXIT(b, 0);
    const QJsonArray keys = b.json().value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 1);
    QVERIFY(keys.first().toObject().value(QStringLiteral("private")).toBool());
    QVERIFY(keys.first().toObject().value(QStringLiteral("leafMatchesKey")).toBool());
    // Judged after its two days: expired.
    RUN(later, {QStringLiteral("key"), QStringLiteral("inspect"), cert, QStringLiteral("--at"), QStringLiteral("+3d")});
    EXPECT_EXIT(later, 0);
    QVERIFY(later.out.contains("CERT_EXPIRED"));
}

// An HMAC secret is hidden unless --show-secret asks for it.
void TestCliKeys::inspectSecret()
{
    ASSAY_REQUIRE_VECTORS();
    const QString path =
        assay::test::vectorPath(QStringLiteral("jose-cookbook/jwk/3_5.symmetric_key_mac_computation.json"));
    const QJsonObject jwk =
        assay::test::readVectorJson(QStringLiteral("jose-cookbook/jwk/3_5.symmetric_key_mac_computation.json"));
    const QByteArray secret =
        QByteArray::fromBase64(jwk.value(QStringLiteral("k")).toString().toLatin1(), QByteArray::Base64UrlEncoding);
    RUN(hidden, {QStringLiteral("key"), QStringLiteral("inspect"), path});
    EXPECT_EXIT(hidden, 0);
    QVERIFY(hidden.out.contains("32 bytes (hidden; --show-secret prints it)"));
    QVERIFY(!hidden.out.contains(secret.toHex()));
    QVERIFY(hidden.out.contains(thumbprintOf(jwk).toUtf8()));
    RUN(shown, {QStringLiteral("key"), QStringLiteral("inspect"), path, QStringLiteral("--show-secret")});
    EXPECT_EXIT(shown, 0);
    QVERIFY(shown.out.contains("Secret (hex):        " + secret.toHex()));
    QVERIFY(shown.out.contains("Secret (base64):     " + secret.toBase64()));
    QVERIFY(shown.out.contains("(not printable text)"));
    RUN(j, {QStringLiteral("key"), QStringLiteral("inspect"), path, QStringLiteral("--show-secret"),
            QStringLiteral("--json")});
    const QJsonObject s =
        j.json().value(QStringLiteral("keys")).toArray().first().toObject().value(QStringLiteral("secret")).toObject();
    QCOMPARE(s.value(QStringLiteral("base64url")).toString(), jwk.value(QStringLiteral("k")).toString());
    QVERIFY(s.value(QStringLiteral("utf8")).isNull());
}

void TestCliKeys::inspectBadInput()
{
    RUN(garbage, {QStringLiteral("key"), QStringLiteral("inspect"), QStringLiteral("-")}, "this is not a key at all");
    EXPECT_EXIT(garbage, 1);
    QVERIFY2(garbage.err.contains("KEY_LOAD_FAILED"), garbage.describe().constData());
    RUN(empty, {QStringLiteral("key"), QStringLiteral("inspect"), QStringLiteral("-")});
    EXPECT_EXIT(empty, 1);
    QVERIFY(empty.err.contains("ERR_INPUT_EMPTY"));
    RUN(json, {QStringLiteral("key"), QStringLiteral("inspect"), QStringLiteral("{\"kty\":\"EC\",")});
    EXPECT_EXIT(json, 1);
    RUN(pem, {QStringLiteral("key"), QStringLiteral("inspect"), QStringLiteral("-")},
        "-----BEGIN PUBLIC KEY-----\nnot base64 at all!\n-----END PUBLIC KEY-----\n");
    EXPECT_EXIT(pem, 1);
    // Binary junk never crashes.
    QByteArray junk;
    for (int i = 0; i < 4096; ++i)
        junk.append(char((i * 131 + 7) & 0xFF));
    RUN(binary, {QStringLiteral("key"), QStringLiteral("inspect"), QStringLiteral("-"), QStringLiteral("--json")},
        junk);
    EXPECT_EXIT(binary, 1);
    QVERIFY(!binary.json().isEmpty());
}

// key convert against the openssl CLI, for an RSA and an EC key that openssl made.
void TestCliKeys::convertAgreesWithOpenssl()
{
    REQUIRE_OPENSSL();
    const QString rsa = file(QStringLiteral("conv-rsa.pem"));
    const QString ec = file(QStringLiteral("conv-ec.pem"));
    write(QStringLiteral("conv-rsa.pem"),
          openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA")}));
    write(QStringLiteral("conv-ec.pem"),
          openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-384")}));
    const auto convert = [](const QString& in, const QString& to) {
        return runCli({QStringLiteral("key"), QStringLiteral("convert"), in, QStringLiteral("--to"), to});
    };
    const QList<std::tuple<QString, QString, QStringList>> cases{
        {rsa,
         QStringLiteral("pem-spki"),
         {QStringLiteral("pkey"), QStringLiteral("-in"), rsa, QStringLiteral("-pubout")}},
        {rsa,
         QStringLiteral("pem-pkcs1"),
         {QStringLiteral("pkey"), QStringLiteral("-in"), rsa, QStringLiteral("-traditional")}},
        {rsa,
         QStringLiteral("pem-pkcs1-public"),
         {QStringLiteral("rsa"), QStringLiteral("-in"), rsa, QStringLiteral("-RSAPublicKey_out")}},
        {rsa, QStringLiteral("pem-pkcs8"), {QStringLiteral("pkey"), QStringLiteral("-in"), rsa}},
        {ec, QStringLiteral("pem-sec1"), {QStringLiteral("ec"), QStringLiteral("-in"), ec}},
        {ec,
         QStringLiteral("pem-spki"),
         {QStringLiteral("pkey"), QStringLiteral("-in"), ec, QStringLiteral("-pubout")}},
    };
    for (const auto& [in, to, reference] : cases) {
        const Run r = convert(in, to);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QCOMPARE(r.out, openssl(reference));
    }
    // The PKCS#1 output read back in and converted again gives the same SPKI.
    const QString pkcs1 = write(QStringLiteral("conv.pkcs1.pem"), convert(rsa, QStringLiteral("pem-pkcs1")).out);
    QCOMPARE(convert(pkcs1, QStringLiteral("pem-spki")).out, convert(rsa, QStringLiteral("pem-spki")).out);

    // DER goes to a file, 0600, equal to openssl's DER.
    const QString der = file(QStringLiteral("conv.der"));
    RUN(toDer, {QStringLiteral("key"), QStringLiteral("convert"), ec, QStringLiteral("--to"),
                QStringLiteral("der-pkcs8"), QStringLiteral("--out"), der});
    EXPECT_EXIT(toDer, 0);
    QVERIFY(toDer.out.isEmpty());
    QVERIFY(isOwnerOnly(der));
    QCOMPARE(readAll(der), openssl({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-nocrypt"),
                                    QStringLiteral("-in"), ec, QStringLiteral("-outform"), QStringLiteral("DER")}));
    // And DER comes back in (from the file) as the same key.
    RUN(fromDer,
        {QStringLiteral("key"), QStringLiteral("convert"), der, QStringLiteral("--to"), QStringLiteral("pem-spki")});
    QCOMPARE(fromDer.out, openssl({QStringLiteral("pkey"), QStringLiteral("-in"), ec, QStringLiteral("-pubout")}));

    // Encrypted PKCS#8 that `openssl pkcs8` decrypts with the passphrase.
    const QString encrypted = file(QStringLiteral("conv-enc.pem"));
    RUN(enc, {QStringLiteral("key"), QStringLiteral("convert"), rsa, QStringLiteral("--to"),
              QStringLiteral("pem-pkcs8"), QStringLiteral("--encrypt"), QStringLiteral("--new-passphrase-file"),
              file(QStringLiteral("pass.txt")), QStringLiteral("--out"), encrypted});
    EXPECT_EXIT(enc, 0);
    write(QStringLiteral("pass-openssl.txt"), "key file passphrase");
    QCOMPARE(openssl({QStringLiteral("pkcs8"), QStringLiteral("-in"), encrypted, QStringLiteral("-passin"),
                      QStringLiteral("file:") + file(QStringLiteral("pass-openssl.txt"))}),
             openssl({QStringLiteral("pkey"), QStringLiteral("-in"), rsa}));
    // Re-encrypting it: --passphrase-file opens the input, --new-passphrase-file encrypts the output.
    write(QStringLiteral("new-pass.txt"), "another one");
    RUN(again,
        {QStringLiteral("key"), QStringLiteral("convert"), encrypted, QStringLiteral("--passphrase-file"),
         file(QStringLiteral("pass.txt")), QStringLiteral("--to"), QStringLiteral("pem-pkcs8"),
         QStringLiteral("--encrypt"), QStringLiteral("--new-passphrase-file"), file(QStringLiteral("new-pass.txt"))});
    EXPECT_EXIT(again, 0);
    const QString reencrypted = write(QStringLiteral("conv-enc2.pem"), again.out);
    QCOMPARE(openssl({QStringLiteral("pkcs8"), QStringLiteral("-in"), reencrypted, QStringLiteral("-passin"),
                      QStringLiteral("pass:another one")}),
             openssl({QStringLiteral("pkey"), QStringLiteral("-in"), rsa}));
    RUN(noPass,
        {QStringLiteral("key"), QStringLiteral("convert"), encrypted, QStringLiteral("--to"), QStringLiteral("jwk")});
    EXPECT_EXIT(noPass, 2);
    QVERIFY(noPass.err.contains("--passphrase-file"));
}

void TestCliKeys::convertJwk()
{
    ASSAY_REQUIRE_VECTORS();
    // RFC 7517 A.2: a set of two private keys. Public JWK set: kids kept, no private members.
    const QString set = assay::test::vectorPath(QStringLiteral("latchset-jose/rfc7517_A.2.jwkset"));
    RUN(pub, {QStringLiteral("key"), QStringLiteral("convert"), set, QStringLiteral("--to"), QStringLiteral("jwks")});
    EXPECT_EXIT(pub, 0);
    const QJsonArray keys = pub.json().value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(0).toObject().value(QStringLiteral("kid")).toString(), QStringLiteral("1"));
    QCOMPARE(keys.at(1).toObject().value(QStringLiteral("kid")).toString(), QStringLiteral("2011-04-29"));
    QVERIFY(!pub.out.contains("\"d\""));
    // One key out of two is not possible without choosing.
    RUN(one,
        {QStringLiteral("key"), QStringLiteral("convert"), set, QStringLiteral("--to"), QStringLiteral("pem-spki")});
    EXPECT_EXIT(one, 1);
    QVERIFY(one.err.contains("2 keys"));

    // RFC 7638 key without kid: the kid becomes its thumbprint; --kid/--alg/--use set members.
    QJsonObject jwk =
        QJsonDocument::fromJson(assay::test::readVectorFile(QStringLiteral("latchset-jose/rfc7638_3.1.jwk"))).object();
    jwk.remove(QStringLiteral("kid"));
    RUN(tp, {QStringLiteral("key"), QStringLiteral("convert"), QString::fromUtf8(compact(jwk)), QStringLiteral("--to"),
             QStringLiteral("jwk")});
    EXPECT_EXIT(tp, 0);
    QCOMPARE(tp.json().value(QStringLiteral("kid")).toString(),
             QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    RUN(meta, {QStringLiteral("key"), QStringLiteral("convert"), QString::fromUtf8(compact(jwk)),
               QStringLiteral("--to"), QStringLiteral("jwk"), QStringLiteral("--kid"), QStringLiteral("k1"),
               QStringLiteral("--alg"), QStringLiteral("PS384"), QStringLiteral("--use"), QStringLiteral("sig")});
    EXPECT_EXIT(meta, 0);
    QCOMPARE(meta.json().value(QStringLiteral("kid")).toString(), QStringLiteral("k1"));
    QCOMPARE(meta.json().value(QStringLiteral("alg")).toString(), QStringLiteral("PS384"));
    QCOMPARE(meta.json().value(QStringLiteral("n")), jwk.value(QStringLiteral("n")));
    RUN(badAlg, {QStringLiteral("key"), QStringLiteral("convert"), QString::fromUtf8(compact(jwk)),
                 QStringLiteral("--to"), QStringLiteral("jwk"), QStringLiteral("--alg"), QStringLiteral("ES256")});
    EXPECT_EXIT(badAlg, 2);

    // PEM to private JWK and back to PEM.
    REQUIRE_OPENSSL();
    const QString pem =
        write(QStringLiteral("ed.pem"),
              openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("ED25519")}));
    RUN(priv, {QStringLiteral("key"), QStringLiteral("convert"), pem, QStringLiteral("--to"),
               QStringLiteral("jwk-private"), QStringLiteral("--out"), file(QStringLiteral("ed.jwk"))});
    EXPECT_EXIT(priv, 0);
    QVERIFY(isOwnerOnly(file(QStringLiteral("ed.jwk"))));
    QVERIFY(QJsonDocument::fromJson(readAll(file(QStringLiteral("ed.jwk")))).object().contains(QStringLiteral("d")));
    RUN(back, {QStringLiteral("key"), QStringLiteral("convert"), file(QStringLiteral("ed.jwk")), QStringLiteral("--to"),
               QStringLiteral("pem-pkcs8")});
    EXPECT_EXIT(back, 0);
    QCOMPARE(back.out, openssl({QStringLiteral("pkey"), QStringLiteral("-in"), pem}));
    RUN(j, {QStringLiteral("key"), QStringLiteral("convert"), pem, QStringLiteral("--to"), QStringLiteral("pem-spki"),
            QStringLiteral("--json")});
    EXPECT_EXIT(j, 0);
    QCOMPARE(j.json().value(QStringLiteral("output")).toString().toUtf8(),
             openssl({QStringLiteral("pkey"), QStringLiteral("-in"), pem, QStringLiteral("-pubout")}));
}

// Impossible conversions: exit 1 with the reason.
void TestCliKeys::convertImpossible_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QByteArray>("message");
    if (!assay::test::haveVectors())
        return;
    const QJsonArray a1 = assay::test::readVectorJson(QStringLiteral("latchset-jose/rfc7517_A.1.jwkset"))
                              .value(QStringLiteral("keys"))
                              .toArray();
    const QJsonArray a2 = assay::test::readVectorJson(QStringLiteral("latchset-jose/rfc7517_A.2.jwkset"))
                              .value(QStringLiteral("keys"))
                              .toArray();
    const QByteArray ecPrivate = compact(a2.at(0).toObject());
    const QByteArray rsaPrivate = compact(a2.at(1).toObject());
    const QByteArray rsaPublic = compact(a1.at(1).toObject());
    const QByteArray oct =
        assay::test::readVectorFile(QStringLiteral("jose-cookbook/jwk/3_5.symmetric_key_mac_computation.json"));
    QTest::newRow("PKCS#1 of EC") << ecPrivate << QStringLiteral("pem-pkcs1") << QByteArray("ERR_KEY_UNSUPPORTED");
    QTest::newRow("PKCS#1 public of EC") << ecPrivate << QStringLiteral("pem-pkcs1-public")
                                         << QByteArray("PKCS#1 holds RSA keys only");
    QTest::newRow("SEC 1 of RSA") << rsaPrivate << QStringLiteral("pem-sec1") << QByteArray("SEC 1 holds EC keys only");
    QTest::newRow("PKCS#8 of a public key")
        << rsaPublic << QStringLiteral("pem-pkcs8") << QByteArray("ERR_KEY_NOT_PRIVATE");
    QTest::newRow("private JWK of a public key")
        << rsaPublic << QStringLiteral("jwk-private") << QByteArray("ERR_KEY_NOT_PRIVATE");
    QTest::newRow("PEM of an HMAC secret") << oct << QStringLiteral("pem-spki") << QByteArray("no PEM or DER form");
    QTest::newRow("public JWK of an HMAC secret") << oct << QStringLiteral("jwk") << QByteArray("jwk-private");
    QTest::newRow("public JWKS with an HMAC secret") << oct << QStringLiteral("jwks") << QByteArray("HMAC secret");
    QTest::newRow("not a key") << QByteArray("{\"kty\":\"RSA\"}") << QStringLiteral("jwk")
                               << QByteArray("ERR_KEY_INVALID");
}

void TestCliKeys::convertImpossible()
{
    QFETCH(QByteArray, key);
    QFETCH(QString, to);
    QFETCH(QByteArray, message);
    RUN(r, {QStringLiteral("key"), QStringLiteral("convert"), QStringLiteral("-"), QStringLiteral("--to"), to}, key);
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.err.contains(message), r.describe().constData());
    QVERIFY(r.out.isEmpty());
}

void TestCliKeys::thumbprint()
{
    ASSAY_REQUIRE_VECTORS();
    const QString key = assay::test::vectorPath(QStringLiteral("latchset-jose/rfc7638_3.1.jwk"));
    const QByteArray expected = assay::test::readVectorFile(QStringLiteral("latchset-jose/rfc7638_3.1.thp")).trimmed();
    RUN(r, {QStringLiteral("key"), QStringLiteral("thumbprint"), key});
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, expected + '\n');
    RUN(uri, {QStringLiteral("key"), QStringLiteral("thumbprint"), key, QStringLiteral("--uri")});
    EXPECT_EXIT(uri, 0);
    const QString rfc9278 =
        assay::test::readVectorJson(QStringLiteral("rfc-transcribed/rfc7638_rfc9278_thumbprints.json"))
            .value(QStringLiteral("vectors"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("thumbprint_uri_rfc9278"))
            .toString();
    QCOMPARE(uri.out, rfc9278.toUtf8() + '\n');
    const QJsonObject jwk = QJsonDocument::fromJson(readAll(key)).object();
    RUN(sha512, {QStringLiteral("key"), QStringLiteral("thumbprint"), key, QStringLiteral("--hash"),
                 QStringLiteral("sha512"), QStringLiteral("--json")});
    EXPECT_EXIT(sha512, 0);
    const QJsonObject first = sha512.json().value(QStringLiteral("keys")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("thumbprint")).toString(), thumbprintOf(jwk, QCryptographicHash::Sha512));
    QCOMPARE(first.value(QStringLiteral("uri")).toString(),
             QStringLiteral("urn:ietf:params:oauth:jwk-thumbprint:sha-512:") +
                 thumbprintOf(jwk, QCryptographicHash::Sha512));
    QCOMPARE(first.value(QStringLiteral("kid")).toString(), QStringLiteral("2011-04-29"));

    // A set: one line per key, in order; from standard input.
    const QByteArray set = assay::test::readVectorFile(QStringLiteral("latchset-jose/rfc7517_A.1.jwkset"));
    RUN(lines,
        {QStringLiteral("key"), QStringLiteral("thumbprint"), QStringLiteral("-"), QStringLiteral("--hash"),
         QStringLiteral("sha384")},
        set);
    EXPECT_EXIT(lines, 0);
    const QJsonArray keys = QJsonDocument::fromJson(set).object().value(QStringLiteral("keys")).toArray();
    QCOMPARE(lines.out, (thumbprintOf(keys.at(0).toObject(), QCryptographicHash::Sha384) + QLatin1Char('\n') +
                         thumbprintOf(keys.at(1).toObject(), QCryptographicHash::Sha384) + QLatin1Char('\n'))
                            .toUtf8());
    RUN(bad, {QStringLiteral("key"), QStringLiteral("thumbprint"), QStringLiteral("{\"kty\":\"oct\",\"k\":\"\"}")});
    EXPECT_EXIT(bad, 1);
    QVERIFY(bad.err.contains("ERR_KEY_EMPTY_SECRET"));
}

void TestCliKeys::jwksBuild()
{
    REQUIRE_OPENSSL();
    const QString ec = write(QStringLiteral("set-ec.pem"),
                             openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                                      QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256")}));
    const QString x448 =
        write(QStringLiteral("set-x448.pem"),
              openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("X448")}));
    const QString oct =
        write(QStringLiteral("set-oct.jwk"),
              "{\"kty\":\"oct\",\"kid\":\"mac\",\"k\":\"hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg\"}");
    RUN(pub, {QStringLiteral("jwks"), ec, x448});
    EXPECT_EXIT(pub, 0);
    const QJsonArray keys = pub.json().value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(0).toObject().value(QStringLiteral("crv")).toString(), QStringLiteral("P-256"));
    QCOMPARE(keys.at(1).toObject().value(QStringLiteral("crv")).toString(), QStringLiteral("X448"));
    for (const QJsonValue k : keys) {
        QVERIFY(!k.toObject().contains(QStringLiteral("d")));
        QCOMPARE(k.toObject().value(QStringLiteral("kid")).toString(), thumbprintOf(k.toObject()));
    }
    // The set loads back: key inspect sees two public keys and no set problem.
    const QString setFile = write(QStringLiteral("built.jwks"), pub.out);
    RUN(inspect, {QStringLiteral("key"), QStringLiteral("inspect"), setFile, QStringLiteral("--json")});
    EXPECT_EXIT(inspect, 0);
    QCOMPARE(inspect.json().value(QStringLiteral("input")).toString(), QStringLiteral("JWK Set"));

    // An HMAC secret goes only into a private set.
    RUN(withOct, {QStringLiteral("jwks"), ec, oct});
    EXPECT_EXIT(withOct, 1);
    QVERIFY(withOct.err.contains("HMAC secret"));
    const QString out = file(QStringLiteral("private.jwks"));
    RUN(priv, {QStringLiteral("jwks"), ec, oct, QStringLiteral("--private"), QStringLiteral("--out"), out});
    EXPECT_EXIT(priv, 0);
    QVERIFY(isOwnerOnly(out));
    const QJsonArray privateKeys =
        QJsonDocument::fromJson(readAll(out)).object().value(QStringLiteral("keys")).toArray();
    QVERIFY(privateKeys.at(0).toObject().contains(QStringLiteral("d")));
    QCOMPARE(privateKeys.at(1).toObject().value(QStringLiteral("kid")).toString(), QStringLiteral("mac"));

    // The same key twice: the same thumbprint kid twice, refused.
    RUN(dup, {QStringLiteral("jwks"), ec, ec});
    EXPECT_EXIT(dup, 1);
    QVERIFY(dup.err.contains("share the kid"));
    // A file that is not a key.
    const QString junk =
        write(QStringLiteral("junk.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    RUN(bad, {QStringLiteral("jwks"), ec, junk});
    EXPECT_EXIT(bad, 1);
    RUN(j, {QStringLiteral("jwks"), ec, QStringLiteral("--json")});
    EXPECT_EXIT(j, 0);
    QCOMPARE(j.json().value(QStringLiteral("keys")).toInt(), 1);
    QVERIFY(j.json().value(QStringLiteral("jwks")).toObject().contains(QStringLiteral("keys")));
}

void TestCliKeys::jwksSelectKid()
{
    ASSAY_REQUIRE_VECTORS();
    const QString set = assay::test::vectorPath(QStringLiteral("latchset-jose/rfc7517_A.2.jwkset"));
    RUN(r, {QStringLiteral("jwks"), set, QStringLiteral("--select-kid"), QStringLiteral("2011-04-29")});
    EXPECT_EXIT(r, 0);
    const QJsonObject jwk = r.json();
    QCOMPARE(jwk.value(QStringLiteral("kid")).toString(), QStringLiteral("2011-04-29"));
    QCOMPARE(jwk.value(QStringLiteral("kty")).toString(), QStringLiteral("RSA"));
    QVERIFY(!jwk.contains(QStringLiteral("d")));
    RUN(priv, {QStringLiteral("jwks"), set, QStringLiteral("--select-kid"), QStringLiteral("1"),
               QStringLiteral("--private")});
    EXPECT_EXIT(priv, 0);
    QVERIFY(priv.json().contains(QStringLiteral("d")));
    QCOMPARE(priv.json().value(QStringLiteral("crv")).toString(), QStringLiteral("P-256"));
    RUN(missing, {QStringLiteral("jwks"), set, QStringLiteral("--select-kid"), QStringLiteral("nope")});
    EXPECT_EXIT(missing, 1);
    QVERIFY(missing.err.contains("no key has the kid \"nope\""));
    QVERIFY(missing.err.contains("\"2011-04-29\""));
    // Wycheproof's duplicate-kid set: ambiguous, even though one of the two keys does not load (non-canonical "k").
    const QJsonArray groups =
        assay::test::readVectorJson(QStringLiteral("wycheproof/testvectors_v1/json_web_key_test.json"))
            .value(QStringLiteral("testGroups"))
            .toArray();
    for (const QJsonValue g : groups) {
        if (g.toObject().value(QStringLiteral("comment")).toString() != QLatin1String("jws_duplicate_kid"))
            continue;
        RUN(dup,
            {QStringLiteral("jwks"), QStringLiteral("-"), QStringLiteral("--select-kid"),
             QStringLiteral("kid-aes-sign"), QStringLiteral("--private")},
            compact(g.toObject().value(QStringLiteral("private")).toObject()));
        EXPECT_EXIT(dup, 1);
        QVERIFY2(dup.err.contains("ambiguous"), dup.describe().constData());
    }
}

QTEST_GUILESS_MAIN(TestCliKeys)
#include "TestCliKeys.moc"
