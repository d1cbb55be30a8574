// SPDX-License-Identifier: Apache-2.0
// RFC 7515 section 7.2: the JWS JSON serialization, flattened (7.2.2) and general (7.2.1).
#include "token/detail/TokenParts.h"

#include <QSet>

#include <algorithm>

namespace assay::detail {

namespace {

std::unexpected<Error> structureError(QString message)
{
    return fail(ErrorCode::TokenStructure, std::move(message), Segment::Input);
}

/// A member that must be a JSON string, or absent. Wrong types fail the whole token: there is no safe way to
/// show a JWS whose parts cannot be found.
Result<std::optional<QByteArray>> stringMember(const JsonDocument& object, QStringView name, const QString& where)
{
    const auto m = object.member(name);
    if (!m)
        return std::optional<QByteArray>();
    const auto value = m->toString();
    if (!value)
        return structureError(QStringLiteral("\"%1\" in %2 must be a string").arg(name, where));
    return std::optional<QByteArray>(value->toUtf8());
}

Result<JwsSignatureEntry> parseSignatureObject(const JsonDocument& object, const QString& where,
                                               const TokenLimits& limits, QList<Error>& diagnostics)
{
    JwsSignatureEntry entry;
    const auto protectedText = stringMember(object, u"protected", where);
    if (!protectedText)
        return fail(protectedText.error());
    const auto signatureText = stringMember(object, u"signature", where);
    if (!signatureText)
        return fail(signatureText.error());
    if (!*signatureText)
        return structureError(QStringLiteral("%1 has no \"signature\" member").arg(where));
    const auto header = object.member(u"header");
    if (!*protectedText && !header) {
        // RFC 7515 section 7.2.1: at least one of "protected" and "header" is present.
        return structureError(QStringLiteral("%1 has neither \"protected\" nor \"header\"").arg(where));
    }

    if (*protectedText) {
        entry.protectedHeader = decodeSegment(Segment::Header, **protectedText, -1, diagnostics);
        if (!entry.protectedHeader.raw.isEmpty())
            parseProtectedHeader(entry, limits.json, diagnostics);
    } else {
        entry.protectedHeader.kind = Segment::Header;
    }

    if (header) {
        if (header->kind != JsonKind::Object)
            return structureError(QStringLiteral("\"header\" in %1 must be a JSON object").arg(where));
        auto doc = JsonDocument::parse(header->rawValue, Segment::UnprotectedHeader, limits.json);
        if (!doc)
            return fail(doc.error());
        if (entry.header) {
            // RFC 7515 section 7.2.1: protected and unprotected names are disjoint (ATTACKS.md A19).
            QStringList both;
            for (const JsonMember& m : doc->members()) {
                if (entry.header->contains(m.name) && !both.contains(m.name))
                    both.append(m.name);
            }
            if (!both.isEmpty()) {
                Error e;
                e.code = ErrorCode::JsonDuplicateMember;
                e.segment = Segment::UnprotectedHeader;
                e.message = QStringLiteral("in both the protected and the unprotected header: %1")
                                .arg(both.join(QStringLiteral(", ")));
                diagnostics.append(e);
            }
        }
        if (doc->contains(u"b64")) {
            // RFC 7797 section 3: b64 must be integrity protected.
            Error e;
            e.code = ErrorCode::B64Invalid;
            e.segment = Segment::UnprotectedHeader;
            e.message = QStringLiteral("\"b64\" must be in the protected header");
            diagnostics.append(e);
        }
        entry.unprotectedHeader = std::move(*doc);
    }

    entry.signature = decodeSegment(Segment::Signature, **signatureText, -1, diagnostics);
    return entry;
}

} // namespace

Result<ParsedToken> parseJwsJson(QByteArrayView text, const TokenLimits& limits)
{
    // The outer document is bounded by the token cap; the nesting cap stays the JSON one.
    JsonLimits outerLimits = limits.json;
    outerLimits.maxBytes = std::max(outerLimits.maxBytes, limits.maxTokenBytes);
    auto outer = JsonDocument::parse(text, Segment::Input, outerLimits);
    if (!outer)
        return fail(outer.error());
    if (!outer->isObject())
        return fail(ErrorCode::UnknownForm, QStringLiteral("JSON text that is not an object is not a token"),
                    Segment::Input);
    if (!outer->duplicates().isEmpty()) {
        // Duplicate names in the serialization itself leave it ambiguous which part is meant (A19, A22).
        return fail(ErrorCode::JsonDuplicateMember,
                    QStringLiteral("duplicate member name(s) in the JSON serialization: %1")
                        .arg(outer->duplicates().join(QStringLiteral(", "))),
                    Segment::Input);
    }

    const bool general = outer->contains(u"signatures");
    const bool flattened = outer->contains(u"signature");
    if (!general && !flattened) {
        if (outer->contains(u"ciphertext")) {
            return fail(ErrorCode::UnknownForm,
                        QStringLiteral("this is a JWE JSON serialization; only the compact JWE form is recognised"),
                        Segment::Input);
        }
        return fail(ErrorCode::UnknownForm,
                    QStringLiteral("JSON without \"signature\" or \"signatures\" is not a JWS JSON serialization"),
                    Segment::Input);
    }
    if (general && (flattened || outer->contains(u"protected") || outer->contains(u"header"))) {
        // RFC 7515 section 7.2.2: the flattened members never appear beside "signatures"; mixing them is how
        // CVE-2022-39227 swapped what was verified with what was shown.
        return structureError(QStringLiteral(
            "\"signatures\" cannot be combined with top-level \"signature\", \"protected\" or \"header\""));
    }

    ParsedToken token;
    token.text = text.toByteArray();
    token.form = general ? TokenForm::JwsJsonGeneral : TokenForm::JwsJsonFlattened;

    if (general) {
        const auto list = outer->member(u"signatures");
        if (list->kind != JsonKind::Array)
            return structureError(QStringLiteral("\"signatures\" must be an array"));
        auto array = JsonDocument::parse(list->rawValue, Segment::Input, outerLimits);
        if (!array)
            return fail(array.error());
        const auto& elements = array->elements();
        if (elements.isEmpty())
            return structureError(QStringLiteral("\"signatures\" is empty"));
        if (elements.size() > limits.maxSignatures) {
            return fail(ErrorCode::InputTooLarge,
                        QStringLiteral("%1 signatures, more than the limit of %2")
                            .arg(elements.size())
                            .arg(limits.maxSignatures),
                        Segment::Input);
        }
        for (qsizetype i = 0; i < elements.size(); ++i) {
            const QString where = QStringLiteral("signatures[%1]").arg(i);
            if (elements[i].kind != JsonKind::Object)
                return structureError(QStringLiteral("%1 must be a JSON object").arg(where));
            auto object = JsonDocument::parse(elements[i].rawValue, Segment::Input, outerLimits);
            if (!object)
                return fail(object.error());
            auto entry = parseSignatureObject(*object, where, limits, token.diagnostics);
            if (!entry)
                return fail(entry.error());
            token.signatures.append(std::move(*entry));
        }
    } else {
        auto entry = parseSignatureObject(*outer, QStringLiteral("the JWS"), limits, token.diagnostics);
        if (!entry)
            return fail(entry.error());
        token.signatures.append(std::move(*entry));
    }

    // RFC 7797 section 3: every signature must agree on b64, since they all cover the same payload.
    bool unencoded = false;
    for (qsizetype i = 0; i < token.signatures.size(); ++i) {
        const bool thisOne = isUnencodedPayload(token.signatures[i], token.diagnostics);
        if (i == 0) {
            unencoded = thisOne;
        } else if (thisOne != unencoded) {
            Error e;
            e.code = ErrorCode::B64Invalid;
            e.segment = Segment::Header;
            e.message = QStringLiteral("signatures[%1] disagrees with signatures[0] on \"b64\"").arg(i);
            token.diagnostics.append(e);
        }
    }

    const auto payload = stringMember(*outer, u"payload", QStringLiteral("the JWS"));
    if (!payload)
        return fail(payload.error());
    // Absent "payload": detached content (RFC 7515 appendix F).
    decodePayload(token, payload->value_or(QByteArray()), -1, unencoded, limits);
    return token;
}

} // namespace assay::detail
