// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <tuple>

// Shared between the jwk/ import files; not a public header (nlohmann/json and OpenSSL types stay inside core).

#include "base/Result.h"
#include "crypto/detail/KeyData.h"
#include "jwk/KeySet.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace assay {
class SecureBytes;
}

namespace assay::detail {

/// Largest key file or pasted key text accepted (a JWKS of many 16384-bit RSA keys still fits).
inline constexpr qsizetype kMaxKeyInput = 4 * 1024 * 1024;
/// JSON nesting allowed in a JWK or JWKS (a JWKS needs 3 levels; x5c arrays 4).
inline constexpr int kMaxJwkDepth = 16;

/// Parses JSON with nlohmann/json, rejecting duplicate member names at any level (RFC 7517 section 4 /
/// RFC 7159: a JWK with duplicate members is ambiguous) and nesting deeper than kMaxJwkDepth.
/// Errors carry line:column.
[[nodiscard]] Result<nlohmann::json> parseJwkJson(QByteArrayView text);

/// The EC curve a JWK "crv" names (P-256, P-384, P-521, secp256k1); Curve::None for anything else.
[[nodiscard]] Curve ecCurveFromCrv(const std::string& crv);

/// One JWK object (already parsed), validated.
[[nodiscard]] Result<Key> keyFromJwkObject(const nlohmann::json& jwk);

/// A {"keys":[...]} document: unparseable members go to `skipped`, set-level problems to `problems`.
[[nodiscard]] Result<KeySet> keySetFromJwks(const nlohmann::json& jwks);

/// Set-level checks (RFC 8725, ATTACKS.md A05): duplicate kid, symmetric mixed with asymmetric keys.
/// `kids` lists (1-based position, kid, kty) for every member that names a kid, including members that
/// were skipped: a kid shared with an unusable key is still ambiguous.
void addSetProblems(KeySet& set, const QList<std::tuple<int, QString, QString>>& kids);

/// PEM input: every block is tried. nullopt when the text contains no PEM block at all.
[[nodiscard]] std::optional<Result<KeySet>> loadPem(QByteArrayView data, const SecureBytes* passphrase);

/// DER input of any supported kind, detected by parsing each structure in turn.
[[nodiscard]] Result<Key> loadDer(QByteArrayView data, const SecureBytes* passphrase);

/// The key and facts of a DER X.509 certificate (used for PEM/DER certificates and a JWK's x5c).
[[nodiscard]] Result<std::shared_ptr<KeyData>> keyFromCertificateDer(QByteArrayView der, KeyFormat format);

} // namespace assay::detail
