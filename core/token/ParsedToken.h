// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Error.h"
#include "encoding/JsonDocument.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace assay {

/// The serialization a token text was recognised as.
enum class TokenForm
{
    Unknown,
    CompactJws,       // RFC 7515 section 7.1: header.payload.signature
    CompactJwe,       // RFC 7516 section 7.1: five parts (decoded for inspection only)
    JwsJsonFlattened, // RFC 7515 section 7.2.2
    JwsJsonGeneral,   // RFC 7515 section 7.2.1
};

QString tokenFormName(TokenForm form);

/// One base64url part of a token, kept exactly as received.
struct DecodedSegment
{
    Segment kind = Segment::None;
    QByteArray raw;             // exactly as in the token text (never re-encoded)
    qsizetype offset = -1;      // where `raw` starts in the token text (compact forms), -1 for JSON serialization
    QByteArray bytes;           // decoded bytes (empty when `error` is set)
    std::optional<Error> error; // this segment's own decoding problem; other segments still decode
};

/// One signature of a JWS (a compact JWS has exactly one).
struct JwsSignatureEntry
{
    DecodedSegment protectedHeader;                // base64url text of the protected header
    std::optional<JsonDocument> header;            // the protected header, when it decoded and parsed
    std::optional<Error> headerError;              // why it did not (JSON syntax, not an object, BOM, ...)
    std::optional<JsonDocument> unprotectedHeader; // JSON serialization "header" member, if any
    DecodedSegment signature;
};

/// A token split into its parts, each decoded on its own so a broken part never hides a good one.
/// Value type; produced by parseToken().
struct ParsedToken
{
    TokenForm form = TokenForm::Unknown;
    QByteArray text; // the exact text that was parsed

    // JWS (compact and JSON serializations)
    QList<JwsSignatureEntry> signatures;
    DecodedSegment payload;        // for b64:false (RFC 7797) `raw` == `bytes`, no base64url involved
    bool payloadDetached = false;  // compact with an empty payload part, or JSON without "payload"
    bool payloadUnencoded = false; // b64:false in the (first) protected header
    std::optional<JsonDocument> payloadJson;
    std::optional<Error> payloadJsonError; // the payload is not JSON (may be fine for a JWS: shown as text/bytes)

    // JWE (compact): protected header plus four more parts, decoded for inspection only. The protected header is
    // in signatures[0] (protectedHeader/header/headerError; its `signature` stays empty) so header() works for both.
    QList<DecodedSegment> jweParts; // encrypted key, IV, ciphertext, tag

    /// Every problem found, in the order of the parts (segment errors, header errors, payload problems).
    QList<Error> diagnostics;

    [[nodiscard]] bool isJws() const
    {
        return form == TokenForm::CompactJws || form == TokenForm::JwsJsonFlattened ||
               form == TokenForm::JwsJsonGeneral;
    }
    /// The first protected header (compact forms have exactly one).
    [[nodiscard]] const JsonDocument* header() const
    {
        return !signatures.isEmpty() && signatures.front().header ? &*signatures.front().header : nullptr;
    }
    /// `header.payload` exactly as received (compact JWS); the signing input for b64 true.
    [[nodiscard]] QByteArray signingInput(int signatureIndex = 0) const;
};

/// Caps checked before any work (ATTACKS.md A24).
struct TokenLimits
{
    qsizetype maxTokenBytes = 1024 * 1024; // 1 MiB by default; callers may raise it
    int maxSignatures = 16;
    JsonLimits json;
};

/// Splits and decodes a token. Fails only when the text is not any token form at all (empty, too large, wrong
/// number of parts, JSON that is not a JWS JSON serialization); problems inside parts go to `diagnostics` and to
/// the parts' own `error` members.
[[nodiscard]] Result<ParsedToken> parseToken(QByteArrayView text, const TokenLimits& limits = {});

} // namespace assay
