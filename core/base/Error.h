// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace assay {

/// Stable error codes, one per distinct failure (in the spirit of panva/jose's ERR_* codes).
/// The numeric values are not stable; the names returned by errorCodeName() are.
enum class ErrorCode
{
    // Input and structure
    InputEmpty,
    InputTooLarge,
    TokenStructure, // wrong number of segments, empty header, ...
    UnknownForm,    // neither compact JWS/JWE nor JSON serialization
                    // base64url (RFC 7515 section 2)
    Base64UrlInvalidChar,
    Base64UrlPadding,
    Base64UrlBadLength,
    Base64UrlNonCanonical,
    // JSON
    JsonSyntax,
    JsonDuplicateMember,
    JsonTooDeep,
    JsonTooLarge,
    JsonNotObject,
    JsonBom,
    Utf8Invalid,
    // Header semantics
    HeaderMissingAlg,
    HeaderInvalidMember,
    CritUnsupported,
    CritInvalid,
    B64Invalid,
    // JWS
    AlgUnsupported,
    AlgNone,
    AlgNotAllowedForKey,
    SignatureLength,
    SignatureDer,
    SignatureMismatch,
    // Keys
    KeyParse,
    KeyUnsupported,
    KeyInvalid,
    KeyPassphraseRequired,
    KeyPassphraseWrong,
    KeyEmptySecret,
    KeyTooLarge,
    KeyUseMismatch,
    KeyNotFound,
    KeyNotPrivate,
    KeySetInvalid,
    // Claims
    ClaimExpired,
    ClaimNotYetValid,
    ClaimIssuedInFuture,
    ClaimInvalidType,
    ClaimMismatch,
    ClaimMissing,
    // Network: fetching a JWK Set on the user's explicit request (core/net/)
    NetworkRefused,   // URL not allowed: not https, http other than an allowed localhost, redirect to http, ...
    NetworkFailure,   // could not connect, connection reset, malformed HTTP response
    NetworkTimeout,   // the fetch took longer than its timeout
    TlsFailure,       // TLS handshake or certificate verification failed
    HttpStatus,       // an HTTP status other than 200 (404: not found)
    TooManyRedirects, // more redirects than allowed
    ResponseTooLarge, // body larger than the cap
    KeySetEmpty,      // a JWK Set with no (usable) keys
    IssuerMismatch,   // discovery metadata names another issuer (RFC 8414 section 3.3)
    DiscoveryInvalid, // discovery metadata without a usable jwks_uri
    CacheMiss,        // no cached JWK Set for that source

    // Anything else
    Cancelled, // the caller stopped the operation (e.g. key generation, jwk/KeyGenerationControl.h)
    Usage,
    Io,
    CryptoFailure,
    Internal,
};

/// The stable name of a code, e.g. "ERR_BASE64URL_INVALID_CHAR".
QString errorCodeName(ErrorCode code);

/// Which part of the input an error or a diagnostic points at.
enum class Segment
{
    None,
    Input,
    Header, // compact JWS/JWE protected header
    Payload,
    Signature,
    UnprotectedHeader, // JSON serialization "header"
    EncryptedKey,      // JWE parts
    InitializationVector,
    Ciphertext,
    AuthenticationTag,
    Key,
    Claims,
};

/// A human name for a segment ("header", "payload", ...).
QString segmentName(Segment segment);

/// One failure: a stable code, a human message, and where it happened.
/// Offsets are 0-based byte offsets inside the named segment; line and column are 1-based (0 = unknown).
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    Segment segment = Segment::None;
    qsizetype offset = -1;
    int line = 0;
    int column = 0;
    QString detail; // e.g. the library's own reason (OpenSSL, nlohmann/json)

    /// "payload, offset 12" or "header, line 1, column 5", or an empty string when nothing is known.
    [[nodiscard]] QString where() const;
    /// "<where>: <message>" plus the detail in parentheses; one line.
    [[nodiscard]] QString toString() const;
};

} // namespace assay
