// SPDX-License-Identifier: Apache-2.0
// The baseline of scripts/bench-cli.py (issue 4): the least a program can do for the job assay-cli verify does on an
// HS256 token — start, link OpenSSL, compute one HMAC-SHA256 over a token's signing input and print it. The whole
// process is timed from outside beside `assay-cli verify` and `assay-cli decode` on the same token.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>
#include <cstring>

int main(int argc, char* argv[])
{
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
