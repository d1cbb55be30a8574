// SPDX-License-Identifier: Apache-2.0
#include "keys/KeyRingModel.h"

#include "jws/KeyPolicy.h"
#include "keys/KeyText.h"
#include "keys/SessionKeyRing.h"

namespace assay::ui {

KeyRingModel::KeyRingModel(SessionKeyRing& ring, QObject* parent)
    : QAbstractTableModel(parent)
    , m_ring(ring)
{
    connect(&ring, &SessionKeyRing::aboutToInsert, this, [this](int row) { beginInsertRows({}, row, row); });
    connect(&ring, &SessionKeyRing::inserted, this, [this] { endInsertRows(); });
    connect(&ring, &SessionKeyRing::aboutToRemove, this, [this](int row) { beginRemoveRows({}, row, row); });
    connect(&ring, &SessionKeyRing::removed, this, [this] { endRemoveRows(); });
    connect(&ring, &SessionKeyRing::aboutToReset, this, [this] { beginResetModel(); });
    connect(&ring, &SessionKeyRing::reset, this, [this] { endResetModel(); });
    connect(&ring, &SessionKeyRing::rowChanged, this,
            [this](int row) { Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
}

int KeyRingModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_ring.count();
}

int KeyRingModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyRingModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_ring.count())
        return {};
    const SessionKey& k = m_ring.keys().at(index.row());
    if (role == IdRole)
        return QVariant::fromValue(k.id);
    const bool canSign = k.key.hasPrivate() && !algorithmsForKey(k.key).isEmpty();
    if (role == Qt::CheckStateRole) {
        if (index.column() == VerifyColumn)
            return k.verify ? Qt::Checked : Qt::Unchecked;
        if (index.column() == SignColumn && canSign)
            return k.sign ? Qt::Checked : Qt::Unchecked;
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case NameColumn:
            return k.name;
        case KidColumn:
            return k.key.kid().isEmpty() ? tr("(none)") : k.key.kid();
        case TypeColumn:
            return shortKeyKind(k.key);
        case PartColumn:
            return keyPartName(k.key);
        case VerifyColumn:
            return tr("verify");
        case SignColumn:
            return canSign ? tr("sign") : QString();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case NameColumn:
            return tr("Double-click or press F2 to rename");
        case KidColumn:
            return k.key.kid();
        case VerifyColumn:
            return tr("Offer this key to the verifier, with the keys typed in the signature panel");
        case SignColumn:
            return canSign ? tr("Re-sign edits with this key when no key is typed in the signature panel")
                           : tr("This key cannot sign (a public key, or X25519/X448)");
        default:
            return k.key.description();
        }
    }
    if (role == Qt::AccessibleTextRole)
        return data(index, Qt::DisplayRole);
    return {};
}

QVariant KeyRingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KidColumn:
        return tr("kid");
    case TypeColumn:
        return tr("Type");
    case PartColumn:
        return tr("Part");
    case VerifyColumn:
        return tr("Verify with");
    case SignColumn:
        return tr("Sign with");
    default:
        return {};
    }
}

Qt::ItemFlags KeyRingModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    if (index.column() == VerifyColumn)
        f |= Qt::ItemIsUserCheckable;
    if (index.column() == SignColumn && index.row() < m_ring.count()) {
        const Key& key = m_ring.keys().at(index.row()).key;
        if (key.hasPrivate() && !algorithmsForKey(key).isEmpty())
            f |= Qt::ItemIsUserCheckable;
    }
    return f;
}

bool KeyRingModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.row() >= m_ring.count())
        return false;
    const quint64 id = m_ring.keys().at(index.row()).id;
    if (role == Qt::EditRole && index.column() == NameColumn) {
        m_ring.rename(id, value.toString());
        return true;
    }
    if (role == Qt::CheckStateRole) {
        const bool on = value.toInt() == Qt::Checked;
        if (index.column() == VerifyColumn) {
            m_ring.setVerify(id, on);
            return true;
        }
        if (index.column() == SignColumn && (flags(index) & Qt::ItemIsUserCheckable)) {
            m_ring.setSign(id, on);
            return true;
        }
    }
    return false;
}

} // namespace assay::ui
