// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PartColors.h"

#include <QSyntaxHighlighter>

namespace assay::ui {

/// JSON syntax colours: member names, strings, numbers, literals and punctuation. A plain scanner (no regular
/// expressions) so it stays linear on megabyte payloads and tolerates half-typed text.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument* document);
    void setColors(const PartColors& colors);

protected:
    void highlightBlock(const QString& text) override;

private:
    PartColors m_colors;
};

} // namespace assay::ui
