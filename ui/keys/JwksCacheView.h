// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "net/JwksCache.h"

#include <QList>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace assay::ui {

/// Asks the user a yes/no question without a nested event loop: `answer` runs later with the choice (false when
/// the question is dismissed). Replaceable so tests can answer; the default is a window-modal QMessageBox whose
/// default button is No.
using ConfirmFunction = std::function<void(QWidget* parent, const QString& title, const QString& text,
                                           std::function<void(bool yes)> answer)>;

/// The default ConfirmFunction (a QMessageBox named "issuerConfirmBox", opened with open(), default button No).
void askYesNo(QWidget* parent, const QString& title, const QString& text, std::function<void(bool yes)> answer);

/// The JWK Sets kept for offline use (net/JwksCache.h) on the Issuer keys tab: source, fetched at (local time and
/// age), key count; Load (no network), Remove, Remove all (confirmed), and the folder they live in.
class JwksCacheView : public QWidget
{
    Q_OBJECT

public:
    explicit JwksCacheView(QWidget* parent = nullptr);
    ~JwksCacheView() override;

    /// Where the sets are kept; lists them at once.
    void setDirectory(const QString& directory);
    [[nodiscard]] QString directory() const { return m_cache.directory(); }
    void setConfirm(ConfirmFunction confirm) { m_confirm = std::move(confirm); }

    /// Stores a fetched set (JwksCache::store) and lists again; the new entry, or why not.
    [[nodiscard]] Result<JwksCacheEntry> store(const QUrl& source, const QByteArray& jwks, const QDateTime& fetchedAt);
    /// Reads the directory again.
    void refresh();
    [[nodiscard]] const QList<JwksCacheEntry>& entries() const { return m_entries; }

    void loadSelected();
    void removeSelected();
    void removeAll();

Q_SIGNALS:
    /// The user asked to see a cached set (already read from disk; no network).
    void loadRequested(const assay::JwksCacheEntry& entry);
    void message(const QString& text);

private:
    [[nodiscard]] int selectedRow() const;
    void updateButtons();

    JwksCache m_cache;
    QList<JwksCacheEntry> m_entries;
    ConfirmFunction m_confirm;
    QTableWidget* m_table;
    QLabel* m_folderLabel;
    QPushButton* m_loadButton;
    QPushButton* m_removeButton;
    QPushButton* m_removeAllButton;
};

} // namespace assay::ui
