// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace assay {

class JsonDocument;

/// Kinds of data that should not travel in a readable token (RFC 7519 section 12, ATTACKS.md A34).
enum class SensitiveKind
{
    Credential,     // a member named like a password or secret (password, passwd, pwd, client_secret, api_key, ...)
    PrivateKey,     // a value that parses as a private key (PEM, DER, JWK with d/p/q/k, encrypted PKCS #8)
    CloudAccessKey, // an access key of a well-known service (AWS AKIA/ASIA, Google AIza, GitHub ghp_, Stripe sk_live_)
    CardNumber,     // 13 to 19 digits that pass the Luhn check and start like a payment card (2 to 6)
    EmailAddress,
    NationalId, // a US Social Security number (AAA-GG-SSSS with the never-issued ranges excluded)
};

/// "credential", "private key", "cloud access key", "card number", "e-mail address", "national ID number".
[[nodiscard]] QString sensitiveKindName(SensitiveKind kind);

/// One sensitive-looking item. Never holds the value itself, only a masked form.
struct SensitiveMatch
{
    SensitiveKind kind = SensitiveKind::Credential;
    QString path;          // "password", "user.email", "cards[1]" (names joined with '.', array indices in [])
    qsizetype offset = -1; // byte offset in the document's text: the member (name and value) or the value
    qsizetype length = 0;
    QString masked; // "j***@e***.com", "card number ending in 1111 (16 digits)", "12 characters, not shown"
    QString detail; // more about the kind: "RSA 2048-bit private key (JWK)", "AWS access key ID"
};

/// Walks every member name and every string and number value of `document` (at any depth) and returns what looks
/// sensitive, in document order. Values are masked: an e-mail address keeps its first letters and top-level domain, a
/// card number its last four digits, a credential only its length.
[[nodiscard]] QList<SensitiveMatch> findSensitiveData(const JsonDocument& document);

/// The Luhn (mod 10) check of ISO/IEC 7812-1 over a string of ASCII digits; false for anything else.
[[nodiscard]] bool passesLuhn(QStringView digits);

/// "j***@e***.com" for "john.doe@example.com".
[[nodiscard]] QString maskEmailAddress(QStringView address);

} // namespace assay
