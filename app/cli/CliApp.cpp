// SPDX-License-Identifier: Apache-2.0
#include "CliApp.h"

#include "Console.h"
#include "CrackCommand.h"
#include "DecodeCommand.h"
#include "FetchJwksCommand.h"
#include "SignCommand.h"
#include "VerifyCommand.h"

#include "crypto/BuildInfo.h"

#include <QtGlobal>

namespace assay::cli {

CliApp::CliApp(const Console& console)
    : m_console(console)
{
    m_commands.push_back(std::make_unique<DecodeCommand>(console));
    m_commands.push_back(std::make_unique<VerifyCommand>(console));
    m_commands.push_back(std::make_unique<SignCommand>(console));
    m_commands.push_back(std::make_unique<CrackCommand>(console));
    m_commands.push_back(std::make_unique<FetchJwksCommand>(console));
}

CliApp::~CliApp() = default;

QString CliApp::versionText()
{
    return QStringLiteral("assay-cli %1\nQt %2\n%3\n")
        .arg(QStringLiteral(ASSAY_VERSION), QString::fromLatin1(qVersion()), opensslVersion());
}

QString CliApp::helpText() const
{
    QString text = QStringLiteral("Usage: assay-cli <command> [options] [arguments]\n\n"
                                  "Assay: an offline workbench for JSON Web Tokens (JWS/JWT).\n\n"
                                  "Commands:\n");
    for (const std::unique_ptr<Command>& command : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(command->name().leftJustified(8), command->summary());
    text +=
        QStringLiteral("\nOptions:\n"
                       "  -h, --help     Show this help; \"assay-cli <command> --help\" shows a command's options.\n"
                       "  -v, --version  Show the versions of Assay, Qt and OpenSSL.\n\n"
                       "A token may be given as text, as - (standard input) or as @FILE.\n"
                       "Exit status: 0 success, 1 the token failed (malformed, invalid signature, failed claim), "
                       "2 usage error.\n");
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
                    QStringLiteral("unknown command \"%1\" (commands: decode, verify, sign)").arg(words.at(1)));
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
        m_console.error(
            QStringLiteral("unknown command \"%1\"; use decode, verify or sign (see \"assay-cli --help\")").arg(first));
        return ExitCode::Usage;
    }
    return command->run(words.mid(1));
}

} // namespace assay::cli
