// SPDX-License-Identifier: Apache-2.0
// Key inspection (issue 4): thumbprints (RFC 7638, RFC 9278), RFC 7517 appendices A, B (x5c) and C, Wycheproof
// json_web_key_test.json, findings for refused keys, and certificate reports checked against the openssl CLI.
// Expectations come from the vectors, from Qt's own hashing (QCryptographicHash, independent of OpenSSL's) and from
// `openssl x509` / `openssl verify` run on the same files.
#include "jwk/KeyInspector.h"

#include "Vectors.h"
#include "crypto/SecureBytes.h"
#include "jwk/KeyLoader.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <openssl/core_names.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <memory>

using namespace assay;

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toTimeZone(QTimeZone::utc());
}

QString b64u(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// `at` defaults to the moment of the call (certificates made by the test are valid from the second they were made).
KeyInspection inspect(const QByteArray& text, const QDateTime& at = {}, const SecureBytes* passphrase = nullptr)
{
    Result<KeyInspection> r = inspectKeyText(text, passphrase, at.isValid() ? at : QDateTime::currentDateTimeUtc());
    if (!r) {
        qWarning() << "inspectKeyText failed:" << r.error().toString();
        return {};
    }
    return std::move(*r);
}

QStringList codes(const QList<KeyFinding>& findings)
{
    QStringList out;
    for (const KeyFinding& f : findings)
        out.append(keyFindingCodeName(f.code));
    return out;
}

QStringList allCodes(const KeyInspection& inspection)
{
    QStringList out = codes(inspection.findings);
    for (const KeyReport& r : inspection.keys)
        out += codes(r.findings);
    return out;
}

QString describe(const KeyInspection& inspection)
{
    QStringList lines;
    for (const KeyReport& r : inspection.keys) {
        lines.append(r.source + QStringLiteral(": ") +
                     (r.loaded() ? r.key.description() : QStringLiteral("not loaded")));
        for (const KeyFinding& f : r.findings)
            lines.append(QStringLiteral("  %1 %2").arg(keyFindingCodeName(f.code), f.message));
    }
    for (const KeyFinding& f : inspection.findings)
        lines.append(QStringLiteral("set %1 %2").arg(keyFindingCodeName(f.code), f.message));
    return lines.join(QLatin1Char('\n'));
}

// --- the openssl CLI as the independent reference -----------------------------------------------------------------

QString opensslPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

#define REQUIRE_OPENSSL()                                                                                              \
    do {                                                                                                               \
        if (opensslPath().isEmpty())                                                                                   \
            QSKIP("the openssl command-line tool is not installed");                                                   \
    } while (false)

// Runs `openssl args...`; returns stdout, or an empty array (with a warning) when it fails.
QByteArray openssl(const QStringList& args, const QByteArray& input = {})
{
    QProcess p;
    p.start(opensslPath(), args);
    if (!p.waitForStarted(60000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning() << "openssl" << args << "failed:" << p.readAllStandardError();
        return {};
    }
    return p.readAllStandardOutput();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// "name=value" from `openssl x509 -noout -<name>` output.
QString field(const QByteArray& output, const QString& name)
{
    for (const QByteArray& line : output.split('\n')) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (text.startsWith(name + QLatin1Char('=')))
            return text.mid(name.size() + 1);
    }
    return {};
}

// --- OpenSSL-made malformed keys (what other tools may write; our loader refuses them) ----------------------------

struct PkeyFree
{
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

QByteArray encodePem(EVP_PKEY* pkey, int selection, const char* structure)
{
    std::unique_ptr<OSSL_ENCODER_CTX, decltype(&OSSL_ENCODER_CTX_free)> ctx(
        OSSL_ENCODER_CTX_new_for_pkey(pkey, selection, "PEM", structure, nullptr), &OSSL_ENCODER_CTX_free);
    unsigned char* data = nullptr;
    std::size_t len = 0;
    if (!ctx || OSSL_ENCODER_to_data(ctx.get(), &data, &len) != 1)
        return {};
    QByteArray out(reinterpret_cast<const char*>(data), static_cast<qsizetype>(len));
    OPENSSL_free(data);
    return out;
}

PkeyPtr fromParams(const char* type, OSSL_PARAM_BLD* bld, int selection)
{
    OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
    EVP_PKEY* out = nullptr;
    if (ctx == nullptr || EVP_PKEY_fromdata_init(ctx) != 1 || EVP_PKEY_fromdata(ctx, &out, selection, params) != 1)
        out = nullptr;
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    return PkeyPtr(out);
}

// An RSA public key (SPKI PEM) with a real 2048-bit modulus and the public exponent `e`.
QByteArray rsaPublicWithExponent(unsigned long e)
{
    PkeyPtr real(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)));
    BIGNUM* n = nullptr;
    EVP_PKEY_get_bn_param(real.get(), OSSL_PKEY_PARAM_RSA_N, &n);
    BIGNUM* bnE = BN_new();
    BN_set_word(bnE, e);
    OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, bnE);
    PkeyPtr pub = fromParams("RSA", bld, EVP_PKEY_PUBLIC_KEY);
    OSSL_PARAM_BLD_free(bld);
    BN_free(n);
    BN_free(bnE);
    return pub ? encodePem(pub.get(), EVP_PKEY_PUBLIC_KEY, "SubjectPublicKeyInfo") : QByteArray();
}

// A SEC 1 "EC PRIVATE KEY" whose public point belongs to another P-256 key.
QByteArray ecPrivateWithForeignPublic()
{
    PkeyPtr a(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    PkeyPtr b(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    BIGNUM* priv = nullptr;
    EVP_PKEY_get_bn_param(a.get(), OSSL_PKEY_PARAM_PRIV_KEY, &priv);
    unsigned char point[65];
    std::size_t pointLen = 0;
    EVP_PKEY_get_octet_string_param(b.get(), OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &pointLen);
    OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "P-256", 0);
    OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point, pointLen);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, priv);
    PkeyPtr mixed = fromParams("EC", bld, EVP_PKEY_KEYPAIR);
    OSSL_PARAM_BLD_free(bld);
    BN_clear_free(priv);
    return mixed ? encodePem(mixed.get(), EVP_PKEY_KEYPAIR, "type-specific") : QByteArray();
}

// Changes one base64url character of a member (keeping its length), so the value is another number.
QJsonObject flipped(QJsonObject jwk, const QString& member)
{
    QString value = jwk.value(member).toString();
    const int at = static_cast<int>(value.size() / 2);
    value[at] = value[at] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    jwk.insert(member, value);
    return jwk;
}

QJsonObject rfc7517B()
{
    return test::readVectorJson(QStringLiteral("latchset-jose/rfc7517_B.jwk"));
}

QJsonObject rfc7517A1Rsa()
{
    const QJsonArray keys = test::readVectorJson(QStringLiteral("latchset-jose/rfc7517_A.1.jwkset"))
                                .value(QStringLiteral("keys"))
                                .toArray();
    return keys.at(1).toObject();
}

} // namespace

class TestKeyInspect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void thumbprintVectors_data();
    void thumbprintVectors();
    void rfc7517AppendixA_data();
    void rfc7517AppendixA();
    void rfc7517AppendixB();
    void x5tMembers();
    void x5cOfAnotherKeyIsAWarning();
    void rfc7517AppendixC();
    void wycheproofJsonWebKey_data();
    void wycheproofJsonWebKey();
    void refusedJwksAreExplained_data();
    void refusedJwksAreExplained();
    void refusedPemIsExplained();
    void smallExponentIsNoted();
    void metadataFindings_data();
    void metadataFindings();
    void certificateMatchesOpenssl();
    void keyWithCertificateBundle();
    void chainLinks();
    void certificateValidityAt();
    void inspectKeyFromCertificate();
    void inputFailures();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    bool makeChain();
    bool makeSelfSigned();

    QTemporaryDir m_dir;
    bool m_chainMade = false;
};

void TestKeyInspect::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

// RFC 7638 section 3.1, RFC 8037 appendix A.3 and the RFC 9278 URI form. The SHA-384/512 thumbprints are checked
// against Qt's own SHA-2 over the vector's canonical JSON.
void TestKeyInspect::thumbprintVectors_data()
{
    QTest::addColumn<QJsonObject>("vector");
    if (!test::haveVectors())
        return;
    const QJsonArray vectors = test::readVectorJson(QStringLiteral("rfc-transcribed/rfc7638_rfc9278_thumbprints.json"))
                                   .value(QStringLiteral("vectors"))
                                   .toArray();
    for (const QJsonValue v : vectors)
        QTest::newRow(qPrintable(v.toObject().value(QStringLiteral("id")).toString())) << v.toObject();
}

void TestKeyInspect::thumbprintVectors()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QJsonObject, vector);
    const KeyInspection inspection = inspect(json(vector.value(QStringLiteral("jwk")).toObject()));
    QCOMPARE(inspection.keys.size(), 1);
    const KeyReport& r = inspection.keys.front();
    QVERIFY2(r.loaded(), qPrintable(describe(inspection)));
    QCOMPARE(r.thumbprintSha256, vector.value(QStringLiteral("sha256_b64u")).toString());
    const QByteArray canonical = vector.value(QStringLiteral("canonical_json")).toString().toUtf8();
    QCOMPARE(r.thumbprintSha384, b64u(QCryptographicHash::hash(canonical, QCryptographicHash::Sha384)));
    QCOMPARE(r.thumbprintSha512, b64u(QCryptographicHash::hash(canonical, QCryptographicHash::Sha512)));
    if (vector.contains(QStringLiteral("thumbprint_uri_rfc9278")))
        QCOMPARE(r.thumbprintUri, vector.value(QStringLiteral("thumbprint_uri_rfc9278")).toString());
    else
        QCOMPARE(r.thumbprintUri, QStringLiteral("urn:ietf:params:oauth:jwk-thumbprint:sha-256:") + r.thumbprintSha256);
    // latchset's copy of the RFC 7638 example agrees.
    if (vector.value(QStringLiteral("id")).toString() == QLatin1String("rfc7638-3.1")) {
        QCOMPARE(r.thumbprintSha256.toLatin1(),
                 test::readVectorFile(QStringLiteral("latchset-jose/rfc7638_3.1.thp")).trimmed());
    }
}

// RFC 7517 appendix A: public keys (A.1), private keys (A.2), symmetric keys (A.3).
void TestKeyInspect::rfc7517AppendixA_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("privateParts");
    QTest::newRow("A.1 public") << QStringLiteral("latchset-jose/rfc7517_A.1.jwkset") << false;
    QTest::newRow("A.2 private") << QStringLiteral("latchset-jose/rfc7517_A.2.jwkset") << true;
    QTest::newRow("A.3 symmetric") << QStringLiteral("latchset-jose/rfc7517_A.3.jwkset") << true;
}

void TestKeyInspect::rfc7517AppendixA()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, file);
    QFETCH(bool, privateParts);
    const QByteArray text = test::readVectorFile(file);
    const QJsonArray members = QJsonDocument::fromJson(text).object().value(QStringLiteral("keys")).toArray();
    const KeyInspection inspection = inspect(text);
    QCOMPARE(inspection.inputKind, QStringLiteral("JWK Set"));
    QCOMPARE(inspection.keys.size(), members.size());
    QVERIFY2(!inspection.hasErrors(), qPrintable(describe(inspection)));
    for (qsizetype i = 0; i < members.size(); ++i) {
        const QJsonObject jwk = members.at(i).toObject();
        const KeyReport& r = inspection.keys.at(i);
        QVERIFY2(r.loaded(), qPrintable(describe(inspection)));
        QCOMPARE(keyTypeName(r.key.type()), jwk.value(QStringLiteral("kty")).toString());
        QCOMPARE(r.key.hasPrivate(), privateParts);
        QCOMPARE(r.key.kid(), jwk.value(QStringLiteral("kid")).toString());
        QCOMPARE(r.source, QStringLiteral("key %1").arg(i + 1));
        const QString kty = jwk.value(QStringLiteral("kty")).toString();
        if (kty == QLatin1String("EC")) {
            QCOMPARE(curveName(r.key.curve()), jwk.value(QStringLiteral("crv")).toString());
            QCOMPARE(r.key.bits(), 256);
        } else if (kty == QLatin1String("RSA")) {
            QCOMPARE(r.key.bits(), 2048);
            QCOMPARE(r.rsaExponent.value_or(0), quint64(65537)); // "AQAB"
        } else {
            QCOMPARE(r.key.bits(), QByteArray::fromBase64(jwk.value(QStringLiteral("k")).toString().toLatin1(),
                                                          QByteArray::Base64UrlEncoding)
                                           .size() *
                                       8);
            QVERIFY(r.publicJwk.isEmpty()); // an HMAC secret has no public JWK
        }
        // The public JWK never carries private members.
        if (kty != QLatin1String("oct")) {
            const QJsonObject pub = QJsonDocument::fromJson(r.publicJwk).object();
            for (const char* member : {"d", "p", "q", "dp", "dq", "qi", "k"})
                QVERIFY2(!pub.contains(QLatin1String(member)), member);
            QCOMPARE(pub.value(QStringLiteral("kty")).toString(), kty);
        }
        // RFC 7638: the thumbprint of the same key is the same whether or not it carries private members; the A.1
        // RSA key is the RFC 7638 example key.
        if (jwk.value(QStringLiteral("kid")).toString() == QLatin1String("2011-04-29"))
            QCOMPARE(r.thumbprintSha256, QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
        // Keys without "alg" get the info finding (ATTACKS.md A05 lint), nothing worse.
        QCOMPARE(codes(r.findings).contains(QStringLiteral("KEY_NO_ALG")), !jwk.contains(QStringLiteral("alg")));
    }
    // A.3's first key is an A128KW key of exactly 128 bits: no HMAC-length warning for it.
    if (file.contains(QLatin1String("A.3")))
        QVERIFY(!codes(inspection.keys.front().findings).contains(QStringLiteral("KEY_HMAC_SHORT_SECRET")));
}

// RFC 7517 appendix B: an RSA JWK with an x5c certificate (self-signed, SHA-1, expired 2018-08-14).
void TestKeyInspect::rfc7517AppendixB()
{
    ASSAY_REQUIRE_VECTORS();
    REQUIRE_OPENSSL();
    const QJsonObject jwk = rfc7517B();
    const QByteArray der =
        QByteArray::fromBase64(jwk.value(QStringLiteral("x5c")).toArray().first().toString().toLatin1());
    QVERIFY(writeFile(path(QStringLiteral("b.der")), der));

    const KeyInspection now = inspect(json(jwk));
    QCOMPARE(now.keys.size(), 1);
    const KeyReport& r = now.keys.front();
    QVERIFY2(r.loaded(), qPrintable(describe(now)));
    QCOMPARE(r.key.kid(), QStringLiteral("1b94c"));
    QCOMPARE(r.key.use(), QStringLiteral("sig"));
    QCOMPARE(r.chain.certificates.size(), 1);
    QVERIFY(r.chain.links.isEmpty());
    QCOMPARE(r.leafMatchesKey, std::optional<bool>(true));
    const CertificateDetails& c = r.chain.certificates.front();

    const QByteArray x509 = openssl({QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                     QStringLiteral("-in"), path(QStringLiteral("b.der")), QStringLiteral("-noout"),
                                     QStringLiteral("-subject"), QStringLiteral("-issuer"), QStringLiteral("-nameopt"),
                                     QStringLiteral("RFC2253"), QStringLiteral("-dates"), QStringLiteral("-dateopt"),
                                     QStringLiteral("iso_8601"), QStringLiteral("-serial")});
    QVERIFY(!x509.isEmpty());
    QCOMPARE(c.subject, field(x509, QStringLiteral("subject")));
    QCOMPARE(c.issuer, field(x509, QStringLiteral("issuer")));
    QCOMPARE(c.subject, QStringLiteral("CN=Brian Campbell,O=Ping Identity Corp.,L=Denver,ST=CO,C=US"));
    QCOMPARE(c.notBefore, QDateTime::fromString(field(x509, QStringLiteral("notBefore")), Qt::ISODate));
    QCOMPARE(c.notAfter, QDateTime::fromString(field(x509, QStringLiteral("notAfter")), Qt::ISODate));
    QCOMPARE(c.serialHex, field(x509, QStringLiteral("serial")));
    QCOMPARE(c.signatureAlgorithm, QStringLiteral("sha1WithRSAEncryption"));
    // openssl verify accepts the certificate as its own issuer, so it is self-signed.
    QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                     path(QStringLiteral("b.der")), QStringLiteral("-out"), path(QStringLiteral("b.pem"))})
                .isEmpty());
    const QByteArray verify =
        openssl({QStringLiteral("verify"), QStringLiteral("-no_check_time"), QStringLiteral("-CAfile"),
                 path(QStringLiteral("b.pem")), path(QStringLiteral("b.pem"))});
    QVERIFY2(verify.contains(": OK"), verify.constData());
    QVERIFY(c.selfSigned);
    // The certificate holds the JWK's key.
    QCOMPARE(c.publicKey.thumbprint().value_or(QString()), r.thumbprintSha256);
    // x5t / x5t#S256 of the certificate as Qt computes them.
    QCOMPARE(c.x5t, b64u(QCryptographicHash::hash(der, QCryptographicHash::Sha1)));
    QCOMPARE(c.x5tS256, b64u(QCryptographicHash::hash(der, QCryptographicHash::Sha256)));

    // Expired in 2018; valid in 2015. A self-signed SHA-1 certificate is not a weak-signature finding (a root's
    // signature is not what anyone relies on).
    QVERIFY(codes(r.findings).contains(QStringLiteral("CERT_EXPIRED")));
    QVERIFY(!codes(r.findings).contains(QStringLiteral("CERT_WEAK_SIGNATURE")));
    QVERIFY(!now.hasErrors());
    const KeyInspection then = inspect(json(jwk), utc("2015-01-01T00:00:00Z"));
    QVERIFY(!allCodes(then).contains(QStringLiteral("CERT_EXPIRED")));
    QCOMPARE(then.keys.front().chain.certificates.front().validityAt(utc("2015-01-01T00:00:00Z")),
             CertificateValidity::Valid);
    const KeyInspection before = inspect(json(jwk), utc("2012-01-01T00:00:00Z"));
    QVERIFY(allCodes(before).contains(QStringLiteral("CERT_NOT_YET_VALID")));
}

// x5t and x5t#S256 (RFC 7517 sections 4.8, 4.9) are compared with the first x5c certificate.
void TestKeyInspect::x5tMembers()
{
    ASSAY_REQUIRE_VECTORS();
    QJsonObject jwk = rfc7517B();
    const QByteArray der =
        QByteArray::fromBase64(jwk.value(QStringLiteral("x5c")).toArray().first().toString().toLatin1());
    jwk.insert(QStringLiteral("x5t"), b64u(QCryptographicHash::hash(der, QCryptographicHash::Sha1)));
    jwk.insert(QStringLiteral("x5t#S256"), b64u(QCryptographicHash::hash(der, QCryptographicHash::Sha256)));
    const KeyInspection good = inspect(json(jwk));
    QVERIFY2(!allCodes(good).contains(QStringLiteral("X5T_MISMATCH")), qPrintable(describe(good)));
    QVERIFY(!allCodes(good).contains(QStringLiteral("X5T_S256_MISMATCH")));
    QCOMPARE(good.keys.front().x5t, jwk.value(QStringLiteral("x5t")).toString());

    QJsonObject bad = jwk;
    bad.insert(QStringLiteral("x5t"), b64u(QCryptographicHash::hash(der + 'x', QCryptographicHash::Sha1)));
    bad.insert(QStringLiteral("x5t#S256"), b64u(QCryptographicHash::hash("other", QCryptographicHash::Sha256)));
    const QStringList badCodes = allCodes(inspect(json(bad)));
    QVERIFY(badCodes.contains(QStringLiteral("X5T_MISMATCH")));
    QVERIFY(badCodes.contains(QStringLiteral("X5T_S256_MISMATCH")));

    // Without x5c there is nothing to compare with.
    QJsonObject alone = bad;
    alone.remove(QStringLiteral("x5c"));
    const KeyInspection unchecked = inspect(json(alone));
    QVERIFY(unchecked.keys.front().loaded());
    QVERIFY(allCodes(unchecked).contains(QStringLiteral("X5T_UNCHECKED")));
    QVERIFY(!allCodes(unchecked).contains(QStringLiteral("X5T_MISMATCH")));
}

// The loader refuses a JWK whose x5c holds another key; inspection shows the key and warns.
void TestKeyInspect::x5cOfAnotherKeyIsAWarning()
{
    ASSAY_REQUIRE_VECTORS();
    QJsonObject jwk = rfc7517A1Rsa();
    jwk.insert(QStringLiteral("x5c"), rfc7517B().value(QStringLiteral("x5c")));
    QVERIFY(!loadKeys(json(jwk)).has_value()); // the strict path
    const KeyInspection inspection = inspect(json(jwk));
    const KeyReport& r = inspection.keys.front();
    QVERIFY(r.loaded());
    QCOMPARE(r.thumbprintSha256, QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    QCOMPARE(r.leafMatchesKey, std::optional<bool>(false));
    QVERIFY(codes(r.findings).contains(QStringLiteral("X5C_KEY_MISMATCH")));
    QVERIFY(!inspection.hasErrors()); // a warning, as the loader's refusal is about trust, not the key itself

    QJsonObject garbage = rfc7517A1Rsa();
    garbage.insert(QStringLiteral("x5c"), QJsonArray{QStringLiteral("not base64!")});
    QVERIFY(allCodes(inspect(json(garbage))).contains(QStringLiteral("CERT_INVALID")));
    garbage.insert(QStringLiteral("x5c"), QJsonArray{QStringLiteral("AAAA")});
    QVERIFY(allCodes(inspect(json(garbage))).contains(QStringLiteral("CERT_INVALID")));
}

// RFC 7517 appendix C encrypts this RSA private JWK with PBES2; the JWE layer is not part of key inspection, so the
// published plaintext is inspected. Its thumbprint is checked against Qt's SHA-256 over the RFC 7638 members.
void TestKeyInspect::rfc7517AppendixC()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonObject vector =
        test::readVectorJson(QStringLiteral("rfc-transcribed/rfc7517_appendix_C_pbes2_encrypted_jwk.json"));
    const QByteArray plaintext = vector.value(QStringLiteral("plaintext_utf8")).toString().toUtf8();
    QVERIFY(!plaintext.isEmpty());
    const KeyInspection inspection = inspect(plaintext);
    QCOMPARE(inspection.keys.size(), 1);
    const KeyReport& r = inspection.keys.front();
    QVERIFY2(r.loaded(), qPrintable(describe(inspection)));
    QCOMPARE(r.key.kid(), QStringLiteral("juliet@capulet.lit"));
    QCOMPARE(r.key.use(), QStringLiteral("enc"));
    QVERIFY(r.key.hasPrivate());
    QCOMPARE(r.key.bits(), 2048);
    const QJsonObject jwk = vector.value(QStringLiteral("plaintext_jwk")).toObject();
    const QByteArray canonical = "{\"e\":\"" + jwk.value(QStringLiteral("e")).toString().toLatin1() +
                                 "\",\"kty\":\"RSA\",\"n\":\"" + jwk.value(QStringLiteral("n")).toString().toLatin1() +
                                 "\"}";
    QCOMPARE(r.thumbprintSha256, b64u(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)));
    QVERIFY(!inspection.hasErrors());
}

// Wycheproof json_web_key_test.json: each group's key set, with the finding that names what the test is about.
void TestKeyInspect::wycheproofJsonWebKey_data()
{
    QTest::addColumn<QJsonObject>("keys");
    QTest::addColumn<QString>("expected"); // a finding code, or "" for "no warning or error"
    if (!test::haveVectors())
        return;
    const QMap<int, QString> expected{
        {1, QStringLiteral("JWKS_MIXED_SYMMETRY")},
        {2, QString()},
        {4, QStringLiteral("JWKS_DUPLICATE_KID")},
        {5, QString()},
        {6, QString()}, // RSA1_5 with use "enc": consistent; using it for JWS is the verifier's refusal
        {7, QStringLiteral("KEY_RSA_ROCA")},
        {8, QStringLiteral("KEY_RSA_SHORT_MODULUS")},
        {9, QStringLiteral("KEY_RSA_EXPONENT_ONE")},
        {10, QStringLiteral("KEY_HMAC_SHORT_SECRET")},
        {11, QStringLiteral("KEY_HMAC_SHORT_SECRET")},
        {12, QStringLiteral("KEY_HMAC_SHORT_SECRET")},
        {13, QString()},
        {14, QString()},
        {15, QString()},
        {16, QStringLiteral("KEY_LOAD_FAILED")},
        {17, QStringLiteral("KEY_LOAD_FAILED")},
        {18, QStringLiteral("KEY_LOAD_FAILED")},
        // ES521 and ES224 are not registered names at all (P-521 goes with ES512); real mismatches are in
        // metadataFindings().
        {19, QStringLiteral("KEY_ALG_UNKNOWN")},
        {20, QStringLiteral("KEY_ALG_UNKNOWN")},
        {21, QStringLiteral("KEY_USE_ALG_MISMATCH")},
        {22, QStringLiteral("KEY_EC_POINT_NOT_ON_CURVE")},
        {23, QStringLiteral("KEY_LOAD_FAILED")},
        {24, QStringLiteral("KEY_LOAD_FAILED")},
        {25, QStringLiteral("KEY_USE_ALG_MISMATCH")},
        {26, QStringLiteral("KEY_USE_ALG_MISMATCH")},
    };
    const QJsonArray groups = test::readVectorJson(QStringLiteral("wycheproof/testvectors_v1/json_web_key_test.json"))
                                  .value(QStringLiteral("testGroups"))
                                  .toArray();
    for (const QJsonValue g : groups) {
        const QJsonObject group = g.toObject();
        for (const QJsonValue t : group.value(QStringLiteral("tests")).toArray()) {
            const int tcId = t.toObject().value(QStringLiteral("tcId")).toInt();
            if (!expected.contains(tcId))
                continue;
            const QString name = QStringLiteral("tc%1 %2 %3")
                                     .arg(tcId)
                                     .arg(group.value(QStringLiteral("comment")).toString(),
                                          t.toObject().value(QStringLiteral("comment")).toString());
            QTest::newRow(qPrintable(name + QStringLiteral(" private")))
                << group.value(QStringLiteral("private")).toObject() << expected.value(tcId);
            if (group.contains(QStringLiteral("public")))
                QTest::newRow(qPrintable(name + QStringLiteral(" public")))
                    << group.value(QStringLiteral("public")).toObject() << expected.value(tcId);
        }
    }
}

void TestKeyInspect::wycheproofJsonWebKey()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QJsonObject, keys);
    QFETCH(QString, expected);
    const KeyInspection inspection = inspect(json(keys));
    QVERIFY(!inspection.keys.isEmpty());
    const QStringList found = allCodes(inspection);
    if (expected.isEmpty()) {
        for (const KeyReport& r : inspection.keys) {
            for (const KeyFinding& f : r.findings)
                QVERIFY2(f.severity == FindingSeverity::Info, qPrintable(describe(inspection)));
        }
        QVERIFY2(inspection.findings.isEmpty(), qPrintable(describe(inspection)));
    } else {
        QVERIFY2(found.contains(expected), qPrintable(expected + QStringLiteral(" not in\n") + describe(inspection)));
    }
}

// Keys the loader refuses are explained with a specific code. Private parts are altered by one character.
void TestKeyInspect::refusedJwksAreExplained_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<QString>("expected");
    if (!test::haveVectors())
        return;
    const QJsonArray a2 = test::readVectorJson(QStringLiteral("latchset-jose/rfc7517_A.2.jwkset"))
                              .value(QStringLiteral("keys"))
                              .toArray();
    const QJsonObject ec = a2.at(0).toObject();
    const QJsonObject rsa = a2.at(1).toObject();
    const QJsonObject ed = test::readVectorJson(QStringLiteral("rfc-transcribed/rfc8037_appendix_A_okp.json"))
                               .value(QStringLiteral("A.1_private_jwk"))
                               .toObject();
    QTest::newRow("RSA d altered") << flipped(rsa, QStringLiteral("d")) << QStringLiteral("KEY_PRIVATE_MISMATCH");
    QTest::newRow("RSA p altered") << flipped(rsa, QStringLiteral("p")) << QStringLiteral("KEY_PRIVATE_MISMATCH");
    QTest::newRow("EC d altered") << flipped(ec, QStringLiteral("d")) << QStringLiteral("KEY_PRIVATE_MISMATCH");
    QTest::newRow("Ed25519 d altered") << flipped(ed, QStringLiteral("d")) << QStringLiteral("KEY_PRIVATE_MISMATCH");
    QJsonObject offCurve = ec;
    offCurve.remove(QStringLiteral("d"));
    QTest::newRow("EC y altered") << flipped(offCurve, QStringLiteral("y"))
                                  << QStringLiteral("KEY_EC_POINT_NOT_ON_CURVE");
    QJsonObject evenE = rsa;
    evenE.insert(QStringLiteral("e"), QStringLiteral("AQAA")); // 65536
    QTest::newRow("RSA e even") << evenE << QStringLiteral("KEY_RSA_EXPONENT_EVEN");
    QJsonObject oneE = rsa;
    oneE.insert(QStringLiteral("e"), QStringLiteral("AQ")); // 1
    QTest::newRow("RSA e = 1 with private part") << oneE << QStringLiteral("KEY_RSA_EXPONENT_ONE");
    QTest::newRow("unknown kty") << QJsonObject{{QStringLiteral("kty"), QStringLiteral("DSA")}}
                                 << QStringLiteral("KEY_LOAD_FAILED");
}

void TestKeyInspect::refusedJwksAreExplained()
{
    QFETCH(QJsonObject, jwk);
    QFETCH(QString, expected);
    QVERIFY(!loadKeys(json(jwk)).has_value()); // the strict path refuses it
    const KeyInspection inspection = inspect(json(jwk));
    QCOMPARE(inspection.keys.size(), 1);
    const KeyReport& r = inspection.keys.front();
    QVERIFY(!r.loaded());
    QVERIFY(r.loadError.has_value());
    QVERIFY2(codes(r.findings).contains(expected), qPrintable(describe(inspection)));
    QVERIFY(inspection.hasErrors());
}

// The same for PEM written by OpenSSL itself: an e = 1 or even-e public key, and an EC private key whose public point
// is another key's.
void TestKeyInspect::refusedPemIsExplained()
{
    const QByteArray one = rsaPublicWithExponent(1);
    const QByteArray even = rsaPublicWithExponent(4);
    const QByteArray mixed = ecPrivateWithForeignPublic();
    QVERIFY(!one.isEmpty() && !even.isEmpty() && !mixed.isEmpty());
    QVERIFY(mixed.contains("BEGIN EC PRIVATE KEY"));
    for (const auto& [pem, code] : {std::pair{one, "KEY_RSA_EXPONENT_ONE"}, std::pair{even, "KEY_RSA_EXPONENT_EVEN"},
                                    std::pair{mixed, "KEY_PRIVATE_MISMATCH"}}) {
        QVERIFY(!loadKeys(pem).has_value());
        const KeyInspection inspection = inspect(pem);
        QCOMPARE(inspection.inputKind, QStringLiteral("PEM"));
        QCOMPARE(inspection.keys.size(), 1);
        QVERIFY(!inspection.keys.front().loaded());
        QVERIFY2(allCodes(inspection).contains(QLatin1String(code)), qPrintable(describe(inspection)));
    }
}

// e = 3 loads and signs, and is noted (info), not refused. The key is made by `openssl genpkey`.
void TestKeyInspect::smallExponentIsNoted()
{
    REQUIRE_OPENSSL();
    const QByteArray pem = openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                                    QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                                    QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_pubexp:3")});
    QVERIFY(pem.contains("BEGIN PRIVATE KEY"));
    const KeyInspection inspection = inspect(pem);
    QCOMPARE(inspection.keys.size(), 1);
    const KeyReport& r = inspection.keys.front();
    QVERIFY(r.loaded());
    QCOMPARE(r.rsaExponent.value_or(0), quint64(3));
    bool noted = false;
    for (const KeyFinding& f : r.findings) {
        if (f.code == KeyFindingCode::RsaSmallExponent) {
            noted = true;
            QCOMPARE(f.severity, FindingSeverity::Info);
        }
    }
    QVERIFY2(noted, qPrintable(describe(inspection)));
    QVERIFY(!inspection.hasErrors());
}

// alg / use / key_ops consistency (RFC 7517 sections 4.2-4.4), on the RFC 8037 Ed25519 key, an X25519 key, the
// RFC 7517 A.1 EC key and a 256-bit oct key.
void TestKeyInspect::metadataFindings_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    const QJsonObject ed{{QStringLiteral("kty"), QStringLiteral("OKP")},
                         {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                         {QStringLiteral("x"), QStringLiteral("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")}};
    // RFC 8037 appendix A.6: Bob's X25519 public key.
    const QJsonObject x25519{{QStringLiteral("kty"), QStringLiteral("OKP")},
                             {QStringLiteral("crv"), QStringLiteral("X25519")},
                             {QStringLiteral("x"), QStringLiteral("3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08")}};
    const QJsonObject oct{{QStringLiteral("kty"), QStringLiteral("oct")},
                          {QStringLiteral("k"), QStringLiteral("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr8")}};
    const auto with = [](QJsonObject o, std::initializer_list<std::pair<const char*, QJsonValue>> members) {
        for (const auto& [name, value] : members)
            o.insert(QLatin1String(name), value);
        return o;
    };
    const QString noAlg = QStringLiteral("KEY_NO_ALG");
    QTest::newRow("Ed25519 EdDSA sig") << with(ed, {{"alg", QStringLiteral("EdDSA")}, {"use", QStringLiteral("sig")}})
                                       << QStringList{} << QStringList{noAlg, QStringLiteral("KEY_USE_MISMATCH")};
    QTest::newRow("Ed25519 no alg") << ed << QStringList{noAlg} << QStringList{};
    QTest::newRow("Ed25519 use enc") << with(ed, {{"use", QStringLiteral("enc")}})
                                     << QStringList{QStringLiteral("KEY_USE_MISMATCH")} << QStringList{};
    QTest::newRow("Ed25519 alg ES256") << with(ed, {{"alg", QStringLiteral("ES256")}})
                                       << QStringList{QStringLiteral("KEY_ALG_MISMATCH")} << QStringList{};
    QTest::newRow("Ed25519 alg hs256 (case)") << with(ed, {{"alg", QStringLiteral("hs256")}})
                                              << QStringList{QStringLiteral("KEY_ALG_UNKNOWN")} << QStringList{};
    QTest::newRow("X25519 use sig") << with(x25519, {{"use", QStringLiteral("sig")}})
                                    << QStringList{QStringLiteral("KEY_USE_MISMATCH")} << QStringList{};
    QTest::newRow("X25519 ECDH-ES enc") << with(x25519,
                                                {{"alg", QStringLiteral("ECDH-ES")}, {"use", QStringLiteral("enc")}})
                                        << QStringList{}
                                        << QStringList{QStringLiteral("KEY_ALG_MISMATCH"),
                                                       QStringLiteral("KEY_USE_MISMATCH")};
    QTest::newRow("X25519 key_ops sign") << with(x25519, {{"key_ops", QJsonArray{QStringLiteral("sign")}}})
                                         << QStringList{QStringLiteral("KEY_OPS_MISMATCH")} << QStringList{};
    QTest::newRow("Ed25519 use enc key_ops sign")
        << with(ed, {{"use", QStringLiteral("sig")}, {"key_ops", QJsonArray{QStringLiteral("encrypt")}}})
        << QStringList{QStringLiteral("KEY_OPS_USE_MISMATCH"), QStringLiteral("KEY_OPS_MISMATCH")} << QStringList{};
    QTest::newRow("Ed25519 use sig key_ops verify")
        << with(ed, {{"use", QStringLiteral("sig")}, {"key_ops", QJsonArray{QStringLiteral("verify")}}})
        << QStringList{QStringLiteral("KEY_OPS_WITH_USE")} << QStringList{QStringLiteral("KEY_OPS_USE_MISMATCH")};
    QTest::newRow("key_ops unknown") << with(ed, {{"key_ops", QJsonArray{QStringLiteral("frobnicate")}}})
                                     << QStringList{QStringLiteral("KEY_OPS_UNKNOWN")} << QStringList{};
    QTest::newRow("oct key_ops sign+encrypt")
        << with(oct, {{"key_ops", QJsonArray{QStringLiteral("sign"), QStringLiteral("encrypt")}}})
        << QStringList{QStringLiteral("KEY_OPS_UNRELATED")} << QStringList{};
    QTest::newRow("oct use foo") << with(oct, {{"use", QStringLiteral("foo")}})
                                 << QStringList{QStringLiteral("KEY_USE_UNKNOWN")} << QStringList{};
    QTest::newRow("oct 256 HS256") << with(oct, {{"alg", QStringLiteral("HS256")}}) << QStringList{}
                                   << QStringList{QStringLiteral("KEY_HMAC_SHORT_SECRET")};
    QTest::newRow("oct 256 HS512") << with(oct, {{"alg", QStringLiteral("HS512")}})
                                   << QStringList{QStringLiteral("KEY_HMAC_SHORT_SECRET")} << QStringList{};
    QTest::newRow("oct 256 A128KW") << with(oct, {{"alg", QStringLiteral("A128KW")}})
                                    << QStringList{QStringLiteral("KEY_ALG_MISMATCH")}
                                    << QStringList{QStringLiteral("KEY_HMAC_SHORT_SECRET")};
    QTest::newRow("oct 256 A256KW enc") << with(oct,
                                                {{"alg", QStringLiteral("A256KW")}, {"use", QStringLiteral("enc")}})
                                        << QStringList{}
                                        << QStringList{QStringLiteral("KEY_ALG_MISMATCH"),
                                                       QStringLiteral("KEY_USE_ALG_MISMATCH")};
    QTest::newRow("oct RS256") << with(oct, {{"alg", QStringLiteral("RS256")}})
                               << QStringList{QStringLiteral("KEY_ALG_MISMATCH")} << QStringList{};
}

void TestKeyInspect::metadataFindings()
{
    QFETCH(QJsonObject, jwk);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const KeyInspection inspection = inspect(json(jwk));
    QCOMPARE(inspection.keys.size(), 1);
    QVERIFY2(inspection.keys.front().loaded(), qPrintable(describe(inspection)));
    const QStringList found = allCodes(inspection);
    for (const QString& code : present)
        QVERIFY2(found.contains(code), qPrintable(code + QStringLiteral(" missing:\n") + describe(inspection)));
    for (const QString& code : absent)
        QVERIFY2(!found.contains(code), qPrintable(code + QStringLiteral(" unexpected:\n") + describe(inspection)));
}

// A certificate made by `openssl req -x509` with every kind of SAN: our report against `openssl x509`.
void TestKeyInspect::certificateMatchesOpenssl()
{
    REQUIRE_OPENSSL();
    QVERIFY(makeSelfSigned());
    const QString key = path(QStringLiteral("req.key"));
    const QString cert = path(QStringLiteral("req.pem"));
    const QByteArray pem = readFile(cert);

    const KeyInspection inspection = inspect(pem);
    QCOMPARE(inspection.keys.size(), 1);
    const KeyReport& r = inspection.keys.front();
    QVERIFY2(r.loaded(), qPrintable(describe(inspection)));
    QCOMPARE(r.key.format(), KeyFormat::PemCertificate);
    QCOMPARE(r.key.curve(), Curve::P256);
    QVERIFY(!r.key.hasPrivate());
    QCOMPARE(r.chain.certificates.size(), 1);
    const CertificateDetails& c = r.chain.certificates.front();

    const QStringList base{QStringLiteral("x509"), QStringLiteral("-in"), cert, QStringLiteral("-noout")};
    const QByteArray names =
        openssl(base + QStringList{QStringLiteral("-subject"), QStringLiteral("-issuer"), QStringLiteral("-nameopt"),
                                   QStringLiteral("RFC2253"), QStringLiteral("-dates"), QStringLiteral("-dateopt"),
                                   QStringLiteral("iso_8601"), QStringLiteral("-serial")});
    QCOMPARE(c.subject, field(names, QStringLiteral("subject")));
    QCOMPARE(c.issuer, field(names, QStringLiteral("issuer")));
    QCOMPARE(c.notBefore, QDateTime::fromString(field(names, QStringLiteral("notBefore")), Qt::ISODate));
    QCOMPARE(c.notAfter, QDateTime::fromString(field(names, QStringLiteral("notAfter")), Qt::ISODate));
    QCOMPARE(c.serialHex, field(names, QStringLiteral("serial")));
    QCOMPARE(field(openssl(base + QStringList{QStringLiteral("-fingerprint"), QStringLiteral("-sha256")}),
                   QStringLiteral("sha256 Fingerprint")),
             c.sha256Fingerprint);
    QCOMPARE(field(openssl(base + QStringList{QStringLiteral("-fingerprint"), QStringLiteral("-sha1")}),
                   QStringLiteral("sha1 Fingerprint")),
             c.sha1Fingerprint);

    // "X509v3 Subject Alternative Name:" then one line "DNS:a, DNS:b, IP Address:..., email:..., URI:...".
    const QByteArray sanOut = openssl(base + QStringList{QStringLiteral("-ext"), QStringLiteral("subjectAltName")});
    const QString sanLine = QString::fromUtf8(sanOut.split('\n').value(1)).trimmed();
    QStringList ours;
    for (const QString& n : c.subjectAltNames.dns)
        ours.append(QStringLiteral("DNS:") + n);
    for (const QString& n : c.subjectAltNames.ip)
        ours.append(QStringLiteral("IP Address:") + n);
    for (const QString& n : c.subjectAltNames.email)
        ours.append(QStringLiteral("email:") + n);
    for (const QString& n : c.subjectAltNames.uri)
        ours.append(QStringLiteral("URI:") + n);
    QCOMPARE(ours.join(QStringLiteral(", ")), sanLine);
    QCOMPARE(c.subjectAltNames.ip, (QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("2001:DB8:0:0:0:0:0:1")}));

    const QByteArray text = openssl(base + QStringList{QStringLiteral("-text")});
    const QRegularExpressionMatch sig =
        QRegularExpression(QStringLiteral("Signature Algorithm: (\\S+)")).match(QString::fromUtf8(text));
    QVERIFY(sig.hasMatch());
    QCOMPARE(c.signatureAlgorithm, sig.captured(1));
    QVERIFY(c.selfSigned);
    QCOMPARE(c.version, 3);
    QCOMPARE(c.validityAt(QDateTime::currentDateTimeUtc()), CertificateValidity::Valid);
    QVERIFY(!inspection.hasErrors());
    // The certificate's key is the key `openssl req` wrote.
    QCOMPARE(c.publicKey.thumbprint().value_or(QStringLiteral("a")),
             inspect(readFile(key)).keys.value(0).thumbprintSha256);
}

// A private key followed by its certificate (a TLS bundle): one report, the chain attached, the leaf holds the key.
void TestKeyInspect::keyWithCertificateBundle()
{
    REQUIRE_OPENSSL();
    QVERIFY(makeSelfSigned());
    const QByteArray bundle = readFile(path(QStringLiteral("req.key"))) + readFile(path(QStringLiteral("req.pem")));
    const KeyInspection inspection = inspect(bundle);
    QCOMPARE(inspection.keys.size(), 1);
    const KeyReport& r = inspection.keys.front();
    QVERIFY(r.key.hasPrivate());
    QCOMPARE(r.chain.certificates.size(), 1);
    QCOMPARE(r.leafMatchesKey, std::optional<bool>(true));
    QVERIFY2(!allCodes(inspection).contains(QStringLiteral("X5C_KEY_MISMATCH")), qPrintable(describe(inspection)));

    // With another key's certificate: the key is still reported, the mismatch is a warning.
    const QByteArray other =
        openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("ED25519")});
    const KeyInspection mismatch = inspect(other + readFile(path(QStringLiteral("req.pem"))));
    QCOMPARE(mismatch.keys.size(), 1);
    QCOMPARE(mismatch.keys.front().key.curve(), Curve::Ed25519);
    QCOMPARE(mismatch.keys.front().leafMatchesKey, std::optional<bool>(false));
    QVERIFY(allCodes(mismatch).contains(QStringLiteral("X5C_KEY_MISMATCH")));
}

// `openssl req -x509` with every kind of SAN.
bool TestKeyInspect::makeSelfSigned()
{
    const QString key = path(QStringLiteral("req.key"));
    const QString cert = path(QStringLiteral("req.pem"));
    if (readFile(cert).contains("BEGIN CERTIFICATE"))
        return true;
    openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-subj"),
             QStringLiteral("/CN=assay test/O=Assay Ltd, Inc./C=DE"), QStringLiteral("-addext"),
             QStringLiteral("subjectAltName=DNS:example.com,DNS:*.example.org,IP:127.0.0.1,IP:2001:db8::1,"
                            "email:ops@example.com,URI:https://example.com/id"),
             QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
             QStringLiteral("-out"), cert});
    return readFile(cert).contains("BEGIN CERTIFICATE");
}

// root CA -> intermediate CA -> leaf, made with `openssl req` / `openssl x509 -req -CA`.
bool TestKeyInspect::makeChain()
{
    if (m_chainMade)
        return true;
    const auto p = [this](const char* name) {
        return path(QLatin1String(name));
    };
    if (!writeFile(p("ca.ext"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n") ||
        !writeFile(p("leaf.ext"), "basicConstraints=CA:FALSE\nsubjectAltName=DNS:leaf.example\n"))
        return false;
    openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=Assay Test Root"),
             QStringLiteral("-days"), QStringLiteral("3650"), QStringLiteral("-keyout"), p("root.key"),
             QStringLiteral("-out"), p("root.pem")});
    openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:P-384"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
             QStringLiteral("/CN=Assay Test Intermediate"), QStringLiteral("-keyout"), p("inter.key"),
             QStringLiteral("-out"), p("inter.csr")});
    openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), p("inter.csr"),
             QStringLiteral("-CA"), p("root.pem"), QStringLiteral("-CAkey"), p("root.key"),
             QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("1000"),
             QStringLiteral("-extfile"), p("ca.ext"), QStringLiteral("-out"), p("inter.pem")});
    openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ed25519"), QStringLiteral("-nodes"),
             QStringLiteral("-subj"), QStringLiteral("/CN=leaf.example"), QStringLiteral("-keyout"), p("leaf.key"),
             QStringLiteral("-out"), p("leaf.csr")});
    openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), p("leaf.csr"),
             QStringLiteral("-CA"), p("inter.pem"), QStringLiteral("-CAkey"), p("inter.key"),
             QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("100"),
             QStringLiteral("-extfile"), p("leaf.ext"), QStringLiteral("-out"), p("leaf.pem")});
    m_chainMade = readFile(p("leaf.pem")).contains("BEGIN CERTIFICATE");
    return m_chainMade;
}

void TestKeyInspect::chainLinks()
{
    REQUIRE_OPENSSL();
    QVERIFY(makeChain());
    const QByteArray leaf = readFile(path(QStringLiteral("leaf.pem")));
    const QByteArray inter = readFile(path(QStringLiteral("inter.pem")));
    const QByteArray root = readFile(path(QStringLiteral("root.pem")));
    // openssl agrees the chain is sound.
    QVERIFY(openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), path(QStringLiteral("root.pem")),
                     QStringLiteral("-untrusted"), path(QStringLiteral("inter.pem")), path(QStringLiteral("leaf.pem"))})
                .contains(": OK"));

    const KeyInspection good = inspect(leaf + inter + root);
    QCOMPARE(good.keys.size(), 1);
    const KeyReport& r = good.keys.front();
    QCOMPARE(r.key.curve(), Curve::Ed25519); // the leaf's key
    QCOMPARE(r.chain.certificates.size(), 3);
    QCOMPARE(r.chain.links.size(), 2);
    QVERIFY(r.chain.isLinked());
    QVERIFY(r.chain.links.at(0).issuerNameMatches);
    QVERIFY(!r.chain.certificates.at(0).selfSigned);
    QVERIFY(r.chain.certificates.at(1).isCa);
    QVERIFY(r.chain.certificates.at(2).selfSigned);
    QCOMPARE(r.chain.certificates.at(0).subjectAltNames.dns, QStringList{QStringLiteral("leaf.example")});
    QVERIFY2(!allCodes(good).contains(QStringLiteral("CERT_CHAIN_BROKEN")), qPrintable(describe(good)));

    // The intermediate missing: the leaf is not signed by the root.
    const KeyInspection gap = inspect(leaf + root);
    QVERIFY(!gap.keys.front().chain.isLinked());
    QVERIFY(allCodes(gap).contains(QStringLiteral("CERT_CHAIN_BROKEN")));

    // The same chain as a JWK's x5c (standard base64 DER, leaf first), with the leaf's key as the JWK.
    Result<KeySet> leafKey = loadKeys(leaf);
    QVERIFY(leafKey.has_value());
    QJsonObject jwk = QJsonDocument::fromJson(leafKey->keys.front().toJwk(false).value_or(QByteArray())).object();
    QJsonArray x5c;
    for (const QByteArray& pem : {leaf, inter, root}) {
        const QString body = QString::fromLatin1(pem).section(QStringLiteral("-----"), 2, 2).remove(QLatin1Char('\n'));
        x5c.append(body);
    }
    jwk.insert(QStringLiteral("x5c"), x5c);
    const KeyInspection viaJwk = inspect(json(jwk));
    QCOMPARE(viaJwk.keys.front().chain.certificates.size(), 3);
    QVERIFY(viaJwk.keys.front().chain.isLinked());
    QCOMPARE(viaJwk.keys.front().leafMatchesKey, std::optional<bool>(true));
    QVERIFY2(!viaJwk.hasErrors(), qPrintable(describe(viaJwk)));
    // Out of order: every link fails.
    jwk.insert(QStringLiteral("x5c"), QJsonArray{x5c.at(0), x5c.at(2), x5c.at(1)});
    const KeyInspection shuffled = inspect(json(jwk));
    QCOMPARE(allCodes(shuffled).count(QStringLiteral("CERT_CHAIN_BROKEN")), 2);
}

void TestKeyInspect::certificateValidityAt()
{
    REQUIRE_OPENSSL();
    QVERIFY(makeChain());
    const QByteArray leaf = readFile(path(QStringLiteral("leaf.pem")));
    const KeyInspection now = inspect(leaf);
    const CertificateDetails& c = now.keys.front().chain.certificates.front();
    QVERIFY(!allCodes(now).contains(QStringLiteral("CERT_EXPIRED")));
    const QStringList later = allCodes(inspect(leaf, c.notAfter.addSecs(1)));
    QVERIFY(later.contains(QStringLiteral("CERT_EXPIRED")));
    QVERIFY(!allCodes(inspect(leaf, c.notAfter)).contains(QStringLiteral("CERT_EXPIRED"))); // inclusive bound
    QVERIFY(allCodes(inspect(leaf, c.notBefore.addSecs(-1))).contains(QStringLiteral("CERT_NOT_YET_VALID")));
}

// inspectKey() on a key loaded from a DER certificate finds the certificate again.
void TestKeyInspect::inspectKeyFromCertificate()
{
    ASSAY_REQUIRE_VECTORS();
    const QByteArray der =
        QByteArray::fromBase64(rfc7517B().value(QStringLiteral("x5c")).toArray().first().toString().toLatin1());
    Result<KeySet> keys = loadKeys(der);
    QVERIFY(keys.has_value());
    const KeyReport r = inspectKey(keys->keys.front(), utc("2015-06-01T00:00:00Z"));
    QCOMPARE(r.chain.certificates.size(), 1);
    QCOMPARE(r.chain.certificates.front().der, der);
    QCOMPARE(r.leafMatchesKey, std::optional<bool>(true));
    QCOMPARE(r.thumbprintSha256, inspect(json(rfc7517B())).keys.front().thumbprintSha256);
    QVERIFY(!codes(r.findings).contains(QStringLiteral("CERT_EXPIRED")));
}

void TestKeyInspect::inputFailures()
{
    QCOMPARE(inspectKeyText("", nullptr, QDateTime::currentDateTimeUtc()).error().code, ErrorCode::InputEmpty);
    QCOMPARE(inspectKeyText("  \n", nullptr, QDateTime::currentDateTimeUtc()).error().code, ErrorCode::InputEmpty);
    const KeyInspection garbage = inspect("hello, I am not a key");
    QCOMPARE(garbage.keys.size(), 1);
    QVERIFY(!garbage.keys.front().loaded());
    QVERIFY(allCodes(garbage).contains(QStringLiteral("KEY_LOAD_FAILED")));
    const KeyInspection badJson = inspect("{\"kty\":\"EC\",");
    QVERIFY(allCodes(badJson).contains(QStringLiteral("KEY_LOAD_FAILED")));
    QCOMPARE(badJson.keys.front().loadError->code, ErrorCode::JsonSyntax);

    // An encrypted key needs its passphrase: a failure the caller can act on, not a finding.
    REQUIRE_OPENSSL();
    QVERIFY(writeFile(path(QStringLiteral("pass.txt")), "s3cret"));
    const QByteArray encrypted =
        openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-aes-256-cbc"),
                 QStringLiteral("-pass"), QStringLiteral("file:") + path(QStringLiteral("pass.txt"))});
    QVERIFY(encrypted.contains("ENCRYPTED PRIVATE KEY"));
    QCOMPARE(inspectKeyText(encrypted, nullptr, QDateTime::currentDateTimeUtc()).error().code,
             ErrorCode::KeyPassphraseRequired);
    const SecureBytes wrong(QByteArrayView("nope"));
    QCOMPARE(inspectKeyText(encrypted, &wrong, QDateTime::currentDateTimeUtc()).error().code,
             ErrorCode::KeyPassphraseWrong);
    const SecureBytes right(QByteArrayView("s3cret"));
    const KeyInspection opened = inspect(encrypted, {}, &right);
    QVERIFY(opened.keys.front().key.hasPrivate());
    QCOMPARE(opened.keys.front().key.format(), KeyFormat::PemPkcs8Encrypted);
}

QTEST_GUILESS_MAIN(TestKeyInspect)
#include "TestKeyInspect.moc"
