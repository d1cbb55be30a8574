// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/Key.h"
#include "jwk/KeyFinding.h"

#include <QList>

#include <optional>

namespace assay::detail {

/// Findings about a loaded key on its own: RSA modulus size, public exponent and ROCA fingerprint, HMAC secret
/// length, and whether its JWK alg / use / key_ops fit the key and each other (RFC 7517 sections 4.2-4.4,
/// RFC 7518 sections 3.2-3.3, RFC 8725 section 3.1).
[[nodiscard]] QList<KeyFinding> lintKey(const Key& key);

/// The RSA public exponent, when it fits 64 bits (the loader refuses larger ones); nullopt for other keys.
[[nodiscard]] std::optional<quint64> rsaPublicExponent(const Key& key);

} // namespace assay::detail
