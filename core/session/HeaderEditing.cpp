// SPDX-License-Identifier: Apache-2.0
#include "session/HeaderEditing.h"

#include "encoding/JsonDocument.h"

namespace assay {

Result<QByteArray> setHeaderAlgorithm(QByteArrayView headerJson, JwsAlgorithm alg)
{
    auto doc = JsonDocument::parse(headerJson, Segment::Header);
    if (!doc)
        return fail(doc.error());
    if (!doc->isObject())
        return fail(ErrorCode::JsonNotObject, QStringLiteral("a JOSE header must be a JSON object"), Segment::Header,
                    0);

    // Registered names are plain ASCII, so the value needs no escaping.
    const QByteArray value = '"' + jwsAlgorithmName(alg).toLatin1() + '"';
    QByteArray text = headerJson.toByteArray();
    if (const auto member = doc->member(u"alg")) {
        text.replace(member->valueOffset, member->rawValue.size(), value);
        return text;
    }
    // The root is an object, so the first byte that is not JSON whitespace is its '{'.
    const qsizetype brace = text.indexOf('{');
    const bool empty = doc->members().isEmpty();
    text.insert(brace + 1, QByteArrayLiteral("\"alg\":") + value + (empty ? QByteArray() : QByteArrayLiteral(",")));
    return text;
}

} // namespace assay
