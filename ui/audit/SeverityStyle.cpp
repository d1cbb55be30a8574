// SPDX-License-Identifier: Apache-2.0
#include "SeverityStyle.h"

#include <QFont>
#include <QGuiApplication>
#include <QPainter>
#include <QPixmap>

namespace assay::ui {

SeverityStyle::SeverityStyle(const PartColors& colors)
    : m_colors(colors)
{
}

QColor SeverityStyle::color(LintSeverity severity) const
{
    switch (severity) {
    case LintSeverity::Error:
        return m_colors.bad;
    case LintSeverity::Warning:
        return m_colors.warning;
    case LintSeverity::Info:
        return m_colors.neutral;
    }
    return m_colors.neutral;
}

QString SeverityStyle::glyph(LintSeverity severity)
{
    // Glyphs the badge uses too: present in the default UI fonts, so none falls back to a box.
    switch (severity) {
    case LintSeverity::Error:
        return QStringLiteral("\u2716");
    case LintSeverity::Warning:
        return QStringLiteral("\u26A0");
    case LintSeverity::Info:
        return QStringLiteral("\u2139");
    }
    return QStringLiteral("\u2139");
}

QIcon SeverityStyle::icon(LintSeverity severity) const
{
    return glyphIcon(glyph(severity), color(severity));
}

QIcon SeverityStyle::forensicIcon(bool securityIssue) const
{
    return glyphIcon(forensicGlyph(), securityIssue ? m_colors.bad : m_colors.signature);
}

QIcon SeverityStyle::glyphIcon(const QString& glyph, const QColor& colour)
{
    const qreal ratio = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    const int side = 16;
    QPixmap pixmap(QSize(side, side) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    QFont font = painter.font();
    font.setPixelSize(side - 2);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(colour);
    painter.drawText(QRectF(0, 0, side, side), Qt::AlignCenter, glyph);
    return QIcon(pixmap);
}

} // namespace assay::ui
