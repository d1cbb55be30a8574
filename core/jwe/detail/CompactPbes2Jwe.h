// SPDX-License-Identifier: Apache-2.0
#pragma once

// A compact JWE (RFC 7516 section 7.1) with PBES2 key wrapping: sealing and opening. Internal to core/jwe; the
// sealing entry point takes a fixed CEK and IV so that tests can reproduce the published examples byte for byte.

#include "base/Result.h"
#include "crypto/SecureBytes.h"
#include "jwe/JweAlgorithm.h"
#include "jwe/detail/Pbes2Header.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace assay::detail {

/// Largest compact JWE accepted: a key file of jwk/detail/KeyImport.h's 4 MiB, base64url-encoded, with room.
inline constexpr qsizetype kMaxCompactJweBytes = 6 * 1024 * 1024;

/// The five base64url segments of a compact JWE, as written (nothing decoded yet).
struct CompactJweSegments
{
    QByteArrayView protectedHeader;
    QByteArrayView encryptedKey;
    QByteArrayView iv;
    QByteArrayView ciphertext;
    QByteArrayView tag;
};

/// Splits at the four dots; nullopt when `text` does not have exactly five segments.
[[nodiscard]] std::optional<CompactJweSegments> splitCompactJwe(QByteArrayView text);

/// Seals `plaintext` under the protected header given as its base64url text (used verbatim as the AAD, RFC 7516
/// section 5.1 step 14), which must pass parsePbes2Header(). `cek` and `iv` are the random values normally;
/// tests pass the published ones. Returns the compact serialization.
[[nodiscard]] Result<QByteArray> sealPbes2Jwe(QByteArrayView protectedHeaderB64, QByteArrayView plaintext,
                                              const SecureBytes& passphrase, const SecureBytes& cek, QByteArrayView iv);

struct OpenedPbes2Jwe
{
    Pbes2Header header;
    SecureBytes plaintext;
};

/// Checks everything that can be checked without the passphrase (segments, header, lengths of the encrypted key,
/// IV and tag) and returns the parsed header; nothing expensive runs.
[[nodiscard]] Result<Pbes2Header> checkPbes2Jwe(QByteArrayView compact, const Pbes2Limits& limits);

/// checkPbes2Jwe(), then PBKDF2, AES key unwrap and content decryption (RFC 7516 section 5.2). A wrong passphrase
/// and a changed encrypted key, IV, ciphertext, tag or header all give the same ERR_KEY_PASSPHRASE_WRONG
/// "wrong passphrase or damaged file" without saying which step failed.
[[nodiscard]] Result<OpenedPbes2Jwe> openPbes2Jwe(QByteArrayView compact, const SecureBytes& passphrase,
                                                  const Pbes2Limits& limits);

} // namespace assay::detail
