// SPDX-License-Identifier: Apache-2.0
#include "net/HttpFetch.h"

#include "net/FetchUrlPolicy.h"
#include "net/detail/HttpExchange.h"
#include "net/detail/TlsConnection.h"

namespace assay {

Result<FetchResult> httpGet(const QUrl& url, const FetchOptions& options)
{
    if (options.timeoutMs <= 0 || options.maxBytes <= 0 || options.maxRedirects < 0)
        return fail(ErrorCode::Usage,
                    QStringLiteral("the timeout and the size limit must be positive, the redirect limit not negative"));
    if (Result<void> allowed = checkFetchUrl(url, options.allowHttpLocalhost); !allowed)
        return fail(allowed.error());

    // One TLS context for the whole fetch, so the CA file is read once even across redirects.
    Result<detail::SslCtxPtr> tls = detail::newClientTlsContext(options.caFile);
    if (!tls)
        return fail(tls.error());

    detail::ExchangeSettings settings;
    settings.tls = tls->get();
    settings.deadline = QDeadlineTimer(options.timeoutMs);
    settings.maxBytes = options.maxBytes;

    FetchResult result;
    result.requestedUrl = url;
    QUrl current = url;
    for (;;) {
        if (options.onRequest)
            options.onRequest(current);
        Result<detail::ExchangeOutcome> outcome = detail::exchangeOnce(current, settings);
        if (!outcome)
            return fail(outcome.error());
        if (outcome->location.isEmpty()) {
            result.finalUrl = current;
            result.status = outcome->status;
            result.contentType = outcome->contentType;
            result.body = std::move(outcome->body);
            return result;
        }

        const QUrl location = QUrl::fromEncoded(outcome->location, QUrl::StrictMode);
        if (!location.isValid())
            return fail(ErrorCode::NetworkFailure,
                        QStringLiteral("%1 redirects to an invalid URL \"%2\"")
                            .arg(displayUrl(current), QString::fromLatin1(outcome->location)));
        FetchHop hop;
        hop.from = current;
        hop.to = current.resolved(location);
        hop.status = outcome->status;
        if (result.hops.size() >= options.maxRedirects)
            return fail(ErrorCode::TooManyRedirects,
                        QStringLiteral("more than %1 redirects (the last one from %2 to %3)")
                            .arg(options.maxRedirects)
                            .arg(displayUrl(hop.from), displayUrl(hop.to)));
        if (Result<void> allowed = checkRedirect(hop.from, hop.to, options.allowHttpLocalhost); !allowed)
            return fail(allowed.error());
        result.hops.append(hop);
        if (options.onRedirect)
            options.onRedirect(hop);
        current = hop.to;
    }
}

} // namespace assay
