// SPDX-License-Identifier: Apache-2.0
#include "keys/SessionKeysPage.h"

#include "keys/KeyFiles.h"
#include "keys/KeyRingModel.h"
#include "keys/KeyText.h"
#include "keys/PrivateKeySaver.h"
#include "keys/SessionKeyRing.h"

#include "jwk/KeyExport.h"
#include "jwk/KeyLoader.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

SessionKeysPage::SessionKeysPage(SessionKeyRing& ring, QWidget* parent)
    : QWidget(parent)
    , m_ring(ring)
    , m_model(new KeyRingModel(ring, this))
    , m_table(new QTableView(this))
    , m_noteLabel(new QLabel(this))
    , m_addButton(new QPushButton(tr("&Add from file…"), this))
    , m_renameButton(new QPushButton(tr("Re&name"), this))
    , m_removeButton(new QPushButton(tr("&Remove"), this))
    , m_saveJwksButton(new QPushButton(tr("Save public &JWKS…"), this))
    , m_savePrivateButton(new QPushButton(tr("Save &private keys (encrypted)…"), this))
    , m_saver(new PrivateKeySaver(this))
{
    setObjectName(QStringLiteral("sessionKeysPage"));
    setAccessibleName(tr("Session keys"));

    m_table->setObjectName(QStringLiteral("sessionKeysTable"));
    m_table->setAccessibleName(tr("Session keys"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(KeyRingModel::NameColumn, QHeaderView::Interactive);
    header->resizeSection(KeyRingModel::NameColumn, 220);
    header->setSectionResizeMode(KeyRingModel::KidColumn, QHeaderView::Stretch);
    for (int c :
         {KeyRingModel::TypeColumn, KeyRingModel::PartColumn, KeyRingModel::VerifyColumn, KeyRingModel::SignColumn})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->installEventFilter(this);

    m_noteLabel->setObjectName(QStringLiteral("sessionKeysNote"));
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setText(
        tr("Keys kept for this session, in memory only: never written to settings, wiped when removed and when "
           "Assay quits. Keys ticked \"Verify with\" are tried with the keys typed in the signature panel (by kid "
           "and alg; the panel says which matched and why the others did not). The \"Sign with\" key re-signs "
           "edits when no key is typed there."));

    const std::pair<QPushButton*, const char*> buttons[] = {
        {m_addButton, "sessionAddFromFileButton"},         {m_renameButton, "sessionRenameButton"},
        {m_removeButton, "sessionRemoveButton"},           {m_saveJwksButton, "sessionSaveJwksButton"},
        {m_savePrivateButton, "sessionSavePrivateButton"},
    };
    auto* row = new QHBoxLayout;
    for (const auto& [button, name] : buttons) {
        button->setObjectName(QString::fromLatin1(name));
        button->setAccessibleName(button->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
        row->addWidget(button);
    }
    row->addStretch(1);
    m_renameButton->setToolTip(tr("Rename the selected key (F2)"));
    m_removeButton->setToolTip(tr("Remove the selected keys and wipe them (Delete)"));
    m_saveJwksButton->setToolTip(tr("Save the public keys (the selected ones, or all) as a JWK Set"));
    m_savePrivateButton->setToolTip(tr("Save the keys (the selected ones, or all) encrypted with a passphrase"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(row);

    connect(m_addButton, &QPushButton::clicked, this, [this] {
        askOpenFile(
            this, QStringLiteral("sessionKeyFileDialog"), tr("Add keys from a file"),
            {tr("Keys (*.pem *.der *.crt *.cer *.key *.pub *.p8 *.json *.jwk *.jwks *.jwe)"), tr("All files (*)")},
            [this](const QString& path) { addFromFile(path); });
    });
    connect(m_renameButton, &QPushButton::clicked, this, &SessionKeysPage::renameSelected);
    connect(m_removeButton, &QPushButton::clicked, this, &SessionKeysPage::removeSelected);
    connect(m_saveJwksButton, &QPushButton::clicked, this, &SessionKeysPage::savePublicJwks);
    connect(m_savePrivateButton, &QPushButton::clicked, this, &SessionKeysPage::savePrivate);
    connect(m_saver, &PrivateKeySaver::message, this, &SessionKeysPage::message);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SessionKeysPage::updateButtons);
    connect(&m_ring, &SessionKeyRing::changed, this, &SessionKeysPage::updateButtons);
    updateButtons();
}

SessionKeysPage::~SessionKeysPage()
{
    wipe(m_pendingBytes);
}

bool SessionKeysPage::eventFilter(QObject* watched, QEvent* event)
{
    // While a name is being edited the keys go to the editor, not the table.
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            removeSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QList<quint64> SessionKeysPage::selectedIds() const
{
    QList<quint64> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        ids.append(index.data(KeyRingModel::IdRole).value<quint64>());
    return ids;
}

QList<Key> SessionKeysPage::selectedOrAllKeys() const
{
    QList<Key> keys;
    const QList<quint64> ids = selectedIds();
    for (const SessionKey& k : m_ring.keys()) {
        if (ids.isEmpty() || ids.contains(k.id))
            keys.append(k.key);
    }
    return keys;
}

void SessionKeysPage::updateButtons()
{
    const bool any = m_ring.count() > 0;
    const bool selected = !selectedIds().isEmpty();
    m_renameButton->setEnabled(selectedIds().size() == 1);
    m_removeButton->setEnabled(selected);
    m_saveJwksButton->setEnabled(any);
    m_savePrivateButton->setEnabled(any);
}

void SessionKeysPage::addFromFile(const QString& path)
{
    wipe(m_pendingBytes);
    m_passphrase.clear();
    if (const QString error = readKeyFile(path, m_pendingBytes); !error.isEmpty()) {
        Q_EMIT message(error);
        return;
    }
    loadBytes(QFileInfo(path).fileName());
}

void SessionKeysPage::loadBytes(const QString& name)
{
    Result<KeySet> set = loadKeys(m_pendingBytes, m_passphrase.isEmpty() ? nullptr : &m_passphrase);
    if (!set) {
        const ErrorCode code = set.error().code;
        if (code == ErrorCode::KeyPassphraseRequired || code == ErrorCode::KeyPassphraseWrong) {
            if (code == ErrorCode::KeyPassphraseWrong)
                Q_EMIT message(tr("%1: wrong passphrase").arg(name));
            askPassphrase(name);
            return;
        }
        Q_EMIT message(tr("%1: %2").arg(name, set.error().message));
        wipe(m_pendingBytes);
        m_passphrase.clear();
        return;
    }
    wipe(m_pendingBytes);
    m_passphrase.clear();
    int n = 0;
    for (const Key& key : set->keys) {
        ++n;
        const QString base = QFileInfo(name).completeBaseName();
        m_ring.add(key, set->keys.size() == 1 ? base : QStringLiteral("%1 #%2").arg(base).arg(n));
    }
    QString text = tr("Added %n key(s) from %1", nullptr, int(set->keys.size())).arg(name);
    if (!set->skipped.isEmpty())
        text += tr(" (skipped: %1)").arg(set->skipped.join(QStringLiteral("; ")));
    Q_EMIT message(text);
}

void SessionKeysPage::askPassphrase(const QString& name)
{
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("sessionPassphraseDialog"));
    dialog->setAccessibleName(tr("Key file passphrase"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Encrypted key file"));
    dialog->setLabelText(tr("%1 is encrypted. Passphrase:").arg(name));
    dialog->setTextEchoMode(QLineEdit::Password);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, name](const QString& text) {
        QByteArray bytes = text.toUtf8();
        m_passphrase = SecureBytes(bytes);
        wipe(bytes);
        loadBytes(name);
    });
    connect(dialog, &QInputDialog::rejected, this, [this] {
        wipe(m_pendingBytes);
        m_passphrase.clear();
    });
    dialog->open();
}

void SessionKeysPage::removeSelected()
{
    const QList<quint64> ids = selectedIds();
    for (quint64 id : ids)
        m_ring.remove(id);
    if (!ids.isEmpty())
        Q_EMIT message(tr("Removed %n key(s) from the session and wiped them", nullptr, int(ids.size())));
}

void SessionKeysPage::renameSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(KeyRingModel::NameColumn);
    if (rows.size() != 1)
        return;
    m_table->setCurrentIndex(rows.front());
    m_table->edit(rows.front());
}

void SessionKeysPage::savePublicJwks()
{
    QList<Key> keys;
    for (const Key& k : selectedOrAllKeys()) {
        if (!k.isSymmetric())
            keys.append(k.publicKey());
    }
    if (keys.isEmpty()) {
        Q_EMIT message(tr("No public keys to save: HMAC secrets have no public part"));
        return;
    }
    askSaveFile(this, QStringLiteral("sessionSaveJwksDialog"), tr("Save public JWKS"), {tr("JWK Set (*.jwks *.json)")},
                QStringLiteral("session-keys.jwks"), QStringLiteral("jwks"),
                [this, keys](const QString& path, const QString&) {
                    const Result<SecureBytes> bytes = exportJwks(keys, false);
                    if (!bytes) {
                        Q_EMIT message(tr("Not saved: %1").arg(bytes.error().message));
                        return;
                    }
                    const QString error = writeKeyFile(path, bytes->view());
                    Q_EMIT message(error.isEmpty() ? tr("Saved %1").arg(QFileInfo(path).fileName()) : error);
                });
}

void SessionKeysPage::savePrivate()
{
    const QList<Key> keys = selectedOrAllKeys();
    if (!keys.isEmpty())
        m_saver->save(keys, QStringLiteral("session-keys"));
}

} // namespace assay::ui
