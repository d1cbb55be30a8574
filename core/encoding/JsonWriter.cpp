// SPDX-License-Identifier: Apache-2.0
#include "encoding/JsonWriter.h"

namespace assay {

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_needComma.isEmpty()) {
        if (m_needComma.back())
            m_out += ',';
        m_needComma.back() = true;
    }
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_out += '{';
    m_needComma.append(false);
}

void JsonWriter::endObject()
{
    m_out += '}';
    m_needComma.removeLast();
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_out += '[';
    m_needComma.append(false);
}

void JsonWriter::endArray()
{
    m_out += ']';
    m_needComma.removeLast();
}

JsonWriter& JsonWriter::key(QStringView name)
{
    beforeValue();
    m_out += quote(name);
    m_out += ':';
    m_afterKey = true;
    return *this;
}

void JsonWriter::string(QStringView value)
{
    beforeValue();
    m_out += quote(value);
}

void JsonWriter::number(qint64 value)
{
    beforeValue();
    m_out += QByteArray::number(value);
}

void JsonWriter::boolean(bool value)
{
    beforeValue();
    m_out += value ? "true" : "false";
}

void JsonWriter::null()
{
    beforeValue();
    m_out += "null";
}

void JsonWriter::raw(QByteArrayView json)
{
    beforeValue();
    m_out.append(json.data(), json.size());
}

void JsonWriter::stringList(const QStringList& values)
{
    beginArray();
    for (const QString& value : values)
        string(value);
    endArray();
}

QByteArray JsonWriter::quote(QStringView value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
                out += hex[static_cast<unsigned char>(c) & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

} // namespace assay
