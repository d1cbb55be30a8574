// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

namespace assay::cli {

/// `assay-cli jwks KEY... [--private] [--select-kid KID] [--out FILE]`: builds a JWK Set (RFC 7517 section 5) from key
/// files of any format, public members only unless --private; keys without a kid get their RFC 7638 thumbprint.
/// With --select-kid, prints the one key with that kid instead.
/// Exit status: 0 written, 1 a key did not load, duplicate kids, or no / several keys with the selected kid, 2 usage
/// error.
class JwksCommand final : public Command
{
public:
    explicit JwksCommand(const Console& console);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;
};

} // namespace assay::cli
