// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "FindingRow.h"
#include "PartColors.h"
#include "audit/ForensicsReport.h"
#include "audit/LintReport.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QToolButton;

namespace assay::ui {

class FindingsModel;

/// The findings panel (issue 5): the current token's lint findings, most severe first, each with its severity as a
/// glyph, a colour and a word, its code, one line, what it points at, the RFC or CVE and the ATTACKS.md ids; when a
/// signature fails, the answers of signature forensics come first ("why the signature does not verify"). A severity
/// filter, copying one finding or all of them (as `assay-cli lint` text or `--json`). Selecting a finding asks the
/// window to highlight what it points at.
class FindingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FindingsPanel(QWidget* parent = nullptr);

    void setLintReport(const LintReport& report);
    void setForensics(const ForensicsReport& report);
    void clearForensics();
    /// What the paste intake removed (the JSON export's "notes").
    void setIntakeNotes(const QStringList& notes) { m_notes = notes; }

    [[nodiscard]] FindingsModel* model() const { return m_model; }
    [[nodiscard]] QTableView* view() const { return m_view; }
    /// "Findings (2 errors, 1 warning)": for the dock or tab that holds the panel.
    [[nodiscard]] QString title() const;
    /// The findings as the clipboard gets them.
    [[nodiscard]] QString allAsText() const;
    [[nodiscard]] QByteArray allAsJson() const;

Q_SIGNALS:
    /// A finding was selected (`focus` false) or opened with a double-click or Enter (`focus` true).
    void findingActivated(const assay::ui::FindingRow& row, bool focus);
    /// The title changed (counts).
    void titleChanged(const QString& title);
    /// A one-line message for the window's message line ("Copied ...").
    void message(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onFilterChanged(int index);
    void onSelectionChanged();
    void copyCurrent();
    void copyAllText();
    void copyAllJson();
    void updateState();

    FindingsModel* m_model;
    QTableView* m_view;
    QComboBox* m_filter;
    QToolButton* m_copy;
    QToolButton* m_copyAll;
    QLabel* m_empty;
    QStringList m_notes;
    QString m_lastTitle;
};

} // namespace assay::ui
