// SPDX-License-Identifier: Apache-2.0
#include "audit/LintReport.h"

#include <algorithm>

namespace assay {

QList<LintFinding> LintReport::atLeast(LintSeverity severity) const
{
    QList<LintFinding> out;
    for (const LintFinding& f : m_findings) {
        if (f.severity >= severity)
            out.append(f);
    }
    return out;
}

QList<LintFinding> LintReport::withCode(LintCode code) const
{
    QList<LintFinding> out;
    for (const LintFinding& f : m_findings) {
        if (f.code == code)
            out.append(f);
    }
    return out;
}

bool LintReport::contains(LintCode code) const
{
    return std::any_of(m_findings.cbegin(), m_findings.cend(), [code](const LintFinding& f) { return f.code == code; });
}

int LintReport::count(LintSeverity severity) const
{
    return static_cast<int>(std::count_if(m_findings.cbegin(), m_findings.cend(),
                                          [severity](const LintFinding& f) { return f.severity == severity; }));
}

std::optional<LintSeverity> LintReport::worstSeverity() const
{
    std::optional<LintSeverity> worst;
    for (const LintFinding& f : m_findings) {
        if (!worst || f.severity > *worst)
            worst = f.severity;
    }
    return worst;
}

QList<LintCode> LintReport::codes() const
{
    QList<LintCode> out;
    for (const LintFinding& f : m_findings) {
        if (!out.contains(f.code))
            out.append(f.code);
    }
    return out;
}

} // namespace assay
