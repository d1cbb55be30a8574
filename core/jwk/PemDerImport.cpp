// SPDX-License-Identifier: Apache-2.0
// PEM and DER key import: SPKI, PKCS#1 (public and private), PKCS#8 (plain and encrypted), SEC 1 and X.509.
// The format is found by parsing each structure, never by matching text (ATTACKS.md A04).
#include "jwk/detail/KeyImport.h"

#include "crypto/SecureBytes.h"
#include "crypto/detail/KeyInspect.h"
#include "crypto/detail/OsslError.h"

#include <openssl/asn1.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <QDateTime>
#include <QTimeZone>

#include <cstring>

namespace assay::detail {
namespace {

Error keyError(ErrorCode code, QString message)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.segment = Segment::Key;
    return e;
}

const unsigned char* bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char*>(v.data());
}

// Runs a d2i-style parser and accepts the result only when it consumed every byte (trailing data would mean
// we parsed something other than what was given).
template <typename Parse>
auto parseWhole(QByteArrayView der, Parse parse) -> decltype(parse(std::declval<const unsigned char**>(), 0L))
{
    const unsigned char* p = bytes(der);
    auto result = parse(&p, static_cast<long>(der.size()));
    if (result && p != bytes(der) + der.size())
        result.reset();
    return result;
}

QString nameToString(const X509_NAME* name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0)
        return {};
    char* text = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &text);
    return QString::fromUtf8(text, static_cast<qsizetype>(len));
}

QDateTime toDateTime(const ASN1_TIME* time)
{
    std::tm tm{};
    if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     QTimeZone::utc());
}

QString serialHex(const ASN1_INTEGER* serial)
{
    BignumPtr bn(ASN1_INTEGER_to_BN(serial, nullptr));
    if (!bn)
        return {};
    OpensslBuffer<char> hex(BN_bn2hex(bn.get()));
    return hex ? QString::fromLatin1(hex.get()) : QString();
}

Result<std::shared_ptr<KeyData>> finish(EvpPkeyPtr pkey, KeyFormat format, bool hasPrivate)
{
    auto data = std::make_shared<KeyData>();
    data->format = format;
    data->pkey = std::move(pkey);
    if (auto ok = inspectAndValidate(*data, hasPrivate); !ok)
        return fail(ok.error());
    return data;
}

// Decrypts an EncryptedPrivateKeyInfo (PKCS#8, RFC 5958 section 3).
Result<EvpPkeyPtr> decryptPkcs8(const X509_SIG* encrypted, const SecureBytes* passphrase)
{
    if (passphrase == nullptr)
        return fail(keyError(ErrorCode::KeyPassphraseRequired,
                             QStringLiteral("the private key is encrypted; a passphrase is needed")));
    Pkcs8InfoPtr info(PKCS8_decrypt_ex(encrypted, reinterpret_cast<const char*>(passphrase->data()),
                                       static_cast<int>(passphrase->size()), nullptr, nullptr));
    if (!info) {
        // A wrong passphrase shows up as bad padding or as garbage that does not parse; both mean "wrong".
        return fail(opensslError(ErrorCode::KeyPassphraseWrong,
                                 QStringLiteral("wrong passphrase for the encrypted private key"), Segment::Key));
    }
    EvpPkeyPtr pkey(EVP_PKCS82PKEY_ex(info.get(), nullptr, nullptr));
    if (!pkey)
        return fail(opensslError(ErrorCode::KeyParse, QStringLiteral("the decrypted private key does not parse"),
                                 Segment::Key));
    return pkey;
}

Result<EvpPkeyPtr> parsePkcs8(QByteArrayView der)
{
    Pkcs8InfoPtr info = parseWhole(
        der, [](const unsigned char** p, long len) { return Pkcs8InfoPtr(d2i_PKCS8_PRIV_KEY_INFO(nullptr, p, len)); });
    if (!info)
        return fail(opensslError(ErrorCode::KeyParse, QStringLiteral("not a PKCS#8 private key"), Segment::Key));
    EvpPkeyPtr pkey(EVP_PKCS82PKEY_ex(info.get(), nullptr, nullptr));
    if (!pkey)
        return fail(
            opensslError(ErrorCode::KeyUnsupported, QStringLiteral("unsupported PKCS#8 private key"), Segment::Key));
    return pkey;
}

EvpPkeyPtr parseSpki(QByteArrayView der)
{
    return parseWhole(der, [](const unsigned char** p, long len) {
        return EvpPkeyPtr(d2i_PUBKEY_ex(nullptr, p, len, nullptr, nullptr));
    });
}

EvpPkeyPtr parseTypeSpecificPrivate(QByteArrayView der, int type)
{
    return parseWhole(der, [type](const unsigned char** p, long len) {
        return EvpPkeyPtr(d2i_PrivateKey_ex(type, nullptr, p, len, nullptr, nullptr));
    });
}

EvpPkeyPtr parseRsaPublic(QByteArrayView der)
{
    return parseWhole(der, [](const unsigned char** p, long len) {
        return EvpPkeyPtr(d2i_PublicKey(EVP_PKEY_RSA, nullptr, p, len));
    });
}

X509Ptr parseCertificate(QByteArrayView der)
{
    return parseWhole(der, [](const unsigned char** p, long len) { return X509Ptr(d2i_X509(nullptr, p, len)); });
}

X509SigPtr parseEncryptedPkcs8(QByteArrayView der)
{
    return parseWhole(der, [](const unsigned char** p, long len) { return X509SigPtr(d2i_X509_SIG(nullptr, p, len)); });
}

Result<std::shared_ptr<KeyData>> fromCertificate(X509* cert, KeyFormat format)
{
    EvpPkeyPtr pkey = shareKey(X509_get0_pubkey(cert));
    if (!pkey)
        return fail(opensslError(ErrorCode::KeyUnsupported,
                                 QStringLiteral("the certificate's public key is not supported"), Segment::Key));
    auto data = finish(std::move(pkey), format, false);
    if (!data)
        return data;
    CertificateInfo info;
    info.subject = nameToString(X509_get_subject_name(cert));
    info.issuer = nameToString(X509_get_issuer_name(cert));
    info.notBefore = toDateTime(X509_get0_notBefore(cert));
    info.notAfter = toDateTime(X509_get0_notAfter(cert));
    info.serialHex = serialHex(X509_get0_serialNumber(cert));
    unsigned char* der = nullptr;
    const int derLen = i2d_X509(cert, &der);
    if (derLen > 0) {
        info.der = QByteArray(reinterpret_cast<const char*>(der), derLen);
        OPENSSL_free(der);
    }
    (*data)->certificate = std::move(info);
    return data;
}

// One PEM block, by its label (RFC 7468).
struct PemBlock
{
    QByteArray label;
    QByteArray header; // RFC 1421 headers of legacy encrypted keys ("Proc-Type: 4,ENCRYPTED", "DEK-Info: ...")
    QByteArray der;
};

int passphraseCallback(char* buf, int size, int /*rwflag*/, void* userdata)
{
    const auto* passphrase = static_cast<const SecureBytes*>(userdata);
    if (passphrase == nullptr || passphrase->size() > static_cast<std::size_t>(size))
        return -1;
    std::memcpy(buf, passphrase->data(), passphrase->size());
    return static_cast<int>(passphrase->size());
}

// Legacy OpenSSL encryption of PKCS#1 / SEC 1 blocks ("Proc-Type: 4,ENCRYPTED").
Result<void> decryptLegacy(PemBlock& block, const SecureBytes* passphrase)
{
    EVP_CIPHER_INFO cipher{};
    if (PEM_get_EVP_CIPHER_INFO(block.header.data(), &cipher) != 1)
        return fail(
            opensslError(ErrorCode::KeyParse, QStringLiteral("unreadable PEM encryption header"), Segment::Key));
    if (cipher.cipher == nullptr)
        return {};
    if (passphrase == nullptr)
        return fail(keyError(ErrorCode::KeyPassphraseRequired,
                             QStringLiteral("the private key is encrypted; a passphrase is needed")));
    long len = static_cast<long>(block.der.size());
    if (PEM_do_header(&cipher, reinterpret_cast<unsigned char*>(block.der.data()), &len, passphraseCallback,
                      const_cast<SecureBytes*>(passphrase)) != 1)
        return fail(opensslError(ErrorCode::KeyPassphraseWrong,
                                 QStringLiteral("wrong passphrase for the encrypted private key"), Segment::Key));
    block.der.resize(len);
    return {};
}

Result<std::shared_ptr<KeyData>> keyFromPemBlock(PemBlock& block, const SecureBytes* passphrase)
{
    const QByteArray& label = block.label;
    const auto parseError = [&label]() {
        return fail(opensslError(ErrorCode::KeyParse,
                                 QStringLiteral("the \"%1\" block does not parse").arg(QString::fromLatin1(label)),
                                 Segment::Key));
    };
    if (label == "PUBLIC KEY") {
        EvpPkeyPtr pkey = parseSpki(block.der);
        return pkey ? finish(std::move(pkey), KeyFormat::PemSpki, false) : parseError();
    }
    if (label == "RSA PUBLIC KEY") {
        EvpPkeyPtr pkey = parseRsaPublic(block.der);
        return pkey ? finish(std::move(pkey), KeyFormat::PemPkcs1Public, false) : parseError();
    }
    if (label == "RSA PRIVATE KEY" || label == "EC PRIVATE KEY") {
        const bool encrypted = block.header.contains("ENCRYPTED");
        if (auto ok = decryptLegacy(block, passphrase); !ok)
            return fail(ok.error());
        const bool rsa = label.startsWith("RSA");
        EvpPkeyPtr pkey = parseTypeSpecificPrivate(block.der, rsa ? EVP_PKEY_RSA : EVP_PKEY_EC);
        if (!pkey && encrypted)
            return fail(opensslError(ErrorCode::KeyPassphraseWrong,
                                     QStringLiteral("wrong passphrase for the encrypted private key"), Segment::Key));
        return pkey ? finish(std::move(pkey), rsa ? KeyFormat::PemPkcs1Private : KeyFormat::PemSec1, true)
                    : parseError();
    }
    if (label == "PRIVATE KEY") {
        auto pkey = parsePkcs8(block.der);
        if (!pkey)
            return fail(pkey.error());
        return finish(std::move(*pkey), KeyFormat::PemPkcs8, true);
    }
    if (label == "ENCRYPTED PRIVATE KEY") {
        X509SigPtr encrypted = parseEncryptedPkcs8(block.der);
        if (!encrypted)
            return parseError();
        auto pkey = decryptPkcs8(encrypted.get(), passphrase);
        if (!pkey)
            return fail(pkey.error());
        return finish(std::move(*pkey), KeyFormat::PemPkcs8Encrypted, true);
    }
    if (label == "CERTIFICATE") {
        X509Ptr cert = parseCertificate(block.der);
        return cert ? fromCertificate(cert.get(), KeyFormat::PemCertificate) : parseError();
    }
    return fail(
        keyError(ErrorCode::KeyUnsupported,
                 QStringLiteral("\"%1\" blocks do not hold a key Assay can use").arg(QString::fromLatin1(label))));
}

bool isPassphraseError(const Error& e)
{
    return e.code == ErrorCode::KeyPassphraseRequired || e.code == ErrorCode::KeyPassphraseWrong;
}

} // namespace

Result<std::shared_ptr<KeyData>> keyFromCertificateDer(QByteArrayView der, KeyFormat format)
{
    X509Ptr cert = parseCertificate(der);
    if (!cert)
        return fail(opensslError(ErrorCode::KeyParse, QStringLiteral("not a DER X.509 certificate"), Segment::Key));
    return fromCertificate(cert.get(), format);
}

std::optional<Result<KeySet>> loadPem(QByteArrayView data, const SecureBytes* passphrase)
{
    BioPtr bio(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
    if (!bio)
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("out of memory"), Segment::Key));
    KeySet set;
    std::optional<Error> firstError;
    int blocks = 0;
    for (;;) {
        char* name = nullptr;
        char* header = nullptr;
        unsigned char* der = nullptr;
        long len = 0;
        const int ok = PEM_read_bio(bio.get(), &name, &header, &der, &len);
        OpensslBuffer<char> nameOwner(name);
        OpensslBuffer<char> headerOwner(header);
        if (ok != 1) {
            const unsigned long err = ERR_peek_last_error();
            const bool endOfInput = ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE;
            if (!endOfInput) {
                ++blocks;
                Error e = opensslError(ErrorCode::KeyParse, QStringLiteral("malformed PEM block"), Segment::Key);
                set.skipped.append(QStringLiteral("PEM block %1: %2").arg(blocks).arg(e.message));
                if (!firstError)
                    firstError = e;
            }
            clearOpensslErrors();
            break;
        }
        ++blocks;
        PemBlock block;
        block.label = QByteArray(name);
        block.header = QByteArray(header);
        block.der = QByteArray(reinterpret_cast<const char*>(der), static_cast<qsizetype>(len));
        OPENSSL_clear_free(der, static_cast<std::size_t>(len));
        if (block.label == "EC PARAMETERS") {
            // "openssl ecparam -genkey" writes the curve before the key; it is not a key and not a problem.
            wipe(block.der);
            continue;
        }
        auto key = keyFromPemBlock(block, passphrase);
        wipe(block.der);
        if (key) {
            set.keys.append(Key(std::move(*key)));
            continue;
        }
        // The caller has to ask for a passphrase and try again; loading the other blocks would hide that.
        if (isPassphraseError(key.error()))
            return fail(key.error());
        set.skipped.append(QStringLiteral("PEM block %1 (\"%2\"): %3")
                               .arg(blocks)
                               .arg(QString::fromLatin1(block.label), key.error().message));
        if (!firstError)
            firstError = key.error();
    }
    if (blocks == 0)
        return std::nullopt;
    if (set.keys.isEmpty())
        return fail(firstError ? *firstError
                               : keyError(ErrorCode::KeyParse, QStringLiteral("no key in the PEM input")));
    addSetProblems(set, {}); // PEM carries no kid; only symmetry could be mixed, and PEM keys are asymmetric
    return set;
}

Result<Key> loadDer(QByteArrayView der, const SecureBytes* passphrase)
{
    // Order matters only for speed; each parser must consume the whole input, so only one can succeed.
    if (X509Ptr cert = parseCertificate(der)) {
        auto data = fromCertificate(cert.get(), KeyFormat::DerCertificate);
        if (!data)
            return fail(data.error());
        return Key(std::move(*data));
    }
    clearOpensslErrors();
    const auto done = [](Result<std::shared_ptr<KeyData>> data) -> Result<Key> {
        if (!data)
            return fail(data.error());
        return Key(std::move(*data));
    };
    if (auto pkcs8 = parsePkcs8(der))
        return done(finish(std::move(*pkcs8), KeyFormat::DerPkcs8, true));
    clearOpensslErrors();
    if (X509SigPtr encrypted = parseEncryptedPkcs8(der)) {
        auto pkey = decryptPkcs8(encrypted.get(), passphrase);
        if (!pkey)
            return fail(pkey.error());
        return done(finish(std::move(*pkey), KeyFormat::DerPkcs8Encrypted, true));
    }
    clearOpensslErrors();
    if (EvpPkeyPtr spki = parseSpki(der))
        return done(finish(std::move(spki), KeyFormat::DerSpki, false));
    clearOpensslErrors();
    if (EvpPkeyPtr rsa = parseTypeSpecificPrivate(der, EVP_PKEY_RSA))
        return done(finish(std::move(rsa), KeyFormat::DerPkcs1Private, true));
    clearOpensslErrors();
    if (EvpPkeyPtr ec = parseTypeSpecificPrivate(der, EVP_PKEY_EC))
        return done(finish(std::move(ec), KeyFormat::DerSec1, true));
    clearOpensslErrors();
    if (EvpPkeyPtr rsaPublic = parseRsaPublic(der))
        return done(finish(std::move(rsaPublic), KeyFormat::DerPkcs1Public, false));
    clearOpensslErrors();
    return fail(keyError(ErrorCode::KeyParse, QStringLiteral("not a JWK, JWKS, PEM or DER key")));
}

} // namespace assay::detail
