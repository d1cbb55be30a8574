// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

namespace assay::cli {

/// `assay-cli decode [TOKEN|-|@FILE] [--json]`: shows a token without checking its signature.
/// Exit status: 0 when it decoded (the signature is then UNVERIFIED or UNSIGNED), 1 when MALFORMED, 2 for usage.
class DecodeCommand final : public Command
{
public:
    explicit DecodeCommand(const Console& console);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;
};

} // namespace assay::cli
