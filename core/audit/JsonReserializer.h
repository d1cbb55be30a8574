// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "encoding/JsonDocument.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace assay {

/// One way a program might have written the same JSON value.
struct JsonSerialization
{
    QString name; // "pretty-printed with 2 spaces", "keys sorted, minified", "Python json.dumps default", ...
    QByteArray bytes;
};

/// The same JSON value as common encoders write it: whitespace changes that keep every token (minified,
/// pretty-printed with 2 or 4 spaces, a trailing newline), and real re-encodings (JavaScript JSON.stringify,
/// Python json.dumps with its default separators and with sort_keys, keys sorted, \u escapes for non-ASCII, PHP's
/// escaped slashes). Each result differs from the document's own bytes; duplicates are dropped; at most about a
/// dozen. Used by signature forensics to test "someone decoded and re-encoded the JSON"; never to build a token.
[[nodiscard]] QList<JsonSerialization> alternativeSerializations(const JsonDocument& doc);

} // namespace assay
