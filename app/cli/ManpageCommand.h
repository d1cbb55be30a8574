// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"
#include "HelpText.h"

#include <functional>

namespace assay::cli {

/// `assay-cli manpage`: prints assay-cli(1) in roff, generated from the commands' --help texts. The build runs it to
/// make the page the packages install.
class ManpageCommand final : public Command
{
public:
    ManpageCommand(const Console& console, std::function<QList<CommandInfo>()> commands,
                   QList<HelpOption> globalOptions, QString description, QString footer);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;

private:
    std::function<QList<CommandInfo>()> m_commands;
    QList<HelpOption> m_globalOptions;
    QString m_description;
    QString m_footer;
};

} // namespace assay::cli
