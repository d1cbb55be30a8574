// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace assay::ui {

/// Maps byte ranges of a decoded segment (the header or payload JSON exactly as the token carries it, which is
/// where lint locations point) onto the text a JSON pane shows. The panes show the segment pretty-printed (only
/// insignificant whitespace differs, JsonDocument::pretty()) or as the user typed it (whose minified form is the
/// segment), so the significant bytes of both texts are the same bytes in the same order: the map walks them side by
/// side, outside strings skipping whitespace. Results are QString (UTF-16) positions, so non-ASCII text maps right.
/// If the texts turn out not to be the same JSON (a stale pane), nothing is mapped.
class SegmentTextMap
{
public:
    /// A range in the shown text: QString position and length.
    using Range = std::pair<qsizetype, qsizetype>;

    SegmentTextMap(QByteArray segment, QString shown);

    /// Each byte range (offset, length in the segment) as a range of the shown text, in one pass over both texts;
    /// nullopt for a range that does not map (out of bounds, or the texts differ). Whitespace at a range's ends is
    /// left out, so a member's range selects exactly `"alg": "none"`.
    [[nodiscard]] QList<std::optional<Range>> map(const QList<Range>& byteRanges) const;

private:
    QByteArray m_segment;
    QString m_shown;
};

} // namespace assay::ui
