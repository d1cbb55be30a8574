// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace assay {
class Key;
class SecureBytes;
} // namespace assay

namespace assay::ui {

/// "RSA 2048", "EC P-256", "Ed25519", "HMAC 256-bit": a key's kind in a few words, for lists and default names.
[[nodiscard]] QString shortKeyKind(const Key& key);

/// "private", "public" or "secret".
[[nodiscard]] QString keyPartName(const Key& key);

/// Text held in SecureBytes (a PEM, a JWK, an encoded secret) for a widget that shows it. The widget's copy is
/// Qt's and cannot be wiped, so this is called only for what the user asked to see.
[[nodiscard]] QString secureText(const SecureBytes& bytes);

} // namespace assay::ui
