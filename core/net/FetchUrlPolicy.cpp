// SPDX-License-Identifier: Apache-2.0
#include "net/FetchUrlPolicy.h"

namespace assay {

bool isLoopbackHost(const QString& host)
{
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || host == QLatin1String("127.0.0.1") ||
           host == QLatin1String("::1");
}

QString displayUrl(const QUrl& url)
{
    return QString::fromUtf8(url.toEncoded(QUrl::RemoveFragment));
}

Result<void> checkFetchUrl(const QUrl& url, bool allowHttpLocalhost)
{
    const QString shown = displayUrl(url);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return fail(ErrorCode::NetworkRefused,
                    QStringLiteral("\"%1\" is not an absolute URL with a host").arg(url.toString()));
    if (!url.userInfo().isEmpty())
        return fail(ErrorCode::NetworkRefused,
                    QStringLiteral("refusing %1: URLs with a user name or password are not fetched").arg(shown));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        if (!isLoopbackHost(url.host()))
            return fail(ErrorCode::NetworkRefused,
                        QStringLiteral("refusing %1: only https is fetched (plain http only to localhost, 127.0.0.1 "
                                       "or [::1], and only when allowed)")
                            .arg(shown));
        if (!allowHttpLocalhost)
            return fail(
                ErrorCode::NetworkRefused,
                QStringLiteral("refusing %1: plain http to this machine is not allowed unless asked for").arg(shown));
        return {};
    }
    return fail(ErrorCode::NetworkRefused,
                QStringLiteral("refusing %1: the scheme \"%2\" is not fetched (https only)").arg(shown, url.scheme()));
}

Result<void> checkRedirect(const QUrl& from, const QUrl& to, bool allowHttpLocalhost)
{
    if (from.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 &&
        to.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0)
        return fail(ErrorCode::NetworkRefused, QStringLiteral("refusing the redirect from %1 to %2: it leaves https")
                                                   .arg(displayUrl(from), displayUrl(to)));
    Result<void> allowed = checkFetchUrl(to, allowHttpLocalhost);
    if (!allowed) {
        Error e = allowed.error();
        e.message = QStringLiteral("redirect from %1: %2").arg(displayUrl(from), e.message);
        return fail(std::move(e));
    }
    return {};
}

} // namespace assay
