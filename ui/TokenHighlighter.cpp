// SPDX-License-Identifier: Apache-2.0
#include "TokenHighlighter.h"

#include <QTextDocument>

namespace assay::ui {

TokenHighlighter::TokenHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
}

void TokenHighlighter::setColors(const PartColors& colors)
{
    m_colors = colors;
    rehighlight();
}

void TokenHighlighter::setRanges(QList<HighlightRange> ranges, QList<qsizetype> errorPositions)
{
    if (ranges.size() == m_ranges.size() && errorPositions == m_errors) {
        bool same = true;
        for (qsizetype i = 0; i < ranges.size() && same; ++i) {
            same = ranges[i].kind == m_ranges[i].kind && ranges[i].start == m_ranges[i].start &&
                   ranges[i].length == m_ranges[i].length;
        }
        // Typing inside a part re-runs the highlighter on that block anyway; skip a full repaint.
        if (same)
            return;
    }
    m_ranges = std::move(ranges);
    m_errors = std::move(errorPositions);
    rehighlight();
}

void TokenHighlighter::highlightBlock(const QString& text)
{
    const qsizetype blockStart = currentBlock().position();
    const qsizetype blockEnd = blockStart + text.size();

    QTextCharFormat dot;
    dot.setForeground(m_colors.dot);
    dot.setFontWeight(QFont::Black);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('.'))
            setFormat(int(i), 1, dot);
    }
    for (const HighlightRange& range : std::as_const(m_ranges)) {
        const qsizetype from = qMax(range.start, blockStart);
        const qsizetype to = qMin(range.start + range.length, blockEnd);
        if (from >= to)
            continue;
        QTextCharFormat part;
        part.setForeground(m_colors.forSegment(range.kind));
        setFormat(int(from - blockStart), int(to - from), part);
    }
    for (qsizetype pos : std::as_const(m_errors)) {
        if (pos < blockStart || pos >= blockEnd)
            continue;
        QTextCharFormat mark = format(int(pos - blockStart));
        mark.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.setUnderlineColor(m_colors.error);
        mark.setForeground(m_colors.error);
        mark.setFontWeight(QFont::Bold);
        setFormat(int(pos - blockStart), 1, mark);
    }
}

} // namespace assay::ui
