// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "crypto/SecureBytes.h"
#include "jwk/KeyLoader.h"

#include <optional>

namespace assay {

/// An HMAC secret written in one encoding: the inverse of keyFromSecret(). Hex is lower case; base64 is padded
/// (RFC 4648 section 4); base64url is unpadded (RFC 7515 section 2). Utf8 is the bytes themselves and is refused
/// (ERR_UTF8_INVALID) unless they are well-formed UTF-8 without control characters, so that what is printed can
/// be typed back.
[[nodiscard]] Result<SecureBytes> encodeSecret(const SecureBytes& secret, SecretEncoding encoding);

/// A secret in every encoding at once, for showing a generated or inspected secret.
struct SecretRenderings
{
    SecureBytes hex;
    SecureBytes base64;
    SecureBytes base64url;
    std::optional<SecureBytes> utf8; // only when the bytes are printable UTF-8
};

[[nodiscard]] SecretRenderings renderSecret(const SecureBytes& secret);

} // namespace assay
