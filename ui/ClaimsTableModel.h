// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PartColors.h"
#include "session/SessionSnapshot.h"

#include <QAbstractTableModel>

namespace assay::ui {

/// The claims view: every top-level payload member in document order (duplicates included), plus the checked
/// claims that are absent and the header's typ when it was checked. Values are the exact JSON text; time claims
/// show local and UTC dates with the relative time and a hint when a value looks like milliseconds.
class ClaimsTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        CheckColumn,
        ClaimColumn,
        ValueColumn,
        TimeColumn,
        DescriptionColumn,
        ColumnCount,
    };

    explicit ClaimsTableModel(QObject* parent = nullptr);

    void setSnapshot(const SessionSnapshot& snapshot);
    void setColors(const PartColors& colors);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The row index of the first claim with this name, or -1.
    [[nodiscard]] int rowOf(const QString& name) const;

private:
    struct Row
    {
        QString name;
        QByteArray rawValue;
        bool present = true;
        bool fromHeader = false;
        std::optional<ClaimResult> result;
        QString check; // "✔ pass", "✖ expired", ...
        QString checkTip;
        QString time; // two lines: local, then UTC and relative
        QString timeTip;
        bool looksLikeMilliseconds = false;
        QString description;
    };

    [[nodiscard]] static Row makeRow(const QString& name, const QByteArray& raw, const JsonMember* member,
                                     const std::optional<ClaimResult>& result, qint64 nowMSecs, const QTimeZone& zone);
    [[nodiscard]] QColor checkColor(const Row& row) const;

    QList<Row> m_rows;
    PartColors m_colors;
};

} // namespace assay::ui
