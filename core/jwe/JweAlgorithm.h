// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace assay {

/// Password-based key wrapping (RFC 7518 section 4.8): PBKDF2 with HMAC-SHA-2, then AES Key Wrap (RFC 3394) of the
/// content encryption key.
enum class Pbes2Algorithm
{
    Hs256A128Kw, // "PBES2-HS256+A128KW"
    Hs384A192Kw, // "PBES2-HS384+A192KW"
    Hs512A256Kw, // "PBES2-HS512+A256KW"
};

/// Content encryption (RFC 7518 section 5): AES-CBC with HMAC-SHA-2 (section 5.2) or AES-GCM (section 5.3). All
/// six are authenticated.
enum class ContentEncryption
{
    A128CbcHs256,
    A192CbcHs384,
    A256CbcHs512,
    A128Gcm,
    A192Gcm,
    A256Gcm,
};

/// The registered "alg" / "enc" names (RFC 7518 sections 4.1 and 5.1).
[[nodiscard]] QString pbes2AlgorithmName(Pbes2Algorithm alg);
[[nodiscard]] QString contentEncryptionName(ContentEncryption enc);
/// Exact, case-sensitive lookups (JOSE names are case-sensitive, RFC 7515 section 4.1.1).
[[nodiscard]] std::optional<Pbes2Algorithm> pbes2AlgorithmFromName(QStringView name);
[[nodiscard]] std::optional<ContentEncryption> contentEncryptionFromName(QStringView name);

/// Every value, in the order of the RFC's tables (for choosers in the UI and CLI).
[[nodiscard]] QList<Pbes2Algorithm> allPbes2Algorithms();
[[nodiscard]] QList<ContentEncryption> allContentEncryptions();

/// Length in bytes of the content encryption key: 32/48/64 for the CBC-HS modes (MAC key + AES key,
/// RFC 7518 section 5.2.2.1), 16/24/32 for GCM.
[[nodiscard]] int contentKeyBytes(ContentEncryption enc);
/// Length of the IV: 16 for CBC, 12 for GCM (RFC 7518 sections 5.2.2.1 and 5.3).
[[nodiscard]] int contentIvBytes(ContentEncryption enc);
/// Length of the authentication tag: half the HMAC output for CBC-HS (16/24/32), 16 for GCM.
[[nodiscard]] int contentTagBytes(ContentEncryption enc);
/// AES key length in bytes of the key-encryption key PBES2 derives: 16/24/32.
[[nodiscard]] int pbes2KeyBytes(Pbes2Algorithm alg);

/// Bounds on the PBKDF2 iteration count "p2c" accepted when a file is opened (ATTACKS.md A27). PBKDF2 runs before
/// any tag can be checked, so an attacker-chosen count is work done for nothing: it is checked first.
struct Pbes2Limits
{
    /// RFC 7518 section 4.8.1.2 recommends at least 1000; fewer is refused, not just flagged.
    int minIterations = 1000;
    /// Well above the 600000 Assay writes (and the 8192 of jwcrypto, RFC 7520), low enough that a hostile file
    /// costs seconds rather than hours: 10^7 iterations are about 5 s (HMAC-SHA-256) to 11 s (HMAC-SHA-512) of CPU
    /// (`openssl kdf ... PBKDF2` on the project's build machine, 0.54 s and 1.09 s per 10^6).
    /// ATTACKS.md A27 caps tokens at 10000; a key file the user opens with its own passphrase is the "explicit
    /// user choice" that A27 allows to go higher, and 10000 would be far too few to protect a stolen file.
    int maxIterations = 10'000'000;
    /// RFC 7518 section 4.8.1.1: the salt input "p2s" must be at least 8 bytes.
    int minSaltBytes = 8;
    /// No legitimate salt is this long; the bound keeps header parsing cheap.
    int maxSaltBytes = 1024;
};

} // namespace assay
