// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Error.h"

#include <QColor>
#include <QPalette>

namespace assay::ui {

/// The colours of token parts, JSON tokens and verdicts, chosen for the palette's lightness so they stay readable
/// in light and dark themes (the window colour decides, as it follows the system theme).
struct PartColors
{
    bool dark = false;
    QColor header;
    QColor payload;
    QColor signature;
    QColor encryptedKey;
    QColor initializationVector;
    QColor ciphertext;
    QColor authenticationTag;
    QColor dot;
    QColor error;
    // JSON
    QColor jsonKey;
    QColor jsonString;
    QColor jsonNumber;
    QColor jsonLiteral;
    QColor jsonPunctuation;
    // Verdicts
    QColor good;
    QColor bad;
    QColor warning;
    QColor neutral;

    [[nodiscard]] static PartColors forPalette(const QPalette& palette);
    [[nodiscard]] QColor forSegment(Segment segment) const;
};

} // namespace assay::ui
