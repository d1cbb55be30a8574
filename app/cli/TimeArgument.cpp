// SPDX-License-Identifier: Apache-2.0
#include "TimeArgument.h"

#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace assay::cli {

namespace {

const QString kForms = QStringLiteral(
    "use a NumericDate (1300819380), ISO 8601 (2011-03-22T18:43:00Z) or a signed duration (+15m, -2h, +7d, +3600)");

std::optional<qint64> unitSeconds(QChar unit)
{
    switch (unit.unicode()) {
    case 's':
        return 1;
    case 'm':
        return 60;
    case 'h':
        return 3600;
    case 'd':
        return 86400;
    case 'w':
        return 7 * 86400;
    default:
        return std::nullopt;
    }
}

// "1h30m", "3600", "15m": digits with an optional unit, repeated. A bare number is seconds and may only stand alone.
std::optional<qint64> parseUnsignedDuration(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    qint64 total = 0;
    qsizetype i = 0;
    bool sawUnit = false;
    while (i < text.size()) {
        qint64 number = 0;
        const qsizetype start = i;
        while (i < text.size() && text[i] >= QLatin1Char('0') && text[i] <= QLatin1Char('9')) {
            number = number * 10 + (text[i].unicode() - '0');
            if (number > TimeArgument::MaxSeconds)
                return std::nullopt;
            ++i;
        }
        if (i == start)
            return std::nullopt;
        qint64 factor = 1;
        if (i < text.size()) {
            const std::optional<qint64> unit = unitSeconds(text[i]);
            if (!unit)
                return std::nullopt;
            factor = *unit;
            sawUnit = true;
            ++i;
        } else if (sawUnit) {
            return std::nullopt; // "1h30": a unit-less tail after a unit is ambiguous
        }
        total += number * factor;
        if (total > TimeArgument::MaxSeconds - TimeArgument::MinSeconds)
            return std::nullopt;
    }
    return total;
}

bool hasExplicitZone(QStringView text)
{
    // The zone designator can only follow the time part: "...T18:43:00Z", "...T18:43:00+01:00", "...T18:43-0500".
    const qsizetype t = text.indexOf(QLatin1Char('T'));
    if (t < 0)
        return false;
    const QStringView time = text.mid(t + 1);
    return time.endsWith(QLatin1Char('Z')) || time.contains(QLatin1Char('+')) || time.contains(QLatin1Char('-'));
}

std::optional<qint64> parseIso(QStringView text)
{
    const QString s = text.toString();
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        const QDate date = QDate::fromString(s, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        dt = QDateTime(date, QTime(0, 0), QTimeZone::utc());
    } else if (!hasExplicitZone(text)) {
        dt = QDateTime(dt.date(), dt.time(), QTimeZone::utc());
    }
    return dt.toMSecsSinceEpoch();
}

} // namespace

Result<qint64> TimeArgument::parseInstant(QStringView text, qint64 nowMSecs)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("empty time value; %1").arg(kForms));

    if (trimmed.front() == QLatin1Char('+') || trimmed.front() == QLatin1Char('-')) {
        const std::optional<qint64> seconds = parseUnsignedDuration(trimmed.mid(1));
        if (!seconds)
            return fail(ErrorCode::Usage, QStringLiteral("invalid duration \"%1\"; %2").arg(text, kForms));
        const qint64 delta = (trimmed.front() == QLatin1Char('-') ? -*seconds : *seconds) * 1000;
        const qint64 result = nowMSecs + delta;
        if (result / 1000 > MaxSeconds || result / 1000 < MinSeconds)
            return fail(ErrorCode::Usage, QStringLiteral("\"%1\" lies outside the years 1 to 9999").arg(text));
        return result;
    }

    bool allDigits = true;
    for (const QChar c : trimmed)
        allDigits = allDigits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    if (allDigits) {
        bool ok = false;
        const qint64 seconds = trimmed.toLongLong(&ok);
        if (!ok || seconds > MaxSeconds)
            return fail(ErrorCode::Usage, QStringLiteral("NumericDate \"%1\" lies after the year 9999").arg(text));
        return seconds * 1000;
    }

    if (const std::optional<qint64> msecs = parseIso(trimmed)) {
        if (*msecs / 1000 > MaxSeconds || *msecs / 1000 < MinSeconds)
            return fail(ErrorCode::Usage, QStringLiteral("\"%1\" lies outside the years 1 to 9999").arg(text));
        return *msecs;
    }
    return fail(ErrorCode::Usage, QStringLiteral("invalid time \"%1\"; %2").arg(text, kForms));
}

Result<qint64> TimeArgument::parseDuration(QStringView text)
{
    const std::optional<qint64> seconds = parseUnsignedDuration(text.trimmed());
    if (!seconds) {
        return fail(ErrorCode::Usage,
                    QStringLiteral("invalid duration \"%1\"; use seconds (60) or a unit: 90s, 5m, 1h30m").arg(text));
    }
    return *seconds;
}

} // namespace assay::cli
