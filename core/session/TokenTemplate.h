// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jwk/Key.h"
#include "jws/JwsAlgorithm.h"

#include <QByteArray>

namespace assay {

/// A freshly minted example token and the keys that go with it.
struct TokenTemplate
{
    JwsAlgorithm algorithm = JwsAlgorithm::HS256;
    QByteArray token;    // compact JWS signed with signingKey (unsigned for alg none)
    Key signingKey;      // the generated secret or private key (null for alg none)
    Key verificationKey; // the secret again for HMAC, the public half otherwise (null for alg none)
};

/// Generates an example key fitting `alg` (jwk/KeyGenerator.h: HS* a secret as long as the hash, RS/PS RSA 2048,
/// ES256/ES384/ES512/ES256K their curve, EdDSA and Ed25519 Ed25519, Ed448 Ed448) and signs a small claims set
/// issued at `nowSeconds` and expiring an hour later. Asymmetric keys get their RFC 7638 thumbprint as kid, which
/// the header names. Slow for RSA (key generation): call it off the UI thread.
[[nodiscard]] Result<TokenTemplate> makeTokenTemplate(JwsAlgorithm alg, qint64 nowSeconds);

} // namespace assay
