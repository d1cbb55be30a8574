// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "HelpText.h"

namespace assay::cli {

/// Completion scripts for assay-cli, generated from the commands' own --help texts: command and subcommand names,
/// every option, file names for options that take a FILE or DIR and for positional arguments.
[[nodiscard]] QString bashCompletion(const QList<CommandInfo>& commands, const QList<HelpOption>& globalOptions);
[[nodiscard]] QString zshCompletion(const QList<CommandInfo>& commands, const QList<HelpOption>& globalOptions);
[[nodiscard]] QString fishCompletion(const QList<CommandInfo>& commands, const QList<HelpOption>& globalOptions);

} // namespace assay::cli
