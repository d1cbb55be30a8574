// SPDX-License-Identifier: Apache-2.0
#include "session/TokenTemplate.h"

#include "encoding/Base64Url.h"
#include "jwk/KeyGenerator.h"
#include "jws/JwsSigner.h"

namespace assay {
namespace {

Result<Key> exampleKey(JwsAlgorithm alg)
{
    using A = JwsAlgorithm;
    switch (alg) {
    case A::None:
        return Key();
    // RFC 7518 section 3.2: an HMAC key at least as long as the hash output.
    case A::HS256:
        return generateKey(KeyType::Oct, Curve::None, 256);
    case A::HS384:
        return generateKey(KeyType::Oct, Curve::None, 384);
    case A::HS512:
        return generateKey(KeyType::Oct, Curve::None, 512);
    case A::RS256:
    case A::RS384:
    case A::RS512:
    case A::PS256:
    case A::PS384:
    case A::PS512:
        return generateKey(KeyType::RSA, Curve::None, 2048);
    case A::ES256:
        return generateKey(KeyType::EC, Curve::P256);
    case A::ES384:
        return generateKey(KeyType::EC, Curve::P384);
    case A::ES512:
        return generateKey(KeyType::EC, Curve::P521);
    case A::ES256K:
        return generateKey(KeyType::EC, Curve::Secp256k1);
    case A::EdDSA:
    case A::Ed25519:
        return generateKey(KeyType::OKP, Curve::Ed25519);
    case A::Ed448:
        return generateKey(KeyType::OKP, Curve::Ed448);
    }
    return fail(ErrorCode::AlgUnsupported, QStringLiteral("no example key for this algorithm"));
}

} // namespace

Result<TokenTemplate> makeTokenTemplate(JwsAlgorithm alg, qint64 nowSeconds)
{
    auto key = exampleKey(alg);
    if (!key)
        return fail(key.error());

    TokenTemplate out;
    out.algorithm = alg;
    const QByteArray algName = jwsAlgorithmName(alg).toLatin1();
    QByteArray header = QByteArrayLiteral("{\"alg\":\"") + algName + QByteArrayLiteral("\",\"typ\":\"JWT\"");
    if (!key->isNull() && !key->isSymmetric()) {
        // A kid lets the window show key selection at work; the thumbprint is a stable, meaningful one.
        auto kid = key->thumbprint();
        if (!kid)
            return fail(kid.error());
        *key = key->withMetadata(*kid, QString(), QString());
        header += QByteArrayLiteral(",\"kid\":\"") + kid->toLatin1() + '"';
    }
    header += '}';
    const QByteArray payload = QByteArrayLiteral("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":") +
                               QByteArray::number(nowSeconds) + QByteArrayLiteral(",\"exp\":") +
                               QByteArray::number(nowSeconds + 3600) + '}';

    if (alg == JwsAlgorithm::None) {
        out.token = base64url::encode(header) + '.' + base64url::encode(payload) + '.';
        return out;
    }
    auto token = signCompact(header, payload, *key, alg);
    if (!token)
        return fail(token.error());
    out.token = *token;
    out.signingKey = *key;
    out.verificationKey = key->isSymmetric() ? *key : key->publicKey();
    return out;
}

} // namespace assay
