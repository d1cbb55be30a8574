// SPDX-License-Identifier: Apache-2.0
#include "crypto/BuildInfo.h"

#include <openssl/crypto.h>

namespace assay {

QString opensslVersion()
{
    // The runtime library's string, not OPENSSL_VERSION_TEXT: a distribution may update libcrypto under us.
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

} // namespace assay
