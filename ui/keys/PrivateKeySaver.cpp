// SPDX-License-Identifier: Apache-2.0
#include "keys/PrivateKeySaver.h"

#include "keys/KeyFiles.h"
#include "keys/PassphraseDialog.h"

#include "crypto/SecureBytes.h"
#include "jwe/EncryptedJwk.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace assay::ui {

PrivateKeySaver::PrivateKeySaver(QWidget* dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_watcher(new QFutureWatcher<Result<QByteArray>>(this))
{
    connect(m_watcher, &QFutureWatcherBase::finished, this, &PrivateKeySaver::onEncrypted);
}

PrivateKeySaver::~PrivateKeySaver()
{
    // An encryption still running finishes on its thread with its own copy of the passphrase; the watcher (our
    // child) drops the result.
    m_watcher->disconnect(this);
}

void PrivateKeySaver::save(const QList<Key>& keys, const QString& baseName)
{
    if (m_busy) {
        Q_EMIT message(tr("Still saving the previous key file…"));
        return;
    }
    if (keys.isEmpty())
        return;
    m_busy = true;
    m_keys = keys;
    m_baseName = baseName;
    auto* dialog = new PassphraseDialog(
        tr("The key file is encrypted with this passphrase (PBES2 with PBKDF2-HMAC-SHA-512, then AES-256-GCM; "
           "RFC 7517 section 7). Private keys are never written in plain text."),
        m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_passphrase = std::make_shared<SecureBytes>(dialog->takePassphrase());
        askFile();
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        Q_EMIT message(tr("Not saved"));
        finish();
    });
    dialog->open();
}

void PrivateKeySaver::askFile()
{
    auto* dialog = new QFileDialog(m_dialogParent, tr("Save encrypted private key"));
    dialog->setObjectName(QStringLiteral("savePrivateKeyDialog"));
    dialog->setAccessibleName(tr("Save encrypted private key"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("jwe"));
    dialog->setNameFilters({tr("Encrypted JWK Set (*.jwks.jwe *.jwe)"), tr("All files (*)")});
    dialog->selectFile(m_baseName + QStringLiteral(".jwks.jwe"));
    // fileSelected comes before finished(Accepted): record the choice, act once the dialog is done.
    auto chosen = std::make_shared<QString>();
    connect(dialog, &QFileDialog::fileSelected, this, [chosen](const QString& path) { *chosen = path; });
    connect(dialog, &QDialog::finished, this, [this, chosen](int result) {
        if (result != QDialog::Accepted || chosen->isEmpty()) {
            Q_EMIT message(tr("Not saved"));
            finish();
            return;
        }
        encryptTo(*chosen);
    });
    dialog->open();
}

void PrivateKeySaver::encryptTo(const QString& path)
{
    m_path = path;
    Q_EMIT message(tr("Encrypting %1…").arg(QFileInfo(path).fileName()));
    // The worker gets its own references: the keys are shared immutable values, the passphrase a shared owner
    // that wipes when both sides are done with it.
    const QList<Key> keys = m_keys;
    const std::shared_ptr<SecureBytes> passphrase = m_passphrase;
    m_watcher->setFuture(QtConcurrent::run([keys, passphrase] { return encryptJwkSet(keys, *passphrase); }));
}

void PrivateKeySaver::onEncrypted()
{
    const Result<QByteArray> encrypted = m_watcher->result();
    if (!encrypted) {
        Q_EMIT message(tr("Not saved: %1").arg(encrypted.error().message));
        finish();
        return;
    }
    if (const QString error = writeKeyFile(m_path, *encrypted, true); !error.isEmpty()) {
        Q_EMIT message(error);
        finish();
        return;
    }
    const QString path = m_path;
    Q_EMIT message(tr("Saved %1 (encrypted; the passphrase opens it)").arg(QFileInfo(path).fileName()));
    finish();
    Q_EMIT saved(path);
}

void PrivateKeySaver::finish()
{
    if (m_passphrase)
        m_passphrase->clear();
    m_passphrase.reset();
    m_keys.clear();
    m_path.clear();
    m_busy = false;
}

} // namespace assay::ui
