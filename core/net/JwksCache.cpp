// SPDX-License-Identifier: Apache-2.0
#include "net/JwksCache.h"

#include "encoding/JsonDocument.h"
#include "net/FetchUrlPolicy.h"
#include "net/JwksDocument.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace assay {

namespace {

// Entries are named by a hash of their source, so any URL maps to a safe, fixed-length file name.
const QString kSuffix = QStringLiteral(".jwks.json");
constexpr qint64 kMaxEntryBytes = 16 * 1024 * 1024;

QByteArray sourceKey(const QUrl& source)
{
    return source.toEncoded(QUrl::RemoveFragment);
}

QByteArray jsonString(const QByteArray& utf8)
{
    return QByteArray::fromStdString(nlohmann::json(utf8.toStdString()).dump());
}

Error ioError(QString message, const QString& detail = {})
{
    Error e;
    e.code = ErrorCode::Io;
    e.message = std::move(message);
    e.detail = detail;
    return e;
}

int keyCountOf(const QByteArray& jwks)
{
    Result<JsonDocument> document = JsonDocument::parse(jwks, Segment::Key, JsonLimits{kMaxEntryBytes, 64});
    if (!document)
        return 0;
    const JsonMember* keys = document->find(u"keys");
    if (keys == nullptr || keys->kind != JsonKind::Array)
        return 0;
    Result<JsonDocument> array = JsonDocument::parse(keys->rawValue, Segment::Key, JsonLimits{kMaxEntryBytes, 64});
    return array ? static_cast<int>(array->elements().size()) : 0;
}

Result<JwksCacheEntry> readEntry(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ioError(QStringLiteral("cannot read the cache file \"%1\"").arg(path), file.errorString()));
    if (file.size() > kMaxEntryBytes)
        return fail(ioError(QStringLiteral("the cache file \"%1\" is too large").arg(path)));
    const QByteArray text = file.readAll();
    Result<JsonDocument> document = JsonDocument::parse(text, Segment::None, JsonLimits{kMaxEntryBytes, 64});
    if (!document || !document->isObject())
        return fail(ioError(QStringLiteral("the cache file \"%1\" is not a cache entry").arg(path)));
    const JsonMember* source = document->find(u"source");
    const JsonMember* fetched = document->find(u"fetched");
    const JsonMember* jwks = document->find(u"jwks");
    const std::optional<QString> sourceText = source != nullptr ? source->toString() : std::nullopt;
    const std::optional<QString> fetchedText = fetched != nullptr ? fetched->toString() : std::nullopt;
    if (!sourceText || !fetchedText || jwks == nullptr || jwks->kind != JsonKind::Object)
        return fail(ioError(QStringLiteral("the cache file \"%1\" is not a cache entry").arg(path)));
    JwksCacheEntry entry;
    entry.source = QUrl::fromEncoded(sourceText->toUtf8(), QUrl::StrictMode);
    entry.fetchedAt = QDateTime::fromString(*fetchedText, Qt::ISODate).toUTC();
    entry.jwks = jwks->rawValue;
    entry.keyCount = keyCountOf(entry.jwks);
    entry.filePath = path;
    if (!entry.source.isValid() || !entry.fetchedAt.isValid())
        return fail(ioError(QStringLiteral("the cache file \"%1\" is not a cache entry").arg(path)));
    return entry;
}

} // namespace

QString JwksCache::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation))
        .filePath(QStringLiteral("assay/jwks"));
}

JwksCache::JwksCache(QString directory)
    : m_directory(std::move(directory))
{
}

QString JwksCache::filePathFor(const QUrl& source) const
{
    const QByteArray hash = QCryptographicHash::hash(sourceKey(source), QCryptographicHash::Sha256).toHex();
    return QDir(m_directory).filePath(QString::fromLatin1(hash) + kSuffix);
}

Result<JwksCacheEntry> JwksCache::store(const QUrl& source, const QByteArray& jwks, const QDateTime& fetchedAt)
{
    if (!source.isValid() || source.isRelative())
        return fail(ErrorCode::Usage, QStringLiteral("a cache entry needs the absolute URL it came from"));
    if (!fetchedAt.isValid())
        return fail(ErrorCode::Usage, QStringLiteral("a cache entry needs the time it was fetched"));
    Result<KeySet> keys = parseJwksBody(jwks);
    if (!keys)
        return fail(keys.error());
    const QStringList material = privateKeyMaterial(jwks);
    if (!material.isEmpty())
        return fail(ErrorCode::KeySetInvalid,
                    QStringLiteral("not cached: the set holds private or secret key material (%1); only public keys "
                                   "are kept")
                        .arg(material.join(QStringLiteral("; "))),
                    Segment::Key);

    QDir dir(m_directory);
    if (!dir.mkpath(QStringLiteral(".")))
        return fail(ioError(QStringLiteral("cannot create the cache directory \"%1\"").arg(m_directory)));
    // Other users need not see which issuers this user looks at.
    QFile::setPermissions(m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    JwksCacheEntry entry;
    entry.source = source;
    entry.fetchedAt = fetchedAt.toUTC();
    entry.jwks = jwks.trimmed();
    entry.keyCount = keyCountOf(entry.jwks);
    entry.filePath = filePathFor(source);

    QByteArray text = "{\"source\":" + jsonString(sourceKey(source)) +
                      ",\"fetched\":" + jsonString(entry.fetchedAt.toString(Qt::ISODate).toUtf8()) +
                      ",\"jwks\":" + entry.jwks + "}\n";
    QSaveFile file(entry.filePath);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ioError(QStringLiteral("cannot write \"%1\"").arg(entry.filePath), file.errorString()));
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || file.write(text) != text.size() ||
        !file.commit())
        return fail(ioError(QStringLiteral("cannot write \"%1\"").arg(entry.filePath), file.errorString()));
    return entry;
}

Result<QList<JwksCacheEntry>> JwksCache::list() const
{
    QList<JwksCacheEntry> entries;
    const QDir dir(m_directory);
    if (!dir.exists())
        return entries;
    const QStringList files = dir.entryList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        Result<JwksCacheEntry> entry = readEntry(dir.filePath(name));
        // A file another program dropped here with our suffix is not listed; clear() still removes it.
        if (entry && filePathFor(entry->source) == entry->filePath)
            entries.append(std::move(*entry));
    }
    std::sort(entries.begin(), entries.end(), [](const JwksCacheEntry& a, const JwksCacheEntry& b) {
        return a.source.toString() < b.source.toString();
    });
    return entries;
}

Result<JwksCacheEntry> JwksCache::load(const QUrl& source) const
{
    const QString path = filePathFor(source);
    if (!QFile::exists(path))
        return fail(ErrorCode::CacheMiss, QStringLiteral("no cached JWK Set for %1").arg(displayUrl(source)));
    Result<JwksCacheEntry> entry = readEntry(path);
    if (!entry)
        return fail(entry.error());
    if (sourceKey(entry->source) != sourceKey(source))
        return fail(ErrorCode::CacheMiss, QStringLiteral("no cached JWK Set for %1 (the file there is for %2)")
                                              .arg(displayUrl(source), displayUrl(entry->source)));
    return entry;
}

Result<void> JwksCache::remove(const QUrl& source)
{
    const QString path = filePathFor(source);
    if (!QFile::exists(path))
        return fail(ErrorCode::CacheMiss, QStringLiteral("no cached JWK Set for %1").arg(displayUrl(source)));
    QFile file(path);
    if (!file.remove())
        return fail(ioError(QStringLiteral("cannot remove \"%1\"").arg(path), file.errorString()));
    return {};
}

Result<int> JwksCache::clear()
{
    const QDir dir(m_directory);
    if (!dir.exists())
        return 0;
    int removed = 0;
    const QStringList files = dir.entryList({QStringLiteral("*") + kSuffix}, QDir::Files);
    for (const QString& name : files) {
        QFile file(dir.filePath(name));
        if (!file.remove())
            return fail(ioError(QStringLiteral("cannot remove \"%1\"").arg(file.fileName()), file.errorString()));
        ++removed;
    }
    return removed;
}

} // namespace assay
