// SPDX-License-Identifier: Apache-2.0
#include "audit/HmacCandidateTester.h"

// This is the only file in Assay on OpenSSL's low-level SHA-2 API (SHA256_Init/SHA256_Update and the SHA-512
// equivalents), deprecated since OpenSSL 3.0 but still shipped. The secret checker needs the compression function on
// state it manages itself, so that a guess costs exactly the compressions HMAC needs (9 for HS256 over 312 bytes):
// EVP_MAC re-runs the key setup through the provider layer for every key and reaches about half that speed. The
// compression is still OpenSSL's own (SHA-NI/AVX2 assembly); this file only lays out the blocks: the RFC 2104 key
// blocks and the FIPS 180-4 section 5.1 padding. Every other file keeps OPENSSL_NO_DEPRECATED.
#undef OPENSSL_NO_DEPRECATED
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "audit/CrackTarget.h"

#include <QtEndian>

#include <array>
#include <cstring>
#include <vector>

namespace assay {

class HmacCandidateTester::Kernel
{
public:
    virtual ~Kernel() = default;
    virtual bool matches(const unsigned char* key, std::size_t size) = 0;
    virtual QByteArray mac(const unsigned char* key, std::size_t size) = 0;
};

namespace {

struct Sha256Family
{
    using Context = SHA256_CTX;
    using Word = SHA_LONG;
    static constexpr std::size_t BlockSize = SHA256_CBLOCK;
    static constexpr std::size_t LengthFieldSize = 8;
    static void init(Context& c, JwsAlgorithm) { SHA256_Init(&c); }
    // With no buffered bytes (num == 0) and whole blocks, SHA256_Update hands every block straight to the
    // multi-block compression routine: one call per hash, no copy of the data.
    static void update(Context& c, const unsigned char* data, std::size_t size) { SHA256_Update(&c, data, size); }
    static const Word* state(const Context& c) { return c.h; }
    static std::size_t hashKey(JwsAlgorithm, const unsigned char* key, std::size_t size, unsigned char* out)
    {
        SHA256(key, size, out);
        return SHA256_DIGEST_LENGTH;
    }
};

struct Sha512Family
{
    using Context = SHA512_CTX;
    using Word = SHA_LONG64;
    static constexpr std::size_t BlockSize = SHA512_CBLOCK;
    static constexpr std::size_t LengthFieldSize = 16;
    static void init(Context& c, JwsAlgorithm alg)
    {
        if (alg == JwsAlgorithm::HS384)
            SHA384_Init(&c);
        else
            SHA512_Init(&c);
    }
    // SHA-384 is SHA-512 with another initial state and a shorter output (SHA384_Update is SHA512_Update).
    static void update(Context& c, const unsigned char* data, std::size_t size) { SHA512_Update(&c, data, size); }
    static const Word* state(const Context& c) { return c.h; }
    static std::size_t hashKey(JwsAlgorithm alg, const unsigned char* key, std::size_t size, unsigned char* out)
    {
        if (alg == JwsAlgorithm::HS384) {
            SHA384(key, size, out);
            return SHA384_DIGEST_LENGTH;
        }
        SHA512(key, size, out);
        return SHA512_DIGEST_LENGTH;
    }
};

// Appends the FIPS 180-4 padding to a message of `length` bytes already in `buffer`, which must be sized to the
// padded length: 0x80, zeros, then the message length in bits, big-endian, in the last 8 (SHA-256) or 16 (SHA-512)
// bytes.
void pad(unsigned char* buffer, std::size_t length, std::size_t paddedLength)
{
    buffer[length] = 0x80;
    std::memset(buffer + length + 1, 0, paddedLength - length - 1);
    const quint64 bits = static_cast<quint64>(length) * 8;
    // Lengths here fit in 64 bits, so the upper half of SHA-512's 128-bit length field stays zero.
    qToBigEndian<quint64>(bits, buffer + paddedLength - 8);
}

std::size_t paddedSize(std::size_t length, std::size_t blockSize, std::size_t lengthFieldSize)
{
    return (length + 1 + lengthFieldSize + blockSize - 1) / blockSize * blockSize;
}

template <typename Family> class FamilyKernel final : public HmacCandidateTester::Kernel
{
    using Word = typename Family::Word;
    static constexpr std::size_t B = Family::BlockSize;

public:
    explicit FamilyKernel(const CrackTarget& target)
        : m_alg(target.algorithm())
        , m_macWords(static_cast<std::size_t>(target.mac().size()) / sizeof(Word))
    {
        Family::init(m_initial, m_alg);

        // Inner hash input: [key XOR ipad][signing input][padding]; only the first block changes per guess.
        const auto message = static_cast<std::size_t>(target.signingInput().size());
        m_inner.resize(paddedSize(B + message, B, Family::LengthFieldSize));
        std::memset(m_inner.data(), 0x36, B);
        std::memcpy(m_inner.data() + B, target.signingInput().constData(), message);
        pad(m_inner.data(), B + message, m_inner.size());

        // Outer hash input: [key XOR opad][inner digest][padding]; the digest is written per guess.
        const std::size_t digest = m_macWords * sizeof(Word);
        m_outerSize = paddedSize(B + digest, B, Family::LengthFieldSize);
        std::memset(m_outer.data(), 0x5c, B);
        std::memset(m_outer.data() + B, 0, digest);
        pad(m_outer.data(), B + digest, m_outerSize);

        const auto* mac = reinterpret_cast<const unsigned char*>(target.mac().constData());
        for (std::size_t i = 0; i < m_macWords; ++i)
            m_target[i] = qFromBigEndian<Word>(mac + i * sizeof(Word));
    }

    ~FamilyKernel() override
    {
        // The key blocks and hash states carry the last guess, which may be the secret that was found.
        OPENSSL_cleanse(m_inner.data(), B);
        OPENSSL_cleanse(m_outer.data(), m_outer.size());
        OPENSSL_cleanse(m_longKey.data(), m_longKey.size());
        OPENSSL_cleanse(&m_work, sizeof(m_work));
    }

    bool matches(const unsigned char* key, std::size_t size) override
    {
        compute(key, size);
        const Word* s = Family::state(m_work);
        // Not a secret comparison: the target is public (it is in the token) and so is the guess.
        if (s[0] != m_target[0])
            return false;
        for (std::size_t i = 1; i < m_macWords; ++i) {
            if (s[i] != m_target[i])
                return false;
        }
        return true;
    }

    QByteArray mac(const unsigned char* key, std::size_t size) override
    {
        compute(key, size);
        QByteArray out(static_cast<qsizetype>(m_macWords * sizeof(Word)), Qt::Uninitialized);
        const Word* s = Family::state(m_work);
        for (std::size_t i = 0; i < m_macWords; ++i)
            qToBigEndian<Word>(s[i], reinterpret_cast<unsigned char*>(out.data()) + i * sizeof(Word));
        return out;
    }

private:
    void compute(const unsigned char* key, std::size_t size)
    {
        if (size > B) {
            // RFC 2104 section 2: a key longer than the block is replaced by its hash.
            size = Family::hashKey(m_alg, key, size, m_longKey.data());
            key = m_longKey.data();
        }
        unsigned char* inner = m_inner.data();
        unsigned char* outer = m_outer.data();
        std::size_t i = 0;
        for (; i < size; ++i) {
            inner[i] = static_cast<unsigned char>(key[i] ^ 0x36);
            outer[i] = static_cast<unsigned char>(key[i] ^ 0x5c);
        }
        // Bytes past this key that the previous, longer key wrote go back to zero XOR pad.
        for (; i < m_keyBytesInUse; ++i) {
            inner[i] = 0x36;
            outer[i] = 0x5c;
        }
        m_keyBytesInUse = size;

        m_work = m_initial;
        Family::update(m_work, inner, m_inner.size());
        const Word* s = Family::state(m_work);
        for (std::size_t w = 0; w < m_macWords; ++w)
            qToBigEndian<Word>(s[w], outer + B + w * sizeof(Word));
        m_work = m_initial;
        Family::update(m_work, outer, m_outerSize);
    }

    JwsAlgorithm m_alg;
    std::size_t m_macWords;
    typename Family::Context m_initial{};
    typename Family::Context m_work{};
    std::vector<unsigned char> m_inner;
    alignas(64) std::array<unsigned char, 2 * B> m_outer{};
    std::size_t m_outerSize = 0;
    alignas(64) std::array<unsigned char, 64> m_longKey{};
    std::size_t m_keyBytesInUse = 0;
    std::array<Word, 8> m_target{};
};

} // namespace

HmacCandidateTester::HmacCandidateTester(const CrackTarget& target)
{
    if (target.algorithm() == JwsAlgorithm::HS256)
        m_kernel = std::make_unique<FamilyKernel<Sha256Family>>(target);
    else
        m_kernel = std::make_unique<FamilyKernel<Sha512Family>>(target);
}

HmacCandidateTester::~HmacCandidateTester() = default;

bool HmacCandidateTester::matches(const unsigned char* key, std::size_t size)
{
    return m_kernel->matches(key, size);
}

QByteArray HmacCandidateTester::mac(QByteArrayView key)
{
    return m_kernel->mac(reinterpret_cast<const unsigned char*>(key.data()), static_cast<std::size_t>(key.size()));
}

} // namespace assay
