// SPDX-License-Identifier: Apache-2.0
#include "ManpageCommand.h"

#include "Console.h"
#include "ManPage.h"

#include "TextOutput.h"
#include <QCommandLineParser>

namespace assay::cli {

ManpageCommand::ManpageCommand(const Console& console, std::function<QList<CommandInfo>()> commands,
                               QList<HelpOption> globalOptions, QString description, QString footer)
    : Command(console)
    , m_commands(std::move(commands))
    , m_globalOptions(std::move(globalOptions))
    , m_description(std::move(description))
    , m_footer(std::move(footer))
{
}

QString ManpageCommand::name() const
{
    return QStringLiteral("manpage");
}

QString ManpageCommand::summary() const
{
    return QStringLiteral("Print this manual as a man page (roff), e.g. assay-cli manpage | man -l -");
}

void ManpageCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(summary() + QStringLiteral("\nExit status: 0 printed, 2 usage error."));
    parser.addOption(QCommandLineOption(
        QStringLiteral("out"), QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE")));
}

ExitCode ManpageCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("manpage takes no arguments"));
    return writeTextOutput(
        m_console, manPage(QStringLiteral(ASSAY_VERSION), m_description, m_commands(), m_globalOptions, m_footer),
        parser.value(QStringLiteral("out")));
}

} // namespace assay::cli
