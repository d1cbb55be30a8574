// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

/// How bad a lint finding is. ATTACKS.md rates findings critical / high / medium / info; critical and high are
/// errors here (a token or key nobody should accept or use), medium a warning, info stays info.
enum class LintSeverity
{
    Info,
    Warning,
    Error,
};

/// "info", "warning", "error" (stable: used by `assay-cli lint --json`).
[[nodiscard]] QString lintSeverityName(LintSeverity severity);
/// The severity with that name, or nullopt.
[[nodiscard]] std::optional<LintSeverity> lintSeverityFromName(QStringView name);

/// Every lint rule, one per distinct finding. The numeric values are not stable; the names returned by
/// lintCodeName() are ("LINT_ALG_NONE", ...), so scripts and the window may rely on them.
enum class LintCode
{
    // Structure and encoding (ATTACKS.md A20-A22)
    TokenStructure,         // LINT_TOKEN_STRUCTURE
    Base64UrlInvalid,       // LINT_BASE64URL_INVALID
    Base64UrlNonCanonical,  // LINT_BASE64URL_NON_CANONICAL
    JsonInvalid,            // LINT_JSON_INVALID
    DuplicateMember,        // LINT_DUPLICATE_MEMBER
    HeaderNameCase,         // LINT_HEADER_NAME_CASE
                            // Algorithm (A01, A02)
    AlgNone,                // LINT_ALG_NONE
    AlgCaseVariant,         // LINT_ALG_CASE_VARIANT
    AlgUnknown,             // LINT_ALG_UNKNOWN
    AlgInvalid,             // LINT_ALG_INVALID
                            // Signature (A03, A12, A13)
    SignatureEmpty,         // LINT_SIGNATURE_EMPTY
    SignatureLength,        // LINT_SIGNATURE_LENGTH
    EcdsaZeroSignature,     // LINT_ECDSA_ZERO_SIGNATURE
    EcdsaMalleable,         // LINT_ECDSA_MALLEABLE
                            // Keys the token asserts about itself (A06-A09)
    EmbeddedJwk,            // LINT_EMBEDDED_JWK
    EmbeddedJwkPrivate,     // LINT_EMBEDDED_JWK_PRIVATE
    KeyUrl,                 // LINT_KEY_URL
    KeyUrlUnsafe,           // LINT_KEY_URL_UNSAFE
    X5c,                    // LINT_X5C
    X5cSelfSigned,          // LINT_X5C_SELF_SIGNED
    X5cInvalid,             // LINT_X5C_INVALID
    X5t,                    // LINT_X5T
    KidSuspicious,          // LINT_KID_SUSPICIOUS
    KidInvalid,             // LINT_KID_INVALID
                            // Header processing rules (A17-A19, A28)
    CritUnsupported,        // LINT_CRIT_UNSUPPORTED
    CritInvalid,            // LINT_CRIT_INVALID
    B64False,               // LINT_B64_FALSE
    B64Invalid,             // LINT_B64_INVALID
    UnprotectedParam,       // LINT_UNPROTECTED_PARAM
    UnprotectedHeader,      // LINT_UNPROTECTED_HEADER
    ZipInJws,               // LINT_ZIP_IN_JWS
                            // JWE (A27-A29, A31)
    JweCompressed,          // LINT_JWE_COMPRESSED
    JweRsa15,               // LINT_JWE_RSA1_5
    Pbes2CountExcessive,    // LINT_PBES2_P2C_EXCESSIVE
    Pbes2CountLow,          // LINT_PBES2_P2C_LOW
    Pbes2CountInvalid,      // LINT_PBES2_P2C_INVALID
    Pbes2SaltShort,         // LINT_PBES2_P2S_SHORT
    JweUnsignedClaims,      // LINT_JWE_UNSIGNED_CLAIMS
    NestedWithoutCty,       // LINT_NESTED_WITHOUT_CTY
                            // Token type (A32)
    TypMissing,             // LINT_TYP_MISSING
    TypMismatch,            // LINT_TYP_MISMATCH
    TypUnusual,             // LINT_TYP_UNUSUAL
    CtyUnusual,             // LINT_CTY_UNUSUAL
                            // Claims (A23, A33)
    ExpMissing,             // LINT_EXP_MISSING
    LongLifetime,           // LINT_LONG_LIFETIME
    IatInFuture,            // LINT_IAT_IN_FUTURE
    Expired,                // LINT_EXPIRED
    NotYetValid,            // LINT_NOT_YET_VALID
    NbfAfterExp,            // LINT_NBF_AFTER_EXP
    IatAfterExp,            // LINT_IAT_AFTER_EXP
    TimeNotNumber,          // LINT_TIME_NOT_NUMBER
    TimeFractional,         // LINT_TIME_FRACTIONAL
    TimeNegative,           // LINT_TIME_NEGATIVE
    TimeBeyond9999,         // LINT_TIME_BEYOND_9999
    TimeUnsafeInteger,      // LINT_TIME_UNSAFE_INTEGER
    TimeMilliseconds,       // LINT_TIME_MILLISECONDS
    ClaimType,              // LINT_CLAIM_TYPE
                            // What the payload gives away (A34)
    PayloadReadable,        // LINT_PAYLOAD_READABLE
    SensitiveClaim,         // LINT_SENSITIVE_CLAIM
    SensitivePrivateKey,    // LINT_SENSITIVE_PRIVATE_KEY
    SensitiveCloudKey,      // LINT_SENSITIVE_CLOUD_KEY
    SensitiveCardNumber,    // LINT_SENSITIVE_CARD_NUMBER
    SensitiveEmail,         // LINT_SENSITIVE_EMAIL
    SensitiveNationalId,    // LINT_SENSITIVE_NATIONAL_ID
                            // The user's keys, when given (A04, A05, A10, A11, A14)
    HmacKeyShort,           // LINT_HMAC_KEY_SHORT
    HmacSecretKnown,        // LINT_HMAC_SECRET_KNOWN
    HmacSecretIsPublicKey,  // LINT_HMAC_SECRET_IS_PUBLIC_KEY
    HmacWithAsymmetricKeys, // LINT_HMAC_WITH_ASYMMETRIC_KEYS
    RsaKeyShort,            // LINT_RSA_KEY_SHORT
    RsaRoca,                // LINT_RSA_ROCA
    KeyNoAlg,               // LINT_KEY_NO_ALG
    KeySetMixed,            // LINT_KEYSET_MIXED
    KeySetDuplicateKid,     // LINT_KEYSET_DUPLICATE_KID
};

/// What every finding of one code shares.
struct LintRule
{
    LintCode code = LintCode::TokenStructure;
    QString name; // "LINT_ALG_NONE"
    LintSeverity severity = LintSeverity::Info;
    QStringList attackIds; // ATTACKS.md entries the rule covers
    QString title;         // "unsecured token (alg none)"
    QString reference;     // "RFC 7518 sections 3.6 and 8.5; CVE-2022-23540"
};

/// The rule of a code (every code has one).
[[nodiscard]] const LintRule& lintRule(LintCode code);
/// Every rule, in the order of LintCode.
[[nodiscard]] const QList<LintRule>& lintRules();
/// The stable name of a code, e.g. "LINT_ALG_NONE".
[[nodiscard]] QString lintCodeName(LintCode code);
/// The code with that name, or nullopt.
[[nodiscard]] std::optional<LintCode> lintCodeFromName(QStringView name);

} // namespace assay
