// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/Key.h"

#include <QList>
#include <QStringList>

namespace assay {

/// An ordered set of keys (a JWKS, or all the keys found in a PEM bundle), with what was wrong with it.
struct KeySet
{
    QList<Key> keys;
    /// Keys that could not be parsed, by position: "key 2: unsupported kty \"foo\"" (the rest still load).
    QStringList skipped;
    /// Set-level problems (RFC 8725 / ATTACKS.md A05): duplicate kid, mixed symmetric and asymmetric keys.
    QStringList problems;
    bool hasDuplicateKid = false;
    bool mixesSymmetry = false;
    bool isJwks = false; // came from a {"keys":[...]} document

    [[nodiscard]] bool isEmpty() const { return keys.isEmpty(); }
};

} // namespace assay
