// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace assay::ui {

/// A message cut to at most `maximum` characters around an ellipsis in the middle, for labels, lists and tooltips.
/// Library messages may quote input (a JSON parser's "last read: ..."), and one quoted megabyte string must not
/// become a megabyte-wide label.
[[nodiscard]] QString clipped(const QString& text, qsizetype maximum = 320);

} // namespace assay::ui
