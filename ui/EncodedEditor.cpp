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
#include <QTextLayout>
#include <QTimer>
#include <QToolTip>
#include <QUrl>

namespace assay::ui {

EncodedEditor::EncodedEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new TokenHighlighter(document()))
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.15); // the token is the subject of the window
    // A token is ASCII: no OpenType shaping needed, and skipping HarfBuzz makes a megabyte token lay out faster.
    mono.setStyleStrategy(QFont::PreferNoShaping);
    setFont(mono);
    // A token has no spaces: wrap anywhere so the whole token is visible without scrolling sideways.
    setWordWrapMode(QTextOption::WrapAnywhere);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setPlaceholderText(tr("Paste a token here: compact JWS or JWE, or a JWS JSON serialization. "
                          "\"Bearer …\", quotes and URLs with id_token=… are accepted."));
    setTabChangesFocus(true);
    m_highlighter->setColors(PartColors::forPalette(palette()));
    connect(this, &QPlainTextEdit::textChanged, this, &EncodedEditor::onContentsChanged);
    connect(document(), &QTextDocument::contentsChange, this, &EncodedEditor::onDocumentChange);
}

EncodedEditor::~EncodedEditor() = default;

void EncodedEditor::onContentsChanged()
{
    // QTextDocument also reports highlighting (format-only) changes as content changes: only new text counts.
    if (m_settingText)
        return;
    QString text = toPlainText();
    if (m_large) {
        text.remove(QLatin1Char('\n'));
        rebuildLineStarts();
    }
    if (text == m_lastText)
        return;
    m_lastText = std::move(text);
    if (wantsLargeMode(m_lastText) != m_large) {
        // A paste made the token large (or an edit made it small): switch once the edit is done.
        QTimer::singleShot(0, this, [this] {
            if (wantsLargeMode(m_lastText) != m_large)
                fillDocument(m_lastText);
        });
    }
    Q_EMIT tokenEdited();
}

void EncodedEditor::onDocumentChange(int from, int removed, int added)
{
    if (!m_large || m_settingText)
        return;
    // Edited lines lose their colours until the next paint gives them new ones.
    const QTextBlock last = document()->findBlock(from + qMax(removed, added));
    for (QTextBlock block = document()->findBlock(from); block.isValid(); block = block.next()) {
        block.setUserState(-1);
        if (block == last)
            break;
    }
}

bool EncodedEditor::wantsLargeMode(const QString& text)
{
    // JSON serializations keep their own lines: breaks inside a string value would change it.
    if (text.size() <= kLargeTokenChars || text.startsWith(QLatin1Char('{')))
        return false;
    for (QChar c : text) {
        if (c.isSpace())
            return false;
    }
    return true;
}

int EncodedEditor::displayLineChars() const
{
    const QFontMetricsF metrics(font());
    const qreal advance = metrics.horizontalAdvance(QString(100, QLatin1Char('M'))) / 100.0;
    const qreal width = viewport()->width() - 2 * document()->documentMargin();
    const int columns = qMax(16, int(width / qMax<qreal>(advance, 1.0)));
    return columns * 16; // sixteen full rows per line
}

void EncodedEditor::fillDocument(const QString& text)
{
    const qsizetype cursorAt = toToken(textCursor().position());
    const int scroll = verticalScrollBar()->value();
    const bool large = wantsLargeMode(text);
    m_settingText = true;
    if (large && !m_large)
        m_highlighter->setDocument(nullptr); // before the big text goes in: it would colour every line at once
    m_large = large;
    if (large) {
        m_lineChars = displayLineChars();
        QString lines;
        lines.reserve(text.size() + text.size() / m_lineChars + 1);
        for (qsizetype i = 0; i < text.size(); i += m_lineChars) {
            if (i > 0)
                lines += QLatin1Char('\n');
            lines += QStringView(text).mid(i, m_lineChars);
        }
        setPlainText(lines);
        rebuildLineStarts();
        ++m_formatGeneration;
    } else {
        setPlainText(text);
        if (m_highlighter->document() == nullptr)
            m_highlighter->setDocument(document());
    }
    m_lastText = text;
    QTextCursor cursor = textCursor();
    cursor.setPosition(int(qBound<qsizetype>(0, toDocument(cursorAt), qsizetype(document()->characterCount() - 1))));
    setTextCursor(cursor);
    m_settingText = false;
    verticalScrollBar()->setValue(scroll);
}

void EncodedEditor::rebuildLineStarts()
{
    m_lineStarts.clear();
    qsizetype start = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        m_lineStarts.append(start);
        start += block.length() - 1;
    }
}

qsizetype EncodedEditor::toDocument(qsizetype tokenPosition) const
{
    if (!m_large || m_lineStarts.isEmpty())
        return tokenPosition;
    // The line holding the position: the last one starting at or before it (a position at a line's end belongs to
    // the line before, so that a range's end stays with its start).
    const auto it = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), tokenPosition);
    const qsizetype line = qMax<qsizetype>(0, (it - m_lineStarts.cbegin()) - 1);
    return tokenPosition + line;
}

qsizetype EncodedEditor::toToken(qsizetype documentPosition) const
{
    if (!m_large)
        return documentPosition;
    return documentPosition - document()->findBlock(int(documentPosition)).blockNumber();
}

void EncodedEditor::setTokenText(const QString& text)
{
    if (text == m_lastText && wantsLargeMode(text) == m_large)
        return;
    fillDocument(text);
}

void EncodedEditor::selectTokenRange(qsizetype start, qsizetype length)
{
    const qsizetype last = document()->characterCount() - 1;
    const qsizetype from = qBound<qsizetype>(0, toDocument(start), last);
    // The end belongs to the line of the range's last character (toDocument() keeps a line-end position with the
    // line before), so a span never swallows the display line break after it.
    const qsizetype to = qBound<qsizetype>(from, toDocument(start + length), last);
    // Anchored at the end, so scrolling brings the start into view.
    QTextCursor cursor(document());
    cursor.setPosition(int(to));
    cursor.setPosition(int(from), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    ensureCursorVisible();
}

void EncodedEditor::showSnapshot(const SessionSnapshot& snapshot)
{
    const TextOffsets offsets(m_lastText);
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
    if (m_highlighter->setRanges(std::move(ranges), m_errorPositions) && m_large) {
        ++m_formatGeneration;
        viewport()->update();
    }
    m_settingText = false;
}

void EncodedEditor::formatVisibleLines()
{
    const QPointF offset = contentOffset();
    const qreal bottom = viewport()->height();
    m_settingText = true;
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        if (block.userState() != m_formatGeneration) {
            block.setUserState(m_formatGeneration);
            const qsizetype start = block.position() - block.blockNumber();
            block.layout()->setFormats(m_highlighter->formatsFor(start, block.text()));
            document()->markContentsDirty(block.position(), block.length());
        }
        if (blockBoundingGeometry(block).translated(offset).top() > bottom)
            break;
    }
    m_settingText = false;
}

void EncodedEditor::paintEvent(QPaintEvent* event)
{
    if (m_large)
        formatVisibleLines();
    QPlainTextEdit::paintEvent(event);
}

void EncodedEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    if (m_large && displayLineChars() != m_lineChars) {
        // Whole rows again at the new width (debounced: a window resize sends many of these).
        if (!m_relayout) {
            m_relayout = new QTimer(this);
            m_relayout->setSingleShot(true);
            m_relayout->setInterval(150);
            connect(m_relayout, &QTimer::timeout, this, [this] {
                if (m_large && displayLineChars() != m_lineChars)
                    fillDocument(m_lastText);
            });
        }
        m_relayout->start();
    }
}

QMimeData* EncodedEditor::createMimeDataFromSelection() const
{
    QMimeData* mime = QPlainTextEdit::createMimeDataFromSelection();
    if (m_large && mime)
        mime->setText(mime->text().remove(QLatin1Char('\n')));
    return mime;
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
        const QString tip = toolTipAt(toToken(charPos));
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
    const bool replacesAll = document()->isEmpty() || textCursor().selectionEnd() - textCursor().selectionStart() >=
                                                          document()->characterCount() - 1;
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
