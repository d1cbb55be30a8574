// SPDX-License-Identifier: Apache-2.0
#include "EncodedEditor.h"

#include "DisplayText.h"
#include "TextOffsets.h"
#include "TokenHighlighter.h"
#include "token/TokenIntake.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>
#include <QUrl>

namespace assay::ui {

EncodedEditor::EncodedEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new TokenHighlighter(document()))
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.15); // the token is the subject of the window
    setFont(mono);
    // A token has no spaces: wrap anywhere so the whole token is visible without scrolling sideways.
    setWordWrapMode(QTextOption::WrapAnywhere);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setPlaceholderText(tr("Paste a token here: compact JWS or JWE, or a JWS JSON serialization. "
                          "\"Bearer …\", quotes and URLs with id_token=… are accepted."));
    setTabChangesFocus(true);
    m_highlighter->setColors(PartColors::forPalette(palette()));
    connect(this, &QPlainTextEdit::textChanged, this, &EncodedEditor::onContentsChanged);
}

EncodedEditor::~EncodedEditor() = default;

void EncodedEditor::onContentsChanged()
{
    // QTextDocument also reports highlighting (format-only) changes as content changes: only new text counts.
    if (m_settingText)
        return;
    QString text = toPlainText();
    if (text == m_lastText)
        return;
    m_lastText = std::move(text);
    Q_EMIT tokenEdited();
}

void EncodedEditor::setTokenText(const QString& text)
{
    if (text == toPlainText())
        return;
    const int scroll = verticalScrollBar()->value();
    m_settingText = true;
    setPlainText(text);
    m_lastText = text;
    m_settingText = false;
    verticalScrollBar()->setValue(scroll);
}

void EncodedEditor::showSnapshot(const SessionSnapshot& snapshot)
{
    const TextOffsets offsets(toPlainText());
    QList<HighlightRange> ranges;
    m_errorPositions.clear();
    m_errorMessages.clear();
    m_partRanges.clear();
    m_partNames.clear();
    for (const TokenPart& part : snapshot.parts) {
        const qsizetype start = offsets.toCharPosition(part.offset);
        const qsizetype end = offsets.toCharPosition(part.offset + part.length);
        ranges.append({part.kind, start, end - start});
        m_partRanges.append({start, end - start});
        m_partNames.append(segmentName(part.kind));
        if (part.error && part.error->offset >= 0) {
            m_errorPositions.append(offsets.toCharPosition(part.offset + part.error->offset));
            m_errorMessages.append(clipped(tr("Offset %1 (%2): %3")
                                               .arg(part.offset + part.error->offset)
                                               .arg(part.error->where(), part.error->message)));
        }
    }
    m_settingText = true;
    m_highlighter->setRanges(std::move(ranges), m_errorPositions);
    m_settingText = false;
}

QString EncodedEditor::toolTipAt(qsizetype position) const
{
    for (qsizetype i = 0; i < m_errorPositions.size(); ++i) {
        if (m_errorPositions[i] == position)
            return m_errorMessages[i];
    }
    for (qsizetype i = 0; i < m_partRanges.size(); ++i) {
        const auto [start, length] = m_partRanges[i];
        if (position >= start && position < start + length)
            return tr("%1: %n character(s)", nullptr, int(length)).arg(m_partNames[i]);
    }
    return {};
}

bool EncodedEditor::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint pos = viewport()->mapFromGlobal(help->globalPos());
        QTextCursor cursor = cursorForPosition(pos);
        // cursorForPosition() gives the nearest gap between characters; the character under the pointer is the
        // one after it when the pointer is left of the gap's x, otherwise the one before.
        qsizetype charPos = cursor.position();
        if (cursorRect(cursor).center().x() > pos.x() && charPos > 0)
            --charPos;
        const QString tip = toolTipAt(charPos);
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

void EncodedEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_settingText = true;
        m_highlighter->setColors(PartColors::forPalette(palette()));
        m_settingText = false;
    }
    QPlainTextEdit::changeEvent(event);
}

bool EncodedEditor::canInsertFromMimeData(const QMimeData* source) const
{
    return source->hasUrls() || QPlainTextEdit::canInsertFromMimeData(source);
}

void EncodedEditor::insertFromMimeData(const QMimeData* source)
{
    if (source->hasUrls() && !source->urls().isEmpty() && source->urls().front().isLocalFile()) {
        Q_EMIT fileDropped(source->urls().front().toLocalFile());
        return;
    }
    if (!source->hasText())
        return;
    const QString pasted = source->text();
    const IntakeResult intake = cleanPastedToken(pasted);
    const bool replacesAll = document()->isEmpty() || textCursor().selectedText().size() == toPlainText().size();
    if (intake.changed() && replacesAll) {
        // Only the token goes in (one undo step), and the window says what was left out.
        QTextCursor cursor = textCursor();
        cursor.select(QTextCursor::Document);
        cursor.insertText(QString::fromUtf8(intake.token));
        setTextCursor(cursor);
        Q_EMIT pasteCleaned(intake.stripped);
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

} // namespace assay::ui
