// SPDX-License-Identifier: Apache-2.0
#include "crypto/SignatureEngine.h"

#include "crypto/detail/Digests.h"
#include "crypto/detail/KeyData.h"
#include "crypto/detail/KeyInspect.h"
#include "crypto/detail/OsslError.h"
#include "jwk/Key.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

namespace assay::signature {
namespace {

using detail::KeyData;

int hashIndex(HashAlgorithm hash)
{
    switch (hash) {
    case HashAlgorithm::Sha256:
        return 0;
    case HashAlgorithm::Sha384:
        return 1;
    case HashAlgorithm::Sha512:
        return 2;
    case HashAlgorithm::None:
        break;
    }
    return -1;
}

Curve ecdsaCurve(JwsAlgorithm alg)
{
    switch (alg) {
    case JwsAlgorithm::ES256:
        return Curve::P256;
    case JwsAlgorithm::ES384:
        return Curve::P384;
    case JwsAlgorithm::ES512:
        return Curve::P521;
    case JwsAlgorithm::ES256K:
        return Curve::Secp256k1;
    default:
        break;
    }
    return Curve::None;
}

bool fits(const KeyData& key, JwsAlgorithm alg)
{
    switch (algorithmFamily(alg)) {
    case AlgorithmFamily::Hmac:
        return key.type == KeyType::Oct;
    case AlgorithmFamily::RsaPkcs1:
    case AlgorithmFamily::RsaPss:
        return key.type == KeyType::RSA && key.pkey != nullptr;
    case AlgorithmFamily::Ecdsa:
        return key.type == KeyType::EC && key.pkey != nullptr && key.curve == ecdsaCurve(alg);
    case AlgorithmFamily::EdDsa:
        if (key.type != KeyType::OKP || key.pkey == nullptr)
            return false;
        if (alg == JwsAlgorithm::Ed25519)
            return key.curve == Curve::Ed25519;
        if (alg == JwsAlgorithm::Ed448)
            return key.curve == Curve::Ed448;
        return key.curve == Curve::Ed25519 || key.curve == Curve::Ed448;
    case AlgorithmFamily::None:
        break;
    }
    return false;
}

int expectedLength(const KeyData& key, JwsAlgorithm alg)
{
    switch (algorithmFamily(alg)) {
    case AlgorithmFamily::Hmac:
        return hashLength(algorithmHash(alg));
    case AlgorithmFamily::RsaPkcs1:
    case AlgorithmFamily::RsaPss:
        return (key.bits + 7) / 8;
    case AlgorithmFamily::Ecdsa:
        return 2 * detail::curveKeyBytes(key.curve);
    case AlgorithmFamily::EdDsa:
        return key.curve == Curve::Ed448 ? 114 : 64;
    case AlgorithmFamily::None:
        break;
    }
    return 0;
}

// Checks shared by sign and verify; returns the key data when the pair can be used at all.
Result<const KeyData*> usable(const Key& key, JwsAlgorithm alg)
{
    const KeyData* data = key.data();
    if (data == nullptr)
        return fail(ErrorCode::KeyNotFound, QStringLiteral("no key given"), Segment::Key);
    if (alg == JwsAlgorithm::None)
        return fail(ErrorCode::AlgNone, QStringLiteral("\"none\" is not a signature algorithm"), Segment::Header);
    if (!fits(*data, alg)) {
        const QString what = data->type == KeyType::EC || data->type == KeyType::OKP
                                 ? keyTypeName(data->type) + QLatin1Char(' ') + curveName(data->curve)
                                 : keyTypeName(data->type);
        return fail(ErrorCode::AlgNotAllowedForKey,
                    QStringLiteral("%1 cannot be used with a %2 key").arg(jwsAlgorithmName(alg), what), Segment::Key);
    }
    if (data->type == KeyType::Oct && data->secret.isEmpty())
        return fail(ErrorCode::KeyEmptySecret, QStringLiteral("the HMAC key is empty"), Segment::Key);
    return data;
}

const unsigned char* bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char*>(v.data());
}

Result<QByteArray> hmac(const KeyData& key, HashAlgorithm hash, QByteArrayView input)
{
    const int index = hashIndex(hash);
    std::call_once(key.hmacOnce[index], [&key, hash, index] {
        detail::EvpMacCtxPtr ctx(EVP_MAC_CTX_new(detail::fetchedHmac()));
        if (!ctx)
            return;
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(detail::digestName(hash)), 0),
            OSSL_PARAM_construct_end()};
        if (EVP_MAC_init(ctx.get(), key.secret.data(), key.secret.size(), params) != 1)
            return;
        key.hmacTemplate[index] = std::move(ctx);
    });
    const EVP_MAC_CTX* keyed = key.hmacTemplate[index].get();
    if (keyed == nullptr)
        return fail(
            detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("HMAC is not available"), Segment::Key));
    detail::EvpMacCtxPtr ctx(EVP_MAC_CTX_dup(keyed));
    unsigned char out[EVP_MAX_MD_SIZE];
    std::size_t outLen = 0;
    if (!ctx || EVP_MAC_update(ctx.get(), bytes(input), static_cast<std::size_t>(input.size())) != 1 ||
        EVP_MAC_final(ctx.get(), out, &outLen, sizeof out) != 1)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("HMAC computation failed")));
    QByteArray mac(reinterpret_cast<const char*>(out), static_cast<qsizetype>(outLen));
    OPENSSL_cleanse(out, sizeof out);
    return mac;
}

// Sets every RSA parameter explicitly (STYLE.md): PKCS#1 v1.5, or PSS with MGF1 over the same hash and
// salt length = hash length on both sign and verify (OpenSSL's verify default accepts any salt: ATTACKS.md A15).
bool configureRsa(EVP_PKEY_CTX* pctx, AlgorithmFamily family, const EVP_MD* md, int hashLen)
{
    if (family == AlgorithmFamily::RsaPkcs1)
        return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1;
    if (family == AlgorithmFamily::RsaPss)
        return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
               EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, md) == 1 && EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, hashLen) == 1;
    return true;
}

Result<QByteArray> rsaEcEdSign(const KeyData& key, JwsAlgorithm alg, QByteArrayView input)
{
    const AlgorithmFamily family = algorithmFamily(alg);
    const HashAlgorithm hash = algorithmHash(alg);
    const EVP_MD* md = family == AlgorithmFamily::EdDsa ? nullptr : detail::fetchedDigest(hash);
    detail::EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr; // owned by ctx
    if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, key.pkey.get()) != 1 ||
        !configureRsa(pctx, family, md, hashLength(hash)))
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot start signing")));
    std::size_t len = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &len, bytes(input), static_cast<std::size_t>(input.size())) != 1)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("signing failed")));
    QByteArray sig(static_cast<qsizetype>(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, bytes(input),
                       static_cast<std::size_t>(input.size())) != 1)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("signing failed")));
    sig.resize(static_cast<qsizetype>(len));
    if (family != AlgorithmFamily::Ecdsa)
        return sig;

    // RFC 7518 section 3.4: JWS wants r || s, each left-padded to the curve's field size; OpenSSL gives DER.
    const unsigned char* p = bytes(sig);
    detail::EcdsaSigPtr ecdsa(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size())));
    if (!ecdsa)
        return fail(
            detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot decode the ECDSA signature")));
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(ecdsa.get(), &r, &s);
    const int half = detail::curveKeyBytes(key.curve);
    QByteArray fixed(2 * half, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(fixed.data());
    if (BN_bn2binpad(r, out, half) != half || BN_bn2binpad(s, out + half, half) != half)
        return fail(ErrorCode::CryptoFailure, QStringLiteral("ECDSA signature component larger than the curve"));
    return fixed;
}

// A DER ECDSA-Sig-Value (SEQUENCE of two INTEGERs) that parses completely.
bool looksLikeDer(QByteArrayView sig)
{
    if (sig.size() < 8 || static_cast<unsigned char>(sig[0]) != 0x30)
        return false;
    const unsigned char* p = bytes(sig);
    detail::EcdsaSigPtr parsed(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size())));
    ERR_clear_error();
    return parsed && p == bytes(sig) + sig.size();
}

Result<QByteArray> ecdsaToDer(const KeyData& key, QByteArrayView sig)
{
    const int half = detail::curveKeyBytes(key.curve);
    detail::BignumPtr r(BN_bin2bn(bytes(sig), half, nullptr));
    detail::BignumPtr s(BN_bin2bn(bytes(sig) + half, half, nullptr));
    detail::EcdsaSigPtr ecdsa(ECDSA_SIG_new());
    if (!r || !s || !ecdsa || ECDSA_SIG_set0(ecdsa.get(), r.get(), s.get()) != 1)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot build the ECDSA signature")));
    // ECDSA_SIG_set0 took ownership.
    (void)r.release();
    (void)s.release();
    // Size the buffer by asking i2d first (the HAProxy DER-conversion overflow, ATTACKS.md A13).
    const int derLen = i2d_ECDSA_SIG(ecdsa.get(), nullptr);
    if (derLen <= 0)
        return fail(
            detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot encode the ECDSA signature")));
    QByteArray der(derLen, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    if (i2d_ECDSA_SIG(ecdsa.get(), &out) != derLen)
        return fail(
            detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot encode the ECDSA signature")));
    return der;
}

Result<void> digestVerify(const KeyData& key, JwsAlgorithm alg, QByteArrayView input, QByteArrayView sig)
{
    const AlgorithmFamily family = algorithmFamily(alg);
    const HashAlgorithm hash = algorithmHash(alg);
    const EVP_MD* md = family == AlgorithmFamily::EdDsa ? nullptr : detail::fetchedDigest(hash);
    detail::EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr; // owned by ctx
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), &pctx, md, nullptr, key.pkey.get()) != 1 ||
        !configureRsa(pctx, family, md, hashLength(hash)))
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot start verification")));
    const int rc = EVP_DigestVerify(ctx.get(), bytes(sig), static_cast<std::size_t>(sig.size()), bytes(input),
                                    static_cast<std::size_t>(input.size()));
    if (rc == 1)
        return {};
    // OpenSSL reports malformed encodings (bad padding, r or s out of range) as errors rather than as 0; for the
    // caller both mean the signature is wrong, and OpenSSL's reason goes into the detail.
    return fail(detail::opensslError(ErrorCode::SignatureMismatch, QStringLiteral("signature verification failed"),
                                     Segment::Signature));
}

} // namespace

Result<QByteArray> sign(const Key& key, JwsAlgorithm alg, QByteArrayView signingInput)
{
    auto data = usable(key, alg);
    if (!data)
        return fail(data.error());
    const KeyData& k = **data;
    if (!k.hasPrivate)
        return fail(ErrorCode::KeyNotPrivate,
                    QStringLiteral("signing with %1 needs a private key").arg(jwsAlgorithmName(alg)), Segment::Key);
    if (algorithmFamily(alg) == AlgorithmFamily::Hmac)
        return hmac(k, algorithmHash(alg), signingInput);
    return rsaEcEdSign(k, alg, signingInput);
}

Result<void> verify(const Key& key, JwsAlgorithm alg, QByteArrayView signingInput, QByteArrayView signature)
{
    auto data = usable(key, alg);
    if (!data)
        return fail(data.error());
    const KeyData& k = **data;
    const AlgorithmFamily family = algorithmFamily(alg);
    const int expected = expectedLength(k, alg);
    // ATTACKS.md A03: the exact length first, before any cryptography or comparison.
    if (signature.size() != expected) {
        if (family == AlgorithmFamily::Ecdsa && looksLikeDer(signature))
            return fail(ErrorCode::SignatureDer,
                        QStringLiteral("the %1 signature is DER-encoded; JWS requires the fixed-length r||s form "
                                       "(RFC 7518 section 3.4)")
                            .arg(jwsAlgorithmName(alg)),
                        Segment::Signature);
        return fail(ErrorCode::SignatureLength,
                    QStringLiteral("%1 signature is %2 bytes, expected %3")
                        .arg(jwsAlgorithmName(alg))
                        .arg(signature.size())
                        .arg(expected),
                    Segment::Signature);
    }
    switch (family) {
    case AlgorithmFamily::Hmac: {
        auto mac = hmac(k, algorithmHash(alg), signingInput);
        if (!mac)
            return fail(mac.error());
        // ATTACKS.md A16: constant time, over the full (already equal) length.
        const bool same = CRYPTO_memcmp(mac->constData(), signature.data(), static_cast<std::size_t>(expected)) == 0;
        wipe(*mac);
        if (!same)
            return fail(ErrorCode::SignatureMismatch, QStringLiteral("HMAC does not match"), Segment::Signature);
        return {};
    }
    case AlgorithmFamily::Ecdsa: {
        auto der = ecdsaToDer(k, signature);
        if (!der)
            return fail(der.error());
        return digestVerify(k, alg, signingInput, *der);
    }
    case AlgorithmFamily::RsaPkcs1:
    case AlgorithmFamily::RsaPss:
    case AlgorithmFamily::EdDsa:
        return digestVerify(k, alg, signingInput, signature);
    case AlgorithmFamily::None:
        break;
    }
    return fail(ErrorCode::AlgUnsupported, QStringLiteral("unsupported algorithm"), Segment::Header);
}

bool keyFitsAlgorithm(const Key& key, JwsAlgorithm alg)
{
    const KeyData* data = key.data();
    return data != nullptr && fits(*data, alg);
}

int signatureLength(const Key& key, JwsAlgorithm alg)
{
    const KeyData* data = key.data();
    if (data == nullptr || !fits(*data, alg))
        return 0;
    return expectedLength(*data, alg);
}

} // namespace assay::signature
