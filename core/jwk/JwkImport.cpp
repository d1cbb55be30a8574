// SPDX-License-Identifier: Apache-2.0
// JWK (RFC 7517, RFC 7518 section 6, RFC 8037) and JWKS import: strict members, exact sizes, and a key that
// OpenSSL has checked (point on curve, private matches public) before anyone can use it.
#include "jwk/detail/KeyImport.h"

#include "crypto/detail/KeyInspect.h"
#include "crypto/detail/OsslError.h"
#include "encoding/Base64Url.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>

#include <QSet>

#include <set>
#include <string>
#include <vector>

namespace assay::detail {
namespace {

using json = nlohmann::json;

// Thrown from the parser callback to stop at the first duplicate or too-deep value; caught in parseJwkJson.
struct JsonRejected
{
    ErrorCode code;
    QString message;
};

// Byte offset -> 1-based line and column, as editors count them.
void locate(QByteArrayView text, std::size_t byteOffset, Error& e)
{
    const auto end = std::min<qsizetype>(static_cast<qsizetype>(byteOffset), text.size());
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    e.line = line;
    e.column = column;
    e.offset = end;
}

Error keyError(ErrorCode code, QString message)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.segment = Segment::Key;
    return e;
}

QString member(const char* name)
{
    return QStringLiteral("\"%1\"").arg(QLatin1String(name));
}

// An optional string member; present-but-not-a-string is an error.
Result<std::optional<std::string>> optionalString(const json& jwk, const char* name)
{
    const auto it = jwk.find(name);
    if (it == jwk.end())
        return std::nullopt;
    if (!it->is_string())
        return fail(
            keyError(ErrorCode::KeyInvalid, QStringLiteral("JWK member %1 must be a string").arg(member(name))));
    return it->get<std::string>();
}

// An optional base64url member (RFC 7515 section 2 strict decoding), decoded.
Result<std::optional<QByteArray>> optionalBytes(const json& jwk, const char* name)
{
    auto text = optionalString(jwk, name);
    if (!text)
        return fail(text.error());
    if (!*text)
        return std::nullopt;
    const std::string& s = **text;
    auto decoded = base64url::decode(QByteArrayView(s.data(), static_cast<qsizetype>(s.size())), Segment::Key);
    if (!decoded) {
        Error e = decoded.error();
        e.message = QStringLiteral("JWK member %1: %2").arg(member(name), e.message);
        return fail(std::move(e));
    }
    return std::optional<QByteArray>(std::move(*decoded));
}

Result<QByteArray> requiredBytes(const json& jwk, const char* name, const QString& kty)
{
    auto bytes = optionalBytes(jwk, name);
    if (!bytes)
        return fail(bytes.error());
    if (!*bytes)
        return fail(keyError(ErrorCode::KeyInvalid,
                             QStringLiteral("%1 JWK without the required member %2").arg(kty, member(name))));
    return std::move(**bytes);
}

// Wipes the decoded private members when the import is done, successful or not.
struct WipeOnExit
{
    std::vector<QByteArray*> items;
    ~WipeOnExit()
    {
        for (QByteArray* b : items)
            wipe(*b);
    }
};

Result<void> readMetadata(const json& jwk, KeyData& data)
{
    for (auto [name, target] :
         {std::pair{"kid", &data.kid}, std::pair{"alg", &data.alg}, std::pair{"use", &data.use}}) {
        auto value = optionalString(jwk, name);
        if (!value)
            return fail(value.error());
        if (*value)
            *target = QString::fromStdString(**value);
    }
    const auto ops = jwk.find("key_ops");
    if (ops != jwk.end()) {
        if (!ops->is_array())
            return fail(keyError(ErrorCode::KeyInvalid, QStringLiteral("JWK member \"key_ops\" must be an array")));
        data.hasKeyOps = true;
        for (const auto& op : *ops) {
            if (!op.is_string())
                return fail(
                    keyError(ErrorCode::KeyInvalid, QStringLiteral("JWK member \"key_ops\" must hold only strings")));
            const QString value = QString::fromStdString(op.get<std::string>());
            // RFC 7517 section 4.3: duplicate key operation values MUST NOT be present.
            if (data.keyOps.contains(value))
                return fail(
                    keyError(ErrorCode::KeyInvalid, QStringLiteral("JWK \"key_ops\" lists \"%1\" twice").arg(value)));
            data.keyOps.append(value);
        }
    }
    return {};
}

BignumPtr toBn(const QByteArray& bytes, bool secret)
{
    BignumPtr bn(secret ? BN_secure_new() : BN_new());
    if (!bn || BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.constData()), static_cast<int>(bytes.size()),
                         bn.get()) == nullptr)
        return {};
    return bn;
}

Result<EvpPkeyPtr> fromData(const char* type, ParamBldPtr& bld, int selection)
{
    ParamPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* out = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &out, selection, params.get()) != 1)
        return fail(
            opensslError(ErrorCode::KeyInvalid, QStringLiteral("OpenSSL refused the key material"), Segment::Key));
    return EvpPkeyPtr(out);
}

int bitLength(const QByteArray& bigEndian)
{
    qsizetype i = 0;
    while (i < bigEndian.size() && bigEndian[i] == 0)
        ++i;
    if (i == bigEndian.size())
        return 0;
    int topBits = 0;
    for (auto top = static_cast<unsigned char>(bigEndian[i]); top != 0; top >>= 1)
        ++topBits;
    return static_cast<int>((bigEndian.size() - i - 1) * 8) + topBits;
}

Result<void> importRsa(const json& jwk, KeyData& data)
{
    const QString kty = QStringLiteral("RSA");
    auto n = requiredBytes(jwk, "n", kty);
    if (!n)
        return fail(n.error());
    auto e = requiredBytes(jwk, "e", kty);
    if (!e)
        return fail(e.error());
    // ATTACKS.md A24: refuse an oversized modulus before OpenSSL does anything with it.
    const int nBits = bitLength(*n);
    if (nBits > kMaxRsaBits)
        return fail(keyError(
            ErrorCode::KeyTooLarge,
            QStringLiteral("RSA modulus of %1 bits is larger than the %2-bit limit").arg(nBits).arg(kMaxRsaBits)));
    if (bitLength(*e) > 64)
        return fail(keyError(ErrorCode::KeyTooLarge, QStringLiteral("RSA public exponent is larger than 2^64")));
    if (jwk.contains("oth"))
        return fail(
            keyError(ErrorCode::KeyUnsupported, QStringLiteral("multi-prime RSA keys (\"oth\") are not supported")));

    static constexpr const char* privateNames[] = {"d", "p", "q", "dp", "dq", "qi"};
    static constexpr const char* paramNames[] = {OSSL_PKEY_PARAM_RSA_D,         OSSL_PKEY_PARAM_RSA_FACTOR1,
                                                 OSSL_PKEY_PARAM_RSA_FACTOR2,   OSSL_PKEY_PARAM_RSA_EXPONENT1,
                                                 OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
    std::optional<QByteArray> priv[6];
    WipeOnExit wiper;
    for (int i = 0; i < 6; ++i) {
        auto value = optionalBytes(jwk, privateNames[i]);
        if (!value)
            return fail(value.error());
        priv[i] = std::move(*value);
        if (priv[i])
            wiper.items.push_back(&*priv[i]);
    }
    const bool hasD = priv[0].has_value();
    int crtCount = 0;
    for (int i = 1; i < 6; ++i)
        crtCount += priv[i] ? 1 : 0;
    if (!hasD && crtCount > 0)
        return fail(keyError(ErrorCode::KeyInvalid, QStringLiteral("RSA JWK has CRT parameters but no \"d\"")));
    if (crtCount != 0 && crtCount != 5)
        return fail(keyError(ErrorCode::KeyInvalid,
                             QStringLiteral("RSA JWK must have all of \"p\", \"q\", \"dp\", \"dq\", \"qi\" or none")));

    ParamBldPtr bld(OSSL_PARAM_BLD_new());
    BignumPtr nBn = toBn(*n, false);
    BignumPtr eBn = toBn(*e, false);
    if (!bld || !nBn || !eBn || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, nBn.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, eBn.get()) != 1)
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot build the RSA key"), Segment::Key));
    std::vector<SecureBignumPtr> secrets; // must outlive OSSL_PARAM_BLD_to_param
    for (int i = 0; i < 6; ++i) {
        if (!priv[i])
            continue;
        BignumPtr bn = toBn(*priv[i], true);
        if (!bn || OSSL_PARAM_BLD_push_BN(bld.get(), paramNames[i], bn.get()) != 1)
            return fail(
                opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot build the RSA key"), Segment::Key));
        secrets.emplace_back(bn.release());
    }
    auto pkey = fromData("RSA", bld, hasD ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY);
    if (!pkey)
        return fail(pkey.error());
    data.pkey = std::move(*pkey);
    return inspectAndValidate(data, hasD);
}

Curve okpCurve(const std::string& crv)
{
    if (crv == "Ed25519")
        return Curve::Ed25519;
    if (crv == "Ed448")
        return Curve::Ed448;
    if (crv == "X25519")
        return Curve::X25519;
    if (crv == "X448")
        return Curve::X448;
    return Curve::None;
}

Result<Curve> readCurve(const json& jwk, const QString& kty, Curve (*map)(const std::string&))
{
    auto crv = optionalString(jwk, "crv");
    if (!crv)
        return fail(crv.error());
    if (!*crv)
        return fail(keyError(ErrorCode::KeyInvalid, QStringLiteral("%1 JWK without \"crv\"").arg(kty)));
    const Curve curve = map(**crv);
    if (curve == Curve::None)
        return fail(
            keyError(ErrorCode::KeyUnsupported,
                     QStringLiteral("%1 curve \"%2\" is not supported").arg(kty, QString::fromStdString(**crv))));
    return curve;
}

// RFC 7518 section 6.2.1.2/6.2.2.1 and RFC 8037 section 2: coordinates and private values have the curve's exact
// length, never shortened or padded.
Result<void> checkLength(const QByteArray& value, const char* name, Curve curve)
{
    const int want = curveKeyBytes(curve);
    if (value.size() != want)
        return fail(keyError(ErrorCode::KeyInvalid, QStringLiteral("JWK member %1 is %2 bytes; %3 needs exactly %4")
                                                        .arg(member(name))
                                                        .arg(value.size())
                                                        .arg(curveName(curve))
                                                        .arg(want)));
    return {};
}

Result<void> importEc(const json& jwk, KeyData& data)
{
    const QString kty = QStringLiteral("EC");
    auto curve = readCurve(jwk, kty, ecCurveFromCrv);
    if (!curve)
        return fail(curve.error());
    auto x = requiredBytes(jwk, "x", kty);
    if (!x)
        return fail(x.error());
    auto y = requiredBytes(jwk, "y", kty);
    if (!y)
        return fail(y.error());
    auto d = optionalBytes(jwk, "d");
    if (!d)
        return fail(d.error());
    WipeOnExit wiper;
    if (*d)
        wiper.items.push_back(&**d);
    for (auto [value, name] : {std::pair{&*x, "x"}, std::pair{&*y, "y"}}) {
        if (auto ok = checkLength(*value, name, *curve); !ok)
            return ok;
    }
    if (*d) {
        if (auto ok = checkLength(**d, "d", *curve); !ok)
            return ok;
    }

    const QByteArray point = QByteArray(1, '\x04') + *x + *y; // SEC 1 uncompressed point
    ParamBldPtr bld(OSSL_PARAM_BLD_new());
    BignumPtr dBn = *d ? toBn(**d, true) : BignumPtr();
    if (!bld ||
        OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, opensslCurveName(*curve), 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         static_cast<std::size_t>(point.size())) != 1 ||
        (*d && (!dBn || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, dBn.get()) != 1)))
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot build the EC key"), Segment::Key));
    auto pkey = fromData("EC", bld, *d ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY);
    SecureBignumPtr wipeD(dBn.release());
    if (!pkey) {
        Error e = pkey.error();
        e.message = QStringLiteral("EC public point is not on the %1 curve").arg(curveName(*curve));
        return fail(std::move(e));
    }
    data.pkey = std::move(*pkey);
    if (auto ok = inspectAndValidate(data, d->has_value()); !ok)
        return ok;
    if (data.curve != *curve)
        return fail(keyError(ErrorCode::KeyInvalid, QStringLiteral("EC key does not lie on the named curve")));
    return {};
}

Result<void> importOkp(const json& jwk, KeyData& data)
{
    const QString kty = QStringLiteral("OKP");
    auto curve = readCurve(jwk, kty, okpCurve);
    if (!curve)
        return fail(curve.error());
    auto x = requiredBytes(jwk, "x", kty);
    if (!x)
        return fail(x.error());
    auto d = optionalBytes(jwk, "d");
    if (!d)
        return fail(d.error());
    WipeOnExit wiper;
    if (*d)
        wiper.items.push_back(&**d);
    if (auto ok = checkLength(*x, "x", *curve); !ok)
        return ok;
    const char* name = opensslCurveName(*curve);
    EVP_PKEY* raw = nullptr;
    if (*d) {
        if (auto ok = checkLength(**d, "d", *curve); !ok)
            return ok;
        raw = EVP_PKEY_new_raw_private_key_ex(nullptr, name, nullptr,
                                              reinterpret_cast<const unsigned char*>((*d)->constData()),
                                              static_cast<std::size_t>((*d)->size()));
    } else {
        raw = EVP_PKEY_new_raw_public_key_ex(nullptr, name, nullptr,
                                             reinterpret_cast<const unsigned char*>(x->constData()),
                                             static_cast<std::size_t>(x->size()));
    }
    if (raw == nullptr)
        return fail(opensslError(ErrorCode::KeyInvalid,
                                 QStringLiteral("OpenSSL refused the %1 key").arg(curveName(*curve)), Segment::Key));
    data.pkey.reset(raw);
    if (*d) {
        // Private matches public: derive the public key from d and compare it with x.
        unsigned char derived[64];
        std::size_t derivedLen = sizeof derived;
        if (EVP_PKEY_get_raw_public_key(raw, derived, &derivedLen) != 1)
            return fail(
                opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot derive the public key"), Segment::Key));
        if (derivedLen != static_cast<std::size_t>(x->size()) ||
            CRYPTO_memcmp(derived, x->constData(), derivedLen) != 0)
            return fail(keyError(ErrorCode::KeyInvalid, QStringLiteral("OKP private key \"d\" does not match \"x\"")));
    }
    return inspectAndValidate(data, d->has_value());
}

Result<void> importOct(const json& jwk, KeyData& data)
{
    auto k = requiredBytes(jwk, "k", QStringLiteral("oct"));
    if (!k)
        return fail(k.error());
    WipeOnExit wiper{{&*k}};
    // ATTACKS.md A10: an empty HMAC key authenticates nothing.
    if (k->isEmpty())
        return fail(keyError(ErrorCode::KeyEmptySecret, QStringLiteral("oct JWK with an empty \"k\"")));
    data.type = KeyType::Oct;
    data.curve = Curve::None;
    data.secret = SecureBytes(*k);
    data.bits = static_cast<int>(k->size() * 8);
    data.hasPrivate = true;
    return {};
}

// RFC 7517 section 4.7: the first x5c certificate must hold this very key; its facts are kept.
Result<void> checkX5c(const json& jwk, KeyData& data)
{
    const auto it = jwk.find("x5c");
    if (it == jwk.end())
        return {};
    if (!it->is_array() || it->empty() || !(*it)[0].is_string())
        return fail(
            keyError(ErrorCode::KeyInvalid, QStringLiteral("JWK member \"x5c\" must be a non-empty array of strings")));
    if (data.type == KeyType::Oct)
        return fail(keyError(ErrorCode::KeyInvalid, QStringLiteral("an oct JWK cannot carry \"x5c\"")));
    const std::string& text = (*it)[0].get_ref<const std::string&>();
    // x5c is standard base64 (RFC 7517 section 4.7), not base64url.
    auto decoded =
        QByteArray::fromBase64Encoding(QByteArray::fromStdString(text), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(keyError(ErrorCode::KeyInvalid, QStringLiteral("JWK \"x5c\" certificate is not valid base64")));
    auto cert = keyFromCertificateDer(*decoded, KeyFormat::DerCertificate);
    if (!cert) {
        Error e = cert.error();
        e.message = QStringLiteral("JWK \"x5c\" certificate: %1").arg(e.message);
        return fail(std::move(e));
    }
    if (EVP_PKEY_eq(data.pkey.get(), (*cert)->pkey.get()) != 1) {
        clearOpensslErrors();
        return fail(
            keyError(ErrorCode::KeyInvalid, QStringLiteral("the JWK's \"x5c\" certificate holds a different key")));
    }
    data.certificate = (*cert)->certificate;
    return {};
}

} // namespace

Result<nlohmann::json> parseJwkJson(QByteArrayView text)
{
    if (text.size() > kMaxKeyInput)
        return fail(ErrorCode::InputTooLarge, QStringLiteral("key input larger than %1 bytes").arg(kMaxKeyInput),
                    Segment::Key);
    std::vector<std::set<std::string>> objects;
    const json::parser_callback_t callback = [&objects](int depth, json::parse_event_t event, json& parsed) {
        if (depth > kMaxJwkDepth)
            throw JsonRejected{ErrorCode::JsonTooDeep,
                               QStringLiteral("JSON nested deeper than %1 levels").arg(kMaxJwkDepth)};
        switch (event) {
        case json::parse_event_t::object_start:
            objects.emplace_back();
            break;
        case json::parse_event_t::object_end:
            if (!objects.empty())
                objects.pop_back();
            break;
        case json::parse_event_t::key:
            if (!objects.empty() && !objects.back().insert(parsed.get<std::string>()).second)
                throw JsonRejected{
                    ErrorCode::JsonDuplicateMember,
                    QStringLiteral("duplicate member \"%1\"").arg(QString::fromStdString(parsed.get<std::string>()))};
            break;
        default:
            break;
        }
        return true;
    };
    try {
        const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
        return json::parse(begin, begin + text.size(), callback, true, false);
    } catch (const JsonRejected& rejected) {
        Error e = keyError(rejected.code, rejected.message);
        return fail(std::move(e));
    } catch (const json::parse_error& error) {
        Error e = keyError(ErrorCode::JsonSyntax, QStringLiteral("invalid JSON"));
        e.detail = QString::fromUtf8(error.what());
        if (error.byte > 0)
            locate(text, error.byte - 1, e);
        return fail(std::move(e));
    } catch (const std::exception& error) {
        Error e = keyError(ErrorCode::JsonSyntax, QStringLiteral("invalid JSON"));
        e.detail = QString::fromUtf8(error.what());
        return fail(std::move(e));
    }
}

Result<Key> keyFromJwkObject(const nlohmann::json& jwk)
{
    try {
        if (!jwk.is_object())
            return fail(keyError(ErrorCode::JsonNotObject, QStringLiteral("a JWK must be a JSON object")));
        auto kty = optionalString(jwk, "kty");
        if (!kty)
            return fail(kty.error());
        if (!*kty)
            return fail(keyError(ErrorCode::KeyInvalid, QStringLiteral("JWK without \"kty\"")));
        auto data = std::make_shared<KeyData>();
        data->format = KeyFormat::Jwk;
        Result<void> imported;
        if (**kty == "RSA")
            imported = importRsa(jwk, *data);
        else if (**kty == "EC")
            imported = importEc(jwk, *data);
        else if (**kty == "OKP")
            imported = importOkp(jwk, *data);
        else if (**kty == "oct")
            imported = importOct(jwk, *data);
        else
            return fail(keyError(ErrorCode::KeyUnsupported,
                                 QStringLiteral("unsupported kty \"%1\"").arg(QString::fromStdString(**kty))));
        if (!imported)
            return fail(imported.error());
        if (auto meta = readMetadata(jwk, *data); !meta)
            return fail(meta.error());
        if (auto x5c = checkX5c(jwk, *data); !x5c)
            return fail(x5c.error());
        return Key(std::move(data));
    } catch (const std::exception& error) {
        // nlohmann type errors cannot happen after the checks above; keep the boundary exception-free anyway.
        Error e = keyError(ErrorCode::Internal, QStringLiteral("unexpected JWK structure"));
        e.detail = QString::fromUtf8(error.what());
        return fail(std::move(e));
    }
}

// kids: (position, kid, kty) of every member that had a string kid, loaded or not.
void addSetProblems(KeySet& set, const QList<std::tuple<int, QString, QString>>& kids)
{
    bool anySymmetric = false;
    bool anyAsymmetric = false;
    for (const Key& key : std::as_const(set.keys))
        (key.isSymmetric() ? anySymmetric : anyAsymmetric) = true;
    // RFC 7517 section 4.5 allows one kid for keys of different kty that are "equivalent alternatives" (the JOSE
    // Cookbook's RSA and EC keys share one), so only the same kid within one kty is ambiguous.
    QHash<QString, int> seen;
    for (const auto& [position, kid, kty] : kids) {
        const QString slot = kty + QLatin1Char('\n') + kid;
        const auto it = seen.constFind(slot);
        if (it == seen.constEnd()) {
            seen.insert(slot, position);
            continue;
        }
        set.hasDuplicateKid = true;
        set.problems.append(QStringLiteral("duplicate kid \"%1\" (keys %2 and %3): selection by kid is ambiguous")
                                .arg(kid)
                                .arg(*it)
                                .arg(position));
    }
    if (anySymmetric && anyAsymmetric) {
        set.mixesSymmetry = true;
        set.problems.append(QStringLiteral("the set mixes symmetric (oct) and asymmetric keys"));
    }
}

Result<KeySet> keySetFromJwks(const nlohmann::json& jwks)
{
    const auto it = jwks.find("keys");
    if (it == jwks.end() || !it->is_array())
        return fail(keyError(ErrorCode::KeySetInvalid, QStringLiteral("a JWKS needs a \"keys\" array")));
    KeySet set;
    set.isJwks = true;
    QList<std::tuple<int, QString, QString>> kids;
    int position = 0;
    for (const auto& entry : *it) {
        ++position;
        if (entry.is_object()) {
            const auto kid = entry.find("kid");
            const auto kty = entry.find("kty");
            if (kid != entry.end() && kid->is_string()) {
                const QString type = kty != entry.end() && kty->is_string()
                                         ? QString::fromStdString(kty->get<std::string>())
                                         : QString();
                kids.append({position, QString::fromStdString(kid->get<std::string>()), type});
            }
        }
        auto key = keyFromJwkObject(entry);
        if (!key) {
            set.skipped.append(QStringLiteral("key %1: %2").arg(position).arg(key.error().message));
            continue;
        }
        set.keys.append(std::move(*key));
    }
    addSetProblems(set, kids);
    return set;
}

Curve ecCurveFromCrv(const std::string& crv)
{
    if (crv == "P-256")
        return Curve::P256;
    if (crv == "P-384")
        return Curve::P384;
    if (crv == "P-521")
        return Curve::P521;
    if (crv == "secp256k1")
        return Curve::Secp256k1;
    return Curve::None;
}

} // namespace assay::detail
