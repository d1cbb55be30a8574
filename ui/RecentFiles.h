// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSettings>
#include <QStringList>

namespace assay::ui {

/// The most recently opened or saved token files, newest first, kept in the given settings (paths only: a token
/// file's content is never copied into settings).
class RecentFiles
{
public:
    static constexpr int kMaximum = 10;

    explicit RecentFiles(QSettings& settings);

    [[nodiscard]] QStringList files() const;
    /// Moves `path` to the front (made absolute) and trims the list.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

private:
    void store(const QStringList& files);

    QSettings& m_settings;
};

} // namespace assay::ui
