// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jws/JwsAlgorithm.h"

#include <openssl/evp.h>

namespace assay::detail {

/// The fetched digest for a JWS hash, fetched once per process and shared (fetching per operation costs a
/// method-store lookup and a lock; the benchmark target is within 1.15x of raw OpenSSL). nullptr for None.
const EVP_MD* fetchedDigest(HashAlgorithm hash);

/// OpenSSL's name for the digest ("SHA2-256", ...), for OSSL_PARAM strings.
const char* digestName(HashAlgorithm hash);

/// The HMAC EVP_MAC, fetched once per process.
EVP_MAC* fetchedHmac();

} // namespace assay::detail
