// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PartColors.h"

#include <QList>
#include <QSyntaxHighlighter>
#include <QTextLayout>

namespace assay::ui {

/// One coloured range of the encoded pane, in QString positions of the token text (EncodedEditor::tokenText()).
struct HighlightRange
{
    Segment kind = Segment::None;
    qsizetype start = 0;
    qsizetype length = 0;
};

/// Colours the parts of a token (header, payload, signature; the five parts of a JWE) with the dots set apart in
/// bold, and puts a wavy underline under each invalid character.
class TokenHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit TokenHighlighter(QTextDocument* document);

    void setColors(const PartColors& colors);
    /// Replaces the ranges and error marks and repaints. Returns false when nothing changed.
    bool setRanges(QList<HighlightRange> ranges, QList<qsizetype> errorPositions);

    /// The formats of one line of text starting at token position `start`. The highlighter applies them itself
    /// while it is attached to a document; a large token's editor applies them to the visible lines only.
    [[nodiscard]] QList<QTextLayout::FormatRange> formatsFor(qsizetype start, const QString& text) const;

protected:
    void highlightBlock(const QString& text) override;

private:
    PartColors m_colors;
    QList<HighlightRange> m_ranges;
    QList<qsizetype> m_errors;
};

} // namespace assay::ui
