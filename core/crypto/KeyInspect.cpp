// SPDX-License-Identifier: Apache-2.0
#include "crypto/detail/KeyInspect.h"

#include "crypto/detail/OsslError.h"

#include <openssl/core_names.h>
#include <openssl/err.h>

#include <cstring>

namespace assay::detail {
namespace {

BignumPtr bnParam(EVP_PKEY* pkey, const char* name)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) {
        // A missing component is an answer here, not an error worth reporting.
        ERR_clear_error();
        return {};
    }
    return BignumPtr(bn);
}

Result<void> invalid(QString message)
{
    return fail(ErrorCode::KeyInvalid, std::move(message), Segment::Key);
}

// "Private matches public" for an RSA key with CRT factors, by arithmetic only: OpenSSL's own pairwise check
// also runs primality tests on p and q, which costs seconds for large moduli and proves nothing we need.
Result<void> checkRsaCrt(const BIGNUM* n, const BIGNUM* e, const BIGNUM* d, const BIGNUM* p, const BIGNUM* q,
                         const BIGNUM* dp, const BIGNUM* dq, const BIGNUM* qi)
{
    BnCtxPtr ctx(BN_CTX_secure_new());
    SecureBignumPtr t(BN_secure_new());
    SecureBignumPtr pm1(BN_secure_new());
    SecureBignumPtr qm1(BN_secure_new());
    if (!ctx || !t || !pm1 || !qm1)
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("out of memory"), Segment::Key));
    if (BN_is_zero(p) || BN_is_zero(q) || BN_is_one(p) || BN_is_one(q))
        return invalid(QStringLiteral("RSA prime factors p and q must be greater than 1"));
    if (BN_mul(t.get(), p, q, ctx.get()) != 1 || BN_cmp(t.get(), n) != 0)
        return invalid(QStringLiteral("RSA private key does not match the public key: p * q != n"));
    if (BN_sub(pm1.get(), p, BN_value_one()) != 1 || BN_sub(qm1.get(), q, BN_value_one()) != 1)
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("RSA arithmetic failed"), Segment::Key));
    // e * d == 1 modulo p-1 and q-1 (equivalent to modulo lcm(p-1, q-1)).
    for (const BIGNUM* m : {static_cast<const BIGNUM*>(pm1.get()), static_cast<const BIGNUM*>(qm1.get())}) {
        if (BN_mod_mul(t.get(), e, d, m, ctx.get()) != 1 || !BN_is_one(t.get()))
            return invalid(QStringLiteral("RSA private exponent d does not match e: e * d != 1 mod (p-1)(q-1)"));
    }
    if (BN_mod(t.get(), d, pm1.get(), ctx.get()) != 1 || BN_cmp(t.get(), dp) != 0)
        return invalid(QStringLiteral("RSA CRT exponent dp != d mod (p-1)"));
    if (BN_mod(t.get(), d, qm1.get(), ctx.get()) != 1 || BN_cmp(t.get(), dq) != 0)
        return invalid(QStringLiteral("RSA CRT exponent dq != d mod (q-1)"));
    if (BN_mod_mul(t.get(), qi, q, p, ctx.get()) != 1 || !BN_is_one(t.get()))
        return invalid(QStringLiteral("RSA CRT coefficient qi is not the inverse of q mod p"));
    return {};
}

// Without factors the only check is behavioural: (m^e)^d == m mod n for a couple of messages.
Result<void> checkRsaNoCrt(const BIGNUM* n, const BIGNUM* e, const BIGNUM* d)
{
    BnCtxPtr ctx(BN_CTX_secure_new());
    BignumPtr m(BN_new());
    BignumPtr c(BN_new());
    SecureBignumPtr back(BN_secure_new());
    if (!ctx || !m || !c || !back)
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("out of memory"), Segment::Key));
    for (const BN_ULONG word : {static_cast<BN_ULONG>(2), static_cast<BN_ULONG>(0x10001)}) {
        if (BN_set_word(m.get(), word) != 1 || BN_mod_exp(c.get(), m.get(), e, n, ctx.get()) != 1 ||
            BN_mod_exp(back.get(), c.get(), d, n, ctx.get()) != 1)
            return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("RSA arithmetic failed"), Segment::Key));
        if (BN_cmp(back.get(), m.get()) != 0)
            return invalid(QStringLiteral("RSA private exponent d does not match the public key"));
    }
    return {};
}

Result<void> inspectRsa(KeyData& data, bool hasPrivate)
{
    EVP_PKEY* pkey = data.pkey.get();
    data.type = KeyType::RSA;
    data.curve = Curve::None;
    const BignumPtr n = bnParam(pkey, OSSL_PKEY_PARAM_RSA_N);
    const BignumPtr e = bnParam(pkey, OSSL_PKEY_PARAM_RSA_E);
    if (!n || !e)
        return invalid(QStringLiteral("RSA key without modulus or public exponent"));
    data.bits = BN_num_bits(n.get());
    if (data.bits > kMaxRsaBits)
        return fail(
            ErrorCode::KeyTooLarge,
            QStringLiteral("RSA modulus of %1 bits is larger than the %2-bit limit").arg(data.bits).arg(kMaxRsaBits),
            Segment::Key);
    if (data.bits < kMinRsaBits || !BN_is_odd(n.get()))
        return invalid(QStringLiteral("RSA modulus of %1 bits is not a usable modulus").arg(data.bits));
    // ATTACKS.md A14/A24: e = 1 makes the "signature" the padded message itself; even e is not RSA; a huge e is
    // a denial of service on every verification.
    if (BN_num_bits(e.get()) > 64)
        return fail(ErrorCode::KeyTooLarge, QStringLiteral("RSA public exponent is larger than 2^64"), Segment::Key);
    if (BN_is_zero(e.get()) || BN_is_one(e.get()))
        return invalid(QStringLiteral("RSA public exponent e = %1 is not allowed").arg(BN_is_one(e.get()) ? 1 : 0));
    if (!BN_is_odd(e.get()))
        return invalid(QStringLiteral("RSA public exponent e must be odd"));
    if (BN_cmp(e.get(), n.get()) >= 0)
        return invalid(QStringLiteral("RSA public exponent e must be smaller than the modulus"));

    data.hasPrivate = hasPrivate;
    if (!hasPrivate)
        return {};
    if (bnParam(pkey, OSSL_PKEY_PARAM_RSA_FACTOR3))
        return fail(ErrorCode::KeyUnsupported, QStringLiteral("multi-prime RSA keys are not supported"), Segment::Key);
    const SecureBignumPtr d(bnParam(pkey, OSSL_PKEY_PARAM_RSA_D).release());
    if (!d || BN_is_zero(d.get()))
        return invalid(QStringLiteral("RSA private key without private exponent d"));
    const SecureBignumPtr p(bnParam(pkey, OSSL_PKEY_PARAM_RSA_FACTOR1).release());
    const SecureBignumPtr q(bnParam(pkey, OSSL_PKEY_PARAM_RSA_FACTOR2).release());
    const SecureBignumPtr dp(bnParam(pkey, OSSL_PKEY_PARAM_RSA_EXPONENT1).release());
    const SecureBignumPtr dq(bnParam(pkey, OSSL_PKEY_PARAM_RSA_EXPONENT2).release());
    const SecureBignumPtr qi(bnParam(pkey, OSSL_PKEY_PARAM_RSA_COEFFICIENT1).release());
    if (p && q && dp && dq && qi)
        return checkRsaCrt(n.get(), e.get(), d.get(), p.get(), q.get(), dp.get(), dq.get(), qi.get());
    if (p || q || dp || dq || qi)
        return invalid(QStringLiteral("RSA private key has some but not all CRT parameters (p, q, dp, dq, qi)"));
    return checkRsaNoCrt(n.get(), e.get(), d.get());
}

Curve curveFromGroupName(const char* name)
{
    struct Alias
    {
        const char* name;
        Curve curve;
    };
    static constexpr Alias aliases[] = {
        {"prime256v1", Curve::P256}, {"P-256", Curve::P256},          {"secp256r1", Curve::P256},
        {"secp384r1", Curve::P384},  {"P-384", Curve::P384},          {"secp521r1", Curve::P521},
        {"P-521", Curve::P521},      {"secp256k1", Curve::Secp256k1},
    };
    for (const auto& a : aliases) {
        if (std::strcmp(a.name, name) == 0)
            return a.curve;
    }
    return Curve::None;
}

Result<void> inspectEc(KeyData& data, bool hasPrivate)
{
    EVP_PKEY* pkey = data.pkey.get();
    data.type = KeyType::EC;
    char group[64] = {};
    std::size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) != 1) {
        ERR_clear_error();
        return fail(ErrorCode::KeyUnsupported,
                    QStringLiteral("EC key with explicit curve parameters (only named curves are supported)"),
                    Segment::Key);
    }
    data.curve = curveFromGroupName(group);
    if (data.curve == Curve::None)
        return fail(ErrorCode::KeyUnsupported,
                    QStringLiteral("EC curve %1 is not used by JOSE").arg(QString::fromUtf8(group)), Segment::Key);
    data.bits = EVP_PKEY_get_bits(pkey);
    data.hasPrivate = hasPrivate;

    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
    if (!ctx)
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot check the EC key"), Segment::Key));
    // Full public check: on the curve, not infinity, in the prime-order subgroup (invalid-curve attacks).
    if (EVP_PKEY_public_check(ctx.get()) != 1)
        return fail(
            opensslError(ErrorCode::KeyInvalid, QStringLiteral("EC public point is not on the curve"), Segment::Key));
    if (hasPrivate) {
        if (EVP_PKEY_private_check(ctx.get()) != 1)
            return fail(opensslError(ErrorCode::KeyInvalid,
                                     QStringLiteral("EC private scalar is out of range for the curve"), Segment::Key));
        if (EVP_PKEY_pairwise_check(ctx.get()) != 1)
            return fail(opensslError(ErrorCode::KeyInvalid,
                                     QStringLiteral("EC private key does not match the public point"), Segment::Key));
    }
    return {};
}

} // namespace

int curveKeyBytes(Curve curve)
{
    switch (curve) {
    case Curve::P256:
        return 32;
    case Curve::P384:
        return 48;
    case Curve::P521:
        return 66;
    case Curve::Secp256k1:
        return 32;
    case Curve::Ed25519:
        return 32;
    case Curve::Ed448:
        return 57;
    case Curve::X25519:
        return 32;
    case Curve::X448:
        return 56;
    case Curve::None:
        break;
    }
    return 0;
}

const char* opensslCurveName(Curve curve)
{
    switch (curve) {
    case Curve::P256:
        return "P-256";
    case Curve::P384:
        return "P-384";
    case Curve::P521:
        return "P-521";
    case Curve::Secp256k1:
        return "secp256k1";
    case Curve::Ed25519:
        return "ED25519";
    case Curve::Ed448:
        return "ED448";
    case Curve::X25519:
        return "X25519";
    case Curve::X448:
        return "X448";
    case Curve::None:
        break;
    }
    return nullptr;
}

Result<void> inspectAndValidate(KeyData& data, bool hasPrivate)
{
    EVP_PKEY* pkey = data.pkey.get();
    if (pkey == nullptr)
        return fail(ErrorCode::Internal, QStringLiteral("no key to inspect"), Segment::Key);
    if (EVP_PKEY_is_a(pkey, "RSA"))
        return inspectRsa(data, hasPrivate);
    if (EVP_PKEY_is_a(pkey, "RSA-PSS"))
        return fail(
            ErrorCode::KeyUnsupported,
            QStringLiteral("RSA-PSS restricted keys (id-RSASSA-PSS) are not supported; use an rsaEncryption key"),
            Segment::Key);
    if (EVP_PKEY_is_a(pkey, "EC"))
        return inspectEc(data, hasPrivate);

    struct Okp
    {
        const char* name;
        Curve curve;
        int bits;
    };
    static constexpr Okp okps[] = {{"ED25519", Curve::Ed25519, 255},
                                   {"ED448", Curve::Ed448, 448},
                                   {"X25519", Curve::X25519, 255},
                                   {"X448", Curve::X448, 448}};
    for (const auto& o : okps) {
        if (EVP_PKEY_is_a(pkey, o.name)) {
            data.type = KeyType::OKP;
            data.curve = o.curve;
            data.bits = o.bits;
            data.hasPrivate = hasPrivate;
            return {};
        }
    }
    const char* typeName = EVP_PKEY_get0_type_name(pkey);
    return fail(ErrorCode::KeyUnsupported,
                QStringLiteral("%1 keys are not used by JWS")
                    .arg(typeName ? QString::fromUtf8(typeName) : QStringLiteral("these")),
                Segment::Key);
}

Result<EvpPkeyPtr> publicOnly(EVP_PKEY* pkey)
{
    OSSL_PARAM* raw = nullptr;
    if (EVP_PKEY_todata(pkey, EVP_PKEY_PUBLIC_KEY, &raw) != 1)
        return fail(
            opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot export the public key"), Segment::Key));
    ParamPtr params(raw);
    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, EVP_PKEY_get0_type_name(pkey), nullptr));
    EVP_PKEY* out = nullptr;
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &out, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return fail(
            opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot build the public key"), Segment::Key));
    return EvpPkeyPtr(out);
}

} // namespace assay::detail
