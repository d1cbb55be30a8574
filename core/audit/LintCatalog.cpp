// SPDX-License-Identifier: Apache-2.0
#include "audit/LintCatalog.h"

namespace assay {

namespace {

using S = LintSeverity;
using C = LintCode;

struct RuleRow
{
    C code;
    const char* name;
    S severity;
    const char* attackIds; // space-separated
    const char* title;
    const char* reference;
};

// One row per LintCode, in enum order (lintRules() checks the order once). Severities follow ATTACKS.md: critical
// and high are errors, medium warnings, info info.
constexpr RuleRow kRows[] = {
    {C::TokenStructure, "LINT_TOKEN_STRUCTURE", S::Error, "A21", "token structure",
     "RFC 7515 section 7.1; RFC 7516 section 7.1"},
    {C::Base64UrlInvalid, "LINT_BASE64URL_INVALID", S::Error, "A20", "invalid base64url",
     "RFC 7515 section 2; CVE-2022-25898"},
    {C::Base64UrlNonCanonical, "LINT_BASE64URL_NON_CANONICAL", S::Error, "A20", "non-canonical base64url",
     "RFC 7515 section 2; RFC 4648 section 3.5"},
    {C::JsonInvalid, "LINT_JSON_INVALID", S::Error, "A22", "not a valid JSON object",
     "RFC 7519 section 7.2; RFC 8259; RFC 8725 section 3.7"},
    {C::DuplicateMember, "LINT_DUPLICATE_MEMBER", S::Error, "A22", "duplicate JSON member names",
     "RFC 7515 section 5.2; RFC 7519 section 4; CVE-2022-39227"},
    {C::HeaderNameCase, "LINT_HEADER_NAME_CASE", S::Warning, "A22 A02", "header name differs only in case",
     "RFC 7515 section 4 (names are case-sensitive)"},

    {C::AlgNone, "LINT_ALG_NONE", S::Error, "A01", "unsecured token (alg none)",
     "RFC 7518 sections 3.6 and 8.5; CVE-2022-23540"},
    {C::AlgCaseVariant, "LINT_ALG_CASE_VARIANT", S::Error, "A02", "alg is a case or whitespace variant",
     "RFC 7515 section 4.1.1 (alg is case-sensitive)"},
    {C::AlgUnknown, "LINT_ALG_UNKNOWN", S::Warning, "A02", "unknown algorithm", "RFC 7518 section 3.1"},
    {C::AlgInvalid, "LINT_ALG_INVALID", S::Error, "A02", "alg missing or not a string", "RFC 7515 section 4.1.1"},

    {C::SignatureEmpty, "LINT_SIGNATURE_EMPTY", S::Error, "A03", "empty signature",
     "RFC 7515 section 5.2; CVE-2020-28042"},
    {C::SignatureLength, "LINT_SIGNATURE_LENGTH", S::Error, "A03 A13", "wrong signature length",
     "RFC 7518 sections 3.2 and 3.4; RFC 8037 section 3.1"},
    {C::EcdsaZeroSignature, "LINT_ECDSA_ZERO_SIGNATURE", S::Error, "A12", "ECDSA r or s is zero",
     "CVE-2022-21449; RFC 7518 section 3.4"},
    {C::EcdsaMalleable, "LINT_ECDSA_MALLEABLE", S::Info, "A13", "ECDSA signatures are malleable",
     "RFC 7518 section 3.4; CVE-2020-13822"},

    {C::EmbeddedJwk, "LINT_EMBEDDED_JWK", S::Error, "A06", "embedded jwk", "RFC 7515 section 4.1.3; CVE-2018-0114"},
    {C::EmbeddedJwkPrivate, "LINT_EMBEDDED_JWK_PRIVATE", S::Error, "A06 A34", "private key in the header",
     "RFC 7515 section 4.1.3; RFC 7517 section 9.2"},
    {C::KeyUrl, "LINT_KEY_URL", S::Error, "A07", "key URL (jku / x5u)",
     "RFC 7515 sections 4.1.2 and 4.1.5; RFC 8725 section 3.10"},
    {C::KeyUrlUnsafe, "LINT_KEY_URL_UNSAFE", S::Error, "A07", "key URL points somewhere dangerous",
     "RFC 8725 section 3.10 (SSRF); RFC 7515 section 4.1.2"},
    {C::X5c, "LINT_X5C", S::Warning, "A08", "certificate chain not validated", "RFC 7515 section 4.1.6; RFC 5280"},
    {C::X5cSelfSigned, "LINT_X5C_SELF_SIGNED", S::Error, "A08", "self-signed certificate",
     "RFC 7515 section 4.1.6; RFC 5280 section 6"},
    {C::X5cInvalid, "LINT_X5C_INVALID", S::Warning, "A08", "x5c does not hold certificates", "RFC 7515 section 4.1.6"},
    {C::X5t, "LINT_X5T", S::Info, "A08", "certificate thumbprint is only a hint", "RFC 7515 sections 4.1.7 and 4.1.8"},
    {C::KidSuspicious, "LINT_KID_SUSPICIOUS", S::Error, "A09", "kid looks like an injection",
     "RFC 8725 section 3.10; RFC 7515 section 4.1.4"},
    {C::KidInvalid, "LINT_KID_INVALID", S::Warning, "A09", "kid is not a string", "RFC 7515 section 4.1.4"},

    {C::CritUnsupported, "LINT_CRIT_UNSUPPORTED", S::Error, "A17", "unknown critical parameter",
     "RFC 7515 section 4.1.11; CVE-2025-59420"},
    {C::CritInvalid, "LINT_CRIT_INVALID", S::Error, "A17", "malformed crit", "RFC 7515 section 4.1.11"},
    {C::B64False, "LINT_B64_FALSE", S::Warning, "A18", "unencoded payload (b64 false)", "RFC 7797 sections 3 and 5"},
    {C::B64Invalid, "LINT_B64_INVALID", S::Error, "A18", "b64 used against RFC 7797", "RFC 7797 sections 3 and 6"},
    {C::UnprotectedParam, "LINT_UNPROTECTED_PARAM", S::Error, "A19", "security parameter in the unprotected header",
     "RFC 7515 section 7.2.1; RFC 7516 section 4.1.3"},
    {C::UnprotectedHeader, "LINT_UNPROTECTED_HEADER", S::Warning, "A19", "unprotected header members",
     "RFC 7515 section 7.2.1"},
    {C::ZipInJws, "LINT_ZIP_IN_JWS", S::Error, "A28", "zip in a JWS", "RFC 7516 section 4.1.3; RFC 7515 section 4.1"},

    {C::JweCompressed, "LINT_JWE_COMPRESSED", S::Warning, "A28", "compressed JWE",
     "RFC 8725 section 3.6; CVE-2024-28180"},
    {C::JweRsa15, "LINT_JWE_RSA1_5", S::Error, "A29", "RSA1_5 key management",
     "RFC 7516 section 11.5; RFC 7518 section 4.2"},
    {C::Pbes2CountExcessive, "LINT_PBES2_P2C_EXCESSIVE", S::Error, "A27", "PBES2 iteration count above the cap",
     "CVE-2022-36083; CVE-2023-52428; RFC 7518 section 4.8.1.2"},
    {C::Pbes2CountLow, "LINT_PBES2_P2C_LOW", S::Warning, "A27", "PBES2 iteration count below 1000",
     "RFC 7518 section 4.8.1.2"},
    {C::Pbes2CountInvalid, "LINT_PBES2_P2C_INVALID", S::Error, "A27", "PBES2 iteration count is not a count",
     "RFC 7518 section 4.8.1.2"},
    {C::Pbes2SaltShort, "LINT_PBES2_P2S_SHORT", S::Warning, "A27", "PBES2 salt input shorter than 8 bytes",
     "RFC 7518 section 4.8.1.1"},
    {C::JweUnsignedClaims, "LINT_JWE_UNSIGNED_CLAIMS", S::Warning, "A31", "encrypted but not signed",
     "RFC 7519 section 11.2; CVE-2026-29000"},
    {C::NestedWithoutCty, "LINT_NESTED_WITHOUT_CTY", S::Warning, "A31", "nested token without cty",
     "RFC 7519 section 5.2; RFC 7515 section 4.1.10"},

    {C::TypMissing, "LINT_TYP_MISSING", S::Info, "A32", "no typ", "RFC 8725 section 3.11"},
    {C::TypMismatch, "LINT_TYP_MISMATCH", S::Warning, "A32", "typ does not fit the claims",
     "RFC 8725 sections 2.8 and 3.11; RFC 9068 section 2.2"},
    {C::TypUnusual, "LINT_TYP_UNUSUAL", S::Info, "A32", "unusual typ", "RFC 7515 section 4.1.9; RFC 7519 section 5.1"},
    {C::CtyUnusual, "LINT_CTY_UNUSUAL", S::Info, "A32 A31", "unusual cty",
     "RFC 7515 section 4.1.10; RFC 7519 section 5.2"},

    {C::ExpMissing, "LINT_EXP_MISSING", S::Warning, "A33", "no expiry", "RFC 7519 section 4.1.4"},
    {C::LongLifetime, "LINT_LONG_LIFETIME", S::Info, "A33", "very long lifetime", "RFC 7519 section 4.1.4"},
    {C::IatInFuture, "LINT_IAT_IN_FUTURE", S::Info, "A33 A23", "issued in the future", "RFC 7519 section 4.1.6"},
    {C::Expired, "LINT_EXPIRED", S::Info, "A23 A33", "expired", "RFC 7519 section 4.1.4"},
    {C::NotYetValid, "LINT_NOT_YET_VALID", S::Info, "A23 A33", "not yet valid", "RFC 7519 section 4.1.5"},
    {C::NbfAfterExp, "LINT_NBF_AFTER_EXP", S::Warning, "A23 A33", "nbf after exp: never valid",
     "RFC 7519 sections 4.1.4 and 4.1.5"},
    {C::IatAfterExp, "LINT_IAT_AFTER_EXP", S::Warning, "A23 A33", "iat after exp", "RFC 7519 sections 4.1.4 and 4.1.6"},
    {C::TimeNotNumber, "LINT_TIME_NOT_NUMBER", S::Warning, "A23", "time claim is not a number",
     "RFC 7519 section 2 (NumericDate)"},
    {C::TimeFractional, "LINT_TIME_FRACTIONAL", S::Warning, "A23", "fractional time claim",
     "RFC 7519 section 2 (NumericDate)"},
    {C::TimeNegative, "LINT_TIME_NEGATIVE", S::Warning, "A23", "time claim before 1970",
     "RFC 7519 section 2 (NumericDate)"},
    {C::TimeBeyond9999, "LINT_TIME_BEYOND_9999", S::Warning, "A23", "time claim after the year 9999",
     "RFC 7519 section 2 (NumericDate)"},
    {C::TimeUnsafeInteger, "LINT_TIME_UNSAFE_INTEGER", S::Warning, "A23", "time claim above 2^53",
     "RFC 7519 section 2; RFC 8259 section 6"},
    {C::TimeMilliseconds, "LINT_TIME_MILLISECONDS", S::Warning, "A23", "time claim in milliseconds",
     "RFC 7519 section 2 (NumericDate counts seconds)"},
    {C::ClaimType, "LINT_CLAIM_TYPE", S::Warning, "A23", "registered claim of the wrong type",
     "RFC 7519 sections 4.1.1 to 4.1.7; CVE-2020-26160"},

    {C::PayloadReadable, "LINT_PAYLOAD_READABLE", S::Info, "A34", "anyone can read the payload", "RFC 7519 section 12"},
    {C::SensitiveClaim, "LINT_SENSITIVE_CLAIM", S::Error, "A34", "password or secret in the payload",
     "RFC 7519 section 12"},
    {C::SensitivePrivateKey, "LINT_SENSITIVE_PRIVATE_KEY", S::Error, "A34", "private key in the payload",
     "RFC 7519 section 12; RFC 7517 section 9.2"},
    {C::SensitiveCloudKey, "LINT_SENSITIVE_CLOUD_KEY", S::Error, "A34", "cloud access key in the payload",
     "RFC 7519 section 12"},
    {C::SensitiveCardNumber, "LINT_SENSITIVE_CARD_NUMBER", S::Error, "A34", "payment card number in the payload",
     "RFC 7519 section 12; PCI DSS requirement 3"},
    {C::SensitiveEmail, "LINT_SENSITIVE_EMAIL", S::Warning, "A34", "e-mail address in the payload",
     "RFC 7519 section 12"},
    {C::SensitiveNationalId, "LINT_SENSITIVE_NATIONAL_ID", S::Warning, "A34", "national ID number in the payload",
     "RFC 7519 section 12"},

    {C::HmacKeyShort, "LINT_HMAC_KEY_SHORT", S::Error, "A11", "HMAC key shorter than the hash", "RFC 7518 section 3.2"},
    {C::HmacSecretKnown, "LINT_HMAC_SECRET_KNOWN", S::Error, "A11 A10", "publicly known HMAC secret",
     "RFC 8725 section 3.5; CVE-2019-20933"},
    {C::HmacSecretIsPublicKey, "LINT_HMAC_SECRET_IS_PUBLIC_KEY", S::Error, "A04",
     "HMAC secret is a public key (algorithm confusion)",
     "RFC 8725 section 3.1; CVE-2015-9235; CVE-2016-10555; CVE-2022-29217"},
    {C::HmacWithAsymmetricKeys, "LINT_HMAC_WITH_ASYMMETRIC_KEYS", S::Info, "A04",
     "HMAC token while the keys are asymmetric", "RFC 8725 section 3.1"},
    {C::RsaKeyShort, "LINT_RSA_KEY_SHORT", S::Error, "A14", "RSA key under 2048 bits", "RFC 7518 section 3.3"},
    {C::RsaRoca, "LINT_RSA_ROCA", S::Error, "A14", "ROCA-vulnerable RSA key", "CVE-2017-15361"},
    {C::KeyNoAlg, "LINT_KEY_NO_ALG", S::Warning, "A05", "key not bound to one algorithm",
     "RFC 8725 section 3.1; RFC 7517 section 4.4"},
    {C::KeySetMixed, "LINT_KEYSET_MIXED", S::Error, "A05", "key set mixes HMAC secrets and public keys",
     "RFC 8725 section 3.1"},
    {C::KeySetDuplicateKid, "LINT_KEYSET_DUPLICATE_KID", S::Warning, "A05", "duplicate kid in the key set",
     "RFC 7517 section 4.5"},
};

QList<LintRule> buildRules()
{
    QList<LintRule> rules;
    for (const RuleRow& row : kRows) {
        LintRule rule;
        rule.code = row.code;
        rule.name = QString::fromLatin1(row.name);
        rule.severity = row.severity;
        rule.attackIds = QString::fromLatin1(row.attackIds).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        rule.title = QString::fromUtf8(row.title);
        rule.reference = QString::fromUtf8(row.reference);
        // The table is indexed by the enum value; a row out of place is a programming error caught by every test.
        Q_ASSERT(static_cast<int>(row.code) == rules.size());
        rules.append(std::move(rule));
    }
    return rules;
}

} // namespace

QString lintSeverityName(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Info:
        return QStringLiteral("info");
    case LintSeverity::Warning:
        return QStringLiteral("warning");
    case LintSeverity::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

std::optional<LintSeverity> lintSeverityFromName(QStringView name)
{
    for (LintSeverity s : {LintSeverity::Info, LintSeverity::Warning, LintSeverity::Error}) {
        if (name == lintSeverityName(s))
            return s;
    }
    return std::nullopt;
}

const QList<LintRule>& lintRules()
{
    static const QList<LintRule> rules = buildRules();
    return rules;
}

const LintRule& lintRule(LintCode code)
{
    const QList<LintRule>& rules = lintRules();
    const auto index = static_cast<qsizetype>(code);
    if (index >= 0 && index < rules.size() && rules[index].code == code)
        return rules[index];
    // Unreachable while the table is complete (TestLint checks every code); fall back to a linear search.
    for (const LintRule& rule : rules) {
        if (rule.code == code)
            return rule;
    }
    return rules.front();
}

QString lintCodeName(LintCode code)
{
    return lintRule(code).name;
}

std::optional<LintCode> lintCodeFromName(QStringView name)
{
    for (const LintRule& rule : lintRules()) {
        if (rule.name == name)
            return rule.code;
    }
    return std::nullopt;
}

} // namespace assay
