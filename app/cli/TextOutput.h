// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ExitCode.h"

#include <QString>

namespace assay::cli {

class Console;

/// Prints `text`, or writes it to `path` (atomically) when one is given. A file that cannot be written is a usage
/// error, with the reason printed.
[[nodiscard]] ExitCode writeTextOutput(const Console& console, const QString& text, const QString& path);

} // namespace assay::cli
