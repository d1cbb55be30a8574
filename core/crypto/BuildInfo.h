// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace assay {

/// The OpenSSL version this process runs with (OpenSSL_version(OPENSSL_VERSION)), e.g. "OpenSSL 3.0.15 3 Sep 2024".
/// Reported by `assay-cli --version` and the About box, so bug reports name the library actually loaded.
[[nodiscard]] QString opensslVersion();

} // namespace assay
