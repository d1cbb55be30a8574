// SPDX-License-Identifier: Apache-2.0
#include "x509/CertificateInspector.h"

#include "crypto/detail/OsslError.h"
#include "crypto/detail/OsslPtr.h"
#include "encoding/Base64Url.h"
#include "jwk/detail/KeyImport.h"

#include <openssl/asn1.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QTimeZone>

namespace assay {
namespace {

using detail::BioPtr;
using detail::X509Ptr;

using GeneralNamesPtr = detail::OsslPtr<GENERAL_NAMES, GENERAL_NAMES_free>;

detail::X509Ptr parseCertificate(QByteArrayView der)
{
    const auto* begin = reinterpret_cast<const unsigned char*>(der.data());
    const unsigned char* p = begin;
    X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    // Trailing bytes would mean the certificate is something other than what was given.
    if (cert && p != begin + der.size())
        cert.reset();
    return cert;
}

Error certError(QString message)
{
    return detail::opensslError(ErrorCode::KeyParse, std::move(message), Segment::Key);
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
    detail::BignumPtr bn(ASN1_INTEGER_to_BN(serial, nullptr));
    if (!bn)
        return {};
    detail::OpensslBuffer<char> hex(BN_bn2hex(bn.get()));
    return hex ? QString::fromLatin1(hex.get()) : QString();
}

QString asn1Text(const ASN1_STRING* s)
{
    if (s == nullptr)
        return {};
    return QString::fromUtf8(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
}

// The same spelling as OpenSSL's own subjectAltName printer, so the report can be compared with `openssl x509`.
QString ipText(const ASN1_OCTET_STRING* ip)
{
    const unsigned char* b = ASN1_STRING_get0_data(ip);
    const int len = ASN1_STRING_length(ip);
    if (len == 4)
        return QStringLiteral("%1.%2.%3.%4").arg(b[0]).arg(b[1]).arg(b[2]).arg(b[3]);
    if (len == 16) {
        QStringList groups;
        for (int i = 0; i < 16; i += 2)
            groups.append(QString::number((b[i] << 8) | b[i + 1], 16).toUpper());
        return groups.join(QLatin1Char(':'));
    }
    return QStringLiteral("<invalid IP address of %1 bytes>").arg(len);
}

SubjectAltNames altNames(X509* cert)
{
    SubjectAltNames out;
    GeneralNamesPtr names(static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    if (!names)
        return out;
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(names.get(), i);
        switch (name->type) {
        case GEN_DNS:
            out.dns.append(asn1Text(name->d.dNSName));
            break;
        case GEN_IPADD:
            out.ip.append(ipText(name->d.iPAddress));
            break;
        case GEN_EMAIL:
            out.email.append(asn1Text(name->d.rfc822Name));
            break;
        case GEN_URI:
            out.uri.append(asn1Text(name->d.uniformResourceIdentifier));
            break;
        case GEN_DIRNAME:
            out.other.append(QStringLiteral("DirName:") + nameToString(name->d.directoryName));
            break;
        default:
            out.other.append(QStringLiteral("type %1").arg(name->type));
            break;
        }
    }
    return out;
}

Result<QByteArray> digest(QByteArrayView der, const char* name)
{
    detail::EvpMdPtr md(EVP_MD_fetch(nullptr, name, nullptr));
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!md || EVP_Digest(der.data(), static_cast<std::size_t>(der.size()), out, &len, md.get(), nullptr) != 1)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot hash the certificate"),
                                         Segment::Key));
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(len));
}

QString colonHex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex(':').toUpper());
}

} // namespace

Result<CertificateDetails> inspectCertificate(QByteArrayView der)
{
    X509Ptr cert = parseCertificate(der);
    if (!cert)
        return fail(certError(QStringLiteral("not a DER X.509 certificate")));
    CertificateDetails d;
    d.der = QByteArray(der.data(), der.size());
    d.subject = nameToString(X509_get_subject_name(cert.get()));
    d.issuer = nameToString(X509_get_issuer_name(cert.get()));
    d.notBefore = toDateTime(X509_get0_notBefore(cert.get()));
    d.notAfter = toDateTime(X509_get0_notAfter(cert.get()));
    d.serialHex = serialHex(X509_get0_serialNumber(cert.get()));
    d.version = static_cast<int>(X509_get_version(cert.get())) + 1;
    const int sigNid = X509_get_signature_nid(cert.get());
    const char* sigName = sigNid != NID_undef ? OBJ_nid2ln(sigNid) : nullptr;
    d.signatureAlgorithm = sigName != nullptr ? QString::fromLatin1(sigName) : QStringLiteral("unknown");
    d.subjectAltNames = altNames(cert.get());
    d.selfSigned = X509_self_signed(cert.get(), 1) == 1;
    d.isCa = (X509_get_extension_flags(cert.get()) & EXFLAG_CA) != 0;
    detail::clearOpensslErrors(); // the self-signed probe leaves errors behind for certificates that are not

    auto sha1 = digest(der, "SHA1");
    auto sha256 = digest(der, "SHA2-256");
    if (!sha1 || !sha256)
        return fail(!sha1 ? sha1.error() : sha256.error());
    d.sha1Fingerprint = colonHex(*sha1);
    d.sha256Fingerprint = colonHex(*sha256);
    d.x5t = QString::fromLatin1(base64url::encode(*sha1));
    d.x5tS256 = QString::fromLatin1(base64url::encode(*sha256));

    auto key = detail::keyFromCertificateDer(der, KeyFormat::DerCertificate);
    if (key) {
        d.publicKey = Key(std::move(*key));
        d.publicKeyDescription = d.publicKey.description();
    } else {
        d.publicKeyProblem = key.error().message;
        const EVP_PKEY* pkey = X509_get0_pubkey(cert.get());
        const char* type = pkey != nullptr ? EVP_PKEY_get0_type_name(pkey) : nullptr;
        d.publicKeyDescription =
            type != nullptr
                ? QStringLiteral("%1 %2-bit public key").arg(QString::fromLatin1(type)).arg(EVP_PKEY_get_bits(pkey))
                : QStringLiteral("unknown public key");
        detail::clearOpensslErrors();
    }
    return d;
}

Result<bool> isSignedBy(const CertificateDetails& subject, const CertificateDetails& issuer)
{
    X509Ptr child = parseCertificate(subject.der);
    X509Ptr parent = parseCertificate(issuer.der);
    if (!child || !parent)
        return fail(certError(QStringLiteral("not a DER X.509 certificate")));
    EVP_PKEY* issuerKey = X509_get0_pubkey(parent.get());
    const bool ok = issuerKey != nullptr && X509_verify(child.get(), issuerKey) == 1;
    detail::clearOpensslErrors();
    return ok;
}

} // namespace assay
