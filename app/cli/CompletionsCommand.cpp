// SPDX-License-Identifier: Apache-2.0
#include "CompletionsCommand.h"

#include "Console.h"
#include "ShellCompletions.h"

#include "TextOutput.h"
#include <QCommandLineParser>

namespace assay::cli {

CompletionsCommand::CompletionsCommand(const Console& console, std::function<QList<CommandInfo>()> commands,
                                       QList<HelpOption> globalOptions)
    : Command(console)
    , m_commands(std::move(commands))
    , m_globalOptions(std::move(globalOptions))
{
}

QString CompletionsCommand::name() const
{
    return QStringLiteral("completions");
}

QString CompletionsCommand::summary() const
{
    return QStringLiteral("Print a shell completion script (bash, zsh or fish).");
}

void CompletionsCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() + QStringLiteral("\nbash:  assay-cli completions bash > ~/.local/share/bash-completion/completions/"
                                   "assay-cli\nzsh:   assay-cli completions zsh > \"${fpath[1]}/_assay-cli\"\n"
                                   "fish:  assay-cli completions fish > ~/.config/fish/completions/assay-cli.fish\n"
                                   "The packages install all three.\nExit status: 0 printed, 2 usage error."));
    parser.addOption(QCommandLineOption(
        QStringLiteral("out"), QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE")));
    parser.addPositionalArgument(QStringLiteral("shell"), QStringLiteral("bash, zsh or fish."),
                                 QStringLiteral("bash|zsh|fish"));
}

ExitCode CompletionsCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    const QStringList shells = parser.positionalArguments();
    if (shells.size() != 1)
        return usageError(QStringLiteral("name one shell: bash, zsh or fish"));
    const QString& shell = shells.front();
    const QList<CommandInfo> commands = m_commands();
    QString script;
    if (shell == QLatin1String("bash"))
        script = bashCompletion(commands, m_globalOptions);
    else if (shell == QLatin1String("zsh"))
        script = zshCompletion(commands, m_globalOptions);
    else if (shell == QLatin1String("fish"))
        script = fishCompletion(commands, m_globalOptions);
    else
        return usageError(QStringLiteral("unknown shell \"%1\": use bash, zsh or fish").arg(shell));
    return writeTextOutput(m_console, script, parser.value(QStringLiteral("out")));
}

} // namespace assay::cli
