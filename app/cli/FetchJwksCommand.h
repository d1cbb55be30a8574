// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Command.h"

#include "base/Result.h"

#include <QDateTime>

class QCommandLineParser;

namespace assay {
struct FetchOptions;
struct FetchedJwks;
struct KeySet;
class JwksCache;
} // namespace assay

namespace assay {
class JsonWriter;
} // namespace assay

namespace assay::cli {

/// `assay-cli fetch-jwks URL | --issuer ISS [...]`: the only command that uses the network, and only for the URL the
/// user names (or the issuer's discovery documents). Each URL is printed on stderr ("fetching <url>") before it is
/// requested, every redirect too. The fetched set is cached for offline use (unless --no-cache); --list-cache,
/// --offline URL, --remove-cache URL and --clear-cache work on that cache without any network.
/// Exit status: 0 fetched (or cache operation done), 1 the fetch failed or nothing is cached, 2 usage error.
class FetchJwksCommand final : public Command
{
public:
    explicit FetchJwksCommand(const Console& console);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] ExitCode run(const QStringList& arguments) override;

protected:
    void setUp(QCommandLineParser& parser) const override;

private:
    [[nodiscard]] ExitCode fetch(const QCommandLineParser& parser, const FetchOptions& options, JwksCache* cache,
                                 bool json);
    [[nodiscard]] ExitCode listCache(const JwksCache& cache, bool json) const;
    [[nodiscard]] ExitCode showCached(const JwksCache& cache, const QString& url, bool json) const;
    [[nodiscard]] ExitCode removeCached(JwksCache& cache, const QString& url, bool json) const;
    [[nodiscard]] ExitCode clearCache(JwksCache& cache, bool json) const;

    /// "error: ..." (or the --json error object) for a failed fetch or cache operation; returns Failure.
    ExitCode failed(const Error& error, bool json, const QString& hint = {}) const;
    /// The key table (text) for a set.
    void printKeys(const KeySet& keys) const;
    /// The "keys" array member (--json).
    static void writeKeys(JsonWriter& out, const KeySet& keys);
};

} // namespace assay::cli
