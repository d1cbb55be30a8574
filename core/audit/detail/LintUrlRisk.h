// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace assay::detail {

/// Why fetching a key URL from a token (jku, x5u) would be dangerous (ATTACKS.md A07, RFC 8725 section 3.10):
/// not https (file:, plain http, other schemes), a loopback, private, link-local or otherwise internal host (request
/// forgery, cloud metadata), or a host other than the issuer's. One short phrase per reason; empty when none applies.
/// `issuer` is the token's iss claim (may be empty). The URL is only parsed, never opened.
[[nodiscard]] QStringList keyUrlRisks(const QString& url, const QString& issuer);

} // namespace assay::detail
