// SPDX-License-Identifier: Apache-2.0
#include "net/detail/TlsConnection.h"

#include "crypto/detail/OsslError.h"

#include <QFile>

#include <openssl/err.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

namespace assay::detail {

Result<SslCtxPtr> newClientTlsContext(const QString& caFile)
{
    SslCtxPtr ctx(SSL_CTX_new(TLS_client_method()));
    if (!ctx)
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot create a TLS context")));
    if (SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION) != 1)
        return fail(opensslError(ErrorCode::CryptoFailure, QStringLiteral("cannot require TLS 1.2")));
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_PEER, nullptr);
    // A system without a default store can still work with an explicit CA file, so this is not fatal by itself;
    // an unverifiable peer then fails the handshake with a clear verify error.
    if (SSL_CTX_set_default_verify_paths(ctx.get()) != 1)
        clearOpensslErrors();
    if (!caFile.isEmpty()) {
        if (!QFile::exists(caFile))
            return fail(ErrorCode::Io, QStringLiteral("CA file \"%1\" does not exist").arg(caFile));
        const QByteArray path = QFile::encodeName(caFile);
        if (SSL_CTX_load_verify_locations(ctx.get(), path.constData(), nullptr) != 1)
            return fail(opensslError(
                ErrorCode::Io, QStringLiteral("cannot load CA certificates from \"%1\" (PEM expected)").arg(caFile)));
    }
    // Servers commonly close without close_notify after an HTTP/1.0 response. The body's length is checked
    // against Content-Length when there is one, and a truncated JWK Set does not parse, so a bare EOF is an end.
    SSL_CTX_set_options(ctx.get(), SSL_OP_IGNORE_UNEXPECTED_EOF);
    return ctx;
}

namespace {

BIO* pushTls(BIO* bio, ConnectionHooks& hooks)
{
    BIO* sslBio = BIO_new(BIO_f_ssl());
    if (sslBio == nullptr)
        return nullptr;
    SSL* ssl = SSL_new(hooks.tls);
    if (ssl == nullptr) {
        BIO_free(sslBio);
        return nullptr;
    }
    bool ok = true;
    if (!hooks.hostIsIp)
        ok = SSL_set_tlsext_host_name(ssl, hooks.host.constData()) == 1;
    X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    if (ok) {
        ok = hooks.hostIsIp ? X509_VERIFY_PARAM_set1_ip_asc(param, hooks.host.constData()) == 1
                            : SSL_set1_host(ssl, hooks.host.constData()) == 1;
    }
    if (!ok) {
        SSL_free(ssl);
        BIO_free(sslBio);
        return nullptr;
    }
    SSL_set_connect_state(ssl);
    BIO_set_ssl(sslBio, ssl, BIO_CLOSE);
    hooks.ssl = ssl;
    hooks.sslBio = sslBio;
    return BIO_push(sslBio, bio);
}

} // namespace

BIO* connectionUpdate(BIO* bio, void* arg, int connect, int detail)
{
    auto* hooks = static_cast<ConnectionHooks*>(arg);
    if (hooks == nullptr || bio == nullptr)
        return bio;
    if (connect != 0) {
        BIO* top = bio;
        if (hooks->tls != nullptr) {
            top = pushTls(bio, *hooks);
            if (top == nullptr)
                return nullptr;
        }
        BIO* tap = newResponseTap(hooks->tap);
        if (tap == nullptr) {
            if (hooks->sslBio != nullptr) {
                BIO_pop(hooks->sslBio);
                BIO_free(hooks->sslBio);
                hooks->sslBio = nullptr;
                hooks->ssl = nullptr;
            }
            return nullptr;
        }
        hooks->tapBio = tap;
        return BIO_push(tap, top);
    }

    // Disconnect: undo what connect pushed, leaving the connection BIO for OpenSSL to free.
    BIO* rest = bio;
    if (hooks->tapBio != nullptr && rest == hooks->tapBio) {
        rest = BIO_pop(hooks->tapBio);
        BIO_free(hooks->tapBio);
        hooks->tapBio = nullptr;
    }
    if (hooks->sslBio != nullptr && rest == hooks->sslBio) {
        (void)ERR_set_mark();
        if (detail != 0)
            (void)BIO_ssl_shutdown(hooks->sslBio); // best effort close_notify after a good exchange
        rest = BIO_pop(hooks->sslBio);
        BIO_free(hooks->sslBio);
        (void)ERR_pop_to_mark();
        hooks->sslBio = nullptr;
        hooks->ssl = nullptr;
    }
    return rest;
}

} // namespace assay::detail
