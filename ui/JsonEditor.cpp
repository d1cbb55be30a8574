// SPDX-License-Identifier: Apache-2.0
#include "JsonEditor.h"

#include "DisplayText.h"
#include "JsonHighlighter.h"
#include "PartColors.h"
#include "TextOffsets.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QToolTip>

namespace assay::ui {
namespace {
constexpr qsizetype kLongLine = 4096;
}

JsonEditor::JsonEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new JsonHighlighter(document()))
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    // Monospace Latin text needs no OpenType shaping; skipping HarfBuzz makes the layout of a long line (a large
    // claim) several times cheaper.
    mono.setStyleStrategy(QFont::PreferNoShaping);
    setFont(mono);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    m_highlighter->setColors(PartColors::forPalette(palette()));
    connect(this, &QPlainTextEdit::textChanged, this, &JsonEditor::onTextChanged);
}

void JsonEditor::setModelText(const QString& text)
{
    if (text == toPlainText())
        return;
    const int scroll = verticalScrollBar()->value();
    // Word-boundary wrapping searches each line for a break: quadratic on a megabyte-long string value, so very long
    // lines wrap anywhere instead.
    qsizetype longest = 0;
    for (qsizetype start = 0; start < text.size();) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = text.size();
        longest = qMax(longest, end - start);
        start = end + 1;
    }
    setWordWrapMode(longest > kLongLine ? QTextOption::WrapAnywhere : QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_diagnostics.clear(); // their positions were in the old text; the window sets new ones
    m_settingText = true;
    setPlainText(text);
    m_lastText = text;
    m_settingText = false;
    verticalScrollBar()->setValue(scroll);
}

void JsonEditor::onTextChanged()
{
    // Format-only document changes (re-highlighting) are not edits.
    if (m_settingText)
        return;
    QString text = toPlainText();
    if (text == m_lastText)
        return;
    m_lastText = std::move(text);
    if (!m_diagnostics.isEmpty()) {
        m_diagnostics.clear();
        updateErrorSelection();
    }
    Q_EMIT userEdited();
}

void JsonEditor::setError(const std::optional<Error>& error)
{
    m_error = error;
    m_errorPosition = -1;
    if (m_error && m_error->line > 0)
        m_errorPosition = TextOffsets::positionOfLineColumn(toPlainText(), m_error->line, m_error->column);
    updateErrorSelection();
}

void JsonEditor::setDiagnostics(QList<Diagnostic> diagnostics)
{
    m_diagnostics = std::move(diagnostics);
    updateErrorSelection();
}

void JsonEditor::selectRange(qsizetype start, qsizetype length)
{
    const qsizetype last = document()->characterCount() - 1;
    // Anchored at the end, so scrolling brings the start into view.
    QTextCursor cursor(document());
    cursor.setPosition(int(qBound<qsizetype>(0, start + length, last)));
    cursor.setPosition(int(qBound<qsizetype>(0, start, last)), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    ensureCursorVisible();
}

void JsonEditor::updateErrorSelection()
{
    QList<QTextEdit::ExtraSelection> selections;
    // Diagnostics first: the syntax error mark, when there is one, is drawn over them.
    const qsizetype last = document()->characterCount() - 1;
    for (const Diagnostic& d : std::as_const(m_diagnostics)) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(document());
        mark.cursor.setPosition(int(qBound<qsizetype>(0, d.start, last)));
        mark.cursor.setPosition(int(qBound<qsizetype>(0, d.start + d.length, last)), QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(d.color);
        selections.append(mark);
    }
    if (m_errorPosition >= 0) {
        const PartColors colors = PartColors::forPalette(palette());
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(document());
        mark.cursor.setPosition(int(qMin<qsizetype>(m_errorPosition, document()->characterCount() - 1)));
        // Past the end of a line (e.g. "unexpected end") there is no character: mark the one before.
        if (mark.cursor.atBlockEnd() && !mark.cursor.atBlockStart())
            mark.cursor.movePosition(QTextCursor::PreviousCharacter);
        mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(colors.error);
        QColor tint = colors.error;
        tint.setAlpha(48);
        mark.format.setBackground(tint);
        mark.format.setToolTip(clipped(m_error->toString()));
        selections.append(mark);
    }
    setExtraSelections(selections);
}

bool JsonEditor::event(QEvent* event)
{
    const bool error = m_error && m_errorPosition >= 0;
    if (event->type() == QEvent::ToolTip && (error || !m_diagnostics.isEmpty())) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QTextCursor cursor = cursorForPosition(viewport()->mapFromGlobal(help->globalPos()));
        if (error && cursor.blockNumber() + 1 == m_error->line) {
            QToolTip::showText(help->globalPos(), clipped(m_error->toString()), this);
            return true;
        }
        QStringList tips;
        for (const Diagnostic& d : std::as_const(m_diagnostics)) {
            if (cursor.position() >= d.start && cursor.position() <= d.start + d.length)
                tips.append(d.toolTip);
        }
        if (tips.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), clipped(tips.join(QLatin1Char('\n')), 1200), this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

void JsonEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_settingText = true;
        m_highlighter->setColors(PartColors::forPalette(palette()));
        m_settingText = false;
        updateErrorSelection();
    }
    QPlainTextEdit::changeEvent(event);
}

void JsonEditor::keyPressEvent(QKeyEvent* event)
{
    // Two spaces instead of a tab character keeps the JSON as the pretty-printer writes it; Ctrl+Tab still moves
    // the focus on (QPlainTextEdit's own rule), so the keyboard never gets trapped.
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier && !isReadOnly()) {
        insertPlainText(QStringLiteral("  "));
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace assay::ui
