// SPDX-License-Identifier: Apache-2.0
#include "jwe/EncryptedJwk.h"

#include "crypto/SecureBytes.h"
#include "crypto/detail/OsslError.h"
#include "encoding/Base64Url.h"
#include "jwe/detail/CompactPbes2Jwe.h"
#include "jwe/detail/Pbes2Header.h"
#include "jwk/KeyExport.h"
#include "jwk/detail/KeyImport.h"

#include <openssl/rand.h>

namespace assay {
namespace {

constexpr int kSaltBytes = 16; // RFC 7518 section 4.8.1.1 asks for at least 8; 128 bits as NIST SP 800-132 does

QByteArrayView trimmed(QByteArrayView text)
{
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    };
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isSpace(text[begin]))
        ++begin;
    while (end > begin && isSpace(text[end - 1]))
        --end;
    return text.sliced(begin, end - begin);
}

Error usageError(QString message)
{
    Error e;
    e.code = ErrorCode::Usage;
    e.message = std::move(message);
    return e;
}

// Fresh random bytes from OpenSSL's DRBG; the private DRBG for the content key, which is a secret.
Result<QByteArray> randomBytes(int count)
{
    QByteArray out(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), count) != 1)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("no random bytes available")));
    return out;
}

Result<SecureBytes> randomSecret(int count)
{
    SecureBytes out(QByteArray(count, '\0'));
    if (RAND_priv_bytes(out.data(), count) != 1)
        return fail(detail::opensslError(ErrorCode::CryptoFailure, QStringLiteral("no random bytes available")));
    return out;
}

Result<SecureBytes> plaintextFor(const QList<Key>& keys, bool singleJwk)
{
    if (!singleJwk)
        return exportJwks(keys, true);
    if (keys.size() != 1)
        return fail(
            usageError(QStringLiteral("a single encrypted JWK holds exactly one key, not %1; write a JWK Set instead")
                           .arg(keys.size())));
    const Key& key = keys.constFirst();
    return exportJwk(key, key.hasPrivate());
}

// The decrypted plaintext, loaded as the content type says (RFC 7517 section 7).
Result<KeySet> keysFromPlaintext(const SecureBytes& plaintext, detail::JwkContent content)
{
    auto doc = detail::parseJwkJson(plaintext.view());
    if (!doc)
        return fail(doc.error());
    const bool isSet = doc->is_object() && doc->contains("keys");
    if (content == detail::JwkContent::Jwk && isSet)
        return fail(ErrorCode::KeyParse,
                    QStringLiteral("the header says \"jwk+json\" (one JWK) but the decrypted content is a JWK Set"),
                    Segment::Payload);
    if (content == detail::JwkContent::JwkSet && !isSet)
        return fail(ErrorCode::KeyParse,
                    QStringLiteral("the header says \"jwk-set+json\" but the decrypted content is not a JWK Set"),
                    Segment::Payload);
    if (isSet)
        return detail::keySetFromJwks(*doc);
    auto key = detail::keyFromJwkObject(*doc);
    if (!key)
        return fail(key.error());
    KeySet set;
    set.keys.append(std::move(*key));
    return set;
}

} // namespace

Result<QByteArray> encryptJwkSet(const QList<Key>& keys, const SecureBytes& passphrase,
                                 const EncryptedJwkOptions& options)
{
    if (passphrase.isEmpty())
        return fail(usageError(QStringLiteral("a private key is never written unencrypted: give a passphrase")));
    const Pbes2Limits limits;
    if (options.iterations < limits.minIterations || options.iterations > limits.maxIterations)
        return fail(usageError(QStringLiteral("%1 PBKDF2 iterations is outside %2..%3, the range Assay opens")
                                   .arg(options.iterations)
                                   .arg(limits.minIterations)
                                   .arg(limits.maxIterations)));
    auto plaintext = plaintextFor(keys, options.singleJwk);
    if (!plaintext)
        return fail(plaintext.error());

    detail::Pbes2Header header;
    header.alg = options.algorithm;
    header.enc = options.encryption;
    header.p2c = options.iterations;
    header.content = options.singleJwk ? detail::JwkContent::Jwk : detail::JwkContent::JwkSet;
    auto salt = randomBytes(kSaltBytes);
    if (!salt)
        return fail(salt.error());
    header.p2s = std::move(*salt);
    auto cek = randomSecret(contentKeyBytes(options.encryption));
    if (!cek)
        return fail(cek.error());
    // A fresh random IV per file; GCM's 96-bit IV never repeats under one CEK because every CEK is used once.
    auto iv = randomBytes(contentIvBytes(options.encryption));
    if (!iv)
        return fail(iv.error());
    return detail::sealPbes2Jwe(base64url::encode(detail::buildPbes2Header(header)), plaintext->view(), passphrase,
                                *cek, *iv);
}

Result<KeySet> decryptJwkSet(QByteArrayView compactJwe, const SecureBytes& passphrase, const Pbes2Limits& limits)
{
    auto opened = detail::openPbes2Jwe(trimmed(compactJwe), passphrase, limits);
    if (!opened)
        return fail(opened.error());
    return keysFromPlaintext(opened->plaintext, opened->header.content);
}

std::optional<Result<EncryptedJwkInfo>> inspectEncryptedJwk(QByteArrayView text, const Pbes2Limits& limits)
{
    const QByteArrayView compact = trimmed(text);
    const auto segments = detail::splitCompactJwe(compact);
    if (!segments || !base64url::isValid(segments->protectedHeader))
        return std::nullopt;
    auto headerJson = base64url::decode(segments->protectedHeader, Segment::Header);
    if (!headerJson)
        return std::nullopt;
    const auto names = detail::readJweHeaderNames(*headerJson);
    if (!names)
        return std::nullopt;

    // It is a JWE. Explain the ones that are not passphrase-encrypted keys rather than failing as "unknown format".
    if (!pbes2AlgorithmFromName(names->alg))
        return fail(ErrorCode::AlgUnsupported,
                    QStringLiteral("this is a JWE encrypted with \"%1\"; only passphrase-encrypted key files "
                                   "(PBES2-HS256+A128KW, PBES2-HS384+A192KW, PBES2-HS512+A256KW) can be opened")
                        .arg(names->alg.left(60)),
                    Segment::Header);
    auto header = detail::checkPbes2Jwe(compact, limits);
    if (!header)
        return fail(header.error());
    EncryptedJwkInfo info;
    info.algorithm = header->alg;
    info.encryption = header->enc;
    info.iterations = header->p2c;
    info.singleJwk = header->content == detail::JwkContent::Jwk;
    return info;
}

std::optional<Result<KeySet>> loadEncryptedJwk(QByteArrayView text, const SecureBytes* passphrase)
{
    auto info = inspectEncryptedJwk(text);
    if (!info)
        return std::nullopt;
    if (!*info)
        return fail(info->error());
    if (passphrase == nullptr || passphrase->isEmpty())
        return fail(ErrorCode::KeyPassphraseRequired,
                    QStringLiteral("the key file is encrypted with a passphrase (%1, %2, %3 iterations); a "
                                   "passphrase is needed")
                        .arg(pbes2AlgorithmName((*info)->algorithm), contentEncryptionName((*info)->encryption))
                        .arg((*info)->iterations),
                    Segment::Key);
    return decryptJwkSet(text, *passphrase);
}

} // namespace assay
