// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QStringView>

namespace assay::cli {

/// Parses the time values of the command line (`--now`, `--exp`, `--nbf`, `--leeway`).
///
/// An instant is one of:
/// - a NumericDate: whole seconds since 1970-01-01T00:00:00Z, digits only (`1300819380`);
/// - ISO 8601: `2011-03-22T18:43:00Z`, `2011-03-22T19:43:00+01:00`, `2011-03-22T18:43:00.250Z`, or a date
///   `2011-03-22` (midnight). Without `Z` or an offset the time is taken as UTC, not local time, so a script gives
///   the same answer on every machine;
/// - a duration relative to `now`, always with a sign: `+15m`, `-2h`, `+7d`, `+3600` (seconds), `+1h30m`.
///   Units: s, m (minutes), h, d, w. A leading sign therefore always means "relative": a negative NumericDate can
///   only be given in ISO 8601.
class TimeArgument
{
public:
    /// Milliseconds since the epoch of the instant `text` names. Fails with ErrorCode::Usage and a message that
    /// quotes the text and shows the accepted forms.
    [[nodiscard]] static Result<qint64> parseInstant(QStringView text, qint64 nowMSecs);

    /// A non-negative duration in whole seconds without a sign: `60`, `90s`, `5m`, `1h30m` (for `--leeway`).
    [[nodiscard]] static Result<qint64> parseDuration(QStringView text);

    /// Latest and earliest instants accepted (years 0001..9999), in seconds since the epoch.
    static constexpr qint64 MaxSeconds = 253402300799; // 9999-12-31T23:59:59Z
    static constexpr qint64 MinSeconds = -62135596800; // 0001-01-01T00:00:00Z
};

} // namespace assay::cli
