// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"
#include "HelpText.h"

#include <functional>

namespace assay::cli {

/// `assay-cli completions bash|zsh|fish`: prints a completion script generated from the commands' --help texts.
class CompletionsCommand final : public Command
{
public:
    /// `commands` gives every command of the tool (with this one), `globalOptions` the tool's own options.
    CompletionsCommand(const Console& console, std::function<QList<CommandInfo>()> commands,
                       QList<HelpOption> globalOptions);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;

private:
    std::function<QList<CommandInfo>()> m_commands;
    QList<HelpOption> m_globalOptions;
};

} // namespace assay::cli
