// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jws/JwsAlgorithm.h"

#include <QByteArray>
#include <QByteArrayView>

namespace assay {

/// Sets `alg` (RFC 7515 section 4.1.1) in a JOSE header's JSON text by splicing: only the bytes of the alg value
/// change; every other byte (member order, whitespace, CR LF, escapes) stays as written. When the header has no
/// alg, `"alg":"<ALG>"` is inserted as the first member. With duplicate alg members the lexically last one (the
/// one JSON readers use) is replaced. Fails when the text is not a JSON object.
[[nodiscard]] Result<QByteArray> setHeaderAlgorithm(QByteArrayView headerJson, JwsAlgorithm alg);

} // namespace assay
