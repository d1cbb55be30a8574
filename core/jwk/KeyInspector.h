// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jwk/KeyReport.h"

#include <QByteArrayView>
#include <QDateTime>

namespace assay {

class SecureBytes;

/// Inspects a loaded key: public JWK, RFC 7638 thumbprints (SHA-256/384/512), the RFC 9278 thumbprint URI, the
/// certificate it came from (validity judged at `at`), and findings: weak RSA (size, small e, ROCA), short HMAC
/// secrets, and JWK metadata (alg, use, key_ops) that does not fit the key.
[[nodiscard]] KeyReport inspectKey(const Key& key, const QDateTime& at);

/// Inspects key text or bytes as the user has them: a JWK, a JWK Set, PEM (keys and certificate bundles), DER, or
/// anything else loadKeys() opens (a passphrase-encrypted JWK).
/// Unlike loadKeys(), nothing is lost: a key that is refused becomes a report whose findings explain why
/// (KEY_PRIVATE_MISMATCH, KEY_RSA_EXPONENT_ONE, KEY_EC_POINT_NOT_ON_CURVE, ...); a JWK's whole x5c chain is
/// read and checked link by link, and x5t / x5t#S256 are compared with the first certificate; a certificate
/// holding another key than the JWK is a warning instead of a refusal.
/// Fails only when the input is empty or too large, or when an encrypted key needs a (correct) passphrase.
[[nodiscard]] Result<KeyInspection> inspectKeyText(QByteArrayView text, const SecureBytes* passphrase,
                                                   const QDateTime& at);

} // namespace assay
