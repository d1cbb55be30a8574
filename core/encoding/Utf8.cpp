// SPDX-License-Identifier: Apache-2.0
#include "encoding/Utf8.h"

#include <algorithm>

namespace assay::utf8 {

namespace {

constexpr bool isContinuation(unsigned char c) noexcept
{
    return (c & 0xC0) == 0x80;
}

} // namespace

qsizetype firstInvalidOffset(QByteArrayView text) noexcept
{
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        // The second byte's range depends on the lead byte; this is what rules out overlong forms, UTF-16
        // surrogates (ED A0..BF) and code points above U+10FFFF (F4 90.. and F5..FF).
        int length = 0;
        unsigned char lo = 0x80;
        unsigned char hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return i;
        for (int k = 2; k < length; ++k) {
            if (!isContinuation(p[i + k]))
                return i;
        }
        i += length;
    }
    return -1;
}

TextPosition positionAt(QByteArrayView text, qsizetype offset) noexcept
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    TextPosition pos{1, 1};
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for (qsizetype i = 0; i < offset; ++i) {
        const unsigned char c = p[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || p[i + 1] != '\n'))) {
            ++pos.line;
            pos.column = 1;
        } else if (c == '\r') {
            // The '\r' of a "\r\n" pair: the '\n' that follows ends the line.
        } else if (!isContinuation(c)) {
            ++pos.column;
        }
    }
    return pos;
}

} // namespace assay::utf8
