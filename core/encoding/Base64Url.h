// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace assay::base64url {

/// RFC 7515 section 2 base64url without padding.
[[nodiscard]] QByteArray encode(QByteArrayView bytes);

/// Strict RFC 7515 section 2 decoding: alphabet A-Z a-z 0-9 - _ only, no padding, no whitespace,
/// length mod 4 != 1, unused trailing bits zero. A failure names `segment` and the 0-based character offset.
[[nodiscard]] Result<QByteArray> decode(QByteArrayView text, Segment segment = Segment::None);

/// True when decode() would succeed (no allocation of the output).
[[nodiscard]] bool isValid(QByteArrayView text);

} // namespace assay::base64url
