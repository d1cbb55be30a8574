// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

namespace assay {

/// One cached JWK Set.
struct JwksCacheEntry
{
    QUrl source;         // the URL it was fetched from (the jwks_uri, or the URL the user gave)
    QDateTime fetchedAt; // UTC
    QByteArray jwks;     // the set exactly as fetched
    int keyCount = 0;    // entries in its "keys" array
    QString filePath;
};

/// Fetched JWK Sets kept for offline use, one JSON file per source in a directory the caller chooses
/// (`{"source": URL, "fetched": UTC ISO 8601, "jwks": <the set as fetched>}`). Only public keys are kept: a set with
/// private or secret key material is refused. Files are written atomically (QSaveFile) and readable by the owner
/// only (0600, in a 0700 directory). Nothing here opens a connection.
class JwksCache
{
public:
    explicit JwksCache(QString directory);

    /// Where the window and assay-cli keep fetched sets, so a set fetched by one is there for the other:
    /// <generic cache location>/assay/jwks ($XDG_CACHE_HOME/assay/jwks or ~/.cache/assay/jwks on Linux).
    [[nodiscard]] static QString defaultDirectory();

    [[nodiscard]] const QString& directory() const { return m_directory; }

    /// Stores (or replaces) the set fetched from `source` at `fetchedAt`. The set must parse as a JWK Set with at
    /// least one usable key (parseJwksBody()); ERR_KEY_SET_INVALID when it holds private or secret members.
    [[nodiscard]] Result<JwksCacheEntry> store(const QUrl& source, const QByteArray& jwks, const QDateTime& fetchedAt);
    /// Every readable entry, ordered by source. Files that are not cache entries are left alone.
    [[nodiscard]] Result<QList<JwksCacheEntry>> list() const;
    /// The entry for `source`; ERR_CACHE_MISS when there is none.
    [[nodiscard]] Result<JwksCacheEntry> load(const QUrl& source) const;
    /// Removes the entry for `source`; ERR_CACHE_MISS when there is none.
    [[nodiscard]] Result<void> remove(const QUrl& source);
    /// Removes every entry (only this cache's own files); returns how many.
    [[nodiscard]] Result<int> clear();

    /// The file that holds (or would hold) the entry for `source`.
    [[nodiscard]] QString filePathFor(const QUrl& source) const;

private:
    QString m_directory;
};

} // namespace assay
