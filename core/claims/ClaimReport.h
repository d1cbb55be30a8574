// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "claims/ClaimResult.h"

#include <QList>
#include <QStringView>

#include <optional>

namespace assay {

/// The claim checks of one token at one evaluation time, in a fixed order (iss, sub, aud, exp, nbf, iat, typ, then
/// required claims, then other duplicated names). Value type; produced by ClaimValidator.
class ClaimReport
{
public:
    ClaimReport() = default;
    ClaimReport(qint64 evaluationTimeMSecs, qint64 leewaySeconds);

    [[nodiscard]] qint64 evaluationTimeMSecs() const { return m_evaluationTime; }
    [[nodiscard]] qint64 leewaySeconds() const { return m_leeway; }

    [[nodiscard]] const QList<ClaimResult>& results() const { return m_results; }
    /// The row for this claim name, if it was checked or reported.
    [[nodiscard]] std::optional<ClaimResult> result(QStringView name) const;
    /// Rows with status Fail, Invalid or Missing.
    [[nodiscard]] QList<ClaimResult> failures() const;
    /// True when no row failed: every check that ran passed. Warnings do not count.
    [[nodiscard]] bool ok() const;

    void append(ClaimResult result);

private:
    qint64 m_evaluationTime = 0;
    qint64 m_leeway = 0;
    QList<ClaimResult> m_results;
};

} // namespace assay
