// SPDX-License-Identifier: Apache-2.0
#include "keys/FetchErrorText.h"

#include "DisplayText.h"

#include <QCoreApplication>
#include <QLocale>

namespace assay::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("FetchErrorText", text);
}

bool isJsonError(ErrorCode code)
{
    switch (code) {
    case ErrorCode::JsonSyntax:
    case ErrorCode::JsonDuplicateMember:
    case ErrorCode::JsonTooDeep:
    case ErrorCode::JsonTooLarge:
    case ErrorCode::JsonNotObject:
    case ErrorCode::JsonBom:
    case ErrorCode::Utf8Invalid:
        return true;
    default:
        return false;
    }
}

} // namespace

QString FetchErrorText::toHtml() const
{
    QString html = QStringLiteral("<b>%1</b> <span style=\"color:palette(mid)\">(%2)</span><br>%3")
                       .arg(headline.toHtmlEscaped(), code.toHtmlEscaped(), clipped(message, 600).toHtmlEscaped());
    if (!url.isEmpty() && !message.contains(url))
        html += QStringLiteral("<br>%1 %2").arg(tr("While requesting").toHtmlEscaped(), url.toHtmlEscaped());
    if (!detail.isEmpty())
        html += QStringLiteral("<br>%1 %2")
                    .arg(tr("Reason given by OpenSSL:").toHtmlEscaped(), clipped(detail, 400).toHtmlEscaped());
    if (!hint.isEmpty())
        html += QStringLiteral("<br><i>%1</i>").arg(hint.toHtmlEscaped());
    return html;
}

FetchErrorText describeFetchError(const Error& error, qint64 maxBytes, const QString& url)
{
    FetchErrorText t;
    t.url = url;
    t.message = error.message;
    t.detail = error.detail;
    t.code = errorCodeName(error.code);
    const QString cap = QLocale().formattedDataSize(maxBytes, 0, QLocale::DataSizeTraditionalFormat);
    switch (error.code) {
    case ErrorCode::NetworkRefused:
        if (error.message.contains(QLatin1String("redirect"))) {
            t.headline = tr("Redirect refused");
            t.hint = tr("The server sent the request elsewhere over a connection Assay does not use (keys are "
                        "fetched over https only). Ask the issuer for its https URL.");
        } else if (error.message.contains(QLatin1String("this machine"))) {
            t.headline = tr("Refused URL");
            t.hint = tr("Tick \"Allow plain http to this machine\" to fetch from a local test issuer.");
        } else {
            t.headline = tr("Refused URL");
            t.hint = tr("Keys are fetched over https only, without a user name or password in the URL.");
        }
        break;
    case ErrorCode::HttpStatus:
        t.headline = error.message.contains(QLatin1String("HTTP 404")) ? tr("Not found") : tr("HTTP error");
        t.hint = tr("Check the URL; for an issuer, check that it publishes discovery metadata.");
        break;
    case ErrorCode::NetworkTimeout:
        t.headline = tr("Timed out");
        t.hint = tr("The server did not answer in time. Try again later or check the address.");
        break;
    case ErrorCode::TlsFailure:
        t.headline = tr("TLS failure");
        t.hint = error.message.contains(QLatin1String("certificate"))
                     ? tr("The server's certificate is not trusted. For a private or test issuer, choose its CA "
                          "certificate as the extra trusted CA file.")
                     : tr("The secure connection could not be set up.");
        break;
    case ErrorCode::NetworkFailure:
        t.headline = tr("Connection failed");
        t.hint = tr("Check the host name and port, and that the server is running.");
        break;
    case ErrorCode::ResponseTooLarge:
        t.headline = tr("Too large");
        t.hint = tr("A JWK Set is a few kilobytes; Assay stops reading at %1.").arg(cap);
        break;
    case ErrorCode::TooManyRedirects:
        t.headline = tr("Too many redirects");
        break;
    case ErrorCode::KeySetEmpty:
        t.headline = tr("No keys");
        t.hint = tr("The document is JSON but holds no usable key.");
        break;
    case ErrorCode::KeySetInvalid:
        t.headline = tr("Not a JWK Set");
        break;
    case ErrorCode::IssuerMismatch:
        t.headline = tr("Issuer mismatch");
        t.hint = tr("The metadata names another issuer; its keys are not this issuer's keys (RFC 8414 section "
                    "3.3).");
        break;
    case ErrorCode::DiscoveryInvalid:
        t.headline = tr("Discovery failed");
        break;
    case ErrorCode::Io:
        t.headline = tr("Cannot read a file");
        break;
    default:
        if (isJsonError(error.code)) {
            t.headline = tr("Not JSON");
            t.hint = tr("The server answered with something that is not a JWK Set (often a login or error page).");
        } else {
            t.headline = tr("Fetch failed");
        }
        break;
    }
    return t;
}

} // namespace assay::ui
