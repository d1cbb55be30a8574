// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace assay {

/// What a byte string turned out to be when read as a key.
struct KeyMaterial
{
    QString description; // "RSA 2048-bit public key, PEM public key (SPKI)", "OpenSSH ssh-ed25519 public key"
    bool isPrivate = false;
};

/// Reads `bytes` as a key, by parsing, never by matching prefixes (ATTACKS.md A04: the fast-jwt bypasses came from
/// PEM-detecting regexes): everything jwk/KeyLoader.h loadKeys() reads (JWK, JWK Set, PEM, DER, certificates), also
/// after trimming surrounding whitespace, plus the OpenSSH public key line ("ssh-rsa AAAA... comment", RFC 4253
/// section 6.6 / RFC 5656 / RFC 8709), whose base64 blob must start with its own key type name. HMAC (oct) JWKs are
/// not asymmetric key material and give nullopt, as does anything that is no key at all. An encrypted private key
/// counts as private key material even without its passphrase.
[[nodiscard]] std::optional<KeyMaterial> describeKeyMaterial(QByteArrayView bytes);

} // namespace assay
