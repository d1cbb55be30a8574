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

bool TokenHighlighter::setRanges(QList<HighlightRange> ranges, QList<qsizetype> errorPositions)
{
    if (ranges.size() == m_ranges.size() && errorPositions == m_errors) {
        bool same = true;
        for (qsizetype i = 0; i < ranges.size() && same; ++i) {
            same = ranges[i].kind == m_ranges[i].kind && ranges[i].start == m_ranges[i].start &&
                   ranges[i].length == m_ranges[i].length;
        }
        // Typing inside a part re-runs the highlighter on that block anyway; skip a full repaint.
        if (same)
            return false;
    }
    m_ranges = std::move(ranges);
    m_errors = std::move(errorPositions);
    rehighlight();
    return true;
}

QList<QTextLayout::FormatRange> TokenHighlighter::formatsFor(qsizetype start, const QString& text) const
{
    QList<QTextLayout::FormatRange> formats;
    const qsizetype end = start + text.size();
    auto add = [&formats](qsizetype from, qsizetype length, const QTextCharFormat& format) {
        formats.append({int(from), int(length), format});
    };
    for (const HighlightRange& range : std::as_const(m_ranges)) {
        const qsizetype from = qMax(range.start, start);
        const qsizetype to = qMin(range.start + range.length, end);
        if (from >= to)
            continue;
        QTextCharFormat part;
        part.setForeground(m_colors.forSegment(range.kind));
        add(from - start, to - from, part);
    }
    // Later ranges win where they overlap: the dots over the parts, the error marks over everything.
    QTextCharFormat dot;
    dot.setForeground(m_colors.dot);
    dot.setFontWeight(QFont::Black);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('.'))
            add(i, 1, dot);
    }
    for (qsizetype pos : std::as_const(m_errors)) {
        if (pos < start || pos >= end)
            continue;
        QTextCharFormat mark;
        mark.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.setUnderlineColor(m_colors.error);
        mark.setForeground(m_colors.error);
        mark.setFontWeight(QFont::Bold);
        add(pos - start, 1, mark);
    }
    return formats;
}

void TokenHighlighter::highlightBlock(const QString& text)
{
    for (const QTextLayout::FormatRange& range : formatsFor(currentBlock().position(), text))
        setFormat(range.start, range.length, range.format);
}

} // namespace assay::ui
