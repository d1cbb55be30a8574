// SPDX-License-Identifier: Apache-2.0
#pragma once

// PBES2 key management (RFC 7518 section 4.8) on OpenSSL: PBKDF2 (EVP_KDF "PBKDF2") derives the key-encryption key,
// AES Key Wrap (RFC 3394, EVP_aes_*_wrap) wraps the content encryption key. Internal to core/jwe.

#include "base/Result.h"
#include "crypto/SecureBytes.h"
#include "jwe/JweAlgorithm.h"

#include <QByteArray>
#include <QByteArrayView>

namespace assay::detail {

/// PBKDF2 with HMAC-SHA-256/384/512 (by `alg`), salt = UTF8(alg) || 0x00 || p2s, `iterations` rounds, output
/// pbes2KeyBytes(alg) bytes. The caller checks the iteration bounds before calling: this is the expensive step.
[[nodiscard]] Result<SecureBytes> derivePbes2Kek(Pbes2Algorithm alg, const SecureBytes& passphrase, QByteArrayView p2s,
                                                 int iterations);

/// AES Key Wrap with the default IV (RFC 3394 section 2.2.3.1): output is cek.size() + 8 bytes.
[[nodiscard]] Result<QByteArray> wrapContentKey(const SecureBytes& kek, const SecureBytes& cek);

/// AES Key Unwrap; fails when the integrity check value (0xA6A6A6A6A6A6A6A6) does not come out, which is what a
/// wrong passphrase or a changed encrypted key looks like.
[[nodiscard]] Result<SecureBytes> unwrapContentKey(const SecureBytes& kek, QByteArrayView encryptedKey);

/// How many times derivePbes2Kek() ran PBKDF2 in this process. Tests use it to prove that a file refused for its
/// iteration count never reached the KDF (ATTACKS.md A27), without timing anything.
[[nodiscard]] quint64 pbes2KdfRuns();

} // namespace assay::detail
