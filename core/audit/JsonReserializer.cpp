// SPDX-License-Identifier: Apache-2.0
#include "audit/JsonReserializer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace assay {
namespace {

using Json = nlohmann::ordered_json;

// How one encoder writes JSON. Scalars are re-encoded by nlohmann/json, whose number and string spelling matches
// what JavaScript and Python print for ordinary values (shortest round-trip numbers, lower-case \u escapes).
struct Style
{
    bool sortKeys = false;
    int indent = -1; // -1: one line
    const char* itemSeparator = ",";
    const char* keySeparator = ":";
    bool asciiEscape = false; // \uXXXX for every non-ASCII character (Python's ensure_ascii, PHP)
    bool escapeSlash = false; // "\/" (PHP's json_encode default)
};

void newline(std::string& out, const Style& style, int level)
{
    out += '\n';
    out.append(static_cast<std::size_t>(level * style.indent), ' ');
}

void writeScalar(const Json& value, const Style& style, std::string& out)
{
    std::string text = value.dump(-1, ' ', style.asciiEscape, Json::error_handler_t::replace);
    if (style.escapeSlash && value.is_string()) {
        // Outside strings JSON has no '/', and inside a dumped string a '/' is never part of an escape.
        std::string escaped;
        escaped.reserve(text.size() + 8);
        for (char c : text) {
            if (c == '/')
                escaped += '\\';
            escaped += c;
        }
        text = std::move(escaped);
    }
    out += text;
}

void write(const Json& value, const Style& style, int level, std::string& out);

void writeKey(const std::string& key, const Style& style, std::string& out)
{
    writeScalar(Json(key), style, out);
    out += style.indent >= 0 ? ": " : style.keySeparator;
}

void writeObject(const Json& value, const Style& style, int level, std::string& out)
{
    if (value.empty()) {
        out += "{}";
        return;
    }
    std::vector<std::pair<const std::string*, const Json*>> members;
    for (auto it = value.begin(); it != value.end(); ++it)
        members.emplace_back(&it.key(), &it.value());
    if (style.sortKeys) {
        // Byte order of UTF-8 is code point order: what Python's sort_keys and Go's map encoding produce.
        std::stable_sort(members.begin(), members.end(),
                         [](const auto& a, const auto& b) { return *a.first < *b.first; });
    }
    out += '{';
    bool first = true;
    for (const auto& [key, member] : members) {
        if (!first)
            out += style.indent >= 0 ? "," : style.itemSeparator;
        first = false;
        if (style.indent >= 0)
            newline(out, style, level + 1);
        writeKey(*key, style, out);
        write(*member, style, level + 1, out);
    }
    if (style.indent >= 0)
        newline(out, style, level);
    out += '}';
}

void writeArray(const Json& value, const Style& style, int level, std::string& out)
{
    if (value.empty()) {
        out += "[]";
        return;
    }
    out += '[';
    bool first = true;
    for (const auto& element : value) {
        if (!first)
            out += style.indent >= 0 ? "," : style.itemSeparator;
        first = false;
        if (style.indent >= 0)
            newline(out, style, level + 1);
        write(element, style, level + 1, out);
    }
    if (style.indent >= 0)
        newline(out, style, level);
    out += ']';
}

void write(const Json& value, const Style& style, int level, std::string& out)
{
    if (value.is_object())
        writeObject(value, style, level, out);
    else if (value.is_array())
        writeArray(value, style, level, out);
    else
        writeScalar(value, style, out);
}

void add(QList<JsonSerialization>& list, const QByteArray& original, QString name, QByteArray bytes)
{
    if (bytes.isEmpty() || bytes == original)
        return;
    for (const auto& s : std::as_const(list)) {
        if (s.bytes == bytes)
            return;
    }
    list.append({std::move(name), std::move(bytes)});
}

} // namespace

QList<JsonSerialization> alternativeSerializations(const JsonDocument& doc)
{
    const QByteArray& original = doc.raw();
    QList<JsonSerialization> out;
    if (original.isEmpty())
        return out;

    // Whitespace only: every token as written.
    const QByteArray minified = doc.minified();
    add(out, original, QStringLiteral("minified"), minified);
    add(out, original, QStringLiteral("pretty-printed with 2 spaces"), doc.pretty(2));
    add(out, original, QStringLiteral("pretty-printed with 4 spaces"), doc.pretty(4));
    add(out, original, QStringLiteral("followed by a newline"), original + '\n');
    add(out, original, QStringLiteral("pretty-printed with 2 spaces and a final newline (jq)"), doc.pretty(2) + '\n');

    // Decoded and encoded again. The document is already validated (depth-limited, valid UTF-8), so parsing cannot
    // recurse without bound; nlohmann's exceptions stay inside this function.
    try {
        const Json value = Json::parse(original.constBegin(), original.constEnd(), nullptr, false);
        if (value.is_discarded())
            return out;
        struct Named
        {
            const char* name;
            Style style;
        };
        const Named encoders[] = {
            {"re-encoded, minified (JavaScript JSON.stringify)", {}},
            {"Python json.dumps default (', ' and ': ' separators, \\u escapes)", {false, -1, ", ", ": ", true, false}},
            {"Python json.dumps with sort_keys", {true, -1, ", ", ": ", true, false}},
            {"keys sorted, minified", {true, -1, ",", ":", false, false}},
            {"keys sorted, minified, \\u escapes (PyJWT)", {true, -1, ",", ":", true, false}},
            {"keys sorted, pretty-printed with 2 spaces", {true, 2, ",", ":", false, false}},
            {"minified with \\u escapes", {false, -1, ",", ":", true, false}},
            {"PHP json_encode (escaped slashes, \\u escapes)", {false, -1, ",", ":", true, true}},
        };
        for (const auto& encoder : encoders) {
            std::string text;
            write(value, encoder.style, 0, text);
            add(out, original, QString::fromLatin1(encoder.name), QByteArray::fromStdString(text));
        }
    } catch (const std::exception&) {
        // Keep the whitespace-only variants.
    }
    return out;
}

} // namespace assay
