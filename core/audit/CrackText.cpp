// SPDX-License-Identifier: Apache-2.0
#include "audit/CrackText.h"

#include <QLocale>

namespace assay {

QString crackCount(quint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString crackShortCount(quint64 n)
{
    const double d = static_cast<double>(n);
    if (d >= 1e15)
        return QStringLiteral("%1").arg(d, 0, 'g', 3);
    if (d >= 1e12)
        return QStringLiteral("%1 T").arg(d / 1e12, 0, 'f', 1);
    if (d >= 1e9)
        return QStringLiteral("%1 G").arg(d / 1e9, 0, 'f', 1);
    if (d >= 1e6)
        return QStringLiteral("%1 M").arg(d / 1e6, 0, 'f', 1);
    if (d >= 1e4)
        return QStringLiteral("%1 k").arg(d / 1e3, 0, 'f', 1);
    return QString::number(n);
}

QString crackRate(double perSecond)
{
    if (perSecond >= 1e6)
        return QStringLiteral("%1 M/s").arg(perSecond / 1e6, 0, 'f', 2);
    if (perSecond >= 1e3)
        return QStringLiteral("%1 k/s").arg(perSecond / 1e3, 0, 'f', 1);
    return QStringLiteral("%1/s").arg(perSecond, 0, 'f', 0);
}

QString crackDuration(double seconds)
{
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', seconds < 10 ? 2 : 0);
    const auto s = static_cast<qint64>(seconds);
    if (s < 3600)
        return QStringLiteral("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    if (s < 86400 * 3)
        return QStringLiteral("%1h %2m").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0'));
    const double days = seconds / 86400;
    if (days < 365 * 3)
        return QStringLiteral("%1 days").arg(days, 0, 'f', 0);
    return QStringLiteral("%1 years").arg(days / 365.25, 0, 'g', 3);
}

std::optional<QString> printableSecret(QByteArrayView bytes)
{
    if (!bytes.isValidUtf8())
        return std::nullopt;
    QString text = QString::fromUtf8(bytes);
    for (QChar c : std::as_const(text)) {
        if (!c.isPrint())
            return std::nullopt;
    }
    return text;
}

} // namespace assay
