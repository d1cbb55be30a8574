// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "crypto/SecureBytes.h"
#include "jwk/Key.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace assay::ui {

class KeyRingModel;
class PrivateKeySaver;
class SessionKeyRing;

/// The workbench's Session keys tab: the named keys kept for this session (SessionKeyRing), with "verify with" and
/// "sign with" check boxes; add from a file, rename (F2), remove (Delete), save the public keys as a JWKS or the
/// private keys encrypted.
class SessionKeysPage : public QWidget
{
    Q_OBJECT

public:
    SessionKeysPage(SessionKeyRing& ring, QWidget* parent = nullptr);
    ~SessionKeysPage() override;

    /// Loads every key of a file (PEM, DER, JWK, JWKS, or an encrypted .jwe key file) into the ring, asking for a
    /// passphrase when the file needs one.
    void addFromFile(const QString& path);

Q_SIGNALS:
    void message(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    [[nodiscard]] QList<quint64> selectedIds() const;
    [[nodiscard]] QList<Key> selectedOrAllKeys() const;
    void loadBytes(const QString& name);
    void askPassphrase(const QString& name);
    void removeSelected();
    void renameSelected();
    void savePublicJwks();
    void savePrivate();
    void updateButtons();

    SessionKeyRing& m_ring;
    KeyRingModel* m_model;
    QTableView* m_table;
    QLabel* m_noteLabel;
    QPushButton* m_addButton;
    QPushButton* m_renameButton;
    QPushButton* m_removeButton;
    QPushButton* m_saveJwksButton;
    QPushButton* m_savePrivateButton;
    PrivateKeySaver* m_saver;

    QByteArray m_pendingBytes; // a file waiting for its passphrase
    SecureBytes m_passphrase;
};

} // namespace assay::ui
