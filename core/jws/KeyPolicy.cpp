// SPDX-License-Identifier: Apache-2.0
#include "jws/KeyPolicy.h"

#include "crypto/RsaFingerprint.h"
#include "crypto/SecureBytes.h"
#include "jwk/Key.h"

namespace assay {
namespace {

constexpr int kMaxRsaBits = 8192;

QList<JwsAlgorithm> algorithmsForShape(const Key& key)
{
    using A = JwsAlgorithm;
    switch (key.type()) {
    case KeyType::Oct:
        return {A::HS256, A::HS384, A::HS512};
    case KeyType::RSA:
        return {A::RS256, A::RS384, A::RS512, A::PS256, A::PS384, A::PS512};
    case KeyType::EC:
        switch (key.curve()) {
        case Curve::P256:
            return {A::ES256};
        case Curve::P384:
            return {A::ES384};
        case Curve::P521:
            return {A::ES512};
        case Curve::Secp256k1:
            return {A::ES256K};
        default:
            return {};
        }
    case KeyType::OKP:
        switch (key.curve()) {
        case Curve::Ed25519:
            return {A::Ed25519, A::EdDSA};
        case Curve::Ed448:
            return {A::Ed448, A::EdDSA};
        default:
            return {}; // X25519 / X448 are key-agreement keys
        }
    }
    return {};
}

QString shapeName(const Key& key)
{
    if (key.type() == KeyType::Oct)
        return QStringLiteral("an HMAC secret");
    if (key.curve() != Curve::None)
        return QStringLiteral("%1 %2 key").arg(keyTypeName(key.type()), curveName(key.curve()));
    return QStringLiteral("an %1 key").arg(keyTypeName(key.type()));
}

QString joinNames(const QList<JwsAlgorithm>& algs)
{
    QStringList names;
    for (auto a : algs)
        names.append(jwsAlgorithmName(a));
    return names.join(QStringLiteral(", "));
}

} // namespace

QList<JwsAlgorithm> algorithmsForKey(const Key& key)
{
    if (key.isNull())
        return {};
    QList<JwsAlgorithm> algs = algorithmsForShape(key);
    const QString own = key.alg();
    if (own.isEmpty())
        return algs;
    const auto ownAlg = jwsAlgorithmFromName(own);
    if (ownAlg && algs.contains(*ownAlg))
        return {*ownAlg};
    return {}; // the key names an algorithm it cannot do (or a non-JWS one such as RSA-OAEP): nothing
}

Result<void> checkKeyForAlgorithm(const Key& key, JwsAlgorithm alg, KeyOperation op)
{
    const QString name = jwsAlgorithmName(alg);
    if (key.isNull())
        return fail(ErrorCode::KeyNotFound, QStringLiteral("no key"), Segment::Key);
    if (alg == JwsAlgorithm::None)
        return fail(ErrorCode::AlgNone, QStringLiteral("alg \"none\" uses no key"), Segment::Key);

    const QList<JwsAlgorithm> shape = algorithmsForShape(key);
    if (!shape.contains(alg)) {
        // The heart of the algorithm-confusion defence (ATTACKS.md A04): the key's type decides, never the header.
        const QString allowed = shape.isEmpty() ? QStringLiteral("no JWS algorithm") : joinNames(shape);
        return fail(ErrorCode::AlgNotAllowedForKey,
                    QStringLiteral("%1 is not allowed for %2 (it allows %3)").arg(name, shapeName(key), allowed),
                    Segment::Key);
    }
    if (key.type() == KeyType::RSA && key.bits() > kMaxRsaBits) {
        // ATTACKS.md A24: bounded work; refuse before any RSA operation.
        return fail(
            ErrorCode::KeyTooLarge,
            QStringLiteral("the RSA key has %1 bits; keys over %2 bits are refused").arg(key.bits()).arg(kMaxRsaBits),
            Segment::Key);
    }
    if (!key.alg().isEmpty() && key.alg() != name) {
        return fail(ErrorCode::AlgNotAllowedForKey,
                    QStringLiteral("the key is bound to alg \"%1\", the token uses %2").arg(key.alg(), name),
                    Segment::Key);
    }
    if (!key.use().isEmpty() && key.use() != QStringLiteral("sig")) {
        return fail(ErrorCode::KeyUseMismatch, QStringLiteral("the key's use is \"%1\", not \"sig\"").arg(key.use()),
                    Segment::Key);
    }
    const QString opName = op == KeyOperation::Sign ? QStringLiteral("sign") : QStringLiteral("verify");
    if (key.hasKeyOps() && !key.keyOps().contains(opName)) {
        return fail(ErrorCode::KeyUseMismatch,
                    QStringLiteral("the key's key_ops [%1] do not include \"%2\"")
                        .arg(key.keyOps().join(QStringLiteral(", ")), opName),
                    Segment::Key);
    }
    if (op == KeyOperation::Sign && !key.hasPrivate()) {
        return fail(ErrorCode::KeyNotPrivate, QStringLiteral("signing needs a private key; this is a public key"),
                    Segment::Key);
    }
    return {};
}

QString keyWeakness(const Key& key, JwsAlgorithm alg)
{
    switch (algorithmFamily(alg)) {
    case AlgorithmFamily::Hmac: {
        const int need = hashLength(algorithmHash(alg));
        const auto* secret = key.secret();
        const auto have = secret ? static_cast<int>(secret->size()) : 0;
        if (have < need) {
            return QStringLiteral("the HMAC key is %1 bytes, shorter than the %2-byte hash output of %3 "
                                  "(RFC 7518 section 3.2)")
                .arg(have)
                .arg(need)
                .arg(jwsAlgorithmName(alg));
        }
        return {};
    }
    case AlgorithmFamily::RsaPkcs1:
    case AlgorithmFamily::RsaPss:
        if (hasRocaFingerprint(key)) {
            return QStringLiteral("the RSA modulus has the ROCA fingerprint (CVE-2017-15361): its private key can be "
                                  "computed from the public key");
        }
        if (key.bits() < 2048) {
            return QStringLiteral("the RSA key has %1 bits; RFC 7518 section 3.3 requires at least 2048")
                .arg(key.bits());
        }
        return {};
    default:
        return {};
    }
}

} // namespace assay
