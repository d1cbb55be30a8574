// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/Key.h"
#include "jwk/KeySet.h"
#include "net/HttpFetch.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace assay::ui {

/// A JWK Set as the Issuer keys tab shows it, fresh from the network or loaded from the cache.
struct ShownJwks
{
    QUrl source;   // the URL asked for (the jwks_uri after discovery)
    QUrl finalUrl; // after redirects
    QList<FetchHop> hops;
    QString issuer;   // the issuer it was discovered from, if any
    QUrl metadataUrl; // the discovery document that named `source`
    QString contentType;
    QDateTime fetchedAt; // UTC
    QStringList warnings;
    QByteArray raw; // exactly as received
    KeySet keys;
    bool fromCache = false;
    QString cacheNote; // "Kept for offline use in …", or why not
};

/// The result pane of the Issuer keys tab: where the set came from, what was odd about it, and a table of its keys
/// (kid, kty, alg, use, size or curve, RFC 7638 thumbprint), with the actions on them. Or, after a failed fetch,
/// the failure explained.
class FetchedKeysView : public QWidget
{
    Q_OBJECT

public:
    enum Column
    {
        KidColumn,
        KtyColumn,
        AlgColumn,
        UseColumn,
        SizeColumn,
        ThumbprintColumn,
        ColumnCount,
    };

    explicit FetchedKeysView(QWidget* parent = nullptr);
    ~FetchedKeysView() override;

    void showJwks(const ShownJwks& jwks);
    /// `html` explains the failure (FetchErrorText::toHtml()); the previous set is cleared.
    void showError(const QString& html);
    void clear();

    [[nodiscard]] const ShownJwks& shown() const { return m_shown; }
    [[nodiscard]] bool hasKeys() const { return !m_shown.keys.keys.isEmpty(); }
    /// The keys of the selected rows (in table order).
    [[nodiscard]] QList<Key> selectedKeys() const;

Q_SIGNALS:
    void addToSession(const assay::Key& key, const QString& name);
    void useForVerifying(const assay::Key& key);
    void message(const QString& text);

private:
    void fillTable();
    void updateButtons();
    void addKeys(const QList<Key>& keys);
    void saveJwks();
    [[nodiscard]] QString sessionName(const Key& key) const;

    QLabel* m_originLabel;
    QLabel* m_detailsLabel;
    QLabel* m_warningsLabel;
    QLabel* m_errorLabel;
    QTableWidget* m_table;
    QPushButton* m_addSelectedButton;
    QPushButton* m_addAllButton;
    QPushButton* m_useButton;
    QPushButton* m_saveButton;
    ShownJwks m_shown;
};

} // namespace assay::ui
