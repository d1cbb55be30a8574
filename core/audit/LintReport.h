// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/LintFinding.h"

#include <QList>

#include <optional>

namespace assay {

/// Everything lintToken() found, in the order of the token's parts (structure, header, signature, payload, keys).
/// Value type.
class LintReport
{
public:
    [[nodiscard]] const QList<LintFinding>& findings() const { return m_findings; }
    [[nodiscard]] bool isEmpty() const { return m_findings.isEmpty(); }

    /// Findings of at least this severity, in order.
    [[nodiscard]] QList<LintFinding> atLeast(LintSeverity severity) const;
    /// Findings with this code, in order.
    [[nodiscard]] QList<LintFinding> withCode(LintCode code) const;
    [[nodiscard]] bool contains(LintCode code) const;
    [[nodiscard]] int count(LintSeverity severity) const;
    /// True when any finding is an error.
    [[nodiscard]] bool hasErrors() const { return count(LintSeverity::Error) > 0; }
    /// The most severe finding's severity, or nullopt when there is none.
    [[nodiscard]] std::optional<LintSeverity> worstSeverity() const;
    /// The distinct codes found, in order of first appearance.
    [[nodiscard]] QList<LintCode> codes() const;

    void add(LintFinding finding) { m_findings.append(std::move(finding)); }
    void append(const QList<LintFinding>& findings) { m_findings.append(findings); }

private:
    QList<LintFinding> m_findings;
};

} // namespace assay
