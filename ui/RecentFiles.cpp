// SPDX-License-Identifier: Apache-2.0
#include "RecentFiles.h"

#include <QFileInfo>

namespace assay::ui {
namespace {
const QString kKey = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QSettings& settings)
    : m_settings(settings)
{
}

QStringList RecentFiles::files() const
{
    return m_settings.value(kKey).toStringList();
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaximum)
        list.removeLast();
    store(list);
}

void RecentFiles::remove(const QString& path)
{
    QStringList list = files();
    list.removeAll(path);
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList& list)
{
    m_settings.setValue(kKey, list);
}

} // namespace assay::ui
