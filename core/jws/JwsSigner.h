// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jws/JwsAlgorithm.h"

#include <QByteArray>
#include <QByteArrayView>

namespace assay {

class Key;

struct SignOptions
{
    /// Sign even when the key is weak for the algorithm (HMAC shorter than the hash, RSA < 2048).
    bool allowWeakKey = false;
};

/// Produces a compact JWS over the given header and payload bytes exactly as given (the caller decides their JSON
/// text; nothing is re-serialized). The header's `alg` must name `alg` and the key must allow it (jws/KeyPolicy.h).
/// Honours `"b64": false` in the header (RFC 7797): the payload is then used unencoded and must not contain '.'.
[[nodiscard]] Result<QByteArray> signCompact(QByteArrayView headerJson, QByteArrayView payload, const Key& key,
                                             JwsAlgorithm alg, const SignOptions& options = {});

/// Re-signs an existing signing input (`base64url(header).payload` text) and returns the base64url signature.
[[nodiscard]] Result<QByteArray> signSigningInput(QByteArrayView signingInput, const Key& key, JwsAlgorithm alg,
                                                  const SignOptions& options = {});

/// The minimal default header `{"alg":"<ALG>","typ":"JWT"}` (in that order).
[[nodiscard]] QByteArray defaultHeader(JwsAlgorithm alg);

} // namespace assay
