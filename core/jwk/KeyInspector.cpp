// SPDX-License-Identifier: Apache-2.0
#include "jwk/KeyInspector.h"

#include "crypto/SecureBytes.h"
#include "crypto/detail/KeyData.h"
#include "crypto/detail/OsslError.h"
#include "jwk/KeyLoader.h"
#include "jwk/detail/KeyDiagnosis.h"
#include "jwk/detail/KeyImport.h"
#include "jwk/detail/KeyLint.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <QHash>
#include <QTimeZone>

#include <string>

namespace assay {
namespace {

using nlohmann::json;

KeyFinding finding(KeyFindingCode code, FindingSeverity severity, QString message)
{
    return KeyFinding{code, severity, std::move(message)};
}

QString isoUtc(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// Facts and findings of a loaded key, without any certificate.
KeyReport reportFor(const Key& key, QString source)
{
    KeyReport r;
    r.source = std::move(source);
    r.key = key;
    if (key.isNull())
        return r;
    if (!key.isSymmetric()) {
        if (auto jwk = key.toJwk(false))
            r.publicJwk = *jwk;
    }
    QString* const thumbprints[] = {&r.thumbprintSha256, &r.thumbprintSha384, &r.thumbprintSha512};
    const int bits[] = {256, 384, 512};
    for (int i = 0; i < 3; ++i) {
        if (auto t = key.thumbprint(bits[i]))
            *thumbprints[i] = *t;
    }
    if (auto uri = key.thumbprintUri(256))
        r.thumbprintUri = *uri;
    r.rsaExponent = detail::rsaPublicExponent(key);
    r.findings = detail::lintKey(key);
    return r;
}

KeyReport failedReport(QString source, const Error& error, QList<KeyFinding> findings)
{
    KeyReport r;
    r.source = std::move(source);
    r.loadError = error;
    r.findings = std::move(findings);
    return r;
}

QString certName(const CertificateDetails& c, qsizetype index)
{
    return QStringLiteral("certificate %1 (%2)").arg(index + 1).arg(c.subject);
}

bool weakSignature(const QString& algorithm)
{
    const QString name = algorithm.toLower();
    return name.contains(QLatin1String("md5")) || name.contains(QLatin1String("sha1")) ||
           name.contains(QLatin1String("md2"));
}

// The chain that came with the key: validity at `at`, weak signatures, broken links, and whether the leaf holds
// this key.
void attachChain(KeyReport& r, CertificateChain chain, const QDateTime& at)
{
    r.chain = std::move(chain);
    const QList<CertificateDetails>& certs = r.chain.certificates;
    for (qsizetype i = 0; i < certs.size(); ++i) {
        const CertificateDetails& c = certs.at(i);
        switch (c.validityAt(at)) {
        case CertificateValidity::Expired:
            r.findings.append(finding(KeyFindingCode::CertificateExpired, FindingSeverity::Warning,
                                      QStringLiteral("%1 expired at %2 (checked at %3)")
                                          .arg(certName(c, i), isoUtc(c.notAfter), isoUtc(at))));
            break;
        case CertificateValidity::NotYetValid:
            r.findings.append(finding(KeyFindingCode::CertificateNotYetValid, FindingSeverity::Warning,
                                      QStringLiteral("%1 is not valid before %2 (checked at %3)")
                                          .arg(certName(c, i), isoUtc(c.notBefore), isoUtc(at))));
            break;
        case CertificateValidity::Valid:
            break;
        }
        // A root's own signature proves nothing, so only signatures someone relies on are judged.
        if (!c.selfSigned && weakSignature(c.signatureAlgorithm))
            r.findings.append(finding(KeyFindingCode::CertificateWeakSignature, FindingSeverity::Warning,
                                      QStringLiteral("%1 is signed with %2, which is no longer collision resistant")
                                          .arg(certName(c, i), c.signatureAlgorithm)));
    }
    for (qsizetype i = 0; i < r.chain.links.size(); ++i) {
        const ChainLink& link = r.chain.links.at(i);
        if (link.signatureVerifies)
            continue;
        QString message =
            QStringLiteral("certificate %1 is not signed by certificate %2, which follows it").arg(i + 1).arg(i + 2);
        if (!link.issuerNameMatches)
            message += QStringLiteral(" (its issuer \"%1\" is not the next subject \"%2\")")
                           .arg(certs.at(i).issuer, certs.at(i + 1).subject);
        r.findings.append(finding(KeyFindingCode::CertificateChainBroken, FindingSeverity::Warning, message));
    }
    if (certs.isEmpty() || r.key.isNull())
        return;
    const Key& leafKey = certs.front().publicKey;
    r.leafMatchesKey = !leafKey.isNull() && leafKey.hasSamePublicKey(r.key);
    if (!*r.leafMatchesKey)
        r.findings.append(
            finding(KeyFindingCode::CertificateKeyMismatch, FindingSeverity::Warning,
                    QStringLiteral("the first certificate holds %1, not this key (RFC 7517 section 4.7 "
                                   "requires the first certificate to hold the key)")
                        .arg(leafKey.isNull() ? certs.front().publicKeyDescription : QStringLiteral("another key"))));
}

void addChainOrFinding(KeyReport& r, const QList<QByteArray>& ders, const QDateTime& at)
{
    Result<CertificateChain> chain = inspectCertificateChain(ders);
    if (!chain) {
        r.findings.append(finding(KeyFindingCode::CertificateInvalid, FindingSeverity::Error, chain.error().message));
        return;
    }
    attachChain(r, std::move(*chain), at);
}

// --- JWK and JWKS -------------------------------------------------------------------------------------------------

std::optional<QString> stringMember(const json& jwk, const char* name, bool& wrongType)
{
    const auto it = jwk.find(name);
    if (it == jwk.end())
        return std::nullopt;
    if (!it->is_string()) {
        wrongType = true;
        return std::nullopt;
    }
    return QString::fromStdString(it->get<std::string>());
}

void checkX5t(KeyReport& r, const QString& given, const QString& computed, const char* member, KeyFindingCode code)
{
    if (given.isEmpty())
        return;
    if (r.chain.isEmpty()) {
        r.findings.append(finding(KeyFindingCode::X5tUnchecked, FindingSeverity::Info,
                                  QStringLiteral("\"%1\" is present but there is no x5c certificate to compare it with")
                                      .arg(QLatin1String(member))));
        return;
    }
    if (given != computed)
        r.findings.append(finding(code, FindingSeverity::Warning,
                                  QStringLiteral("\"%1\" is %2, but the first x5c certificate's is %3")
                                      .arg(QLatin1String(member), given, computed)));
}

// One JWK. Its x5c, x5t and x5t#S256 members are taken out and checked here, so that a certificate problem is a
// finding next to the key instead of a refusal of the key.
KeyReport inspectJwkObject(const json& jwk, QString source, const QDateTime& at)
{
    json bare = jwk;
    std::optional<json> x5c;
    QString x5t;
    QString x5tS256;
    QList<KeyFinding> memberProblems;
    if (jwk.is_object()) {
        if (const auto it = jwk.find("x5c"); it != jwk.end())
            x5c = *it;
        bool wrongType = false;
        x5t = stringMember(jwk, "x5t", wrongType).value_or(QString());
        const bool x5tWrong = wrongType;
        wrongType = false;
        x5tS256 = stringMember(jwk, "x5t#S256", wrongType).value_or(QString());
        if (x5tWrong || wrongType)
            memberProblems.append(finding(KeyFindingCode::X5tMismatch, FindingSeverity::Warning,
                                          QStringLiteral("\"x5t\" and \"x5t#S256\" must be strings")));
        bare.erase("x5c");
        bare.erase("x5t");
        bare.erase("x5t#S256");
    }

    Result<Key> key = detail::keyFromJwkObject(bare);
    KeyReport r;
    if (key) {
        r = reportFor(*key, std::move(source));
    } else {
        detail::clearOpensslErrors();
        r = failedReport(std::move(source), key.error(), detail::diagnoseJwk(bare, key.error()));
    }
    r.x5t = x5t;
    r.x5tS256 = x5tS256;
    r.findings.append(memberProblems);

    if (x5c) {
        QList<QByteArray> ders;
        bool valid = x5c->is_array() && !x5c->empty();
        if (valid) {
            for (const json& entry : *x5c) {
                if (!entry.is_string()) {
                    valid = false;
                    break;
                }
                // x5c is standard base64 (RFC 7517 section 4.7), not base64url.
                auto der = QByteArray::fromBase64Encoding(QByteArray::fromStdString(entry.get<std::string>()),
                                                          QByteArray::AbortOnBase64DecodingErrors);
                if (!der) {
                    r.findings.append(
                        finding(KeyFindingCode::CertificateInvalid, FindingSeverity::Error,
                                QStringLiteral("x5c certificate %1 is not valid base64").arg(ders.size() + 1)));
                    return r;
                }
                ders.append(std::move(*der));
            }
        }
        if (!valid) {
            r.findings.append(finding(KeyFindingCode::CertificateInvalid, FindingSeverity::Error,
                                      QStringLiteral("\"x5c\" must be a non-empty array of base64 strings")));
            return r;
        }
        if (r.loaded() && r.key.isSymmetric())
            r.findings.append(finding(KeyFindingCode::CertificateKeyMismatch, FindingSeverity::Warning,
                                      QStringLiteral("an oct key cannot be held by a certificate; \"x5c\" is "
                                                     "meaningless here")));
        addChainOrFinding(r, ders, at);
    }
    if (!r.chain.isEmpty() || !x5t.isEmpty() || !x5tS256.isEmpty()) {
        const CertificateDetails* leaf = r.chain.isEmpty() ? nullptr : &r.chain.certificates.front();
        checkX5t(r, x5t, leaf ? leaf->x5t : QString(), "x5t", KeyFindingCode::X5tMismatch);
        checkX5t(r, x5tS256, leaf ? leaf->x5tS256 : QString(), "x5t#S256", KeyFindingCode::X5tS256Mismatch);
    }
    return r;
}

// RFC 8725 / ATTACKS.md A05: the same kid twice within one kty, and symmetric keys next to asymmetric ones.
void addSetFindings(KeyInspection& inspection, const json& entries)
{
    QHash<QString, int> seen;
    int position = 0;
    for (const json& entry : entries) {
        ++position;
        if (!entry.is_object())
            continue;
        const auto kid = entry.find("kid");
        const auto kty = entry.find("kty");
        if (kid == entry.end() || !kid->is_string())
            continue;
        const QString kidText = QString::fromStdString(kid->get<std::string>());
        const QString slot =
            (kty != entry.end() && kty->is_string() ? QString::fromStdString(kty->get<std::string>()) : QString()) +
            QLatin1Char('\n') + kidText;
        const auto it = seen.constFind(slot);
        if (it == seen.constEnd()) {
            seen.insert(slot, position);
            continue;
        }
        inspection.findings.append(finding(KeyFindingCode::DuplicateKid, FindingSeverity::Warning,
                                           QStringLiteral("keys %1 and %2 share the kid \"%3\": selection by kid is "
                                                          "ambiguous")
                                               .arg(*it)
                                               .arg(position)
                                               .arg(kidText)));
    }
    bool symmetric = false;
    bool asymmetric = false;
    for (const KeyReport& r : std::as_const(inspection.keys)) {
        if (r.loaded())
            (r.key.isSymmetric() ? symmetric : asymmetric) = true;
    }
    if (symmetric && asymmetric)
        inspection.findings.append(
            finding(KeyFindingCode::MixedSymmetry, FindingSeverity::Warning,
                    QStringLiteral("the set mixes symmetric (oct) and asymmetric keys: a verifier that picks keys by "
                                   "kid alone can be tricked into HMAC with a public key")));
}

KeyInspection inspectJson(QByteArrayView text, const QDateTime& at)
{
    KeyInspection inspection;
    inspection.inputKind = QStringLiteral("JWK");
    auto doc = detail::parseJwkJson(text);
    if (!doc) {
        inspection.keys.append(
            failedReport(QStringLiteral("JWK"), doc.error(),
                         {finding(KeyFindingCode::LoadFailed, FindingSeverity::Error,
                                  QStringLiteral("the JSON does not parse: %1").arg(doc.error().toString()))}));
        return inspection;
    }
    if (!doc->is_object() || !doc->contains("keys")) {
        inspection.keys.append(inspectJwkObject(*doc, QStringLiteral("JWK"), at));
        return inspection;
    }
    inspection.inputKind = QStringLiteral("JWK Set");
    const json& entries = (*doc)["keys"];
    if (!entries.is_array()) {
        Error e;
        e.code = ErrorCode::KeySetInvalid;
        e.message = QStringLiteral("a JWKS needs a \"keys\" array");
        e.segment = Segment::Key;
        inspection.keys.append(failedReport(QStringLiteral("JWK Set"), e,
                                            {finding(KeyFindingCode::LoadFailed, FindingSeverity::Error, e.message)}));
        return inspection;
    }
    int position = 0;
    for (const json& entry : entries)
        inspection.keys.append(inspectJwkObject(entry, QStringLiteral("key %1").arg(++position), at));
    addSetFindings(inspection, entries);
    return inspection;
}

// --- PEM and DER -------------------------------------------------------------------------------------------------

bool isPassphraseError(const Error& e)
{
    return e.code == ErrorCode::KeyPassphraseRequired || e.code == ErrorCode::KeyPassphraseWrong;
}

// A key with another format label (a certificate's key read from PEM rather than DER).
Key withFormat(const Key& key, KeyFormat format)
{
    if (key.isNull() || key.format() == format)
        return key;
    auto copy = key.data()->clone();
    copy->format = format;
    return Key(std::move(copy));
}

// One PEM block written back as text, so the loader reads exactly that block (headers of legacy encryption kept).
// Secure memory: the block may be a private key.
QByteArray pemBlockText(const char* name, const char* header, const unsigned char* der, long len)
{
    detail::BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio(bio.get(), name, header, der, len) <= 0)
        return {};
    char* text = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &text);
    return QByteArray(text, static_cast<qsizetype>(size));
}

Result<KeyInspection> inspectPem(QByteArrayView text, const SecureBytes* passphrase, const QDateTime& at)
{
    KeyInspection inspection;
    inspection.inputKind = QStringLiteral("PEM");
    detail::BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
    if (!bio)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("out of memory"), Segment::Key));
    QList<QByteArray> certificates;
    QString firstCertificateSource;
    int blocks = 0;
    for (;;) {
        char* name = nullptr;
        char* header = nullptr;
        unsigned char* der = nullptr;
        long len = 0;
        const int ok = PEM_read_bio(bio.get(), &name, &header, &der, &len);
        detail::OpensslBuffer<char> nameOwner(name);
        detail::OpensslBuffer<char> headerOwner(header);
        if (ok != 1) {
            const unsigned long err = ERR_peek_last_error();
            const bool end = ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE;
            if (!end) {
                Error e =
                    detail::opensslError(ErrorCode::KeyParse, QStringLiteral("malformed PEM block"), Segment::Key);
                inspection.keys.append(
                    failedReport(QStringLiteral("PEM block %1").arg(++blocks), e,
                                 {finding(KeyFindingCode::LoadFailed, FindingSeverity::Error, e.message)}));
            }
            detail::clearOpensslErrors();
            break;
        }
        ++blocks;
        const QByteArray label(name);
        const QString source = QStringLiteral("PEM block %1 (%2)").arg(blocks).arg(QString::fromLatin1(label));
        if (label == "CERTIFICATE") {
            certificates.append(QByteArray(reinterpret_cast<const char*>(der), static_cast<qsizetype>(len)));
            if (firstCertificateSource.isEmpty())
                firstCertificateSource = source;
            OPENSSL_free(der);
            continue;
        }
        QByteArray blockText = pemBlockText(name, header, der, len);
        OPENSSL_clear_free(der, static_cast<std::size_t>(len));
        if (label == "EC PARAMETERS") {
            // `openssl ecparam -genkey` writes the curve before the key; it is not a key.
            continue;
        }
        Result<KeySet> set = loadKeys(blockText, passphrase);
        if (!set && isPassphraseError(set.error())) {
            wipe(blockText);
            return fail(set.error());
        }
        if (set && !set->keys.isEmpty()) {
            inspection.keys.append(reportFor(set->keys.front(), source));
        } else {
            Error e = set ? Error() : set.error();
            if (set) {
                e.code = ErrorCode::KeyParse;
                e.message = QStringLiteral("no key in the block");
            }
            inspection.keys.append(failedReport(source, e, detail::diagnoseEncodedKey(blockText, passphrase, e)));
        }
        wipe(blockText);
    }
    if (blocks == 0)
        return fail(ErrorCode::KeyParse, QStringLiteral("no PEM block in the input"), Segment::Key);
    if (certificates.isEmpty())
        return inspection;

    // The certificates belong to the key the leaf holds (a key + chain bundle), else they stand on their own.
    KeyReport* owner = nullptr;
    Result<CertificateChain> chain = inspectCertificateChain(certificates);
    if (chain) {
        const Key& leafKey = chain->certificates.front().publicKey;
        for (KeyReport& r : inspection.keys) {
            if (r.loaded() && !leafKey.isNull() && leafKey.hasSamePublicKey(r.key)) {
                owner = &r;
                break;
            }
        }
        if (owner == nullptr) {
            for (KeyReport& r : inspection.keys) {
                if (r.loaded()) {
                    owner = &r; // attachChain() reports that the leaf holds another key
                    break;
                }
            }
        }
        if (owner == nullptr) {
            const CertificateDetails& leaf = chain->certificates.front();
            if (!leaf.publicKey.isNull()) {
                inspection.keys.prepend(
                    reportFor(withFormat(leaf.publicKey, KeyFormat::PemCertificate), firstCertificateSource));
            } else {
                Error e;
                e.code = ErrorCode::KeyUnsupported;
                e.message = leaf.publicKeyProblem;
                e.segment = Segment::Key;
                inspection.keys.prepend(failedReport(firstCertificateSource, e,
                                                     {finding(KeyFindingCode::LoadFailed, FindingSeverity::Error,
                                                              QStringLiteral("the certificate's key (%1) is not "
                                                                             "usable: %2")
                                                                  .arg(leaf.publicKeyDescription, e.message))}));
            }
            owner = &inspection.keys.front();
        }
        attachChain(*owner, std::move(*chain), at);
    } else {
        Error e = chain.error();
        inspection.keys.append(
            failedReport(firstCertificateSource, e,
                         {finding(KeyFindingCode::CertificateInvalid, FindingSeverity::Error, e.message)}));
    }
    return inspection;
}

Result<KeyInspection> inspectDer(QByteArrayView data, const SecureBytes* passphrase, const QDateTime& at)
{
    KeyInspection inspection;
    inspection.inputKind = QStringLiteral("DER");
    Result<KeySet> set = loadKeys(data, passphrase);
    if (!set) {
        if (isPassphraseError(set.error()))
            return fail(set.error());
        inspection.inputKind = QStringLiteral("unrecognised");
        inspection.keys.append(failedReport(QStringLiteral("input"), set.error(),
                                            detail::diagnoseEncodedKey(data, passphrase, set.error())));
        return inspection;
    }
    // loadKeys() also opens a passphrase-encrypted JWK or JWK Set (RFC 7517 section 7, a compact JWE): its keys
    // come back as JWKs, possibly several.
    if (!set->keys.isEmpty() && set->keys.front().format() == KeyFormat::Jwk) {
        inspection.inputKind = QStringLiteral("encrypted JWK");
        int position = 0;
        for (const Key& key : std::as_const(set->keys))
            inspection.keys.append(reportFor(key, QStringLiteral("key %1").arg(++position)));
        return inspection;
    }
    const Key key = set->keys.front();
    KeyReport r = reportFor(key, QStringLiteral("DER"));
    if (key.format() == KeyFormat::DerCertificate)
        addChainOrFinding(r, {QByteArray(data.data(), data.size())}, at);
    inspection.keys.append(std::move(r));
    return inspection;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && isSpace(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isSpace(text.back()))
        text.chop(1);
    return text;
}

} // namespace

KeyReport inspectKey(const Key& key, const QDateTime& at)
{
    KeyReport r = reportFor(key, keyFormatName(key.format()));
    if (const std::optional<CertificateInfo> cert = key.certificate(); cert && !cert->der.isEmpty())
        addChainOrFinding(r, {cert->der}, at);
    return r;
}

Result<KeyInspection> inspectKeyText(QByteArrayView data, const SecureBytes* passphrase, const QDateTime& at)
{
    if (data.size() > detail::kMaxKeyInput)
        return fail(ErrorCode::InputTooLarge,
                    QStringLiteral("key input of %1 bytes is larger than the %2-byte limit")
                        .arg(data.size())
                        .arg(detail::kMaxKeyInput),
                    Segment::Key);
    QByteArrayView text = trimmed(data);
    if (text.startsWith("\xEF\xBB\xBF"))
        text = trimmed(text.sliced(3));
    if (text.isEmpty())
        return fail(ErrorCode::InputEmpty, QStringLiteral("no key given"), Segment::Key);
    if (text.front() == '{')
        return inspectJson(text, at);
    if (text.contains("-----BEGIN "))
        return inspectPem(text, passphrase, at);
    // DER is binary: whitespace is significant there, so use the input as given.
    return inspectDer(data, passphrase, at);
}

} // namespace assay
