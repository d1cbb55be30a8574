// SPDX-License-Identifier: Apache-2.0
#include "audit/Base64Styles.h"

#include <QStringList>

namespace assay {

QString base64StyleName(Base64Style style)
{
    switch (style) {
    case Base64Style::UrlUnpadded:
        return QStringLiteral("base64url");
    case Base64Style::UrlPadded:
        return QStringLiteral("padded base64url");
    case Base64Style::StandardPadded:
        return QStringLiteral("standard base64 (padded)");
    case Base64Style::StandardUnpadded:
        return QStringLiteral("standard base64 without padding");
    }
    return {};
}

QByteArray encodeBase64Style(QByteArrayView bytes, Base64Style style)
{
    const QByteArray data = bytes.toByteArray();
    switch (style) {
    case Base64Style::UrlUnpadded:
        return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    case Base64Style::UrlPadded:
        return data.toBase64(QByteArray::Base64UrlEncoding);
    case Base64Style::StandardPadded:
        return data.toBase64(QByteArray::Base64Encoding);
    case Base64Style::StandardUnpadded:
        return data.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals);
    }
    return {};
}

QString AnyBase64::describe() const
{
    QStringList parts;
    if (padding)
        parts << QStringLiteral("'=' padding");
    if (standardAlphabet)
        parts << QStringLiteral("standard base64 characters ('+' or '/')");
    if (whitespace)
        parts << QStringLiteral("whitespace or line breaks");
    return parts.join(QStringLiteral(", "));
}

std::optional<AnyBase64> decodeAnyBase64(QByteArrayView text)
{
    AnyBase64 out;
    QByteArray body;
    body.reserve(text.size());
    qsizetype padding = 0;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            out.whitespace = true;
            continue;
        }
        if (c == '=') {
            ++padding;
            continue;
        }
        if (padding > 0)
            return std::nullopt; // '=' only at the end
        const bool url =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (c == '+' || c == '/') {
            out.standardAlphabet = true;
            body += c == '+' ? '-' : '_';
            continue;
        }
        if (!url)
            return std::nullopt;
        body += c;
    }
    if (padding > 2 || body.size() % 4 == 1)
        return std::nullopt;
    if (padding > 0 && (body.size() + padding) % 4 != 0)
        return std::nullopt;
    out.padding = padding > 0;
    auto decoded = QByteArray::fromBase64Encoding(body, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                                            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    out.bytes = std::move(decoded.decoded);
    return out;
}

} // namespace assay
