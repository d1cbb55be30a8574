// SPDX-License-Identifier: Apache-2.0
#pragma once

// Token-level navigation over JSON text that nlohmann/json has already validated. These helpers never decide
// whether text is valid; they only find where tokens start and end, so that JsonDocument can hand out values
// byte-for-byte as written. On invalid input they stay in bounds and terminate, nothing more.

#include "encoding/JsonDocument.h"

#include <QByteArrayView>

namespace assay::detail {

[[nodiscard]] constexpr bool isJsonSpace(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

[[nodiscard]] inline qsizetype skipJsonSpace(QByteArrayView text, qsizetype pos) noexcept
{
    while (pos < text.size() && isJsonSpace(text[pos]))
        ++pos;
    return pos;
}

/// `pos` is at an opening quote; returns the index just past the closing quote.
[[nodiscard]] inline qsizetype skipJsonString(QByteArrayView text, qsizetype pos) noexcept
{
    ++pos;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '\\')
            pos += 2;
        else if (c == '"')
            return pos + 1;
        else
            ++pos;
    }
    return text.size();
}

/// `pos` is at the first byte of a value; returns the index just past it. Iterative, so depth costs no stack.
[[nodiscard]] inline qsizetype skipJsonValue(QByteArrayView text, qsizetype pos) noexcept
{
    if (pos >= text.size())
        return text.size();
    const char first = text[pos];
    if (first == '"')
        return skipJsonString(text, pos);
    if (first == '{' || first == '[') {
        qsizetype depth = 0;
        while (pos < text.size()) {
            const char c = text[pos];
            if (c == '"') {
                pos = skipJsonString(text, pos);
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return pos + 1;
            ++pos;
        }
        return text.size();
    }
    // Scalars (numbers and literals) run until a structural character or whitespace.
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == ',' || c == ']' || c == '}' || c == ':' || isJsonSpace(c))
            break;
        ++pos;
    }
    return pos;
}

[[nodiscard]] constexpr JsonKind jsonKindOf(char first) noexcept
{
    switch (first) {
    case '{':
        return JsonKind::Object;
    case '[':
        return JsonKind::Array;
    case '"':
        return JsonKind::String;
    case 't':
    case 'f':
        return JsonKind::Bool;
    case 'n':
        return JsonKind::Null;
    default:
        return JsonKind::Number;
    }
}

} // namespace assay::detail
