// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "crypto/SecureBytes.h"
#include "jwk/KeyLoader.h"
#include "jwk/KeySet.h"

#include <QByteArray>

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
    /// What the key options held, as given, for signature forensics (`assay-cli verify`): the HMAC secret before
    /// decoding (after a secret file's trailing line break was removed) with its encoding, or the text of a key file
    /// that holds public keys only (a file with private or secret keys is never kept).
    struct Material
    {
        SecureBytes secretText;
        SecretEncoding secretEncoding = SecretEncoding::Utf8;
        QByteArray publicKeyText;
    };

    static void addOptions(QCommandLineParser& parser);

    /// The keys the options name. Every failure is a usage problem (exit status 2): no key option, more than one,
    /// an unreadable or unparseable key file, a missing passphrase, an empty or badly encoded secret.
    /// Keys a file held but that could not be used (KeySet::skipped, KeySet::problems) are reported as notes.
    /// With `material`, also keeps what the options held as given (see Material).
    [[nodiscard]] static Result<KeySet> load(const QCommandLineParser& parser, const Console& console,
                                             Material* material = nullptr);
};

} // namespace assay::cli
