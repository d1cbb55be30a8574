// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractTableModel>

namespace assay::ui {

class SessionKeyRing;

/// The session key ring as a table: name (editable: renames), kid, type, private or public, and the "verify with"
/// and "sign with" check boxes.
class KeyRingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        KidColumn,
        TypeColumn,
        PartColumn,
        VerifyColumn,
        SignColumn,
        ColumnCount
    };

    /// The key's ring id, for Qt::UserRole on any column.
    static constexpr int IdRole = Qt::UserRole;

    explicit KeyRingModel(SessionKeyRing& ring, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

private:
    SessionKeyRing& m_ring;
};

} // namespace assay::ui
