// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

#include <memory>
#include <vector>

namespace assay::cli {

/// `assay-cli key inspect|convert|thumbprint ...`: dispatches to one Command per subcommand (KeyInspectCommand,
/// KeyConvertCommand, KeyThumbprintCommand), each with its own options and --help.
class KeyCommand final : public Command
{
public:
    explicit KeyCommand(const Console& console);
    ~KeyCommand() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;
    [[nodiscard]] QList<Command*> subcommands() const override;

protected:
    void setUp(QCommandLineParser& parser) const override;

private:
    [[nodiscard]] QString subcommandList() const;

    std::vector<std::unique_ptr<Command>> m_subcommands;
};

} // namespace assay::cli
