// SPDX-License-Identifier: Apache-2.0
// The baseline of scripts/bench-cli.py (issue 4): the least a program can do for the job assay-cli verify does on an
// HS256 token — start, link OpenSSL, compute one HMAC-SHA256 over a token's signing input and print it. The whole
// process is timed from outside beside `assay-cli verify` and `assay-cli decode` on the same token.
//
// Built a second time as assay-hmac-once-qt with ASSAY_HMAC_ONCE_LINK_QT: the same work in a process that also loads
// the libraries assay-cli loads (QtCore with its dependencies, libssl) and calls nothing in them. The difference
// between the two is what loading those libraries costs before assay-cli runs a line of its own.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#ifdef ASSAY_HMAC_ONCE_LINK_QT
#include <QtGlobal>
#include <openssl/ssl.h>
#endif

#include <cstdio>
#include <cstring>

int main(int argc, char* argv[])
{
#ifdef ASSAY_HMAC_ONCE_LINK_QT
    // Referenced, never called: the linker keeps both libraries as dependencies, so the loader maps them.
    static const char* (*volatile const keepQt)() = &qVersion;
    static const char* (*volatile const keepSsl)(const SSL*) = &SSL_get_version;
    (void)keepQt;
    (void)keepSsl;
#endif
    const char* input = argc > 1 ? argv[1] : "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0";
    const char* key = argc > 2 ? argv[2] : "a-string-secret-at-least-256-bits-long";
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (HMAC(EVP_sha256(), key, static_cast<int>(std::strlen(key)), reinterpret_cast<const unsigned char*>(input),
             std::strlen(input), mac, &length) == nullptr)
        return 1;
    for (unsigned int i = 0; i < length; ++i)
        std::printf("%02x", mac[i]);
    std::printf("\n");
    return 0;
}
