// SPDX-License-Identifier: Apache-2.0
#include "FindingsExport.h"

#include "base/Error.h"

#include <QCoreApplication>

namespace assay::ui {
namespace {

// RFC 8259 string escapes, as the CLI's JsonOutput writes them (QJsonDocument would sort the members).
QByteArray quote(QStringView value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out +=
                    QByteArray("\\u00") + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    out += '"';
    return out;
}

QByteArray number(qsizetype value)
{
    return value < 0 ? QByteArray("null") : QByteArray::number(value);
}

QByteArray stringList(const QStringList& values)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        out += quote(values.at(i));
    }
    return out + ']';
}

QByteArray location(const LintLocation& loc)
{
    QByteArray out = "{\"segment\":" + quote(segmentName(loc.segment));
    out += ",\"signature\":" + QByteArray::number(loc.signatureIndex);
    out += ",\"member\":" + (loc.member.isEmpty() ? QByteArray("null") : quote(loc.member));
    out += ",\"offset\":" + number(loc.offset);
    out += ",\"length\":" + number(loc.offset < 0 ? -1 : loc.length);
    out += ",\"tokenOffset\":" + number(loc.tokenOffset);
    out += ",\"tokenLength\":" + number(loc.tokenOffset < 0 ? -1 : loc.tokenLength);
    return out + '}';
}

QByteArray finding(const LintFinding& f)
{
    QByteArray out = "{\"code\":" + quote(f.codeName());
    out += ",\"severity\":" + quote(lintSeverityName(f.severity));
    out += ",\"attacks\":" + stringList(f.attackIds);
    out += ",\"title\":" + quote(lintRule(f.code).title);
    out += ",\"message\":" + quote(f.message);
    out += ",\"reference\":" + quote(f.reference);
    out += ",\"location\":" + location(f.location);
    return out + '}';
}

QString checkOutcomeName(ForensicCheckOutcome outcome)
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

QByteArray forensicsJson(const ForensicsReport& r)
{
    QByteArray out = "{\"outcome\":" + quote(forensicsOutcomeName(r.outcome));
    out += ",\"summary\":" + quote(r.summary);
    out += ",\"findings\":[";
    for (qsizetype i = 0; i < r.findings.size(); ++i) {
        const ForensicFinding& f = r.findings.at(i);
        if (i > 0)
            out += ',';
        out += "{\"code\":" + quote(f.code) + ",\"explanation\":" + quote(f.explanation) + ",\"fix\":" + quote(f.fix) +
               ",\"securityIssue\":" + (f.securityIssue ? "true" : "false") +
               ",\"segment\":" + quote(segmentName(f.evidence.segment)) + ",\"variant\":" + quote(f.evidence.variant) +
               '}';
    }
    out += "],\"checks\":[";
    for (qsizetype i = 0; i < r.checks.size(); ++i) {
        const ForensicCheck& c = r.checks.at(i);
        if (i > 0)
            out += ',';
        out += "{\"hypothesis\":" + quote(forensicCode(c.hypothesis)) + ",\"title\":" + quote(c.title) +
               ",\"outcome\":" + quote(checkOutcomeName(c.outcome)) +
               ",\"candidates\":" + QByteArray::number(c.candidates) + ",\"note\":" + quote(c.note) + '}';
    }
    out += "],\"candidatesTried\":" + QByteArray::number(r.candidatesTried);
    return out + '}';
}

QString plural(int n, const char* word)
{
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(word), n == 1 ? QString() : QStringLiteral("s"));
}

} // namespace

QString FindingsExport::findingText(const LintFinding& f)
{
    const QString where = f.location.describe();
    return QStringLiteral("%1 %2 [%3]%4\n        %5\n        see %6")
        .arg(lintSeverityName(f.severity).leftJustified(7), f.codeName(), f.attackIds.join(QStringLiteral(", ")),
             where.isEmpty() ? QString() : QStringLiteral(" %1").arg(where), f.message, f.reference);
}

QString FindingsExport::text(const LintReport& report, LintSeverity minimum,
                             const std::optional<ForensicsReport>& forensics)
{
    QStringList lines;
    const QList<LintFinding> shown = report.atLeast(minimum);
    for (const LintFinding& f : shown)
        lines.append(findingText(f));
    if (shown.isEmpty())
        lines.append(report.isEmpty() ? QStringLiteral("No findings.")
                                      : QStringLiteral("No findings at %1 or above.").arg(lintSeverityName(minimum)));
    lines.append(QStringLiteral("Findings: %1, %2, %3%4")
                     .arg(plural(report.count(LintSeverity::Error), "error"),
                          plural(report.count(LintSeverity::Warning), "warning"),
                          QStringLiteral("%1 info").arg(report.count(LintSeverity::Info)),
                          shown.size() == report.findings().size() ? QString()
                                                                   : QStringLiteral(" (%1 shown)").arg(shown.size())));
    if (forensics && forensics->outcome != ForensicsOutcome::NotApplicable) {
        lines.append(QString());
        lines.append(QStringLiteral("Why the signature does not verify: %1").arg(forensics->summary));
        for (const ForensicFinding& f : forensics->findings)
            lines.append(QStringLiteral("  %1: %2 %3").arg(f.code, f.explanation, f.fix).trimmed());
        for (const ForensicCheck& c : forensics->checks)
            lines.append(QStringLiteral("  checked %1: %2%3")
                             .arg(c.title, checkOutcomeName(c.outcome),
                                  c.note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(c.note)));
    }
    return lines.join(QLatin1Char('\n'));
}

QByteArray FindingsExport::json(const LintReport& report, LintSeverity minimum, const QStringList& notes,
                                const std::optional<ForensicsReport>& forensics)
{
    QByteArray out = "{\"command\":\"lint\"";
    out += ",\"ok\":" + QByteArray(report.hasErrors() ? "false" : "true");
    out += ",\"minSeverity\":" + quote(lintSeverityName(minimum));
    out += ",\"counts\":{";
    bool first = true;
    for (LintSeverity s : {LintSeverity::Error, LintSeverity::Warning, LintSeverity::Info}) {
        out += (first ? "" : ",") + quote(lintSeverityName(s)) + ':' + QByteArray::number(report.count(s));
        first = false;
    }
    out += "},\"findings\":[";
    const QList<LintFinding> shown = report.atLeast(minimum);
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (i > 0)
            out += ',';
        out += finding(shown.at(i));
    }
    out += "],\"notes\":" + stringList(notes);
    if (forensics)
        out += ",\"forensics\":" + forensicsJson(*forensics);
    return out + '}';
}

} // namespace assay::ui
