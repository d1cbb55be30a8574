// SPDX-License-Identifier: Apache-2.0
// Parser findings as lints (ATTACKS.md A20-A22): the parser keeps going past a broken part so the rest can still be
// shown; the lint says what was broken and where.
#include "audit/detail/LintRules.h"

#include <algorithm>

namespace assay::detail {

namespace {

bool isJsonProblem(ErrorCode code)
{
    switch (code) {
    case ErrorCode::JsonSyntax:
    case ErrorCode::JsonTooDeep:
    case ErrorCode::JsonTooLarge:
    case ErrorCode::JsonNotObject:
    case ErrorCode::JsonBom:
    case ErrorCode::Utf8Invalid:
        return true;
    default:
        return false;
    }
}

// A base64url (or structure) problem of one part. The parser's offset counts characters of the part's text.
void segmentProblem(LintSink& sink, const DecodedSegment& seg, int signatureIndex)
{
    if (!seg.error)
        return;
    const Error& e = *seg.error;
    LintCode code = LintCode::Base64UrlInvalid;
    if (e.code == ErrorCode::Base64UrlNonCanonical)
        code = LintCode::Base64UrlNonCanonical;
    else if (e.code == ErrorCode::TokenStructure)
        code = LintCode::TokenStructure;
    LintLocation loc = sink.whole(seg.kind, signatureIndex);
    if (e.offset >= 0 && loc.tokenOffset >= 0 && e.offset < seg.raw.size()) {
        loc.tokenOffset += e.offset;
        loc.tokenLength = 1;
    }
    const QString message = code == LintCode::TokenStructure
                                ? e.message
                                : QStringLiteral("the %1 part: %2").arg(segmentName(seg.kind), e.message);
    sink.add(code, message, loc);
}

void jsonProblem(LintSink& sink, const Error& e, Segment segment, int signatureIndex)
{
    LintLocation loc = sink.whole(segment, signatureIndex);
    if (e.offset >= 0)
        loc = sink.span(segment, signatureIndex, {}, e.offset, 1);
    const LintCode code = e.code == ErrorCode::TokenStructure ? LintCode::TokenStructure : LintCode::JsonInvalid;
    sink.add(code, QStringLiteral("the %1: %2").arg(segmentName(segment), e.message), loc);
}

// The top-level member a duplicate path ("name", "a.b.name", "a[0].name") belongs to: the longest top-level name that
// is the whole path or prefixes it followed by '.' or '['. For a repeated top-level name, its last occurrence.
const JsonMember* ownerOf(const JsonDocument& doc, const QString& path)
{
    const JsonMember* owner = nullptr;
    for (const JsonMember& m : doc.members()) {
        if (m.name == path) {
            owner = &m; // keep going: the last occurrence is the one JSON readers use, and the surprising one
            continue;
        }
        if (path.size() > m.name.size() && path.startsWith(m.name)) {
            const QChar next = path.at(m.name.size());
            if ((next == QLatin1Char('.') || next == QLatin1Char('[')) &&
                (!owner || (owner->name != path && m.name.size() > owner->name.size())))
                owner = &m;
        }
    }
    return owner;
}

void duplicates(LintSink& sink, const JsonDocument& doc, Segment segment, int signatureIndex, const QString& why)
{
    for (const QString& path : doc.duplicates()) {
        const JsonMember* owner = ownerOf(doc, path);
        const LintLocation loc =
            owner ? sink.member(segment, signatureIndex, *owner, path) : sink.whole(segment, signatureIndex);
        sink.add(LintCode::DuplicateMember,
                 QStringLiteral("the %1 has the member name \"%2\" more than once: %3")
                     .arg(segmentName(segment), quoteForMessage(path), why),
                 loc);
    }
}

bool typedAsJwt(const ParsedToken& token)
{
    if (token.signatures.isEmpty())
        return false;
    const HeaderMember typ = findHeaderMember(token.signatures.front(), u"typ");
    const QString type = typ ? normalizedMediaType(typ.member->toString().value_or(QString())) : QString();
    return type == QLatin1String("jwt") || type.endsWith(QLatin1String("+jwt"));
}

} // namespace

void lintStructure(LintSink& sink)
{
    const ParsedToken& token = sink.token();
    const bool jwe = token.form == TokenForm::CompactJwe;
    for (int i = 0; i < token.signatures.size(); ++i) {
        const JwsSignatureEntry& entry = token.signatures[i];
        if (entry.protectedHeader.error) {
            segmentProblem(sink, entry.protectedHeader, i);
        } else if (entry.headerError) {
            jsonProblem(sink, *entry.headerError, Segment::Header, i);
        }
        if (entry.header) {
            duplicates(sink, *entry.header, Segment::Header, i,
                       QStringLiteral("parsers disagree on which one counts, so RFC 7515 section 5.2 requires "
                                      "rejecting the token"));
        }
        if (entry.unprotectedHeader) {
            duplicates(sink, *entry.unprotectedHeader, Segment::UnprotectedHeader, i,
                       QStringLiteral("parsers disagree on which one counts"));
            if (entry.header) {
                for (const JsonMember& m : entry.unprotectedHeader->members()) {
                    if (entry.header->contains(m.name)) {
                        sink.add(LintCode::DuplicateMember,
                                 QStringLiteral("\"%1\" is in both the protected and the unprotected header; RFC 7515 "
                                                "section 7.2.1 requires them to be disjoint")
                                     .arg(quoteForMessage(m.name)),
                                 sink.member(Segment::UnprotectedHeader, i, m));
                    }
                }
            }
        }
        if (!jwe)
            segmentProblem(sink, entry.signature, i);
    }

    if (token.isJws()) {
        segmentProblem(sink, token.payload, 0);
        // The parser records a payload JSON error only when the bytes were evidently meant to be JSON.
        if (token.payloadJsonError) {
            const Error& e = *token.payloadJsonError;
            const bool reported =
                std::any_of(token.diagnostics.cbegin(), token.diagnostics.cend(), [&e](const Error& d) {
                    return d.segment == Segment::Payload && d.code == e.code && d.offset == e.offset;
                });
            if (reported && isJsonProblem(e.code))
                jsonProblem(sink, e, Segment::Payload, 0);
        }
        if (token.payloadJson) {
            // Any JSON value is a fine JWS payload; only a token that calls itself a JWT must carry an object.
            if (!token.payloadJson->isObject() && typedAsJwt(token)) {
                sink.add(LintCode::JsonInvalid,
                         QStringLiteral("the payload is %1, not a JSON object, so it is not a JWT claims set "
                                        "(RFC 7519 section 7.2)")
                             .arg(jsonKindDescription(token.payloadJson->rootKind())),
                         sink.whole(Segment::Payload));
            }
            duplicates(sink, *token.payloadJson, Segment::Payload, 0,
                       QStringLiteral("which value a server acts on depends on its JSON parser (CVE-2022-39227)"));
        }
    }
    for (const DecodedSegment& part : token.jweParts)
        segmentProblem(sink, part, 0);
}

} // namespace assay::detail
