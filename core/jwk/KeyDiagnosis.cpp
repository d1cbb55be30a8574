// SPDX-License-Identifier: Apache-2.0
#include "jwk/detail/KeyDiagnosis.h"

#include "crypto/SecureBytes.h"
#include "crypto/detail/KeyInspect.h"
#include "crypto/detail/OsslError.h"
#include "encoding/Base64Url.h"
#include "jwk/detail/KeyImport.h"

#include <openssl/core_names.h>

#include <string>

namespace assay::detail {
namespace {

QString describe(const Error& error)
{
    return QStringLiteral("%1 (%2)").arg(error.message, errorCodeName(error.code));
}

KeyFinding loadFailed(const Error& error)
{
    return KeyFinding{KeyFindingCode::LoadFailed, FindingSeverity::Error,
                      QStringLiteral("the key was refused: %1").arg(describe(error))};
}

KeyFinding privateMismatch(const Error& error)
{
    return KeyFinding{KeyFindingCode::PrivateMismatch, FindingSeverity::Error,
                      QStringLiteral("the public part is a valid key, but the private part does not belong to it: %1")
                          .arg(error.message)};
}

// e = 1 and even e, judged from the big-endian bytes alone (the loader has already refused the key).
void exponentFindings(const QByteArray& e, QList<KeyFinding>& out)
{
    qsizetype first = 0;
    while (first < e.size() && e[first] == 0)
        ++first;
    const bool zero = first == e.size();
    if (!zero && first == e.size() - 1 && e.back() == 1) {
        out.append(KeyFinding{KeyFindingCode::RsaExponentOne, FindingSeverity::Error,
                              QStringLiteral("the RSA public exponent is e = 1: the \"signature\" of any message is "
                                             "the padded message itself, so anyone can forge one")});
        return;
    }
    if (zero || (static_cast<unsigned char>(e.back()) & 1) == 0)
        out.append(KeyFinding{KeyFindingCode::RsaExponentEven, FindingSeverity::Error,
                              QStringLiteral("the RSA public exponent is even (or zero): that is not an RSA key")});
}

std::optional<QByteArray> memberBytes(const nlohmann::json& jwk, const char* name)
{
    const auto it = jwk.find(name);
    if (it == jwk.end() || !it->is_string())
        return std::nullopt;
    const std::string& text = it->get_ref<const std::string&>();
    auto decoded = base64url::decode(QByteArrayView(text.data(), static_cast<qsizetype>(text.size())));
    if (!decoded)
        return std::nullopt;
    return std::move(*decoded);
}

std::string stringMember(const nlohmann::json& jwk, const char* name)
{
    const auto it = jwk.find(name);
    return it != jwk.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool hasPrivateParam(EVP_PKEY* pkey)
{
    BIGNUM* bn = nullptr;
    const char* name = EVP_PKEY_is_a(pkey, "RSA") ? OSSL_PKEY_PARAM_RSA_D : OSSL_PKEY_PARAM_PRIV_KEY;
    if (EVP_PKEY_is_a(pkey, "RSA") || EVP_PKEY_is_a(pkey, "EC")) {
        const bool present = EVP_PKEY_get_bn_param(pkey, name, &bn) == 1;
        BN_clear_free(bn);
        clearOpensslErrors();
        return present;
    }
    std::size_t len = 0;
    const bool present = EVP_PKEY_get_raw_private_key(pkey, nullptr, &len) == 1 && len > 0;
    clearOpensslErrors();
    return present;
}

QByteArray rsaExponentBytes(EVP_PKEY* pkey)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &raw) != 1) {
        clearOpensslErrors();
        return {};
    }
    const BignumPtr e(raw);
    QByteArray bytes(std::max(1, BN_num_bytes(e.get())), '\0');
    BN_bn2binpad(e.get(), reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    return bytes;
}

} // namespace

QList<KeyFinding> diagnoseJwk(const nlohmann::json& jwk, const Error& error)
{
    QList<KeyFinding> out;
    if (!jwk.is_object()) {
        out.append(loadFailed(error));
        return out;
    }
    const std::string kty = stringMember(jwk, "kty");
    static constexpr const char* privateMembers[] = {"d", "p", "q", "dp", "dq", "qi", "oth"};
    nlohmann::json publicPart = jwk;
    bool hadPrivate = false;
    for (const char* name : privateMembers)
        hadPrivate = publicPart.erase(name) > 0 || hadPrivate;
    if (hadPrivate && kty != "oct" && error.code == ErrorCode::KeyInvalid) {
        if (keyFromJwkObject(publicPart)) {
            out.append(privateMismatch(error));
            return out;
        }
        clearOpensslErrors();
    }
    if (kty == "RSA") {
        if (const std::optional<QByteArray> e = memberBytes(jwk, "e"))
            exponentFindings(*e, out);
    } else if (kty == "EC" && error.code == ErrorCode::KeyInvalid) {
        // Coordinates of the right size that OpenSSL still refuses are a point off the curve.
        const Curve curve = ecCurveFromCrv(stringMember(jwk, "crv"));
        const std::optional<QByteArray> x = memberBytes(jwk, "x");
        const std::optional<QByteArray> y = memberBytes(jwk, "y");
        const int want = curveKeyBytes(curve);
        if (curve != Curve::None && x && y && x->size() == want && y->size() == want)
            out.append(KeyFinding{
                KeyFindingCode::EcPointNotOnCurve, FindingSeverity::Error,
                QStringLiteral("the point (x, y) is not on the %1 curve: %2").arg(curveName(curve), error.message)});
    }
    if (out.isEmpty())
        out.append(loadFailed(error));
    return out;
}

QList<KeyFinding> diagnoseEncodedKey(QByteArrayView data, const SecureBytes* passphrase, const Error& error)
{
    QList<KeyFinding> out;
    EVP_PKEY* raw = nullptr;
    // Any input type, structure and selection: this decoder only reads, it does not judge.
    DecoderCtxPtr ctx(OSSL_DECODER_CTX_new_for_pkey(&raw, nullptr, nullptr, nullptr, 0, nullptr, nullptr));
    if (ctx && passphrase != nullptr)
        OSSL_DECODER_CTX_set_passphrase(ctx.get(), passphrase->data(), passphrase->size());
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    std::size_t len = static_cast<std::size_t>(data.size());
    if (!ctx || OSSL_DECODER_from_data(ctx.get(), &p, &len) != 1 || raw == nullptr) {
        clearOpensslErrors();
        out.append(loadFailed(error));
        return out;
    }
    EvpPkeyPtr pkey(raw);
    if (error.code == ErrorCode::KeyInvalid && hasPrivateParam(pkey.get())) {
        if (auto pub = publicOnly(pkey.get())) {
            KeyData check;
            check.pkey = std::move(*pub);
            if (inspectAndValidate(check, false)) {
                out.append(privateMismatch(error));
                return out;
            }
        }
        clearOpensslErrors();
    }
    if (EVP_PKEY_is_a(pkey.get(), "RSA")) {
        const QByteArray e = rsaExponentBytes(pkey.get());
        if (!e.isEmpty())
            exponentFindings(e, out);
    }
    if (out.isEmpty())
        out.append(loadFailed(error));
    return out;
}

} // namespace assay::detail
