// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

namespace assay::cli {

/// `assay-cli keygen --type oct|RSA|EC|OKP [--bits N] [--curve C] [--format ...] --out FILE|- [--public-out FILE]
/// [--passphrase-file F] [--kid K|--kid-thumbprint] [--alg A] [--use sig|enc] [--json]`: a fresh key from OpenSSL's
/// CSPRNG. The private key goes only where --out says (a file created with mode 0600, or "-" for standard output);
/// the public key goes to --public-out or, when the private key went to a file, to standard output.
/// Exit status: 0 generated and written, 1 generation failed, 2 usage error (including unwritable files).
class KeygenCommand final : public Command
{
public:
    explicit KeygenCommand(const Console& console);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;
};

} // namespace assay::cli
