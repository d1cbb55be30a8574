// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jwk/Key.h"

#include <QList>
#include <QObject>

#include <memory>

class QWidget;
template <typename T> class QFutureWatcher;

namespace assay {
class SecureBytes;
}

namespace assay::ui {

/// Saves private keys the only way Assay writes them: encrypted with a passphrase the user types twice, as an
/// RFC 7517 section 7 encrypted JWK Set (PBES2-HS512+A256KW key wrapping, A256GCM content encryption; jwe/
/// EncryptedJwk.h), never as plain text. The steps are asynchronous (dialogs opened with open(); the slow PBKDF2
/// runs on a worker thread), and the passphrase is wiped as soon as the file is written or the user cancels.
class PrivateKeySaver : public QObject
{
    Q_OBJECT

public:
    /// `dialogParent` owns the dialogs (and this object).
    explicit PrivateKeySaver(QWidget* dialogParent);
    ~PrivateKeySaver() override;

    /// Asks for a passphrase, then a file name (suggested: `baseName` + ".jwks.jwe"), then encrypts and writes.
    void save(const QList<Key>& keys, const QString& baseName);
    [[nodiscard]] bool isBusy() const { return m_busy; }

Q_SIGNALS:
    /// A one-line outcome for the window's message line.
    void message(const QString& text);
    /// The encrypted file was written.
    void saved(const QString& path);

private:
    void askFile();
    void encryptTo(const QString& path);
    void onEncrypted();
    void finish();

    QWidget* m_dialogParent;
    QList<Key> m_keys;
    QString m_baseName;
    QString m_path;
    std::shared_ptr<SecureBytes> m_passphrase;
    QFutureWatcher<Result<QByteArray>>* m_watcher;
    bool m_busy = false;
};

} // namespace assay::ui
