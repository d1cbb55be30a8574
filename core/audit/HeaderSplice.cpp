// SPDX-License-Identifier: Apache-2.0
#include "audit/detail/HeaderSplice.h"

#include "encoding/JsonDocument.h"

namespace assay::detail {

Result<QByteArray> setJsonMember(QByteArrayView objectJson, QStringView name, QByteArrayView jsonValue)
{
    auto doc = JsonDocument::parse(objectJson, Segment::Header);
    if (!doc)
        return fail(doc.error());
    if (!doc->isObject())
        return fail(ErrorCode::JsonNotObject, QStringLiteral("the header is not a JSON object"), Segment::Header);
    const QByteArray& raw = doc->raw();
    if (const JsonMember* m = doc->find(name)) {
        QByteArray out = raw.left(m->valueOffset);
        out += jsonValue;
        out += raw.mid(m->valueOffset + m->rawValue.size());
        return out;
    }
    const qsizetype brace = raw.indexOf('{'); // the first significant byte of a valid object
    QByteArray member = jsonStringLiteral(name) + ':' + jsonValue.toByteArray();
    if (!doc->members().isEmpty())
        member += ',';
    QByteArray out = raw;
    out.insert(brace + 1, member);
    return out;
}

QByteArray jsonStringLiteral(QStringView text)
{
    QByteArray out = "\"";
    for (const char c : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += QByteArray("\\u00") + QByteArray::number(u, 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

} // namespace assay::detail
