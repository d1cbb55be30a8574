// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ExitCode.h"

#include <QByteArrayView>
#include <QString>

namespace assay::cli {

class Console;

/// Where the key subcommands write keys: a file (created or truncated with mode 0600, owner read/write only, because
/// it may hold a private key) or, for "-", standard output.
class KeyOutput
{
public:
    explicit KeyOutput(const Console& console);

    /// Writes `bytes` to `path` ("-" = standard output). On failure prints the error and returns ExitCode::Usage
    /// (the path given on the command line cannot be written).
    [[nodiscard]] ExitCode write(const QString& path, QByteArrayView bytes, const QString& option) const;

    /// Text output gets a final line break when it has none (PEM has one; JWK JSON does not).
    [[nodiscard]] static bool needsLineBreak(QByteArrayView bytes);

private:
    const Console& m_console;
};

} // namespace assay::cli
