// SPDX-License-Identifier: Apache-2.0
#include "audit/ForensicsReportFormat.h"

#include "encoding/JsonWriter.h"

#include <QStringList>

namespace assay {

QString forensicCheckOutcomeName(ForensicCheckOutcome outcome)
{
    switch (outcome) {
    case ForensicCheckOutcome::Confirmed:
        return QStringLiteral("confirmed");
    case ForensicCheckOutcome::RuledOut:
        return QStringLiteral("ruled-out");
    case ForensicCheckOutcome::NotApplicable:
        return QStringLiteral("not-applicable");
    }
    return {};
}

QString forensicsReportText(const ForensicsReport& report)
{
    QStringList lines;
    lines.append(QStringLiteral("Why the signature does not verify: %1").arg(report.summary));
    for (const ForensicFinding& f : report.findings)
        lines.append(QStringLiteral("  %1: %2 %3").arg(f.code, f.explanation, f.fix).trimmed());
    for (const ForensicCheck& c : report.checks)
        lines.append(QStringLiteral("  checked %1: %2%3")
                         .arg(c.title, forensicCheckOutcomeName(c.outcome),
                              c.note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(c.note)));
    return lines.join(QLatin1Char('\n'));
}

void writeForensicsJson(JsonWriter& out, const ForensicsReport& report)
{
    out.beginObject();
    out.member(u"outcome", forensicsOutcomeName(report.outcome));
    out.member(u"summary", report.summary);
    out.key(u"findings");
    out.beginArray();
    for (const ForensicFinding& f : report.findings) {
        out.beginObject();
        out.member(u"code", f.code);
        out.member(u"explanation", f.explanation);
        out.member(u"fix", f.fix);
        out.memberBool(u"securityIssue", f.securityIssue);
        out.member(u"segment", segmentName(f.evidence.segment));
        out.member(u"variant", f.evidence.variant);
        out.endObject();
    }
    out.endArray();
    out.key(u"checks");
    out.beginArray();
    for (const ForensicCheck& c : report.checks) {
        out.beginObject();
        out.member(u"hypothesis", forensicCode(c.hypothesis));
        out.member(u"title", c.title);
        out.member(u"outcome", forensicCheckOutcomeName(c.outcome));
        out.memberNumber(u"candidates", c.candidates);
        out.member(u"note", c.note);
        out.endObject();
    }
    out.endArray();
    out.memberNumber(u"candidatesTried", report.candidatesTried);
    out.endObject();
}

} // namespace assay
