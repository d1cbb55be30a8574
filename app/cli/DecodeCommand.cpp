// SPDX-License-Identifier: Apache-2.0
#include "DecodeCommand.h"

#include "Console.h"
#include "TokenJson.h"
#include "TokenText.h"

#include "claims/ClaimValidator.h"
#include "encoding/JsonWriter.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace assay::cli {

DecodeCommand::DecodeCommand(const Console& console)
    : Command(console)
{
}

QString DecodeCommand::name() const
{
    return QStringLiteral("decode");
}

QString DecodeCommand::summary() const
{
    return QStringLiteral("Show a token's header, payload and claims without checking its signature.");
}

void DecodeCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() +
        QStringLiteral(
            "\nPasted extras (Bearer prefix, quotes, line breaks, Authorization: or URL wrappers) are removed "
            "and reported on stderr.\nExit status: 0 decoded, 1 malformed, 2 usage error."));
    parser.addOption(
        QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print one JSON object instead of text.")));
    parser.addPositionalArgument(QStringLiteral("token"),
                                 QStringLiteral("The token, - for standard input, or @FILE. Default: standard input."),
                                 QStringLiteral("[TOKEN|-|@FILE]"));
}

ExitCode DecodeCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    const bool json = parser.isSet(QStringLiteral("json"));

    std::expected<IntakeResult, ExitCode> intake = readToken(parser.positionalArguments());
    if (!intake)
        return intake.error();

    Result<ParsedToken> parsed = parseToken(intake->token);
    if (!parsed) {
        const Error& e = parsed.error();
        if (json) {
            JsonWriter out;
            out.beginObject();
            out.member(u"command", name());
            out.member(u"verdict", verdictName(Verdict::Malformed));
            out.member(u"reason", e.toString());
            out.key(u"error");
            TokenJson::writeError(out, e);
            out.key(u"diagnostics");
            TokenJson::writeErrors(out, {e});
            out.key(u"notes").stringList(intake->stripped);
            out.endObject();
            m_console.write(out.text());
            m_console.printLine();
        }
        m_console.error(QStringLiteral("MALFORMED: %1").arg(TokenText::describe(e)));
        return ExitCode::Failure;
    }
    const ParsedToken& token = *parsed;

    // No key: the verifier still applies every structural rule and says UNVERIFIED, UNSIGNED or MALFORMED.
    JwsVerification verdict = verifyJws(token, KeySet{});
    if (token.form == TokenForm::CompactJwe) {
        if (const std::optional<Error> problem = TokenText::jweProblem(token)) {
            verdict.verdict = Verdict::Malformed;
            verdict.reason = problem->toString();
            verdict.error = problem;
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::optional<ClaimReport> claims;
    if (token.isJws() && token.payloadJson && token.payloadJson->isObject()) {
        Result<ClaimReport> report = ClaimValidator().validate(*token.payloadJson, now, token.header());
        if (report)
            claims = std::move(*report);
    }

    if (json) {
        JsonWriter out;
        out.beginObject();
        out.member(u"command", name());
        TokenJson::writeTokenMembers(out, token);
        out.member(u"verdict", verdictName(verdict.verdict));
        out.member(u"reason", verdict.reason);
        out.key(u"verification");
        TokenJson::writeVerification(out, verdict);
        out.key(u"claims");
        if (claims)
            TokenJson::writeClaims(out, *claims);
        else
            out.null();
        out.key(u"notes").stringList(intake->stripped);
        out.endObject();
        m_console.write(out.text());
        m_console.printLine();
    } else {
        const TokenText text(m_console);
        text.printSummary(token);
        m_console.printLine(QStringLiteral("Verdict:    %1: %2").arg(verdictName(verdict.verdict), verdict.reason));
        for (const QString& note : verdict.notes)
            m_console.printLine(QStringLiteral("Note:       %1").arg(note));
        text.printHeaders(token);
        if (token.form == TokenForm::CompactJwe) {
            text.printJweParts(token);
        } else {
            text.printPayload(token);
            if (claims)
                text.printClaims(*claims);
            if (!token.signatures.isEmpty()) {
                m_console.printLine();
                for (qsizetype i = 0; i < token.signatures.size(); ++i) {
                    const DecodedSegment& signature = token.signatures[i].signature;
                    const QString label = token.signatures.size() > 1 ? QStringLiteral("Signature %1:").arg(i + 1)
                                                                      : QStringLiteral("Signature:");
                    if (signature.error) {
                        m_console.printLine(QStringLiteral("%1 %2 (not valid base64url)")
                                                .arg(label, QString::fromLatin1(signature.raw)));
                    } else if (signature.raw.isEmpty()) {
                        m_console.printLine(QStringLiteral("%1 (empty)").arg(label));
                    } else {
                        m_console.printLine(QStringLiteral("%1 %2 (%3 bytes)")
                                                .arg(label, QString::fromLatin1(signature.raw))
                                                .arg(signature.bytes.size()));
                    }
                }
            }
        }
        text.printDiagnostics(token.diagnostics);
    }

    if (verdict.verdict == Verdict::Malformed) {
        m_console.error(
            QStringLiteral("MALFORMED: %1").arg(verdict.error ? TokenText::describe(*verdict.error) : verdict.reason));
        return ExitCode::Failure;
    }
    return ExitCode::Ok;
}

} // namespace assay::cli
