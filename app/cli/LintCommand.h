// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

namespace assay::cli {

/// `assay-cli lint [TOKEN|-|@FILE] [--key FILE | --secret TEXT | --secret-file FILE] [--at TIME] [--json]
/// [--min-severity info|warning|error]`: every LINT item of ATTACKS.md on one token (audit/LintToken.h), each finding
/// with its code, severity, ATTACKS.md ids, reference and the header member, claim or key it points at. A key is
/// optional: with one, the lint also judges the key (short or publicly known HMAC secret, a secret that is really a
/// public key, weak RSA, ambiguous key sets). Nothing is verified and nothing is fetched.
/// Exit status: 0 no error finding, 1 at least one error finding (whatever --min-severity hides), 2 usage error.
class LintCommand final : public Command
{
public:
    explicit LintCommand(const Console& console);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;
};

} // namespace assay::cli
