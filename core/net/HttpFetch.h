// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <functional>

namespace assay {

struct FetchHop;

/// Limits and trust for one fetch. Every request happens only because the user asked for it.
struct FetchOptions
{
    /// For the whole fetch, redirects included. OpenSSL's client counts whole seconds, so the effective limit is
    /// rounded up to the next second of the clock.
    int timeoutMs = 10'000;
    /// Largest body accepted; reading stops at the cap (nothing beyond it is buffered).
    qint64 maxBytes = 1024 * 1024;
    int maxRedirects = 5;
    /// Allow plain http to localhost, 127.0.0.1 and [::1] (see checkFetchUrl()).
    bool allowHttpLocalhost = false;
    /// PEM file of extra trusted CA certificates, used in addition to the system's trust store.
    QString caFile;
    /// Called with each URL right before it is requested (the first one and every redirect target), so a caller
    /// can show the exact URL before the connection is made.
    std::function<void(const QUrl&)> onRequest;
    /// Called for each redirect followed, before its target is requested.
    std::function<void(const FetchHop&)> onRedirect;
};

/// One redirect that was followed.
struct FetchHop
{
    QUrl from;
    QUrl to;
    int status = 0; // 301 or 302
};

/// A successful response (status 200).
struct FetchResult
{
    QUrl requestedUrl;
    QUrl finalUrl; // after redirects
    int status = 0;
    QString contentType; // as sent, may be empty; callers judge the body by parsing it, not by this
    QByteArray body;
    QList<FetchHop> hops;
};

/// HTTP GET over OpenSSL's HTTP client (HTTP/1.0, no proxy, no cookies, no credentials). Only URLs that pass
/// checkFetchUrl() are requested; redirects (301, 302) are followed up to maxRedirects, each target checked with
/// checkRedirect(). Failures: ERR_NETWORK_REFUSED (URL policy), ERR_TOO_MANY_REDIRECTS, ERR_NETWORK_FAILURE (connect
/// or protocol failure), ERR_NETWORK_TIMEOUT, ERR_TLS_FAILURE (with the certificate verification error, e.g.
/// "self-signed certificate"), ERR_HTTP_STATUS (any status but 200; 404 says "not found"),
/// ERR_RESPONSE_TOO_LARGE, ERR_IO (unreadable CA file). OpenSSL's reasons are kept in Error::detail.
[[nodiscard]] Result<FetchResult> httpGet(const QUrl& url, const FetchOptions& options = {});

} // namespace assay
