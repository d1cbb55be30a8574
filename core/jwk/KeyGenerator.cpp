// SPDX-License-Identifier: Apache-2.0
#include "jwk/KeyGenerator.h"

#include "crypto/detail/KeyData.h"
#include "crypto/detail/KeyInspect.h"
#include "crypto/detail/OsslError.h"
#include "crypto/detail/OsslPtr.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

namespace assay {

namespace {

// What OpenSSL's generation callback needs: the caller's control and the running counts.
struct CallbackState
{
    const KeyGenerationControl* control = nullptr;
    KeyGenerationProgress progress;
};

bool cancelRequested(const KeyGenerationControl& control)
{
    return control.cancel != nullptr && control.cancel->load(std::memory_order_relaxed);
}

std::unexpected<Error> cancelled()
{
    return fail(ErrorCode::Cancelled, QStringLiteral("key generation cancelled"));
}

// EVP_PKEY_gen_cb: runs on the generating thread at every step. Returning 0 makes OpenSSL abandon the generation.
int keygenCallback(EVP_PKEY_CTX* ctx)
{
    auto* state = static_cast<CallbackState*>(EVP_PKEY_CTX_get_app_data(ctx));
    if (state == nullptr || state->control == nullptr)
        return 1;
    KeyGenerationProgress& p = state->progress;
    p.phase = EVP_PKEY_CTX_get_keygen_info(ctx, 0);
    ++p.steps;
    if (p.phase == 0)
        ++p.candidates;
    else if (p.phase == 2)
        ++p.primesFound;
    if (state->control->onProgress)
        state->control->onProgress(p);
    return cancelRequested(*state->control) ? 0 : 1;
}

// An EVP_PKEY_CTX for `algorithm`, set up for key generation with the callback attached.
Result<detail::EvpPkeyCtxPtr> keygenContext(const char* algorithm, CallbackState& state)
{
    detail::EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, algorithm, nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1)
        return fail(detail::opensslError(
            ErrorCode::CryptoFailure, QStringLiteral("cannot set up %1 key generation").arg(QLatin1String(algorithm))));
    EVP_PKEY_CTX_set_app_data(ctx.get(), &state);
    EVP_PKEY_CTX_set_cb(ctx.get(), keygenCallback);
    return ctx;
}

Result<Key> generateSecret(int bits)
{
    if (bits == 0)
        bits = 256;
    if (bits <= 0 || bits % 8 != 0 || bits > 8192)
        return fail(ErrorCode::Usage, QStringLiteral("an HMAC key must be a whole number of bytes, at most 1024"));
    QByteArray buf(bits / 8, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(buf.data()), static_cast<int>(buf.size())) != 1)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("no randomness available")));
    auto data = std::make_shared<detail::KeyData>();
    data->format = KeyFormat::Generated;
    data->type = KeyType::Oct;
    data->secret = SecureBytes(buf);
    data->bits = bits;
    data->hasPrivate = true;
    wipe(buf);
    return Key(std::move(data));
}

} // namespace

Result<Key> generateKey(KeyType type, Curve curve, int bits)
{
    return generateKey(type, curve, bits, KeyGenerationControl{});
}

Result<Key> generateKey(KeyType type, Curve curve, int bits, const KeyGenerationControl& control)
{
    // Arguments are checked first, so a refused request says why even when it was also cancelled.
    const char* algorithm = nullptr;
    switch (type) {
    case KeyType::Oct:
        if (cancelRequested(control))
            return cancelled();
        return generateSecret(bits);
    case KeyType::RSA:
        if (bits == 0)
            bits = 2048;
        if (bits < 2048 || bits > detail::kMaxRsaBits)
            return fail(ErrorCode::Usage,
                        QStringLiteral("RSA keys are generated with 2048 to %1 bits").arg(detail::kMaxRsaBits));
        algorithm = "RSA";
        break;
    case KeyType::EC:
        if (curve != Curve::P256 && curve != Curve::P384 && curve != Curve::P521 && curve != Curve::Secp256k1)
            return fail(ErrorCode::Usage, QStringLiteral("EC keys need P-256, P-384, P-521 or secp256k1"));
        algorithm = "EC";
        break;
    case KeyType::OKP:
        if (curve != Curve::Ed25519 && curve != Curve::Ed448 && curve != Curve::X25519 && curve != Curve::X448)
            return fail(ErrorCode::Usage, QStringLiteral("OKP keys need Ed25519, Ed448, X25519 or X448"));
        algorithm = detail::opensslCurveName(curve);
        break;
    }
    if (algorithm == nullptr)
        return fail(ErrorCode::Usage, QStringLiteral("unknown key type"));
    if (cancelRequested(control))
        return cancelled();

    CallbackState state;
    state.control = &control;
    Result<detail::EvpPkeyCtxPtr> ctx = keygenContext(algorithm, state);
    if (!ctx)
        return fail(ctx.error());
    if (type == KeyType::RSA && EVP_PKEY_CTX_set_rsa_keygen_bits(ctx->get(), bits) != 1)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot set the RSA key size")));
    if (type == KeyType::EC && EVP_PKEY_CTX_set_group_name(ctx->get(), detail::opensslCurveName(curve)) != 1)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot set the EC curve")));

    EVP_PKEY* pkey = nullptr;
    const int generated = EVP_PKEY_generate(ctx->get(), &pkey);
    detail::EvpPkeyPtr owned(pkey);
    // The callback's refusal is the only way a cancel shows up here: OpenSSL reports it as a plain failure.
    if (cancelRequested(control)) {
        detail::clearOpensslErrors();
        return cancelled();
    }
    if (generated != 1 || !owned)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("key generation failed")));

    auto data = std::make_shared<detail::KeyData>();
    data->format = KeyFormat::Generated;
    data->pkey = std::move(owned);
    if (auto ok = detail::inspectAndValidate(*data, true); !ok)
        return fail(ok.error());
    return Key(std::move(data));
}

} // namespace assay
