// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace assay::ui {

/// Maps the core's UTF-8 byte offsets onto QString (UTF-16) positions of the same text, for editors.
/// ASCII text (every real token) maps one to one without a table.
class TextOffsets
{
public:
    TextOffsets() = default;
    explicit TextOffsets(const QString& text);

    /// The QString position of the character holding byte `byteOffset` (clamped to the text).
    [[nodiscard]] qsizetype toCharPosition(qsizetype byteOffset) const;
    /// The QString position `column` UTF-8 bytes (1-based) into `line` (1-based) of the text.
    [[nodiscard]] static qsizetype positionOfLineColumn(const QString& text, int line, int column);

private:
    QList<qsizetype> m_charAtByte; // empty for ASCII
    qsizetype m_length = 0;
};

} // namespace assay::ui
