// SPDX-License-Identifier: Apache-2.0
#include "audit/detail/LintUrlRisk.h"

#include <QUrl>

#include <optional>

namespace assay::detail {

namespace {

std::optional<quint32> parseIpv4(const QString& host)
{
    const QStringList parts = host.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    quint32 value = 0;
    for (const QString& part : parts) {
        bool ok = false;
        const uint octet = part.toUInt(&ok, 10);
        if (!ok || part.isEmpty() || octet > 255)
            return std::nullopt;
        value = (value << 8) | octet;
    }
    return value;
}

QString ipv4Risk(quint32 a)
{
    const auto in = [a](quint32 network, int prefix) {
        const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
        return (a & mask) == network;
    };
    if (in(0x7F000000, 8))
        return QStringLiteral("a loopback address");
    if (in(0xA9FE0000, 16))
        return QStringLiteral("a link-local address (cloud metadata services live at 169.254.169.254)");
    if (in(0x0A000000, 8) || in(0xAC100000, 12) || in(0xC0A80000, 16))
        return QStringLiteral("a private network address");
    if (in(0x64400000, 10))
        return QStringLiteral("a shared (carrier-grade NAT) address");
    if (in(0x00000000, 8))
        return QStringLiteral("an unspecified address");
    return {};
}

QString ipv6Risk(const QString& host)
{
    const QString h = host.toLower();
    if (h == QLatin1String("::1"))
        return QStringLiteral("a loopback address");
    if (h == QLatin1String("::"))
        return QStringLiteral("an unspecified address");
    if (h.startsWith(QLatin1String("fe8")) || h.startsWith(QLatin1String("fe9")) ||
        h.startsWith(QLatin1String("fea")) || h.startsWith(QLatin1String("feb")))
        return QStringLiteral("a link-local address");
    if (h.startsWith(QLatin1String("fc")) || h.startsWith(QLatin1String("fd")))
        return QStringLiteral("a private (unique local) address");
    if (h.startsWith(QLatin1String("::ffff:"))) {
        if (const auto v4 = parseIpv4(h.mid(7)))
            return ipv4Risk(*v4);
    }
    return {};
}

QString hostRisk(const QString& host)
{
    if (host.contains(QLatin1Char(':')))
        return ipv6Risk(host);
    if (const auto v4 = parseIpv4(host))
        return ipv4Risk(*v4);
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        return QStringLiteral("a loopback host name");
    if (host.endsWith(QLatin1String(".internal")) || host.endsWith(QLatin1String(".local")) ||
        host.endsWith(QLatin1String(".home.arpa")) || host.endsWith(QLatin1String(".lan")))
        return QStringLiteral("an internal host name");
    if (!host.contains(QLatin1Char('.')))
        return QStringLiteral("a single-label (intranet) host name");
    return {};
}

} // namespace

QStringList keyUrlRisks(const QString& url, const QString& issuer)
{
    QStringList risks;
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || u.isRelative()) {
        risks.append(QStringLiteral("not an absolute URL"));
        return risks;
    }
    const QString scheme = u.scheme().toLower();
    if (scheme == QLatin1String("file"))
        risks.append(QStringLiteral("a file: URL (it names a local file)"));
    else if (scheme == QLatin1String("http"))
        risks.append(QStringLiteral("plain http (RFC 7515 section 4.1.2 requires TLS)"));
    else if (scheme != QLatin1String("https"))
        risks.append(QStringLiteral("the scheme \"%1\"").arg(scheme));
    const QString host = u.host(QUrl::FullyDecoded).toLower();
    if (!host.isEmpty()) {
        if (const QString risk = hostRisk(host); !risk.isEmpty())
            risks.append(QStringLiteral("%1 (%2)").arg(risk, host));
        const QUrl iss(issuer, QUrl::StrictMode);
        const QString issuerHost = iss.isValid() ? iss.host(QUrl::FullyDecoded).toLower() : QString();
        if (!issuerHost.isEmpty() && issuerHost != host)
            risks.append(QStringLiteral("a host (%1) other than the issuer's (%2)").arg(host, issuerHost));
    }
    if (!u.userInfo().isEmpty())
        risks.append(QStringLiteral("credentials inside the URL"));
    return risks;
}

} // namespace assay::detail
