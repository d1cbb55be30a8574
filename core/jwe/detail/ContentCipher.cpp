// SPDX-License-Identifier: Apache-2.0
#include "jwe/detail/ContentCipher.h"

#include "crypto/detail/Digests.h"
#include "crypto/detail/OsslError.h"
#include "crypto/detail/OsslPtr.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>

#include <array>
#include <limits>

namespace assay::detail {
namespace {

using CipherCtxPtr = OsslPtr<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;

// Inputs are capped long before this by the callers; the check keeps every length cast to int below exact.
constexpr qsizetype kMaxContentBytes = std::numeric_limits<int>::max() / 2;

bool isGcm(ContentEncryption enc)
{
    return enc == ContentEncryption::A128Gcm || enc == ContentEncryption::A192Gcm || enc == ContentEncryption::A256Gcm;
}

const EVP_CIPHER* gcmCipher(ContentEncryption enc)
{
    switch (enc) {
    case ContentEncryption::A128Gcm:
        return EVP_aes_128_gcm();
    case ContentEncryption::A192Gcm:
        return EVP_aes_192_gcm();
    case ContentEncryption::A256Gcm:
        return EVP_aes_256_gcm();
    default:
        return nullptr;
    }
}

const EVP_CIPHER* cbcCipher(ContentEncryption enc)
{
    switch (enc) {
    case ContentEncryption::A128CbcHs256:
        return EVP_aes_128_cbc();
    case ContentEncryption::A192CbcHs384:
        return EVP_aes_192_cbc();
    case ContentEncryption::A256CbcHs512:
        return EVP_aes_256_cbc();
    default:
        return nullptr;
    }
}

HashAlgorithm cbcHmacHash(ContentEncryption enc)
{
    switch (enc) {
    case ContentEncryption::A128CbcHs256:
        return HashAlgorithm::Sha256;
    case ContentEncryption::A192CbcHs384:
        return HashAlgorithm::Sha384;
    case ContentEncryption::A256CbcHs512:
        return HashAlgorithm::Sha512;
    default:
        return HashAlgorithm::None;
    }
}

const unsigned char* bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char*>(v.data());
}

Error cryptoError(QString message)
{
    return opensslError(ErrorCode::CryptoFailure, std::move(message), Segment::Ciphertext);
}

Error authenticationFailed()
{
    clearOpensslErrors();
    Error e;
    e.code = ErrorCode::CryptoFailure;
    e.message = QStringLiteral("authentication failed");
    e.segment = Segment::AuthenticationTag;
    return e;
}

bool checkLengths(ContentEncryption enc, const SecureBytes& cek, QByteArrayView iv, QByteArrayView ciphertext)
{
    return static_cast<int>(cek.size()) == contentKeyBytes(enc) && iv.size() == contentIvBytes(enc) &&
           ciphertext.size() <= kMaxContentBytes;
}

// RFC 7518 section 5.2.2.1: HMAC(MAC_KEY, A || IV || E || AL), with AL the bit length of A as a 64-bit big-endian
// integer, computed in 64 bits (ATTACKS.md A30: a 32-bit AL let AAD bytes move into the ciphertext, CVE-2017-12972).
// The tag is the first half of the MAC.
Result<QByteArray> cbcHmacTag(ContentEncryption enc, const unsigned char* macKey, std::size_t macKeyBytes,
                              QByteArrayView aad, QByteArrayView iv, QByteArrayView ciphertext)
{
    EvpMacCtxPtr ctx(EVP_MAC_CTX_new(fetchedHmac()));
    if (!ctx)
        return fail(cryptoError(QStringLiteral("cannot create an HMAC context")));
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digestName(cbcHmacHash(enc))), 0),
        OSSL_PARAM_construct_end(),
    };
    const auto aadBits = static_cast<quint64>(aad.size()) * 8U;
    std::array<unsigned char, 8> al{};
    for (int i = 0; i < 8; ++i)
        al[static_cast<std::size_t>(i)] = static_cast<unsigned char>(aadBits >> (56 - 8 * i));
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    std::size_t macLength = 0;
    if (EVP_MAC_init(ctx.get(), macKey, macKeyBytes, params) != 1 ||
        EVP_MAC_update(ctx.get(), bytes(aad), static_cast<std::size_t>(aad.size())) != 1 ||
        EVP_MAC_update(ctx.get(), bytes(iv), static_cast<std::size_t>(iv.size())) != 1 ||
        EVP_MAC_update(ctx.get(), bytes(ciphertext), static_cast<std::size_t>(ciphertext.size())) != 1 ||
        EVP_MAC_update(ctx.get(), al.data(), al.size()) != 1 ||
        EVP_MAC_final(ctx.get(), mac.data(), &macLength, mac.size()) != 1)
        return fail(cryptoError(QStringLiteral("HMAC failed")));
    const auto tagBytes = static_cast<std::size_t>(contentTagBytes(enc));
    if (macLength != 2 * tagBytes)
        return fail(ErrorCode::Internal, QStringLiteral("unexpected HMAC length %1").arg(macLength));
    return QByteArray(reinterpret_cast<const char*>(mac.data()), static_cast<qsizetype>(tagBytes));
}

Result<SealedContent> sealCbc(ContentEncryption enc, const SecureBytes& cek, QByteArrayView iv, QByteArrayView aad,
                              QByteArrayView plaintext)
{
    // RFC 7518 section 5.2.2.1: MAC_KEY is the first half of the CEK, ENC_KEY the second.
    const std::size_t half = cek.size() / 2;
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), cbcCipher(enc), nullptr, cek.data() + half, bytes(iv)) != 1)
        return fail(cryptoError(QStringLiteral("cannot start AES-CBC")));
    // PKCS#7 padding (OpenSSL's default) as RFC 7518 section 5.2.2.1 requires: up to one block more.
    QByteArray ciphertext(plaintext.size() + 16, '\0');
    auto* out = reinterpret_cast<unsigned char*>(ciphertext.data());
    int written = 0;
    int tail = 0;
    if (EVP_EncryptUpdate(ctx.get(), out, &written, bytes(plaintext), static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), out + written, &tail) != 1)
        return fail(cryptoError(QStringLiteral("AES-CBC encryption failed")));
    ciphertext.truncate(written + tail);
    auto tag = cbcHmacTag(enc, cek.data(), half, aad, iv, ciphertext);
    if (!tag)
        return fail(tag.error());
    return SealedContent{std::move(ciphertext), std::move(*tag)};
}

Result<SecureBytes> openCbc(ContentEncryption enc, const SecureBytes& cek, QByteArrayView iv, QByteArrayView aad,
                            QByteArrayView ciphertext, QByteArrayView tag)
{
    const std::size_t half = cek.size() / 2;
    // The tag first, in constant time over its full length; CBC padding is looked at only for authentic data, so
    // there is no padding oracle (ATTACKS.md A30, CVE-2017-12973).
    auto expected = cbcHmacTag(enc, cek.data(), half, aad, iv, ciphertext);
    if (!expected)
        return fail(expected.error());
    if (tag.size() != expected->size() ||
        CRYPTO_memcmp(expected->constData(), tag.data(), static_cast<std::size_t>(tag.size())) != 0)
        return fail(authenticationFailed());
    if (ciphertext.isEmpty() || ciphertext.size() % 16 != 0)
        return fail(authenticationFailed()); // authentic but malformed: only a broken encryptor writes this
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), cbcCipher(enc), nullptr, cek.data() + half, bytes(iv)) != 1)
        return fail(cryptoError(QStringLiteral("cannot start AES-CBC")));
    SecureBytes buffer(QByteArray(ciphertext.size() + 16, '\0'));
    int written = 0;
    int tail = 0;
    if (EVP_DecryptUpdate(ctx.get(), buffer.data(), &written, bytes(ciphertext), static_cast<int>(ciphertext.size())) !=
            1 ||
        EVP_DecryptFinal_ex(ctx.get(), buffer.data() + written, &tail) != 1)
        return fail(authenticationFailed());
    return SecureBytes(buffer.data(), static_cast<std::size_t>(written + tail));
}

Result<SealedContent> sealGcm(ContentEncryption enc, const SecureBytes& cek, QByteArrayView iv, QByteArrayView aad,
                              QByteArrayView plaintext)
{
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    // The IV length is set explicitly although 96 bits is OpenSSL's default: RFC 7518 section 5.3 requires 96.
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), gcmCipher(enc), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(iv.size()), nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, cek.data(), bytes(iv)) != 1)
        return fail(cryptoError(QStringLiteral("cannot start AES-GCM")));
    QByteArray ciphertext(plaintext.size(), '\0');
    auto* out = reinterpret_cast<unsigned char*>(ciphertext.data());
    int ignored = 0;
    int written = 0;
    int tail = 0;
    QByteArray tag(contentTagBytes(enc), '\0');
    if (EVP_EncryptUpdate(ctx.get(), nullptr, &ignored, bytes(aad), static_cast<int>(aad.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out, &written, bytes(plaintext), static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), out + written, &tail) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(tag.size()), tag.data()) != 1)
        return fail(cryptoError(QStringLiteral("AES-GCM encryption failed")));
    ciphertext.truncate(written + tail);
    return SealedContent{std::move(ciphertext), std::move(tag)};
}

Result<SecureBytes> openGcm(ContentEncryption enc, const SecureBytes& cek, QByteArrayView iv, QByteArrayView aad,
                            QByteArrayView ciphertext, QByteArrayView tag)
{
    // A shorter tag would be accepted by OpenSSL (GCM allows truncated tags); JOSE allows only the full 128 bits.
    if (tag.size() != contentTagBytes(enc))
        return fail(authenticationFailed());
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), gcmCipher(enc), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(iv.size()), nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, cek.data(), bytes(iv)) != 1)
        return fail(cryptoError(QStringLiteral("cannot start AES-GCM")));
    // GCM decrypts before it can check the tag; the output stays in wiped memory and is dropped on failure.
    SecureBytes buffer(QByteArray(ciphertext.size() + 16, '\0'));
    int ignored = 0;
    int written = 0;
    int tail = 0;
    QByteArray tagCopy(tag.data(), tag.size()); // the ctrl call takes a non-const pointer
    if (EVP_DecryptUpdate(ctx.get(), nullptr, &ignored, bytes(aad), static_cast<int>(aad.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), buffer.data(), &written, bytes(ciphertext), static_cast<int>(ciphertext.size())) !=
            1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tagCopy.size()), tagCopy.data()) != 1)
        return fail(cryptoError(QStringLiteral("AES-GCM decryption failed")));
    if (EVP_DecryptFinal_ex(ctx.get(), buffer.data() + written, &tail) != 1)
        return fail(authenticationFailed());
    return SecureBytes(buffer.data(), static_cast<std::size_t>(written + tail));
}

} // namespace

Result<SealedContent> sealContent(ContentEncryption enc, const SecureBytes& cek, QByteArrayView iv, QByteArrayView aad,
                                  QByteArrayView plaintext)
{
    if (!checkLengths(enc, cek, iv, plaintext) || aad.size() > kMaxContentBytes)
        return fail(ErrorCode::Internal,
                    QStringLiteral("wrong key, IV or content length for %1").arg(contentEncryptionName(enc)));
    return isGcm(enc) ? sealGcm(enc, cek, iv, aad, plaintext) : sealCbc(enc, cek, iv, aad, plaintext);
}

Result<SecureBytes> openContent(ContentEncryption enc, const SecureBytes& cek, QByteArrayView iv, QByteArrayView aad,
                                QByteArrayView ciphertext, QByteArrayView tag)
{
    if (!checkLengths(enc, cek, iv, ciphertext) || aad.size() > kMaxContentBytes)
        return fail(authenticationFailed());
    return isGcm(enc) ? openGcm(enc, cek, iv, aad, ciphertext, tag) : openCbc(enc, cek, iv, aad, ciphertext, tag);
}

} // namespace assay::detail
