// SPDX-License-Identifier: Apache-2.0
#include "ClaimsTableModel.h"

#include "DisplayText.h"
#include "claims/ClaimCatalog.h"
#include "claims/NumericDate.h"

#include <QFontDatabase>
#include <QSet>

namespace assay::ui {
namespace {

// Claims whose values are NumericDates (RFC 7519 section 4.1; OpenID Connect Core 2 and 5.1). The core checks exp,
// nbf and iat; the others are only rendered.
bool isTimeClaim(QStringView name)
{
    return name == u"exp" || name == u"nbf" || name == u"iat" || name == u"auth_time" || name == u"updated_at";
}

QString failureWord(const ClaimResult& r)
{
    if (!r.code)
        return claimStatusName(r.status);
    switch (*r.code) {
    case ErrorCode::ClaimExpired:
        return ClaimsTableModel::tr("expired");
    case ErrorCode::ClaimNotYetValid:
        return ClaimsTableModel::tr("not yet valid");
    case ErrorCode::ClaimIssuedInFuture:
        return ClaimsTableModel::tr("issued in the future");
    case ErrorCode::ClaimMismatch:
        return ClaimsTableModel::tr("mismatch");
    case ErrorCode::ClaimMissing:
        return ClaimsTableModel::tr("missing");
    case ErrorCode::ClaimInvalidType:
        return ClaimsTableModel::tr("wrong type");
    case ErrorCode::JsonDuplicateMember:
        return ClaimsTableModel::tr("duplicate");
    default:
        return claimStatusName(r.status);
    }
}

} // namespace

ClaimsTableModel::ClaimsTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ClaimsTableModel::setColors(const PartColors& colors)
{
    m_colors = colors;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

ClaimsTableModel::Row ClaimsTableModel::makeRow(const QString& name, const QByteArray& raw, const JsonMember* member,
                                                const std::optional<ClaimResult>& result, qint64 nowMSecs,
                                                const QTimeZone& zone)
{
    Row row;
    row.name = name;
    row.rawValue = raw;
    row.present = !raw.isEmpty();
    row.result = result;
    if (result) {
        switch (result->status) {
        case ClaimStatus::Pass:
            row.check = QStringLiteral("\u2714 ") + tr("pass");
            break;
        case ClaimStatus::Info:
            row.check = QStringLiteral("\u2139 ") + tr("info");
            break;
        case ClaimStatus::Fail:
        case ClaimStatus::Invalid:
        case ClaimStatus::Missing:
            row.check = QStringLiteral("\u2716 ") + failureWord(*result);
            break;
        }
        if (!result->warnings.isEmpty() && result->status != ClaimStatus::Fail &&
            result->status != ClaimStatus::Invalid && result->status != ClaimStatus::Missing)
            row.check += QStringLiteral(" \u26A0");
        QStringList tip{result->message};
        tip += result->warnings;
        tip.removeAll(QString());
        row.checkTip = clipped(tip.join(QLatin1Char('\n')));
    }

    // Time: from the core's checked row when there is one, otherwise rendered here for display only.
    std::optional<NumericDate> date = result ? result->date : std::nullopt;
    QString relative = result ? result->relative : QString();
    if (!date && member && isTimeClaim(name) && member->kind == JsonKind::Number) {
        if (auto parsed = NumericDate::fromJson(*member))
            date = *parsed;
    }
    if (date && date->isRepresentable()) {
        if (relative.isEmpty())
            relative = date->relativeTo(nowMSecs);
        const QString local = date->toLocalString(zone);
        const QString utc = date->toUtcString();
        row.time = tr("%1 (local)\n%2 \u00B7 %3").arg(local, utc, relative);
        row.timeTip = tr("Local: %1\nUTC: %2\n%3").arg(local, utc, relative);
        if (date->hasWarning(NumericDate::Warning::LooksLikeMilliseconds)) {
            row.looksLikeMilliseconds = true;
            row.time += QStringLiteral("\n\u26A0 ") +
                        tr("looks like milliseconds: as ms it is %1").arg(date->millisecondsReading());
        }
        for (const QString& w : date->warningMessages())
            row.timeTip += QLatin1Char('\n') + w;
    } else if (date) {
        row.time = tr("out of range: no calendar date");
        row.timeTip = date->warningMessages().join(QLatin1Char('\n'));
    }
    row.description = ClaimCatalog::describeClaim(name);
    return row;
}

void ClaimsTableModel::setSnapshot(const SessionSnapshot& s)
{
    QList<Row> rows;
    const qint64 now = s.evaluationTimeMSecs;
    const QTimeZone zone = QTimeZone::systemTimeZone();
    QSet<QString> shown;
    if (s.parsed && s.parsed->payloadJson && s.parsed->payloadJson->isObject()) {
        for (const JsonMember& m : s.parsed->payloadJson->members()) {
            std::optional<ClaimResult> result = s.claims ? s.claims->result(m.name) : std::nullopt;
            rows.append(makeRow(m.name, m.rawValue, &m, result, now, zone));
            shown.insert(m.name);
        }
    }
    if (s.claims) {
        // Checked claims that are not payload members: missing ones, and typ from the protected header.
        for (const ClaimResult& r : s.claims->results()) {
            if (shown.contains(r.name))
                continue;
            shown.insert(r.name);
            Row row = makeRow(r.name, r.rawValue, nullptr, r, now, zone);
            if (r.name == u"typ" && r.status != ClaimStatus::Missing) {
                row.fromHeader = true;
                row.description = ClaimCatalog::describeHeaderParameter(r.name);
            }
            rows.append(row);
        }
    }

    bool sameShape = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameShape && i < rows.size(); ++i)
        sameShape = rows[i].name == m_rows[i].name && rows[i].rawValue == m_rows[i].rawValue;
    if (sameShape) {
        // Only times and verdicts moved (the clock ticked, an option changed): keep selection and scroll.
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ClaimsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClaimsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ClaimsTableModel::rowOf(const QString& name) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].name == name)
            return int(i);
    }
    return -1;
}

QColor ClaimsTableModel::checkColor(const Row& row) const
{
    if (!row.result)
        return m_colors.neutral;
    switch (row.result->status) {
    case ClaimStatus::Pass:
        return m_colors.good;
    case ClaimStatus::Info:
        return m_colors.neutral;
    default:
        return m_colors.bad;
    }
}

QVariant ClaimsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows[index.row()];
    constexpr int kMaxShown = 400; // long arrays and nested objects: the tooltip and the JSON tab have the rest
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CheckColumn:
            return row.check;
        case ClaimColumn:
            return row.fromHeader ? tr("%1 (header)").arg(row.name) : row.name;
        case ValueColumn: {
            if (!row.present)
                return tr("(absent)");
            QString v = QString::fromUtf8(row.rawValue);
            if (v.size() > kMaxShown)
                v = v.left(kMaxShown) + QStringLiteral("\u2026");
            return v;
        }
        case TimeColumn:
            return row.time;
        case DescriptionColumn:
            return row.description;
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case CheckColumn:
            return row.checkTip;
        case ValueColumn:
            return QString::fromUtf8(row.rawValue.left(4096));
        case TimeColumn:
            return row.timeTip;
        case DescriptionColumn:
            return row.description;
        default:
            return row.checkTip.isEmpty() ? QVariant() : QVariant(row.checkTip);
        }
    case Qt::ForegroundRole:
        if (index.column() == CheckColumn)
            return checkColor(row);
        if (index.column() == TimeColumn && row.looksLikeMilliseconds)
            return m_colors.warning;
        if (!row.present)
            return m_colors.neutral;
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == CheckColumn)
            return row.checkTip.isEmpty() ? row.check : row.check + QStringLiteral(": ") + row.checkTip;
        break;
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignLeft | Qt::AlignTop);
    default:
        break;
    }
    if (role == Qt::FontRole && (index.column() == ValueColumn || index.column() == ClaimColumn)) {
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    }
    return {};
}

QVariant ClaimsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CheckColumn:
        return tr("Check");
    case ClaimColumn:
        return tr("Claim");
    case ValueColumn:
        return tr("Value");
    case TimeColumn:
        return tr("Time");
    case DescriptionColumn:
        return tr("Meaning");
    }
    return {};
}

} // namespace assay::ui
