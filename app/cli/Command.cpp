// SPDX-License-Identifier: Apache-2.0
#include "Command.h"

#include "jws/JwsAlgorithm.h"

#include "Console.h"
#include "InputReader.h"

#include <QCommandLineParser>

namespace assay::cli {

Command::Command(const Console& console)
    : m_console(console)
{
}

namespace {

// Our own help option: QCommandLineParser::addHelpOption() would also add --help-all (Qt's options), which a
// command-line tool over the core has no use for.
void addHelpOption(QCommandLineParser& parser)
{
    parser.addOption(
        QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")));
}

} // namespace

QString Command::help()
{
    QCommandLineParser parser;
    addHelpOption(parser);
    setUp(parser);
    return helpText(parser);
}

std::optional<ExitCode> Command::parse(QCommandLineParser& parser, const QStringList& arguments)
{
    addHelpOption(parser);
    setUp(parser);
    // Options may follow positional arguments (`verify TOKEN --key k.pem`); "--" ends the options.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!parser.parse(QStringList{QStringLiteral("assay-cli")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_console.print(helpText(parser));
        return ExitCode::Ok;
    }
    return std::nullopt;
}

ExitCode Command::usageError(const QString& message) const
{
    m_console.error(QStringLiteral("%1 (see \"assay-cli %2 --help\")").arg(message, path()));
    return ExitCode::Usage;
}

std::optional<ExitCode> Command::rejectRepeated(const QCommandLineParser& parser, const QStringList& options) const
{
    for (const QString& option : options) {
        if (parser.values(option).size() > 1)
            return usageError(QStringLiteral("--%1 given more than once").arg(option));
    }
    return std::nullopt;
}

std::expected<IntakeResult, ExitCode> Command::readToken(const QStringList& positional) const
{
    if (positional.size() > 1) {
        return std::unexpected(
            usageError(QStringLiteral("expected one token, got %1 arguments (quote the token, or use - or @FILE)")
                           .arg(positional.size())));
    }
    QString argument;
    if (positional.isEmpty()) {
        if (m_console.inputIsTerminal())
            return std::unexpected(
                usageError(QStringLiteral("no token given: pass TOKEN, - (standard input) or @FILE")));
        argument = QStringLiteral("-");
    } else {
        argument = positional.front();
    }

    const InputReader reader(m_console.input());
    Result<IntakeResult> intake = reader.readToken(argument);
    if (!intake) {
        const Error& e = intake.error();
        if (e.code == ErrorCode::InputTooLarge) {
            m_console.error(e.toString());
            return std::unexpected(ExitCode::Failure);
        }
        return std::unexpected(usageError(e.message));
    }
    for (const QString& stripped : std::as_const(intake->stripped))
        m_console.note(QStringLiteral("input: %1").arg(stripped));
    return std::move(*intake);
}

QString Command::helpText(const QCommandLineParser& parser) const
{
    // QCommandLineParser names the program as invoked (argv[0], maybe a full path); show the subcommand instead.
    QString text = parser.helpText();
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const QString firstLine = text.left(lineEnd);
    const qsizetype optionsAt = firstLine.indexOf(QLatin1String(" [options]"));
    if (firstLine.startsWith(QLatin1String("Usage: ")) && optionsAt > 0)
        text.replace(0, optionsAt, QStringLiteral("Usage: assay-cli ") + path());
    return text;
}

QString Command::algorithmList()
{
    QStringList names;
    for (JwsAlgorithm alg : supportedJwsAlgorithms())
        names.append(jwsAlgorithmName(alg));
    return names.join(QStringLiteral(", "));
}

} // namespace assay::cli
