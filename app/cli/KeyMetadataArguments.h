// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/KeyExport.h"

#include <QString>

class QCommandLineParser;

namespace assay::cli {

/// The JWK metadata options shared by keygen, key convert and jwks: --kid KID | --kid-thumbprint, --alg ALG,
/// --use sig|enc.
class KeyMetadataArguments
{
public:
    static void addOptions(QCommandLineParser& parser, bool withAlgAndUse = true);

    /// True when any of the options was given.
    [[nodiscard]] static bool anySet(const QCommandLineParser& parser);

    /// The metadata the options ask for, on top of `defaultKid`. An empty string when fine, else the usage error
    /// message (--kid with --kid-thumbprint, empty --kid, --use other than sig or enc).
    [[nodiscard]] static QString read(const QCommandLineParser& parser, KidChoice defaultKid, JwkMetadata& out);

    /// The key's own alg and use checked against the key (an alg its type cannot do, X25519 with use "sig", ...):
    /// an empty string when fine, else the message, for a usage error.
    [[nodiscard]] static QString checkAgainstKey(const Key& key);
};

} // namespace assay::cli
