// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/ForensicsReport.h"

#include <QString>

namespace assay {

class JsonWriter;

/// "confirmed", "ruled-out", "not-applicable".
[[nodiscard]] QString forensicCheckOutcomeName(ForensicCheckOutcome outcome);

/// The answer in lines: "Why the signature does not verify: <summary>", each finding (code, explanation, fix), then
/// each hypothesis checked with its outcome. Lines are separated by '\n', with none at the end.
[[nodiscard]] QString forensicsReportText(const ForensicsReport& report);

/// The report as a JSON object: outcome, summary, findings, checks, candidatesTried. Secrets never appear in a
/// report, so none can appear here.
void writeForensicsJson(JsonWriter& out, const ForensicsReport& report);

} // namespace assay
