// SPDX-License-Identifier: Apache-2.0
#include "FindingsModel.h"

#include "DisplayText.h"
#include "SeverityStyle.h"

#include <QFont>

#include <algorithm>

namespace assay::ui {
namespace {

int rank(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Error:
        return 0;
    case LintSeverity::Warning:
        return 1;
    case LintSeverity::Info:
        return 2;
    }
    return 3;
}

QString checksText(const ForensicsReport& report)
{
    QStringList lines;
    for (const ForensicCheck& check : report.checks) {
        QString outcome;
        switch (check.outcome) {
        case ForensicCheckOutcome::Confirmed:
            outcome = FindingsModel::tr("verified");
            break;
        case ForensicCheckOutcome::RuledOut:
            outcome = FindingsModel::tr("ruled out (%n verification(s))", nullptr, check.candidates);
            break;
        case ForensicCheckOutcome::NotApplicable:
            outcome = FindingsModel::tr("not applicable");
            break;
        }
        QString line = QStringLiteral("\u2022 %1: %2").arg(check.title, outcome);
        if (!check.note.isEmpty())
            line += QStringLiteral(" \u2014 ") + check.note;
        if (check.truncated)
            line += FindingsModel::tr(" (work budget ran out)");
        lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

FindingsModel::FindingsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void FindingsModel::setLintReport(const LintReport& report)
{
    m_lint = report;
    rebuild();
}

void FindingsModel::setForensics(const ForensicsReport& report)
{
    m_forensics = report;
    rebuild();
}

void FindingsModel::clearForensics()
{
    if (!m_forensics)
        return;
    m_forensics.reset();
    rebuild();
}

void FindingsModel::setMinimumSeverity(LintSeverity minimum)
{
    if (minimum == m_minimum)
        return;
    m_minimum = minimum;
    rebuild();
}

void FindingsModel::setColors(const PartColors& colors)
{
    m_colors = colors;
    if (!m_shown.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int FindingsModel::explanationCount() const
{
    return m_forensics ? int(m_forensics->findings.size()) : 0;
}

QString FindingsModel::countsText() const
{
    QStringList parts;
    const int errors = lintCount(LintSeverity::Error);
    const int warnings = lintCount(LintSeverity::Warning);
    const int infos = lintCount(LintSeverity::Info);
    // Spelled out rather than tr("%n error(s)"): without a translation loaded, Qt leaves the "(s)" in.
    if (errors > 0)
        parts.append(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    if (warnings > 0)
        parts.append(warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    if (infos > 0)
        parts.append(tr("%1 info").arg(infos));
    QString text = parts.isEmpty() ? tr("none") : parts.join(QStringLiteral(", "));
    const int explained = explanationCount();
    if (explained > 0)
        text += explained == 1 ? tr(" \u00B7 1 explanation") : tr(" \u00B7 %1 explanations").arg(explained);
    return text;
}

void FindingsModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    m_shown.clear();
    if (m_forensics) {
        const ForensicsReport& f = *m_forensics;
        if (!f.findings.isEmpty()) {
            for (const ForensicFinding& finding : f.findings) {
                FindingRow row;
                row.kind = FindingRow::Kind::Forensic;
                row.forensic = finding;
                m_rows.append(row);
            }
        } else if (f.outcome == ForensicsOutcome::Unexplained || f.outcome == ForensicsOutcome::NothingToExplain) {
            FindingRow row;
            row.kind = f.outcome == ForensicsOutcome::Unexplained ? FindingRow::Kind::Unexplained
                                                                  : FindingRow::Kind::NoFailure;
            QStringList checked;
            for (const ForensicCheck& check : f.checks) {
                if (check.outcome != ForensicCheckOutcome::NotApplicable)
                    checked.append(check.title);
            }
            row.forensicSummary = f.outcome == ForensicsOutcome::Unexplained
                                      ? tr("Nothing explains the failure (%n verification(s) tried). Checked: %1.",
                                           nullptr, f.candidatesTried)
                                            .arg(checked.join(QStringLiteral("; ")))
                                      : f.summary;
            row.forensicChecks = checksText(f);
            m_rows.append(row);
        }
    }
    QList<LintFinding> lint = m_lint.findings();
    std::stable_sort(lint.begin(), lint.end(),
                     [](const LintFinding& a, const LintFinding& b) { return rank(a.severity) < rank(b.severity); });
    for (const LintFinding& finding : std::as_const(lint)) {
        FindingRow row;
        row.lint = finding;
        m_rows.append(row);
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        const FindingRow& row = m_rows.at(i);
        if (row.isForensic() || rank(row.severity()) <= rank(m_minimum))
            m_shown.append(i);
    }
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int FindingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown.size())
        return {};
    const FindingRow& row = findingAt(index.row());
    const SeverityStyle style(m_colors);
    const LintSeverity severity = row.severity();
    if (role == Qt::ToolTipRole)
        return clipped(row.fullText(), 2000);
    switch (index.column()) {
    case SeverityColumn:
        if (role == Qt::DisplayRole) {
            if (row.kind == FindingRow::Kind::Forensic)
                return row.forensic && row.forensic->securityIssue ? tr("why: security") : tr("why");
            if (row.isForensic())
                return tr("why: checked");
            return lintSeverityName(severity);
        }
        if (role == Qt::DecorationRole)
            return row.isForensic() ? style.forensicIcon(severity == LintSeverity::Error) : style.icon(severity);
        if (role == Qt::ForegroundRole)
            return row.isForensic() && severity != LintSeverity::Error ? m_colors.signature : style.color(severity);
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(severity == LintSeverity::Error);
            return bold;
        }
        if (role == Qt::AccessibleTextRole)
            return row.isForensic() ? tr("Why the signature does not verify") : lintSeverityName(severity);
        break;
    case CodeColumn:
        if (role == Qt::DisplayRole)
            return row.code();
        break;
    case MessageColumn:
        if (role == Qt::DisplayRole)
            return clipped(row.message());
        break;
    case WhereColumn:
        if (role == Qt::DisplayRole)
            return row.where();
        break;
    case ReferenceColumn:
        if (role == Qt::DisplayRole)
            return row.reference();
        break;
    case AttacksColumn:
        if (role == Qt::DisplayRole)
            return row.attacks();
        break;
    default:
        break;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case CodeColumn:
        return tr("Code");
    case MessageColumn:
        return tr("Finding");
    case WhereColumn:
        return tr("Where");
    case ReferenceColumn:
        return tr("Reference");
    case AttacksColumn:
        return tr("ATTACKS.md");
    default:
        return {};
    }
}

} // namespace assay::ui
