// SPDX-License-Identifier: Apache-2.0
#include "PartColors.h"

namespace assay::ui {

PartColors PartColors::forPalette(const QPalette& palette)
{
    PartColors c;
    c.dark = palette.color(QPalette::Window).lightnessF() < 0.5;
    // The jwt.io hues (red header, violet payload, blue signature), darkened on light backgrounds and lightened on
    // dark ones so each keeps a contrast ratio above 4.5:1 against the editor background.
    if (c.dark) {
        c.header = QColor(0xff, 0x6b, 0x9a);
        c.payload = QColor(0xd4, 0x8c, 0xff);
        c.signature = QColor(0x4f, 0xc3, 0xf7);
        c.encryptedKey = QColor(0xff, 0xb7, 0x4d);
        c.initializationVector = QColor(0x81, 0xc7, 0x84);
        c.ciphertext = c.payload;
        c.authenticationTag = c.signature;
        c.dot = QColor(0xf5, 0xf5, 0xf5);
        c.error = QColor(0xff, 0x52, 0x52);
        c.jsonKey = QColor(0x9c, 0xdc, 0xfe);
        c.jsonString = QColor(0xce, 0x91, 0x78);
        c.jsonNumber = QColor(0xb5, 0xce, 0xa8);
        c.jsonLiteral = QColor(0x56, 0x9c, 0xd6);
        c.jsonPunctuation = QColor(0xbd, 0xbd, 0xbd);
        c.good = QColor(0x66, 0xbb, 0x6a);
        c.bad = QColor(0xef, 0x53, 0x50);
        c.warning = QColor(0xff, 0xa7, 0x26);
        c.neutral = QColor(0x9e, 0x9e, 0x9e);
    } else {
        c.header = QColor(0xc2, 0x18, 0x5b);
        c.payload = QColor(0x7b, 0x1f, 0xa2);
        c.signature = QColor(0x02, 0x77, 0xbd);
        c.encryptedKey = QColor(0xbf, 0x36, 0x0c);
        c.initializationVector = QColor(0x2e, 0x7d, 0x32);
        c.ciphertext = c.payload;
        c.authenticationTag = c.signature;
        c.dot = QColor(0x21, 0x21, 0x21);
        c.error = QColor(0xd3, 0x2f, 0x2f);
        c.jsonKey = QColor(0x00, 0x4d, 0x99);
        c.jsonString = QColor(0xa3, 0x15, 0x15);
        c.jsonNumber = QColor(0x09, 0x86, 0x58);
        c.jsonLiteral = QColor(0x00, 0x00, 0xcc);
        c.jsonPunctuation = QColor(0x61, 0x61, 0x61);
        c.good = QColor(0x2e, 0x7d, 0x32);
        c.bad = QColor(0xc6, 0x28, 0x28);
        c.warning = QColor(0xe6, 0x51, 0x00);
        c.neutral = QColor(0x61, 0x61, 0x61);
    }
    return c;
}

QColor PartColors::forSegment(Segment segment) const
{
    switch (segment) {
    case Segment::Header:
        return header;
    case Segment::Payload:
        return payload;
    case Segment::Signature:
        return signature;
    case Segment::EncryptedKey:
        return encryptedKey;
    case Segment::InitializationVector:
        return initializationVector;
    case Segment::Ciphertext:
        return ciphertext;
    case Segment::AuthenticationTag:
        return authenticationTag;
    default:
        return dot;
    }
}

} // namespace assay::ui
