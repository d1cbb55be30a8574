// SPDX-License-Identifier: Apache-2.0
#pragma once

// JWE content encryption (RFC 7518 section 5) on OpenSSL: AES-CBC + HMAC-SHA-2 (section 5.2, EVP_MAC for the MAC,
// CRYPTO_memcmp for the tag) and AES-GCM (section 5.3). Internal to core/jwe.

#include "base/Result.h"
#include "crypto/SecureBytes.h"
#include "jwe/JweAlgorithm.h"

#include <QByteArray>
#include <QByteArrayView>

namespace assay::detail {

struct SealedContent
{
    QByteArray ciphertext;
    QByteArray tag;
};

/// Encrypts and authenticates `plaintext` with the content key `cek` (contentKeyBytes(enc) bytes) and `iv`
/// (contentIvBytes(enc) bytes); `aad` is the JWE's Additional Authenticated Data, ASCII(BASE64URL(protected header)).
[[nodiscard]] Result<SealedContent> sealContent(ContentEncryption enc, const SecureBytes& cek, QByteArrayView iv,
                                                QByteArrayView aad, QByteArrayView plaintext);

/// Checks the tag (before anything is decrypted, for CBC: RFC 7518 section 5.2.2.2, ATTACKS.md A30) and decrypts.
/// Every authentication failure is the same ErrorCode::CryptoFailure "authentication failed", so the caller can map
/// it to one message. Lengths of IV and tag must already have been checked by the caller; they are checked again.
[[nodiscard]] Result<SecureBytes> openContent(ContentEncryption enc, const SecureBytes& cek, QByteArrayView iv,
                                              QByteArrayView aad, QByteArrayView ciphertext, QByteArrayView tag);

} // namespace assay::detail
