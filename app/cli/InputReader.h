// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "token/TokenIntake.h"

#include <QByteArray>
#include <QString>

class QIODevice;

namespace assay::cli {

/// Reads a command-line input argument: `-` reads standard input, `@FILE` reads a file, anything else is the text
/// itself. Reading stops at a hard cap so a runaway pipe cannot exhaust memory (ATTACKS.md A24); the token parser
/// applies its own, smaller limit with its own error afterwards.
class InputReader
{
public:
    /// Nothing larger is read from a file or a pipe (tokens, payloads, key files).
    static constexpr qsizetype MaxInputBytes = 16 * 1024 * 1024;

    explicit InputReader(QIODevice& standardInput);

    /// The bytes the argument names: `-` is standard input, `@FILE` a file, an existing file's path that file, and
    /// anything else the text itself. Fails with ErrorCode::Io (unreadable file) or ErrorCode::InputTooLarge.
    [[nodiscard]] Result<QByteArray> read(const QString& argument) const;

    /// A token as pasted: read() and then cleanPastedToken(), whose notes say what was stripped. Input that is not
    /// valid UTF-8 is passed on unchanged (cleaning it would replace the bad bytes), with a note saying so.
    [[nodiscard]] Result<IntakeResult> readToken(const QString& argument) const;

    /// A whole file, refusing files larger than MaxInputBytes.
    [[nodiscard]] static Result<QByteArray> readFile(const QString& path);

    /// True when a plain argument (no `@`, not `-`) names an existing regular file.
    [[nodiscard]] static bool isFilePath(const QString& argument);

private:
    [[nodiscard]] Result<QByteArray> readStandardInput() const;

    QIODevice& m_stdin;
};

} // namespace assay::cli
