// SPDX-License-Identifier: Apache-2.0
// JWK export (RFC 7517) and JWK thumbprints (RFC 7638).
#include "jwk/Key.h"

#include "crypto/detail/Digests.h"
#include "crypto/detail/KeyData.h"
#include "crypto/detail/KeyInspect.h"
#include "crypto/detail/OsslError.h"
#include "encoding/Base64Url.h"

#include <openssl/core_names.h>
#include <openssl/err.h>

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace assay {
namespace {

using Members = std::vector<std::pair<std::string, std::string>>;

struct JwkMembers
{
    Members required; // RFC 7638 section 3.2: in lexicographic order already
    Members privates; // d, p, q, dp, dq, qi (the order of RFC 7518 section 6.3.2)

    ~JwkMembers()
    {
        for (auto& [name, value] : privates)
            OPENSSL_cleanse(value.data(), value.size());
    }
};

std::string b64u(QByteArrayView bytes)
{
    return base64url::encode(bytes).toStdString();
}

// A BIGNUM as base64url: minimal big-endian bytes (Base64urlUInt) when width is 0, else left-padded to width.
Result<std::string> bnMember(EVP_PKEY* pkey, const char* param, int width, bool required)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, param, &raw) != 1) {
        ERR_clear_error();
        if (required)
            return fail(ErrorCode::CryptoFailure,
                        QStringLiteral("cannot read key component %1").arg(QLatin1String(param)), Segment::Key);
        return std::string();
    }
    detail::SecureBignumPtr bn(raw);
    const int len = width > 0 ? width : std::max(1, BN_num_bytes(bn.get()));
    QByteArray buf(len, '\0');
    if (BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char*>(buf.data()), len) != len)
        return fail(ErrorCode::CryptoFailure, QStringLiteral("key component larger than expected"), Segment::Key);
    std::string out = b64u(buf);
    wipe(buf);
    return out;
}

Result<JwkMembers> members(const detail::KeyData& k, bool includePrivate)
{
    JwkMembers m;
    EVP_PKEY* pkey = k.pkey.get();
    switch (k.type) {
    case KeyType::Oct:
        if (includePrivate)
            m.required.emplace_back("k", b64u(k.secret.view()));
        m.required.emplace_back("kty", "oct");
        return m;
    case KeyType::RSA: {
        auto e = bnMember(pkey, OSSL_PKEY_PARAM_RSA_E, 0, true);
        auto n = bnMember(pkey, OSSL_PKEY_PARAM_RSA_N, 0, true);
        if (!e || !n)
            return fail(!e ? e.error() : n.error());
        m.required = {{"e", *e}, {"kty", "RSA"}, {"n", *n}};
        if (!includePrivate || !k.hasPrivate)
            return m;
        static constexpr std::pair<const char*, const char*> privateParams[] = {
            {"d", OSSL_PKEY_PARAM_RSA_D},          {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},
            {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},    {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
            {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2}, {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1}};
        for (const auto& [name, param] : privateParams) {
            auto value = bnMember(pkey, param, 0, name == std::string_view("d"));
            if (!value)
                return fail(value.error());
            if (!value->empty())
                m.privates.emplace_back(name, std::move(*value));
        }
        return m;
    }
    case KeyType::EC: {
        const int width = detail::curveKeyBytes(k.curve);
        auto x = bnMember(pkey, OSSL_PKEY_PARAM_EC_PUB_X, width, true);
        auto y = bnMember(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, width, true);
        if (!x || !y)
            return fail(!x ? x.error() : y.error());
        m.required = {{"crv", curveName(k.curve).toStdString()}, {"kty", "EC"}, {"x", *x}, {"y", *y}};
        if (includePrivate && k.hasPrivate) {
            auto d = bnMember(pkey, OSSL_PKEY_PARAM_PRIV_KEY, width, true);
            if (!d)
                return fail(d.error());
            m.privates.emplace_back("d", std::move(*d));
        }
        return m;
    }
    case KeyType::OKP: {
        unsigned char buf[64];
        std::size_t len = sizeof buf;
        if (EVP_PKEY_get_raw_public_key(pkey, buf, &len) != 1)
            return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot read the public key"),
                                             Segment::Key));
        m.required = {{"crv", curveName(k.curve).toStdString()},
                      {"kty", "OKP"},
                      {"x", b64u(QByteArrayView(reinterpret_cast<const char*>(buf), static_cast<qsizetype>(len)))}};
        if (includePrivate && k.hasPrivate) {
            len = sizeof buf;
            if (EVP_PKEY_get_raw_private_key(pkey, buf, &len) != 1)
                return fail(detail::opensslError(ErrorCode::CryptoFailure,
                                                 QStringLiteral("cannot read the private key"), Segment::Key));
            m.privates.emplace_back(
                "d", b64u(QByteArrayView(reinterpret_cast<const char*>(buf), static_cast<qsizetype>(len))));
            OPENSSL_cleanse(buf, sizeof buf);
        }
        return m;
    }
    }
    return fail(ErrorCode::Internal, QStringLiteral("unknown key type"), Segment::Key);
}

} // namespace

Result<QByteArray> Key::toJwk(bool includePrivate) const
{
    if (!d)
        return fail(ErrorCode::KeyNotFound, QStringLiteral("no key"), Segment::Key);
    auto m = members(*d, includePrivate);
    if (!m)
        return fail(m.error());
    try {
        nlohmann::ordered_json jwk = nlohmann::ordered_json::object();
        for (const auto& [name, value] : m->required)
            jwk[name] = value;
        for (const auto& [name, value] : m->privates)
            jwk[name] = value;
        if (!d->kid.isEmpty())
            jwk["kid"] = d->kid.toStdString();
        if (!d->alg.isEmpty())
            jwk["alg"] = d->alg.toStdString();
        if (!d->use.isEmpty())
            jwk["use"] = d->use.toStdString();
        if (d->hasKeyOps) {
            auto ops = nlohmann::ordered_json::array();
            for (const QString& op : d->keyOps)
                ops.push_back(op.toStdString());
            jwk["key_ops"] = std::move(ops);
        }
        std::string text = jwk.dump();
        QByteArray out = QByteArray::fromStdString(text);
        OPENSSL_cleanse(text.data(), text.size());
        return out;
    } catch (const std::exception& error) {
        Error e;
        e.code = ErrorCode::Internal;
        e.message = QStringLiteral("cannot serialise the JWK");
        e.segment = Segment::Key;
        e.detail = QString::fromUtf8(error.what());
        return fail(std::move(e));
    }
}

Result<QString> Key::thumbprint(int shaBits) const
{
    if (!d)
        return fail(ErrorCode::KeyNotFound, QStringLiteral("no key"), Segment::Key);
    HashAlgorithm hash = HashAlgorithm::None;
    switch (shaBits) {
    case 256:
        hash = HashAlgorithm::Sha256;
        break;
    case 384:
        hash = HashAlgorithm::Sha384;
        break;
    case 512:
        hash = HashAlgorithm::Sha512;
        break;
    default:
        return fail(ErrorCode::Usage, QStringLiteral("thumbprint hash must be SHA-256, SHA-384 or SHA-512"));
    }
    // RFC 7638 section 3: the required members only (the secret "k" is required for oct), in lexicographic order,
    // no whitespace. Member values are base64url or registered names, so no JSON escaping is ever needed.
    auto m = members(*d, d->type == KeyType::Oct);
    if (!m)
        return fail(m.error());
    std::string canonical = "{";
    for (const auto& [name, value] : m->required) {
        if (canonical.size() > 1)
            canonical += ',';
        canonical += '"' + name + "\":\"" + value + '"';
    }
    canonical += '}';
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    const int ok = EVP_Digest(canonical.data(), canonical.size(), digest, &len, detail::fetchedDigest(hash), nullptr);
    OPENSSL_cleanse(canonical.data(), canonical.size());
    if (ok != 1)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("hashing failed"), Segment::Key));
    return QString::fromLatin1(base64url::encode(QByteArrayView(reinterpret_cast<const char*>(digest), len)));
}

} // namespace assay
