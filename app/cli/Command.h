// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ExitCode.h"

#include "token/TokenIntake.h"

#include <expected>

#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace assay::cli {

class Console;

/// One subcommand of assay-cli (decode, verify, sign). Each builds its own QCommandLineParser.
class Command
{
public:
    virtual ~Command() = default;
    Command(const Command&) = delete;
    Command& operator=(const Command&) = delete;

    /// "decode", "verify", "sign".
    [[nodiscard]] virtual QString name() const = 0;
    /// One line for the tool's own --help.
    [[nodiscard]] virtual QString summary() const = 0;
    /// `arguments` are the words after the subcommand's name.
    [[nodiscard]] virtual ExitCode run(const QStringList& arguments) = 0;
    /// The subcommand's --help text.
    [[nodiscard]] QString help();
    /// Its own subcommands ("key" has inspect, convert, thumbprint), for completions and the man page.
    [[nodiscard]] virtual QList<Command*> subcommands() const { return {}; }
    /// The words after "assay-cli" that run this command: name() itself, or "key inspect" for a subcommand. The
    /// usage line of --help and the hint of a usage error name it.
    [[nodiscard]] virtual QString path() const { return name(); }

protected:
    explicit Command(const Console& console);

    /// Declares the options and positional arguments.
    virtual void setUp(QCommandLineParser& parser) const = 0;

    /// Parses `arguments` with a parser set up by setUp(). Returns an exit code when the command is finished
    /// (--help printed: Ok; unknown option or missing value: Usage, with the error printed), nullopt to go on.
    [[nodiscard]] std::optional<ExitCode> parse(QCommandLineParser& parser, const QStringList& arguments);

    /// "HS256, HS384, ...": every algorithm name this build signs and verifies, for help texts and errors.
    [[nodiscard]] static QString algorithmList();

    /// Prints "error: <message>" plus where to find help, and returns ExitCode::Usage.
    ExitCode usageError(const QString& message) const;

    /// A usage error (printed, ExitCode::Usage) when one of these value options was given more than once.
    [[nodiscard]] std::optional<ExitCode> rejectRepeated(const QCommandLineParser& parser,
                                                         const QStringList& options) const;

    /// Reads the token named by the positional arguments (TOKEN | - | @FILE; standard input when there is none
    /// and it is not a terminal) and cleans it with cleanPastedToken(), printing a note for each thing stripped.
    /// On failure the error is printed and the exit code returned: Usage for a bad argument or unreadable file,
    /// Failure when the input is too large.
    [[nodiscard]] std::expected<IntakeResult, ExitCode> readToken(const QStringList& positional) const;

    const Console& m_console;

private:
    [[nodiscard]] QString helpText(const QCommandLineParser& parser) const;
};

} // namespace assay::cli
