// SPDX-License-Identifier: Apache-2.0
#include "keys/SessionKeyRing.h"

namespace assay::ui {

SessionKeyRing::SessionKeyRing(QObject* parent)
    : QObject(parent)
{
}

SessionKeyRing::~SessionKeyRing()
{
    // No signals from a destructor: the views may be going away too. Dropping the copies is what wipes.
    m_keys.clear();
}

int SessionKeyRing::rowOf(quint64 id) const
{
    for (int i = 0; i < m_keys.size(); ++i) {
        if (m_keys.at(i).id == id)
            return i;
    }
    return -1;
}

const SessionKey* SessionKeyRing::find(quint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_keys.at(row);
}

QString SessionKeyRing::uniqueName(const QString& wanted, quint64 except) const
{
    const QString base = wanted.trimmed().isEmpty() ? tr("key") : wanted.trimmed();
    auto taken = [this, except](const QString& name) {
        for (const SessionKey& k : m_keys) {
            if (k.id != except && k.name == name)
                return true;
        }
        return false;
    };
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    return name;
}

quint64 SessionKeyRing::add(const Key& key, const QString& name)
{
    if (key.isNull())
        return 0;
    SessionKey entry;
    entry.id = m_nextId++;
    entry.name = uniqueName(name, 0);
    entry.key = key;
    const int row = int(m_keys.size());
    Q_EMIT aboutToInsert(row);
    m_keys.append(entry);
    Q_EMIT inserted(row);
    Q_EMIT changed();
    return entry.id;
}

bool SessionKeyRing::remove(quint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    Q_EMIT aboutToRemove(row);
    m_keys.removeAt(row); // the ring's copy goes; the key is wiped once no view holds it any more
    Q_EMIT removed(row);
    Q_EMIT changed();
    return true;
}

void SessionKeyRing::rename(quint64 id, const QString& name)
{
    const int row = rowOf(id);
    if (row < 0 || name.trimmed().isEmpty())
        return;
    const QString unique = uniqueName(name, id);
    if (unique == m_keys.at(row).name)
        return;
    m_keys[row].name = unique;
    Q_EMIT rowChanged(row);
    Q_EMIT changed();
}

void SessionKeyRing::setVerify(quint64 id, bool verify)
{
    const int row = rowOf(id);
    if (row < 0 || m_keys.at(row).verify == verify)
        return;
    m_keys[row].verify = verify;
    Q_EMIT rowChanged(row);
    Q_EMIT changed();
}

void SessionKeyRing::setSign(quint64 id, bool sign)
{
    const int row = rowOf(id);
    if (row < 0 || m_keys.at(row).sign == sign)
        return;
    // One signing key: choosing another releases the previous one.
    for (int i = 0; i < m_keys.size(); ++i) {
        const bool wanted = i == row ? sign : (sign ? false : m_keys.at(i).sign);
        if (m_keys.at(i).sign != wanted) {
            m_keys[i].sign = wanted;
            Q_EMIT rowChanged(i);
        }
    }
    Q_EMIT changed();
}

void SessionKeyRing::clear()
{
    if (m_keys.isEmpty())
        return;
    Q_EMIT aboutToReset();
    m_keys.clear();
    Q_EMIT reset();
    Q_EMIT changed();
}

QList<SessionKey> SessionKeyRing::verifyingKeys(bool symmetric) const
{
    QList<SessionKey> out;
    for (const SessionKey& k : m_keys) {
        if (!k.verify || k.key.isSymmetric() != symmetric)
            continue;
        SessionKey shown = k;
        // A verifier needs only the public half; the private part stays in the ring.
        if (!symmetric && k.key.hasPrivate())
            shown.key = k.key.publicKey();
        out.append(shown);
    }
    return out;
}

std::optional<SessionKey> SessionKeyRing::signingKey(bool symmetric) const
{
    for (const SessionKey& k : m_keys) {
        if (k.sign && k.key.isSymmetric() == symmetric && k.key.hasPrivate())
            return k;
    }
    return std::nullopt;
}

} // namespace assay::ui
