// SPDX-License-Identifier: Apache-2.0
// Key export (issue 4): every structure and encoding for every key type, byte-for-byte agreement with the openssl CLI
// (`openssl pkey -pubout`, `-traditional`, `openssl rsa -RSAPublicKey_out`, `openssl ec`), encrypted PKCS#8 that
// `openssl pkcs8` decrypts (and the other way round), JWK / JWKS export with metadata, the refusals of impossible
// conversions, and HMAC secrets in every text encoding. The keys are made by `openssl genpkey`, not by Assay.
#include "jwk/KeyExport.h"

#include "Vectors.h"
#include "crypto/SecureBytes.h"
#include "jwk/KeyGenerator.h"
#include "jwk/KeyLoader.h"
#include "jwk/SecretText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace assay;

namespace {

QString opensslPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

#define REQUIRE_OPENSSL()                                                                                              \
    do {                                                                                                               \
        if (opensslPath().isEmpty())                                                                                   \
            QSKIP("the openssl command-line tool is not installed");                                                   \
    } while (false)

QByteArray openssl(const QStringList& args)
{
    QProcess p;
    p.start(opensslPath(), args);
    if (!p.waitForStarted(60000))
        return {};
    p.closeWriteChannel();
    p.waitForFinished(120000);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning() << "openssl" << args << "failed:" << p.readAllStandardError();
        return {};
    }
    return p.readAllStandardOutput();
}

bool writeFile(const QString& path, QByteArrayView bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes.data(), bytes.size()) == bytes.size();
}

QByteArray bytesOf(const SecureBytes& s)
{
    return QByteArray(reinterpret_cast<const char*>(s.data()), static_cast<qsizetype>(s.size()));
}

struct KeyKind
{
    const char* name;    // row name and file stem
    QStringList genpkey; // arguments after `openssl genpkey`
    KeyType type;
    Curve curve;
};

QList<KeyKind> keyKinds()
{
    const QString alg = QStringLiteral("-algorithm");
    const QString opt = QStringLiteral("-pkeyopt");
    return {
        {"RSA-2048",
         {alg, QStringLiteral("RSA"), opt, QStringLiteral("rsa_keygen_bits:2048")},
         KeyType::RSA,
         Curve::None},
        {"EC-P-256",
         {alg, QStringLiteral("EC"), opt, QStringLiteral("ec_paramgen_curve:P-256")},
         KeyType::EC,
         Curve::P256},
        {"EC-P-384",
         {alg, QStringLiteral("EC"), opt, QStringLiteral("ec_paramgen_curve:P-384")},
         KeyType::EC,
         Curve::P384},
        {"EC-P-521",
         {alg, QStringLiteral("EC"), opt, QStringLiteral("ec_paramgen_curve:P-521")},
         KeyType::EC,
         Curve::P521},
        {"EC-secp256k1",
         {alg, QStringLiteral("EC"), opt, QStringLiteral("ec_paramgen_curve:secp256k1")},
         KeyType::EC,
         Curve::Secp256k1},
        {"Ed25519", {alg, QStringLiteral("ED25519")}, KeyType::OKP, Curve::Ed25519},
        {"Ed448", {alg, QStringLiteral("ED448")}, KeyType::OKP, Curve::Ed448},
        {"X25519", {alg, QStringLiteral("X25519")}, KeyType::OKP, Curve::X25519},
        {"X448", {alg, QStringLiteral("X448")}, KeyType::OKP, Curve::X448},
    };
}

KeyFormat expectedFormat(KeyStructure structure, KeyEncoding encoding)
{
    const bool pem = encoding == KeyEncoding::Pem;
    switch (structure) {
    case KeyStructure::Spki:
        return pem ? KeyFormat::PemSpki : KeyFormat::DerSpki;
    case KeyStructure::Pkcs1Public:
        return pem ? KeyFormat::PemPkcs1Public : KeyFormat::DerPkcs1Public;
    case KeyStructure::Pkcs1Private:
        return pem ? KeyFormat::PemPkcs1Private : KeyFormat::DerPkcs1Private;
    case KeyStructure::Pkcs8:
        return pem ? KeyFormat::PemPkcs8 : KeyFormat::DerPkcs8;
    case KeyStructure::Pkcs8Encrypted:
        return pem ? KeyFormat::PemPkcs8Encrypted : KeyFormat::DerPkcs8Encrypted;
    case KeyStructure::Sec1:
        return pem ? KeyFormat::PemSec1 : KeyFormat::DerSec1;
    }
    return KeyFormat::Jwk;
}

const KeyStructure kStructures[] = {KeyStructure::Spki,  KeyStructure::Pkcs1Public,    KeyStructure::Pkcs1Private,
                                    KeyStructure::Pkcs8, KeyStructure::Pkcs8Encrypted, KeyStructure::Sec1};

bool applies(KeyStructure structure, KeyType type)
{
    if (structure == KeyStructure::Pkcs1Public || structure == KeyStructure::Pkcs1Private)
        return type == KeyType::RSA;
    if (structure == KeyStructure::Sec1)
        return type == KeyType::EC;
    return true;
}

// Fast parameters for the many round trips; the defaults are exercised against openssl in encryptedPkcs8().
Pkcs8Encryption quickPbkdf2()
{
    Pkcs8Encryption e;
    e.pbkdf2Iterations = 2000;
    return e;
}

} // namespace

class TestKeyExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void roundTrip_data();
    void roundTrip();
    void refusals_data();
    void refusals();
    void opensslAgreement_data();
    void opensslAgreement();
    void encryptedPkcs8_data();
    void encryptedPkcs8();
    void opensslEncryptedLoads();
    void jwkRoundTrip_data();
    void jwkRoundTrip();
    void jwkExport();
    void jwksExport();
    void metadata();
    void generatedSecret();
    void secretEncodings_data();
    void secretEncodings();

private:
    [[nodiscard]] Key key(const QString& name) const { return m_keys.value(name); }
    [[nodiscard]] QString keyPath(const QString& name) const { return m_dir.filePath(name + QStringLiteral(".pem")); }

    QTemporaryDir m_dir;
    QHash<QString, Key> m_keys; // loaded from the openssl-made PKCS#8 files
};

void TestKeyExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    REQUIRE_OPENSSL();
    for (const KeyKind& kind : keyKinds()) {
        const QByteArray pem = openssl(QStringList{QStringLiteral("genpkey")} + kind.genpkey);
        QVERIFY2(pem.contains("BEGIN PRIVATE KEY"), kind.name);
        QVERIFY(writeFile(keyPath(QLatin1String(kind.name)), pem));
        Result<KeySet> loaded = loadKeys(pem);
        QVERIFY2(loaded.has_value(), kind.name);
        const Key k = loaded->keys.front();
        QCOMPARE(k.type(), kind.type);
        QCOMPARE(k.curve(), kind.curve);
        m_keys.insert(QLatin1String(kind.name), k);
    }
}

// Export, load back: the same key (RFC 7638 thumbprint and public part), the right format and private part.
void TestKeyExport::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("structure");
    QTest::addColumn<int>("encoding");
    for (const KeyKind& kind : keyKinds()) {
        for (KeyStructure s : kStructures) {
            if (!applies(s, kind.type))
                continue;
            for (KeyEncoding e : {KeyEncoding::Pem, KeyEncoding::Der})
                QTest::addRow("%s %s %s", kind.name, qPrintable(keyStructureName(s)),
                              e == KeyEncoding::Pem ? "PEM" : "DER")
                    << QString::fromLatin1(kind.name) << int(s) << int(e);
        }
    }
}

void TestKeyExport::roundTrip()
{
    REQUIRE_OPENSSL();
    QFETCH(QString, name);
    QFETCH(int, structure);
    QFETCH(int, encoding);
    const auto s = static_cast<KeyStructure>(structure);
    const auto e = static_cast<KeyEncoding>(encoding);
    const Key original = key(name);
    QVERIFY(!original.isNull());
    const SecureBytes passphrase(QByteArrayView("round trip passphrase"));
    const bool encrypted = s == KeyStructure::Pkcs8Encrypted;
    Result<SecureBytes> out = exportKey(original, s, e, encrypted ? &passphrase : nullptr, quickPbkdf2());
    QVERIFY2(out.has_value(), qPrintable(out ? QString() : out.error().toString()));
    const QByteArray bytes = bytesOf(*out);
    if (e == KeyEncoding::Pem)
        QVERIFY(bytes.startsWith("-----BEGIN "));
    else
        QCOMPARE(bytes.front(), '\x30'); // a DER SEQUENCE
    Result<KeySet> back = loadKeys(bytes, encrypted ? &passphrase : nullptr);
    QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().toString()));
    QCOMPARE(back->keys.size(), 1);
    const Key& k = back->keys.front();
    QCOMPARE(k.format(), expectedFormat(s, e));
    QCOMPARE(k.hasPrivate(), isPrivateStructure(s));
    QVERIFY(k.hasSamePublicKey(original));
    QCOMPARE(k.thumbprint().value_or(QStringLiteral("x")), original.thumbprint().value_or(QStringLiteral("y")));
    if (isPrivateStructure(s))
        QCOMPARE(k.toJwk(true).value_or(QByteArray("x")), original.toJwk(true).value_or(QByteArray("y")));
}

// Impossible conversions are refused with a specific code.
void TestKeyExport::refusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("publicOnly");
    QTest::addColumn<int>("structure");
    QTest::addColumn<QString>("code");
    const QString unsupported = QStringLiteral("ERR_KEY_UNSUPPORTED");
    QTest::newRow("PKCS#1 of EC") << QStringLiteral("EC-P-256") << false << int(KeyStructure::Pkcs1Private)
                                  << unsupported;
    QTest::newRow("PKCS#1 public of Ed25519")
        << QStringLiteral("Ed25519") << false << int(KeyStructure::Pkcs1Public) << unsupported;
    QTest::newRow("SEC 1 of RSA") << QStringLiteral("RSA-2048") << false << int(KeyStructure::Sec1) << unsupported;
    QTest::newRow("SEC 1 of X25519") << QStringLiteral("X25519") << false << int(KeyStructure::Sec1) << unsupported;
    QTest::newRow("PKCS#8 of a public key")
        << QStringLiteral("EC-P-384") << true << int(KeyStructure::Pkcs8) << QStringLiteral("ERR_KEY_NOT_PRIVATE");
    QTest::newRow("PKCS#1 private of a public RSA key")
        << QStringLiteral("RSA-2048") << true << int(KeyStructure::Pkcs1Private)
        << QStringLiteral("ERR_KEY_NOT_PRIVATE");
    QTest::newRow("SEC 1 of a public EC key")
        << QStringLiteral("EC-P-256") << true << int(KeyStructure::Sec1) << QStringLiteral("ERR_KEY_NOT_PRIVATE");
    QTest::newRow("encrypted PKCS#8 of a public key")
        << QStringLiteral("Ed448") << true << int(KeyStructure::Pkcs8Encrypted)
        << QStringLiteral("ERR_KEY_NOT_PRIVATE");
    QTest::newRow("SPKI of an HMAC secret") << QStringLiteral("oct") << false << int(KeyStructure::Spki) << unsupported;
    QTest::newRow("PKCS#8 of an HMAC secret")
        << QStringLiteral("oct") << false << int(KeyStructure::Pkcs8) << unsupported;
}

void TestKeyExport::refusals()
{
    REQUIRE_OPENSSL();
    QFETCH(QString, name);
    QFETCH(bool, publicOnly);
    QFETCH(int, structure);
    QFETCH(QString, code);
    Key k = name == QLatin1String("oct") ? *keyFromSecret("0123456789abcdef0123456789abcdef", SecretEncoding::Utf8)
                                         : key(name);
    if (publicOnly)
        k = k.publicKey();
    const SecureBytes passphrase(QByteArrayView("pw"));
    const auto s = static_cast<KeyStructure>(structure);
    for (KeyEncoding e : {KeyEncoding::Pem, KeyEncoding::Der}) {
        Result<SecureBytes> out = exportKey(k, s, e, s == KeyStructure::Pkcs8Encrypted ? &passphrase : nullptr);
        QVERIFY(!out.has_value());
        QCOMPARE(errorCodeName(out.error().code), code);
        QVERIFY(!out.error().message.isEmpty());
    }
    // Encryption needs a passphrase, and only encryption takes one.
    if (!publicOnly && name != QLatin1String("oct")) {
        QCOMPARE(exportKey(k, KeyStructure::Pkcs8Encrypted, KeyEncoding::Pem).error().code, ErrorCode::Usage);
        const SecureBytes empty;
        QCOMPARE(exportKey(k, KeyStructure::Pkcs8Encrypted, KeyEncoding::Pem, &empty).error().code, ErrorCode::Usage);
        QCOMPARE(exportKey(k, KeyStructure::Spki, KeyEncoding::Pem, &passphrase).error().code, ErrorCode::Usage);
    }
}

// The openssl CLI writes the same bytes for the same key.
void TestKeyExport::opensslAgreement_data()
{
    QTest::addColumn<QString>("name");
    for (const KeyKind& kind : keyKinds())
        QTest::newRow(kind.name) << QString::fromLatin1(kind.name);
}

void TestKeyExport::opensslAgreement()
{
    REQUIRE_OPENSSL();
    QFETCH(QString, name);
    const Key k = key(name);
    const QString file = keyPath(name);
    const QString der = QStringLiteral("DER");
    const auto ours = [&k](KeyStructure s, KeyEncoding e) {
        return bytesOf(exportKey(k, s, e).value_or(SecureBytes()));
    };
    const auto pkey = [&file](const QStringList& extra) {
        return openssl(QStringList{QStringLiteral("pkey"), QStringLiteral("-in"), file} + extra);
    };

    const QByteArray spki = pkey({QStringLiteral("-pubout")});
    QVERIFY(spki.contains("BEGIN PUBLIC KEY"));
    QCOMPARE(ours(KeyStructure::Spki, KeyEncoding::Pem), spki);
    QCOMPARE(ours(KeyStructure::Spki, KeyEncoding::Der),
             pkey({QStringLiteral("-pubout"), QStringLiteral("-outform"), der}));
    const QByteArray pkcs8 = pkey({});
    QVERIFY(pkcs8.contains("BEGIN PRIVATE KEY"));
    QCOMPARE(ours(KeyStructure::Pkcs8, KeyEncoding::Pem), pkcs8);
    // `openssl pkey -outform DER` writes the traditional form for RSA and EC; `openssl pkcs8` writes PKCS#8.
    QCOMPARE(ours(KeyStructure::Pkcs8, KeyEncoding::Der),
             openssl({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-nocrypt"),
                      QStringLiteral("-in"), file, QStringLiteral("-outform"), der}));

    if (k.type() == KeyType::RSA) {
        const QByteArray traditional = pkey({QStringLiteral("-traditional")});
        QVERIFY(traditional.contains("BEGIN RSA PRIVATE KEY"));
        QCOMPARE(ours(KeyStructure::Pkcs1Private, KeyEncoding::Pem), traditional);
        QCOMPARE(ours(KeyStructure::Pkcs1Private, KeyEncoding::Der),
                 pkey({QStringLiteral("-traditional"), QStringLiteral("-outform"), der}));
        const QStringList rsa{QStringLiteral("rsa"), QStringLiteral("-in"), file, QStringLiteral("-RSAPublicKey_out")};
        const QByteArray pkcs1Public = openssl(rsa);
        QVERIFY(pkcs1Public.contains("BEGIN RSA PUBLIC KEY"));
        QCOMPARE(ours(KeyStructure::Pkcs1Public, KeyEncoding::Pem), pkcs1Public);
        QCOMPARE(ours(KeyStructure::Pkcs1Public, KeyEncoding::Der),
                 openssl(rsa + QStringList{QStringLiteral("-outform"), der}));
    }
    if (k.type() == KeyType::EC) {
        const QStringList ec{QStringLiteral("ec"), QStringLiteral("-in"), file};
        const QByteArray sec1 = openssl(ec);
        QVERIFY(sec1.contains("BEGIN EC PRIVATE KEY"));
        QCOMPARE(ours(KeyStructure::Sec1, KeyEncoding::Pem), sec1);
        QCOMPARE(ours(KeyStructure::Sec1, KeyEncoding::Pem), pkey({QStringLiteral("-traditional")}));
        QCOMPARE(ours(KeyStructure::Sec1, KeyEncoding::Der),
                 openssl(ec + QStringList{QStringLiteral("-outform"), der}));
    }
    // And openssl reads what we write: our SPKI back through `openssl pkey -pubin` is unchanged.
    QVERIFY(
        writeFile(m_dir.filePath(name + QStringLiteral(".ours.pub.pem")), ours(KeyStructure::Spki, KeyEncoding::Pem)));
    QCOMPARE(openssl({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-in"),
                      m_dir.filePath(name + QStringLiteral(".ours.pub.pem")), QStringLiteral("-pubout")}),
             spki);
}

// Our encrypted PKCS#8 (PBES2, AES-256-CBC, PBKDF2-HMAC-SHA256 or scrypt) decrypted by `openssl pkcs8`.
void TestKeyExport::encryptedPkcs8_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kdf");
    QTest::addColumn<int>("encoding");
    QTest::newRow("RSA PBKDF2 defaults PEM")
        << QStringLiteral("RSA-2048") << int(PbeKdf::Pbkdf2HmacSha256) << int(KeyEncoding::Pem);
    QTest::newRow("P-256 scrypt PEM") << QStringLiteral("EC-P-256") << int(PbeKdf::Scrypt) << int(KeyEncoding::Pem);
    QTest::newRow("Ed25519 PBKDF2 DER") << QStringLiteral("Ed25519") << int(PbeKdf::Pbkdf2HmacSha256)
                                        << int(KeyEncoding::Der);
    QTest::newRow("X448 scrypt DER") << QStringLiteral("X448") << int(PbeKdf::Scrypt) << int(KeyEncoding::Der);
    QTest::newRow("secp256k1 PBKDF2 PEM")
        << QStringLiteral("EC-secp256k1") << int(PbeKdf::Pbkdf2HmacSha256) << int(KeyEncoding::Pem);
}

void TestKeyExport::encryptedPkcs8()
{
    REQUIRE_OPENSSL();
    QFETCH(QString, name);
    QFETCH(int, kdf);
    QFETCH(int, encoding);
    const Key k = key(name);
    const QByteArray passphraseText = "Thus from my lips, by yours, my sin is purged.";
    const QString passFile = m_dir.filePath(QStringLiteral("pass.txt"));
    QVERIFY(writeFile(passFile, passphraseText));
    const SecureBytes passphrase{QByteArrayView(passphraseText)};
    Pkcs8Encryption options; // the defaults: 600000 PBKDF2 iterations, scrypt N = 2^14, r = 8, p = 1
    options.kdf = static_cast<PbeKdf>(kdf);
    const auto e = static_cast<KeyEncoding>(encoding);
    Result<SecureBytes> out = exportKey(k, KeyStructure::Pkcs8Encrypted, e, &passphrase, options);
    QVERIFY2(out.has_value(), qPrintable(out ? QString() : out.error().toString()));
    const QString file = m_dir.filePath(name + QStringLiteral(".enc"));
    QVERIFY(writeFile(file, out->view()));
    const QString form = e == KeyEncoding::Pem ? QStringLiteral("PEM") : QStringLiteral("DER");

    // openssl decrypts it to the PKCS#8 it writes for the original key file.
    const QByteArray decrypted =
        openssl({QStringLiteral("pkcs8"), QStringLiteral("-inform"), form, QStringLiteral("-in"), file,
                 QStringLiteral("-passin"), QStringLiteral("file:") + passFile});
    QVERIFY(decrypted.contains("BEGIN PRIVATE KEY"));
    QCOMPARE(decrypted, openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath(name)}));

    // The parameters are the ones asked for (RFC 8018 PBES2; `openssl asn1parse` names the OIDs).
    const QByteArray asn1 =
        openssl({QStringLiteral("asn1parse"), QStringLiteral("-inform"), form, QStringLiteral("-in"), file});
    QVERIFY(asn1.contains(":PBES2"));
    QVERIFY(asn1.contains(":aes-256-cbc"));
    if (options.kdf == PbeKdf::Scrypt) {
        QVERIFY(asn1.contains(":scrypt"));
        QVERIFY(asn1.contains("INTEGER           :4000")); // N = 16384
    } else {
        QVERIFY(asn1.contains(":PBKDF2"));
        QVERIFY(asn1.contains(":hmacWithSHA256"));
        QVERIFY(asn1.contains("INTEGER           :0927C0")); // 600000 iterations
    }

    // Our loader opens it with the passphrase and refuses the wrong one.
    Result<KeySet> back = loadKeys(out->view(), &passphrase);
    QVERIFY(back.has_value());
    QVERIFY(back->keys.front().hasSamePublicKey(k));
    const SecureBytes wrong(QByteArrayView("wrong"));
    QCOMPARE(loadKeys(out->view(), &wrong).error().code, ErrorCode::KeyPassphraseWrong);
    // A fresh salt and IV every time.
    Result<SecureBytes> again = exportKey(k, KeyStructure::Pkcs8Encrypted, e, &passphrase, options);
    QVERIFY(again.has_value());
    QVERIFY(bytesOf(*again) != bytesOf(*out));
}

// The other direction: `openssl pkcs8 -topk8 -v2 aes-256-cbc` output opens in Assay.
void TestKeyExport::opensslEncryptedLoads()
{
    REQUIRE_OPENSSL();
    const QString passFile = m_dir.filePath(QStringLiteral("pass2.txt"));
    QVERIFY(writeFile(passFile, "openssl side"));
    const SecureBytes passphrase(QByteArrayView("openssl side"));
    for (const QString& name : {QStringLiteral("RSA-2048"), QStringLiteral("EC-P-521"), QStringLiteral("Ed448")}) {
        const QByteArray encrypted = openssl({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-v2"),
                                              QStringLiteral("aes-256-cbc"), QStringLiteral("-in"), keyPath(name),
                                              QStringLiteral("-passout"), QStringLiteral("file:") + passFile});
        QVERIFY(encrypted.contains("BEGIN ENCRYPTED PRIVATE KEY"));
        Result<KeySet> loaded = loadKeys(encrypted, &passphrase);
        QVERIFY2(loaded.has_value(), qPrintable(name));
        QVERIFY(loaded->keys.front().hasSamePublicKey(key(name)));
        QVERIFY(loaded->keys.front().hasPrivate());
    }
}

// JWK (private and public) and back, for every key type including an HMAC secret.
void TestKeyExport::jwkRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    for (const KeyKind& kind : keyKinds())
        QTest::newRow(kind.name) << QString::fromLatin1(kind.name);
    QTest::newRow("oct") << QStringLiteral("oct");
}

void TestKeyExport::jwkRoundTrip()
{
    REQUIRE_OPENSSL();
    QFETCH(QString, name);
    const Key original = name == QLatin1String("oct")
                             ? *generateKey(KeyType::Oct, Curve::None, 384)
                             : key(name).withMetadata(QStringLiteral("kid-") + name, QString(), QStringLiteral("sig"));
    Result<SecureBytes> priv = exportJwk(original, true);
    QVERIFY(priv.has_value());
    Result<Key> back = keyFromJwk(priv->view());
    QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().toString()));
    QVERIFY(back->hasPrivate());
    QVERIFY(back->hasSamePublicKey(original));
    QCOMPARE(back->kid(), original.kid());
    QCOMPARE(back->use(), original.use());
    QCOMPARE(back->thumbprint().value_or(QStringLiteral("x")), original.thumbprint().value_or(QStringLiteral("y")));
    if (original.isSymmetric()) {
        QVERIFY(back->secret()->equals(original.secret()->view()));
        return;
    }
    // The private JWK goes on to PKCS#8 and comes back as the same key.
    Result<SecureBytes> pkcs8 = exportKey(*back, KeyStructure::Pkcs8, KeyEncoding::Pem);
    QVERIFY(pkcs8.has_value());
    QCOMPARE(bytesOf(*pkcs8), bytesOf(*exportKey(original, KeyStructure::Pkcs8, KeyEncoding::Pem)));
    Result<SecureBytes> pub = exportJwk(original, false);
    QVERIFY(pub.has_value());
    Result<Key> pubBack = keyFromJwk(pub->view());
    QVERIFY(pubBack.has_value());
    QVERIFY(!pubBack->hasPrivate());
    QVERIFY(pubBack->hasSamePublicKey(original));
}

void TestKeyExport::jwkExport()
{
    REQUIRE_OPENSSL();
    const Key ec = key(QStringLiteral("EC-P-256"));
    Result<SecureBytes> pub = exportJwk(ec, false);
    QVERIFY(pub.has_value());
    const QJsonObject pubJwk = QJsonDocument::fromJson(bytesOf(*pub)).object();
    QCOMPARE(pubJwk.value(QStringLiteral("kty")).toString(), QStringLiteral("EC"));
    QVERIFY(!pubJwk.contains(QStringLiteral("d")));
    Result<SecureBytes> priv = exportJwk(ec, true);
    QVERIFY(priv.has_value());
    QVERIFY(QJsonDocument::fromJson(bytesOf(*priv)).object().contains(QStringLiteral("d")));
    // Round trip through the JWK.
    Result<Key> back = keyFromJwk(bytesOf(*priv));
    QVERIFY(back.has_value());
    QVERIFY(back->hasPrivate());
    QVERIFY(back->hasSamePublicKey(ec));

    QCOMPARE(exportJwk(ec.publicKey(), true).error().code, ErrorCode::KeyNotPrivate);
    const Key oct = *keyFromSecret("0123456789abcdef0123456789abcdef", SecretEncoding::Utf8);
    QCOMPARE(exportJwk(oct, false).error().code, ErrorCode::KeyUnsupported);
    QVERIFY(exportJwk(oct, true).has_value());
}

void TestKeyExport::jwksExport()
{
    REQUIRE_OPENSSL();
    const Key rsa = key(QStringLiteral("RSA-2048"));
    const Key ed = key(QStringLiteral("Ed25519"));
    const Key oct = *keyFromSecret("0123456789abcdef0123456789abcdef", SecretEncoding::Utf8);

    Result<SecureBytes> set = exportJwks({rsa, ed.publicKey()}, false);
    QVERIFY(set.has_value());
    const QJsonObject doc = QJsonDocument::fromJson(bytesOf(*set)).object();
    const QJsonArray keys = doc.value(QStringLiteral("keys")).toArray();
    QCOMPARE(doc.keys(), QStringList{QStringLiteral("keys")});
    QCOMPARE(keys.size(), 2);
    for (const QJsonValue v : keys) {
        for (const char* member : {"d", "p", "q", "dp", "dq", "qi", "k"})
            QVERIFY2(!v.toObject().contains(QLatin1String(member)), member);
    }
    Result<KeySet> back = loadKeys(bytesOf(*set));
    QVERIFY(back.has_value());
    QVERIFY(back->isJwks);
    QCOMPARE(back->keys.size(), 2);
    QVERIFY(back->keys.at(0).hasSamePublicKey(rsa));
    QVERIFY(back->keys.at(1).hasSamePublicKey(ed));
    QVERIFY(!back->keys.at(0).hasPrivate());

    // Private on request; a public key in the list stays public.
    Result<SecureBytes> withPrivate = exportJwks({rsa, ed.publicKey(), oct}, true);
    QVERIFY(withPrivate.has_value());
    const QJsonArray privateKeys =
        QJsonDocument::fromJson(bytesOf(*withPrivate)).object().value(QStringLiteral("keys")).toArray();
    QVERIFY(privateKeys.at(0).toObject().contains(QStringLiteral("d")));
    QVERIFY(!privateKeys.at(1).toObject().contains(QStringLiteral("d")));
    QVERIFY(privateKeys.at(2).toObject().contains(QStringLiteral("k")));

    // Refused: an HMAC secret in a public set, an empty set, two keys of one kty with the same kid.
    QCOMPARE(exportJwks({rsa, oct}, false).error().code, ErrorCode::KeyUnsupported);
    QCOMPARE(exportJwks({}, false).error().code, ErrorCode::KeySetInvalid);
    const Key a = key(QStringLiteral("EC-P-256")).withMetadata(QStringLiteral("same"), {}, {});
    const Key b = key(QStringLiteral("EC-P-384")).withMetadata(QStringLiteral("same"), {}, {});
    QCOMPARE(exportJwks({a, b}, false).error().code, ErrorCode::KeySetInvalid);
    // One kid for keys of different kty is allowed (RFC 7517 section 4.5, the JOSE Cookbook does it).
    QVERIFY(exportJwks({a, rsa.withMetadata(QStringLiteral("same"), {}, {})}, false).has_value());
}

// kid, alg and use on export; the default kid is the RFC 7638 thumbprint (RFC 7638 section 3.1 example key).
void TestKeyExport::metadata()
{
    ASSAY_REQUIRE_VECTORS();
    QJsonObject jwk =
        QJsonDocument::fromJson(test::readVectorFile(QStringLiteral("latchset-jose/rfc7638_3.1.jwk"))).object();
    const QString vectorKid = jwk.value(QStringLiteral("kid")).toString();
    jwk.remove(QStringLiteral("kid"));
    jwk.remove(QStringLiteral("alg"));
    const Key bare = *keyFromJwk(QJsonDocument(jwk).toJson(QJsonDocument::Compact));
    const QString thumbprint = QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");

    QCOMPARE(applyMetadata(bare, JwkMetadata{})->kid(), thumbprint); // ThumbprintIfMissing by default
    JwkMetadata keep;
    keep.kidChoice = KidChoice::Keep;
    QCOMPARE(applyMetadata(bare, keep)->kid(), QString());
    const Key named = bare.withMetadata(vectorKid, QStringLiteral("RS256"), QStringLiteral("sig"));
    QCOMPARE(applyMetadata(named, JwkMetadata{})->kid(), vectorKid);
    JwkMetadata force;
    force.kidChoice = KidChoice::Thumbprint;
    QCOMPARE(applyMetadata(named, force)->kid(), thumbprint);
    JwkMetadata set;
    set.kidChoice = KidChoice::Value;
    set.kid = QStringLiteral("my-key");
    set.alg = QStringLiteral("PS256");
    set.use = QString(); // removes it
    const Key changed = *applyMetadata(named, set);
    QCOMPARE(changed.kid(), QStringLiteral("my-key"));
    QCOMPARE(changed.alg(), QStringLiteral("PS256"));
    QCOMPARE(changed.use(), QString());
    // The thumbprint does not depend on the metadata.
    QCOMPARE(changed.thumbprint().value_or(QString()), thumbprint);
    const QJsonObject exported = QJsonDocument::fromJson(bytesOf(*exportJwk(changed, false))).object();
    QCOMPARE(exported.value(QStringLiteral("kid")).toString(), QStringLiteral("my-key"));
    QCOMPARE(exported.value(QStringLiteral("alg")).toString(), QStringLiteral("PS256"));
    QVERIFY(!exported.contains(QStringLiteral("use")));
    QCOMPARE(exported.value(QStringLiteral("n")), jwk.value(QStringLiteral("n")));
}

// HMAC key generation returns the secret, of the size asked for.
void TestKeyExport::generatedSecret()
{
    for (int bits : {256, 384, 512, 1024}) {
        Result<Key> k = generateKey(KeyType::Oct, Curve::None, bits);
        QVERIFY(k.has_value());
        QVERIFY(k->secret() != nullptr);
        QCOMPARE(k->secret()->size(), std::size_t(bits / 8));
        // Every encoding reads back as the same secret.
        for (SecretEncoding e : {SecretEncoding::Hex, SecretEncoding::Base64, SecretEncoding::Base64Url}) {
            Result<SecureBytes> text = encodeSecret(*k->secret(), e);
            QVERIFY(text.has_value());
            Result<Key> back = keyFromSecret(text->view(), e);
            QVERIFY(back.has_value());
            QVERIFY(back->secret()->equals(k->secret()->view()));
        }
    }
}

// Renderings against Qt's own hex and base64 (RFC 4648), for the RFC 7515 A.1 HMAC key, a printable secret and one
// with a control character.
void TestKeyExport::secretEncodings_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<bool>("printable");
    if (test::haveVectors()) {
        const QString k =
            test::readVectorJson(QStringLiteral("latchset-jose/rfc7515_A.1.jwk")).value(QStringLiteral("k")).toString();
        QTest::newRow("RFC 7515 A.1 key")
            << QByteArray::fromBase64(k.toLatin1(), QByteArray::Base64UrlEncoding) << false;
    }
    QTest::newRow("printable") << QByteArray("correct horse battery staple ü") << true;
    QTest::newRow("tab") << QByteArray("with\ttab") << false;
    QTest::newRow("bad UTF-8") << QByteArray("\xC3\x28 no") << false;
    QTest::newRow("base64 padding 1") << QByteArray("ab") << true;
    QTest::newRow("base64 padding 2") << QByteArray("abcd") << true;
}

void TestKeyExport::secretEncodings()
{
    QFETCH(QByteArray, secret);
    QFETCH(bool, printable);
    const SecureBytes s{QByteArrayView(secret)};
    const SecretRenderings r = renderSecret(s);
    QCOMPARE(bytesOf(r.hex), secret.toHex());
    QCOMPARE(bytesOf(r.base64), secret.toBase64());
    QCOMPARE(bytesOf(r.base64url), secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QCOMPARE(r.utf8.has_value(), printable);
    if (printable)
        QCOMPARE(bytesOf(*r.utf8), secret);
    Result<SecureBytes> utf8 = encodeSecret(s, SecretEncoding::Utf8);
    QCOMPARE(utf8.has_value(), printable);
    if (!printable)
        QCOMPARE(utf8.error().code, ErrorCode::Utf8Invalid);
    QCOMPARE(bytesOf(*encodeSecret(s, SecretEncoding::Hex)), secret.toHex());
}

QTEST_GUILESS_MAIN(TestKeyExport)
#include "TestKeyExport.moc"
