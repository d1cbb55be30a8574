// SPDX-License-Identifier: Apache-2.0
#include "KeyCommand.h"

#include "Console.h"
#include "KeyConvertCommand.h"
#include "KeyInspectCommand.h"
#include "KeyThumbprintCommand.h"

#include <QCommandLineParser>

namespace assay::cli {

KeyCommand::KeyCommand(const Console& console)
    : Command(console)
{
    m_subcommands.push_back(std::make_unique<KeyInspectCommand>(console));
    m_subcommands.push_back(std::make_unique<KeyConvertCommand>(console));
    m_subcommands.push_back(std::make_unique<KeyThumbprintCommand>(console));
}

KeyCommand::~KeyCommand() = default;

QList<Command*> KeyCommand::subcommands() const
{
    QList<Command*> out;
    for (const std::unique_ptr<Command>& sub : m_subcommands)
        out.append(sub.get());
    return out;
}

QString KeyCommand::name() const
{
    return QStringLiteral("key");
}

QString KeyCommand::summary() const
{
    return QStringLiteral("Inspect, convert and fingerprint keys (inspect, convert, thumbprint).");
}

QString KeyCommand::subcommandList() const
{
    QString text;
    for (const std::unique_ptr<Command>& sub : m_subcommands) {
        text += QStringLiteral("  %1  %2\n").arg(sub->name().leftJustified(10), sub->summary());
    }
    return text;
}

void KeyCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() + QStringLiteral("\n\nSubcommands:\n") + subcommandList() +
        QStringLiteral("\n\"assay-cli key <subcommand> --help\" shows a subcommand's options."));
    parser.addPositionalArgument(QStringLiteral("subcommand"), QStringLiteral("inspect, convert or thumbprint."),
                                 QStringLiteral("<subcommand> [options]"));
}

ExitCode KeyCommand::run(const QStringList& arguments)
{
    if (arguments.isEmpty())
        return usageError(QStringLiteral("no subcommand given: use inspect, convert or thumbprint"));
    const QString& first = arguments.front();
    if (first == QLatin1String("-h") || first == QLatin1String("--help") || first == QLatin1String("help")) {
        if (first == QLatin1String("help") && arguments.size() > 1) {
            for (const std::unique_ptr<Command>& sub : m_subcommands) {
                if (sub->name() == arguments.at(1)) {
                    m_console.print(sub->help());
                    return ExitCode::Ok;
                }
            }
            return usageError(QStringLiteral("unknown subcommand \"%1\"").arg(arguments.at(1)));
        }
        m_console.print(help());
        return ExitCode::Ok;
    }
    for (const std::unique_ptr<Command>& sub : m_subcommands) {
        if (sub->name() == first)
            return sub->run(arguments.mid(1));
    }
    return usageError(QStringLiteral("unknown subcommand \"%1\": use inspect, convert or thumbprint").arg(first));
}

} // namespace assay::cli
