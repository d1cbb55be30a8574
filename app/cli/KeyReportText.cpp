// SPDX-License-Identifier: Apache-2.0
#include "KeyReportText.h"

#include "Console.h"

#include "crypto/SecureBytes.h"
#include "jwk/SecretText.h"

namespace assay::cli {

namespace {

constexpr int LabelWidth = 20;

QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("(unreadable)");
}

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

QString altNames(const SubjectAltNames& names)
{
    QStringList parts;
    for (const QString& n : names.dns)
        parts.append(QStringLiteral("DNS:") + n);
    for (const QString& n : names.ip)
        parts.append(QStringLiteral("IP Address:") + n);
    for (const QString& n : names.email)
        parts.append(QStringLiteral("email:") + n);
    for (const QString& n : names.uri)
        parts.append(QStringLiteral("URI:") + n);
    parts.append(names.other);
    return parts.isEmpty() ? QStringLiteral("(none)") : parts.join(QStringLiteral(", "));
}

QString secretText(const SecureBytes& bytes)
{
    return QString::fromUtf8(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

} // namespace

KeyReportText::KeyReportText(const Console& console)
    : m_console(console)
{
}

void KeyReportText::line(const QString& indent, const QString& label, const QString& value) const
{
    m_console.printLine(indent + (label + QLatin1Char(':')).leftJustified(LabelWidth) + QLatin1Char(' ') + value);
}

void KeyReportText::printFindings(const QString& heading, const QList<KeyFinding>& findings,
                                  const QString& indent) const
{
    if (findings.isEmpty())
        return;
    m_console.printLine(indent + heading);
    for (const KeyFinding& f : findings)
        m_console.printLine(QStringLiteral("%1  %2 %3: %4")
                                .arg(indent, findingSeverityName(f.severity), keyFindingCodeName(f.code), f.message));
}

void KeyReportText::printCertificate(const CertificateDetails& c, int index, int count,
                                     const std::optional<ChainLink>& link, const QDateTime& at) const
{
    const QString in = QStringLiteral("    ");
    m_console.printLine(QStringLiteral("  Certificate %1 of %2%3:")
                            .arg(index)
                            .arg(count)
                            .arg(index == 1 ? QStringLiteral(" (leaf)") : QString()));
    line(in, QStringLiteral("Subject"), c.subject);
    line(in, QStringLiteral("Issuer"), c.issuer);
    line(in, QStringLiteral("Serial"), c.serialHex);
    line(in, QStringLiteral("Not before"), iso(c.notBefore));
    line(in, QStringLiteral("Not after"), iso(c.notAfter));
    line(in, QStringLiteral("Validity"),
         QStringLiteral("%1 at %2").arg(certificateValidityName(c.validityAt(at)), iso(at)));
    line(in, QStringLiteral("Alternative names"), altNames(c.subjectAltNames));
    line(in, QStringLiteral("Signature algorithm"), c.signatureAlgorithm);
    line(in, QStringLiteral("Self-signed"), yesNo(c.selfSigned));
    line(in, QStringLiteral("CA"), yesNo(c.isCa));
    if (link)
        line(in, QStringLiteral("Signed by next"),
             link->signatureVerifies ? QStringLiteral("yes (certificate %1)").arg(index + 1)
                                     : QStringLiteral("NO (certificate %1 did not sign it)").arg(index + 1));
    line(in, QStringLiteral("Public key"), c.publicKeyDescription);
    line(in, QStringLiteral("SHA-1 fingerprint"), c.sha1Fingerprint);
    line(in, QStringLiteral("SHA-256 fingerprint"), c.sha256Fingerprint);
}

void KeyReportText::printReport(const KeyReport& r, int index, int count, const QDateTime& at, bool showSecret) const
{
    const QString in = QStringLiteral("  ");
    m_console.printLine(QStringLiteral("Key %1 of %2 (%3)").arg(index).arg(count).arg(r.source));
    if (!r.loaded()) {
        line(in, QStringLiteral("Key"), QStringLiteral("NOT LOADED"));
        if (r.loadError)
            line(in, QStringLiteral("Reason"),
                 QStringLiteral("%1 (%2)").arg(r.loadError->toString(), errorCodeName(r.loadError->code)));
    } else {
        const Key& k = r.key;
        line(in, QStringLiteral("Key"), k.description());
        line(in, QStringLiteral("Format"), keyFormatName(k.format()));
        QString shape = keyTypeName(k.type());
        if (k.curve() != Curve::None)
            shape += QStringLiteral(", curve ") + curveName(k.curve());
        shape += QStringLiteral(", %1 bits").arg(k.bits());
        line(in, QStringLiteral("Type"), shape);
        line(in, QStringLiteral("Private part"), yesNo(k.hasPrivate()));
        if (r.rsaExponent)
            line(in, QStringLiteral("Public exponent"), QString::number(*r.rsaExponent));
        if (!k.kid().isEmpty())
            line(in, QStringLiteral("kid"), k.kid());
        if (!k.alg().isEmpty())
            line(in, QStringLiteral("alg"), k.alg());
        if (!k.use().isEmpty())
            line(in, QStringLiteral("use"), k.use());
        if (k.hasKeyOps())
            line(in, QStringLiteral("key_ops"), k.keyOps().join(QStringLiteral(", ")));
        line(in, QStringLiteral("Thumbprint SHA-256"), r.thumbprintSha256);
        line(in, QStringLiteral("Thumbprint SHA-384"), r.thumbprintSha384);
        line(in, QStringLiteral("Thumbprint SHA-512"), r.thumbprintSha512);
        line(in, QStringLiteral("Thumbprint URI"), r.thumbprintUri);
        if (!r.publicJwk.isEmpty())
            line(in, QStringLiteral("Public JWK"), QString::fromUtf8(r.publicJwk));
        if (const SecureBytes* secret = k.secret()) {
            if (showSecret) {
                const SecretRenderings s = renderSecret(*secret);
                line(in, QStringLiteral("Secret (hex)"), secretText(s.hex));
                line(in, QStringLiteral("Secret (base64)"), secretText(s.base64));
                line(in, QStringLiteral("Secret (base64url)"), secretText(s.base64url));
                line(in, QStringLiteral("Secret (UTF-8)"),
                     s.utf8 ? secretText(*s.utf8) : QStringLiteral("(not printable text)"));
            } else {
                line(in, QStringLiteral("Secret"),
                     QStringLiteral("%1 bytes (hidden; --show-secret prints it)").arg(secret->size()));
            }
        }
    }
    const int certs = static_cast<int>(r.chain.certificates.size());
    for (int i = 0; i < certs; ++i) {
        const std::optional<ChainLink> link =
            i < r.chain.links.size() ? std::optional<ChainLink>(r.chain.links.at(i)) : std::nullopt;
        printCertificate(r.chain.certificates.at(i), i + 1, certs, link, at);
    }
    if (r.leafMatchesKey)
        line(in, QStringLiteral("Leaf holds this key"), yesNo(*r.leafMatchesKey));
    if (!r.x5t.isEmpty())
        line(in, QStringLiteral("x5t"), r.x5t);
    if (!r.x5tS256.isEmpty())
        line(in, QStringLiteral("x5t#S256"), r.x5tS256);
    printFindings(QStringLiteral("Findings:"), r.findings, in);
}

} // namespace assay::cli
