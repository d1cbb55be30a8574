// SPDX-License-Identifier: Apache-2.0
#pragma once

// Steps shared by the compact parser (ParsedToken.cpp) and the JWS JSON serialization parser (JwsJsonParser.cpp).
// Not part of the public API.

#include "token/ParsedToken.h"

namespace assay::detail {

/// Decodes one base64url part on its own; a failure goes to the segment's `error` and to `diagnostics`.
[[nodiscard]] DecodedSegment decodeSegment(Segment kind, QByteArrayView raw, qsizetype offset,
                                           QList<Error>& diagnostics);

/// Parses the decoded protected header of `entry` (strict JSON object, duplicates reported) into header/headerError.
void parseProtectedHeader(JwsSignatureEntry& entry, const JsonLimits& limits, QList<Error>& diagnostics);

/// RFC 7797 section 3: true when the protected header says "b64": false. A "b64" that is not a JSON boolean is
/// reported (ERR_B64_INVALID) and treated as the default, true.
[[nodiscard]] bool isUnencodedPayload(const JwsSignatureEntry& entry, QList<Error>& diagnostics);

/// Fills token.payload from its raw text (`unencoded`: RFC 7797, raw == bytes) and parses it as JSON when it is.
/// An empty raw payload means detached content (RFC 7515 appendix F).
void decodePayload(ParsedToken& token, QByteArrayView raw, qsizetype offset, bool unencoded, const TokenLimits& limits);

/// RFC 7515 section 7.2: flattened or general JWS JSON serialization.
[[nodiscard]] Result<ParsedToken> parseJwsJson(QByteArrayView text, const TokenLimits& limits);

} // namespace assay::detail
