// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Error.h"

#include <QColor>
#include <QList>
#include <QPlainTextEdit>

#include <optional>

namespace assay::ui {

class JsonHighlighter;

/// An editor for the decoded header or payload: JSON colours, a wavy underline at a syntax error's line:column
/// with the message on hover, and a distinction between the user's typing (userEdited) and text set from elsewhere
/// (setModelText), so the window never rewrites what is under the user's cursor.
class JsonEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    /// A lint finding's range, underlined like a code editor's diagnostic (issue 5).
    struct Diagnostic
    {
        qsizetype start = 0; // QString position in the editor's text
        qsizetype length = 0;
        QColor color;
        QString toolTip;
    };

    explicit JsonEditor(QWidget* parent = nullptr);

    /// Replaces the text because the token changed elsewhere; emits nothing. Keeps the scroll position.
    void setModelText(const QString& text);
    /// Marks `error` (its line:column) or clears the mark.
    void setError(const std::optional<Error>& error);
    /// The QString position of the marked error, or -1.
    [[nodiscard]] qsizetype errorPosition() const { return m_errorPosition; }
    /// Underlines these ranges (wavy, in their colour, the tooltip on hover) until the text changes.
    void setDiagnostics(QList<Diagnostic> diagnostics);
    [[nodiscard]] const QList<Diagnostic>& diagnostics() const { return m_diagnostics; }
    /// Selects the range (QString positions) and scrolls it into view, as a finding's location.
    void selectRange(qsizetype start, qsizetype length);

Q_SIGNALS:
    void userEdited();

protected:
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void onTextChanged();
    void updateErrorSelection();

    JsonHighlighter* m_highlighter;
    std::optional<Error> m_error;
    QList<Diagnostic> m_diagnostics;
    qsizetype m_errorPosition = -1;
    QString m_lastText; // the text last reported or set, to tell typing from re-highlighting
    bool m_settingText = false;
};

} // namespace assay::ui
