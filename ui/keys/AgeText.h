// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

namespace assay::ui {

/// "2024-05-01 10:22:07 (3 days ago)": a moment in local time with how long ago it was at `now`. "just now" under a
/// minute, then minutes, hours and days.
[[nodiscard]] QString localTimeWithAge(const QDateTime& when, const QDateTime& now = QDateTime::currentDateTimeUtc());

} // namespace assay::ui
