// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

namespace assay::cli {

/// `assay-cli verify [TOKEN|-|@FILE] (--key FILE | --secret TEXT | --secret-file FILE) [...]`: checks the signature
/// with the user's key and the claims against the given expectations at --now (default: the current time).
/// Exit status: 0 only when the signature is VALID and every claim check passes, 1 for any other outcome (each reason
/// on stderr, or in the --json object), 2 for usage errors (including unreadable or unusable key files).
class VerifyCommand final : public Command
{
public:
    explicit VerifyCommand(const Console& console);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;
};

} // namespace assay::cli
