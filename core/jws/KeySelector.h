// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/KeySet.h"
#include "jws/JwsAlgorithm.h"
#include "jws/KeyPolicy.h"

#include <QList>
#include <QString>

#include <optional>

namespace assay {

/// Why one key of a set was or was not chosen.
struct KeyCandidate
{
    int index = -1;
    QString label;       // "key 2 (kid \"abc\", EC P-256 public key)"
    bool usable = false; // passed every rule for this token
    QString reason;      // "matches kid and alg" or "kid \"x\" differs from \"abc\""
};

/// The outcome of choosing keys from a set for one token.
struct KeySelection
{
    QList<int> usable;              // indices of keys that may verify/sign this token, best first
    QList<KeyCandidate> candidates; // one per key of the set, in set order
    QString summary;                // one line: "key 2 matched by kid" / "no key matches kid \"x\""

    [[nodiscard]] std::optional<int> chosen() const
    {
        return usable.isEmpty() ? std::nullopt : std::optional<int>(usable.front());
    }
};

/// Selects keys for a token (RFC 7515 section 4.1.4 kid is only a hint): when the token has a kid, keys whose kid
/// equals it byte for byte come first, and keys with another kid are excluded; then keys that fit `alg` by type,
/// curve, their own `alg`, `use` and `key_ops`. A set with duplicate kids or mixing symmetric and asymmetric keys is
/// still searched, but the summary says so. `kid` may be empty (no kid in the header).
[[nodiscard]] KeySelection selectKeys(const KeySet& set, const QString& kid, JwsAlgorithm alg, KeyOperation op);

} // namespace assay
