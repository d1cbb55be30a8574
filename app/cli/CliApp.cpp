// SPDX-License-Identifier: Apache-2.0
#include "CliApp.h"

#include "AttackCommand.h"
#include "CompletionsCommand.h"
#include "Console.h"
#include "CrackCommand.h"
#include "DecodeCommand.h"
#include "FetchJwksCommand.h"
#include "JwksCommand.h"
#include "KeyCommand.h"
#include "KeygenCommand.h"
#include "LintCommand.h"
#include "ManpageCommand.h"
#include "SignCommand.h"
#include "VerifyCommand.h"

#include "crypto/BuildInfo.h"

#include <QtGlobal>

namespace assay::cli {
namespace {

const QString kDescription =
    QStringLiteral("Assay: an offline workbench for JSON Web Tokens and JOSE (JWS, JWE, JWK).");
const QString kExitStatus =
    QStringLiteral("0 success, 1 the check failed (malformed, invalid signature, failed claim, key or fetch failure), "
                   "2 usage error.");

// The tool's own options, as its help lists them.
QList<HelpOption> globalOptions()
{
    return {{{QStringLiteral("-h"), QStringLiteral("--help")},
             {},
             QStringLiteral("Show this help; \"assay-cli <command> --help\" shows a command's options.")},
            {{QStringLiteral("-v"), QStringLiteral("--version")},
             {},
             QStringLiteral("Show the versions of Assay, Qt and OpenSSL.")}};
}

CommandInfo infoOf(Command& command, const QString& parentPath)
{
    CommandInfo info;
    info.name = command.name();
    info.path = parentPath.isEmpty() ? info.name : parentPath + QLatin1Char(' ') + info.name;
    info.summary = command.summary();
    info.help = HelpText::parse(command.help());
    for (Command* sub : command.subcommands())
        info.subcommands.append(infoOf(*sub, info.path));
    return info;
}

} // namespace

CliApp::CliApp(const Console& console)
    : m_console(console)
{
    m_commands.push_back(std::make_unique<DecodeCommand>(console));
    m_commands.push_back(std::make_unique<VerifyCommand>(console));
    m_commands.push_back(std::make_unique<SignCommand>(console));
    m_commands.push_back(std::make_unique<KeygenCommand>(console));
    m_commands.push_back(std::make_unique<KeyCommand>(console));
    m_commands.push_back(std::make_unique<JwksCommand>(console));
    m_commands.push_back(std::make_unique<CrackCommand>(console));
    m_commands.push_back(std::make_unique<FetchJwksCommand>(console));
    m_commands.push_back(std::make_unique<LintCommand>(console));
    m_commands.push_back(std::make_unique<AttackCommand>(console));
    auto infos = [this] {
        return commandInfos();
    };
    m_commands.push_back(std::make_unique<CompletionsCommand>(console, infos, globalOptions()));
    m_commands.push_back(std::make_unique<ManpageCommand>(console, infos, globalOptions(), kDescription, kExitStatus));
}

CliApp::~CliApp() = default;

QString CliApp::versionText()
{
    return QStringLiteral("assay-cli %1\nQt %2\n%3\n")
        .arg(QStringLiteral(ASSAY_VERSION), QString::fromLatin1(qVersion()), opensslVersion());
}

QList<CommandInfo> CliApp::commandInfos() const
{
    QList<CommandInfo> infos;
    for (const std::unique_ptr<Command>& command : m_commands)
        infos.append(infoOf(*command, {}));
    return infos;
}

QString CliApp::commandNames() const
{
    QStringList names;
    for (const std::unique_ptr<Command>& command : m_commands)
        names.append(command->name());
    return names.join(QLatin1String(", "));
}

QString CliApp::helpText() const
{
    QString text =
        QStringLiteral("Usage: assay-cli <command> [options] [arguments]\n\n%1\n\nCommands:\n").arg(kDescription);
    qsizetype width = 0;
    for (const std::unique_ptr<Command>& command : m_commands)
        width = qMax(width, command->name().size());
    for (const std::unique_ptr<Command>& command : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(command->name().leftJustified(width), command->summary());
    text += QStringLiteral("\nOptions:\n");
    for (const HelpOption& option : globalOptions())
        text += QStringLiteral("  %1  %2\n")
                    .arg(option.names.join(QLatin1String(", ")).leftJustified(13), option.description);
    text += QStringLiteral("\nA token may be given as text, as - (standard input) or as @FILE.\nExit status: %1\n")
                .arg(kExitStatus);
    return text;
}

Command* CliApp::find(const QString& name) const
{
    for (const std::unique_ptr<Command>& command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

ExitCode CliApp::run(const QStringList& arguments)
{
    const QStringList words = arguments.mid(1);
    if (words.isEmpty()) {
        m_console.printError(helpText());
        m_console.error(QStringLiteral("no command given"));
        return ExitCode::Usage;
    }

    const QString& first = words.front();
    if (first == QLatin1String("-h") || first == QLatin1String("--help") || first == QLatin1String("help")) {
        if (words.size() > 1 && first == QLatin1String("help")) {
            Command* command = find(words.at(1));
            if (!command) {
                m_console.error(
                    QStringLiteral("unknown command \"%1\" (commands: %2)").arg(words.at(1), commandNames()));
                return ExitCode::Usage;
            }
            m_console.print(command->help());
            return ExitCode::Ok;
        }
        m_console.print(helpText());
        return ExitCode::Ok;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        m_console.print(versionText());
        return ExitCode::Ok;
    }
    if (first.startsWith(QLatin1Char('-'))) {
        m_console.error(
            QStringLiteral("unknown option \"%1\"; a command comes first (see \"assay-cli --help\")").arg(first));
        return ExitCode::Usage;
    }

    Command* command = find(first);
    if (!command) {
        m_console.error(QStringLiteral("unknown command \"%1\"; the commands are %2 (see \"assay-cli --help\")")
                            .arg(first, commandNames()));
        return ExitCode::Usage;
    }
    return command->run(words.mid(1));
}

} // namespace assay::cli
