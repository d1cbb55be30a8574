// SPDX-License-Identifier: Apache-2.0
#include "audit/ForensicHypothesis.h"

namespace assay {

QString forensicCode(ForensicHypothesis hypothesis)
{
    switch (hypothesis) {
    case ForensicHypothesis::SecretEncoding:
        return QStringLiteral("FORENSIC_SECRET_ENCODING");
    case ForensicHypothesis::SecretWhitespace:
        return QStringLiteral("FORENSIC_SECRET_WHITESPACE");
    case ForensicHypothesis::OtherKey:
        return QStringLiteral("FORENSIC_OTHER_KEY");
    case ForensicHypothesis::AlgorithmMixup:
        return QStringLiteral("FORENSIC_ALGORITHM_MIXUP");
    case ForensicHypothesis::EcdsaDer:
        return QStringLiteral("FORENSIC_ECDSA_DER");
    case ForensicHypothesis::JsonReserialized:
        return QStringLiteral("FORENSIC_JSON_RESERIALIZED");
    case ForensicHypothesis::SegmentEncoding:
        return QStringLiteral("FORENSIC_SEGMENT_ENCODING");
    case ForensicHypothesis::PublicKeyAsHmac:
        return QStringLiteral("FORENSIC_PUBLIC_KEY_AS_HMAC_SECRET");
    }
    return QStringLiteral("FORENSIC_UNKNOWN");
}

QString forensicTitle(ForensicHypothesis hypothesis)
{
    switch (hypothesis) {
    case ForensicHypothesis::SecretEncoding:
        return QStringLiteral("Secret encoding (UTF-8, base64, base64url, hex)");
    case ForensicHypothesis::SecretWhitespace:
        return QStringLiteral("Trailing newline or space in the secret");
    case ForensicHypothesis::OtherKey:
        return QStringLiteral("Another key of the key set");
    case ForensicHypothesis::AlgorithmMixup:
        return QStringLiteral("Algorithm mix-up (RS/PS, hash size, ES/EdDSA, HS size)");
    case ForensicHypothesis::EcdsaDer:
        return QStringLiteral("ECDSA signature in DER instead of r||s");
    case ForensicHypothesis::JsonReserialized:
        return QStringLiteral("Re-serialized header or payload JSON");
    case ForensicHypothesis::SegmentEncoding:
        return QStringLiteral("Standard base64 or padding in the token's parts");
    case ForensicHypothesis::PublicKeyAsHmac:
        return QStringLiteral("Public key used as the HMAC secret (algorithm confusion)");
    }
    return {};
}

QList<ForensicHypothesis> allForensicHypotheses()
{
    return {ForensicHypothesis::SecretEncoding,  ForensicHypothesis::SecretWhitespace,
            ForensicHypothesis::OtherKey,        ForensicHypothesis::AlgorithmMixup,
            ForensicHypothesis::EcdsaDer,        ForensicHypothesis::JsonReserialized,
            ForensicHypothesis::SegmentEncoding, ForensicHypothesis::PublicKeyAsHmac};
}

} // namespace assay
