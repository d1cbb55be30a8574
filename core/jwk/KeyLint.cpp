// SPDX-License-Identifier: Apache-2.0
#include "jwk/detail/KeyLint.h"

#include "crypto/RsaFingerprint.h"
#include "crypto/detail/KeyData.h"
#include "jws/JwsAlgorithm.h"
#include "jws/KeyPolicy.h"

#include <openssl/core_names.h>
#include <openssl/err.h>

#include <QSet>

namespace assay::detail {
namespace {

KeyFinding finding(KeyFindingCode code, FindingSeverity severity, QString message)
{
    return KeyFinding{code, severity, std::move(message)};
}

QString quoted(const QString& s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

/// A key-management or content-encryption algorithm (RFC 7518 sections 4 and 5, RFC 8037 section 3.2) and what it
/// needs: a key type, and for oct keys the exact size in bytes (0: any).
struct EncryptionAlg
{
    const char* name;
    KeyType type;
    int octBytes;
};

constexpr EncryptionAlg kEncryptionAlgs[] = {
    {"RSA1_5", KeyType::RSA, 0},
    {"RSA-OAEP", KeyType::RSA, 0},
    {"RSA-OAEP-256", KeyType::RSA, 0},
    {"RSA-OAEP-384", KeyType::RSA, 0},
    {"RSA-OAEP-512", KeyType::RSA, 0},
    {"ECDH-ES", KeyType::EC, 0}, // EC or an OKP X25519 / X448 key, see fitsEncryptionAlg()
    {"ECDH-ES+A128KW", KeyType::EC, 0},
    {"ECDH-ES+A192KW", KeyType::EC, 0},
    {"ECDH-ES+A256KW", KeyType::EC, 0},
    {"A128KW", KeyType::Oct, 16},
    {"A192KW", KeyType::Oct, 24},
    {"A256KW", KeyType::Oct, 32},
    {"A128GCMKW", KeyType::Oct, 16},
    {"A192GCMKW", KeyType::Oct, 24},
    {"A256GCMKW", KeyType::Oct, 32},
    {"dir", KeyType::Oct, 0},
    {"PBES2-HS256+A128KW", KeyType::Oct, 0},
    {"PBES2-HS384+A192KW", KeyType::Oct, 0},
    {"PBES2-HS512+A256KW", KeyType::Oct, 0},
    {"A128GCM", KeyType::Oct, 16},
    {"A192GCM", KeyType::Oct, 24},
    {"A256GCM", KeyType::Oct, 32},
    {"A128CBC-HS256", KeyType::Oct, 32},
    {"A192CBC-HS384", KeyType::Oct, 48},
    {"A256CBC-HS512", KeyType::Oct, 64},
};

const EncryptionAlg* encryptionAlg(const QString& name)
{
    for (const EncryptionAlg& alg : kEncryptionAlgs) {
        if (name == QLatin1String(alg.name))
            return &alg;
    }
    return nullptr;
}

bool isAgreementCurve(Curve curve)
{
    return curve == Curve::X25519 || curve == Curve::X448;
}

bool isEdwardsCurve(Curve curve)
{
    return curve == Curve::Ed25519 || curve == Curve::Ed448;
}

// Empty when the key can be used with `alg`, otherwise the reason.
QString encryptionAlgProblem(const Key& key, const EncryptionAlg& alg)
{
    const QString name = QLatin1String(alg.name);
    if (alg.type == KeyType::EC) {
        const bool fits = (key.type() == KeyType::EC && key.curve() != Curve::Secp256k1) ||
                          (key.type() == KeyType::OKP && isAgreementCurve(key.curve()));
        return fits ? QString()
                    : QStringLiteral("alg %1 needs an EC P-256/P-384/P-521 or an X25519/X448 key, not an %2")
                          .arg(quoted(name), key.description());
    }
    if (key.type() != alg.type)
        return QStringLiteral("alg %1 needs %2 key, not an %3")
            .arg(quoted(name), alg.type == KeyType::RSA ? QStringLiteral("an RSA") : QStringLiteral("an oct"),
                 key.description());
    if (alg.octBytes > 0 && key.bits() != alg.octBytes * 8)
        return QStringLiteral("alg %1 needs a key of exactly %2 bits; this one has %3")
            .arg(quoted(name))
            .arg(alg.octBytes * 8)
            .arg(key.bits());
    return {};
}

enum class Family
{
    Unknown,
    Signature,
    Encryption,
};

Family algFamily(const QString& alg)
{
    if (alg.isEmpty())
        return Family::Unknown;
    if (jwsAlgorithmFromName(alg))
        return Family::Signature;
    if (encryptionAlg(alg))
        return Family::Encryption;
    return Family::Unknown;
}

void lintRsa(const Key& key, QList<KeyFinding>& out)
{
    if (key.bits() < 2048)
        out.append(finding(KeyFindingCode::RsaShortModulus, FindingSeverity::Warning,
                           QStringLiteral("the RSA modulus has %1 bits; RFC 7518 section 3.3 requires at least 2048")
                               .arg(key.bits())));
    if (const std::optional<quint64> e = rsaPublicExponent(key); e && *e < 65537) {
        out.append(finding(KeyFindingCode::RsaSmallExponent, FindingSeverity::Info,
                           QStringLiteral("the public exponent is e = %1: legal, but small exponents broke careless "
                                          "verifiers (Bleichenbacher's e = 3 signature forgery); 65537 is usual")
                               .arg(*e)));
    }
    if (hasRocaFingerprint(key))
        out.append(finding(KeyFindingCode::RsaRoca, FindingSeverity::Error,
                           QStringLiteral("the RSA modulus has the ROCA fingerprint (CVE-2017-15361): its private key "
                                          "can be computed from the public key")));
}

void lintSecret(const Key& key, QList<KeyFinding>& out)
{
    const std::optional<JwsAlgorithm> alg = jwsAlgorithmFromName(key.alg());
    // A key-wrap or content-encryption key has its exact size checked with its alg instead.
    if (encryptionAlg(key.alg()))
        return;
    int needBits = 256;
    if (alg && algorithmFamily(*alg) == AlgorithmFamily::Hmac)
        needBits = std::max(needBits, hashLength(algorithmHash(*alg)) * 8);
    if (key.bits() < needBits) {
        out.append(finding(KeyFindingCode::HmacShortSecret, FindingSeverity::Warning,
                           QStringLiteral("the HMAC secret has %1 bits; %2 needs at least %3 (RFC 7518 section 3.2)")
                               .arg(key.bits())
                               .arg(alg ? jwsAlgorithmName(*alg) : QStringLiteral("HS256"))
                               .arg(needBits)));
    }
}

void lintAlg(const Key& key, QList<KeyFinding>& out)
{
    const QString alg = key.alg();
    if (alg.isEmpty()) {
        out.append(finding(KeyFindingCode::NoAlg, FindingSeverity::Info,
                           QStringLiteral("the key has no \"alg\": every algorithm its type allows is accepted with it "
                                          "(RFC 8725 section 3.1 recommends binding a key to one algorithm)")));
        return;
    }
    if (const std::optional<JwsAlgorithm> jws = jwsAlgorithmFromName(alg)) {
        const QList<JwsAlgorithm> allowed = algorithmsForKey(key.withMetadata(key.kid(), QString(), key.use()));
        if (!allowed.contains(*jws)) {
            QStringList names;
            for (JwsAlgorithm a : allowed)
                names.append(jwsAlgorithmName(a));
            out.append(finding(
                KeyFindingCode::AlgMismatch, FindingSeverity::Warning,
                QStringLiteral("alg %1 cannot be used with an %2 (it allows %3)")
                    .arg(quoted(alg), key.description(),
                         names.isEmpty() ? QStringLiteral("no JWS algorithm") : names.join(QStringLiteral(", ")))));
        }
        return;
    }
    if (const EncryptionAlg* enc = encryptionAlg(alg)) {
        if (const QString problem = encryptionAlgProblem(key, *enc); !problem.isEmpty())
            out.append(finding(KeyFindingCode::AlgMismatch, FindingSeverity::Warning, problem));
        return;
    }
    const QString close = closeAlgorithmName(alg);
    out.append(finding(KeyFindingCode::AlgUnknown, FindingSeverity::Warning,
                       close.isEmpty() ? QStringLiteral("alg %1 is not a registered JOSE algorithm").arg(quoted(alg))
                                       : QStringLiteral("alg %1 is not a registered JOSE algorithm (did you mean %2? "
                                                        "names are case-sensitive)")
                                             .arg(quoted(alg), quoted(close))));
}

void lintUse(const Key& key, QList<KeyFinding>& out)
{
    const QString use = key.use();
    if (use.isEmpty())
        return;
    const Family family = algFamily(key.alg());
    if (use == QLatin1String("sig")) {
        if (key.type() == KeyType::OKP && isAgreementCurve(key.curve()))
            out.append(finding(KeyFindingCode::UseMismatch, FindingSeverity::Warning,
                               QStringLiteral("use \"sig\", but %1 key cannot sign (it is for key agreement)")
                                   .arg(curveName(key.curve()))));
        if (family == Family::Encryption)
            out.append(finding(KeyFindingCode::UseAlgMismatch, FindingSeverity::Warning,
                               QStringLiteral("use \"sig\" with the encryption algorithm %1").arg(quoted(key.alg()))));
    } else if (use == QLatin1String("enc")) {
        if (key.type() == KeyType::OKP && isEdwardsCurve(key.curve()))
            out.append(finding(KeyFindingCode::UseMismatch, FindingSeverity::Warning,
                               QStringLiteral("use \"enc\", but an %1 key can only sign").arg(curveName(key.curve()))));
        if (family == Family::Signature)
            out.append(finding(KeyFindingCode::UseAlgMismatch, FindingSeverity::Warning,
                               QStringLiteral("use \"enc\" with the signature algorithm %1").arg(quoted(key.alg()))));
    } else {
        out.append(
            finding(KeyFindingCode::UseUnknown, FindingSeverity::Warning,
                    QStringLiteral("use %1 is neither \"sig\" nor \"enc\" (RFC 7517 section 4.2)").arg(quoted(use))));
    }
}

// What a key of this type can do at all, by RFC 7517 section 4.3 operation name.
bool canDo(const Key& key, const QString& op)
{
    const bool signs = op == QLatin1String("sign") || op == QLatin1String("verify");
    const bool derives = op == QLatin1String("deriveKey") || op == QLatin1String("deriveBits");
    switch (key.type()) {
    case KeyType::Oct:
        return true;
    case KeyType::RSA:
        return !derives;
    case KeyType::EC:
        return signs || derives;
    case KeyType::OKP:
        return isAgreementCurve(key.curve()) ? derives : signs;
    }
    return false;
}

void lintKeyOps(const Key& key, QList<KeyFinding>& out)
{
    if (!key.hasKeyOps())
        return;
    static const QSet<QString> signatureOps{QStringLiteral("sign"), QStringLiteral("verify")};
    static const QSet<QString> encryptionOps{QStringLiteral("encrypt"),   QStringLiteral("decrypt"),
                                             QStringLiteral("wrapKey"),   QStringLiteral("unwrapKey"),
                                             QStringLiteral("deriveKey"), QStringLiteral("deriveBits")};
    bool anySignature = false;
    bool anyEncryption = false;
    QStringList unknown;
    QStringList impossible;
    for (const QString& op : key.keyOps()) {
        if (signatureOps.contains(op))
            anySignature = true;
        else if (encryptionOps.contains(op))
            anyEncryption = true;
        else {
            unknown.append(quoted(op));
            continue;
        }
        if (!canDo(key, op))
            impossible.append(quoted(op));
    }
    if (!unknown.isEmpty())
        out.append(finding(KeyFindingCode::KeyOpsUnknown, FindingSeverity::Warning,
                           QStringLiteral("key_ops has values RFC 7517 section 4.3 does not define: %1")
                               .arg(unknown.join(QStringLiteral(", ")))));
    if (!impossible.isEmpty())
        out.append(finding(KeyFindingCode::KeyOpsMismatch, FindingSeverity::Warning,
                           QStringLiteral("key_ops lists %1, which an %2 cannot do")
                               .arg(impossible.join(QStringLiteral(", ")), key.description())));
    const Family family = algFamily(key.alg());
    if ((family == Family::Signature && anyEncryption && !anySignature) ||
        (family == Family::Encryption && anySignature && !anyEncryption))
        out.append(finding(KeyFindingCode::KeyOpsMismatch, FindingSeverity::Warning,
                           QStringLiteral("key_ops [%1] do not include an operation of its alg %2")
                               .arg(key.keyOps().join(QStringLiteral(", ")), quoted(key.alg()))));
    if (anySignature && anyEncryption)
        out.append(finding(KeyFindingCode::KeyOpsUnrelated, FindingSeverity::Info,
                           QStringLiteral("key_ops mixes signature and encryption operations (RFC 7517 section 4.3: "
                                          "unrelated operations SHOULD NOT share a key)")));
    const QString use = key.use();
    if (use.isEmpty())
        return;
    const bool disagrees =
        (use == QLatin1String("sig") && anyEncryption) || (use == QLatin1String("enc") && anySignature);
    if (disagrees)
        out.append(finding(KeyFindingCode::KeyOpsUseMismatch, FindingSeverity::Warning,
                           QStringLiteral("use %1 disagrees with key_ops [%2]")
                               .arg(quoted(use), key.keyOps().join(QStringLiteral(", ")))));
    else
        out.append(finding(KeyFindingCode::KeyOpsWithUse, FindingSeverity::Info,
                           QStringLiteral("both use and key_ops are present (RFC 7517 section 4.3: they SHOULD NOT "
                                          "be used together)")));
}

} // namespace

std::optional<quint64> rsaPublicExponent(const Key& key)
{
    const KeyData* data = key.data();
    if (data == nullptr || data->type != KeyType::RSA || !data->pkey)
        return std::nullopt;
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(data->pkey.get(), OSSL_PKEY_PARAM_RSA_E, &raw) != 1) {
        ERR_clear_error();
        return std::nullopt;
    }
    const BignumPtr e(raw);
    if (BN_num_bits(e.get()) > 64)
        return std::nullopt;
    unsigned char bytes[8] = {};
    if (BN_bn2binpad(e.get(), bytes, sizeof bytes) != static_cast<int>(sizeof bytes))
        return std::nullopt;
    quint64 value = 0;
    for (unsigned char b : bytes)
        value = (value << 8) | b;
    return value;
}

QList<KeyFinding> lintKey(const Key& key)
{
    QList<KeyFinding> out;
    if (key.isNull())
        return out;
    if (key.type() == KeyType::RSA)
        lintRsa(key, out);
    if (key.type() == KeyType::Oct)
        lintSecret(key, out);
    lintAlg(key, out);
    lintUse(key, out);
    lintKeyOps(key, out);
    return out;
}

} // namespace assay::detail
