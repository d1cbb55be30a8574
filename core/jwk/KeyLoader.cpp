// SPDX-License-Identifier: Apache-2.0
#include "jwk/KeyLoader.h"

#include "crypto/SecureBytes.h"
#include "encoding/Base64Url.h"
#include "jwe/EncryptedJwk.h"
#include "jwk/detail/KeyImport.h"

namespace assay {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isSpace(text[begin]))
        ++begin;
    while (end > begin && isSpace(text[end - 1]))
        --end;
    return text.sliced(begin, end - begin);
}

Error secretError(ErrorCode code, QString message, qsizetype offset = -1)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.segment = Segment::Key;
    e.offset = offset;
    return e;
}

// Base64 in either alphabet with optional padding: the padding is checked and removed, the other alphabet is
// refused, and the rest goes through the strict base64url decoder (canonical trailing bits included).
Result<QByteArray> decodeBase64(QByteArrayView text, bool urlAlphabet, qsizetype textOffset)
{
    qsizetype padding = 0;
    while (padding < text.size() && padding < 3 && text[text.size() - 1 - padding] == '=')
        ++padding;
    if (padding > 2)
        return fail(secretError(ErrorCode::Base64UrlPadding, QStringLiteral("too much base64 padding"),
                                textOffset + text.size() - padding));
    if (padding > 0 && text.size() % 4 != 0)
        return fail(secretError(ErrorCode::Base64UrlPadding,
                                QStringLiteral("padded base64 must be a multiple of 4 characters"),
                                textOffset + text.size() - padding));
    const QByteArrayView body = text.first(text.size() - padding);
    QByteArray translated(body.data(), body.size());
    for (qsizetype i = 0; i < translated.size(); ++i) {
        char& c = translated[i];
        const bool foreign = urlAlphabet ? (c == '+' || c == '/') : (c == '-' || c == '_');
        if (foreign) {
            const QLatin1Char shown(c); // copied before wipe() releases the buffer `c` refers to
            wipe(translated);
            return fail(secretError(ErrorCode::Base64UrlInvalidChar,
                                    urlAlphabet ? QStringLiteral("'%1' is standard base64, not base64url").arg(shown)
                                                : QStringLiteral("'%1' is base64url, not standard base64").arg(shown),
                                    textOffset + i));
        }
        if (c == '+')
            c = '-';
        else if (c == '/')
            c = '_';
    }
    auto decoded = base64url::decode(translated, Segment::Key);
    wipe(translated);
    if (!decoded) {
        Error e = decoded.error();
        if (e.offset >= 0)
            e.offset += textOffset;
        e.message.replace(QStringLiteral("base64url"),
                          urlAlphabet ? QStringLiteral("base64url") : QStringLiteral("base64"));
        return fail(std::move(e));
    }
    return decoded;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

Result<QByteArray> decodeHex(QByteArrayView text, qsizetype textOffset)
{
    QByteArray out;
    out.reserve(text.size() / 2);
    int high = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isSpace(c)) {
            // Whitespace may separate bytes ("de ad be ef"), never split one.
            if (high >= 0) {
                wipe(out);
                return fail(
                    secretError(ErrorCode::KeyParse, QStringLiteral("whitespace inside a hex byte"), textOffset + i));
            }
            continue;
        }
        const int v = hexValue(c);
        if (v < 0) {
            wipe(out);
            return fail(secretError(ErrorCode::KeyParse, QStringLiteral("invalid hex character"), textOffset + i));
        }
        if (high < 0) {
            high = v;
        } else {
            out.append(static_cast<char>(high << 4 | v));
            high = -1;
        }
    }
    if (high >= 0) {
        wipe(out);
        return fail(
            secretError(ErrorCode::KeyParse, QStringLiteral("odd number of hex digits"), textOffset + text.size()));
    }
    return out;
}

} // namespace

Result<Key> keyFromSecret(QByteArrayView text, SecretEncoding encoding)
{
    QByteArray bytes;
    if (encoding == SecretEncoding::Utf8) {
        // Taken byte for byte: leading and trailing spaces can be part of a real secret.
        bytes = QByteArray(text.data(), text.size());
    } else {
        // Encoded forms carry no meaning in surrounding whitespace (a trailing newline from a file, say).
        const QByteArrayView body = trimmed(text);
        const qsizetype offset = body.isEmpty() ? 0 : body.data() - text.data();
        Result<QByteArray> decoded = encoding == SecretEncoding::Hex
                                         ? decodeHex(body, offset)
                                         : decodeBase64(body, encoding == SecretEncoding::Base64Url, offset);
        if (!decoded)
            return fail(decoded.error());
        bytes = std::move(*decoded);
    }
    if (bytes.isEmpty())
        return fail(secretError(ErrorCode::KeyEmptySecret, QStringLiteral("the HMAC secret is empty")));
    auto data = std::make_shared<detail::KeyData>();
    data->type = KeyType::Oct;
    data->format = KeyFormat::Secret;
    data->secret = SecureBytes(bytes);
    data->bits = static_cast<int>(bytes.size() * 8);
    data->hasPrivate = true;
    wipe(bytes);
    return Key(std::move(data));
}

Result<Key> keyFromJwk(QByteArrayView jwkJson)
{
    auto doc = detail::parseJwkJson(jwkJson);
    if (!doc)
        return fail(doc.error());
    if (doc->is_object() && doc->contains("keys"))
        return fail(ErrorCode::KeyParse, QStringLiteral("expected one JWK, got a JWK Set"), Segment::Key);
    return detail::keyFromJwkObject(*doc);
}

Result<KeySet> loadKeys(QByteArrayView data, const SecureBytes* passphrase)
{
    if (data.size() > detail::kMaxKeyInput)
        return fail(ErrorCode::InputTooLarge,
                    QStringLiteral("key input of %1 bytes is larger than the %2-byte limit")
                        .arg(data.size())
                        .arg(detail::kMaxKeyInput),
                    Segment::Key);
    QByteArrayView text = trimmed(data);
    if (text.startsWith("\xEF\xBB\xBF"))
        text = trimmed(text.sliced(3));
    if (text.isEmpty())
        return fail(ErrorCode::InputEmpty, QStringLiteral("no key given"), Segment::Key);

    // RFC 7517 section 7: a passphrase-encrypted JWK or JWK Set (compact JWE); PASSPHRASE_REQUIRED without one.
    if (auto encrypted = loadEncryptedJwk(text, passphrase))
        return std::move(*encrypted);

    // JSON is recognised by parsing it; a JSON object is a JWK Set when it has "keys", otherwise one JWK.
    if (text.front() == '{') {
        auto doc = detail::parseJwkJson(text);
        if (!doc)
            return fail(doc.error());
        if (doc->is_object() && doc->contains("keys"))
            return detail::keySetFromJwks(*doc);
        auto key = detail::keyFromJwkObject(*doc);
        if (!key)
            return fail(key.error());
        KeySet set;
        set.keys.append(std::move(*key));
        return set;
    }
    if (auto pem = detail::loadPem(text, passphrase))
        return std::move(*pem);
    // DER is binary: whitespace is significant there, so use the input as given.
    auto key = detail::loadDer(data, passphrase);
    if (!key)
        return fail(key.error());
    KeySet set;
    set.keys.append(std::move(*key));
    return set;
}

} // namespace assay
