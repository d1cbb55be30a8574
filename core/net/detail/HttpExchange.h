// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QString>
#include <QUrl>

#include <openssl/ssl.h>

namespace assay::detail {

/// One GET request and its response over a fresh connection (HTTP/1.0, connection closed afterwards).
struct ExchangeSettings
{
    SSL_CTX* tls = nullptr; // required for https URLs
    QDeadlineTimer deadline;
    qint64 maxBytes = 0;
};

struct ExchangeOutcome
{
    int status = 0;
    QString contentType;
    QByteArray body;     // status 200
    QByteArray location; // status 301/302: the Location as sent (maybe relative)
};

/// The URL must already have passed checkFetchUrl(). Errors as documented for httpGet().
[[nodiscard]] Result<ExchangeOutcome> exchangeOnce(const QUrl& url, const ExchangeSettings& settings);

} // namespace assay::detail
