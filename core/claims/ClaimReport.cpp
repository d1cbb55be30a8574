// SPDX-License-Identifier: Apache-2.0
#include "claims/ClaimReport.h"

#include <algorithm>

namespace assay {

ClaimReport::ClaimReport(qint64 evaluationTimeMSecs, qint64 leewaySeconds)
    : m_evaluationTime(evaluationTimeMSecs)
    , m_leeway(leewaySeconds)
{
}

std::optional<ClaimResult> ClaimReport::result(QStringView name) const
{
    const auto it =
        std::find_if(m_results.cbegin(), m_results.cend(), [name](const ClaimResult& r) { return r.name == name; });
    if (it == m_results.cend())
        return std::nullopt;
    return *it;
}

QList<ClaimResult> ClaimReport::failures() const
{
    QList<ClaimResult> out;
    std::copy_if(m_results.cbegin(), m_results.cend(), std::back_inserter(out),
                 [](const ClaimResult& r) { return r.isFailure(); });
    return out;
}

bool ClaimReport::ok() const
{
    return std::none_of(m_results.cbegin(), m_results.cend(), [](const ClaimResult& r) { return r.isFailure(); });
}

void ClaimReport::append(ClaimResult result)
{
    m_results.append(std::move(result));
}

} // namespace assay
