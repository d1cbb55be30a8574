// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ExitCode.h"

#include "crypto/SecureBytes.h"
#include "jwk/KeySet.h"

#include <QByteArray>
#include <QString>

#include <expected>
#include <optional>

namespace assay::cli {

class Console;

/// Key material as the key subcommands read it: KEY is a file path, @FILE, - (standard input) or the key text itself
/// (a JWK or PEM pasted as an argument). Every failure is printed here; the caller only returns the exit code.
class KeyInput
{
public:
    explicit KeyInput(const Console& console);

    /// The bytes KEY names. An argument that is neither a file nor key-looking text is a usage error (a mistyped
    /// path must not be parsed as a key). Unreadable file: ExitCode::Usage; input too large: ExitCode::Failure.
    /// `command` names the subcommand in messages ("key inspect").
    [[nodiscard]] std::expected<QByteArray, ExitCode> read(const QString& argument, const QString& command) const;

    /// The passphrase in FILE (one trailing line break removed, with a note), or a usage error.
    [[nodiscard]] std::expected<SecureBytes, ExitCode> readPassphrase(const QString& path, const QString& option,
                                                                      const QString& command) const;

    /// loadKeys() with the CLI's messages: a missing or wrong passphrase is ExitCode::Usage (with a hint), any other
    /// refusal ExitCode::Failure; skipped keys and set problems become notes. `what` names the input in messages.
    [[nodiscard]] std::expected<KeySet, ExitCode> load(const QByteArray& bytes, const SecureBytes* passphrase,
                                                       const QString& what) const;

private:
    const Console& m_console;
};

} // namespace assay::cli
