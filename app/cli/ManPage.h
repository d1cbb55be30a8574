// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "HelpText.h"

namespace assay::cli {

/// The assay-cli(1) manual page in roff (man(7) macros), generated from the same help texts the commands print, so
/// the page installed with the package never drifts from the program.
[[nodiscard]] QString manPage(const QString& version, const QString& description, const QList<CommandInfo>& commands,
                              const QList<HelpOption>& globalOptions, const QString& footer);

} // namespace assay::cli
