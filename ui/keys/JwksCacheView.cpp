// SPDX-License-Identifier: Apache-2.0
#include "keys/JwksCacheView.h"

#include "keys/AgeText.h"

#include "DisplayText.h"
#include "net/FetchUrlPolicy.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace assay::ui {

void askYesNo(QWidget* parent, const QString& title, const QString& text, std::function<void(bool yes)> answer)
{
    auto* box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No, parent);
    box->setObjectName(QStringLiteral("issuerConfirmBox"));
    box->setDefaultButton(QMessageBox::No);
    box->setEscapeButton(QMessageBox::No);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QObject::connect(box, &QMessageBox::finished, box, [box, answer = std::move(answer)](int) {
        answer(box->clickedButton() == box->button(QMessageBox::Yes));
    });
    box->open();
}

JwksCacheView::JwksCacheView(QWidget* parent)
    : QWidget(parent)
    , m_cache(QString())
    , m_confirm(askYesNo)
    , m_table(new QTableWidget(0, 3, this))
    , m_folderLabel(new QLabel(this))
    , m_loadButton(new QPushButton(tr("&Load"), this))
    , m_removeButton(new QPushButton(tr("&Remove"), this))
    , m_removeAllButton(new QPushButton(tr("Remove &all…"), this))
{
    setObjectName(QStringLiteral("jwksCacheView"));
    setAccessibleName(tr("Key sets kept for offline use"));

    m_table->setObjectName(QStringLiteral("jwksCacheTable"));
    m_table->setAccessibleName(tr("Cached key sets"));
    m_table->setHorizontalHeaderLabels({tr("Source"), tr("Fetched"), tr("Keys")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    // Room for a few sets before it scrolls: the splitter above gives the key table the rest.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() +
                              3 * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth());

    m_folderLabel->setObjectName(QStringLiteral("jwksCacheFolderLabel"));
    m_folderLabel->setAccessibleName(tr("Cache folder"));
    m_folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_folderLabel->setWordWrap(true);

    const std::pair<QPushButton*, const char*> buttons[] = {
        {m_loadButton, "jwksCacheLoadButton"},
        {m_removeButton, "jwksCacheRemoveButton"},
        {m_removeAllButton, "jwksCacheRemoveAllButton"},
    };
    auto* actions = new QHBoxLayout;
    for (const auto& [button, name] : buttons) {
        button->setObjectName(QString::fromLatin1(name));
        button->setAccessibleName(button->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
        actions->addWidget(button);
    }
    actions->addStretch(1);
    m_loadButton->setToolTip(tr("Show the selected set's keys (no network)"));
    m_removeButton->setToolTip(tr("Delete the selected set from the cache"));
    m_removeAllButton->setToolTip(tr("Delete every cached set"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_folderLabel);
    layout->addLayout(actions);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &JwksCacheView::updateButtons);
    connect(m_table, &QTableWidget::itemDoubleClicked, this, &JwksCacheView::loadSelected);
    connect(m_loadButton, &QPushButton::clicked, this, &JwksCacheView::loadSelected);
    connect(m_removeButton, &QPushButton::clicked, this, &JwksCacheView::removeSelected);
    connect(m_removeAllButton, &QPushButton::clicked, this, &JwksCacheView::removeAll);
    updateButtons();
}

JwksCacheView::~JwksCacheView() = default;

void JwksCacheView::setDirectory(const QString& directory)
{
    m_cache = JwksCache(directory);
    refresh();
}

Result<JwksCacheEntry> JwksCacheView::store(const QUrl& source, const QByteArray& jwks, const QDateTime& fetchedAt)
{
    Result<JwksCacheEntry> stored = m_cache.store(source, jwks, fetchedAt);
    refresh();
    return stored;
}

void JwksCacheView::refresh()
{
    const QUrl selected = selectedRow() >= 0 ? m_entries.at(selectedRow()).source : QUrl();
    m_entries.clear();
    if (!m_cache.directory().isEmpty()) {
        Result<QList<JwksCacheEntry>> listed = m_cache.list();
        if (listed)
            m_entries = std::move(*listed);
        else
            Q_EMIT message(tr("Cannot list the cached key sets: %1").arg(listed.error().message));
    }
    m_table->clearContents();
    m_table->setRowCount(int(m_entries.size()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int r = 0; r < m_entries.size(); ++r) {
        const JwksCacheEntry& e = m_entries.at(r);
        const QString source = displayUrl(e.source);
        auto* sourceItem = new QTableWidgetItem(clipped(source, 200));
        sourceItem->setToolTip(source);
        auto* whenItem = new QTableWidgetItem(localTimeWithAge(e.fetchedAt, now));
        whenItem->setToolTip(e.fetchedAt.toUTC().toString(Qt::ISODate));
        auto* countItem = new QTableWidgetItem(QString::number(e.keyCount));
        countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(r, 0, sourceItem);
        m_table->setItem(r, 1, whenItem);
        m_table->setItem(r, 2, countItem);
        if (e.source == selected)
            m_table->selectRow(r);
    }
    const QString folder = QDir::toNativeSeparators(m_cache.directory());
    m_folderLabel->setText(m_entries.isEmpty()
                               ? tr("Nothing kept yet. Fetched sets are kept in %1 (public keys only, readable by you "
                                    "alone).")
                                     .arg(folder)
                               : tr("Kept in %1 (public keys only, readable by you alone).").arg(folder));
    updateButtons();
}

int JwksCacheView::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    const int row = rows.front().row();
    return row < m_entries.size() ? row : -1;
}

void JwksCacheView::updateButtons()
{
    const bool selected = selectedRow() >= 0;
    m_loadButton->setEnabled(selected);
    m_removeButton->setEnabled(selected);
    m_removeAllButton->setEnabled(!m_entries.isEmpty());
}

void JwksCacheView::loadSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    // Read again: the file may have changed (or gone) since it was listed.
    Result<JwksCacheEntry> entry = m_cache.load(m_entries.at(row).source);
    if (!entry) {
        Q_EMIT message(tr("Not loaded: %1").arg(entry.error().message));
        refresh();
        return;
    }
    Q_EMIT loadRequested(*entry);
}

void JwksCacheView::removeSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const QUrl source = m_entries.at(row).source;
    Result<void> removed = m_cache.remove(source);
    Q_EMIT message(removed ? tr("Removed the cached set of %1").arg(displayUrl(source))
                           : tr("Not removed: %1").arg(removed.error().message));
    refresh();
}

void JwksCacheView::removeAll()
{
    if (m_entries.isEmpty())
        return;
    const int n = int(m_entries.size());
    m_confirm(this, tr("Remove all cached key sets"),
              tr("Delete all %1 key sets kept for offline use from %2?")
                  .arg(n)
                  .arg(QDir::toNativeSeparators(m_cache.directory())),
              [view = QPointer<JwksCacheView>(this)](bool yes) {
                  if (!view || !yes)
                      return;
                  Result<int> cleared = view->m_cache.clear();
                  Q_EMIT view->message(cleared ? (*cleared == 1 ? tr("Removed 1 cached key set")
                                                                : tr("Removed %1 cached key sets").arg(*cleared))
                                               : tr("Not removed: %1").arg(cleared.error().message));
                  view->refresh();
              });
}

} // namespace assay::ui
