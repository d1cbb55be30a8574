// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace assay {

/// The signature verdict. Only Valid may ever be shown as "verified" (ATTACKS.md vocabulary).
enum class Verdict
{
    Valid,      // the signature checks with a key the user supplied, and every rule passed
    Invalid,    // checked and wrong, or a rule refused it (the reason says which)
    Unsigned,   // alg "none"
    Unverified, // no usable key yet, or only a key the token carries itself; still fully decoded
    Malformed,  // the token (or the part that matters) cannot be read; the error says where
};

/// "VALID", "INVALID", "UNSIGNED", "UNVERIFIED", "MALFORMED".
[[nodiscard]] QString verdictName(Verdict verdict);

} // namespace assay
