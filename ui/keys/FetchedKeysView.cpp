// SPDX-License-Identifier: Apache-2.0
#include "keys/FetchedKeysView.h"

#include "keys/AgeText.h"
#include "keys/KeyFiles.h"

#include "net/FetchUrlPolicy.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("\u2014") : text;
}

QString sizeOrCurve(const Key& key)
{
    if (key.curve() != Curve::None)
        return curveName(key.curve());
    return key.bits() > 0 ? FetchedKeysView::tr("%1 bits").arg(key.bits()) : QString();
}

QString linkless(const QString& text)
{
    // URLs are shown as text to read and copy, never as links to follow.
    return text.toHtmlEscaped();
}

} // namespace

FetchedKeysView::FetchedKeysView(QWidget* parent)
    : QWidget(parent)
    , m_originLabel(new QLabel(this))
    , m_detailsLabel(new QLabel(this))
    , m_warningsLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_addSelectedButton(new QPushButton(tr("Add &selected to session keys"), this))
    , m_addAllButton(new QPushButton(tr("Add a&ll to session keys"), this))
    , m_useButton(new QPushButton(tr("Use for &verifying"), this))
    , m_saveButton(new QPushButton(tr("Save JWKS as &received…"), this))
{
    setObjectName(QStringLiteral("fetchedKeysView"));
    setAccessibleName(tr("Fetched keys"));

    m_originLabel->setObjectName(QStringLiteral("issuerResultOriginLabel"));
    m_originLabel->setAccessibleName(tr("Where the keys come from"));
    m_originLabel->setWordWrap(true);
    m_originLabel->setTextFormat(Qt::RichText);
    m_originLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailsLabel->setObjectName(QStringLiteral("issuerResultDetailsLabel"));
    m_detailsLabel->setAccessibleName(tr("Fetch details"));
    m_detailsLabel->setWordWrap(true);
    m_detailsLabel->setTextFormat(Qt::RichText);
    m_detailsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warningsLabel->setObjectName(QStringLiteral("issuerResultWarningsLabel"));
    m_warningsLabel->setAccessibleName(tr("Warnings about the set"));
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->setTextFormat(Qt::RichText);
    m_warningsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setObjectName(QStringLiteral("issuerErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Why the fetch failed"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::RichText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setFrameShape(QFrame::StyledPanel);
    m_errorLabel->setMargin(8);
    m_errorLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_table->setObjectName(QStringLiteral("issuerKeysTable"));
    m_table->setAccessibleName(tr("Keys of the set"));
    m_table->setHorizontalHeaderLabels(
        {tr("kid"), tr("kty"), tr("alg"), tr("use"), tr("Size / curve"), tr("Thumbprint (RFC 7638, SHA-256)")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QHeaderView* header = m_table->horizontalHeader();
    for (int c = 0; c < ColumnCount; ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ThumbprintColumn, QHeaderView::Stretch);
    // A few keys always in view, whatever the splitter below leaves.
    m_table->setMinimumHeight(header->sizeHint().height() + 3 * m_table->verticalHeader()->defaultSectionSize() +
                              2 * m_table->frameWidth());

    const std::pair<QPushButton*, const char*> buttons[] = {
        {m_addSelectedButton, "issuerAddSelectedButton"},
        {m_addAllButton, "issuerAddAllButton"},
        {m_useButton, "issuerUseForVerifyingButton"},
        {m_saveButton, "issuerSaveJwksButton"},
    };
    auto* actions = new QHBoxLayout;
    for (const auto& [button, name] : buttons) {
        button->setObjectName(QString::fromLatin1(name));
        button->setAccessibleName(button->text().remove(QLatin1Char('&')));
        actions->addWidget(button);
    }
    actions->addStretch(1);
    m_addSelectedButton->setToolTip(tr("Keep the selected keys in the session keys (memory only), named after the "
                                       "host and the kid"));
    m_useButton->setToolTip(tr("Put the selected key in the main window's verification key input"));
    m_saveButton->setToolTip(tr("Save the set byte for byte as the server sent it"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_originLabel);
    layout->addWidget(m_detailsLabel);
    layout->addWidget(m_warningsLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_table, 1);
    layout->addStretch(0); // keeps the labels at the top while the table is hidden
    layout->addLayout(actions);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &FetchedKeysView::updateButtons);
    connect(m_addSelectedButton, &QPushButton::clicked, this, [this] { addKeys(selectedKeys()); });
    connect(m_addAllButton, &QPushButton::clicked, this, [this] { addKeys(m_shown.keys.keys); });
    connect(m_useButton, &QPushButton::clicked, this, [this] {
        const QList<Key> keys = selectedKeys();
        if (keys.size() == 1)
            Q_EMIT useForVerifying(keys.front());
    });
    connect(m_saveButton, &QPushButton::clicked, this, &FetchedKeysView::saveJwks);
    connect(m_table, &QTableWidget::itemDoubleClicked, this, [this] {
        const QList<Key> keys = selectedKeys();
        if (keys.size() == 1)
            Q_EMIT useForVerifying(keys.front());
    });
    clear();
}

FetchedKeysView::~FetchedKeysView() = default;

void FetchedKeysView::clear()
{
    m_shown = ShownJwks{};
    m_originLabel->setText(tr("No key set yet. Fetch one above, or load one kept for offline use below."));
    m_detailsLabel->clear();
    m_detailsLabel->hide();
    m_warningsLabel->clear();
    m_warningsLabel->hide();
    m_errorLabel->clear();
    m_errorLabel->hide();
    m_table->show();
    fillTable();
}

void FetchedKeysView::showError(const QString& html)
{
    clear();
    m_originLabel->setText(tr("No keys: the fetch failed."));
    m_errorLabel->setText(html);
    m_errorLabel->show();
    // The explanation takes the table's place: an empty table under an error only looks like a missing result.
    m_table->hide();
}

void FetchedKeysView::showJwks(const ShownJwks& jwks)
{
    clear();
    m_shown = jwks;
    const QString when = localTimeWithAge(jwks.fetchedAt);
    const int n = int(jwks.keys.keys.size());
    const QString count = n == 1 ? tr("1 key") : tr("%1 keys").arg(n);
    if (jwks.fromCache)
        m_originLabel->setText(tr("<b>From cache, fetched %1</b> \u2014 %2 from %3. No connection was made.")
                                   .arg(when.toHtmlEscaped(), count, linkless(displayUrl(jwks.source))));
    else
        m_originLabel->setText(tr("<b>Fetched %1</b> \u2014 %2 from %3")
                                   .arg(when.toHtmlEscaped(), count, linkless(displayUrl(jwks.source))));

    QStringList rows;
    const auto row = [&rows](const QString& name, const QString& value) {
        rows.append(QStringLiteral("<tr><td style=\"padding-right:12px\">%1</td><td>%2</td></tr>")
                        .arg(name.toHtmlEscaped(), value));
    };
    if (!jwks.issuer.isEmpty()) {
        row(tr("Issuer"), linkless(jwks.issuer));
        row(tr("Discovery document"), linkless(displayUrl(jwks.metadataUrl)));
    }
    row(tr("Source"), linkless(displayUrl(jwks.source)));
    if (!jwks.fromCache) {
        if (jwks.finalUrl.isValid() && jwks.finalUrl != jwks.source)
            row(tr("Final URL"), linkless(displayUrl(jwks.finalUrl)));
        QStringList hops;
        for (const FetchHop& hop : jwks.hops)
            hops.append(tr("HTTP %1: %2 \u2192 %3")
                            .arg(hop.status)
                            .arg(linkless(displayUrl(hop.from)), linkless(displayUrl(hop.to))));
        row(tr("Redirects"), hops.isEmpty() ? tr("none") : hops.join(QStringLiteral("<br>")));
        row(tr("Content type"), linkless(orDash(jwks.contentType)));
    }
    row(tr("Fetched"), when.toHtmlEscaped() + QStringLiteral(" \u2014 ") +
                           jwks.fetchedAt.toUTC().toString(Qt::ISODate).toHtmlEscaped());
    row(tr("Size"), tr("%1 bytes").arg(jwks.raw.size()));
    if (!jwks.cacheNote.isEmpty())
        row(tr("Offline copy"), jwks.cacheNote.toHtmlEscaped());
    m_detailsLabel->setText(QStringLiteral("<table>%1</table>").arg(rows.join(QString())));
    m_detailsLabel->show();

    if (!jwks.warnings.isEmpty()) {
        QStringList items;
        for (const QString& w : jwks.warnings)
            items.append(QStringLiteral("\u26a0 %1").arg(w.toHtmlEscaped()));
        m_warningsLabel->setText(items.join(QStringLiteral("<br>")));
        m_warningsLabel->show();
    }
    fillTable();
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
}

void FetchedKeysView::fillTable()
{
    m_table->clearContents();
    m_table->setRowCount(int(m_shown.keys.keys.size()));
    for (int r = 0; r < m_shown.keys.keys.size(); ++r) {
        const Key& key = m_shown.keys.keys.at(r);
        const QString cells[ColumnCount] = {orDash(key.kid()), keyTypeName(key.type()),
                                            orDash(key.alg()), orDash(key.use()),
                                            sizeOrCurve(key),  key.thumbprint(256).value_or(QString())};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            m_table->setItem(r, c, item);
        }
    }
    updateButtons();
}

QList<Key> FetchedKeysView::selectedKeys() const
{
    QList<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<Key> keys;
    for (int r : rows) {
        if (r >= 0 && r < m_shown.keys.keys.size())
            keys.append(m_shown.keys.keys.at(r));
    }
    return keys;
}

void FetchedKeysView::updateButtons()
{
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    m_addSelectedButton->setEnabled(selected > 0);
    m_addAllButton->setEnabled(hasKeys());
    m_useButton->setEnabled(selected == 1);
    m_saveButton->setEnabled(!m_shown.raw.isEmpty());
}

QString FetchedKeysView::sessionName(const Key& key) const
{
    const QString host = (m_shown.finalUrl.isValid() ? m_shown.finalUrl : m_shown.source).host();
    const QString id = key.kid().isEmpty() ? key.thumbprint(256).value_or(QString()).left(8) : key.kid();
    return QStringLiteral("%1 %2").arg(host, id).trimmed();
}

void FetchedKeysView::addKeys(const QList<Key>& keys)
{
    for (const Key& key : keys)
        Q_EMIT addToSession(key, sessionName(key));
    if (keys.size() > 1)
        Q_EMIT message(
            tr("Added %1 keys from %2 to the session keys (memory only)").arg(keys.size()).arg(m_shown.source.host()));
}

void FetchedKeysView::saveJwks()
{
    if (m_shown.raw.isEmpty())
        return;
    const QByteArray raw = m_shown.raw;
    QString suggested = m_shown.source.host();
    suggested = (suggested.isEmpty() ? QStringLiteral("keys") : suggested) + QStringLiteral(".jwks.json");
    askSaveFile(
        this, QStringLiteral("saveFetchedJwksDialog"), tr("Save JWK Set as received"), {tr("JWK Set (*.json *.jwks)")},
        suggested, QStringLiteral("json"), [this, raw](const QString& path, const QString&) {
            const QString error = writeKeyFile(path, raw);
            Q_EMIT message(error.isEmpty()
                               ? tr("Saved %1 (%2 bytes, as received)").arg(QFileInfo(path).fileName()).arg(raw.size())
                               : error);
        });
}

} // namespace assay::ui
