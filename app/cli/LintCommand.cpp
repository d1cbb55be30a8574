// SPDX-License-Identifier: Apache-2.0
#include "LintCommand.h"

#include "Console.h"
#include "KeyArguments.h"
#include "TimeArgument.h"

#include "audit/LintReportFormat.h"
#include "audit/LintToken.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace assay::cli {

namespace {

const QString kAt = QStringLiteral("at");
const QString kJson = QStringLiteral("json");
const QString kMinSeverity = QStringLiteral("min-severity");
const QString kMaxLifetime = QStringLiteral("max-lifetime");
const QString kNoKnownSecrets = QStringLiteral("no-known-secrets");

bool keyGiven(const QCommandLineParser& parser)
{
    return parser.isSet(QStringLiteral("key")) || parser.isSet(QStringLiteral("secret")) ||
           parser.isSet(QStringLiteral("secret-file"));
}

} // namespace

LintCommand::LintCommand(const Console& console)
    : Command(console)
{
}

QString LintCommand::name() const
{
    return QStringLiteral("lint");
}

QString LintCommand::summary() const
{
    return QStringLiteral("List a token's security findings (ATTACKS.md lints), with or without your key.");
}

void LintCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() +
        QStringLiteral("\nEach finding: severity, stable code, ATTACKS.md ids, what it points at, a one-line "
                       "explanation and the RFC or CVE. A key is optional; with one, the key is judged too (short or "
                       "publicly known HMAC secret, a secret that is really a public key, weak RSA, ambiguous key "
                       "sets). Nothing is verified and nothing is fetched."
                       "\nTIME: NumericDate (1300819380), ISO 8601 (2011-03-22T18:43:00Z) or a signed duration from "
                       "now (+15m, -2h)."
                       "\nExit status: 0 no error finding, 1 at least one error finding, 2 usage error."));
    KeyArguments::addOptions(parser);
    parser.addOption(QCommandLineOption(
        kAt,
        QStringLiteral("Judge the time claims at TIME instead of now (expired, not yet valid, issued in the "
                       "future)."),
        QStringLiteral("TIME")));
    parser.addOption(QCommandLineOption(kMinSeverity,
                                        QStringLiteral("Show only findings of at least this severity: info (default), "
                                                       "warning or error. The exit status still counts every error."),
                                        QStringLiteral("SEVERITY")));
    parser.addOption(QCommandLineOption(
        kMaxLifetime, QStringLiteral("Lifetimes above this are reported (default 24h): seconds or 90s, 5m, 1h, 7d."),
        QStringLiteral("DURATION")));
    parser.addOption(QCommandLineOption(
        kNoKnownSecrets,
        QStringLiteral("Do not try the built-in list of publicly known HMAC secrets against the signature.")));
    parser.addOption(QCommandLineOption(kJson, QStringLiteral("Print one JSON object instead of text.")));
    parser.addPositionalArgument(QStringLiteral("token"),
                                 QStringLiteral("The token, - for standard input, or @FILE. Default: standard input."),
                                 QStringLiteral("[TOKEN|-|@FILE]"));
}

ExitCode LintCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    if (const std::optional<ExitCode> repeated =
            rejectRepeated(parser, {kAt, kMinSeverity, kMaxLifetime, QStringLiteral("secret-encoding"),
                                    QStringLiteral("passphrase-file")}))
        return *repeated;
    const bool json = parser.isSet(kJson);

    LintSeverity minimum = LintSeverity::Info;
    if (parser.isSet(kMinSeverity)) {
        const std::optional<LintSeverity> parsed = lintSeverityFromName(parser.value(kMinSeverity).toLower());
        if (!parsed) {
            return usageError(QStringLiteral("unknown --min-severity \"%1\": use info, warning or error")
                                  .arg(parser.value(kMinSeverity)));
        }
        minimum = *parsed;
    }

    LintContext context;
    context.tryKnownSecrets = !parser.isSet(kNoKnownSecrets);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    context.evaluationTimeMSecs = now;
    if (parser.isSet(kAt)) {
        Result<qint64> at = TimeArgument::parseInstant(parser.value(kAt), now);
        if (!at)
            return usageError(QStringLiteral("--at: %1").arg(at.error().message));
        context.evaluationTimeMSecs = *at;
    }
    if (parser.isSet(kMaxLifetime)) {
        Result<qint64> lifetime = TimeArgument::parseDuration(parser.value(kMaxLifetime));
        if (!lifetime)
            return usageError(QStringLiteral("--max-lifetime: %1").arg(lifetime.error().message));
        context.maxLifetimeSeconds = *lifetime;
    }

    if (parser.positionalArguments().size() > 1)
        return usageError(
            QStringLiteral("expected one token, got %1 arguments").arg(parser.positionalArguments().size()));

    if (keyGiven(parser)) {
        Result<KeySet> keys = KeyArguments::load(parser, m_console);
        if (!keys)
            return usageError(keys.error().message);
        context.keys = std::move(*keys);
    } else if (parser.isSet(QStringLiteral("secret-encoding")) || parser.isSet(QStringLiteral("passphrase-file"))) {
        return usageError(QStringLiteral("--secret-encoding and --passphrase-file need --key, --secret or "
                                         "--secret-file"));
    }

    std::expected<IntakeResult, ExitCode> intake = readToken(parser.positionalArguments());
    if (!intake)
        return intake.error();

    const LintReport report = lintTokenText(intake->token, context);
    const bool ok = !report.hasErrors();

    if (json) {
        m_console.write(lintReportJson(report, minimum, intake->stripped));
        m_console.printLine();
        return ok ? ExitCode::Ok : ExitCode::Failure;
    }
    m_console.printLine(lintReportText(report, minimum));
    return ok ? ExitCode::Ok : ExitCode::Failure;
}

} // namespace assay::cli
