// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PartColors.h"
#include "session/SessionSnapshot.h"

#include <QList>
#include <QPlainTextEdit>
#include <QStringList>

namespace assay::ui {

class TokenHighlighter;

/// The encoded pane: the token text in a monospace editor, each part in its colour, invalid characters underlined
/// with the error on hover. Pasting replaces the whole text with what the core's intake extracts.
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

    /// Positions (QString) of the characters underlined as invalid, in order; for tests and accessibility.
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

private:
    void onContentsChanged();

    TokenHighlighter* m_highlighter;
    QList<qsizetype> m_errorPositions;
    QStringList m_errorMessages;                     // parallel to m_errorPositions
    QList<QPair<qsizetype, qsizetype>> m_partRanges; // start, length (QString positions), parallel to m_partNames
    QStringList m_partNames;
    QString m_lastText; // the text last reported or set, to tell typing from re-highlighting
    bool m_settingText = false;
};

} // namespace assay::ui
