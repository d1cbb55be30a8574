// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jwk/Key.h"
#include "jwk/KeyGenerationControl.h"

namespace assay {

/// A fresh key from OpenSSL's CSPRNG, for signing experiments and tests (format KeyFormat::Generated).
/// oct: `bits` of secret (default 256, multiple of 8); RSA: modulus bits (default 2048, 2048..16384);
/// EC: P-256, P-384, P-521 or secp256k1; OKP: Ed25519, Ed448, X25519 or X448.
[[nodiscard]] Result<Key> generateKey(KeyType type, Curve curve = Curve::None, int bits = 0);

/// The same, reporting OpenSSL's progress and stoppable through `control` (see KeyGenerationControl). A generation
/// stopped by control.cancel, before or during the work, fails with ErrorCode::Cancelled and yields no key.
[[nodiscard]] Result<Key> generateKey(KeyType type, Curve curve, int bits, const KeyGenerationControl& control);

} // namespace assay
