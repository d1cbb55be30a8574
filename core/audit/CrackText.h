// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace assay {

/// How the weak-secret checker's figures read, the same in assay-cli crack and in the window.

/// "1,234,567" (grouped, locale-independent, like the CLI's output).
[[nodiscard]] QString crackCount(quint64 n);
/// "12.3 M" / "4.5 k" / "17": a large count in a few characters, for the candidate count of a mask.
[[nodiscard]] QString crackShortCount(quint64 n);
/// "2.10 M/s", "950.0 k/s", "12/s".
[[nodiscard]] QString crackRate(double perSecond);
/// "0.25 s", "42 s", "3m 05s", "2h 07m", "12 days", "3.2e+04 years".
[[nodiscard]] QString crackDuration(double seconds);
/// The secret as text when it is printable UTF-8 (no control characters, no trailing CR; the empty secret is empty
/// text), otherwise nullopt: such a secret is shown in hex only, so that what the user sees is what the server holds.
[[nodiscard]] std::optional<QString> printableSecret(QByteArrayView bytes);

} // namespace assay
