// SPDX-License-Identifier: Apache-2.0
#pragma once

// The protected header of a PBES2-encrypted JWK or JWK Set (RFC 7516 section 4, RFC 7518 section 4.8.1).
// Internal to core/jwe.

#include "base/Result.h"
#include "jwe/JweAlgorithm.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace assay::detail {

/// What the content type says the plaintext is (RFC 7517 section 7).
enum class JwkContent
{
    Unspecified, // no "cty": a JWK or a JWK Set, whichever the plaintext is
    Jwk,         // "jwk+json"
    JwkSet,      // "jwk-set+json"
};

struct Pbes2Header
{
    Pbes2Algorithm alg = Pbes2Algorithm::Hs512A256Kw;
    ContentEncryption enc = ContentEncryption::A256Gcm;
    QByteArray p2s; // decoded salt input
    int p2c = 0;
    JwkContent content = JwkContent::Unspecified;
};

/// What a JOSE header names before anything PBES2-specific is checked: used to tell a JWE from other input and to
/// explain a JWE that is not a passphrase-encrypted key.
struct JweHeaderNames
{
    QString alg;
    QString enc;
    std::optional<QString> cty;
};

/// Reads "alg", "enc" and "cty" of a header JSON object; nullopt when the bytes are not a JSON object with string
/// "alg" and "enc" members (then the input is not a JWE at all).
[[nodiscard]] std::optional<JweHeaderNames> readJweHeaderNames(QByteArrayView headerJson);

/// Parses and checks the decoded protected header, cheaply and before any key derivation: a PBES2 "alg", a
/// supported "enc", "p2s" (base64url, limits.minSaltBytes..maxSaltBytes), "p2c" (a JSON integer in
/// limits.minIterations..maxIterations, ATTACKS.md A27), "cty" (absent, jwk+json or jwk-set+json, "application/"
/// prefix optional, case-insensitive), no "zip" (ATTACKS.md A28) and no "crit" (no extension is understood), no
/// duplicate member names. Other members are ignored, as RFC 7516 section 4 asks.
[[nodiscard]] Result<Pbes2Header> parsePbes2Header(QByteArrayView headerJson, const Pbes2Limits& limits);

/// The header Assay writes: {"alg":..,"enc":..,"cty":..,"p2s":..,"p2c":..} (cty omitted for Unspecified).
[[nodiscard]] QByteArray buildPbes2Header(const Pbes2Header& header);

} // namespace assay::detail
