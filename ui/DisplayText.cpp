// SPDX-License-Identifier: Apache-2.0
#include "DisplayText.h"

namespace assay::ui {

QString clipped(const QString& text, qsizetype maximum)
{
    if (text.size() <= maximum || maximum < 8)
        return text;
    const qsizetype head = (maximum - 1) * 2 / 3;
    const qsizetype tail = maximum - 1 - head;
    return text.left(head) + QStringLiteral("\u2026") + text.right(tail);
}

} // namespace assay::ui
