// SPDX-License-Identifier: Apache-2.0
#include "TextOffsets.h"

#include <QStringView>

namespace assay::ui {
namespace {

int utf8Length(char32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

} // namespace

TextOffsets::TextOffsets(const QString& text)
    : m_length(text.size())
{
    bool ascii = true;
    for (QChar ch : text) {
        if (ch.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return;
    for (qsizetype i = 0; i < text.size();) {
        char32_t cp = text[i].unicode();
        int units = 1;
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(text[i], text[i + 1]);
            units = 2;
        }
        for (int b = 0; b < utf8Length(cp); ++b)
            m_charAtByte.append(i);
        i += units;
    }
}

qsizetype TextOffsets::toCharPosition(qsizetype byteOffset) const
{
    if (byteOffset < 0)
        return 0;
    if (m_charAtByte.isEmpty())
        return qMin(byteOffset, m_length);
    return byteOffset < m_charAtByte.size() ? m_charAtByte[byteOffset] : m_length;
}

qsizetype TextOffsets::positionOfLineColumn(const QString& text, int line, int column)
{
    qsizetype start = 0;
    for (int l = 1; l < line; ++l) {
        const qsizetype nl = text.indexOf(QLatin1Char('\n'), start);
        if (nl < 0)
            return text.size();
        start = nl + 1;
    }
    qsizetype end = text.indexOf(QLatin1Char('\n'), start);
    if (end < 0)
        end = text.size();
    const TextOffsets offsets(text.mid(start, end - start));
    return start + offsets.toCharPosition(qMax(0, column - 1));
}

} // namespace assay::ui
