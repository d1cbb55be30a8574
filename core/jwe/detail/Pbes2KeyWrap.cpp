// SPDX-License-Identifier: Apache-2.0
#include "jwe/detail/Pbes2KeyWrap.h"

#include "crypto/detail/OsslError.h"
#include "crypto/detail/OsslPtr.h"

#include <openssl/core_names.h>
#include <openssl/kdf.h>

#include <atomic>

namespace assay::detail {
namespace {

using EvpKdfPtr = OsslPtr<EVP_KDF, EVP_KDF_free>;
using EvpKdfCtxPtr = OsslPtr<EVP_KDF_CTX, EVP_KDF_CTX_free>;
using CipherCtxPtr = OsslPtr<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;

std::atomic<quint64> g_kdfRuns{0};

const char* pbkdf2Digest(Pbes2Algorithm alg)
{
    switch (alg) {
    case Pbes2Algorithm::Hs256A128Kw:
        return "SHA2-256";
    case Pbes2Algorithm::Hs384A192Kw:
        return "SHA2-384";
    case Pbes2Algorithm::Hs512A256Kw:
        return "SHA2-512";
    }
    return nullptr;
}

const EVP_CIPHER* wrapCipher(std::size_t kekBytes)
{
    switch (kekBytes) {
    case 16:
        return EVP_aes_128_wrap();
    case 24:
        return EVP_aes_192_wrap();
    case 32:
        return EVP_aes_256_wrap();
    default:
        return nullptr;
    }
}

Error wrapError(QString message)
{
    return opensslError(ErrorCode::CryptoFailure, std::move(message), Segment::EncryptedKey);
}

// One AES-KW pass in either direction. OpenSSL refuses wrap modes unless the context allows them explicitly
// (EVP_CIPHER_CTX_FLAG_WRAP_ALLOW), since they are not general-purpose ciphers.
bool runKeyWrap(bool wrap, const SecureBytes& kek, const unsigned char* in, int inLength, unsigned char* out,
                int& outLength)
{
    const EVP_CIPHER* cipher = wrapCipher(kek.size());
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (cipher == nullptr || !ctx)
        return false;
    EVP_CIPHER_CTX_set_flags(ctx.get(), EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    // A null IV selects RFC 3394's default initial value 0xA6A6A6A6A6A6A6A6, the one RFC 7518 section 4.4 uses.
    if (EVP_CipherInit_ex(ctx.get(), cipher, nullptr, kek.data(), nullptr, wrap ? 1 : 0) != 1)
        return false;
    int written = 0;
    if (EVP_CipherUpdate(ctx.get(), out, &written, in, inLength) != 1 || written <= 0)
        return false;
    int tail = 0;
    if (EVP_CipherFinal_ex(ctx.get(), out + written, &tail) != 1)
        return false;
    outLength = written + tail;
    return true;
}

} // namespace

Result<SecureBytes> derivePbes2Kek(Pbes2Algorithm alg, const SecureBytes& passphrase, QByteArrayView p2s,
                                   int iterations)
{
    // RFC 7518 section 4.8.1.1: the algorithm name and a zero byte in front of p2s, so that a salt can never be
    // reused across the three PBES2 algorithms.
    QByteArray salt = pbes2AlgorithmName(alg).toUtf8();
    salt.append('\0');
    salt.append(p2s.data(), p2s.size());

    static EVP_KDF* const kdf = EVP_KDF_fetch(nullptr, "PBKDF2", nullptr);
    if (kdf == nullptr)
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("PBKDF2 is not available in OpenSSL")));
    EvpKdfCtxPtr ctx(EVP_KDF_CTX_new(kdf));
    if (!ctx)
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot create a PBKDF2 context")));

    // pkcs5 = 0 keeps OpenSSL's SP 800-132 lower bounds (salt >= 16 bytes, >= 1000 iterations, key >= 112 bits)
    // as a second line behind the checks the header parser already made.
    int pkcs5 = 0;
    auto iter = static_cast<uint64_t>(iterations);
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, const_cast<unsigned char*>(passphrase.data()),
                                          passphrase.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt.data(), static_cast<std::size_t>(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_ITER, &iter),
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char*>(pbkdf2Digest(alg)), 0),
        OSSL_PARAM_construct_int(OSSL_KDF_PARAM_PKCS5, &pkcs5),
        OSSL_PARAM_construct_end(),
    };
    SecureBytes kek(QByteArray(pbes2KeyBytes(alg), '\0'));
    g_kdfRuns.fetch_add(1, std::memory_order_relaxed);
    if (EVP_KDF_derive(ctx.get(), kek.data(), kek.size(), params) != 1)
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("PBKDF2 failed")));
    return kek;
}

Result<QByteArray> wrapContentKey(const SecureBytes& kek, const SecureBytes& cek)
{
    // RFC 3394 wraps whole 64-bit blocks, at least two; every JWE content key is 16..64 bytes.
    if (cek.size() < 16 || cek.size() % 8 != 0)
        return fail(ErrorCode::Internal, QStringLiteral("a content key of %1 bytes cannot be wrapped").arg(cek.size()),
                    Segment::EncryptedKey);
    // OpenSSL's wrap output is the input plus one block; one more block of room as its documentation asks.
    QByteArray out(static_cast<qsizetype>(cek.size()) + 16, '\0');
    int length = 0;
    if (!runKeyWrap(true, kek, cek.data(), static_cast<int>(cek.size()), reinterpret_cast<unsigned char*>(out.data()),
                    length) ||
        length != static_cast<int>(cek.size()) + 8)
        return fail(wrapError(QStringLiteral("AES key wrap failed")));
    out.truncate(length);
    return out;
}

Result<SecureBytes> unwrapContentKey(const SecureBytes& kek, QByteArrayView encryptedKey)
{
    if (encryptedKey.size() < 24 || encryptedKey.size() % 8 != 0)
        return fail(ErrorCode::TokenStructure,
                    QStringLiteral("an AES-wrapped key is a multiple of 8 bytes and at least 24, not %1")
                        .arg(encryptedKey.size()),
                    Segment::EncryptedKey);
    SecureBytes out(QByteArray(encryptedKey.size() + 16, '\0'));
    int length = 0;
    if (!runKeyWrap(false, kek, reinterpret_cast<const unsigned char*>(encryptedKey.data()),
                    static_cast<int>(encryptedKey.size()), out.data(), length) ||
        length != static_cast<int>(encryptedKey.size()) - 8)
        return fail(wrapError(QStringLiteral("the wrapped key does not unwrap")));
    return SecureBytes(out.data(), static_cast<std::size_t>(length));
}

quint64 pbes2KdfRuns()
{
    return g_kdfRuns.load(std::memory_order_relaxed);
}

} // namespace assay::detail
