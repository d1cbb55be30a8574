// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

namespace assay::cli {

/// `assay-cli key convert KEY --to FORMAT [--encrypt] [--passphrase-file F] [--kid K|--kid-thumbprint] [--alg A]
/// [--use U] [--out FILE]`: one key in another structure and encoding (SPKI, PKCS#1, PKCS#8, encrypted PKCS#8, SEC 1,
/// as PEM or DER; JWK; JWKS). DER is written to --out FILE only, never to a terminal.
/// Exit status: 0 converted, 1 the key does not load or cannot take that form (PKCS#1 of an EC key, ...), 2 usage
/// error.
class KeyConvertCommand final : public Command
{
public:
    explicit KeyConvertCommand(const Console& console);

    [[nodiscard]] QString name() const override; // "convert"; path() is "key convert"
    [[nodiscard]] QString path() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;
};

} // namespace assay::cli
