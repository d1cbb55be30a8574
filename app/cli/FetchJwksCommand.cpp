// SPDX-License-Identifier: Apache-2.0
#include "FetchJwksCommand.h"

#include "Console.h"
#include "TokenJson.h"

#include "encoding/JsonWriter.h"
#include "jwk/KeySet.h"
#include "net/FetchUrlPolicy.h"
#include "net/HttpFetch.h"
#include "net/JwksCache.h"
#include "net/JwksDocument.h"
#include "net/JwksFetcher.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <optional>

namespace assay::cli {

namespace {

const QString kIssuer = QStringLiteral("issuer");
const QString kAllowHttpLocalhost = QStringLiteral("allow-http-localhost");
const QString kCaFile = QStringLiteral("ca-file");
const QString kTimeout = QStringLiteral("timeout");
const QString kMaxBytes = QStringLiteral("max-bytes");
const QString kCacheDir = QStringLiteral("cache-dir");
const QString kNoCache = QStringLiteral("no-cache");
const QString kListCache = QStringLiteral("list-cache");
const QString kRemoveCache = QStringLiteral("remove-cache");
const QString kClearCache = QStringLiteral("clear-cache");
const QString kOffline = QStringLiteral("offline");
const QString kJson = QStringLiteral("json");

constexpr double kMaxTimeoutSeconds = 600;
constexpr qint64 kMaxBodyBytes = 64 * 1024 * 1024;

QString utc(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

// What might help after a refused or failed fetch.
QString hintFor(const Error& error)
{
    if (error.code == ErrorCode::NetworkRefused && error.message.contains(QLatin1String("this machine")))
        return QStringLiteral("--allow-http-localhost allows plain http to localhost, 127.0.0.1 and [::1]");
    if (error.code == ErrorCode::TlsFailure && error.message.contains(QLatin1String("certificate")))
        return QStringLiteral("--ca-file FILE adds a trusted CA certificate (PEM) for a private or test issuer");
    if (error.code == ErrorCode::ResponseTooLarge)
        return QStringLiteral("--max-bytes N raises the limit");
    if (error.code == ErrorCode::NetworkTimeout)
        return QStringLiteral("--timeout SEC allows more time");
    return {};
}

} // namespace

FetchJwksCommand::FetchJwksCommand(const Console& console)
    : Command(console)
{
}

QString FetchJwksCommand::name() const
{
    return QStringLiteral("fetch-jwks");
}

QString FetchJwksCommand::summary() const
{
    return QStringLiteral("Fetch a JWK Set from a URL or an issuer's discovery metadata (uses the network).");
}

void FetchJwksCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() +
        QStringLiteral(
            "\nThe only command that opens a connection, and only to the URL you give (or, with --issuer, to "
            "ISS/.well-known/openid-configuration and then the RFC 8414 /.well-known/oauth-authorization-server "
            "location). Each URL is printed on stderr before it is requested, every redirect too. https only; a "
            "redirect from https to http is refused."
            "\nThe set is cached for offline use (public keys only) in $XDG_CACHE_HOME/assay/jwks "
            "(~/.cache/assay/jwks) unless --no-cache; the cache options below use no network."
            "\nExit status: 0 done, 1 the fetch failed (or nothing cached for --offline/--remove-cache), 2 usage "
            "error."));
    parser.addOption(
        QCommandLineOption(kIssuer, QStringLiteral("Discover the jwks_uri from this issuer's metadata, then fetch it."),
                           QStringLiteral("ISS")));
    parser.addOption(QCommandLineOption(kAllowHttpLocalhost,
                                        QStringLiteral("Allow plain http to localhost, 127.0.0.1 and [::1] only.")));
    parser.addOption(QCommandLineOption(
        kCaFile, QStringLiteral("Also trust the CA certificates in this PEM file (the system store stays trusted)."),
        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        kTimeout, QStringLiteral("Give up after SEC seconds per fetch, redirects included (default 10)."),
        QStringLiteral("SEC")));
    parser.addOption(QCommandLineOption(
        kMaxBytes, QStringLiteral("Refuse a response larger than N bytes (default 1048576)."), QStringLiteral("N")));
    parser.addOption(QCommandLineOption(kCacheDir, QStringLiteral("Use this cache directory."), QStringLiteral("DIR")));
    parser.addOption(QCommandLineOption(kNoCache, QStringLiteral("Do not store the fetched set.")));
    parser.addOption(QCommandLineOption(kListCache, QStringLiteral("List the cached sets (no network).")));
    parser.addOption(
        QCommandLineOption(kOffline, QStringLiteral("Show the set cached for URL, with its fetch time (no network)."),
                           QStringLiteral("URL")));
    parser.addOption(
        QCommandLineOption(kRemoveCache, QStringLiteral("Remove the set cached for URL."), QStringLiteral("URL")));
    parser.addOption(QCommandLineOption(kClearCache, QStringLiteral("Remove every cached set.")));
    parser.addOption(QCommandLineOption(kJson, QStringLiteral("Print one JSON object instead of text.")));
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The JWK Set URL (https)."),
                                 QStringLiteral("[URL]"));
}

ExitCode FetchJwksCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    if (const std::optional<ExitCode> repeated =
            rejectRepeated(parser, {kIssuer, kCaFile, kTimeout, kMaxBytes, kCacheDir, kOffline, kRemoveCache}))
        return *repeated;
    const bool json = parser.isSet(kJson);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(QStringLiteral("expected one URL, got %1 arguments").arg(positional.size()));

    // Exactly one thing to do.
    const bool fetching = !positional.isEmpty() || parser.isSet(kIssuer);
    const int modes = (fetching ? 1 : 0) + (parser.isSet(kListCache) ? 1 : 0) + (parser.isSet(kOffline) ? 1 : 0) +
                      (parser.isSet(kRemoveCache) ? 1 : 0) + (parser.isSet(kClearCache) ? 1 : 0);
    if (!positional.isEmpty() && parser.isSet(kIssuer))
        return usageError(QStringLiteral("give either a URL or --issuer, not both"));
    if (modes == 0)
        return usageError(QStringLiteral("nothing to do: give a URL, --issuer ISS, --list-cache, --offline URL, "
                                         "--remove-cache URL or --clear-cache"));
    if (modes > 1)
        return usageError(
            QStringLiteral("choose one of: a URL or --issuer, --list-cache, --offline, --remove-cache, --clear-cache"));

    const QString cacheDirectory = parser.isSet(kCacheDir) ? parser.value(kCacheDir) : JwksCache::defaultDirectory();
    if (cacheDirectory.isEmpty())
        return usageError(QStringLiteral("--cache-dir must not be empty"));
    JwksCache cache(cacheDirectory);

    if (parser.isSet(kListCache))
        return listCache(cache, json);
    if (parser.isSet(kOffline))
        return showCached(cache, parser.value(kOffline), json);
    if (parser.isSet(kRemoveCache))
        return removeCached(cache, parser.value(kRemoveCache), json);
    if (parser.isSet(kClearCache))
        return clearCache(cache, json);

    FetchOptions options;
    options.allowHttpLocalhost = parser.isSet(kAllowHttpLocalhost);
    if (parser.isSet(kCaFile)) {
        options.caFile = parser.value(kCaFile);
        if (!QFileInfo(options.caFile).isFile())
            return usageError(QStringLiteral("--ca-file: cannot read \"%1\"").arg(options.caFile));
    }
    if (parser.isSet(kTimeout)) {
        bool ok = false;
        const double seconds = parser.value(kTimeout).toDouble(&ok);
        if (!ok || !(seconds > 0) || seconds > kMaxTimeoutSeconds)
            return usageError(QStringLiteral("--timeout needs seconds between 0 and %1, got \"%2\"")
                                  .arg(kMaxTimeoutSeconds)
                                  .arg(parser.value(kTimeout)));
        options.timeoutMs = std::max(1, static_cast<int>(seconds * 1000));
    }
    if (parser.isSet(kMaxBytes)) {
        bool ok = false;
        const qint64 bytes = parser.value(kMaxBytes).toLongLong(&ok);
        if (!ok || bytes <= 0 || bytes > kMaxBodyBytes)
            return usageError(QStringLiteral("--max-bytes needs a number of bytes between 1 and %1, got \"%2\"")
                                  .arg(kMaxBodyBytes)
                                  .arg(parser.value(kMaxBytes)));
        options.maxBytes = bytes;
    }
    if (parser.isSet(kIssuer) && parser.value(kIssuer).isEmpty())
        return usageError(QStringLiteral("--issuer needs the issuer URL"));
    if (!positional.isEmpty()) {
        const QUrl url(positional.front(), QUrl::StrictMode);
        if (!url.isValid() || url.isRelative())
            return usageError(QStringLiteral("\"%1\" is not an absolute URL").arg(positional.front()));
    }
    return fetch(parser, options, parser.isSet(kNoCache) ? nullptr : &cache, json);
}

ExitCode FetchJwksCommand::fetch(const QCommandLineParser& parser, const FetchOptions& baseOptions, JwksCache* cache,
                                 bool json)
{
    FetchOptions options = baseOptions;
    // The exact URL is shown before each request is made.
    options.onRequest = [this](const QUrl& url) {
        m_console.note(QStringLiteral("fetching %1").arg(displayUrl(url)));
        m_console.flush();
    };
    options.onRedirect = [this](const FetchHop& hop) {
        m_console.note(QStringLiteral("redirect (HTTP %1) from %2 to %3")
                           .arg(hop.status)
                           .arg(displayUrl(hop.from), displayUrl(hop.to)));
    };

    std::optional<DiscoveredIssuer> discovered;
    QUrl jwksUrl;
    if (parser.isSet(kIssuer)) {
        const QString issuer = parser.value(kIssuer);
        Result<QList<QUrl>> candidates = discoveryUrls(issuer, options.allowHttpLocalhost);
        if (!candidates)
            return failed(candidates.error(), json, hintFor(candidates.error()));
        QStringList shown;
        for (const QUrl& url : std::as_const(*candidates))
            shown.append(displayUrl(url));
        m_console.note(QStringLiteral("discovering the keys of issuer %1 (will try, in order: %2)")
                           .arg(issuer, shown.join(QStringLiteral(", "))));
        Result<DiscoveredIssuer> found = discoverJwksUri(issuer, options);
        if (!found)
            return failed(found.error(), json, hintFor(found.error()));
        m_console.note(
            QStringLiteral("jwks_uri %1 (from %2)").arg(displayUrl(found->jwksUri), displayUrl(found->metadataUrl)));
        jwksUrl = found->jwksUri;
        discovered = std::move(*found);
    } else {
        jwksUrl = QUrl(parser.positionalArguments().front(), QUrl::StrictMode);
    }

    Result<FetchedJwks> fetched = fetchJwks(jwksUrl, options);
    if (!fetched)
        return failed(fetched.error(), json, hintFor(fetched.error()));
    const QDateTime fetchedAt = QDateTime::currentDateTimeUtc();
    for (const QString& warning : std::as_const(fetched->warnings))
        m_console.note(warning);

    QString cachedAt;
    if (cache != nullptr) {
        Result<JwksCacheEntry> stored = cache->store(fetched->source, fetched->raw, fetchedAt);
        if (stored) {
            cachedAt = stored->filePath;
            m_console.note(QStringLiteral("cached for offline use in %1").arg(cache->directory()));
        } else {
            m_console.note(stored.error().message);
        }
    }

    if (json) {
        JsonWriter out;
        out.beginObject();
        out.member(u"command", name());
        out.memberBool(u"ok", true);
        out.memberBool(u"offline", false);
        out.member(u"source", displayUrl(fetched->source));
        out.member(u"finalUrl", displayUrl(fetched->finalUrl));
        if (discovered) {
            out.member(u"issuer", discovered->issuer);
            out.member(u"metadataUrl", displayUrl(discovered->metadataUrl));
        } else {
            out.memberNull(u"issuer");
            out.memberNull(u"metadataUrl");
        }
        out.member(u"fetched", utc(fetchedAt));
        out.member(u"contentType", fetched->contentType);
        out.key(u"hops").beginArray();
        for (const FetchHop& hop : std::as_const(fetched->hops)) {
            out.beginObject();
            out.member(u"from", displayUrl(hop.from));
            out.member(u"to", displayUrl(hop.to));
            out.memberNumber(u"status", hop.status);
            out.endObject();
        }
        out.endArray();
        if (cachedAt.isEmpty())
            out.memberNull(u"cacheFile");
        else
            out.member(u"cacheFile", cachedAt);
        out.key(u"warnings").stringList(fetched->warnings);
        writeKeys(out, fetched->keys);
        out.key(u"jwks").raw(fetched->raw.trimmed());
        out.endObject();
        m_console.write(out.text());
        m_console.printLine();
        return ExitCode::Ok;
    }

    m_console.printLine(QStringLiteral("Source:  %1").arg(displayUrl(fetched->source)));
    if (fetched->finalUrl != fetched->source)
        m_console.printLine(QStringLiteral("From:    %1").arg(displayUrl(fetched->finalUrl)));
    m_console.printLine(QStringLiteral("Fetched: %1").arg(utc(fetchedAt)));
    printKeys(fetched->keys);
    return ExitCode::Ok;
}

void FetchJwksCommand::printKeys(const KeySet& keys) const
{
    m_console.printLine(QStringLiteral("Keys:    %1").arg(keys.keys.size()));
    int kidWidth = 3;
    for (const Key& key : keys.keys)
        kidWidth = std::max(kidWidth, static_cast<int>(key.kid().size()));
    m_console.printLine(QStringLiteral("  %1  %2  %3  %4  %5")
                            .arg(QStringLiteral("KID").leftJustified(kidWidth), QStringLiteral("KTY").leftJustified(3),
                                 QStringLiteral("ALG").leftJustified(6), QStringLiteral("USE").leftJustified(3),
                                 QStringLiteral("THUMBPRINT (RFC 7638, SHA-256)")));
    for (const Key& key : keys.keys) {
        m_console.printLine(QStringLiteral("  %1  %2  %3  %4  %5")
                                .arg(orDash(key.kid()).leftJustified(kidWidth),
                                     keyTypeName(key.type()).leftJustified(3), orDash(key.alg()).leftJustified(6),
                                     orDash(key.use()).leftJustified(3), orDash(key.thumbprint().value_or(QString()))));
    }
}

void FetchJwksCommand::writeKeys(JsonWriter& out, const KeySet& keys)
{
    out.key(u"keys").beginArray();
    for (const Key& key : keys.keys) {
        out.beginObject();
        const auto optional = [&out](QStringView name, const QString& value) {
            if (value.isEmpty())
                out.memberNull(name);
            else
                out.member(name, value);
        };
        optional(u"kid", key.kid());
        out.member(u"kty", keyTypeName(key.type()));
        optional(u"alg", key.alg());
        optional(u"use", key.use());
        optional(u"thumbprint", key.thumbprint().value_or(QString()));
        out.endObject();
    }
    out.endArray();
}

ExitCode FetchJwksCommand::failed(const Error& error, bool json, const QString& hint) const
{
    if (json) {
        JsonWriter out;
        out.beginObject();
        out.member(u"command", name());
        out.memberBool(u"ok", false);
        out.key(u"error");
        TokenJson::writeError(out, error);
        if (hint.isEmpty())
            out.memberNull(u"hint");
        else
            out.member(u"hint", hint);
        out.endObject();
        m_console.write(out.text());
        m_console.printLine();
    } else {
        m_console.error(QStringLiteral("%1 (%2)").arg(error.toString(), errorCodeName(error.code)));
        if (!hint.isEmpty())
            m_console.note(hint);
    }
    return ExitCode::Failure;
}

ExitCode FetchJwksCommand::listCache(const JwksCache& cache, bool json) const
{
    Result<QList<JwksCacheEntry>> entries = cache.list();
    if (!entries)
        return failed(entries.error(), json);
    if (json) {
        JsonWriter out;
        out.beginObject();
        out.member(u"command", name());
        out.memberBool(u"ok", true);
        out.member(u"cacheDir", cache.directory());
        out.key(u"entries").beginArray();
        for (const JwksCacheEntry& entry : std::as_const(*entries)) {
            out.beginObject();
            out.member(u"source", displayUrl(entry.source));
            out.member(u"fetched", utc(entry.fetchedAt));
            out.memberNumber(u"keys", entry.keyCount);
            out.member(u"file", entry.filePath);
            out.endObject();
        }
        out.endArray();
        out.endObject();
        m_console.write(out.text());
        m_console.printLine();
        return ExitCode::Ok;
    }
    if (entries->isEmpty()) {
        m_console.printLine(QStringLiteral("No cached JWK Sets in %1").arg(cache.directory()));
        return ExitCode::Ok;
    }
    m_console.printLine(QStringLiteral("Cached JWK Sets in %1:").arg(cache.directory()));
    for (const JwksCacheEntry& entry : std::as_const(*entries)) {
        m_console.printLine(QStringLiteral("  %1  %2 key(s)  %3")
                                .arg(utc(entry.fetchedAt))
                                .arg(entry.keyCount)
                                .arg(displayUrl(entry.source)));
    }
    return ExitCode::Ok;
}

ExitCode FetchJwksCommand::showCached(const JwksCache& cache, const QString& url, bool json) const
{
    Result<JwksCacheEntry> entry = cache.load(QUrl(url, QUrl::StrictMode));
    if (!entry)
        return failed(entry.error(), json);
    Result<KeySet> keys = parseJwksBody(entry->jwks);
    if (!keys)
        return failed(keys.error(), json);
    if (json) {
        JsonWriter out;
        out.beginObject();
        out.member(u"command", name());
        out.memberBool(u"ok", true);
        out.memberBool(u"offline", true);
        out.member(u"source", displayUrl(entry->source));
        out.member(u"fetched", utc(entry->fetchedAt));
        out.member(u"cacheFile", entry->filePath);
        writeKeys(out, *keys);
        out.key(u"jwks").raw(entry->jwks);
        out.endObject();
        m_console.write(out.text());
        m_console.printLine();
        return ExitCode::Ok;
    }
    m_console.printLine(QStringLiteral("Source:  %1 (cached, no network used)").arg(displayUrl(entry->source)));
    m_console.printLine(QStringLiteral("Fetched: %1").arg(utc(entry->fetchedAt)));
    printKeys(*keys);
    return ExitCode::Ok;
}

ExitCode FetchJwksCommand::removeCached(JwksCache& cache, const QString& url, bool json) const
{
    const QUrl source(url, QUrl::StrictMode);
    Result<void> removed = cache.remove(source);
    if (!removed)
        return failed(removed.error(), json);
    if (json) {
        JsonWriter out;
        out.beginObject();
        out.member(u"command", name());
        out.memberBool(u"ok", true);
        out.member(u"removed", displayUrl(source));
        out.endObject();
        m_console.write(out.text());
        m_console.printLine();
    } else {
        m_console.printLine(QStringLiteral("Removed the cached set for %1").arg(displayUrl(source)));
    }
    return ExitCode::Ok;
}

ExitCode FetchJwksCommand::clearCache(JwksCache& cache, bool json) const
{
    Result<int> removed = cache.clear();
    if (!removed)
        return failed(removed.error(), json);
    if (json) {
        JsonWriter out;
        out.beginObject();
        out.member(u"command", name());
        out.memberBool(u"ok", true);
        out.memberNumber(u"removed", *removed);
        out.member(u"cacheDir", cache.directory());
        out.endObject();
        m_console.write(out.text());
        m_console.printLine();
    } else {
        m_console.printLine(QStringLiteral("Removed %1 cached set(s) from %2").arg(*removed).arg(cache.directory()));
    }
    return ExitCode::Ok;
}

} // namespace assay::cli
