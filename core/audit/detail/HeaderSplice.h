// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

namespace assay::detail {

/// Sets the member `name` of a JSON object text to `jsonValue` (already JSON: `"none"`, `false`, `{...}`) by
/// splicing, so every other byte (member order, whitespace, escapes) stays as written: the value of the member's
/// last occurrence (the one JSON readers use) is replaced in place, or `"name":value` is inserted as the first
/// member. Fails when the text is not a JSON object.
[[nodiscard]] Result<QByteArray> setJsonMember(QByteArrayView objectJson, QStringView name, QByteArrayView jsonValue);

/// `"text"` as a JSON string literal (RFC 8259 section 7): quote, backslash and control characters escaped, other
/// characters as UTF-8.
[[nodiscard]] QByteArray jsonStringLiteral(QStringView text);

} // namespace assay::detail
