// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>

namespace assay::utf8 {

/// The 0-based byte offset of the first ill-formed UTF-8 sequence (Unicode 15, table 3-7: no overlong forms, no
/// encoded surrogates, nothing above U+10FFFF), or -1 when the whole text is well-formed (RFC 3629, RFC 8259 §8.1).
[[nodiscard]] qsizetype firstInvalidOffset(QByteArrayView text) noexcept;

[[nodiscard]] inline bool isValid(QByteArrayView text) noexcept
{
    return firstInvalidOffset(text) < 0;
}

/// A 1-based line and column; the column counts characters (code points), not bytes, so it matches what an editor
/// shows. "\r\n", "\n" and a lone "\r" each end a line.
struct TextPosition
{
    int line = 0;
    int column = 0;
};

/// The line:column of `offset` (clamped to the text) in UTF-8 text; exact as long as the text before `offset` is
/// well-formed (a position at the first invalid byte is therefore exact too).
[[nodiscard]] TextPosition positionAt(QByteArrayView text, qsizetype offset) noexcept;

} // namespace assay::utf8
