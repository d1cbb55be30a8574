// SPDX-License-Identifier: Apache-2.0
#include "jwk/KeyGenerator.h"

#include "crypto/detail/KeyData.h"
#include "crypto/detail/KeyInspect.h"
#include "crypto/detail/OsslError.h"

#include <openssl/rand.h>

namespace assay {

Result<Key> generateKey(KeyType type, Curve curve, int bits)
{
    auto data = std::make_shared<detail::KeyData>();
    data->format = KeyFormat::Generated;
    EVP_PKEY* pkey = nullptr;
    switch (type) {
    case KeyType::Oct: {
        if (bits == 0)
            bits = 256;
        if (bits <= 0 || bits % 8 != 0 || bits > 8192)
            return fail(ErrorCode::Usage, QStringLiteral("an HMAC key must be a whole number of bytes, at most 1024"));
        QByteArray buf(bits / 8, '\0');
        if (RAND_bytes(reinterpret_cast<unsigned char*>(buf.data()), static_cast<int>(buf.size())) != 1)
            return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("no randomness available")));
        data->type = KeyType::Oct;
        data->secret = SecureBytes(buf);
        data->bits = bits;
        data->hasPrivate = true;
        wipe(buf);
        return Key(std::move(data));
    }
    case KeyType::RSA:
        if (bits == 0)
            bits = 2048;
        if (bits < 2048 || bits > detail::kMaxRsaBits)
            return fail(ErrorCode::Usage,
                        QStringLiteral("RSA keys are generated with 2048 to %1 bits").arg(detail::kMaxRsaBits));
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits));
        break;
    case KeyType::EC:
        if (curve != Curve::P256 && curve != Curve::P384 && curve != Curve::P521 && curve != Curve::Secp256k1)
            return fail(ErrorCode::Usage, QStringLiteral("EC keys need P-256, P-384, P-521 or secp256k1"));
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", detail::opensslCurveName(curve));
        break;
    case KeyType::OKP:
        if (curve != Curve::Ed25519 && curve != Curve::Ed448 && curve != Curve::X25519 && curve != Curve::X448)
            return fail(ErrorCode::Usage, QStringLiteral("OKP keys need Ed25519, Ed448, X25519 or X448"));
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, detail::opensslCurveName(curve));
        break;
    }
    if (pkey == nullptr)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("key generation failed")));
    data->pkey.reset(pkey);
    if (auto ok = detail::inspectAndValidate(*data, true); !ok)
        return fail(ok.error());
    return Key(std::move(data));
}

} // namespace assay
