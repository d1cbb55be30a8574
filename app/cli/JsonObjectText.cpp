// SPDX-License-Identifier: Apache-2.0
#include "JsonObjectText.h"

#include "encoding/JsonWriter.h"

namespace assay::cli {

Result<JsonObjectText> JsonObjectText::parse(QByteArrayView json, Segment segment, const QString& what)
{
    Result<JsonDocument> given = JsonDocument::parse(json, segment);
    if (!given) {
        Error e = given.error();
        e.message = QStringLiteral("%1 is not valid JSON: %2").arg(what, e.message);
        return fail(std::move(e));
    }
    if (!given->isObject())
        return fail(ErrorCode::JsonNotObject, QStringLiteral("%1 must be a JSON object").arg(what), segment);
    if (!given->duplicates().isEmpty()) {
        return fail(ErrorCode::JsonDuplicateMember,
                    QStringLiteral("%1 has duplicate member names: %2")
                        .arg(what, given->duplicates().join(QStringLiteral(", "))),
                    segment);
    }

    // Re-parse the minified text so member offsets point into the bytes that will be signed.
    const QByteArray minified = given->minified();
    Result<JsonDocument> doc = JsonDocument::parse(minified, segment);
    if (!doc)
        return fail(ErrorCode::Internal, QStringLiteral("%1: minified JSON did not parse again").arg(what), segment);

    JsonObjectText out;
    for (const JsonMember& m : doc->members()) {
        const qsizetype end = m.valueOffset + m.rawValue.size();
        if (m.nameOffset < 0 || m.valueOffset <= m.nameOffset || end > minified.size() ||
            minified.at(m.nameOffset) != '"' || minified.mid(m.valueOffset, m.rawValue.size()) != m.rawValue) {
            return fail(ErrorCode::Internal,
                        QStringLiteral("%1: cannot locate member \"%2\" in the minified text").arg(what, m.name),
                        segment);
        }
        out.m_members.append(Member{m.name, minified.mid(m.nameOffset, end - m.nameOffset), m});
    }
    return out;
}

std::optional<JsonObjectText::Member> JsonObjectText::member(QStringView name) const
{
    for (const Member& m : m_members) {
        if (m.name == name)
            return m;
    }
    return std::nullopt;
}

void JsonObjectText::append(QStringView name, QByteArrayView rawValue)
{
    Member m;
    m.name = name.toString();
    m.text = JsonWriter::quote(name) + ':' + rawValue.toByteArray();
    m.json.name = m.name;
    m.json.rawValue = rawValue.toByteArray();
    m_members.append(std::move(m));
}

void JsonObjectText::append(const Member& member)
{
    m_members.append(member);
}

bool JsonObjectText::replaceValue(QStringView name, QByteArrayView rawValue)
{
    for (Member& m : m_members) {
        if (m.name == name) {
            const qsizetype valueStart = m.text.size() - m.json.rawValue.size();
            m.text = m.text.left(valueStart) + rawValue.toByteArray();
            m.json.rawValue = rawValue.toByteArray();
            return true;
        }
    }
    return false;
}

QByteArray JsonObjectText::text() const
{
    QByteArray out = "{";
    for (qsizetype i = 0; i < m_members.size(); ++i) {
        if (i > 0)
            out += ',';
        out += m_members[i].text;
    }
    out += '}';
    return out;
}

} // namespace assay::cli
