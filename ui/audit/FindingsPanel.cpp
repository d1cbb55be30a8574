// SPDX-License-Identifier: Apache-2.0
#include "FindingsPanel.h"

#include "FindingsModel.h"

#include "audit/ForensicsReportFormat.h"
#include "audit/LintReportFormat.h"

#include <QAction>
#include <QApplication>
#include <QBoxLayout>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QTableView>
#include <QToolButton>

namespace assay::ui {

FindingsPanel::FindingsPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new FindingsModel(this))
    , m_view(new QTableView(this))
    , m_filter(new QComboBox(this))
    , m_copy(new QToolButton(this))
    , m_copyAll(new QToolButton(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("findingsPanel"));
    setAccessibleName(tr("Findings"));
    m_model->setColors(PartColors::forPalette(palette()));

    auto* filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_filter);
    m_filter->setObjectName(QStringLiteral("findingsSeverityFilter"));
    m_filter->setAccessibleName(tr("Minimum severity shown"));
    m_filter->setToolTip(tr("Hide findings below a severity (the counts always include every finding; the answers "
                            "of signature forensics are always shown)"));
    m_filter->addItem(tr("All findings"), int(LintSeverity::Info));
    m_filter->addItem(tr("Warnings and errors"), int(LintSeverity::Warning));
    m_filter->addItem(tr("Errors only"), int(LintSeverity::Error));
    connect(m_filter, &QComboBox::currentIndexChanged, this, &FindingsPanel::onFilterChanged);

    m_copy->setObjectName(QStringLiteral("copyFindingButton"));
    m_copy->setAccessibleName(tr("Copy finding"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the selected finding as text"));
    connect(m_copy, &QToolButton::clicked, this, &FindingsPanel::copyCurrent);

    m_copyAll->setObjectName(QStringLiteral("copyAllFindingsButton"));
    m_copyAll->setAccessibleName(tr("Copy all findings"));
    m_copyAll->setText(tr("Copy All"));
    m_copyAll->setToolTip(tr("Copy every finding shown, as assay-cli lint prints them (click), or as its --json "
                             "object (menu)"));
    m_copyAll->setPopupMode(QToolButton::MenuButtonPopup);
    auto* menu = new QMenu(m_copyAll);
    QAction* asText = menu->addAction(tr("Copy All as &Text"));
    asText->setObjectName(QStringLiteral("copyAllFindingsTextAction"));
    QAction* asJson = menu->addAction(tr("Copy All as &JSON (assay-cli lint --json)"));
    asJson->setObjectName(QStringLiteral("copyAllFindingsJsonAction"));
    connect(asText, &QAction::triggered, this, &FindingsPanel::copyAllText);
    connect(asJson, &QAction::triggered, this, &FindingsPanel::copyAllJson);
    m_copyAll->setMenu(menu);
    connect(m_copyAll, &QToolButton::clicked, this, &FindingsPanel::copyAllText);

    m_view->setObjectName(QStringLiteral("findingsTable"));
    m_view->setAccessibleName(tr("Findings"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().lineSpacing() + 8);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* copyOne = new QAction(tr("&Copy Finding"), m_view);
    copyOne->setObjectName(QStringLiteral("copyFindingAction"));
    copyOne->setShortcut(QKeySequence::Copy);
    copyOne->setShortcutContext(Qt::WidgetShortcut);
    connect(copyOne, &QAction::triggered, this, &FindingsPanel::copyCurrent);
    m_view->addAction(copyOne);
    m_view->addAction(asText);
    m_view->addAction(asJson);
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(FindingsModel::SeverityColumn, 120);
    header->resizeSection(FindingsModel::CodeColumn, 250);
    header->resizeSection(FindingsModel::WhereColumn, 190);
    header->resizeSection(FindingsModel::ReferenceColumn, 230);
    header->resizeSection(FindingsModel::AttacksColumn, 90);
    header->setSectionResizeMode(FindingsModel::MessageColumn, QHeaderView::Stretch);
    // Selecting a row (click, arrow keys) points at its finding. The current index alone is not enough: the view
    // makes the first row current when it merely receives the focus (QAbstractItemView::focusInEvent), and that must
    // not move the selection in the panes under the user's hands.
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FindingsPanel::onSelectionChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { m_copy->setEnabled(m_view->currentIndex().isValid()); });
    // Double-click or Enter (QAbstractItemView::activated) also moves the focus to what the finding points at.
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (index.isValid())
            Q_EMIT findingActivated(m_model->findingAt(index.row()), true);
    });

    m_empty->setObjectName(QStringLiteral("findingsEmptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(filterLabel);
    row->addWidget(m_filter);
    row->addStretch(1);
    row->addWidget(m_copy);
    row->addWidget(m_copyAll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    updateState();
}

void FindingsPanel::setLintReport(const LintReport& report)
{
    // Keep the selection on the same finding when it is still there (a keystroke elsewhere re-lints).
    const QModelIndex current = m_view->currentIndex();
    QString keep;
    if (current.isValid())
        keep = m_model->findingAt(current.row()).fullText();
    const QSignalBlocker blocker(m_view->selectionModel());
    m_model->setLintReport(report);
    for (int i = 0; !keep.isEmpty() && i < m_model->rowCount(); ++i) {
        if (m_model->findingAt(i).fullText() == keep) {
            m_view->setCurrentIndex(m_model->index(i, 0));
            break;
        }
    }
    updateState();
}

void FindingsPanel::setForensics(const ForensicsReport& report)
{
    const QSignalBlocker blocker(m_view->selectionModel());
    m_model->setForensics(report);
    updateState();
}

void FindingsPanel::clearForensics()
{
    if (!m_model->forensics())
        return;
    const QSignalBlocker blocker(m_view->selectionModel());
    m_model->clearForensics();
    updateState();
}

QString FindingsPanel::title() const
{
    return tr("Findings (%1)").arg(m_model->countsText());
}

void FindingsPanel::updateState()
{
    const bool any = m_model->rowCount() > 0;
    m_view->setVisible(any);
    m_empty->setVisible(!any);
    if (!any) {
        m_empty->setText(
            m_model->allRows().isEmpty()
                ? tr("No findings for this token.")
                : tr("No findings at this severity; %1 hidden by the filter.").arg(m_model->allRows().size()));
    }
    m_copy->setEnabled(m_view->currentIndex().isValid());
    const QString now = title();
    if (now != m_lastTitle) {
        m_lastTitle = now;
        Q_EMIT titleChanged(now);
    }
}

void FindingsPanel::onFilterChanged(int index)
{
    m_model->setMinimumSeverity(static_cast<LintSeverity>(m_filter->itemData(index).toInt()));
    updateState();
}

void FindingsPanel::onSelectionChanged()
{
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    if (!selected.isEmpty())
        Q_EMIT findingActivated(m_model->findingAt(selected.front().row()), false);
}

void FindingsPanel::copyCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const FindingRow& row = m_model->findingAt(current.row());
    QApplication::clipboard()->setText(row.kind == FindingRow::Kind::Lint ? lintFindingText(row.lint) : row.fullText());
    Q_EMIT message(tr("Copied the finding %1").arg(row.code()));
}

QString FindingsPanel::allAsText() const
{
    // The text `assay-cli lint` prints, then the forensic answer when there is one.
    QString text = lintReportText(m_model->lintReport(), m_model->minimumSeverity());
    const std::optional<ForensicsReport>& forensics = m_model->forensics();
    if (forensics && forensics->outcome != ForensicsOutcome::NotApplicable)
        text += QStringLiteral("\n\n") + forensicsReportText(*forensics);
    return text;
}

QByteArray FindingsPanel::allAsJson() const
{
    // The object `assay-cli lint --json` prints, with "forensics" when signature forensics ran.
    const std::optional<ForensicsReport>& forensics = m_model->forensics();
    return lintReportJson(m_model->lintReport(), m_model->minimumSeverity(), m_notes,
                          forensics ? &*forensics : nullptr);
}

void FindingsPanel::copyAllText()
{
    QApplication::clipboard()->setText(allAsText());
    Q_EMIT message(tr("Copied the findings as text"));
}

void FindingsPanel::copyAllJson()
{
    QApplication::clipboard()->setText(QString::fromUtf8(allAsJson()));
    Q_EMIT message(tr("Copied the findings as JSON"));
}

void FindingsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_model->setColors(PartColors::forPalette(palette()));
}

} // namespace assay::ui
