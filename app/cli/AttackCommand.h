// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

namespace assay::cli {

/// `assay-cli attack [TOKEN|-|@FILE] --variant NAME|all [--public-key FILE] [--url URL] [--attacker-key FILE]
/// [--json]`: prints attack variants of a token for authorized testing of other verifiers (audit/AttackVariants.h):
/// alg-none, empty-signature, hmac-public-key, embedded-jwk, jku, x5u, kid-injection, psychic-signature, b64-flip.
/// The original token is not changed; each variant is a new token, labelled, with what to host where one is needed.
/// Assay's own verifier rejects every one of them. Exit status: 0 printed, 1 the variant does not apply to this token,
/// 2 usage error.
class AttackCommand final : public Command
{
public:
    explicit AttackCommand(const Console& console);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;
};

} // namespace assay::cli
