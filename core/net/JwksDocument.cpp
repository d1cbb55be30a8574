// SPDX-License-Identifier: Apache-2.0
#include "net/JwksDocument.h"

#include "encoding/JsonDocument.h"
#include "jwk/KeyLoader.h"

namespace assay {

namespace {

JsonLimits limitsFor(QByteArrayView body)
{
    // The size was already capped by the fetch; the JSON parser's own default cap must not cut it shorter.
    JsonLimits limits;
    limits.maxBytes = std::max<qsizetype>(limits.maxBytes, body.size());
    return limits;
}

// The elements of the "keys" array, or nullopt when the document has no such array.
std::optional<QList<JsonMember>> keyElements(const JsonDocument& document)
{
    const JsonMember* keys = document.find(u"keys");
    if (keys == nullptr || keys->kind != JsonKind::Array)
        return std::nullopt;
    Result<JsonDocument> array = JsonDocument::parse(keys->rawValue, Segment::None, limitsFor(keys->rawValue));
    if (!array)
        return std::nullopt;
    return array->elements();
}

} // namespace

Result<KeySet> parseJwksBody(QByteArrayView body)
{
    Result<JsonDocument> document = JsonDocument::parse(body, Segment::None, limitsFor(body));
    if (!document) {
        Error e = document.error();
        e.message = QStringLiteral("not JSON: %1").arg(e.message);
        return fail(std::move(e));
    }
    if (!document->isObject())
        return fail(ErrorCode::JsonNotObject, QStringLiteral("not a JWK Set: the document is not a JSON object"),
                    Segment::None);
    const JsonMember* keys = document->find(u"keys");
    if (keys == nullptr) {
        QString hint;
        if (document->contains(u"jwks_uri"))
            hint = QStringLiteral(" (it looks like discovery metadata: fetch its jwks_uri, or discover by issuer)");
        else if (document->contains(u"kty"))
            hint = QStringLiteral(" (it looks like a single JWK, not a set)");
        return fail(ErrorCode::KeySetEmpty, QStringLiteral("no keys: the document has no \"keys\" member%1").arg(hint),
                    Segment::None);
    }
    if (keys->kind != JsonKind::Array)
        return fail(ErrorCode::KeySetInvalid,
                    QStringLiteral("\"keys\" is %1, not an array").arg(jsonKindDescription(keys->kind)), Segment::None);
    const std::optional<QList<JsonMember>> elements = keyElements(*document);
    if (elements && elements->isEmpty())
        return fail(ErrorCode::KeySetEmpty, QStringLiteral("no keys: \"keys\" is an empty array"), Segment::None);

    Result<KeySet> set = loadKeys(body);
    if (!set)
        return fail(set.error());
    if (set->keys.isEmpty()) {
        return fail(ErrorCode::KeySetEmpty,
                    QStringLiteral("no usable keys: %1").arg(set->skipped.join(QStringLiteral("; "))), Segment::None);
    }
    return set;
}

QStringList privateKeyMaterial(QByteArrayView body)
{
    static const QStringList kPrivateMembers{QStringLiteral("d"),   QStringLiteral("p"),  QStringLiteral("q"),
                                             QStringLiteral("dp"),  QStringLiteral("dq"), QStringLiteral("qi"),
                                             QStringLiteral("oth"), QStringLiteral("k")};
    QStringList found;
    Result<JsonDocument> document = JsonDocument::parse(body, Segment::None, limitsFor(body));
    if (!document)
        return found;
    const std::optional<QList<JsonMember>> elements = keyElements(*document);
    if (!elements)
        return found;
    int position = 0;
    for (const JsonMember& element : *elements) {
        ++position;
        if (element.kind != JsonKind::Object)
            continue;
        Result<JsonDocument> key = JsonDocument::parse(element.rawValue, Segment::None, limitsFor(element.rawValue));
        if (!key)
            continue;
        QStringList members;
        for (const QString& name : kPrivateMembers) {
            if (key->contains(name))
                members.append(name);
        }
        if (members.isEmpty())
            continue;
        QString where = QStringLiteral("key %1").arg(position);
        if (const std::optional<JsonMember> kid = key->member(u"kid")) {
            if (const std::optional<QString> text = kid->toString())
                where += QStringLiteral(" (kid \"%1\")").arg(*text);
        }
        found.append(QStringLiteral("%1: %2").arg(where, members.join(QStringLiteral(", "))));
    }
    return found;
}

} // namespace assay
