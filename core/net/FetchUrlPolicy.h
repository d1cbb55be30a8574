// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QString>
#include <QUrl>

namespace assay {

/// Which URLs a fetch may use. Assay opens no connection on its own (ATTACKS.md A07); when the user explicitly asks
/// for a JWK Set, only https is used, with one exception the user must switch on: plain http to this machine
/// (localhost, 127.0.0.1, [::1]), for a local test issuer.

/// True for the three loopback names the http exception covers: "localhost", "127.0.0.1", "::1".
[[nodiscard]] bool isLoopbackHost(const QString& host);

/// ERR_NETWORK_REFUSED unless `url` is an absolute https URL with a host (or http to a loopback host when
/// `allowHttpLocalhost`). URLs carrying a user name or password are refused: credentials are never sent.
[[nodiscard]] Result<void> checkFetchUrl(const QUrl& url, bool allowHttpLocalhost);

/// A redirect from `from` to `to`: never from https down to http (naming both URLs), otherwise checkFetchUrl(to).
[[nodiscard]] Result<void> checkRedirect(const QUrl& from, const QUrl& to, bool allowHttpLocalhost);

/// The URL as shown to the user before fetching: fully encoded, without fragment.
[[nodiscard]] QString displayUrl(const QUrl& url);

} // namespace assay
