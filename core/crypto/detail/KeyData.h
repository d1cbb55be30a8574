// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "crypto/SecureBytes.h"
#include "crypto/detail/OsslPtr.h"
#include "jwk/Key.h"

#include <array>
#include <mutex>
#include <optional>

namespace assay::detail {

/// What a Key holds: either the parsed EVP_PKEY (asymmetric keys, parsed once and reused for every operation)
/// or the HMAC secret, plus what is known about where it came from. Shared by Key copies and never modified
/// after construction, except for the lazily prepared HMAC contexts below, which are guarded by once_flags.
struct KeyData
{
    KeyType type = KeyType::Oct;
    Curve curve = Curve::None;
    int bits = 0;
    bool hasPrivate = false;
    KeyFormat format = KeyFormat::Jwk;

    EvpPkeyPtr pkey;    // RSA, EC, OKP
    SecureBytes secret; // oct

    QString kid;
    QString alg;
    QString use;
    QStringList keyOps;
    bool hasKeyOps = false;

    std::optional<CertificateInfo> certificate;

    /// HMAC contexts already keyed with `secret`, one per hash (SHA-256/384/512). Keying HMAC hashes the padded key
    /// twice; duplicating a keyed context skips that and the digest fetch on every verification.
    mutable std::array<std::once_flag, 3> hmacOnce;
    mutable std::array<EvpMacCtxPtr, 3> hmacTemplate;

    /// The ROCA fingerprint test (crypto/RsaFingerprint.h), computed once on first use instead of per verification.
    mutable std::once_flag rocaOnce;
    mutable bool rocaFingerprint = false;

    /// A copy sharing the EVP_PKEY (reference-counted) and cloning the secret; metadata copied.
    [[nodiscard]] std::shared_ptr<KeyData> clone() const
    {
        auto copy = std::make_shared<KeyData>();
        copy->type = type;
        copy->curve = curve;
        copy->bits = bits;
        copy->hasPrivate = hasPrivate;
        copy->format = format;
        copy->pkey = shareKey(pkey.get());
        copy->secret = secret.clone();
        copy->kid = kid;
        copy->alg = alg;
        copy->use = use;
        copy->keyOps = keyOps;
        copy->hasKeyOps = hasKeyOps;
        copy->certificate = certificate;
        return copy;
    }
};

} // namespace assay::detail
