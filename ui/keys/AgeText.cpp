// SPDX-License-Identifier: Apache-2.0
#include "keys/AgeText.h"

#include <QCoreApplication>

namespace assay::ui {

namespace {

// Without a translation loaded, Qt's "%n day(s)" would show as such; spelled out for English instead.
QString count(qint64 n, const char* one, const char* many)
{
    return n == 1 ? QCoreApplication::translate("AgeText", one) : QCoreApplication::translate("AgeText", many).arg(n);
}

} // namespace

QString localTimeWithAge(const QDateTime& when, const QDateTime& now)
{
    if (!when.isValid())
        return QCoreApplication::translate("AgeText", "unknown time");
    const QString local = when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const qint64 seconds = when.secsTo(now);
    QString age;
    if (seconds < -60) // a little skew between clocks is "just now"
        age = QCoreApplication::translate("AgeText", "in the future: check the clock");
    else if (seconds < 60)
        age = QCoreApplication::translate("AgeText", "just now");
    else if (seconds < 3600)
        age = count(seconds / 60, "1 minute ago", "%1 minutes ago");
    else if (seconds < 86400)
        age = count(seconds / 3600, "1 hour ago", "%1 hours ago");
    else
        age = count(seconds / 86400, "1 day ago", "%1 days ago");
    return QStringLiteral("%1 (%2)").arg(local, age);
}

} // namespace assay::ui
