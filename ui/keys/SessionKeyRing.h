// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/Key.h"
#include "jwk/KeySet.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace assay::ui {

/// One named key the user keeps at hand for this session.
struct SessionKey
{
    quint64 id = 0; // stable while the key is in the ring (rows move, ids do not)
    QString name;
    Key key;
    bool verify = true; // offered to the verifier with the keys typed in the signature panel
    bool sign = false;  // re-signs edits when no key is typed (at most one key of the ring signs)
};

/// The session's key ring (issue 4 "A key set for the session"): named keys shared by the key workbench and the
/// signature panel. Memory only, by design: nothing here is ever written to settings or files, a removed key's
/// copy is released at once (Key wipes its material when the last copy goes), and clear() forgets everything when
/// the application quits.
class SessionKeyRing : public QObject
{
    Q_OBJECT

public:
    explicit SessionKeyRing(QObject* parent = nullptr);
    ~SessionKeyRing() override;

    [[nodiscard]] const QList<SessionKey>& keys() const { return m_keys; }
    [[nodiscard]] int count() const { return int(m_keys.size()); }
    [[nodiscard]] int rowOf(quint64 id) const;
    [[nodiscard]] const SessionKey* find(quint64 id) const;

    /// Adds a key under `name` (made unique with a suffix); returns its id. Null keys are refused (0).
    quint64 add(const Key& key, const QString& name);
    /// Removes a key and drops the ring's copy of it.
    bool remove(quint64 id);
    void rename(quint64 id, const QString& name);
    void setVerify(quint64 id, bool verify);
    /// Makes this key the ring's signing key (or none when `sign` is false).
    void setSign(quint64 id, bool sign);
    /// Forgets every key.
    void clear();

    /// The keys marked "verify with" that fit the key page: HMAC secrets for HS*, asymmetric keys (their public
    /// parts) otherwise. Kept apart because a set mixing both is refused by the verifier (ATTACKS.md A05).
    [[nodiscard]] QList<SessionKey> verifyingKeys(bool symmetric) const;
    /// The key marked "sign with", when it fits the key page and can sign (a secret, or a private key).
    [[nodiscard]] std::optional<SessionKey> signingKey(bool symmetric) const;

Q_SIGNALS:
    void aboutToInsert(int row);
    void inserted(int row);
    void aboutToRemove(int row);
    void removed(int row);
    void rowChanged(int row);
    void aboutToReset();
    void reset();
    /// After any change: the verifier and signer must look again.
    void changed();

private:
    [[nodiscard]] QString uniqueName(const QString& wanted, quint64 except) const;

    QList<SessionKey> m_keys;
    quint64 m_nextId = 1;
};

} // namespace assay::ui
