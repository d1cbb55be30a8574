// SPDX-License-Identifier: Apache-2.0
// assay-cli as a real process (issue 2, "assay-cli end-to-end as a real process, including its exit codes"):
// every case starts the built binary with QProcess and checks its exit status, standard output and standard error.
// Keys and tokens come from ../shared/vectors (jwtio-defaults, latchset-jose = RFC 7515 appendix A, the JOSE
// Cookbook); files the test writes go to a QTemporaryDir.

#include "CliProcess.h"
#include "Vectors.h"

#include "encoding/Base64Url.h"
#include "encoding/JsonDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using assay::test::Run;
using assay::test::runCli;
using assay::test::runProgram;
using assay::test::TimeoutMs;

// Every run must end on its own, without a crash; the exit status is checked by the caller.
#define RUN(var, ...)                                                                                                  \
    const Run var = runCli(__VA_ARGS__);                                                                               \
    QVERIFY2(var.finished&& var.normalExit, var.describe().constData())

#define EXPECT_EXIT(var, code) QVERIFY2(var.exitCode == (code), var.describe().constData())

QJsonObject jwtio()
{
    return assay::test::readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))
        .value(QStringLiteral("tokens"))
        .toObject();
}

QString jwtioToken(const QString& alg)
{
    return jwtio().value(alg).toObject().value(QStringLiteral("token")).toString();
}

QString jwtioValue(const QString& alg, const QString& member)
{
    return jwtio().value(alg).toObject().value(member).toString();
}

// The JWK of a jwtio entry without its private members, optionally with a kid.
QJsonObject publicJwk(const QString& alg, const QString& kid = {})
{
    QJsonObject jwk = jwtio().value(alg).toObject().value(QStringLiteral("jwk")).toObject();
    for (const char* member : {"d", "p", "q", "dp", "dq", "qi"})
        jwk.remove(QLatin1String(member));
    if (!jwk.contains(QStringLiteral("kty"))) {
        // jwt.io's objects omit kty where the key type is obvious from the members.
        if (jwk.contains(QStringLiteral("n")))
            jwk.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
        else if (jwk.value(QStringLiteral("crv")).toString().startsWith(QLatin1String("P-")))
            jwk.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        else
            jwk.insert(QStringLiteral("kty"), QStringLiteral("OKP"));
    }
    if (!kid.isEmpty())
        jwk.insert(QStringLiteral("kid"), kid);
    return jwk;
}

QByteArray segment(const QByteArray& token, int index)
{
    return token.trimmed().split('.').value(index);
}

QByteArray decodedSegment(const QByteArray& token, int index)
{
    return assay::base64url::decode(segment(token, index)).value_or(QByteArray("<not base64url>"));
}

QByteArray tampered(const QByteArray& token)
{
    // Another payload under the same header and signature.
    const QList<QByteArray> parts = token.trimmed().split('.');
    return parts.value(0) + '.' + assay::base64url::encode(R"({"sub":"admin"})") + '.' + parts.value(2);
}

QByteArray samplePath()
{
    return QByteArrayLiteral(ASSAY_SOURCE_DIR "/resources/samples/sample-hs256.jwt");
}

const QString kSampleSecret = QStringLiteral("assay-sample-secret-do-not-use-in-production");

} // namespace

class TestCliEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void versionAndHelp();
    void usageErrors_data();
    void usageErrors();

    void decodeRfc7515A1();
    void decodeJson();
    void decodeUnsignedAndJwe();
    void decodeMalformed_data();
    void decodeMalformed();
    void emptyInput();
    void hugeInput();
    void stdinAndFile();
    void bearerPrefixNote();

    void verifyExitCodes_data();
    void verifyExitCodes();
    void verifyTimes_data();
    void verifyTimes();
    void verifyClaimExpectations();
    void verifyKeyFiles_data();
    void verifyKeyFiles();
    void verifyKidSelection();
    void verifySecretFileAndEncodings();
    void verifyExplainsAFailedSignature();
    void verifyJson();
    void encryptedKeyWithPassphrase();

    void signVerifyRoundTrip_data();
    void signVerifyRoundTrip();
    void signKeepsExactBytes_data();
    void signKeepsExactBytes();
    void signHeaderAndClaims();
    void signErrors_data();
    void signErrors();
    void signStdinAndFile();

    void garbageNeverCrashes_data();
    void garbageNeverCrashes();

private:
    QString writeFile(const QString& name, const QByteArray& content);

    QTemporaryDir m_dir;
};

void TestCliEndToEnd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(QStringLiteral(ASSAY_CLI_PATH)), ASSAY_CLI_PATH);
}

QString TestCliEndToEnd::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(content);
    return path;
}

// --- tool-level behaviour ------------------------------------------------------------------------------------------

void TestCliEndToEnd::versionAndHelp()
{
    RUN(version, {QStringLiteral("--version")});
    EXPECT_EXIT(version, 0);
    QVERIFY(version.out.startsWith("assay-cli " ASSAY_VERSION "\n"));
    QVERIFY(version.out.contains("\nQt " + QByteArray(qVersion())));
    QVERIFY(version.out.contains("OpenSSL 3."));

    RUN(help, {QStringLiteral("--help")});
    EXPECT_EXIT(help, 0);
    for (const char* command : {"decode", "verify", "sign"})
        QVERIFY2(help.out.contains(command), help.out.constData());

    for (const QString& command : {QStringLiteral("decode"), QStringLiteral("verify"), QStringLiteral("sign")}) {
        RUN(sub, {command, QStringLiteral("--help")});
        EXPECT_EXIT(sub, 0);
        QVERIFY2(sub.out.startsWith("Usage: assay-cli " + command.toUtf8()), sub.out.constData());
        QVERIFY(sub.err.isEmpty());
    }
    RUN(verifyHelp, {QStringLiteral("verify"), QStringLiteral("--help")});
    for (const char* option :
         {"--key", "--secret", "--secret-file", "--secret-encoding", "--passphrase-file", "--alg", "--kid", "--now",
          "--leeway", "--iss", "--aud", "--sub", "--typ", "--require", "--allow-weak-key", "--json"})
        QVERIFY2(verifyHelp.out.contains(option), option);
    RUN(signHelp, {QStringLiteral("help"), QStringLiteral("sign")});
    EXPECT_EXIT(signHelp, 0);
    for (const char* option : {"--alg", "--header", "--kid", "--iat", "--exp", "--nbf"})
        QVERIFY2(signHelp.out.contains(option), option);
}

void TestCliEndToEnd::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no command") << QStringList{} << QByteArray("no command");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QByteArray("unknown command");
    QTest::newRow("option before command") << QStringList{QStringLiteral("--json")} << QByteArray("unknown option");
    QTest::newRow("decode unknown option")
        << QStringList{QStringLiteral("decode"), QStringLiteral("--nope"), QStringLiteral("a.b.c")}
        << QByteArray("nope");
    QTest::newRow("decode two tokens") << QStringList{QStringLiteral("decode"), QStringLiteral("a.b.c"),
                                                      QStringLiteral("d.e.f")}
                                       << QByteArray("one token");
    QTest::newRow("decode missing file") << QStringList{QStringLiteral("decode"),
                                                        QStringLiteral("@/nonexistent/assay/token.jwt")}
                                         << QByteArray("/nonexistent/assay/token.jwt");
    QTest::newRow("help for unknown command")
        << QStringList{QStringLiteral("help"), QStringLiteral("frobnicate")} << QByteArray("unknown command");
}

void TestCliEndToEnd::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    RUN(r, arguments);
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(message), r.describe().constData());
    QVERIFY2(r.err.contains("assay-cli: error: "), r.describe().constData());
}

// --- decode ----------------------------------------------------------------------------------------------------------

void TestCliEndToEnd::decodeRfc7515A1()
{
    ASSAY_REQUIRE_VECTORS();
    // RFC 7515 appendix A.1: the header is {"typ":"JWT",CR LF "alg":"HS256"}; it must be shown re-indented with its
    // members in the author's order, without the CR LF.
    const QByteArray token = assay::test::readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.1.jwsc")).trimmed();
    QCOMPARE(decodedSegment(token, 0), QByteArray("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"));

    RUN(r, {QStringLiteral("decode"), QString::fromLatin1(token)});
    EXPECT_EXIT(r, 0);
    QVERIFY(r.out.contains("Form:       compact JWS\n"));
    QVERIFY(r.out.contains("Algorithm:  HS256\n"));
    QVERIFY(r.out.contains("UNVERIFIED"));
    QVERIFY2(r.out.contains("Header:\n{\n  \"typ\": \"JWT\",\n  \"alg\": \"HS256\"\n}\n"), r.out.constData());
    QVERIFY2(r.out.contains("Payload:\n{\n  \"iss\": \"joe\",\n  \"exp\": 1300819380,\n"
                            "  \"http://example.com/is_root\": true\n}\n"),
             r.out.constData());
    QVERIFY(!r.out.contains('\r'));
    // The same text the core's pretty printer produces.
    const auto header = assay::JsonDocument::parse(decodedSegment(token, 0));
    QVERIFY(header.has_value());
    QVERIFY(r.out.contains(header->pretty()));
    // Claims with human times: exp is 2011-03-22T18:43:00Z, long past.
    QVERIFY2(r.out.contains("2011-03-22T18:43:00Z"), r.out.constData());
    QVERIFY2(r.out.contains("expired"), r.out.constData());
    QVERIFY(r.out.contains("Signature: dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk (32 bytes)"));
}

void TestCliEndToEnd::decodeJson()
{
    ASSAY_REQUIRE_VECTORS();
    const QByteArray token = assay::test::readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.1.jwsc")).trimmed();
    RUN(r, {QStringLiteral("decode"), QString::fromLatin1(token), QStringLiteral("--json")});
    EXPECT_EXIT(r, 0);

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
             qPrintable(error.errorString() + QLatin1Char('\n') + QString::fromUtf8(r.out)));
    QVERIFY(doc.isObject());
    const QJsonObject o = doc.object();
    QCOMPARE(o.value(QStringLiteral("command")).toString(), QStringLiteral("decode"));
    QCOMPARE(o.value(QStringLiteral("form")).toString(), QStringLiteral("compact JWS"));
    QCOMPARE(o.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("UNVERIFIED"));
    const QJsonObject segments = o.value(QStringLiteral("segments")).toObject();
    QCOMPARE(segments.value(QStringLiteral("header")).toString().toLatin1(), segment(token, 0));
    QCOMPARE(segments.value(QStringLiteral("payload")).toString().toLatin1(), segment(token, 1));
    QCOMPARE(segments.value(QStringLiteral("signature")).toString().toLatin1(), segment(token, 2));
    // Header and payload are embedded as JSON values from their exact text (CR LF and all).
    QVERIFY(r.out.contains("\"header\":{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"));
    QVERIFY(r.out.contains("\"payload\":" + decodedSegment(token, 1)));
    QCOMPARE(o.value(QStringLiteral("header")).toObject().value(QStringLiteral("typ")).toString(),
             QStringLiteral("JWT"));
    QCOMPARE(o.value(QStringLiteral("payload")).toObject().value(QStringLiteral("exp")).toInteger(), 1300819380);
    QVERIFY(o.value(QStringLiteral("diagnostics")).isArray());

    // The claim report: exp failed (2011), with its UTC rendering and its raw value.
    const QJsonObject claims = o.value(QStringLiteral("claims")).toObject();
    QCOMPARE(claims.value(QStringLiteral("ok")).toBool(true), false);
    bool sawExp = false;
    for (const QJsonValue v : claims.value(QStringLiteral("results")).toArray()) {
        const QJsonObject row = v.toObject();
        if (row.value(QStringLiteral("name")).toString() != QLatin1String("exp"))
            continue;
        sawExp = true;
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
        QCOMPARE(row.value(QStringLiteral("code")).toString(), QStringLiteral("ERR_CLAIM_EXPIRED"));
        QCOMPARE(row.value(QStringLiteral("utc")).toString(), QStringLiteral("2011-03-22T18:43:00Z"));
        QCOMPARE(row.value(QStringLiteral("value")).toInteger(), 1300819380);
    }
    QVERIFY(sawExp);

    // Numbers are spliced, not re-serialised: 3.0 and a 30-digit integer survive the round trip through the CLI.
    const QByteArray payload = R"({"n":3.0,"big":123456789012345678901234567890,"e":"\u0041"})";
    const QByteArray crafted =
        assay::base64url::encode(R"({"alg":"none"})") + '.' + assay::base64url::encode(payload) + '.';
    RUN(exact, {QStringLiteral("decode"), QStringLiteral("--json"), QString::fromLatin1(crafted)});
    EXPECT_EXIT(exact, 0);
    QVERIFY2(exact.out.contains("\"payload\":" + payload), exact.out.constData());
    QCOMPARE(exact.json().value(QStringLiteral("verdict")).toString(), QStringLiteral("UNSIGNED"));
}

void TestCliEndToEnd::decodeUnsignedAndJwe()
{
    ASSAY_REQUIRE_VECTORS();
    RUN(none, {QStringLiteral("decode"), jwtioToken(QStringLiteral("none"))});
    EXPECT_EXIT(none, 0);
    QVERIFY2(none.out.contains("UNSIGNED"), none.out.constData());

    // RFC 7520 section 5.6 (JOSE Cookbook): a compact JWE is recognised and its protected header shown.
    const QString jwe =
        assay::test::readVectorJson(QStringLiteral("jose-cookbook/jwe/5_6.direct_encryption_using_aes-gcm.json"))
            .value(QStringLiteral("output"))
            .toObject()
            .value(QStringLiteral("compact"))
            .toString();
    QVERIFY(!jwe.isEmpty());
    RUN(r, {QStringLiteral("decode"), jwe});
    EXPECT_EXIT(r, 0);
    QVERIFY(r.out.contains("compact JWE"));
    QVERIFY(r.out.contains("\"enc\": \"A128GCM\""));
    QVERIFY(r.out.contains("decryption is not supported yet"));

    RUN(j, {QStringLiteral("decode"), QStringLiteral("--json"), jwe});
    EXPECT_EXIT(j, 0);
    QCOMPARE(j.json().value(QStringLiteral("form")).toString(), QStringLiteral("compact JWE"));
    QCOMPARE(j.json().value(QStringLiteral("header")).toObject().value(QStringLiteral("alg")).toString(),
             QStringLiteral("dir"));

    // A JWE cannot be verified: exit 1 with the reason.
    RUN(v, {QStringLiteral("verify"), jwe, QStringLiteral("--secret"), kSampleSecret});
    EXPECT_EXIT(v, 1);
    QVERIFY(v.err.contains("decryption is not supported yet"));
}

void TestCliEndToEnd::decodeMalformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("plain words") << QByteArray("hello world") << QByteArray("ERR_");
    QTest::newRow("one dot") << QByteArray("abc.def") << QByteArray("ERR_");
    QTest::newRow("four parts") << QByteArray("a.b.c.d") << QByteArray("ERR_");
    QTest::newRow("bad base64url header") << QByteArray("e*J.eyJ9.c2ln") << QByteArray("ERR_BASE64URL");
    QTest::newRow("padding") << QByteArray("eyJhbGciOiJIUzI1NiJ9.e30=.c2ln") << QByteArray("ERR_BASE64URL");
    QTest::newRow("header not JSON") << (assay::base64url::encode("not json") + ".e30.c2ln") << QByteArray("ERR_JSON");
    QTest::newRow("empty header") << QByteArray(".e30.c2ln") << QByteArray("ERR_");
    QTest::newRow("only dots") << QByteArray("....") << QByteArray("ERR_");
    QTest::newRow("JSON that is not a JWS") << QByteArray(R"({"a":1})") << QByteArray("ERR_");
}

void TestCliEndToEnd::decodeMalformed()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, code);
    RUN(r, {QStringLiteral("decode"), QStringLiteral("-")}, input);
    EXPECT_EXIT(r, 1);
    QVERIFY2(r.err.contains("assay-cli: error: MALFORMED"), r.describe().constData());
    QVERIFY2(r.err.contains(code), r.describe().constData());

    RUN(j, {QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("-")}, input);
    EXPECT_EXIT(j, 1);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(j.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, j.describe().constData());
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("MALFORMED"));
    const QJsonArray diagnostics = o.value(QStringLiteral("diagnostics")).toArray();
    QVERIFY(!diagnostics.isEmpty());
    for (const QJsonValue d : diagnostics) {
        const QJsonObject e = d.toObject();
        for (const char* member : {"code", "message", "segment", "offset", "line", "column"})
            QVERIFY2(e.contains(QLatin1String(member)), member);
        QVERIFY(e.value(QStringLiteral("code")).toString().startsWith(QLatin1String("ERR_")));
    }
}

void TestCliEndToEnd::emptyInput()
{
    RUN(arg, {QStringLiteral("decode"), QString()});
    EXPECT_EXIT(arg, 1);
    QVERIFY2(arg.err.contains("ERR_INPUT_EMPTY"), arg.describe().constData());

    RUN(pipe, {QStringLiteral("decode"), QStringLiteral("-")});
    EXPECT_EXIT(pipe, 1);
    QVERIFY2(pipe.err.contains("ERR_INPUT_EMPTY"), pipe.describe().constData());

    // No argument and a (closed, empty) pipe on stdin: standard input is read.
    RUN(implicit, {QStringLiteral("decode")});
    EXPECT_EXIT(implicit, 1);
    QVERIFY2(implicit.err.contains("ERR_INPUT_EMPTY"), implicit.describe().constData());

    RUN(blank, {QStringLiteral("decode"), QStringLiteral("-")}, QByteArray(" \n\t\r\n "));
    EXPECT_EXIT(blank, 1);
    QCOMPARE(blank.err.count("error:"), 1);

    const QString emptyFile = writeFile(QStringLiteral("empty.jwt"), {});
    RUN(file, {QStringLiteral("verify"), QLatin1Char('@') + emptyFile, QStringLiteral("--secret"), kSampleSecret});
    EXPECT_EXIT(file, 1);
    QVERIFY2(file.err.contains("ERR_INPUT_EMPTY"), file.describe().constData());
}

void TestCliEndToEnd::hugeInput()
{
    // 2 MB, over the 1 MiB token limit (ATTACKS.md A24): a clear error, not a crash or a hang.
    const QByteArray huge = QByteArray(1024, 'A') + '.' + QByteArray(2 * 1000 * 1000, 'B') + ".c2ln";
    RUN(piped, {QStringLiteral("decode"), QStringLiteral("-")}, huge);
    EXPECT_EXIT(piped, 1);
    QVERIFY2(piped.err.contains("ERR_INPUT_TOO_LARGE"), piped.describe().constData());
    QCOMPARE(piped.err.count('\n'), 1);

    const QString path = writeFile(QStringLiteral("huge.jwt"), huge);
    RUN(file, {QStringLiteral("verify"), QLatin1Char('@') + path, QStringLiteral("--secret"), kSampleSecret});
    EXPECT_EXIT(file, 1);
    QVERIFY2(file.err.contains("ERR_INPUT_TOO_LARGE"), file.describe().constData());

    // 2 MB of dots: counted, not split (CVE-2025-27144 style).
    RUN(dots, {QStringLiteral("decode"), QStringLiteral("-")}, QByteArray(2 * 1000 * 1000, '.'));
    EXPECT_EXIT(dots, 1);
}

void TestCliEndToEnd::stdinAndFile()
{
    QFile sample(QString::fromUtf8(samplePath()));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QByteArray sampleToken = sample.readAll();
    RUN(piped, {QStringLiteral("decode"), QStringLiteral("-")}, sampleToken);
    EXPECT_EXIT(piped, 0);
    QVERIFY2(piped.out.contains("\"iss\": \"https://issuer.example.com\""), piped.out.constData());

    RUN(file, {QStringLiteral("decode"), QStringLiteral("@") + QString::fromUtf8(samplePath())});
    EXPECT_EXIT(file, 0);
    QVERIFY(file.out.contains("\"name\": \"Jane Doe\""));
    QVERIFY(file.out.contains("2100-01-01T00:00:00Z"));

    // A plain path works too, and the note says the token came from that file.
    RUN(plainPath, {QStringLiteral("decode"), QString::fromUtf8(samplePath())});
    EXPECT_EXIT(plainPath, 0);
    QVERIFY(plainPath.out.contains("\"name\": \"Jane Doe\""));
    QVERIFY2(plainPath.err.contains("read the token from the file"), plainPath.err.constData());

    // The bundled sample verifies with the secret its README names.
    RUN(sampleRun, {QStringLiteral("verify"), QStringLiteral("@") + QString::fromUtf8(samplePath()),
                    QStringLiteral("--secret"), kSampleSecret, QStringLiteral("--now"), QStringLiteral("2030-01-01")});
    EXPECT_EXIT(sampleRun, 0);
    QVERIFY(sampleRun.out.contains("VALID"));

    // verify reads the token from stdin too.
    const QByteArray hs256 = jwtioToken(QStringLiteral("HS256")).toLatin1();
    RUN(verifyPiped,
        {QStringLiteral("verify"), QStringLiteral("-"), QStringLiteral("--secret"),
         jwtioValue(QStringLiteral("HS256"), QStringLiteral("secret"))},
        hs256 + '\n');
    EXPECT_EXIT(verifyPiped, 0);
}

void TestCliEndToEnd::bearerPrefixNote()
{
    ASSAY_REQUIRE_VECTORS();
    const QString token = jwtioToken(QStringLiteral("HS256"));
    RUN(r, {QStringLiteral("decode"), QStringLiteral("Bearer ") + token});
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.err.contains("assay-cli: note: "), r.describe().constData());
    QVERIFY2(r.err.contains("Bearer"), r.describe().constData());
    QVERIFY(r.out.contains("\"name\": \"John Doe\""));

    RUN(v,
        {QStringLiteral("verify"), QStringLiteral("-"), QStringLiteral("--secret"),
         jwtioValue(QStringLiteral("HS256"), QStringLiteral("secret"))},
        "Authorization: Bearer " + token.toLatin1() + "\r\n");
    EXPECT_EXIT(v, 0);
    QVERIFY2(v.err.contains("note"), v.describe().constData());

    // A clean token produces no note.
    RUN(clean, {QStringLiteral("decode"), token});
    EXPECT_EXIT(clean, 0);
    QVERIFY2(clean.err.isEmpty(), clean.describe().constData());
}

// --- verify ----------------------------------------------------------------------------------------------------------

void TestCliEndToEnd::verifyExitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message"); // in stderr

    if (!assay::test::haveVectors())
        return;
    const QString hs256 = jwtioToken(QStringLiteral("HS256"));
    const QString secret = jwtioValue(QStringLiteral("HS256"), QStringLiteral("secret"));
    const QString verify = QStringLiteral("verify");
    const QString secretOption = QStringLiteral("--secret");

    QTest::newRow("valid HS256") << QStringList{verify, hs256, secretOption, secret} << 0 << QByteArray();
    QTest::newRow("pinned alg matches")
        << QStringList{verify, hs256, secretOption, secret, QStringLiteral("--alg"), QStringLiteral("HS256")} << 0
        << QByteArray();
    QTest::newRow("wrong secret") << QStringList{verify, hs256, secretOption,
                                                 QStringLiteral("a-string-secret-at-least-256-bits-lonG")}
                                  << 1 << QByteArray("INVALID");
    QTest::newRow("tampered payload") << QStringList{verify, QString::fromLatin1(tampered(hs256.toLatin1())),
                                                     secretOption, secret}
                                      << 1 << QByteArray("INVALID");
    QTest::newRow("alg none") << QStringList{verify, jwtioToken(QStringLiteral("none")), secretOption, secret} << 1
                              << QByteArray("UNSIGNED");
    QTest::newRow("pinned alg differs")
        << QStringList{verify, hs256, secretOption, secret, QStringLiteral("--alg"), QStringLiteral("HS384")} << 1
        << QByteArray("INVALID");
    QTest::newRow("HMAC secret for an RS256 token")
        << QStringList{verify, jwtioToken(QStringLiteral("RS256")), secretOption, secret} << 1 << QByteArray("INVALID");
    QTest::newRow("garbage token") << QStringList{verify, QStringLiteral("garbage"), secretOption, secret} << 1
                                   << QByteArray("MALFORMED");
    QTest::newRow("missing key") << QStringList{verify, hs256} << 2 << QByteArray("no key given");
    QTest::newRow("unknown option") << QStringList{verify, hs256, secretOption, secret, QStringLiteral("--frob")} << 2
                                    << QByteArray("frob");
    QTest::newRow("bad alg name")
        << QStringList{verify, hs256, secretOption, secret, QStringLiteral("--alg"), QStringLiteral("hs256")} << 2
        << QByteArray("hs256");
    QTest::newRow("alg none pinned")
        << QStringList{verify, hs256, secretOption, secret, QStringLiteral("--alg"), QStringLiteral("none")} << 2
        << QByteArray("none");
    QTest::newRow("two key options")
        << QStringList{verify, hs256, secretOption, secret, QStringLiteral("--key"), QStringLiteral("k.pem")} << 2
        << QByteArray("only one");
    QTest::newRow("unreadable key file") << QStringList{verify, hs256, QStringLiteral("--key"),
                                                        QStringLiteral("/nonexistent/assay/key.pem")}
                                         << 2 << QByteArray("/nonexistent/assay/key.pem");
    QTest::newRow("bad --now")
        << QStringList{verify, hs256, secretOption, secret, QStringLiteral("--now"), QStringLiteral("yesterday")} << 2
        << QByteArray("yesterday");
    QTest::newRow("bad --leeway")
        << QStringList{verify, hs256, secretOption, secret, QStringLiteral("--leeway"), QStringLiteral("-5")} << 2
        << QByteArray("-5");
    QTest::newRow("bad secret encoding") << QStringList{verify,
                                                        hs256,
                                                        secretOption,
                                                        secret,
                                                        QStringLiteral("--secret-encoding"),
                                                        QStringLiteral("rot13")}
                                         << 2 << QByteArray("rot13");
    QTest::newRow("missing option value") << QStringList{verify, hs256, secretOption} << 2 << QByteArray("secret");
}

void TestCliEndToEnd::verifyExitCodes()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    RUN(r, arguments);
    EXPECT_EXIT(r, exitCode);
    if (exitCode == 0) {
        QVERIFY2(r.out.contains("Signature:  VALID"), r.describe().constData());
        QVERIFY2(r.out.contains("Result:     OK"), r.describe().constData());
        QVERIFY2(r.err.isEmpty(), r.describe().constData());
    } else {
        QVERIFY2(r.err.contains("assay-cli: error: "), r.describe().constData());
        QVERIFY2(r.err.contains(message), r.describe().constData());
    }
}

void TestCliEndToEnd::verifyTimes_data()
{
    QTest::addColumn<QString>("now");
    QTest::addColumn<QString>("leeway");
    QTest::addColumn<int>("exitCode");
    // The bundled sample: iat 1735689600 (2025-01-01T00:00:00Z), exp 4102444800 (2100-01-01T00:00:00Z).
    QTest::newRow("before exp, NumericDate") << QStringLiteral("4102444799") << QString() << 0;
    QTest::newRow("at exp") << QStringLiteral("4102444800") << QString() << 1;
    QTest::newRow("after exp, ISO 8601") << QStringLiteral("2100-01-01T00:00:01Z") << QString() << 1;
    QTest::newRow("after exp within leeway") << QStringLiteral("2100-01-01T00:00:01Z") << QStringLiteral("5") << 0;
    QTest::newRow("after exp within leeway (units)")
        << QStringLiteral("2100-01-01T00:04:00Z") << QStringLiteral("5m") << 0;
    QTest::newRow("ISO 8601 with offset") << QStringLiteral("2100-01-01T00:30:00+01:00") << QString() << 0;
    QTest::newRow("ISO 8601 without zone is UTC") << QStringLiteral("2099-12-31T23:59:59") << QString() << 0;
    QTest::newRow("date only") << QStringLiteral("2050-06-01") << QString() << 0;
    QTest::newRow("issued in the future") << QStringLiteral("2024-12-31T23:59:00Z") << QString() << 1;
    QTest::newRow("relative: now") << QStringLiteral("+0") << QString() << 0;
}

void TestCliEndToEnd::verifyTimes()
{
    QFETCH(QString, now);
    QFETCH(QString, leeway);
    QFETCH(int, exitCode);
    QStringList arguments{QStringLiteral("verify"),   QStringLiteral("@") + QString::fromUtf8(samplePath()),
                          QStringLiteral("--secret"), kSampleSecret,
                          QStringLiteral("--now"),    now};
    if (!leeway.isEmpty())
        arguments << QStringLiteral("--leeway") << leeway;
    RUN(r, arguments);
    EXPECT_EXIT(r, exitCode);
    QVERIFY(r.out.contains("Signature:  VALID")); // the signature is fine either way; only claims decide
    if (exitCode == 1)
        QVERIFY2(r.err.contains("assay-cli: error: claim "), r.describe().constData());
}

void TestCliEndToEnd::verifyClaimExpectations()
{
    const QStringList base{QStringLiteral("verify"),   QStringLiteral("@") + QString::fromUtf8(samplePath()),
                           QStringLiteral("--secret"), kSampleSecret,
                           QStringLiteral("--now"),    QStringLiteral("2030-01-01")};
    const auto with = [&base](const QStringList& more) {
        return base + more;
    };

    RUN(all, with({QStringLiteral("--iss"), QStringLiteral("https://issuer.example.com"), QStringLiteral("--aud"),
                   QStringLiteral("https://api.example.com"), QStringLiteral("--sub"), QStringLiteral("user-1234"),
                   QStringLiteral("--typ"), QStringLiteral("JWT"), QStringLiteral("--require"), QStringLiteral("name"),
                   QStringLiteral("--require"), QStringLiteral("iat")}));
    EXPECT_EXIT(all, 0);

    RUN(iss, with({QStringLiteral("--iss"), QStringLiteral("https://issuer.example.com.evil")}));
    EXPECT_EXIT(iss, 1);
    QVERIFY2(iss.err.contains("claim iss"), iss.describe().constData());

    RUN(aud, with({QStringLiteral("--aud"), QStringLiteral("https://other.example.com")}));
    EXPECT_EXIT(aud, 1);
    QVERIFY2(aud.err.contains("claim aud"), aud.describe().constData());

    RUN(sub, with({QStringLiteral("--sub"), QStringLiteral("user-9999")}));
    EXPECT_EXIT(sub, 1);

    RUN(typ, with({QStringLiteral("--typ"), QStringLiteral("at+jwt")}));
    EXPECT_EXIT(typ, 1);

    RUN(required, with({QStringLiteral("--require"), QStringLiteral("jti"), QStringLiteral("--require"),
                        QStringLiteral("nonce")}));
    EXPECT_EXIT(required, 1);
    QVERIFY2(required.err.contains("claim jti") && required.err.contains("claim nonce"),
             required.describe().constData());
    QCOMPARE(required.err.count("assay-cli: error: "), 2); // one line per failure
}

void TestCliEndToEnd::verifyKeyFiles_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("keyFile");
    QTest::addColumn<QString>("now");

    if (!assay::test::haveVectors())
        return;
    // jwt.io's published example keys: PEM (SPKI), JWK and JWKS for each asymmetric family.
    for (const QString& alg : {QStringLiteral("RS256"), QStringLiteral("PS384"), QStringLiteral("ES256"),
                               QStringLiteral("ES384"), QStringLiteral("ES512"), QStringLiteral("Ed25519")}) {
        const QString token = jwtioToken(alg);
        QTest::addRow("jwtio %s public PEM", qPrintable(alg))
            << token << jwtioValue(alg, QStringLiteral("publicKey")).toUtf8() << QString();
        QTest::addRow("jwtio %s private PEM", qPrintable(alg))
            << token << jwtioValue(alg, QStringLiteral("privateKey")).toUtf8() << QString();
        QTest::addRow("jwtio %s public JWK", qPrintable(alg))
            << token << QJsonDocument(publicJwk(alg)).toJson() << QString();
        QJsonObject jwks{{QStringLiteral("keys"), QJsonArray{publicJwk(alg, QStringLiteral("only"))}}};
        QTest::addRow("jwtio %s JWKS", qPrintable(alg)) << token << QJsonDocument(jwks).toJson() << QString();
    }
    // RFC 7515 appendix A (latchset-jose copies): HS256 with an oct JWK, RS256, ES256, ES512 with their JWKs.
    // A.1 expires 2011-03-22T18:43:00Z, so it is verified at a moment before that.
    const auto latch = [](const char* name) {
        return assay::test::readVectorFile(QLatin1String(name));
    };
    QTest::newRow("RFC 7515 A.1 HS256 oct JWK")
        << QString::fromLatin1(latch("latchset-jose/rfc7515_A.1.jwsc").trimmed())
        << latch("latchset-jose/rfc7515_A.1.jwk") << QStringLiteral("1300819379");
    QTest::newRow("RFC 7515 A.2 RS256 JWK") << QString::fromLatin1(latch("latchset-jose/rfc7515_A.2.jwsc").trimmed())
                                            << latch("latchset-jose/rfc7515_A.2.jwk") << QStringLiteral("1300819379");
    QTest::newRow("RFC 7515 A.3 ES256 JWK") << QString::fromLatin1(latch("latchset-jose/rfc7515_A.3.jwsc").trimmed())
                                            << latch("latchset-jose/rfc7515_A.3.jwk") << QStringLiteral("1300819379");
    QTest::newRow("RFC 7515 A.4 ES512 JWK") << QString::fromLatin1(latch("latchset-jose/rfc7515_A.4.jwsc").trimmed())
                                            << latch("latchset-jose/rfc7515_A.4.jwk") << QString();
}

void TestCliEndToEnd::verifyKeyFiles()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, token);
    QFETCH(QByteArray, keyFile);
    QFETCH(QString, now);
    const QString path = writeFile(QStringLiteral("key-%1")
                                       .arg(QString::fromUtf8(QTest::currentDataTag()))
                                       .replace(QLatin1Char(' '), QLatin1Char('_')),
                                   keyFile);
    QVERIFY(!path.isEmpty());
    QStringList arguments{QStringLiteral("verify"), token, QStringLiteral("--key"), path};
    if (!now.isEmpty())
        arguments << QStringLiteral("--now") << now;
    RUN(r, arguments);
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.contains("Signature:  VALID"), r.describe().constData());
    QVERIFY2(r.out.contains("Key:        "), r.describe().constData());

    // The same key refuses a token whose payload was swapped.
    QStringList tamperedArguments = arguments;
    tamperedArguments[1] = QString::fromLatin1(tampered(token.toLatin1()));
    RUN(t, tamperedArguments);
    EXPECT_EXIT(t, 1);
    QVERIFY2(t.err.contains("INVALID"), t.describe().constData());
}

void TestCliEndToEnd::verifyKidSelection()
{
    ASSAY_REQUIRE_VECTORS();
    const QString rsaPrivate = writeFile(QStringLiteral("rsa-private.pem"),
                                         jwtioValue(QStringLiteral("RS256"), QStringLiteral("privateKey")).toUtf8());
    const QJsonObject jwks{
        {QStringLiteral("keys"), QJsonArray{publicJwk(QStringLiteral("ES256"), QStringLiteral("ec-1")),
                                            publicJwk(QStringLiteral("RS256"), QStringLiteral("rsa-1")),
                                            publicJwk(QStringLiteral("RS256"), QStringLiteral("rsa-2"))}}};
    const QString jwksPath = writeFile(QStringLiteral("set.jwks"), QJsonDocument(jwks).toJson());

    RUN(signed_, {QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("RS256"), QStringLiteral("--key"),
                  rsaPrivate, QStringLiteral("--kid"), QStringLiteral("rsa-2"), QStringLiteral("{\"sub\":\"kid\"}")});
    EXPECT_EXIT(signed_, 0);
    const QString token = QString::fromLatin1(signed_.out.trimmed());
    QCOMPARE(decodedSegment(signed_.out, 0), QByteArray(R"({"alg":"RS256","typ":"JWT","kid":"rsa-2"})"));

    // The header's kid picks the key; the summary says which.
    RUN(byHeader, {QStringLiteral("verify"), token, QStringLiteral("--key"), jwksPath});
    EXPECT_EXIT(byHeader, 0);
    QVERIFY2(byHeader.out.contains("rsa-2"), byHeader.describe().constData());

    // --kid overrides the header: another RSA key with the same modulus still verifies, an EC key cannot.
    RUN(explicitKid, {QStringLiteral("verify"), token, QStringLiteral("--key"), jwksPath, QStringLiteral("--kid"),
                      QStringLiteral("rsa-1")});
    EXPECT_EXIT(explicitKid, 0);
    QVERIFY2(explicitKid.out.contains("rsa-1"), explicitKid.describe().constData());

    RUN(wrongType, {QStringLiteral("verify"), token, QStringLiteral("--key"), jwksPath, QStringLiteral("--kid"),
                    QStringLiteral("ec-1")});
    EXPECT_EXIT(wrongType, 1);

    RUN(unknownKid, {QStringLiteral("verify"), token, QStringLiteral("--key"), jwksPath, QStringLiteral("--kid"),
                     QStringLiteral("nope")});
    EXPECT_EXIT(unknownKid, 1);
    QVERIFY2(unknownKid.err.contains("INVALID"), unknownKid.describe().constData());
}

void TestCliEndToEnd::verifySecretFileAndEncodings()
{
    ASSAY_REQUIRE_VECTORS();
    const QString token = jwtioToken(QStringLiteral("HS256"));
    const QByteArray secret = jwtioValue(QStringLiteral("HS256"), QStringLiteral("secret")).toUtf8();

    const QString withNewline = writeFile(QStringLiteral("secret.txt"), secret + '\n');
    RUN(file, {QStringLiteral("verify"), token, QStringLiteral("--secret-file"), withNewline});
    EXPECT_EXIT(file, 0);
    QVERIFY2(file.err.contains("note") && file.err.contains("line break"), file.describe().constData());

    const QList<QPair<QString, QByteArray>> encodings{
        {QStringLiteral("hex"), secret.toHex()},
        {QStringLiteral("base64"), secret.toBase64()},
        {QStringLiteral("base64url"), assay::base64url::encode(secret)},
        {QStringLiteral("utf8"), secret},
    };
    for (const auto& [encoding, text] : encodings) {
        RUN(r, {QStringLiteral("verify"), token, QStringLiteral("--secret"), QString::fromLatin1(text),
                QStringLiteral("--secret-encoding"), encoding});
        EXPECT_EXIT(r, 0);
    }

    // The secret never appears in the output, not even when it is wrong.
    const QString wrongSecret = QStringLiteral("this-secret-is-wrong-and-must-not-be-echoed-anywhere");
    RUN(wrong, {QStringLiteral("verify"), token, QStringLiteral("--secret"), wrongSecret, QStringLiteral("--json")});
    EXPECT_EXIT(wrong, 1);
    QVERIFY(!wrong.out.contains(wrongSecret.toUtf8()));
    QVERIFY(!wrong.err.contains(wrongSecret.toUtf8()));

    const QString emptySecret = writeFile(QStringLiteral("empty-secret.txt"), "\n");
    RUN(empty, {QStringLiteral("verify"), token, QStringLiteral("--secret-file"), emptySecret});
    EXPECT_EXIT(empty, 2);
}

void TestCliEndToEnd::verifyJson()
{
    ASSAY_REQUIRE_VECTORS();
    const QString token = jwtioToken(QStringLiteral("HS256"));
    const QString secret = jwtioValue(QStringLiteral("HS256"), QStringLiteral("secret"));

    RUN(ok, {QStringLiteral("verify"), token, QStringLiteral("--secret"), secret, QStringLiteral("--json")});
    EXPECT_EXIT(ok, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(ok.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, ok.describe().constData());
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("VALID"));
    const QJsonObject verification = o.value(QStringLiteral("verification")).toObject();
    const QJsonObject first = verification.value(QStringLiteral("signatures")).toArray().at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("keyIndex")).toInt(-1), 0);
    QVERIFY(
        !first.value(QStringLiteral("keySelection")).toObject().value(QStringLiteral("summary")).toString().isEmpty());
    QVERIFY(o.value(QStringLiteral("failures")).toArray().isEmpty());
    QVERIFY(ok.err.isEmpty());

    RUN(expired, {QStringLiteral("verify"), token, QStringLiteral("--secret"), secret, QStringLiteral("--json"),
                  QStringLiteral("--now"), QStringLiteral("2000-01-01T00:00:00Z")});
    EXPECT_EXIT(expired, 1);
    const QJsonObject e = expired.json();
    QCOMPARE(e.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(e.value(QStringLiteral("verdict")).toString(), QStringLiteral("VALID"));
    QCOMPARE(e.value(QStringLiteral("claims")).toObject().value(QStringLiteral("evaluatedAtNumericDate")).toInteger(),
             946684800);
    QVERIFY(e.value(QStringLiteral("failures")).toArray().at(0).toString().contains(QLatin1String("iat")));

    RUN(bad, {QStringLiteral("verify"), QStringLiteral("x.y"), QStringLiteral("--secret"), secret,
              QStringLiteral("--json")});
    EXPECT_EXIT(bad, 1);
    QCOMPARE(bad.json().value(QStringLiteral("verdict")).toString(), QStringLiteral("MALFORMED"));
}

void TestCliEndToEnd::encryptedKeyWithPassphrase()
{
    ASSAY_REQUIRE_VECTORS();
    // The vectors hold no encrypted PKCS#8 key, so one is made from jwt.io's RSA key with the openssl tool.
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("the openssl command-line tool is needed to encrypt a PKCS#8 key for this test");
    const QString plain = writeFile(QStringLiteral("plain-rsa.pem"),
                                    jwtioValue(QStringLiteral("RS256"), QStringLiteral("privateKey")).toUtf8());
    const QString passphrase = writeFile(QStringLiteral("passphrase.txt"), "correct horse battery staple\n");
    const QString wrongPassphrase = writeFile(QStringLiteral("wrong-passphrase.txt"), "incorrect\n");
    const QString encrypted = m_dir.filePath(QStringLiteral("encrypted-rsa.pem"));
    QProcess tool;
    tool.start(openssl, {QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-v2"),
                         QStringLiteral("aes-256-cbc"), QStringLiteral("-in"), plain, QStringLiteral("-out"), encrypted,
                         QStringLiteral("-passout"), QStringLiteral("file:") + passphrase});
    QVERIFY(tool.waitForFinished(TimeoutMs));
    QCOMPARE(tool.exitCode(), 0);

    const QString token = jwtioToken(QStringLiteral("RS256"));
    RUN(ok, {QStringLiteral("verify"), token, QStringLiteral("--key"), encrypted, QStringLiteral("--passphrase-file"),
             passphrase});
    EXPECT_EXIT(ok, 0);
    QVERIFY(!ok.out.contains("correct horse") && !ok.err.contains("correct horse"));

    RUN(missing, {QStringLiteral("verify"), token, QStringLiteral("--key"), encrypted});
    EXPECT_EXIT(missing, 2);
    QVERIFY2(missing.err.contains("--passphrase-file"), missing.describe().constData());

    RUN(wrong, {QStringLiteral("verify"), token, QStringLiteral("--key"), encrypted,
                QStringLiteral("--passphrase-file"), wrongPassphrase});
    EXPECT_EXIT(wrong, 2);

    RUN(signedToken, {QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("PS256"), QStringLiteral("--key"),
                      encrypted, QStringLiteral("--passphrase-file"), passphrase, QStringLiteral("{\"a\":1}")});
    EXPECT_EXIT(signedToken, 0);
    RUN(check,
        {QStringLiteral("verify"), QString::fromLatin1(signedToken.out.trimmed()), QStringLiteral("--key"), plain});
    EXPECT_EXIT(check, 0);
}

// --- sign ------------------------------------------------------------------------------------------------------------

void TestCliEndToEnd::signVerifyRoundTrip_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QStringList>("signKey");   // options for sign
    QTest::addColumn<QStringList>("verifyKey"); // options for verify

    if (!assay::test::haveVectors())
        return;
    for (const QString& alg : {QStringLiteral("HS256"), QStringLiteral("HS384"), QStringLiteral("HS512")}) {
        const QString secret = jwtioValue(alg, QStringLiteral("secret"));
        QTest::addRow("%s", qPrintable(alg)) << alg << QStringList{QStringLiteral("--secret"), secret}
                                             << QStringList{QStringLiteral("--secret"), secret};
    }
    // Private and public PEMs are written to files by the test function; the row names the jwtio entry.
    const QList<QPair<QString, QString>> asymmetric{
        {QStringLiteral("RS256"), QStringLiteral("RS256")},   {QStringLiteral("RS384"), QStringLiteral("RS384")},
        {QStringLiteral("RS512"), QStringLiteral("RS512")},   {QStringLiteral("PS256"), QStringLiteral("PS256")},
        {QStringLiteral("PS384"), QStringLiteral("PS384")},   {QStringLiteral("PS512"), QStringLiteral("PS512")},
        {QStringLiteral("ES256"), QStringLiteral("ES256")},   {QStringLiteral("ES384"), QStringLiteral("ES384")},
        {QStringLiteral("ES512"), QStringLiteral("ES512")},   {QStringLiteral("Ed25519"), QStringLiteral("Ed25519")},
        {QStringLiteral("EdDSA"), QStringLiteral("Ed25519")},
    };
    for (const auto& [alg, entry] : asymmetric) {
        QTest::addRow("%s", qPrintable(alg))
            << alg << QStringList{QStringLiteral("--key"), QStringLiteral("private:") + entry}
            << QStringList{QStringLiteral("--key"), QStringLiteral("public:") + entry};
    }
}

void TestCliEndToEnd::signVerifyRoundTrip()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, alg);
    QFETCH(QStringList, signKey);
    QFETCH(QStringList, verifyKey);

    // "private:RS256" / "public:RS256" stand for the jwtio PEMs, written to files here.
    const auto resolve = [this](QStringList options) {
        if (options.value(0) == QLatin1String("--key")) {
            QString spec = options.value(1);
            const bool isPrivate = spec.startsWith(QLatin1String("private:"));
            const QString entry = spec.section(QLatin1Char(':'), 1);
            const QString pem =
                jwtioValue(entry, isPrivate ? QStringLiteral("privateKey") : QStringLiteral("publicKey"));
            options[1] =
                writeFile(spec.replace(QLatin1Char(':'), QLatin1Char('-')) + QStringLiteral(".pem"), pem.toUtf8());
        }
        return options;
    };
    const QStringList signOptions = resolve(signKey);
    const QStringList verifyOptions = resolve(verifyKey);

    const QByteArray payload = R"({"sub":"round-trip","n":3.0,"alg":")" + alg.toUtf8() + R"("})";
    RUN(s, QStringList{QStringLiteral("sign"), QStringLiteral("--alg"), alg} + signOptions +
               QStringList{QStringLiteral("--iat"), QString::fromUtf8(payload)});
    EXPECT_EXIT(s, 0);
    QVERIFY(s.out.endsWith('\n'));
    const QByteArray token = s.out.trimmed();
    QCOMPARE(token.count('.'), 2);
    QCOMPARE(decodedSegment(token, 0), R"({"alg":")" + alg.toUtf8() + R"(","typ":"JWT"})");
    QVERIFY(decodedSegment(token, 1).startsWith(payload.chopped(1) + ",\"iat\":"));

    RUN(v, QStringList{QStringLiteral("verify"), QString::fromLatin1(token), QStringLiteral("--alg"), alg} +
               verifyOptions);
    EXPECT_EXIT(v, 0);
    QVERIFY2(v.out.contains("Signature:  VALID"), v.describe().constData());

    RUN(t, QStringList{QStringLiteral("verify"), QString::fromLatin1(tampered(token))} + verifyOptions);
    EXPECT_EXIT(t, 1);
}

void TestCliEndToEnd::signKeepsExactBytes_data()
{
    QTest::addColumn<QByteArray>("given");
    QTest::addColumn<QByteArray>("signed_");
    QTest::newRow("key order and 3.0") << QByteArray(R"({"b":1,"a":3.0})") << QByteArray(R"({"b":1,"a":3.0})");
    QTest::newRow("whitespace removed only") << QByteArray("{ \"b\" : 1 ,\n  \"a\" : 3.0 , \"s\" : \"two  spaces\" }")
                                             << QByteArray(R"({"b":1,"a":3.0,"s":"two  spaces"})");
    QTest::newRow("escapes kept") << QByteArray(R"({"e":"\u0041\n\/","\u0062":true})")
                                  << QByteArray(R"({"e":"\u0041\n\/","\u0062":true})");
    QTest::newRow("numbers as written")
        << QByteArray(R"({"big":123456789012345678901234567890,"e3":1e3,"neg":-0,"f":1.50})")
        << QByteArray(R"({"big":123456789012345678901234567890,"e3":1e3,"neg":-0,"f":1.50})");
    QTest::newRow("nested") << QByteArray(R"({"o":{"z":[1, {"y":null}],"a":{}}})")
                            << QByteArray(R"({"o":{"z":[1,{"y":null}],"a":{}}})");
    QTest::newRow("unicode") << QByteArray("{\"name\":\"J\xC3\xBCrgen \xE2\x9C\x93\"}")
                             << QByteArray("{\"name\":\"J\xC3\xBCrgen \xE2\x9C\x93\"}");
}

void TestCliEndToEnd::signKeepsExactBytes()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QByteArray, given);
    QFETCH(QByteArray, signed_);
    const QString secret = jwtioValue(QStringLiteral("HS256"), QStringLiteral("secret"));
    RUN(s, {QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("HS256"), QStringLiteral("--secret"),
            secret, QString::fromUtf8(given)});
    EXPECT_EXIT(s, 0);
    QCOMPARE(decodedSegment(s.out, 0), QByteArray(R"({"alg":"HS256","typ":"JWT"})"));
    QCOMPARE(decodedSegment(s.out, 1), signed_);

    RUN(v, {QStringLiteral("verify"), QString::fromLatin1(s.out.trimmed()), QStringLiteral("--secret"), secret});
    EXPECT_EXIT(v, 0);
}

void TestCliEndToEnd::signHeaderAndClaims()
{
    ASSAY_REQUIRE_VECTORS();
    const QString secret = jwtioValue(QStringLiteral("HS256"), QStringLiteral("secret"));
    const QStringList base{QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("HS256"),
                           QStringLiteral("--secret"), secret};

    // kid follows the defaults; --header members follow kid; typ replaces the default in place; alg may repeat --alg.
    RUN(h, base + QStringList{QStringLiteral("--kid"), QStringLiteral("k-1"), QStringLiteral("--header"),
                              QStringLiteral(R"({"cty" : "example", "typ":"at+jwt", "alg":"HS256", "x":1.0})"),
                              QStringLiteral("{}")});
    EXPECT_EXIT(h, 0);
    QCOMPARE(decodedSegment(h.out, 0),
             QByteArray(R"({"alg":"HS256","typ":"at+jwt","kid":"k-1","cty":"example","x":1.0})"));
    QCOMPARE(decodedSegment(h.out, 1), QByteArray("{}"));

    // --iat, --nbf, --exp are appended in that order after the payload's own members.
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    RUN(c, base + QStringList{QStringLiteral("--exp"), QStringLiteral("+2h"), QStringLiteral("--nbf"),
                              QStringLiteral("-1m"), QStringLiteral("--iat"), QStringLiteral(R"({"b":1,"a":3.0})")});
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    EXPECT_EXIT(c, 0);
    const QByteArray payload = decodedSegment(c.out, 1);
    const QRegularExpression shape(QStringLiteral(R"(^\{"b":1,"a":3\.0,"iat":(\d+),"nbf":(\d+),"exp":(\d+)\}$)"));
    const QRegularExpressionMatch m = shape.match(QString::fromUtf8(payload));
    QVERIFY2(m.hasMatch(), payload.constData());
    const qint64 iat = m.captured(1).toLongLong();
    QVERIFY(iat >= before && iat <= after);
    QCOMPARE(m.captured(2).toLongLong(), iat - 60);
    QCOMPARE(m.captured(3).toLongLong(), iat + 7200);

    // Absolute times; --exp alone gives {} plus exp.
    RUN(abs, base + QStringList{QStringLiteral("--exp"), QStringLiteral("2100-01-01T00:00:00Z")});
    EXPECT_EXIT(abs, 0);
    QCOMPARE(decodedSegment(abs.out, 1), QByteArray(R"({"exp":4102444800})"));
    RUN(numeric,
        base + QStringList{QStringLiteral("--nbf"), QStringLiteral("1300819380"), QStringLiteral("{\"a\":1}")});
    EXPECT_EXIT(numeric, 0);
    QCOMPARE(decodedSegment(numeric.out, 1), QByteArray(R"({"a":1,"nbf":1300819380})"));

    // The token the CLI signs with an exp verifies until then and fails after.
    const QString token = QString::fromLatin1(abs.out.trimmed());
    RUN(before2100, {QStringLiteral("verify"), token, QStringLiteral("--secret"), secret, QStringLiteral("--now"),
                     QStringLiteral("2099-12-31T23:59:59Z")});
    EXPECT_EXIT(before2100, 0);
    RUN(after2100, {QStringLiteral("verify"), token, QStringLiteral("--secret"), secret, QStringLiteral("--now"),
                    QStringLiteral("2100-01-01T00:00:00Z")});
    EXPECT_EXIT(after2100, 1);
}

void TestCliEndToEnd::signErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");

    const QString secret = QStringLiteral("a-string-secret-at-least-256-bits-long");
    const QStringList hs{QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("HS256"),
                         QStringLiteral("--secret"), secret};
    QTest::newRow("no payload") << hs << 2 << QByteArray("no payload");
    QTest::newRow("payload not JSON") << hs + QStringList{QStringLiteral("{nope")} << 2 << QByteArray("not valid JSON");
    QTest::newRow("payload not an object") << hs + QStringList{QStringLiteral("[1,2]")} << 2 << QByteArray("object");
    QTest::newRow("payload duplicates") << hs + QStringList{QStringLiteral(R"({"a":1,"a":2})")} << 2
                                        << QByteArray("duplicate");
    QTest::newRow("exp already present") << hs + QStringList{QStringLiteral("--exp"), QStringLiteral("+1h"),
                                                             QStringLiteral(R"({"exp":1})")}
                                         << 2 << QByteArray("already has \"exp\"");
    QTest::newRow("iat already present") << hs + QStringList{QStringLiteral("--iat"), QStringLiteral(R"({"iat":1})")}
                                         << 2 << QByteArray("already has \"iat\"");
    QTest::newRow("bad duration") << hs + QStringList{QStringLiteral("--exp"), QStringLiteral("+15x")} << 2
                                  << QByteArray("+15x");
    QTest::newRow("header alg differs") << hs + QStringList{QStringLiteral("--header"),
                                                            QStringLiteral(R"({"alg":"HS512"})"), QStringLiteral("{}")}
                                        << 2 << QByteArray("HS512");
    QTest::newRow("header not an object")
        << hs + QStringList{QStringLiteral("--header"), QStringLiteral("1"), QStringLiteral("{}")} << 2
        << QByteArray("--header");
    QTest::newRow("kid twice") << hs + QStringList{QStringLiteral("--kid"), QStringLiteral("a"),
                                                   QStringLiteral("--header"), QStringLiteral(R"({"kid":"b"})"),
                                                   QStringLiteral("{}")}
                               << 2 << QByteArray("kid");
    QTest::newRow("no alg") << QStringList{QStringLiteral("sign"), QStringLiteral("--secret"), secret,
                                           QStringLiteral("{}")}
                            << 2 << QByteArray("--alg");
    QTest::newRow("alg none") << QStringList{QStringLiteral("sign"),
                                             QStringLiteral("--alg"),
                                             QStringLiteral("none"),
                                             QStringLiteral("--secret"),
                                             secret,
                                             QStringLiteral("{}")}
                              << 2 << QByteArray("none");
    QTest::newRow("unknown alg") << QStringList{QStringLiteral("sign"),
                                                QStringLiteral("--alg"),
                                                QStringLiteral("HS999"),
                                                QStringLiteral("--secret"),
                                                secret,
                                                QStringLiteral("{}")}
                                 << 2 << QByteArray("HS999");
    QTest::newRow("no key") << QStringList{QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("HS256"),
                                           QStringLiteral("{}")}
                            << 2 << QByteArray("no key");
    QTest::newRow("secret for RS256") << QStringList{QStringLiteral("sign"),
                                                     QStringLiteral("--alg"),
                                                     QStringLiteral("RS256"),
                                                     QStringLiteral("--secret"),
                                                     secret,
                                                     QStringLiteral("{}")}
                                      << 2 << QByteArray("RS256");
    QTest::newRow("weak secret refused") << QStringList{QStringLiteral("sign"),  QStringLiteral("--alg"),
                                                        QStringLiteral("HS256"), QStringLiteral("--secret"),
                                                        QStringLiteral("short"), QStringLiteral("{}")}
                                         << 1 << QByteArray("weak");
}

void TestCliEndToEnd::signErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    RUN(r, arguments);
    EXPECT_EXIT(r, exitCode);
    QVERIFY2(r.out.isEmpty(), r.describe().constData());
    QVERIFY2(r.err.contains("assay-cli: error: "), r.describe().constData());
    QVERIFY2(r.err.contains(message), r.describe().constData());
    QCOMPARE(r.err.count("assay-cli: error: "), 1);
}

void TestCliEndToEnd::signStdinAndFile()
{
    const QString secret = QStringLiteral("a-string-secret-at-least-256-bits-long");
    const QStringList base{QStringLiteral("sign"), QStringLiteral("--alg"), QStringLiteral("HS256"),
                           QStringLiteral("--secret"), secret};
    RUN(piped, base + QStringList{QStringLiteral("-")}, QByteArray("{\n  \"b\": 1,\n  \"a\": 3.0\n}\n"));
    EXPECT_EXIT(piped, 0);
    QCOMPARE(decodedSegment(piped.out, 1), QByteArray(R"({"b":1,"a":3.0})"));

    const QString payloadFile = writeFile(QStringLiteral("payload.json"), "{\"b\":1,\r\n\"a\":3.0}\r\n");
    const QString headerFile = writeFile(QStringLiteral("header.json"), "{\"cty\":\"x\"}\n");
    RUN(file,
        base + QStringList{QStringLiteral("--header"), QLatin1Char('@') + headerFile, QLatin1Char('@') + payloadFile});
    EXPECT_EXIT(file, 0);
    QCOMPARE(decodedSegment(file.out, 0), QByteArray(R"({"alg":"HS256","typ":"JWT","cty":"x"})"));
    QCOMPARE(decodedSegment(file.out, 1), QByteArray(R"({"b":1,"a":3.0})"));
    // Same key, same bytes: the same token (HMAC is deterministic).
    QCOMPARE(decodedSegment(file.out, 1), decodedSegment(piped.out, 1));

    RUN(missing, base + QStringList{QStringLiteral("@/nonexistent/assay/payload.json")});
    EXPECT_EXIT(missing, 2);
}

// --- robustness ------------------------------------------------------------------------------------------------------

void TestCliEndToEnd::garbageNeverCrashes_data()
{
    QTest::addColumn<QByteArray>("input");
    QByteArray binary;
    for (int i = 0; i < 4096; ++i)
        binary.append(char((i * 7919 + 13) & 0xFF));
    QTest::newRow("binary") << binary;
    QTest::newRow("invalid UTF-8") << QByteArray("\xC3\x28.\xFF\xFE.abc");
    QTest::newRow("NUL bytes") << QByteArray("eyJhbGciOiJIUzI1NiJ9\0.e30.c2ln", 29);
    QTest::newRow("10000 dots") << QByteArray(10000, '.');
    QTest::newRow("deep header") << (assay::base64url::encode(QByteArray(100000, '[')) + ".e30.c2ln");
    QTest::newRow("deep JSON serialization") << (QByteArray("{\"payload\":") + QByteArray(50000, '[') + '}');
    QTest::newRow("header array") << (assay::base64url::encode("[]") + ".e30.");
    QTest::newRow("alg number") << (assay::base64url::encode(R"({"alg":1})") + ".e30.c2ln");
    QTest::newRow("alg lowercase") << (assay::base64url::encode(R"({"alg":"hs256"})") + ".e30.c2ln");
    QTest::newRow("duplicate alg") << (assay::base64url::encode(R"({"alg":"HS256","alg":"none"})") + ".e30.c2ln");
    QTest::newRow("exp as string") << (assay::base64url::encode(R"({"alg":"HS256"})") + '.' +
                                       assay::base64url::encode(R"({"exp":"9999999999","nbf":1e400,"iat":-1.5})") +
                                       ".c2ln");
    QTest::newRow("crit unknown") << (assay::base64url::encode(R"({"alg":"HS256","crit":["x"],"x":1})") + ".e30.c2ln");
    QTest::newRow("JSON general") << QByteArray(
        R"({"payload":"e30","signatures":[{"protected":"e30","signature":""}]})");
    QTest::newRow("quotes and spaces") << QByteArray("  \"  Bearer   x.y.z \"  ");
    QTest::newRow("URL fragment") << QByteArray("https://example.com/cb#id_token=a.b.c&state=1");
}

void TestCliEndToEnd::garbageNeverCrashes()
{
    QFETCH(QByteArray, input);
    const QString secret = QStringLiteral("a-string-secret-at-least-256-bits-long");
    for (const QStringList& arguments :
         {QStringList{QStringLiteral("decode"), QStringLiteral("-")},
          QStringList{QStringLiteral("decode"), QStringLiteral("--json"), QStringLiteral("-")},
          QStringList{QStringLiteral("verify"), QStringLiteral("-"), QStringLiteral("--secret"), secret},
          QStringList{QStringLiteral("verify"), QStringLiteral("--json"), QStringLiteral("-"),
                      QStringLiteral("--secret"), secret}}) {
        RUN(r, arguments, input);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.describe().constData());
        // verify never accepts any of these.
        if (arguments.front() == QLatin1String("verify"))
            QCOMPARE(r.exitCode, 1);
        if (arguments.contains(QStringLiteral("--json"))) {
            // Checked with nlohmann/json through the core: QJsonDocument rejects numbers beyond a double (1e400),
            // which RFC 8259 allows and the CLI rightly passes through as written.
            assay::JsonLimits limits;
            limits.maxBytes = 64 * 1024 * 1024;
            limits.maxDepth = 256;
            const auto parsed = assay::JsonDocument::parse(r.out, assay::Segment::None, limits);
            QVERIFY2(parsed.has_value() && parsed->isObject(), r.describe().constData());
        }
        if (r.exitCode == 1 && !arguments.contains(QStringLiteral("--json")))
            QVERIFY2(r.err.contains("assay-cli: error: "), r.describe().constData());
    }
}

QTEST_GUILESS_MAIN(TestCliEndToEnd)
#include "TestCliEndToEnd.moc"

void TestCliEndToEnd::verifyExplainsAFailedSignature()
{
    // Signed (with Qt's HMAC, independently of Assay) with a secret that kept its line break; the secret file's line
    // break is removed as usual, so the signature fails, and verify says why. The verdict and exit status stay.
    const QByteArray signingInput = assay::base64url::encode(QByteArrayLiteral("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")) +
                                    '.' + assay::base64url::encode(QByteArrayLiteral("{\"sub\":\"forensics\"}"));
    const QByteArray secret = QByteArrayLiteral("my-shared-secret-of-at-least-32-bytes"); // not weak for HS256
    const QByteArray mac = QMessageAuthenticationCode::hash(signingInput, secret + '\n', QCryptographicHash::Sha256);
    const QString token = QString::fromLatin1(signingInput + '.' + assay::base64url::encode(mac));
    const QString secretFile = writeFile(QStringLiteral("forensics-secret.txt"), secret + '\n');

    RUN(text, {QStringLiteral("verify"), token, QStringLiteral("--secret-file"), secretFile});
    EXPECT_EXIT(text, 1);
    QVERIFY2(text.out.contains("Signature:  INVALID"), text.describe().constData());
    QVERIFY2(text.out.contains("Why:") && text.out.contains("trailing newline"), text.describe().constData());
    QVERIFY2(text.out.contains("Result:     FAILED"), text.describe().constData());

    RUN(json, {QStringLiteral("verify"), token, QStringLiteral("--secret-file"), secretFile, QStringLiteral("--json")});
    EXPECT_EXIT(json, 1);
    const QJsonObject o = json.json();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("INVALID"));
    const QJsonObject forensics = o.value(QStringLiteral("forensics")).toObject();
    QCOMPARE(forensics.value(QStringLiteral("outcome")).toString(), QStringLiteral("EXPLAINED"));
    const QJsonArray findings = forensics.value(QStringLiteral("findings")).toArray();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.at(0).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("FORENSIC_SECRET_WHITESPACE"));
    QVERIFY(!json.out.contains(secret)); // the secret never appears in the output

    // A secret that is simply wrong: nothing explains it, and verify says what it tried.
    RUN(wrong, {QStringLiteral("verify"), token, QStringLiteral("--secret"), QStringLiteral("not-the-secret")});
    EXPECT_EXIT(wrong, 1);
    QVERIFY2(wrong.out.contains("Why:") && wrong.out.contains("none of"), wrong.describe().constData());

    // A valid signature runs no forensics at all.
    const QByteArray good = QMessageAuthenticationCode::hash(signingInput, secret, QCryptographicHash::Sha256);
    const QString goodToken = QString::fromLatin1(signingInput + '.' + assay::base64url::encode(good));
    RUN(valid,
        {QStringLiteral("verify"), goodToken, QStringLiteral("--secret-file"), secretFile, QStringLiteral("--json")});
    EXPECT_EXIT(valid, 0);
    QVERIFY(!valid.json().contains(QStringLiteral("forensics")));
}
