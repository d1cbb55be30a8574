// SPDX-License-Identifier: Apache-2.0
#include "claims/NumericDate.h"

#include "encoding/JsonDocument.h"

#include <QtNumeric>

#include <limits>

namespace assay {

namespace {

constexpr qint64 kNanosPerSecond = 1'000'000'000;
constexpr qint64 kSecondsPerDay = 86'400;
// 9999-12-31T23:59:59Z: the last second that ISO 8601 can write without the expanded year form.
constexpr qint64 kLastSecondOfYear9999 = 253'402'300'799;
// 0001-01-01T00:00:00Z: the first second of year 1 (proleptic Gregorian).
constexpr qint64 kFirstSecondOfYear1 = -62'135'596'800;
constexpr qint64 kSafeIntegerLimit = qint64(1) << 53;
// 10^11 s is in the year 5138: no real token expires then, while 10^11 ms is 1973.
constexpr qint64 kMillisecondsHintFloor = 100'000'000'000;
// Whole seconds with at most 18 digits always fit a qint64 (and stay far from its limits, so differences of two
// such values and an instant in milliseconds cannot overflow).
constexpr int kMaxIntegerDigits = 18;
// An exponent this large already puts any non-zero value outside the range above, or makes it a zero with an
// infinitesimal fraction; clamping keeps the arithmetic on it overflow-free whatever the text says.
constexpr qint64 kExponentClamp = 1'000'000'000'000'000;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

qint64 floorMod(qint64 a, qint64 b)
{
    // Not a - floorDiv(a, b) * b: that product overflows for a near the qint64 minimum.
    const qint64 r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

QString twoDigits(qint64 v)
{
    return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0'));
}

// Proleptic Gregorian civil date from days since 1970-01-01 (H. Hinnant's civil_from_days), exact over the whole
// range kept here (|seconds| < 10^18). QDateTime's ISO 8601 output stops at the year 9999, and values beyond it are
// exactly the ones a user needs to see spelled out.
struct CivilDate
{
    qint64 year;
    int month;
    int day;
};

CivilDate civilFromDays(qint64 z)
{
    z += 719'468;
    const qint64 era = floorDiv(z, 146'097);
    const qint64 doe = z - era * 146'097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const qint64 y = yoe + era * 400;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 d = doy - (153 * mp + 2) / 5 + 1;
    const qint64 m = mp < 10 ? mp + 3 : mp - 9;
    return {m <= 2 ? y + 1 : y, int(m), int(d)};
}

QString formatYear(qint64 year)
{
    if (year >= 0 && year <= 9999)
        return QStringLiteral("%1").arg(year, 4, 10, QLatin1Char('0'));
    // ISO 8601 expanded representation: an explicit sign and at least four digits.
    const QString digits = QStringLiteral("%1").arg(year < 0 ? -year : year, 4, 10, QLatin1Char('0'));
    return (year < 0 ? QStringLiteral("-") : QStringLiteral("+")) + digits;
}

// "YYYY-MM-DDTHH:MM:SS[.fffffffff]" without a zone designator.
QString formatCivil(qint64 seconds, int nanos)
{
    const qint64 days = floorDiv(seconds, kSecondsPerDay);
    const qint64 secondOfDay = floorMod(seconds, kSecondsPerDay);
    const CivilDate date = civilFromDays(days);
    QString out = formatYear(date.year) + QLatin1Char('-') + twoDigits(date.month) + QLatin1Char('-') +
                  twoDigits(date.day) + QLatin1Char('T') + twoDigits(secondOfDay / 3600) + QLatin1Char(':') +
                  twoDigits(secondOfDay / 60 % 60) + QLatin1Char(':') + twoDigits(secondOfDay % 60);
    if (nanos > 0) {
        QString fraction = QStringLiteral("%1").arg(nanos, 9, 10, QLatin1Char('0'));
        while (fraction.endsWith(QLatin1Char('0')))
            fraction.chop(1);
        out += QLatin1Char('.') + fraction;
    }
    return out;
}

QString formatOffset(int offsetSeconds)
{
    const QChar sign = offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int magnitude = offsetSeconds < 0 ? -offsetSeconds : offsetSeconds;
    QString out = QString(sign) + twoDigits(magnitude / 3600) + QLatin1Char(':') + twoDigits(magnitude / 60 % 60);
    // Historical local mean time offsets (e.g. Paris before 1911, +00:09:21) have seconds; dropping them would
    // make the local string disagree with the UTC one.
    if (magnitude % 60 != 0)
        out += QLatin1Char(':') + twoDigits(magnitude % 60);
    return out;
}

// Long raw values (a 1 MiB string in "exp") would swamp a one-line message; the full text stays in rawText().
QString abbreviate(QByteArrayView raw)
{
    constexpr qsizetype kMax = 80;
    if (raw.size() <= kMax)
        return QString::fromUtf8(raw);
    return QString::fromUtf8(raw.first(kMax)) + QStringLiteral("...");
}

// A JSON number as sign, significant digits (no leading or trailing zeros; empty for zero) and a power of ten.
struct Decimal
{
    bool negative = false;
    QByteArray digits;
    qint64 exponent = 0;
};

std::optional<Decimal> scanJsonNumber(QByteArrayView text)
{
    // RFC 8259 section 6: [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT ).
    qsizetype pos = 0;
    const qsizetype n = text.size();
    const bool negative = pos < n && text[pos] == '-';
    if (negative)
        ++pos;
    const qsizetype intStart = pos;
    while (pos < n && isDigit(text[pos]))
        ++pos;
    const QByteArrayView intDigits = text.sliced(intStart, pos - intStart);
    if (intDigits.isEmpty() || (intDigits.size() > 1 && intDigits[0] == '0'))
        return std::nullopt;
    QByteArrayView fracDigits;
    if (pos < n && text[pos] == '.') {
        const qsizetype fracStart = ++pos;
        while (pos < n && isDigit(text[pos]))
            ++pos;
        fracDigits = text.sliced(fracStart, pos - fracStart);
        if (fracDigits.isEmpty())
            return std::nullopt;
    }
    qint64 exponent = 0;
    if (pos < n && (text[pos] == 'e' || text[pos] == 'E')) {
        ++pos;
        bool expNegative = false;
        if (pos < n && (text[pos] == '+' || text[pos] == '-'))
            expNegative = text[pos++] == '-';
        const qsizetype expStart = pos;
        while (pos < n && isDigit(text[pos])) {
            if (exponent < kExponentClamp)
                exponent = exponent * 10 + (text[pos] - '0');
            ++pos;
        }
        if (pos == expStart)
            return std::nullopt;
        exponent = qMin(exponent, kExponentClamp);
        if (expNegative)
            exponent = -exponent;
    }
    if (pos != n)
        return std::nullopt;

    // value = digits * 10^exponent, with digits stripped of leading and trailing zeros.
    QByteArray digits = intDigits.toByteArray() + fracDigits.toByteArray();
    qint64 decimalExponent = exponent - fracDigits.size();
    qsizetype lead = 0;
    while (lead < digits.size() && digits[lead] == '0')
        ++lead;
    digits.remove(0, lead);
    qsizetype trail = 0;
    while (trail < digits.size() && digits[digits.size() - 1 - trail] == '0')
        ++trail;
    digits.chop(trail);
    decimalExponent += trail;
    return Decimal{negative, std::move(digits), decimalExponent};
}

} // namespace

NumericDate::NumericDate()
    : m_raw(QByteArrayLiteral("0"))
{
}

NumericDate NumericDate::fromSeconds(qint64 secondsSinceEpoch)
{
    // Going through the text keeps one code path for the value and its warnings; a decimal integer always parses.
    return *fromJsonNumber(QByteArray::number(secondsSinceEpoch));
}

Result<NumericDate> NumericDate::fromJson(const JsonMember& member)
{
    if (member.kind != JsonKind::Number) {
        Error e;
        e.code = ErrorCode::ClaimInvalidType;
        e.segment = Segment::Payload;
        e.offset = member.valueOffset;
        e.message = QStringLiteral("\"%1\" is %2 (%3), not a NumericDate number")
                        .arg(member.name, jsonKindDescription(member.kind), abbreviate(member.rawValue));
        return fail(std::move(e));
    }
    auto date = fromJsonNumber(member.rawValue);
    if (!date) {
        date.error().offset = member.valueOffset;
        date.error().segment = Segment::Payload;
    }
    return date;
}

Result<NumericDate> NumericDate::fromJsonNumber(QByteArrayView text)
{
    const auto decimal = scanJsonNumber(text);
    if (!decimal)
        return fail(ErrorCode::ClaimInvalidType, QStringLiteral("%1 is not a JSON number").arg(abbreviate(text)));
    const bool negative = decimal->negative;
    const QByteArray& digits = decimal->digits;
    const qint64 decimalExponent = decimal->exponent;

    NumericDate date;
    date.m_raw = text.toByteArray();
    if (digits.isEmpty())
        return date; // zero, including -0 and 0e999

    // How many digits the integer part has (may be <= 0 for values below 1).
    const qint64 intLen = digits.size() + decimalExponent;
    if (intLen > kMaxIntegerDigits) {
        date.m_range = negative ? Range::Below : Range::Above;
        date.m_seconds = negative ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
        date.m_warnings = Warning::OutOfRange | Warning::BeyondSafeInteger;
        date.m_warnings |= negative ? Warning::Negative : Warning::BeyondYear9999;
        return date;
    }

    qint64 whole = 0;
    for (qint64 i = 0; i < intLen; ++i)
        whole = whole * 10 + (i < digits.size() ? digits[i] - '0' : 0);
    // The fraction: (-intLen) implied zeros, then the digits after the integer part.
    const qint64 leadingZeros = intLen < 0 ? -intLen : 0;
    const qsizetype fracFrom = intLen > 0 ? qsizetype(intLen) : 0;
    const qsizetype fracCount = digits.size() > fracFrom ? digits.size() - fracFrom : 0;
    qint64 fracNanos = 0;
    bool belowNanos = false;
    if (leadingZeros >= 9) {
        belowNanos = fracCount > 0;
    } else {
        const qsizetype keep = qMin<qsizetype>(fracCount, 9 - qsizetype(leadingZeros));
        for (qsizetype i = 0; i < 9 - leadingZeros; ++i)
            fracNanos = fracNanos * 10 + (i < keep ? digits[fracFrom + i] - '0' : 0);
        belowNanos = fracCount > keep; // trailing zeros were stripped, so any dropped digit ends non-zero
    }
    const bool fractional = fracNanos > 0 || belowNanos;

    if (!negative) {
        date.m_seconds = whole;
        date.m_nanos = int(fracNanos);
        date.m_belowNanos = belowNanos;
    } else if (!fractional) {
        date.m_seconds = -whole;
    } else {
        // floor(-(whole + f)) = -whole - 1; the remainder 1 - f is exact unless digits were dropped.
        date.m_seconds = -whole - 1;
        date.m_nanos = int(kNanosPerSecond - fracNanos - (belowNanos ? 1 : 0));
        date.m_belowNanos = belowNanos;
    }

    if (fractional)
        date.m_warnings |= Warning::Fractional;
    if (negative)
        date.m_warnings |= Warning::Negative;
    if (date.m_seconds > kLastSecondOfYear9999)
        date.m_warnings |= Warning::BeyondYear9999;
    if (whole > kSafeIntegerLimit || (whole == kSafeIntegerLimit && fractional))
        date.m_warnings |= Warning::BeyondSafeInteger;
    if (!negative && whole >= kMillisecondsHintFloor && whole / 1000 <= kLastSecondOfYear9999)
        date.m_warnings |= Warning::LooksLikeMilliseconds;
    return date;
}

QStringList NumericDate::warningMessages() const
{
    QStringList out;
    if (hasWarning(Warning::OutOfRange)) {
        out << (m_range == Range::Above ? QStringLiteral("is too large for any calendar date (10^18 s or more)")
                                        : QStringLiteral("is too far in the past for any calendar date"));
    } else {
        if (hasWarning(Warning::Negative))
            out << QStringLiteral("is negative: a date before 1970-01-01T00:00:00Z");
        if (hasWarning(Warning::BeyondYear9999))
            out << QStringLiteral("is after the year 9999");
    }
    if (hasWarning(Warning::BeyondSafeInteger))
        out << QStringLiteral("is beyond 2^53: implementations that read JSON numbers as doubles see another value");
    if (hasWarning(Warning::Fractional))
        out << QStringLiteral("has a fractional part: allowed by RFC 7519, but many libraries truncate or reject it");
    if (hasWarning(Warning::LooksLikeMilliseconds))
        out << QStringLiteral("looks like milliseconds, not seconds: as milliseconds it is %1")
                   .arg(millisecondsReading());
    return out;
}

qint64 NumericDate::seconds() const
{
    return m_seconds;
}

std::optional<qint64> NumericDate::toMSecsSinceEpoch() const
{
    if (!isRepresentable())
        return std::nullopt;
    qint64 ms = 0;
    if (qMulOverflow(m_seconds, qint64(1000), &ms) || qAddOverflow(ms, qint64(m_nanos / 1'000'000), &ms))
        return std::nullopt;
    return ms;
}

std::optional<QDateTime> NumericDate::toDateTime() const
{
    const auto ms = toMSecsSinceEpoch();
    if (!ms)
        return std::nullopt;
    QDateTime dt = QDateTime::fromMSecsSinceEpoch(*ms, QTimeZone::utc());
    if (!dt.isValid())
        return std::nullopt;
    return dt;
}

std::strong_ordering NumericDate::compareToMSecs(qint64 msecsSinceEpoch) const
{
    if (m_range == Range::Above)
        return std::strong_ordering::greater;
    if (m_range == Range::Below)
        return std::strong_ordering::less;
    const qint64 nowSeconds = floorDiv(msecsSinceEpoch, 1000);
    const qint64 nowNanos = floorMod(msecsSinceEpoch, 1000) * 1'000'000;
    if (const auto c = m_seconds <=> nowSeconds; c != 0)
        return c;
    if (const auto c = qint64(m_nanos) <=> nowNanos; c != 0)
        return c;
    return m_belowNanos ? std::strong_ordering::greater : std::strong_ordering::equal;
}

QString NumericDate::toUtcString() const
{
    if (!isRepresentable())
        return {};
    return formatCivil(m_seconds, m_nanos) + QLatin1Char('Z');
}

QString NumericDate::toLocalString(const QTimeZone& zone) const
{
    if (!isRepresentable())
        return {};
    int offset = 0;
    if (zone.isValid()) {
        const qint64 probe = qBound(kFirstSecondOfYear1, m_seconds, kLastSecondOfYear9999);
        offset = zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(probe, QTimeZone::utc()));
    }
    return formatCivil(m_seconds + offset, m_nanos) + formatOffset(offset);
}

qint64 NumericDate::secondsFrom(qint64 nowMSecs) const
{
    if (m_range == Range::Above)
        return std::numeric_limits<qint64>::max();
    if (m_range == Range::Below)
        return std::numeric_limits<qint64>::min();
    // |m_seconds| < 10^18 and |now / 1000| < 10^16, so none of this overflows.
    qint64 dSeconds = m_seconds - floorDiv(nowMSecs, 1000);
    qint64 dNanos = qint64(m_nanos) - floorMod(nowMSecs, 1000) * 1'000'000;
    if (dNanos < 0) {
        dNanos += kNanosPerSecond;
        --dSeconds;
    }
    // delta = dSeconds + (dNanos + [belowNanos] * epsilon) / 1e9, with the fraction in [0, 1).
    const bool hasFraction = dNanos > 0 || m_belowNanos;
    return (dSeconds < 0 && hasFraction) ? dSeconds + 1 : dSeconds;
}

QString NumericDate::relativeTo(qint64 nowMSecs) const
{
    if (m_range == Range::Above)
        return QStringLiteral("in the far future (beyond any calendar date)");
    if (m_range == Range::Below)
        return QStringLiteral("in the far past (before any calendar date)");
    const auto order = compareToMSecs(nowMSecs);
    if (order == 0)
        return QStringLiteral("now");
    const qint64 whole = secondsFrom(nowMSecs);
    if (whole == 0)
        return order > 0 ? QStringLiteral("in less than 1 s") : QStringLiteral("less than 1 s ago");
    return order > 0 ? QStringLiteral("in ") + formatDuration(whole) : formatDuration(whole) + QStringLiteral(" ago");
}

QString NumericDate::millisecondsReading() const
{
    if (!hasWarning(Warning::LooksLikeMilliseconds))
        return {};
    // Milliseconds truncate to whole seconds plus a millisecond fraction: value / 1000.
    const qint64 ms = m_seconds;
    return formatCivil(floorDiv(ms, 1000), int(floorMod(ms, 1000) * 1'000'000 + m_nanos / 1000)) + QLatin1Char('Z');
}

QString NumericDate::formatDuration(qint64 seconds)
{
    // qint64 min has no positive counterpart; one second off at 292 billion years is invisible.
    const qint64 s = seconds == std::numeric_limits<qint64>::min() ? std::numeric_limits<qint64>::max()
                     : seconds < 0                                 ? -seconds
                                                                   : seconds;
    const auto plural = [](qint64 count, const char* singular, const char* several) {
        return QStringLiteral("%1 ").arg(count) + QLatin1String(count == 1 ? singular : several);
    };
    constexpr qint64 kMinute = 60;
    constexpr qint64 kHour = 3600;
    constexpr qint64 kMonth = 30 * kSecondsPerDay;
    constexpr qint64 kYear = 365 * kSecondsPerDay;
    if (s < kMinute)
        return QStringLiteral("%1 s").arg(s);
    if (s < kHour)
        return QStringLiteral("%1 min").arg(s / kMinute);
    if (s < kSecondsPerDay)
        return QStringLiteral("%1 h").arg(s / kHour);
    if (s < kMonth)
        return plural(s / kSecondsPerDay, "day", "days");
    if (s < kYear)
        return plural(s / kMonth, "month", "months");
    return plural(s / kYear, "year", "years");
}

} // namespace assay
