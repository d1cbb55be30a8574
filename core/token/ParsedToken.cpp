// SPDX-License-Identifier: Apache-2.0
#include "token/ParsedToken.h"

#include "encoding/Base64Url.h"
#include "token/detail/TokenParts.h"

#include <algorithm>

namespace assay {

QString tokenFormName(TokenForm form)
{
    switch (form) {
    case TokenForm::Unknown:
        return QStringLiteral("unknown");
    case TokenForm::CompactJws:
        return QStringLiteral("compact JWS");
    case TokenForm::CompactJwe:
        return QStringLiteral("compact JWE");
    case TokenForm::JwsJsonFlattened:
        return QStringLiteral("JWS JSON serialization (flattened)");
    case TokenForm::JwsJsonGeneral:
        return QStringLiteral("JWS JSON serialization (general)");
    }
    return QStringLiteral("unknown");
}

QByteArray ParsedToken::signingInput(int signatureIndex) const
{
    if (signatureIndex < 0 || signatureIndex >= signatures.size())
        return {};
    // RFC 7515 section 5.2 / RFC 7797 section 3: the received texts, never a re-encoding.
    return signatures[signatureIndex].protectedHeader.raw + '.' + payload.raw;
}

namespace detail {

namespace {

bool looksLikeJson(QByteArrayView bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    const auto it = std::find_if(bytes.begin(), bytes.end(),
                                 [](char c) { return c != ' ' && c != '\t' && c != '\n' && c != '\r'; });
    return it != bytes.end() && (*it == '{' || *it == '[');
}

Error duplicateError(Segment segment, const QStringList& names)
{
    Error e;
    e.code = ErrorCode::JsonDuplicateMember;
    e.segment = segment;
    e.message = QStringLiteral("duplicate member name(s): %1").arg(names.join(QStringLiteral(", ")));
    return e;
}

} // namespace

DecodedSegment decodeSegment(Segment kind, QByteArrayView raw, qsizetype offset, QList<Error>& diagnostics)
{
    DecodedSegment s;
    s.kind = kind;
    s.raw = raw.toByteArray();
    s.offset = offset;
    auto decoded = base64url::decode(raw, kind);
    if (decoded) {
        s.bytes = std::move(*decoded);
    } else {
        s.error = decoded.error();
        diagnostics.append(decoded.error());
    }
    return s;
}

void parseProtectedHeader(JwsSignatureEntry& entry, const JsonLimits& limits, QList<Error>& diagnostics)
{
    const DecodedSegment& seg = entry.protectedHeader;
    if (seg.error) {
        entry.headerError = seg.error;
        return;
    }
    auto doc = JsonDocument::parse(seg.bytes, Segment::Header, limits);
    if (!doc) {
        entry.headerError = doc.error();
        diagnostics.append(doc.error());
        return;
    }
    if (!doc->isObject()) {
        // RFC 7515 section 4 / RFC 7519 section 7.2: the header is a JSON object.
        Error e;
        e.code = ErrorCode::JsonNotObject;
        e.segment = Segment::Header;
        e.message = QStringLiteral("the protected header is JSON but not an object");
        entry.headerError = e;
        diagnostics.append(e);
        return;
    }
    if (!doc->duplicates().isEmpty()) {
        // RFC 7515 section 5.2: a header with duplicate names must be rejected; it is still shown.
        diagnostics.append(duplicateError(Segment::Header, doc->duplicates()));
    }
    entry.header = std::move(*doc);
}

bool isUnencodedPayload(const JwsSignatureEntry& entry, QList<Error>& diagnostics)
{
    if (!entry.header)
        return false;
    const auto b64 = entry.header->member(u"b64");
    if (!b64)
        return false;
    if (const auto value = b64->toBool())
        return !*value;
    Error e;
    e.code = ErrorCode::B64Invalid;
    e.segment = Segment::Header;
    e.offset = b64->valueOffset;
    e.message = QStringLiteral("\"b64\" must be true or false (RFC 7797 section 3), found %1")
                    .arg(QString::fromUtf8(b64->rawValue.left(40)));
    diagnostics.append(e);
    return false;
}

void decodePayload(ParsedToken& token, QByteArrayView raw, qsizetype offset, bool unencoded, const TokenLimits& limits)
{
    token.payloadUnencoded = unencoded;
    if (raw.isEmpty()) {
        token.payloadDetached = true;
        token.payload.kind = Segment::Payload;
        token.payload.offset = offset;
        return;
    }
    if (unencoded) {
        token.payload.kind = Segment::Payload;
        token.payload.raw = raw.toByteArray();
        token.payload.bytes = token.payload.raw;
        token.payload.offset = offset;
    } else {
        token.payload = decodeSegment(Segment::Payload, raw, offset, token.diagnostics);
        if (token.payload.error)
            return;
    }
    auto doc = JsonDocument::parse(token.payload.bytes, Segment::Payload, limits.json);
    if (!doc) {
        // A JWS payload may be any bytes; only text that was evidently meant to be JSON is a problem.
        token.payloadJsonError = doc.error();
        if (looksLikeJson(token.payload.bytes))
            token.diagnostics.append(doc.error());
        return;
    }
    if (!doc->duplicates().isEmpty())
        token.diagnostics.append(duplicateError(Segment::Payload, doc->duplicates()));
    token.payloadJson = std::move(*doc);
}

} // namespace detail

namespace {

Result<ParsedToken> parseCompact(QByteArrayView text, qsizetype dots, const TokenLimits& limits)
{
    ParsedToken token;
    token.text = text.toByteArray();
    token.form = dots == 2 ? TokenForm::CompactJws : TokenForm::CompactJwe;

    QList<QByteArrayView> parts;
    QList<qsizetype> offsets;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= dots; ++i) {
        qsizetype end = text.indexOf('.', start);
        if (end < 0)
            end = text.size();
        parts.append(text.sliced(start, end - start));
        offsets.append(start);
        start = end + 1;
    }

    JwsSignatureEntry entry;
    if (parts[0].isEmpty()) {
        // RFC 7515 section 7.1: the protected header is never empty in the compact form (A21).
        Error e;
        e.code = ErrorCode::TokenStructure;
        e.segment = Segment::Header;
        e.offset = 0;
        e.message = QStringLiteral("the header part is empty");
        entry.protectedHeader.kind = Segment::Header;
        entry.protectedHeader.offset = 0;
        entry.protectedHeader.error = e;
        entry.headerError = e;
        token.diagnostics.append(e);
    } else {
        entry.protectedHeader = detail::decodeSegment(Segment::Header, parts[0], offsets[0], token.diagnostics);
        detail::parseProtectedHeader(entry, limits.json, token.diagnostics);
    }

    if (token.form == TokenForm::CompactJwe) {
        // RFC 7516 section 7.1; the JWE's protected header lives in signatures[0] so header() finds it.
        token.signatures.append(std::move(entry));
        const Segment kinds[] = {Segment::EncryptedKey, Segment::InitializationVector, Segment::Ciphertext,
                                 Segment::AuthenticationTag};
        for (int i = 0; i < 4; ++i)
            token.jweParts.append(detail::decodeSegment(kinds[i], parts[i + 1], offsets[i + 1], token.diagnostics));
        return token;
    }

    const bool unencoded = detail::isUnencodedPayload(entry, token.diagnostics);
    detail::decodePayload(token, parts[1], offsets[1], unencoded, limits);
    entry.signature = detail::decodeSegment(Segment::Signature, parts[2], offsets[2], token.diagnostics);
    token.signatures.append(std::move(entry));
    return token;
}

} // namespace

Result<ParsedToken> parseToken(QByteArrayView text, const TokenLimits& limits)
{
    // Every cap before any work (ATTACKS.md A24).
    if (text.isEmpty())
        return fail(ErrorCode::InputEmpty, QStringLiteral("no token given"), Segment::Input);
    if (text.size() > limits.maxTokenBytes) {
        return fail(ErrorCode::InputTooLarge,
                    QStringLiteral("the token is %1 bytes, more than the limit of %2 bytes")
                        .arg(text.size())
                        .arg(limits.maxTokenBytes),
                    Segment::Input);
    }
    const auto first =
        std::find_if(text.begin(), text.end(), [](char c) { return c != ' ' && c != '\t' && c != '\n' && c != '\r'; });
    if (first != text.end() && *first == '{')
        return detail::parseJwsJson(text, limits);

    // Count before splitting, so a text of nothing but dots costs one linear scan (CVE-2025-27144).
    const qsizetype dots = text.count('.');
    if (dots == 2 || dots == 4)
        return parseCompact(text, dots, limits);
    if (dots == 0) {
        return fail(ErrorCode::UnknownForm,
                    QStringLiteral("not a token: no '.' separators (1 part) and not a JSON serialization"),
                    Segment::Input);
    }
    return fail(ErrorCode::TokenStructure,
                QStringLiteral("found %1 parts; a compact JWS has 3 parts and a compact JWE has 5").arg(dots + 1),
                Segment::Input);
}

} // namespace assay
