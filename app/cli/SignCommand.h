// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

namespace assay::cli {

/// `assay-cli sign --alg ALG (--key FILE | --secret TEXT | --secret-file FILE) [...] [PAYLOAD_JSON|-|@FILE]`:
/// prints a compact JWS and a line break.
///
/// The signed bytes are the JSON exactly as given, minified (whitespace outside strings removed; key order, number
/// spelling and escapes kept). The header is built as text:
/// 1. `"alg":"<ALG>"` then `"typ":"JWT"` (the default header of the issue and of jwt.io);
/// 2. `"kid":"<KID>"` when --kid is given;
/// 3. the members of --header in their order, except that an `alg` member must name --alg and is not repeated,
///    and a `typ` member replaces the default typ's value in place (so `--header '{"typ":"at+jwt"}'` gives
///    `{"alg":"RS256","typ":"at+jwt"}`). A `kid` member together with --kid is refused as ambiguous.
/// --iat, --nbf and --exp are appended to the payload object, in that order, after its last member; a payload that
/// already has one of them is refused rather than edited.
/// Exit status: 0 signed, 1 the core refused to sign (e.g. a weak key without --allow-weak-key), 2 usage error
/// (options, JSON that does not parse, unreadable or unsuitable key).
class SignCommand final : public Command
{
public:
    explicit SignCommand(const Console& console);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;
};

} // namespace assay::cli
