// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QByteArray>

namespace assay {

struct ParsedToken;

/// The token as hashcat's mode 16500 ("JWT (JSON Web Token)") reads it, for users who crack on a GPU: the compact
/// JWS itself, `header.payload.signature`, as received (hashcat tells HS256/HS384/HS512 apart by the signature's
/// length). A JWS JSON serialization is rewritten to that compact form from its raw segments.
///
/// Fails like CrackTarget::fromToken() for tokens that are not HS*, and with ERR_INPUT_TOO_LARGE for tokens hashcat's
/// parser rejects: a header or payload segment over 2047 characters, or `header.payload` over 4096. An unencoded
/// payload (RFC 7797 b64 false) is refused too: hashcat expects base64url text.
[[nodiscard]] Result<QByteArray> hashcatJwtLine(const ParsedToken& token, int signatureIndex = 0);

} // namespace assay
