// SPDX-License-Identifier: Apache-2.0
#include "net/detail/HttpExchange.h"

#include "net/FetchUrlPolicy.h"
#include "net/detail/OsslErrorQueue.h"
#include "net/detail/ResponseTap.h"
#include "net/detail/TlsConnection.h"

#include <QDateTime>
#include <QRegularExpression>

#include <openssl/err.h>
#include <openssl/http.h>
#include <openssl/httperr.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <ctime>

namespace assay::detail {

namespace {

// Closes the HTTP context (and with it the connection) on every path; `ok` tells the TLS hook whether to send
// close_notify.
class RequestContext
{
public:
    explicit RequestContext(OSSL_HTTP_REQ_CTX* ctx)
        : m_ctx(ctx)
    {
    }
    ~RequestContext() { close(false); }
    RequestContext(const RequestContext&) = delete;
    RequestContext& operator=(const RequestContext&) = delete;

    [[nodiscard]] OSSL_HTTP_REQ_CTX* get() const { return m_ctx; }
    void close(bool ok)
    {
        if (m_ctx == nullptr)
            return;
        (void)ERR_set_mark();
        (void)OSSL_HTTP_close(m_ctx, ok ? 1 : 0);
        (void)ERR_pop_to_mark();
        m_ctx = nullptr;
    }

private:
    OSSL_HTTP_REQ_CTX* m_ctx = nullptr;
};

struct HeaderList
{
    STACK_OF(CONF_VALUE) * list = nullptr;
    ~HeaderList() { sk_CONF_VALUE_pop_free(list, X509V3_conf_free); }
    bool add(const char* name, const QByteArray& value)
    {
        return X509V3_add_value(name, value.constData(), &list) == 1;
    }
};

// OpenSSL's client measures time in whole seconds of the wall clock: the end of our deadline, rounded up.
time_t opensslDeadline(const QDeadlineTimer& deadline)
{
    const qint64 endMs = QDateTime::currentMSecsSinceEpoch() + std::max<qint64>(deadline.remainingTime(), 0);
    return static_cast<time_t>((endMs + 999) / 1000);
}

bool isIpLiteral(const QString& host)
{
    static const QRegularExpression ipv4(QStringLiteral("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$"));
    return host.contains(QLatin1Char(':')) || ipv4.match(host).hasMatch();
}

Error makeError(ErrorCode code, QString message, QString detail = {})
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.detail = std::move(detail);
    return e;
}

bool isTimeout(const OsslErrorQueue& errors)
{
    return errors.has(ERR_LIB_BIO, BIO_R_TRANSFER_TIMEOUT) || errors.has(ERR_LIB_BIO, BIO_R_CONNECT_TIMEOUT) ||
           errors.has(ERR_LIB_HTTP, HTTP_R_RETRY_TIMEOUT);
}

QString statusMeaning(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("bad request");
    case 401:
        return QStringLiteral("authentication required");
    case 403:
        return QStringLiteral("forbidden");
    case 404:
        return QStringLiteral("not found");
    case 410:
        return QStringLiteral("gone");
    case 429:
        return QStringLiteral("too many requests");
    default:
        break;
    }
    if (status >= 500)
        return QStringLiteral("server error");
    if (status >= 300 && status < 400)
        return QStringLiteral("a redirect that is not followed (only 301 and 302 are)");
    return QStringLiteral("unexpected status");
}

Error statusError(const QString& shown, const ResponseHead& head, const QString& detail)
{
    QString message = QStringLiteral("%1: %2 (HTTP %3").arg(shown, statusMeaning(head.status)).arg(head.status);
    if (!head.reason.isEmpty())
        message += QLatin1Char(' ') + QString::fromLatin1(head.reason);
    message += QLatin1Char(')');
    if (head.status >= 300 && head.status < 400) {
        if (const std::optional<QByteArray> location = head.field("Location"))
            message += QStringLiteral(" to %1").arg(QString::fromLatin1(*location));
    }
    return makeError(ErrorCode::HttpStatus, message, detail);
}

// Why OSSL_HTTP_exchange() gave no response: the most specific reason we can tell.
Error exchangeFailure(const QString& shown, const QString& server, const ConnectionHooks& hooks, const TapRecord& tap,
                      qint64 timeoutMs)
{
    // Read the TLS state before the connection is closed (closing frees the SSL object).
    long verify = X509_V_OK;
    bool handshakeDone = true;
    if (hooks.ssl != nullptr) {
        verify = SSL_get_verify_result(hooks.ssl);
        handshakeDone = SSL_is_init_finished(hooks.ssl) == 1;
    }
    const OsslErrorQueue errors = OsslErrorQueue::take();

    if (!handshakeDone && verify != X509_V_OK) {
        return makeError(ErrorCode::TlsFailure,
                         QStringLiteral("TLS failure with %1: the server's certificate was not accepted: %2")
                             .arg(server, QString::fromUtf8(X509_verify_cert_error_string(verify))),
                         errors.text());
    }
    if (isTimeout(errors)) {
        const QString phase = !tap.head.isEmpty() ? QStringLiteral("while reading the response")
                              : !handshakeDone    ? QStringLiteral("during the TLS handshake")
                                                  : QStringLiteral("waiting for the response");
        return makeError(ErrorCode::NetworkTimeout,
                         QStringLiteral("%1: timed out after %2 %3")
                             .arg(shown, QStringLiteral("%1 s").arg(static_cast<double>(timeoutMs) / 1000.0), phase),
                         errors.text());
    }
    if (!handshakeDone && (errors.hasLib(ERR_LIB_SSL) || hooks.ssl != nullptr)) {
        return makeError(ErrorCode::TlsFailure, QStringLiteral("TLS handshake with %1 failed").arg(server),
                         errors.text());
    }
    if (tap.headTooLarge) {
        return makeError(ErrorCode::NetworkFailure,
                         QStringLiteral("%1: response headers larger than %2 bytes").arg(shown).arg(kMaxHeadBytes),
                         errors.text());
    }
    const ResponseHead head = parseResponseHead(tap.head);
    if (head.status != 0 && head.status != 200 && head.status != 301 && head.status != 302)
        return statusError(shown, head, errors.text());
    if (errors.has(ERR_LIB_HTTP, HTTP_R_MAX_RESP_LEN_EXCEEDED)) {
        QString size;
        if (const std::optional<qint64> length = head.contentLength())
            size = QStringLiteral(" (Content-Length %1)").arg(*length);
        return makeError(ErrorCode::ResponseTooLarge,
                         QStringLiteral("%1: the response is larger than the limit%2").arg(shown, size), errors.text());
    }
    if (head.status == 0 && !tap.head.isEmpty())
        return makeError(ErrorCode::NetworkFailure, QStringLiteral("%1: not an HTTP/1.x response").arg(shown),
                         errors.text());
    if (tap.head.isEmpty())
        return makeError(ErrorCode::NetworkFailure,
                         QStringLiteral("%1: the server closed the connection without a response").arg(shown),
                         errors.text());
    return makeError(ErrorCode::NetworkFailure, QStringLiteral("%1: the HTTP exchange failed").arg(shown),
                     errors.text());
}

// Reads the body from the streaming BIO: never more than maxBytes + 1 bytes, within the deadline.
Result<QByteArray> readBody(BIO* response, const ResponseHead& head, const ExchangeSettings& settings,
                            time_t osslDeadline, const QString& shown, qint64 timeoutMs)
{
    const std::optional<qint64> declared = head.contentLength();
    if (declared && *declared > settings.maxBytes)
        return fail(ErrorCode::ResponseTooLarge, QStringLiteral("%1: the response has %2 bytes, more than the %3-byte "
                                                                "limit")
                                                     .arg(shown)
                                                     .arg(*declared)
                                                     .arg(settings.maxBytes));
    QByteArray body;
    char buffer[16 * 1024];
    for (;;) {
        if (declared && body.size() >= *declared)
            break;
        const qint64 room = settings.maxBytes + 1 - body.size();
        const int want = static_cast<int>(std::min<qint64>(room, sizeof buffer));
        const int n = BIO_read(response, buffer, want);
        if (n > 0) {
            body.append(buffer, n);
            if (body.size() > settings.maxBytes)
                return fail(ErrorCode::ResponseTooLarge,
                            QStringLiteral("%1: the response is larger than the %2-byte limit (stopped reading)")
                                .arg(shown)
                                .arg(settings.maxBytes));
            continue;
        }
        if (BIO_should_retry(response)) {
            const int ready = settings.deadline.hasExpired() ? 0 : BIO_wait(response, osslDeadline, 100);
            if (ready > 0)
                continue;
            const OsslErrorQueue errors = OsslErrorQueue::take();
            if (ready == 0 || isTimeout(errors))
                return fail(makeError(ErrorCode::NetworkTimeout,
                                      QStringLiteral("%1: timed out after %2 s while reading the body")
                                          .arg(shown)
                                          .arg(static_cast<double>(timeoutMs) / 1000.0),
                                      errors.text()));
            return fail(makeError(ErrorCode::NetworkFailure,
                                  QStringLiteral("%1: the connection failed while reading the body").arg(shown),
                                  errors.text()));
        }
        // End of the stream, or a failure.
        const OsslErrorQueue errors = OsslErrorQueue::take();
        if (!errors.isEmpty())
            return fail(makeError(ErrorCode::NetworkFailure,
                                  QStringLiteral("%1: the connection failed while reading the body").arg(shown),
                                  errors.text()));
        break;
    }
    if (declared && body.size() < *declared)
        return fail(ErrorCode::NetworkFailure, QStringLiteral("%1: the connection closed after %2 of %3 bytes")
                                                   .arg(shown)
                                                   .arg(body.size())
                                                   .arg(*declared));
    return body;
}

} // namespace

Result<ExchangeOutcome> exchangeOnce(const QUrl& url, const ExchangeSettings& settings)
{
    const QString shown = displayUrl(url);
    const bool https = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    if (https && settings.tls == nullptr)
        return fail(ErrorCode::Internal, QStringLiteral("no TLS context for %1").arg(shown));

    const QString host = url.host(QUrl::FullyEncoded);
    const bool ipv6 = host.contains(QLatin1Char(':'));
    const int defaultPort = https ? 443 : 80;
    const int port = url.port(defaultPort);
    const QByteArray server = (ipv6 ? QLatin1Char('[') + host + QLatin1Char(']') : host).toLatin1();
    const QByteArray portText = QByteArray::number(port);
    const QByteArray hostHeader = port == defaultPort ? server : server + ':' + portText;
    QByteArray path = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (!path.startsWith('/'))
        path.prepend('/');
    const QString serverShown = QString::fromLatin1(hostHeader);
    const qint64 timeoutMs = settings.deadline.remainingTime();

    if (settings.deadline.hasExpired())
        return fail(ErrorCode::NetworkTimeout, QStringLiteral("%1: no time left for the request").arg(shown));
    const time_t osslDeadline = opensslDeadline(settings.deadline);
    const int connectSeconds = static_cast<int>(std::max<time_t>(osslDeadline - std::time(nullptr), 1));

    TapRecord tap;
    ConnectionHooks hooks;
    hooks.tls = https ? settings.tls : nullptr;
    hooks.host = host.toLatin1();
    hooks.hostIsIp = isIpLiteral(host);
    hooks.tap = &tap;

    ERR_clear_error();
    // proxy "" (not NULL): never take a proxy from the environment; a JWKS fetch goes straight to its host.
    RequestContext request(OSSL_HTTP_open(server.constData(), portText.constData(), "", nullptr, https ? 1 : 0, nullptr,
                                          nullptr, connectionUpdate, &hooks, 0, connectSeconds));
    if (request.get() == nullptr) {
        const OsslErrorQueue errors = OsslErrorQueue::take();
        if (isTimeout(errors))
            return fail(makeError(ErrorCode::NetworkTimeout,
                                  QStringLiteral("%1: could not connect to %2 within %3 s (no answer, or connection "
                                                 "refused)")
                                      .arg(shown, serverShown)
                                      .arg(static_cast<double>(timeoutMs) / 1000.0),
                                  errors.text()));
        return fail(makeError(ErrorCode::NetworkFailure,
                              QStringLiteral("%1: could not connect to %2").arg(shown, serverShown), errors.text()));
    }

    HeaderList headers;
    if (!headers.add("Host", hostHeader) ||
        !headers.add("Accept", "application/jwk-set+json, application/json;q=0.9, */*;q=0.1") ||
        !headers.add("User-Agent", QByteArrayLiteral("assay/") + ASSAY_VERSION))
        return fail(makeError(ErrorCode::Internal, QStringLiteral("cannot build the request headers"),
                              OsslErrorQueue::take().text()));
    if (OSSL_HTTP_set1_request(request.get(), path.constData(), headers.list, nullptr, nullptr, nullptr, 0,
                               static_cast<size_t>(settings.maxBytes), -1, 0) != 1)
        return fail(makeError(ErrorCode::Internal, QStringLiteral("cannot prepare the request for %1").arg(shown),
                              OsslErrorQueue::take().text()));

    char* redirect = nullptr;
    BIO* response = OSSL_HTTP_exchange(request.get(), &redirect);
    if (response == nullptr) {
        if (redirect != nullptr) {
            ExchangeOutcome outcome;
            outcome.location = QByteArray(redirect);
            OPENSSL_free(redirect);
            outcome.status = parseResponseHead(tap.head).status;
            ERR_clear_error();
            request.close(true);
            return outcome;
        }
        Error e = exchangeFailure(shown, serverShown, hooks, tap, timeoutMs);
        request.close(false);
        return fail(std::move(e));
    }

    const ResponseHead head = parseResponseHead(tap.head);
    ExchangeOutcome outcome;
    outcome.status = head.status;
    outcome.contentType = QString::fromLatin1(head.field("Content-Type").value_or(QByteArray()));
    if (const std::optional<QByteArray> coding = head.field("Transfer-Encoding")) {
        BIO_free(response);
        return fail(
            ErrorCode::NetworkFailure,
            QStringLiteral("%1: the transfer coding \"%2\" is not supported").arg(shown, QString::fromLatin1(*coding)));
    }
    Result<QByteArray> body = readBody(response, head, settings, osslDeadline, shown, timeoutMs);
    // OSSL_HTTP_exchange() returned its own reference to the stream BIO.
    BIO_free(response);
    if (!body) {
        request.close(false);
        return fail(body.error());
    }
    outcome.body = std::move(*body);
    request.close(true);
    return outcome;
}

} // namespace assay::detail
