// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "FindingRow.h"
#include "PartColors.h"
#include "audit/ForensicsReport.h"
#include "audit/LintReport.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace assay::ui {

/// The findings panel's rows: the answers of signature forensics first (when a signature failed), then the lint
/// findings of the current token, most severe first (ties keep the report's order, which follows the token's parts).
/// A minimum severity hides lint rows below it; forensic rows are always shown.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeverityColumn,
        CodeColumn,
        MessageColumn,
        WhereColumn,
        ReferenceColumn,
        AttacksColumn,
        ColumnCount,
    };

    explicit FindingsModel(QObject* parent = nullptr);

    void setLintReport(const LintReport& report);
    void setForensics(const ForensicsReport& report);
    void clearForensics();
    void setMinimumSeverity(LintSeverity minimum);
    void setColors(const PartColors& colors);

    [[nodiscard]] const LintReport& lintReport() const { return m_lint; }
    [[nodiscard]] const std::optional<ForensicsReport>& forensics() const { return m_forensics; }
    [[nodiscard]] LintSeverity minimumSeverity() const { return m_minimum; }
    /// The row shown at `row` (rowCount() rows).
    [[nodiscard]] const FindingRow& findingAt(int row) const { return m_rows.at(m_shown.at(row)); }
    /// Every row, hidden ones included, in display order.
    [[nodiscard]] const QList<FindingRow>& allRows() const { return m_rows; }
    /// Lint findings of this severity (all, whatever the filter).
    [[nodiscard]] int lintCount(LintSeverity severity) const { return m_lint.count(severity); }
    /// Forensic explanations that verified.
    [[nodiscard]] int explanationCount() const;
    /// "2 errors, 1 warning, 3 info · 1 explanation", or "none".
    [[nodiscard]] QString countsText() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void rebuild();

    LintReport m_lint;
    std::optional<ForensicsReport> m_forensics;
    LintSeverity m_minimum = LintSeverity::Info;
    PartColors m_colors;
    QList<FindingRow> m_rows;
    QList<int> m_shown; // indices into m_rows that pass the filter
};

} // namespace assay::ui
