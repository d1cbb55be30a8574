// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

namespace assay::cli {

/// `assay-cli key thumbprint KEY [--hash sha256|sha384|sha512] [--uri] [--json]`: the RFC 7638 thumbprint of each key
/// in KEY, one per line, or the RFC 9278 thumbprint URI with --uri.
/// Exit status: 0 printed, 1 a key did not load, 2 usage error.
class KeyThumbprintCommand final : public Command
{
public:
    explicit KeyThumbprintCommand(const Console& console);

    [[nodiscard]] QString name() const override; // "thumbprint"; path() is "key thumbprint"
    [[nodiscard]] QString path() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;
};

} // namespace assay::cli
