// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jwk/KeySet.h"

#include <QByteArrayView>
#include <QStringList>

namespace assay {

/// A JWK Set (RFC 7517 section 5) as served by a jwks_uri: strict JSON, an object with a non-empty "keys" array,
/// at least one key that loads. Errors: ERR_JSON_* ("not JSON", with line and column), ERR_KEY_SET_EMPTY ("no keys":
/// "keys" missing or empty, or no key usable, naming why each was skipped), ERR_KEY_SET_INVALID ("keys" not an
/// array), or loadKeys()'s own errors.
[[nodiscard]] Result<KeySet> parseJwksBody(QByteArrayView body);

/// Private or secret members found in the set's keys (RFC 7518 sections 6.2.2, 6.3.2 and 6.4.1; RFC 8037 section 2),
/// one line per key: "key 1 (kid \"a\"): d". A set published at a jwks_uri must hold public keys only; the cache
/// refuses a set with any of these. Empty when the body is not a JWK Set.
[[nodiscard]] QStringList privateKeyMaterial(QByteArrayView body);

} // namespace assay
