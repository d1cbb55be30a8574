// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

namespace assay::cli {

/// `assay-cli key inspect KEY|-|@FILE [--passphrase-file F] [--at TIME] [--show-secret] [--json]`: everything about a
/// key, a JWK Set or a PEM bundle (type, size, thumbprints, certificates and their chain, findings with stable codes).
/// A key that does not load is explained, not just refused.
/// Exit status: 0 no error finding (warnings allowed), 1 a key did not load or has an error finding, 2 usage error
/// (including a missing or wrong passphrase).
class KeyInspectCommand final : public Command
{
public:
    explicit KeyInspectCommand(const Console& console);

    [[nodiscard]] QString name() const override; // "inspect"; path() is "key inspect"
    [[nodiscard]] QString path() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;
};

} // namespace assay::cli
