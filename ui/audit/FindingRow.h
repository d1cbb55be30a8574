// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/ForensicsReport.h"
#include "audit/LintFinding.h"

#include <QString>

#include <optional>

namespace assay::ui {

/// One line of the findings panel: a lint finding, or one answer of signature forensics ("why the signature does not
/// verify"). Forensic lines explain a failure; they never change the verdict.
struct FindingRow
{
    enum class Kind
    {
        Lint,
        Forensic,    // a hypothesis that verified (ForensicFinding)
        Unexplained, // forensics ran and nothing verified: the line lists what was checked
        NoFailure,   // forensics found that the signature matches as sent (a rule refused the token)
    };

    Kind kind = Kind::Lint;
    LintFinding lint;                        // Kind::Lint
    std::optional<ForensicFinding> forensic; // Kind::Forensic
    QString forensicSummary;                 // the other forensic kinds: the report's summary line
    QString forensicChecks;                  // the other forensic kinds: what was checked, one line per hypothesis

    [[nodiscard]] bool isForensic() const { return kind != Kind::Lint; }
    /// The severity used for sorting, colour and filtering; a security forensic finding counts as an error.
    [[nodiscard]] LintSeverity severity() const;
    /// "LINT_ALG_NONE", "FORENSIC_SECRET_ENCODING", "FORENSICS_UNEXPLAINED", ...
    [[nodiscard]] QString code() const;
    /// The one-line message.
    [[nodiscard]] QString message() const;
    /// "header member \"alg\"", "key", ...
    [[nodiscard]] QString where() const;
    /// The RFC section or CVE.
    [[nodiscard]] QString reference() const;
    [[nodiscard]] QString attacks() const;
    /// Everything about the finding, several lines: for tooltips and "Copy".
    [[nodiscard]] QString fullText() const;
};

} // namespace assay::ui
