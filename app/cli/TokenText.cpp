// SPDX-License-Identifier: Apache-2.0
#include "TokenText.h"

#include "Console.h"

#include "claims/ClaimCatalog.h"
#include "claims/ClaimReport.h"
#include "token/ParsedToken.h"

#include <QDateTime>
#include <QStringDecoder>
#include <QTimeZone>

namespace assay::cli {

namespace {

constexpr qsizetype MaxShownValue = 100;

QString shortened(const QByteArray& raw)
{
    QString text = QString::fromUtf8(raw);
    text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    if (text.size() > MaxShownValue)
        text = text.left(MaxShownValue) + QStringLiteral("... (%1 bytes)").arg(raw.size());
    return text;
}

QString statusLabel(ClaimStatus status)
{
    switch (status) {
    case ClaimStatus::Pass:
        return QStringLiteral("ok");
    case ClaimStatus::Fail:
        return QStringLiteral("FAIL");
    case ClaimStatus::Invalid:
        return QStringLiteral("INVALID");
    case ClaimStatus::Missing:
        return QStringLiteral("MISSING");
    case ClaimStatus::Info:
        return {};
    }
    return {};
}

} // namespace

TokenText::TokenText(const Console& console)
    : m_console(console)
{
}

QString TokenText::algorithmOf(const ParsedToken& token)
{
    const JsonDocument* header = token.header();
    if (!header)
        return {};
    const std::optional<JsonMember> alg = header->member(u"alg");
    if (!alg)
        return {};
    if (const std::optional<QString> name = alg->toString())
        return *name;
    return QString::fromUtf8(alg->rawValue);
}

std::optional<QString> TokenText::utf8Text(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n') && c != QLatin1Char('\r'))
            return std::nullopt;
        if (c.unicode() == 0x7f)
            return std::nullopt;
    }
    return text;
}

std::optional<Error> TokenText::jweProblem(const ParsedToken& token)
{
    if (token.signatures.isEmpty()) {
        Error e;
        e.code = ErrorCode::TokenStructure;
        e.message = QStringLiteral("the JWE has no protected header");
        e.segment = Segment::Header;
        return e;
    }
    const JwsSignatureEntry& entry = token.signatures.front();
    if (entry.protectedHeader.error)
        return entry.protectedHeader.error;
    if (entry.headerError)
        return entry.headerError;
    for (const DecodedSegment& part : token.jweParts) {
        if (part.error)
            return part.error;
    }
    return std::nullopt;
}

QString TokenText::describe(const Error& error)
{
    return errorCodeName(error.code) + QStringLiteral(": ") + error.toString();
}

void TokenText::printSummary(const ParsedToken& token) const
{
    m_console.printLine(QStringLiteral("Form:       %1").arg(tokenFormName(token.form)));
    const QString alg = algorithmOf(token);
    m_console.printLine(QStringLiteral("Algorithm:  %1").arg(alg.isEmpty() ? QStringLiteral("(none given)") : alg));
    if (token.form == TokenForm::JwsJsonGeneral)
        m_console.printLine(QStringLiteral("Signatures: %1").arg(token.signatures.size()));
}

void TokenText::printJson(const QString& title, const QByteArray& pretty) const
{
    m_console.printLine();
    m_console.printLine(title);
    m_console.write(pretty);
    if (!pretty.endsWith('\n'))
        m_console.printLine();
}

void TokenText::printHeaders(const ParsedToken& token) const
{
    const bool several = token.signatures.size() > 1;
    for (qsizetype i = 0; i < token.signatures.size(); ++i) {
        const JwsSignatureEntry& entry = token.signatures[i];
        const QString suffix = several ? QStringLiteral(" (signature %1)").arg(i + 1) : QString();
        const QString title = (token.form == TokenForm::CompactJws || token.form == TokenForm::CompactJwe)
                                  ? QStringLiteral("Header%1:").arg(suffix)
                                  : QStringLiteral("Protected header%1:").arg(suffix);
        if (entry.header) {
            printJson(title, entry.header->pretty());
        } else {
            m_console.printLine();
            m_console.printLine(title);
            const Error& why =
                entry.protectedHeader.error ? *entry.protectedHeader.error : entry.headerError.value_or(Error{});
            m_console.printLine(QStringLiteral("  (cannot be shown: %1)").arg(why.toString()));
        }
        if (entry.unprotectedHeader)
            printJson(QStringLiteral("Unprotected header%1:").arg(suffix), entry.unprotectedHeader->pretty());
    }
}

void TokenText::printPayload(const ParsedToken& token) const
{
    if (token.payloadDetached) {
        m_console.printLine();
        m_console.printLine(QStringLiteral("Payload: detached (not part of the token)"));
        return;
    }
    if (token.payloadJson) {
        printJson(QStringLiteral("Payload:"), token.payloadJson->pretty());
        return;
    }
    m_console.printLine();
    if (token.payload.error) {
        m_console.printLine(QStringLiteral("Payload: (cannot be decoded: %1)").arg(token.payload.error->toString()));
        return;
    }
    const QString notJson = token.payloadJsonError ? token.payloadJsonError->toString() : QString();
    if (const std::optional<QString> text = utf8Text(token.payload.bytes)) {
        m_console.printLine(
            QStringLiteral("Payload (text, %1 bytes; not JSON: %2):").arg(token.payload.bytes.size()).arg(notJson));
        m_console.printLine(*text);
        return;
    }
    m_console.printLine(QStringLiteral("Payload (%1 bytes of binary data, shown as received in base64url):")
                            .arg(token.payload.bytes.size()));
    m_console.write(token.payload.raw);
    m_console.printLine();
}

void TokenText::printJweParts(const ParsedToken& token) const
{
    m_console.printLine();
    m_console.printLine(QStringLiteral("Encrypted token (JWE): decryption is not supported yet."));
    static const char* const names[] = {"Encrypted key", "Initialization vector", "Ciphertext", "Authentication tag"};
    for (qsizetype i = 0; i < token.jweParts.size() && i < 4; ++i) {
        const DecodedSegment& part = token.jweParts[i];
        const QString size = part.error ? QStringLiteral("invalid: %1").arg(part.error->toString())
                                        : QStringLiteral("%1 bytes").arg(part.bytes.size());
        m_console.printLine(QStringLiteral("  %1: %2").arg(QLatin1String(names[i]), size));
    }
}

void TokenText::printClaims(const ClaimReport& report) const
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(report.evaluationTimeMSecs(), Qt::UTC);
    m_console.printLine();
    QString title = QStringLiteral("Claims (evaluated at %1").arg(at.toString(Qt::ISODate));
    if (report.leewaySeconds() > 0)
        title += QStringLiteral(", leeway %1 s").arg(report.leewaySeconds());
    m_console.printLine(title + QStringLiteral("):"));
    if (report.results().isEmpty()) {
        m_console.printLine(QStringLiteral("  (no registered claims)"));
        return;
    }
    for (const ClaimResult& r : report.results()) {
        QString line = QStringLiteral("  %1").arg(r.name);
        if (!r.rawValue.isEmpty())
            line += QStringLiteral(" = ") + shortened(r.rawValue);
        if (const std::optional<ClaimCatalog::Entry> entry = ClaimCatalog::claim(r.name))
            line += QStringLiteral("  (%1)").arg(entry->title);
        m_console.printLine(line);
        if (r.date && !r.utc.isEmpty()) {
            QString when = QStringLiteral("      %1").arg(r.utc);
            if (!r.local.isEmpty())
                when += QStringLiteral(", local %1").arg(r.local);
            if (!r.relative.isEmpty())
                when += QStringLiteral(", %1").arg(r.relative);
            m_console.printLine(when);
        }
        if (r.status != ClaimStatus::Info && !r.message.isEmpty())
            m_console.printLine(QStringLiteral("      %1: %2").arg(statusLabel(r.status), r.message));
        for (const QString& warning : r.warnings)
            m_console.printLine(QStringLiteral("      warning: %1").arg(warning));
    }
}

void TokenText::printDiagnostics(const QList<Error>& diagnostics) const
{
    if (diagnostics.isEmpty())
        return;
    m_console.printLine();
    m_console.printLine(QStringLiteral("Diagnostics:"));
    for (const Error& e : diagnostics)
        m_console.printLine(QStringLiteral("  %1").arg(describe(e)));
}

} // namespace assay::cli
