// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Error.h"

namespace assay::detail {

/// Drains OpenSSL's thread-local error queue into one line ("reason (lib:func); reason ..."), oldest first.
/// Empty when OpenSSL recorded nothing.
QString takeOpensslErrors();

/// Forgets whatever OpenSSL queued, e.g. after a parse attempt that is expected to fail while sniffing a format.
void clearOpensslErrors();

/// An Error whose detail carries OpenSSL's own reasons (STYLE.md: keep OpenSSL's reason, do not drop it).
Error opensslError(ErrorCode code, QString message, Segment segment = Segment::None);

} // namespace assay::detail
