// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PartColors.h"
#include "audit/LintCatalog.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace assay::ui {

/// How a finding's severity looks. Never colour alone (colour-blind users, monochrome screenshots): each severity
/// has its own glyph shape and its word as well, and the colours come from PartColors so they follow the theme.
class SeverityStyle
{
public:
    explicit SeverityStyle(const PartColors& colors);

    [[nodiscard]] QColor color(LintSeverity severity) const;
    /// "✖", "⚠", "ℹ"; forensic lines use "⚑".
    [[nodiscard]] static QString glyph(LintSeverity severity);
    [[nodiscard]] static QString forensicGlyph() { return QStringLiteral("\u2691"); }
    /// A small icon: the glyph in the severity's colour.
    [[nodiscard]] QIcon icon(LintSeverity severity) const;
    [[nodiscard]] QIcon forensicIcon(bool securityIssue) const;

private:
    [[nodiscard]] static QIcon glyphIcon(const QString& glyph, const QColor& colour);

    PartColors m_colors;
};

} // namespace assay::ui
