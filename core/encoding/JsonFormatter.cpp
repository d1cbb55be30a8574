// SPDX-License-Identifier: Apache-2.0
// reindentJson() and minifyJson(): whitespace-only reformatting. Every token (string, number, literal) is copied
// byte-for-byte, which is how Assay keeps number spelling and escapes exactly as written (issue 2, "Exactness" in
// STYLE.md); only the whitespace between tokens changes.
#include "encoding/JsonDocument.h"
#include "encoding/detail/JsonScan.h"

#include <algorithm>

namespace assay {

namespace {

void newline(QByteArray& out, qsizetype level, int indent)
{
    out += '\n';
    out.append(std::max<qsizetype>(level, 0) * indent, ' ');
}

} // namespace

QByteArray reindentJson(QByteArrayView validJson, int indent)
{
    using detail::isJsonSpace;
    indent = std::clamp(indent, 0, 16);
    QByteArray out;
    out.reserve(validJson.size() + validJson.size() / 2);
    qsizetype level = 0;
    qsizetype pos = 0;
    const qsizetype n = validJson.size();
    while (pos < n) {
        const char c = validJson[pos];
        if (isJsonSpace(c)) {
            ++pos;
            continue;
        }
        switch (c) {
        case '"': {
            const qsizetype end = detail::skipJsonString(validJson, pos);
            out.append(validJson.sliced(pos, end - pos));
            pos = end;
            continue;
        }
        case '{':
        case '[': {
            const qsizetype next = detail::skipJsonSpace(validJson, pos + 1);
            const char close = c == '{' ? '}' : ']';
            if (next < n && validJson[next] == close) {
                // Empty containers stay on one line: `{}` and `[]`.
                out += c;
                out += close;
                pos = next + 1;
                continue;
            }
            out += c;
            ++level;
            newline(out, level, indent);
            ++pos;
            continue;
        }
        case '}':
        case ']':
            --level;
            newline(out, level, indent);
            out += c;
            ++pos;
            continue;
        case ',':
            out += ',';
            newline(out, level, indent);
            ++pos;
            continue;
        case ':':
            out += ": ";
            ++pos;
            continue;
        default: {
            const qsizetype end = std::max(detail::skipJsonValue(validJson, pos), pos + 1);
            out.append(validJson.sliced(pos, end - pos));
            pos = end;
            continue;
        }
        }
    }
    return out;
}

QByteArray minifyJson(QByteArrayView validJson)
{
    QByteArray out;
    out.reserve(validJson.size());
    qsizetype pos = 0;
    const qsizetype n = validJson.size();
    while (pos < n) {
        const char c = validJson[pos];
        if (c == '"') {
            const qsizetype end = detail::skipJsonString(validJson, pos);
            out.append(validJson.sliced(pos, end - pos));
            pos = end;
        } else {
            if (!detail::isJsonSpace(c))
                out += c;
            ++pos;
        }
    }
    return out;
}

} // namespace assay
