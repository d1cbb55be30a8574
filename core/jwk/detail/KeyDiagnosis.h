// SPDX-License-Identifier: Apache-2.0
#pragma once

// Why a key was refused, in stable finding codes. The loader stops at the first problem with a message; key
// inspection wants to name the problem (KEY_PRIVATE_MISMATCH, KEY_RSA_EXPONENT_ONE, ...), so it looks again.

#include "base/Error.h"
#include "jwk/KeyFinding.h"

#include <nlohmann/json.hpp>

#include <QByteArrayView>
#include <QList>

namespace assay {
class SecureBytes;
}

namespace assay::detail {

/// Findings explaining why `jwk` was refused with `error`; always at least one (KEY_LOAD_FAILED when nothing
/// more specific can be said).
[[nodiscard]] QList<KeyFinding> diagnoseJwk(const nlohmann::json& jwk, const Error& error);

/// The same for PEM or DER key bytes: they are decoded again without validation and the parts checked one by one.
[[nodiscard]] QList<KeyFinding> diagnoseEncodedKey(QByteArrayView data, const SecureBytes* passphrase,
                                                   const Error& error);

} // namespace assay::detail
