// SPDX-License-Identifier: Apache-2.0
#include "jwk/KeyFinding.h"

namespace assay {

QString keyFindingCodeName(KeyFindingCode code)
{
    switch (code) {
    case KeyFindingCode::LoadFailed:
        return QStringLiteral("KEY_LOAD_FAILED");
    case KeyFindingCode::PrivateMismatch:
        return QStringLiteral("KEY_PRIVATE_MISMATCH");
    case KeyFindingCode::EcPointNotOnCurve:
        return QStringLiteral("KEY_EC_POINT_NOT_ON_CURVE");
    case KeyFindingCode::RsaExponentOne:
        return QStringLiteral("KEY_RSA_EXPONENT_ONE");
    case KeyFindingCode::RsaExponentEven:
        return QStringLiteral("KEY_RSA_EXPONENT_EVEN");
    case KeyFindingCode::RsaShortModulus:
        return QStringLiteral("KEY_RSA_SHORT_MODULUS");
    case KeyFindingCode::RsaSmallExponent:
        return QStringLiteral("KEY_RSA_SMALL_EXPONENT");
    case KeyFindingCode::RsaRoca:
        return QStringLiteral("KEY_RSA_ROCA");
    case KeyFindingCode::HmacShortSecret:
        return QStringLiteral("KEY_HMAC_SHORT_SECRET");
    case KeyFindingCode::NoAlg:
        return QStringLiteral("KEY_NO_ALG");
    case KeyFindingCode::AlgUnknown:
        return QStringLiteral("KEY_ALG_UNKNOWN");
    case KeyFindingCode::AlgMismatch:
        return QStringLiteral("KEY_ALG_MISMATCH");
    case KeyFindingCode::UseUnknown:
        return QStringLiteral("KEY_USE_UNKNOWN");
    case KeyFindingCode::UseMismatch:
        return QStringLiteral("KEY_USE_MISMATCH");
    case KeyFindingCode::UseAlgMismatch:
        return QStringLiteral("KEY_USE_ALG_MISMATCH");
    case KeyFindingCode::KeyOpsUnknown:
        return QStringLiteral("KEY_OPS_UNKNOWN");
    case KeyFindingCode::KeyOpsMismatch:
        return QStringLiteral("KEY_OPS_MISMATCH");
    case KeyFindingCode::KeyOpsUseMismatch:
        return QStringLiteral("KEY_OPS_USE_MISMATCH");
    case KeyFindingCode::KeyOpsWithUse:
        return QStringLiteral("KEY_OPS_WITH_USE");
    case KeyFindingCode::KeyOpsUnrelated:
        return QStringLiteral("KEY_OPS_UNRELATED");
    case KeyFindingCode::CertificateInvalid:
        return QStringLiteral("CERT_INVALID");
    case KeyFindingCode::CertificateExpired:
        return QStringLiteral("CERT_EXPIRED");
    case KeyFindingCode::CertificateNotYetValid:
        return QStringLiteral("CERT_NOT_YET_VALID");
    case KeyFindingCode::CertificateWeakSignature:
        return QStringLiteral("CERT_WEAK_SIGNATURE");
    case KeyFindingCode::CertificateChainBroken:
        return QStringLiteral("CERT_CHAIN_BROKEN");
    case KeyFindingCode::CertificateKeyMismatch:
        return QStringLiteral("X5C_KEY_MISMATCH");
    case KeyFindingCode::X5tMismatch:
        return QStringLiteral("X5T_MISMATCH");
    case KeyFindingCode::X5tS256Mismatch:
        return QStringLiteral("X5T_S256_MISMATCH");
    case KeyFindingCode::X5tUnchecked:
        return QStringLiteral("X5T_UNCHECKED");
    case KeyFindingCode::DuplicateKid:
        return QStringLiteral("JWKS_DUPLICATE_KID");
    case KeyFindingCode::MixedSymmetry:
        return QStringLiteral("JWKS_MIXED_SYMMETRY");
    }
    return QStringLiteral("KEY_UNKNOWN_FINDING");
}

QString findingSeverityName(FindingSeverity severity)
{
    switch (severity) {
    case FindingSeverity::Info:
        return QStringLiteral("info");
    case FindingSeverity::Warning:
        return QStringLiteral("warning");
    case FindingSeverity::Error:
        return QStringLiteral("error");
    }
    return {};
}

bool hasErrorFinding(const QList<KeyFinding>& findings)
{
    for (const KeyFinding& f : findings) {
        if (f.severity == FindingSeverity::Error)
            return true;
    }
    return false;
}

} // namespace assay
