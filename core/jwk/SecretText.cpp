// SPDX-License-Identifier: Apache-2.0
#include "jwk/SecretText.h"

#include "encoding/Utf8.h"

namespace assay {
namespace {

// Printable: well-formed UTF-8 with no C0 control character and no DEL (a tab or newline inside a secret would be
// lost or changed by the first editor or shell that touches it).
bool isPrintableUtf8(QByteArrayView bytes)
{
    if (!utf8::isValid(bytes))
        return false;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            return false;
    }
    return true;
}

SecureBytes hex(QByteArrayView bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    QByteArray text(bytes.size() * 2, '\0');
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        text[2 * i] = digits[b >> 4];
        text[2 * i + 1] = digits[b & 0xF];
    }
    SecureBytes out(text);
    wipe(text);
    return out;
}

SecureBytes base64(QByteArrayView bytes, bool url)
{
    const QByteArray copy = QByteArray::fromRawData(bytes.data(), bytes.size());
    QByteArray text = copy.toBase64(url ? (QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                                        : QByteArray::Base64Encoding);
    SecureBytes out(text);
    wipe(text);
    return out;
}

} // namespace

Result<SecureBytes> encodeSecret(const SecureBytes& secret, SecretEncoding encoding)
{
    const QByteArrayView bytes = secret.view();
    switch (encoding) {
    case SecretEncoding::Hex:
        return hex(bytes);
    case SecretEncoding::Base64:
        return base64(bytes, false);
    case SecretEncoding::Base64Url:
        return base64(bytes, true);
    case SecretEncoding::Utf8:
        if (!isPrintableUtf8(bytes))
            return fail(ErrorCode::Utf8Invalid,
                        QStringLiteral("the secret is not printable UTF-8 text; use hex, base64 or base64url"),
                        Segment::Key);
        return secret.clone();
    }
    return fail(ErrorCode::Internal, QStringLiteral("unknown secret encoding"));
}

SecretRenderings renderSecret(const SecureBytes& secret)
{
    SecretRenderings r;
    r.hex = hex(secret.view());
    r.base64 = base64(secret.view(), false);
    r.base64url = base64(secret.view(), true);
    if (isPrintableUtf8(secret.view()))
        r.utf8 = secret.clone();
    return r;
}

} // namespace assay
