// SPDX-License-Identifier: Apache-2.0
#include "crypto/detail/Digests.h"

namespace assay::detail {

// The fetched objects below are deliberately never freed: they live for the process, are shared by all threads
// (fetched objects are immutable and reference counted), and freeing them from a static destructor could run
// after OpenSSL's own atexit cleanup.

const char* digestName(HashAlgorithm hash)
{
    switch (hash) {
    case HashAlgorithm::Sha256:
        return "SHA2-256";
    case HashAlgorithm::Sha384:
        return "SHA2-384";
    case HashAlgorithm::Sha512:
        return "SHA2-512";
    case HashAlgorithm::None:
        break;
    }
    return nullptr;
}

const EVP_MD* fetchedDigest(HashAlgorithm hash)
{
    switch (hash) {
    case HashAlgorithm::Sha256: {
        static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
        return md;
    }
    case HashAlgorithm::Sha384: {
        static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA2-384", nullptr);
        return md;
    }
    case HashAlgorithm::Sha512: {
        static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA2-512", nullptr);
        return md;
    }
    case HashAlgorithm::None:
        break;
    }
    return nullptr;
}

EVP_MAC* fetchedHmac()
{
    static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    return mac;
}

} // namespace assay::detail
