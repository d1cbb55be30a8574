// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"
#include "ExitCode.h"
#include "HelpText.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace assay::cli {

class Console;

/// The assay-cli program: dispatches to a subcommand, answers --help and --version, and maps every outcome to an
/// exit status (ExitCode). Holds no global state, so it can run in-process against buffers.
class CliApp
{
public:
    explicit CliApp(const Console& console);
    ~CliApp();
    CliApp(const CliApp&) = delete;
    CliApp& operator=(const CliApp&) = delete;

    /// `arguments` as from QCoreApplication::arguments(): the program name first.
    [[nodiscard]] ExitCode run(const QStringList& arguments);

    /// "assay-cli 0.1.0", then the Qt and OpenSSL versions in use, one per line.
    [[nodiscard]] static QString versionText();

    /// Every command with its parsed --help, for the completion scripts and the man page.
    [[nodiscard]] QList<CommandInfo> commandInfos() const;

private:
    [[nodiscard]] QString helpText() const;
    [[nodiscard]] QString commandNames() const;
    [[nodiscard]] Command* find(const QString& name) const;

    const Console& m_console;
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace assay::cli
