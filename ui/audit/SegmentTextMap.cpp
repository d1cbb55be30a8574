// SPDX-License-Identifier: Apache-2.0
#include "SegmentTextMap.h"

#include "TextOffsets.h"

#include <QMap>

namespace assay::ui {
namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Steps through the significant bytes of a JSON text: every byte of a string, no whitespace between tokens.
class SignificantBytes
{
public:
    explicit SignificantBytes(const QByteArray& text)
        : m_text(text)
    {
        skipSpace();
    }

    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] qsizetype pos() const { return m_pos; }
    [[nodiscard]] char current() const { return m_text.at(m_pos); }

    void next()
    {
        const char c = m_text.at(m_pos++);
        if (m_inString) {
            if (m_escaped)
                m_escaped = false;
            else if (c == '\\')
                m_escaped = true;
            else if (c == '"')
                m_inString = false;
        } else if (c == '"') {
            m_inString = true;
        }
        skipSpace();
    }

private:
    void skipSpace()
    {
        if (m_inString)
            return;
        while (m_pos < m_text.size() && isJsonSpace(m_text.at(m_pos)))
            ++m_pos;
    }

    const QByteArray& m_text;
    qsizetype m_pos = 0;
    bool m_inString = false;
    bool m_escaped = false;
};

} // namespace

SegmentTextMap::SegmentTextMap(QByteArray segment, QString shown)
    : m_segment(std::move(segment))
    , m_shown(std::move(shown))
{
}

QList<std::optional<SegmentTextMap::Range>> SegmentTextMap::map(const QList<Range>& byteRanges) const
{
    QList<std::optional<Range>> out(byteRanges.size());
    const QByteArray shownBytes = m_shown.toUtf8();
    const TextOffsets offsets(m_shown);
    const auto toChars = [&offsets](qsizetype first, qsizetype endByte) -> Range {
        const qsizetype start = offsets.toCharPosition(first);
        return {start, offsets.toCharPosition(endByte) - start};
    };

    // Segment byte -> shown byte, for the first and last byte of each range.
    QMap<qsizetype, qsizetype> wanted;
    for (const auto& [offset, length] : byteRanges) {
        if (offset < 0 || length <= 0 || offset + length > m_segment.size())
            continue;
        wanted.insert(offset, -1);
        wanted.insert(offset + length - 1, -1);
    }
    if (wanted.isEmpty())
        return out;

    if (shownBytes == m_segment) {
        for (auto it = wanted.begin(); it != wanted.end(); ++it)
            it.value() = it.key();
    } else {
        SignificantBytes a(m_segment);
        SignificantBytes b(shownBytes);
        auto it = wanted.begin();
        while (it != wanted.end() && !a.atEnd() && !b.atEnd()) {
            if (a.current() != b.current())
                return out; // not the same JSON: the pane shows something else (a stale or invalid edit)
            // A wanted byte that is whitespace between tokens maps to the next significant byte.
            while (it != wanted.end() && it.key() <= a.pos()) {
                it.value() = b.pos();
                ++it;
            }
            a.next();
            b.next();
        }
        if (it != wanted.end() && (!a.atEnd() || !b.atEnd()))
            return out;
        // Trailing whitespace of the segment: the end of the shown text (trimmed below).
        for (; it != wanted.end(); ++it)
            it.value() = shownBytes.size() - 1;
    }

    for (qsizetype i = 0; i < byteRanges.size(); ++i) {
        const auto [offset, length] = byteRanges.at(i);
        if (offset < 0 || length <= 0 || offset + length > m_segment.size())
            continue;
        qsizetype first = wanted.value(offset, -1);
        qsizetype last = wanted.value(offset + length - 1, -1);
        if (first < 0 || last < 0 || last < first)
            continue;
        // Leave out whitespace the range starts or ends with (a range over the whole pretty text, say).
        while (first < last && isJsonSpace(shownBytes.at(first)))
            ++first;
        while (last > first && isJsonSpace(shownBytes.at(last)))
            --last;
        // The end is the byte after the last one, even when that byte is the first of a multi-byte character.
        qsizetype endByte = last + 1;
        while (endByte < shownBytes.size() && (static_cast<unsigned char>(shownBytes.at(endByte)) & 0xC0) == 0x80)
            ++endByte;
        out[i] = toChars(first, endByte);
    }
    return out;
}

} // namespace assay::ui
