// SPDX-License-Identifier: Apache-2.0
#pragma once

// TLS for OpenSSL's HTTP client: the client context (peer verification against the system trust store plus an
// optional CA file, TLS 1.2 minimum) and the bio_update_fn that OSSL_HTTP_open() calls once the TCP connection is
// up, which pushes an SSL BIO (SNI, host name check) and the response tap onto the connection.

#include "base/Result.h"
#include "crypto/detail/OsslPtr.h"
#include "net/detail/ResponseTap.h"

#include <QByteArray>
#include <QString>

#include <openssl/ssl.h>

namespace assay::detail {

using SslCtxPtr = OsslPtr<SSL_CTX, SSL_CTX_free>;

/// A client context: SSL_VERIFY_PEER, the default trust store (SSL_CTX_set_default_verify_paths) plus `caFile`
/// (PEM, may hold several certificates) when not empty, TLS 1.2 or later. ERR_IO when the CA file cannot be read.
[[nodiscard]] Result<SslCtxPtr> newClientTlsContext(const QString& caFile);

/// The `arg` of connectionUpdate(): what one connection needs, and what it leaves for error reporting.
struct ConnectionHooks
{
    SSL_CTX* tls = nullptr;   // null: plain http
    QByteArray host;          // host name or IP literal (without brackets), for SNI and the certificate check
    bool hostIsIp = false;    // IP literals are checked against iPAddress SANs and get no SNI (RFC 6066 section 3)
    TapRecord* tap = nullptr; // where the response tap records the head

    // Set while connected; the SSL object belongs to the SSL BIO.
    SSL* ssl = nullptr;
    BIO* tapBio = nullptr;
    BIO* sslBio = nullptr;
};

/// OSSL_HTTP_bio_cb_t: on connect, pushes [SSL BIO] and the tap; on disconnect pops and frees them again.
BIO* connectionUpdate(BIO* bio, void* arg, int connect, int detail);

} // namespace assay::detail
