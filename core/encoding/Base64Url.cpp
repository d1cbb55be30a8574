// SPDX-License-Identifier: Apache-2.0
#include "encoding/Base64Url.h"

#include <optional>

#include <array>

namespace assay::base64url {
namespace {

constexpr std::array<signed char, 256> makeDecodeTable()
{
    std::array<signed char, 256> table{};
    for (auto& v : table)
        v = -1;
    const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
    return table;
}

constexpr auto kDecode = makeDecodeTable();
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

QString describeChar(unsigned char c)
{
    switch (c) {
    case '=':
        return QStringLiteral("padding character '='");
    case '+':
        return QStringLiteral("'+' (standard base64, base64url uses '-')");
    case '/':
        return QStringLiteral("'/' (standard base64, base64url uses '_')");
    case ' ':
        return QStringLiteral("a space");
    case '\t':
        return QStringLiteral("a tab");
    case '\r':
    case '\n':
        return QStringLiteral("a line break");
    default:
        break;
    }
    if (c >= 0x21 && c < 0x7f)
        return QStringLiteral("'%1'").arg(QLatin1Char(static_cast<char>(c)));
    return QStringLiteral("byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
}

// Finds the first violation without allocating; returns an Error with code Internal when the text is fine.
std::optional<Error> check(QByteArrayView text, Segment segment)
{
    const auto n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (kDecode[c] >= 0)
            continue;
        Error e;
        e.code = c == '=' ? ErrorCode::Base64UrlPadding : ErrorCode::Base64UrlInvalidChar;
        e.message = c == '=' ? QStringLiteral("base64url must not be padded: %1").arg(describeChar(c))
                             : QStringLiteral("invalid base64url character: %1").arg(describeChar(c));
        e.segment = segment;
        e.offset = i;
        return e;
    }
    if (n % 4 == 1) {
        Error e;
        e.code = ErrorCode::Base64UrlBadLength;
        e.message =
            QStringLiteral("invalid base64url length %1 (a length of 4n+1 characters cannot be decoded)").arg(n);
        e.segment = segment;
        e.offset = n - 1;
        return e;
    }
    // Canonical form: the bits of the last character that do not belong to any output byte must be zero.
    if (n % 4 != 0) {
        const int last = kDecode[static_cast<unsigned char>(text[n - 1])];
        const int unusedMask = (n % 4 == 2) ? 0x0f : 0x03;
        if ((last & unusedMask) != 0) {
            Error e;
            e.code = ErrorCode::Base64UrlNonCanonical;
            e.message = QStringLiteral("non-canonical base64url: unused bits of the last character are not zero");
            e.segment = segment;
            e.offset = n - 1;
            return e;
        }
    }
    return std::nullopt;
}

} // namespace

QByteArray encode(QByteArrayView bytes)
{
    const auto n = bytes.size();
    QByteArray out(n / 3 * 4 + (n % 3 == 0 ? 0 : n % 3 + 1), Qt::Uninitialized);
    char* o = out.data();
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    qsizetype i = 0;
    for (; i + 3 <= n; i += 3) {
        const unsigned v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
        *o++ = kAlphabet[(v >> 18) & 63];
        *o++ = kAlphabet[(v >> 12) & 63];
        *o++ = kAlphabet[(v >> 6) & 63];
        *o++ = kAlphabet[v & 63];
    }
    if (n - i == 1) {
        const unsigned v = p[i] << 16;
        *o++ = kAlphabet[(v >> 18) & 63];
        *o++ = kAlphabet[(v >> 12) & 63];
    } else if (n - i == 2) {
        const unsigned v = (p[i] << 16) | (p[i + 1] << 8);
        *o++ = kAlphabet[(v >> 18) & 63];
        *o++ = kAlphabet[(v >> 12) & 63];
        *o++ = kAlphabet[(v >> 6) & 63];
    }
    return out;
}

bool isValid(QByteArrayView text)
{
    return !check(text, Segment::None).has_value();
}

Result<QByteArray> decode(QByteArrayView text, Segment segment)
{
    if (auto problem = check(text, segment))
        return fail(std::move(*problem));
    // check() guarantees every character is in the alphabet and the length is not 4n+1, so decode in whole
    // 4-character blocks straight into a buffer of the exact size (this runs on every keystroke).
    const auto n = text.size();
    const auto* in = reinterpret_cast<const unsigned char*>(text.data());
    QByteArray out(n / 4 * 3 + (n % 4 == 0 ? 0 : n % 4 - 1), Qt::Uninitialized);
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    const auto value = [](unsigned char c) {
        return static_cast<unsigned>(kDecode[c]);
    };
    qsizetype i = 0;
    for (; i + 4 <= n; i += 4) {
        const unsigned v = (value(in[i]) << 18) | (value(in[i + 1]) << 12) | (value(in[i + 2]) << 6) | value(in[i + 3]);
        *o++ = static_cast<unsigned char>(v >> 16);
        *o++ = static_cast<unsigned char>(v >> 8);
        *o++ = static_cast<unsigned char>(v);
    }
    if (n - i == 2) {
        const unsigned v = (value(in[i]) << 18) | (value(in[i + 1]) << 12);
        *o++ = static_cast<unsigned char>(v >> 16);
    } else if (n - i == 3) {
        const unsigned v = (value(in[i]) << 18) | (value(in[i + 1]) << 12) | (value(in[i + 2]) << 6);
        *o++ = static_cast<unsigned char>(v >> 16);
        *o++ = static_cast<unsigned char>(v >> 8);
    }
    return out;
}

} // namespace assay::base64url
