// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PartColors.h"
#include "session/SessionSnapshot.h"

#include <QList>
#include <QPlainTextEdit>
#include <QStringList>

class QTimer;

namespace assay::ui {

class TokenHighlighter;

/// The encoded pane: the token text in a monospace editor, each part in its colour, invalid characters underlined
/// with the error on hover. Pasting replaces the whole text with what the core's intake extracts.
///
/// A large compact token (over kLargeTokenChars) is held as lines of a whole number of screen rows, because Qt lays
/// out a paragraph all at once: a megabyte on one line costs half a second per change, while QPlainTextEdit lays out
/// only the lines on screen. Those line breaks are display only: tokenText(), copying and the positions this class
/// reports leave them out. The parts are coloured lazily, line by line as they come into view.
class EncodedEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit EncodedEditor(QWidget* parent = nullptr);
    ~EncodedEditor() override;

    /// Colours the parts and marks the errors of `snapshot` (whose input is this editor's text).
    void showSnapshot(const SessionSnapshot& snapshot);
    /// Sets the text from elsewhere (file, template, re-encoding) without it counting as the user's typing.
    void setTokenText(const QString& text);
    /// The text as the user typed it, without the display line breaks of a large token.
    [[nodiscard]] QString tokenText() const { return m_lastText; }
    /// Selects characters [start, start + length) of tokenText() and scrolls them into view (a finding's span);
    /// display line breaks of a large token are accounted for.
    void selectTokenRange(qsizetype start, qsizetype length);
    /// True while a large token is shown in display lines.
    [[nodiscard]] bool isLargeMode() const { return m_large; }

    /// Above this many characters a compact token is shown in display lines.
    static constexpr qsizetype kLargeTokenChars = 64 * 1024;

    /// Positions (in tokenText()) of the characters underlined as invalid, in order; for tests and accessibility.
    [[nodiscard]] const QList<qsizetype>& errorPositions() const { return m_errorPositions; }
    /// The message shown on hover at `position`, or an empty string.
    [[nodiscard]] QString toolTipAt(qsizetype position) const;

Q_SIGNALS:
    /// The user changed the text (typing, paste, drop); not emitted for setTokenText().
    void tokenEdited();
    /// A paste was cleaned by the intake; `notes` says what was removed.
    void pasteCleaned(const QStringList& notes);
    /// A file was dropped or pasted as a URL: the window opens it instead of inserting its name.
    void fileDropped(const QString& path);

protected:
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void insertFromMimeData(const QMimeData* source) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    QMimeData* createMimeDataFromSelection() const override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void onContentsChanged();
    void onDocumentChange(int from, int removed, int added);
    /// Puts `text` into the document, in display lines when it is large; keeps the cursor at the same token
    /// position.
    void fillDocument(const QString& text);
    [[nodiscard]] static bool wantsLargeMode(const QString& text);
    /// Characters per display line: a whole number of rows at the current width.
    [[nodiscard]] int displayLineChars() const;
    /// Token position <-> document position (they differ by the display line breaks before them).
    [[nodiscard]] qsizetype toDocument(qsizetype tokenPosition) const;
    [[nodiscard]] qsizetype toToken(qsizetype documentPosition) const;
    void rebuildLineStarts();
    /// Large mode: applies the part colours to the lines on screen that do not have the current ones yet.
    void formatVisibleLines();

    TokenHighlighter* m_highlighter;
    QList<qsizetype> m_errorPositions;
    QStringList m_errorMessages;                     // parallel to m_errorPositions
    QList<QPair<qsizetype, qsizetype>> m_partRanges; // start, length (QString positions), parallel to m_partNames
    QStringList m_partNames;
    QString m_lastText; // the token text last reported or set, to tell typing from re-highlighting
    bool m_settingText = false;
    bool m_large = false;
    int m_lineChars = 0;           // large mode: characters per display line when the text was last set
    QList<qsizetype> m_lineStarts; // large mode: token position of each document block
    int m_formatGeneration = 0;    // large mode: a block whose userState differs needs its colours again
    QTimer* m_relayout = nullptr;  // large mode: re-breaks the lines after a resize
};

} // namespace assay::ui
