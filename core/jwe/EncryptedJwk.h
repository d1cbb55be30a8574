// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jwe/JweAlgorithm.h"
#include "jwk/KeySet.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace assay {

class SecureBytes;

/// The PBKDF2 iteration count Assay writes. OWASP's 2023 password storage guidance asks for 600000 iterations of
/// PBKDF2-HMAC-SHA256 (210000 of HMAC-SHA512); using 600000 for every PBES2 variant keeps the default algorithm
/// (HMAC-SHA512) well above its figure, matches the encrypted PKCS#8 export (jwk/KeyExport.h), and costs about
/// 0.65 s of CPU (HMAC-SHA512 on the build machine) when a file is saved or opened, which happens rarely and on
/// the user's request. It is far above RFC 7518
/// section 4.8.1.2's minimum of 1000 and far below the 10^7 that Pbes2Limits lets a file ask for.
inline constexpr int kDefaultPbes2Iterations = 600000;

/// How to encrypt a key file (RFC 7517 section 7).
struct EncryptedJwkOptions
{
    Pbes2Algorithm algorithm = Pbes2Algorithm::Hs512A256Kw;
    ContentEncryption encryption = ContentEncryption::A256Gcm;
    /// "p2c"; must lie within Pbes2Limits{} so that Assay can open what it writes.
    int iterations = kDefaultPbes2Iterations;
    /// Write one JWK with cty "jwk+json" (exactly one key then) instead of a JWK Set with cty "jwk-set+json".
    bool singleJwk = false;
};

/// Encrypts keys with a passphrase as a compact JWE (RFC 7516 section 7.1) whose plaintext is the JWK Set (or JWK)
/// with private members (jwk/KeyExport.h exportJwks(keys, true)): PBES2 key wrapping of a random content key
/// (RFC 7518 section 4.8, a fresh 16-byte "p2s"), then authenticated content encryption (RFC 7518 section 5).
/// The plaintext is wiped after use. The passphrase is used as the bytes given (UTF-8 for typed text; no Unicode
/// normalization, like jwcrypto and panva/jose). Refused: an empty passphrase (ERR_USAGE), iterations outside
/// Pbes2Limits{} (ERR_USAGE), singleJwk with other than one key (ERR_USAGE), and whatever exportJwks refuses.
[[nodiscard]] Result<QByteArray> encryptJwkSet(const QList<Key>& keys, const SecureBytes& passphrase,
                                               const EncryptedJwkOptions& options = {});

/// Decrypts an encrypted JWK or JWK Set (RFC 7517 section 7): a compact JWE with alg PBES2-HS256+A128KW,
/// PBES2-HS384+A192KW or PBES2-HS512+A256KW and any enc of RFC 7518 section 5, cty "jwk+json", "jwk-set+json" or
/// none. Everything checkable without the passphrase is checked first, before the key derivation runs: the header
/// (other algs ERR_ALG_UNSUPPORTED; "p2c" outside `limits`, short "p2s", "zip", "crit" refused, ATTACKS.md A27/A28)
/// and the exact lengths of encrypted key, IV and tag (A30). A wrong passphrase, and any change to the file that
/// the tags catch, is ERR_KEY_PASSPHRASE_WRONG "wrong passphrase or damaged file"; an empty passphrase is
/// ERR_KEY_PASSPHRASE_REQUIRED. The plaintext is then loaded like any JWK / JWK Set (jwk/KeyLoader.h).
[[nodiscard]] Result<KeySet> decryptJwkSet(QByteArrayView compactJwe, const SecureBytes& passphrase,
                                           const Pbes2Limits& limits = {});

/// What an encrypted key file says about itself, read without the passphrase.
struct EncryptedJwkInfo
{
    Pbes2Algorithm algorithm = Pbes2Algorithm::Hs512A256Kw;
    ContentEncryption encryption = ContentEncryption::A256Gcm;
    int iterations = 0;
    bool singleJwk = false; // cty "jwk+json"
};

/// nullopt when `text` is not a compact JWE at all (five dot-separated segments whose first is a JSON object with
/// string "alg" and "enc"); otherwise the checked header, or why the file cannot be opened (a JWE that is not
/// passphrase-encrypted, a content type other than a JWK or JWK Set, limits exceeded, malformed segments).
[[nodiscard]] std::optional<Result<EncryptedJwkInfo>> inspectEncryptedJwk(QByteArrayView text,
                                                                          const Pbes2Limits& limits = {});

/// For loadKeys(): nullopt when `text` is not a compact JWE; ERR_KEY_PASSPHRASE_REQUIRED when it is a valid
/// encrypted key file and `passphrase` is null or empty (so the caller can ask); otherwise decryptJwkSet().
[[nodiscard]] std::optional<Result<KeySet>> loadEncryptedJwk(QByteArrayView text, const SecureBytes* passphrase);

} // namespace assay
