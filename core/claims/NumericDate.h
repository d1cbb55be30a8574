// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QFlags>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <compare>
#include <optional>

namespace assay {

struct JsonMember;

/// A JWT NumericDate (RFC 7519 section 2): seconds since 1970-01-01T00:00:00Z, ignoring leap seconds, possibly
/// non-integer. Value type.
///
/// The value is parsed exactly from the JSON number text as written (never through a double), and stored as
/// floor(value) whole seconds plus a nanosecond fraction in [0, 1e9). Fraction digits beyond nanoseconds are not
/// kept, but whether any of them was non-zero is, so comparisons against an instant stay exact. Values whose whole
/// seconds need more than 18 decimal digits (|value| >= 10^18, e.g. `1e400`) are "out of range": they compare above
/// (or below) every instant and have no calendar rendering. The original text is always kept for display.
class NumericDate
{
public:
    /// Things worth telling the user about a value that did parse (ATTACKS.md A23). None of them makes the value
    /// unusable except OutOfRange.
    enum class Warning : unsigned
    {
        None = 0,
        Fractional = 1U << 0,            // allowed by RFC 7519 section 2, but many libraries truncate or reject it
        Negative = 1U << 1,              // before 1970-01-01T00:00:00Z
        BeyondYear9999 = 1U << 2,        // at or after 10000-01-01T00:00:00Z
        BeyondSafeInteger = 1U << 3,     // |value| > 2^53: readers that use doubles see another value
        OutOfRange = 1U << 4,            // |value| >= 10^18 s: no calendar date, only ordering
        LooksLikeMilliseconds = 1U << 5, // >= 10^11 (year 5138) as seconds, but a date before 10000 as milliseconds
    };
    Q_DECLARE_FLAGS(Warnings, Warning)

    /// 1970-01-01T00:00:00Z, written as `0`.
    NumericDate();

    /// The whole number of seconds since the epoch, as if written in decimal.
    [[nodiscard]] static NumericDate fromSeconds(qint64 secondsSinceEpoch);

    /// Parses a member of a claims set. A member that is not a JSON number (string `"9999999999"`, bool, null,
    /// array, object) fails with ErrorCode::ClaimInvalidType, Segment::Payload, the value's offset, and a message
    /// that quotes the member name and the raw text; it is never treated as absent.
    [[nodiscard]] static Result<NumericDate> fromJson(const JsonMember& member);

    /// Parses a JSON number (RFC 8259 section 6 grammar, exactly, no surrounding whitespace). Anything else fails
    /// with ErrorCode::ClaimInvalidType.
    [[nodiscard]] static Result<NumericDate> fromJsonNumber(QByteArrayView text);

    /// The number exactly as written.
    [[nodiscard]] const QByteArray& rawText() const { return m_raw; }

    [[nodiscard]] Warnings warnings() const { return m_warnings; }
    [[nodiscard]] bool hasWarning(Warning w) const { return m_warnings.testFlag(w); }
    /// One human sentence per warning, e.g. "has a fractional part (...)".
    [[nodiscard]] QStringList warningMessages() const;

    /// False when |value| >= 10^18 s (Warning::OutOfRange).
    [[nodiscard]] bool isRepresentable() const { return m_range == Range::InRange; }
    /// floor(value); saturates to the qint64 limits when out of range.
    [[nodiscard]] qint64 seconds() const;
    /// The fraction above seconds(), in nanoseconds, floored: 0..999'999'999. 1.5 -> 1 s + 500'000'000 ns;
    /// -1.5 -> -2 s + 500'000'000 ns.
    [[nodiscard]] int nanoseconds() const { return m_nanos; }
    /// True when the value has no digits beyond nanoseconds that were dropped.
    [[nodiscard]] bool isExact() const { return !m_belowNanos; }
    /// floor(value * 1000), or nullopt when that does not fit in a qint64.
    [[nodiscard]] std::optional<qint64> toMSecsSinceEpoch() const;
    /// The instant as a UTC QDateTime (millisecond precision, floored), or nullopt when out of QDateTime's range.
    [[nodiscard]] std::optional<QDateTime> toDateTime() const;

    /// Exact ordering of this value against an instant given in milliseconds since the epoch.
    [[nodiscard]] std::strong_ordering compareToMSecs(qint64 msecsSinceEpoch) const;

    /// ISO 8601 in UTC: `2011-03-22T18:43:00Z`; a fraction is shown up to nanoseconds without trailing zeros
    /// (`1970-01-01T00:00:01.5Z`); years after 9999 use the expanded form `+50017-...`, years before 1 `-0001-...`.
    /// Empty when !isRepresentable().
    [[nodiscard]] QString toUtcString() const;
    /// ISO 8601 local time with its UTC offset in `zone`: `2011-03-22T19:43:00+01:00`. Outside the years 1..9999
    /// the zone is asked for its offset at the nearest of those limits (zone rules do not reach further).
    /// Empty when !isRepresentable().
    [[nodiscard]] QString toLocalString(const QTimeZone& zone = QTimeZone::systemTimeZone()) const;
    /// Relative to `nowMSecs`: "in 14 min", "3 days ago", "now", "in less than 1 s". Units are s, min, h, days,
    /// months (30 days) and years (365 days), truncated toward zero.
    [[nodiscard]] QString relativeTo(qint64 nowMSecs) const;
    /// The signed whole seconds from `nowMSecs` to this value, truncated toward zero (saturating when out of range).
    [[nodiscard]] qint64 secondsFrom(qint64 nowMSecs) const;
    /// When Warning::LooksLikeMilliseconds is set: the UTC ISO 8601 string of the value read as milliseconds.
    [[nodiscard]] QString millisecondsReading() const;

    /// "14 min", "1 day", "3 days", "2 months", "1 year" for a duration of |seconds| (same units as relativeTo()).
    [[nodiscard]] static QString formatDuration(qint64 seconds);

    /// Same value and same spelling.
    friend bool operator==(const NumericDate&, const NumericDate&) = default;

private:
    enum class Range : quint8
    {
        InRange,
        Above,
        Below,
    };

    QByteArray m_raw;
    qint64 m_seconds = 0;
    int m_nanos = 0;
    bool m_belowNanos = false; // non-zero digits were dropped beyond nanoseconds: true value > seconds + nanos
    Range m_range = Range::InRange;
    Warnings m_warnings;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(NumericDate::Warnings)

} // namespace assay
