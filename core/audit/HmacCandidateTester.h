// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <memory>

namespace assay {

class CrackTarget;

/// Tests guessed secrets against one HS256/HS384/HS512 signature at the speed of the SHA-2 compression function.
///
/// HMAC (RFC 2104) over a fixed message costs, per key, one compression of the key block XOR ipad, the compressions
/// of the message blocks, and two for the outer hash; for a 312-byte signing input and SHA-256 that is 9. The
/// message blocks, their padding and the outer padding depend only on the token, so they are laid out once here; a
/// guess only rewrites the two key blocks and runs OpenSSL's compression over them. Keys longer than the hash's block
/// are hashed first, as RFC 2104 section 2 says.
///
/// One tester per thread: matches() keeps scratch state and allocates nothing.
class HmacCandidateTester
{
public:
    explicit HmacCandidateTester(const CrackTarget& target);
    ~HmacCandidateTester();
    HmacCandidateTester(const HmacCandidateTester&) = delete;
    HmacCandidateTester& operator=(const HmacCandidateTester&) = delete;

    /// True when HMAC(key, signing input) equals the target's MAC (all of it).
    [[nodiscard]] bool matches(const unsigned char* key, std::size_t size);
    [[nodiscard]] bool matches(QByteArrayView key)
    {
        return matches(reinterpret_cast<const unsigned char*>(key.data()), static_cast<std::size_t>(key.size()));
    }

    /// HMAC(key, signing input) computed by the same code as matches(): lets tests compare the fast path with an
    /// independent HMAC implementation.
    [[nodiscard]] QByteArray mac(QByteArrayView key);

    class Kernel;

private:
    std::unique_ptr<Kernel> m_kernel;
};

} // namespace assay
