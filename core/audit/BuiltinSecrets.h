// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>
#include <string_view>

namespace assay {

/// The built-in list of publicly known and commonly chosen HMAC secrets: the defaults of jwt.io and of framework
/// documentation, tutorials and sample projects, placeholders people forget to replace, and common weak words. A
/// token signed with any of these can be forged by anyone (ATTACKS.md A11; RFC 8725 section 3.5). Each entry is the
/// exact byte string (UTF-8), without duplicates; the empty secret is not in it (SecretCracker always tries that).
[[nodiscard]] std::span<const std::string_view> builtinSecrets();

} // namespace assay
