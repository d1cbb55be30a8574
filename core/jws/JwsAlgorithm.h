// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace assay {

/// JWS algorithms (RFC 7518 section 3, RFC 8037, RFC 8812, RFC 9864). Names are matched case-sensitively.
enum class JwsAlgorithm
{
    None,
    HS256,
    HS384,
    HS512,
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
    ES256,
    ES384,
    ES512,
    ES256K,
    EdDSA,   // RFC 8037: Ed25519 or Ed448, decided by the key
    Ed25519, // RFC 9864 fully-specified
    Ed448,   // RFC 9864 fully-specified
};

enum class AlgorithmFamily
{
    None,
    Hmac,
    RsaPkcs1,
    RsaPss,
    Ecdsa,
    EdDsa,
};

enum class HashAlgorithm
{
    None,
    Sha256,
    Sha384,
    Sha512,
};

/// Exact, case-sensitive lookup of a registered name; nullopt for anything else (including "None", "hs256").
[[nodiscard]] std::optional<JwsAlgorithm> jwsAlgorithmFromName(QStringView name);
[[nodiscard]] QString jwsAlgorithmName(JwsAlgorithm alg);
[[nodiscard]] AlgorithmFamily algorithmFamily(JwsAlgorithm alg);
[[nodiscard]] HashAlgorithm algorithmHash(JwsAlgorithm alg);
/// Digest length in bytes of the algorithm's hash (32/48/64), 0 when it has none (EdDSA, none).
[[nodiscard]] int hashLength(HashAlgorithm hash);
/// For a name that is not registered: the registered name it imitates (case or surrounding whitespace/NUL
/// variants such as "None", "hs256", " none"), or an empty string. Used to explain rejections and for lints.
[[nodiscard]] QString closeAlgorithmName(QStringView name);
/// Every algorithm this build can sign and verify, in display order (none excluded).
[[nodiscard]] QList<JwsAlgorithm> supportedJwsAlgorithms();

} // namespace assay
