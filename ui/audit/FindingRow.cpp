// SPDX-License-Identifier: Apache-2.0
#include "FindingRow.h"

#include "base/Error.h"

#include <QCoreApplication>

namespace assay::ui {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("assay::ui::FindingRow", text);
}

} // namespace

LintSeverity FindingRow::severity() const
{
    switch (kind) {
    case Kind::Lint:
        return lint.severity;
    case Kind::Forensic:
        return forensic && forensic->securityIssue ? LintSeverity::Error : LintSeverity::Warning;
    case Kind::Unexplained:
    case Kind::NoFailure:
        return LintSeverity::Info;
    }
    return LintSeverity::Info;
}

QString FindingRow::code() const
{
    switch (kind) {
    case Kind::Lint:
        return lint.codeName();
    case Kind::Forensic:
        return forensic ? forensic->code : QString();
    case Kind::Unexplained:
        return QStringLiteral("FORENSICS_UNEXPLAINED");
    case Kind::NoFailure:
        return QStringLiteral("FORENSICS_NOTHING_TO_EXPLAIN");
    }
    return {};
}

QString FindingRow::message() const
{
    switch (kind) {
    case Kind::Lint:
        return lint.message;
    case Kind::Forensic:
        if (!forensic)
            return {};
        return forensic->fix.isEmpty() ? forensic->explanation
                                       : QStringLiteral("%1 \u2014 %2").arg(forensic->explanation, forensic->fix);
    case Kind::Unexplained:
    case Kind::NoFailure:
        return forensicSummary;
    }
    return {};
}

QString FindingRow::where() const
{
    if (kind == Kind::Lint)
        return lint.location.describe();
    if (forensic && forensic->evidence.segment != Segment::None)
        return segmentName(forensic->evidence.segment);
    return tr("signature");
}

QString FindingRow::reference() const
{
    if (kind == Kind::Lint)
        return lint.reference;
    return tr("signature forensics (verified with real cryptography)");
}

QString FindingRow::attacks() const
{
    if (kind == Kind::Lint)
        return lint.attackIds.join(QStringLiteral(", "));
    // The one hypothesis that is an attack rather than a mistake: algorithm confusion.
    if (forensic && forensic->hypothesis == ForensicHypothesis::PublicKeyAsHmac)
        return QStringLiteral("A04");
    return {};
}

QString FindingRow::fullText() const
{
    QStringList lines;
    if (kind == Kind::Lint) {
        lines.append(QStringLiteral("%1 %2 [%3] %4")
                         .arg(lintSeverityName(lint.severity), lint.codeName(), attacks(), lint.location.describe())
                         .trimmed());
        lines.append(lintRule(lint.code).title);
        lines.append(lint.message);
        lines.append(tr("See %1").arg(lint.reference));
        return lines.join(QLatin1Char('\n'));
    }
    lines.append(tr("Why the signature does not verify: %1").arg(code()));
    if (forensic) {
        lines.append(forensic->explanation);
        if (!forensic->fix.isEmpty())
            lines.append(tr("Fix: %1").arg(forensic->fix));
        if (!forensic->evidence.keyLabel.isEmpty())
            lines.append(tr("Verified with: %1").arg(forensic->evidence.keyLabel));
        if (!forensic->evidence.variant.isEmpty())
            lines.append(tr("Variant: %1").arg(forensic->evidence.variant));
        lines.append(tr("The token stays invalid: this explains the failure, it does not make the signature valid."));
    } else {
        lines.append(forensicSummary);
        if (!forensicChecks.isEmpty())
            lines.append(forensicChecks);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace assay::ui
