// SPDX-License-Identifier: Apache-2.0
#include "session/SigningPseudoCode.h"

namespace assay {
namespace {

QString hashSuffix(JwsAlgorithm alg)
{
    switch (algorithmHash(alg)) {
    case HashAlgorithm::Sha256:
        return QStringLiteral("SHA256");
    case HashAlgorithm::Sha384:
        return QStringLiteral("SHA384");
    case HashAlgorithm::Sha512:
        return QStringLiteral("SHA512");
    case HashAlgorithm::None:
        break;
    }
    return {};
}

} // namespace

QString signingPseudoCode(JwsAlgorithm alg, bool unencodedPayload)
{
    const QString input =
        QStringLiteral("base64UrlEncode(header) + \".\" + %1")
            .arg(unencodedPayload ? QStringLiteral("payload") : QStringLiteral("base64UrlEncode(payload)"));
    const QString asymmetricKeys = QStringLiteral("publicKey, privateKey");
    switch (algorithmFamily(alg)) {
    case AlgorithmFamily::None:
        return input + QStringLiteral(" + \".\"  (alg none: no signature)");
    case AlgorithmFamily::Hmac:
        return QStringLiteral("HMAC%1(%2, secret)").arg(hashSuffix(alg), input);
    case AlgorithmFamily::RsaPkcs1:
        return QStringLiteral("RSA%1(%2, %3)").arg(hashSuffix(alg), input, asymmetricKeys);
    case AlgorithmFamily::RsaPss:
        return QStringLiteral("RSAPSS%1(%2, %3)").arg(hashSuffix(alg), input, asymmetricKeys);
    case AlgorithmFamily::Ecdsa:
        return QStringLiteral("ECDSA%1(%2, %3)").arg(hashSuffix(alg), input, asymmetricKeys);
    case AlgorithmFamily::EdDsa:
        // EdDSA (RFC 8037) leaves the curve to the key; Ed25519 / Ed448 (RFC 9864) name it.
        return QStringLiteral("%1(%2, %3)").arg(jwsAlgorithmName(alg), input, asymmetricKeys);
    }
    return input;
}

} // namespace assay
