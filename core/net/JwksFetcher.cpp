// SPDX-License-Identifier: Apache-2.0
#include "net/JwksFetcher.h"

#include "encoding/JsonDocument.h"
#include "net/FetchUrlPolicy.h"
#include "net/JwksDocument.h"

namespace assay {

namespace {

bool isJsonContentType(const QString& contentType)
{
    const QString type = contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    return type == QLatin1String("application/json") || type == QLatin1String("application/jwk-set+json") ||
           (type.startsWith(QLatin1String("application/")) && type.endsWith(QLatin1String("+json")));
}

Error withPrefix(Error e, const QString& prefix)
{
    e.message = prefix + e.message;
    return e;
}

// A string member of the metadata object, or nullopt when absent or not a string.
std::optional<QString> stringMember(const JsonDocument& document, QStringView name)
{
    const JsonMember* member = document.find(name);
    return member != nullptr ? member->toString() : std::nullopt;
}

} // namespace

Result<FetchedJwks> fetchJwks(const QUrl& url, const FetchOptions& options)
{
    Result<FetchResult> response = httpGet(url, options);
    if (!response)
        return fail(response.error());
    const QString shown = displayUrl(response->finalUrl);
    Result<KeySet> keys = parseJwksBody(response->body);
    if (!keys)
        return fail(withPrefix(keys.error(), shown + QStringLiteral(": ")));

    FetchedJwks fetched;
    fetched.source = url;
    fetched.finalUrl = response->finalUrl;
    fetched.hops = response->hops;
    fetched.contentType = response->contentType;
    fetched.raw = std::move(response->body);
    fetched.keys = std::move(*keys);
    if (!isJsonContentType(fetched.contentType)) {
        fetched.warnings.append(
            QStringLiteral(
                "the server said the content type is \"%1\", not JSON; accepted because the body is a JWK Set")
                .arg(fetched.contentType.isEmpty() ? QStringLiteral("(none)") : fetched.contentType));
    }
    for (const QString& material : privateKeyMaterial(fetched.raw))
        fetched.warnings.append(QStringLiteral("private key material published: %1").arg(material));
    fetched.warnings.append(fetched.keys.skipped);
    fetched.warnings.append(fetched.keys.problems);
    return fetched;
}

Result<QList<QUrl>> discoveryUrls(const QString& issuer, bool allowHttpLocalhost)
{
    const QUrl url(issuer, QUrl::StrictMode);
    if (Result<void> allowed = checkFetchUrl(url, allowHttpLocalhost); !allowed)
        return fail(withPrefix(allowed.error(), QStringLiteral("issuer: ")));
    if (url.hasQuery() || url.hasFragment())
        return fail(ErrorCode::DiscoveryInvalid,
                    QStringLiteral("issuer \"%1\" has a query or fragment, which an issuer identifier must not have "
                                   "(RFC 8414 section 2)")
                        .arg(issuer));
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);

    QUrl openId = url;
    openId.setPath(path + QStringLiteral("/.well-known/openid-configuration"), QUrl::StrictMode);
    QUrl oauth = url;
    oauth.setPath(QStringLiteral("/.well-known/oauth-authorization-server") + path, QUrl::StrictMode);
    return QList<QUrl>{openId, oauth};
}

Result<DiscoveredIssuer> discoverJwksUri(const QString& issuer, const FetchOptions& options)
{
    Result<QList<QUrl>> urls = discoveryUrls(issuer, options.allowHttpLocalhost);
    if (!urls)
        return fail(urls.error());
    const bool issuerIsHttps = QUrl(issuer).scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;

    DiscoveredIssuer found;
    found.issuer = issuer;
    QStringList misses;
    ErrorCode lastCode = ErrorCode::DiscoveryInvalid;
    for (const QUrl& url : std::as_const(*urls)) {
        found.tried.append(url);
        Result<FetchResult> response = httpGet(url, options);
        if (!response) {
            if (response.error().code != ErrorCode::HttpStatus)
                return fail(response.error());
            lastCode = ErrorCode::HttpStatus;
            misses.append(response.error().message);
            continue;
        }
        const QString shown = displayUrl(response->finalUrl);
        Result<JsonDocument> metadata = JsonDocument::parse(response->body, Segment::None);
        if (!metadata || !metadata->isObject()) {
            lastCode = metadata ? ErrorCode::JsonNotObject : metadata.error().code;
            misses.append(
                QStringLiteral("%1: not a JSON object%2")
                    .arg(shown, metadata ? QString() : QStringLiteral(" (%1)").arg(metadata.error().toString())));
            continue;
        }
        for (const QString& name : {QStringLiteral("issuer"), QStringLiteral("jwks_uri")}) {
            if (metadata->duplicates().contains(name))
                return fail(ErrorCode::DiscoveryInvalid,
                            QStringLiteral("%1: the metadata has \"%2\" more than once").arg(shown, name));
        }
        const std::optional<QString> named = stringMember(*metadata, u"issuer");
        if (!named)
            return fail(ErrorCode::DiscoveryInvalid,
                        QStringLiteral("%1: the metadata has no \"issuer\" string").arg(shown));
        if (*named != issuer)
            return fail(
                ErrorCode::IssuerMismatch,
                QStringLiteral("%1: the metadata is for issuer \"%2\", not \"%3\"; refusing it (RFC 8414 section "
                               "3.3)")
                    .arg(shown, *named, issuer));
        const std::optional<QString> jwksUri = stringMember(*metadata, u"jwks_uri");
        if (!jwksUri || jwksUri->isEmpty())
            return fail(ErrorCode::DiscoveryInvalid,
                        QStringLiteral("%1: the metadata has no \"jwks_uri\" string").arg(shown));
        const QUrl jwks(*jwksUri, QUrl::StrictMode);
        if (Result<void> allowed = checkFetchUrl(jwks, options.allowHttpLocalhost); !allowed)
            return fail(withPrefix(allowed.error(), QStringLiteral("%1: jwks_uri: ").arg(shown)));
        if (issuerIsHttps && jwks.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0)
            return fail(ErrorCode::NetworkRefused,
                        QStringLiteral("%1: refusing jwks_uri %2: an https issuer's keys must come over https")
                            .arg(shown, displayUrl(jwks)));
        found.metadataUrl = response->finalUrl;
        found.jwksUri = jwks;
        found.hops = response->hops;
        return found;
    }
    return fail(lastCode,
                QStringLiteral("no discovery metadata for \"%1\": %2").arg(issuer, misses.join(QStringLiteral("; "))));
}

} // namespace assay
