// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/ForensicsReport.h"
#include "audit/LintReport.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay::ui {

/// The findings as text for the clipboard: the same text and the same JSON object as `assay-cli lint` and
/// `assay-cli lint --json` print for the token, so a finding copied from the window can be compared with a script's.
/// The JSON gets one member the CLI does not have, "forensics", when signature forensics ran.
class FindingsExport
{
public:
    /// Text lines as `assay-cli lint` prints them (findings of at least `minimum`), then the forensic answer.
    [[nodiscard]] static QString text(const LintReport& report, LintSeverity minimum,
                                      const std::optional<ForensicsReport>& forensics);
    /// One compact JSON object as `assay-cli lint --json [--min-severity]` prints it; `notes` are what the paste
    /// intake removed.
    [[nodiscard]] static QByteArray json(const LintReport& report, LintSeverity minimum, const QStringList& notes,
                                         const std::optional<ForensicsReport>& forensics);
    /// The lines of one lint finding as `assay-cli lint` prints them.
    [[nodiscard]] static QString findingText(const LintFinding& finding);
};

} // namespace assay::ui
