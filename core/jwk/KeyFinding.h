// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace assay {

/// What key inspection found, one code per distinct problem. The numeric values are not stable; the names
/// returned by keyFindingCodeName() are ("KEY_RSA_SHORT_MODULUS", ...), so scripts may rely on them.
enum class KeyFindingCode
{
    // The input did not give a usable key
    LoadFailed,         // KEY_LOAD_FAILED: any refusal not covered by a more specific code below
    PrivateMismatch,    // KEY_PRIVATE_MISMATCH: the private part does not belong to the public part
    EcPointNotOnCurve,  // KEY_EC_POINT_NOT_ON_CURVE
    RsaExponentOne,     // KEY_RSA_EXPONENT_ONE: e = 1, every "signature" is the padded message itself
    RsaExponentEven,    // KEY_RSA_EXPONENT_EVEN: e even (or 0) is not RSA
                        // Weak or dangerous keys (RFC 7518 sections 3.2 and 3.3, CVE-2017-15361)
    RsaShortModulus,    // KEY_RSA_SHORT_MODULUS: under 2048 bits
    RsaSmallExponent,   // KEY_RSA_SMALL_EXPONENT: e below 65537 (e = 3 and friends); legal, noted
    RsaRoca,            // KEY_RSA_ROCA: the modulus has the ROCA fingerprint
    HmacShortSecret,    // KEY_HMAC_SHORT_SECRET: under 256 bits, or under the hash size of the key's own alg
                        // JWK metadata (RFC 7517 sections 4.2 to 4.4)
    NoAlg,              // KEY_NO_ALG: nothing binds the key to one algorithm (RFC 8725 section 3.1)
    AlgUnknown,         // KEY_ALG_UNKNOWN: not a registered JOSE algorithm name
    AlgMismatch,        // KEY_ALG_MISMATCH: the alg cannot be used with this key type, curve or size
    UseUnknown,         // KEY_USE_UNKNOWN: use other than "sig" or "enc"
    UseMismatch,        // KEY_USE_MISMATCH: the use is impossible for this key (X25519 with "sig", Ed25519 with "enc")
    UseAlgMismatch,     // KEY_USE_ALG_MISMATCH: use "sig" with an encryption alg or the other way round
    KeyOpsUnknown,      // KEY_OPS_UNKNOWN: a key_ops value RFC 7517 section 4.3 does not define
    KeyOpsMismatch,     // KEY_OPS_MISMATCH: key_ops lists an operation this key cannot do, or one its alg does not do
    KeyOpsUseMismatch,  // KEY_OPS_USE_MISMATCH: key_ops and use disagree
    KeyOpsWithUse,      // KEY_OPS_WITH_USE: both present (RFC 7517 section 4.3: SHOULD NOT)
    KeyOpsUnrelated,    // KEY_OPS_UNRELATED: signing and encryption operations in one key (section 4.3)
                        // Certificates (x5c, PEM bundles) and certificate thumbprints
    CertificateInvalid, // CERT_INVALID: an x5c entry or PEM certificate that does not parse
    CertificateExpired, // CERT_EXPIRED
    CertificateNotYetValid,   // CERT_NOT_YET_VALID
    CertificateWeakSignature, // CERT_WEAK_SIGNATURE: MD5 or SHA-1 signature on a certificate that is not a root
    CertificateChainBroken,   // CERT_CHAIN_BROKEN: certificate i is not signed by certificate i + 1
    CertificateKeyMismatch,   // X5C_KEY_MISMATCH: the first certificate holds another key than the JWK / PEM key
    X5tMismatch,              // X5T_MISMATCH: x5t is not the SHA-1 of the first x5c certificate
    X5tS256Mismatch,          // X5T_S256_MISMATCH: x5t#S256 is not the SHA-256 of the first x5c certificate
    X5tUnchecked,             // X5T_UNCHECKED: x5t or x5t#S256 without x5c, so nothing to compare with
                              // Key sets
    DuplicateKid,             // JWKS_DUPLICATE_KID
    MixedSymmetry,            // JWKS_MIXED_SYMMETRY
};

/// The stable name of a code, e.g. "KEY_RSA_SHORT_MODULUS".
QString keyFindingCodeName(KeyFindingCode code);

enum class FindingSeverity
{
    Info,    // worth knowing, nothing wrong
    Warning, // weak or inconsistent; the key may still be used
    Error,   // the key is unusable or unsafe
};

/// "info", "warning", "error".
QString findingSeverityName(FindingSeverity severity);

/// One thing inspection found about a key or a key set.
struct KeyFinding
{
    KeyFindingCode code = KeyFindingCode::LoadFailed;
    FindingSeverity severity = FindingSeverity::Info;
    QString message;
};

/// True when any finding is an error.
[[nodiscard]] bool hasErrorFinding(const QList<KeyFinding>& findings);

} // namespace assay
