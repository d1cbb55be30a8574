// SPDX-License-Identifier: Apache-2.0
#include "base/Error.h"

namespace assay {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InputEmpty:
        return QStringLiteral("ERR_INPUT_EMPTY");
    case ErrorCode::InputTooLarge:
        return QStringLiteral("ERR_INPUT_TOO_LARGE");
    case ErrorCode::TokenStructure:
        return QStringLiteral("ERR_TOKEN_STRUCTURE");
    case ErrorCode::UnknownForm:
        return QStringLiteral("ERR_UNKNOWN_FORM");
    case ErrorCode::Base64UrlInvalidChar:
        return QStringLiteral("ERR_BASE64URL_INVALID_CHAR");
    case ErrorCode::Base64UrlPadding:
        return QStringLiteral("ERR_BASE64URL_PADDING");
    case ErrorCode::Base64UrlBadLength:
        return QStringLiteral("ERR_BASE64URL_BAD_LENGTH");
    case ErrorCode::Base64UrlNonCanonical:
        return QStringLiteral("ERR_BASE64URL_NON_CANONICAL");
    case ErrorCode::JsonSyntax:
        return QStringLiteral("ERR_JSON_SYNTAX");
    case ErrorCode::JsonDuplicateMember:
        return QStringLiteral("ERR_JSON_DUPLICATE_MEMBER");
    case ErrorCode::JsonTooDeep:
        return QStringLiteral("ERR_JSON_TOO_DEEP");
    case ErrorCode::JsonTooLarge:
        return QStringLiteral("ERR_JSON_TOO_LARGE");
    case ErrorCode::JsonNotObject:
        return QStringLiteral("ERR_JSON_NOT_OBJECT");
    case ErrorCode::JsonBom:
        return QStringLiteral("ERR_JSON_BOM");
    case ErrorCode::Utf8Invalid:
        return QStringLiteral("ERR_UTF8_INVALID");
    case ErrorCode::HeaderMissingAlg:
        return QStringLiteral("ERR_HEADER_MISSING_ALG");
    case ErrorCode::HeaderInvalidMember:
        return QStringLiteral("ERR_HEADER_INVALID_MEMBER");
    case ErrorCode::CritUnsupported:
        return QStringLiteral("ERR_CRIT_UNSUPPORTED");
    case ErrorCode::CritInvalid:
        return QStringLiteral("ERR_CRIT_INVALID");
    case ErrorCode::B64Invalid:
        return QStringLiteral("ERR_B64_INVALID");
    case ErrorCode::AlgUnsupported:
        return QStringLiteral("ERR_ALG_UNSUPPORTED");
    case ErrorCode::AlgNone:
        return QStringLiteral("ERR_ALG_NONE");
    case ErrorCode::AlgNotAllowedForKey:
        return QStringLiteral("ERR_ALG_NOT_ALLOWED_FOR_KEY");
    case ErrorCode::SignatureLength:
        return QStringLiteral("ERR_SIGNATURE_LENGTH");
    case ErrorCode::SignatureDer:
        return QStringLiteral("ERR_SIGNATURE_DER");
    case ErrorCode::SignatureMismatch:
        return QStringLiteral("ERR_SIGNATURE_MISMATCH");
    case ErrorCode::KeyParse:
        return QStringLiteral("ERR_KEY_PARSE");
    case ErrorCode::KeyUnsupported:
        return QStringLiteral("ERR_KEY_UNSUPPORTED");
    case ErrorCode::KeyInvalid:
        return QStringLiteral("ERR_KEY_INVALID");
    case ErrorCode::KeyPassphraseRequired:
        return QStringLiteral("ERR_KEY_PASSPHRASE_REQUIRED");
    case ErrorCode::KeyPassphraseWrong:
        return QStringLiteral("ERR_KEY_PASSPHRASE_WRONG");
    case ErrorCode::KeyEmptySecret:
        return QStringLiteral("ERR_KEY_EMPTY_SECRET");
    case ErrorCode::KeyTooLarge:
        return QStringLiteral("ERR_KEY_TOO_LARGE");
    case ErrorCode::KeyUseMismatch:
        return QStringLiteral("ERR_KEY_USE_MISMATCH");
    case ErrorCode::KeyNotFound:
        return QStringLiteral("ERR_KEY_NOT_FOUND");
    case ErrorCode::KeyNotPrivate:
        return QStringLiteral("ERR_KEY_NOT_PRIVATE");
    case ErrorCode::KeySetInvalid:
        return QStringLiteral("ERR_KEY_SET_INVALID");
    case ErrorCode::ClaimExpired:
        return QStringLiteral("ERR_CLAIM_EXPIRED");
    case ErrorCode::ClaimNotYetValid:
        return QStringLiteral("ERR_CLAIM_NOT_YET_VALID");
    case ErrorCode::ClaimIssuedInFuture:
        return QStringLiteral("ERR_CLAIM_ISSUED_IN_FUTURE");
    case ErrorCode::ClaimInvalidType:
        return QStringLiteral("ERR_CLAIM_INVALID_TYPE");
    case ErrorCode::ClaimMismatch:
        return QStringLiteral("ERR_CLAIM_MISMATCH");
    case ErrorCode::ClaimMissing:
        return QStringLiteral("ERR_CLAIM_MISSING");
    case ErrorCode::NetworkRefused:
        return QStringLiteral("ERR_NETWORK_REFUSED");
    case ErrorCode::NetworkFailure:
        return QStringLiteral("ERR_NETWORK_FAILURE");
    case ErrorCode::NetworkTimeout:
        return QStringLiteral("ERR_NETWORK_TIMEOUT");
    case ErrorCode::TlsFailure:
        return QStringLiteral("ERR_TLS_FAILURE");
    case ErrorCode::HttpStatus:
        return QStringLiteral("ERR_HTTP_STATUS");
    case ErrorCode::TooManyRedirects:
        return QStringLiteral("ERR_TOO_MANY_REDIRECTS");
    case ErrorCode::ResponseTooLarge:
        return QStringLiteral("ERR_RESPONSE_TOO_LARGE");
    case ErrorCode::KeySetEmpty:
        return QStringLiteral("ERR_KEY_SET_EMPTY");
    case ErrorCode::IssuerMismatch:
        return QStringLiteral("ERR_ISSUER_MISMATCH");
    case ErrorCode::DiscoveryInvalid:
        return QStringLiteral("ERR_DISCOVERY_INVALID");
    case ErrorCode::CacheMiss:
        return QStringLiteral("ERR_CACHE_MISS");
    case ErrorCode::Cancelled:
        return QStringLiteral("ERR_CANCELLED");
    case ErrorCode::Usage:
        return QStringLiteral("ERR_USAGE");
    case ErrorCode::Io:
        return QStringLiteral("ERR_IO");
    case ErrorCode::CryptoFailure:
        return QStringLiteral("ERR_CRYPTO_FAILURE");
    case ErrorCode::Internal:
        return QStringLiteral("ERR_INTERNAL");
    }
    return QStringLiteral("ERR_INTERNAL");
}

QString segmentName(Segment segment)
{
    switch (segment) {
    case Segment::None:
        return {};
    case Segment::Input:
        return QStringLiteral("input");
    case Segment::Header:
        return QStringLiteral("header");
    case Segment::Payload:
        return QStringLiteral("payload");
    case Segment::Signature:
        return QStringLiteral("signature");
    case Segment::UnprotectedHeader:
        return QStringLiteral("unprotected header");
    case Segment::EncryptedKey:
        return QStringLiteral("encrypted key");
    case Segment::InitializationVector:
        return QStringLiteral("initialization vector");
    case Segment::Ciphertext:
        return QStringLiteral("ciphertext");
    case Segment::AuthenticationTag:
        return QStringLiteral("authentication tag");
    case Segment::Key:
        return QStringLiteral("key");
    case Segment::Claims:
        return QStringLiteral("claims");
    }
    return {};
}

QString Error::where() const
{
    QString out = segmentName(segment);
    auto append = [&out](const QString& part) {
        if (!out.isEmpty())
            out += QStringLiteral(", ");
        out += part;
    };
    if (line > 0)
        append(QStringLiteral("line %1, column %2").arg(line).arg(column));
    else if (offset >= 0)
        append(QStringLiteral("offset %1").arg(offset));
    return out;
}

QString Error::toString() const
{
    const QString location = where();
    QString out = location.isEmpty() ? message : location + QStringLiteral(": ") + message;
    if (!detail.isEmpty())
        out += QStringLiteral(" (") + detail + QLatin1Char(')');
    return out;
}

} // namespace assay
