// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace assay {

/// The base64 spellings a token part is found in, in the wild. JWS requires the first (RFC 7515 section 2);
/// the others come from libraries that used a general-purpose base64 encoder.
enum class Base64Style
{
    UrlUnpadded,      // RFC 7515 section 2: A-Z a-z 0-9 - _, no '='
    UrlPadded,        // RFC 4648 section 5 with '=' padding
    StandardPadded,   // RFC 4648 section 4: + / and '=' padding
    StandardUnpadded, // + / without padding
};

/// "base64url", "padded base64url", "standard base64 (padded)", "standard base64 without padding".
[[nodiscard]] QString base64StyleName(Base64Style style);

[[nodiscard]] QByteArray encodeBase64Style(QByteArrayView bytes, Base64Style style);

/// A part decoded whatever its base64 spelling, with what was irregular about it.
struct AnyBase64
{
    QByteArray bytes;
    bool padding = false;          // '=' at the end
    bool standardAlphabet = false; // '+' or '/'
    bool whitespace = false;       // spaces or line breaks (a line-wrapped encoder)

    [[nodiscard]] bool irregular() const { return padding || standardAlphabet || whitespace; }
    /// "'=' padding, standard base64 characters ('+', '/')", for messages; empty when regular.
    [[nodiscard]] QString describe() const;
};

/// Decodes base64 in either alphabet, with or without padding, ignoring whitespace. For forensics only: a token is
/// never accepted this way (the verifier stays strict); nullopt when the text is not base64 at all.
[[nodiscard]] std::optional<AnyBase64> decodeAnyBase64(QByteArrayView text);

} // namespace assay
