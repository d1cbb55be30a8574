// SPDX-License-Identifier: Apache-2.0
#include "audit/LintFinding.h"

namespace assay {

QString LintLocation::describe() const
{
    if (segment == Segment::None)
        return {};
    QString where = segmentName(segment);
    if (!member.isEmpty()) {
        where +=
            segment == Segment::Key ? QStringLiteral(" %1").arg(member) : QStringLiteral(" member \"%1\"").arg(member);
    }
    if (signatureIndex > 0)
        where += QStringLiteral(" (signature %1)").arg(signatureIndex + 1);
    return where;
}

LintFinding makeLintFinding(LintCode code, QString message, LintLocation location)
{
    const LintRule& rule = lintRule(code);
    LintFinding f;
    f.code = code;
    f.severity = rule.severity;
    f.attackIds = rule.attackIds;
    f.message = std::move(message);
    f.reference = rule.reference;
    f.location = std::move(location);
    return f;
}

} // namespace assay
