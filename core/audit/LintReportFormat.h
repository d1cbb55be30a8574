// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/LintReport.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace assay {

class JsonWriter;
struct ForensicsReport;

/// A lint report as text and as JSON, the same for `assay-cli lint` and the window's copies, so a finding copied from
/// the window can be compared with what a script got from the command line.

/// One finding in three lines: severity, code, ATTACKS.md ids and location; the message; the reference.
[[nodiscard]] QString lintFindingText(const LintFinding& finding);

/// The findings of at least `minimum` (or a line saying there are none), then a line with the counts per severity.
/// Lines are separated by '\n', with none at the end.
[[nodiscard]] QString lintReportText(const LintReport& report, LintSeverity minimum);

/// One finding as a JSON object: code, severity, attacks, title, message, reference, location.
void writeLintFindingJson(JsonWriter& out, const LintFinding& finding);

/// The object `assay-cli lint --json` prints: command, ok, minSeverity, counts, findings (of at least `minimum`) and
/// notes (what the paste intake removed). With `forensics`, a "forensics" member follows (writeForensicsJson()).
[[nodiscard]] QByteArray lintReportJson(const LintReport& report, LintSeverity minimum, const QStringList& notes,
                                        const ForensicsReport* forensics = nullptr);

} // namespace assay
