// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace assay::cli {

/// One option as a command's --help lists it: "  -k, --key <FILE>   Verify with ...".
struct HelpOption
{
    QStringList names; // as written, with dashes: "-k", "--key"
    QString valueName; // "FILE", or empty for a flag
    QString description;
};

/// One positional argument as --help lists it.
struct HelpArgument
{
    QString name;
    QString description;
};

/// A command's --help text, read back into its parts. The completions and the man page are generated from the very
/// text users see, so the three never disagree (QCommandLineParser::helpText() has a fixed layout).
struct HelpText
{
    QString usage;       // "assay-cli verify [options] TOKEN|-|@FILE"
    QString description; // the paragraphs between the usage line and "Options:"
    QList<HelpOption> options;
    QList<HelpArgument> arguments;

    [[nodiscard]] static HelpText parse(const QString& text);
};

/// A command of assay-cli with its help, and its own subcommands ("key" has inspect, convert, thumbprint).
struct CommandInfo
{
    QString name;    // "convert"
    QString path;    // "key convert"
    QString summary; // one line
    HelpText help;
    QList<CommandInfo> subcommands;
};

} // namespace assay::cli
