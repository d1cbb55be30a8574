// SPDX-License-Identifier: Apache-2.0
#include "audit/LintReportFormat.h"

#include "audit/ForensicsReportFormat.h"
#include "audit/LintCatalog.h"
#include "encoding/JsonWriter.h"

namespace assay {

namespace {

QString plural(int n, const char* word)
{
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(word), n == 1 ? QString() : QStringLiteral("s"));
}

void writeLocation(JsonWriter& out, const LintLocation& loc)
{
    out.beginObject();
    out.member(u"segment", segmentName(loc.segment));
    out.memberNumber(u"signature", loc.signatureIndex);
    if (loc.member.isEmpty())
        out.memberNull(u"member");
    else
        out.member(u"member", loc.member);
    // Unknown offsets are null, and so is the length that goes with them.
    const auto number = [&out](QStringView name, qsizetype value) {
        if (value < 0)
            out.memberNull(name);
        else
            out.memberNumber(name, value);
    };
    number(u"offset", loc.offset);
    number(u"length", loc.offset < 0 ? -1 : loc.length);
    number(u"tokenOffset", loc.tokenOffset);
    number(u"tokenLength", loc.tokenOffset < 0 ? -1 : loc.tokenLength);
    out.endObject();
}

} // namespace

QString lintFindingText(const LintFinding& f)
{
    const QString where = f.location.describe();
    return QStringLiteral("%1 %2 [%3]%4\n        %5\n        see %6")
        .arg(lintSeverityName(f.severity).leftJustified(7), f.codeName(), f.attackIds.join(QStringLiteral(", ")),
             where.isEmpty() ? QString() : QStringLiteral(" %1").arg(where), f.message, f.reference);
}

QString lintReportText(const LintReport& report, LintSeverity minimum)
{
    QStringList lines;
    const QList<LintFinding> shown = report.atLeast(minimum);
    for (const LintFinding& f : shown)
        lines.append(lintFindingText(f));
    if (shown.isEmpty())
        lines.append(report.isEmpty() ? QStringLiteral("No findings.")
                                      : QStringLiteral("No findings at %1 or above.").arg(lintSeverityName(minimum)));
    lines.append(QStringLiteral("Findings: %1, %2, %3%4")
                     .arg(plural(report.count(LintSeverity::Error), "error"),
                          plural(report.count(LintSeverity::Warning), "warning"),
                          QStringLiteral("%1 info").arg(report.count(LintSeverity::Info)),
                          shown.size() == report.findings().size() ? QString()
                                                                   : QStringLiteral(" (%1 shown)").arg(shown.size())));
    return lines.join(QLatin1Char('\n'));
}

void writeLintFindingJson(JsonWriter& out, const LintFinding& f)
{
    out.beginObject();
    out.member(u"code", f.codeName());
    out.member(u"severity", lintSeverityName(f.severity));
    out.key(u"attacks").stringList(f.attackIds);
    out.member(u"title", lintRule(f.code).title);
    out.member(u"message", f.message);
    out.member(u"reference", f.reference);
    out.key(u"location");
    writeLocation(out, f.location);
    out.endObject();
}

QByteArray lintReportJson(const LintReport& report, LintSeverity minimum, const QStringList& notes,
                          const ForensicsReport* forensics)
{
    JsonWriter out;
    out.beginObject();
    out.member(u"command", u"lint");
    out.memberBool(u"ok", !report.hasErrors());
    out.member(u"minSeverity", lintSeverityName(minimum));
    out.key(u"counts");
    out.beginObject();
    for (LintSeverity s : {LintSeverity::Error, LintSeverity::Warning, LintSeverity::Info})
        out.memberNumber(lintSeverityName(s), report.count(s));
    out.endObject();
    out.key(u"findings");
    out.beginArray();
    for (const LintFinding& f : report.atLeast(minimum))
        writeLintFindingJson(out, f);
    out.endArray();
    out.key(u"notes").stringList(notes);
    if (forensics) {
        out.key(u"forensics");
        writeForensicsJson(out, *forensics);
    }
    out.endObject();
    return out.text();
}

} // namespace assay
