// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jwk/KeySet.h"

class QCommandLineParser;

namespace assay::cli {

class Console;

/// The key options shared by `verify` and `sign`: --key FILE | --secret TEXT | --secret-file FILE, with
/// --secret-encoding and --passphrase-file.
///
/// Secrets are read into QByteArrays only as long as the core needs to turn them into a Key (whose storage wipes
/// itself); every such copy is wiped with assay::wipe() right after. A secret given with --secret also lives in the
/// process arguments, which no program can wipe: the help says to prefer --secret-file.
class KeyArguments
{
public:
    static void addOptions(QCommandLineParser& parser);

    /// The keys the options name. Every failure is a usage problem (exit status 2): no key option, more than one,
    /// an unreadable or unparseable key file, a missing passphrase, an empty or badly encoded secret.
    /// Keys a file held but that could not be used (KeySet::skipped, KeySet::problems) are reported as notes.
    [[nodiscard]] static Result<KeySet> load(const QCommandLineParser& parser, const Console& console);
};

} // namespace assay::cli
