// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jwk/KeySet.h"
#include "net/HttpFetch.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace assay {

/// A JWK Set fetched from a URL on the user's request.
struct FetchedJwks
{
    QUrl source;   // the URL asked for
    QUrl finalUrl; // where it came from after redirects
    QList<FetchHop> hops;
    QString contentType;
    QByteArray raw; // the body exactly as received
    KeySet keys;
    /// Worth showing but not fatal: a content type other than JSON (tolerated because the body parsed), private key
    /// material published in the set, keys skipped, set-level problems.
    QStringList warnings;
};

/// GETs `url` (with httpGet()) and parses the body with parseJwksBody().
[[nodiscard]] Result<FetchedJwks> fetchJwks(const QUrl& url, const FetchOptions& options = {});

/// Where an issuer's metadata is looked for, in order: OpenID Connect Discovery 1.0 section 4
/// (`<issuer>/.well-known/openid-configuration`), then RFC 8414 section 3
/// (`https://host/.well-known/oauth-authorization-server/<path>`, the well-known part inserted between host and path).
/// A terminating "/" of the issuer is removed first, as both specifications say. These are exactly the URLs
/// discoverJwksUri() may request, so a caller can show them before anything is fetched.
/// ERR_NETWORK_REFUSED when the issuer is not an allowed URL; ERR_DISCOVERY_INVALID when it has a query or a
/// fragment (RFC 8414 section 2).
[[nodiscard]] Result<QList<QUrl>> discoveryUrls(const QString& issuer, bool allowHttpLocalhost);

/// What discovery found.
struct DiscoveredIssuer
{
    QString issuer;
    QUrl metadataUrl; // the document that answered
    QUrl jwksUri;
    QList<QUrl> tried; // every metadata URL requested, in order
    QList<FetchHop> hops;
};

/// Fetches the discovery URLs in order until one answers. A document that is not found (any HTTP status but 200) or
/// is not a JSON object moves on to the next URL; network, TLS and size failures stop at once. The metadata's
/// "issuer" must equal `issuer` exactly (RFC 8414 section 3.3, OpenID Connect Discovery 1.0 section 4.3; else
/// ERR_ISSUER_MISMATCH) and its "jwks_uri" must be an allowed URL, https when the issuer is https (else
/// ERR_DISCOVERY_INVALID / ERR_NETWORK_REFUSED). When no document answers, the error lists every URL tried.
[[nodiscard]] Result<DiscoveredIssuer> discoverJwksUri(const QString& issuer, const FetchOptions& options = {});

} // namespace assay
