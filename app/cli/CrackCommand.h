// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

namespace assay::cli {

/// `assay-cli crack [TOKEN|-|@FILE] [--wordlist FILE]... [--builtin] [--rules] [--mask MASK [--charset1..4 CHARS]
/// [--increment]] [--threads N] [--hashcat] [--json]`: the weak-secret checker (audit/SecretCracker) on an HS256,
/// HS384 or HS512 token, on every core, with progress on stderr when it is a terminal.
/// Exit status: 0 the secret was found (it is printed, with a warning to replace it), 1 not found, 2 usage or input
/// error (including a token that is not HS*, or a wordlist that cannot be read). `--hashcat` prints the token in
/// hashcat's mode 16500 format instead and exits 0.
class CrackCommand final : public Command
{
public:
    explicit CrackCommand(const Console& console);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;
};

} // namespace assay::cli
