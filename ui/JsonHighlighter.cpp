// SPDX-License-Identifier: Apache-2.0
#include "JsonHighlighter.h"

namespace assay::ui {

JsonHighlighter::JsonHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
}

void JsonHighlighter::setColors(const PartColors& colors)
{
    m_colors = colors;
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString& text)
{
    QTextCharFormat key;
    key.setForeground(m_colors.jsonKey);
    QTextCharFormat string;
    string.setForeground(m_colors.jsonString);
    QTextCharFormat number;
    number.setForeground(m_colors.jsonNumber);
    QTextCharFormat literal;
    literal.setForeground(m_colors.jsonLiteral);
    literal.setFontWeight(QFont::DemiBold);
    QTextCharFormat punctuation;
    punctuation.setForeground(m_colors.jsonPunctuation);

    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            while (j < n && text[j] != QLatin1Char('"'))
                j += text[j] == QLatin1Char('\\') ? 2 : 1;
            j = qMin(j + 1, n);
            // A string followed by ':' is a member name.
            qsizetype k = j;
            while (k < n && text[k].isSpace())
                ++k;
            setFormat(int(i), int(j - i), k < n && text[k] == QLatin1Char(':') ? key : string);
            i = j;
        } else if (c == QLatin1Char('-') || c.isDigit()) {
            qsizetype j = i + 1;
            while (j < n && (text[j].isDigit() || text[j] == QLatin1Char('.') || text[j] == QLatin1Char('e') ||
                             text[j] == QLatin1Char('E') || text[j] == QLatin1Char('+') || text[j] == QLatin1Char('-')))
                ++j;
            setFormat(int(i), int(j - i), number);
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i + 1;
            while (j < n && text[j].isLetter())
                ++j;
            setFormat(int(i), int(j - i), literal);
            i = j;
        } else {
            if (!c.isSpace())
                setFormat(int(i), 1, punctuation);
            ++i;
        }
    }
}

} // namespace assay::ui
