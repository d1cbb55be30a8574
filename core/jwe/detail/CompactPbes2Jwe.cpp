// SPDX-License-Identifier: Apache-2.0
#include "jwe/detail/CompactPbes2Jwe.h"

#include "crypto/detail/OsslError.h"
#include "encoding/Base64Url.h"
#include "jwe/detail/ContentCipher.h"
#include "jwe/detail/Pbes2KeyWrap.h"

namespace assay::detail {
namespace {

struct DecodedJwe
{
    Pbes2Header header;
    QByteArray encryptedKey;
    QByteArray iv;
    QByteArray ciphertext;
    QByteArray tag;
};

Error structureError(QString message, Segment segment = Segment::Input)
{
    Error e;
    e.code = ErrorCode::TokenStructure;
    e.message = std::move(message);
    e.segment = segment;
    return e;
}

// One error for every failure that needs the passphrase to tell apart: the KEK does not unwrap the CEK, or the tag
// does not verify. Which step failed would tell an attacker whether the passphrase or the content was wrong.
Error wrongPassphrase()
{
    clearOpensslErrors();
    Error e;
    e.code = ErrorCode::KeyPassphraseWrong;
    e.message = QStringLiteral("wrong passphrase or damaged file: the encrypted key could not be decrypted");
    e.segment = Segment::Key;
    return e;
}

Result<QByteArray> decodeExact(QByteArrayView text, Segment segment, qsizetype expected, const char* what)
{
    auto bytes = base64url::decode(text, segment);
    if (!bytes)
        return fail(bytes.error());
    if (expected >= 0 && bytes->size() != expected)
        return fail(structureError(QStringLiteral("the %1 is %2 bytes; it must be %3")
                                       .arg(QLatin1String(what))
                                       .arg(bytes->size())
                                       .arg(expected),
                                   segment));
    return bytes;
}

Result<DecodedJwe> decodeJwe(QByteArrayView compact, const Pbes2Limits& limits)
{
    if (compact.size() > kMaxCompactJweBytes)
        return fail(ErrorCode::InputTooLarge,
                    QStringLiteral("the encrypted key file is %1 bytes, more than the %2-byte limit")
                        .arg(compact.size())
                        .arg(kMaxCompactJweBytes),
                    Segment::Input);
    const auto segments = splitCompactJwe(compact);
    if (!segments)
        return fail(structureError(QStringLiteral("a compact JWE has five base64url segments separated by dots")));
    auto headerJson = base64url::decode(segments->protectedHeader, Segment::Header);
    if (!headerJson)
        return fail(headerJson.error());
    auto header = parsePbes2Header(*headerJson, limits);
    if (!header)
        return fail(header.error());

    DecodedJwe jwe;
    jwe.header = std::move(*header);
    const ContentEncryption enc = jwe.header.enc;
    // Every length is fixed by "enc" (ATTACKS.md A30), so a malformed file is refused here, before PBKDF2 runs.
    auto encryptedKey =
        decodeExact(segments->encryptedKey, Segment::EncryptedKey, contentKeyBytes(enc) + 8, "encrypted key");
    if (!encryptedKey)
        return fail(encryptedKey.error());
    auto iv = decodeExact(segments->iv, Segment::InitializationVector, contentIvBytes(enc), "initialization vector");
    if (!iv)
        return fail(iv.error());
    auto tag = decodeExact(segments->tag, Segment::AuthenticationTag, contentTagBytes(enc), "authentication tag");
    if (!tag)
        return fail(tag.error());
    auto ciphertext = decodeExact(segments->ciphertext, Segment::Ciphertext, -1, "ciphertext");
    if (!ciphertext)
        return fail(ciphertext.error());
    const bool cbc = contentIvBytes(enc) == 16;
    if (cbc && (ciphertext->isEmpty() || ciphertext->size() % 16 != 0))
        return fail(structureError(
            QStringLiteral("AES-CBC ciphertext is a non-zero multiple of 16 bytes, not %1").arg(ciphertext->size()),
            Segment::Ciphertext));
    jwe.encryptedKey = std::move(*encryptedKey);
    jwe.iv = std::move(*iv);
    jwe.tag = std::move(*tag);
    jwe.ciphertext = std::move(*ciphertext);
    return jwe;
}

} // namespace

std::optional<CompactJweSegments> splitCompactJwe(QByteArrayView text)
{
    QByteArrayView parts[5];
    qsizetype start = 0;
    int count = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '.') {
            if (count == 5)
                return std::nullopt;
            parts[count++] = text.sliced(start, i - start);
            start = i + 1;
        }
    }
    if (count != 5)
        return std::nullopt;
    return CompactJweSegments{parts[0], parts[1], parts[2], parts[3], parts[4]};
}

Result<QByteArray> sealPbes2Jwe(QByteArrayView protectedHeaderB64, QByteArrayView plaintext,
                                const SecureBytes& passphrase, const SecureBytes& cek, QByteArrayView iv)
{
    auto headerJson = base64url::decode(protectedHeaderB64, Segment::Header);
    if (!headerJson)
        return fail(headerJson.error());
    auto header = parsePbes2Header(*headerJson, Pbes2Limits{});
    if (!header)
        return fail(header.error());
    if (static_cast<int>(cek.size()) != contentKeyBytes(header->enc) || iv.size() != contentIvBytes(header->enc))
        return fail(
            ErrorCode::Internal,
            QStringLiteral("content key or IV of the wrong length for %1").arg(contentEncryptionName(header->enc)));

    auto kek = derivePbes2Kek(header->alg, passphrase, header->p2s, header->p2c);
    if (!kek)
        return fail(kek.error());
    auto encryptedKey = wrapContentKey(*kek, cek);
    if (!encryptedKey)
        return fail(encryptedKey.error());
    // RFC 7516 section 5.1 step 14: the AAD is the protected header exactly as encoded.
    auto sealed = sealContent(header->enc, cek, iv, protectedHeaderB64, plaintext);
    if (!sealed)
        return fail(sealed.error());

    QByteArray out;
    out.reserve(protectedHeaderB64.size() +
                (encryptedKey->size() + iv.size() + sealed->ciphertext.size() + sealed->tag.size()) * 4 / 3 + 16);
    out.append(protectedHeaderB64.data(), protectedHeaderB64.size());
    out += '.' + base64url::encode(*encryptedKey) + '.' + base64url::encode(iv) + '.' +
           base64url::encode(sealed->ciphertext) + '.' + base64url::encode(sealed->tag);
    return out;
}

Result<Pbes2Header> checkPbes2Jwe(QByteArrayView compact, const Pbes2Limits& limits)
{
    auto jwe = decodeJwe(compact, limits);
    if (!jwe)
        return fail(jwe.error());
    return std::move(jwe->header);
}

Result<OpenedPbes2Jwe> openPbes2Jwe(QByteArrayView compact, const SecureBytes& passphrase, const Pbes2Limits& limits)
{
    auto jwe = decodeJwe(compact, limits);
    if (!jwe)
        return fail(jwe.error());
    if (passphrase.isEmpty())
        return fail(ErrorCode::KeyPassphraseRequired,
                    QStringLiteral("the key file is encrypted; a passphrase is needed"), Segment::Key);

    auto kek = derivePbes2Kek(jwe->header.alg, passphrase, jwe->header.p2s, jwe->header.p2c);
    if (!kek)
        return fail(kek.error());
    auto cek = unwrapContentKey(*kek, jwe->encryptedKey);
    if (!cek)
        return fail(wrongPassphrase());
    const QByteArrayView aad = splitCompactJwe(compact)->protectedHeader;
    auto plaintext = openContent(jwe->header.enc, *cek, jwe->iv, aad, jwe->ciphertext, jwe->tag);
    if (!plaintext) {
        // openContent() reports a tag (or, after a good tag, padding) failure on the tag segment; anything else
        // is OpenSSL failing to run at all.
        if (plaintext.error().segment == Segment::AuthenticationTag)
            return fail(wrongPassphrase());
        return fail(plaintext.error());
    }
    return OpenedPbes2Jwe{std::move(jwe->header), std::move(*plaintext)};
}

} // namespace assay::detail
