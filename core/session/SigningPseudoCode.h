// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jws/JwsAlgorithm.h"

#include <QString>

namespace assay {

/// The JWS signing input (RFC 7515 section 5.1) as jwt.io-style pseudo-code, e.g.
/// `HMACSHA256(base64UrlEncode(header) + "." + base64UrlEncode(payload), secret)`. With `unencodedPayload`
/// (RFC 7797 b64:false) the payload appears as is instead of base64UrlEncode(payload).
[[nodiscard]] QString signingPseudoCode(JwsAlgorithm alg, bool unencodedPayload = false);

} // namespace assay
