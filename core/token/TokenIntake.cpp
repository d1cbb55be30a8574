// SPDX-License-Identifier: Apache-2.0
#include "token/TokenIntake.h"

#include "encoding/Base64Url.h"
#include "encoding/JsonDocument.h"

#include <QRegularExpression>

namespace assay {

namespace {

// Bounds the strip loop: each pass removes at least one layer (quotes, a prefix, a URL), so real pastes need two
// or three; the cap only guarantees termination on adversarial text.
constexpr int kMaxPasses = 8;

bool trimInPlace(QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() == text.size())
        return false;
    text = trimmed;
    return true;
}

/// RFC 7797: with "b64": false the payload of a compact JWS is the payload itself, where spaces are significant.
bool headerSaysUnencoded(const QString& text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot <= 0)
        return false;
    const auto header = base64url::decode(text.first(dot).toLatin1());
    if (!header)
        return false;
    const auto doc = JsonDocument::parse(*header);
    if (!doc || !doc->isObject())
        return false;
    const auto b64 = doc->member(u"b64");
    return b64 && b64->toBool() == std::optional<bool>(false);
}

/// An `Authorization:` header anywhere in the paste (a header line, an HTTP request, a curl -H argument): keep its
/// value only. Returns the note to report, or an empty string when there is no such header.
QString takeAuthorizationValue(QString& text)
{
    static const QRegularExpression header(QStringLiteral("authorization[ \\t]*:"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = header.match(text);
    if (!m.hasMatch())
        return {};
    const qsizetype start = m.capturedEnd();
    qsizetype end = text.indexOf(QLatin1Char('\n'), start);
    if (end < 0)
        end = text.size();
    // In `-H "Authorization: Bearer x"` the header ends at the quote that opened it.
    if (m.capturedStart() > 0) {
        const QChar opener = text[m.capturedStart() - 1];
        if (opener == u'"' || opener == u'\'') {
            const qsizetype close = text.indexOf(opener, start);
            if (close >= 0 && close < end)
                end = close;
        }
    }
    const bool wholeText = text.first(m.capturedStart()).trimmed().isEmpty() && text.sliced(end).trimmed().isEmpty();
    text = text.sliced(start, end - start).trimmed();
    return wholeText ? QStringLiteral("removed the \"Authorization:\" header name")
                     : QStringLiteral("took the value of the \"Authorization:\" header from the pasted text");
}

/// Surrounding quotes: "…", '…' or `…` (as copied from code, JSON, shells or Markdown).
QString stripQuotes(QString& text)
{
    if (text.size() < 2 || text.front() != text.back())
        return {};
    const QChar q = text.front();
    QString name;
    if (q == u'"')
        name = QStringLiteral("double quotes");
    else if (q == u'\'')
        name = QStringLiteral("single quotes");
    else if (q == u'`')
        name = QStringLiteral("backticks");
    else
        return {};
    text = text.sliced(1, text.size() - 2);
    return QStringLiteral("removed surrounding %1").arg(name);
}

/// `Bearer ` / `JWT ` (RFC 6750 section 2.1 spells the scheme "Bearer"; case varies in the wild).
QString stripPrefix(QString& text)
{
    static const QRegularExpression prefix(QStringLiteral("^(bearer|jwt)(?:[ \\t\\r\\n]+|[ \\t]*:[ \\t]*)"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = prefix.match(text);
    if (!m.hasMatch() || m.capturedEnd() == text.size())
        return {};
    const QString word = m.captured(1);
    text = text.sliced(m.capturedEnd());
    return QStringLiteral("removed the \"%1\" prefix").arg(word);
}

/// A URL, query string or fragment carrying the token (OpenID Connect implicit flow fragments, redirect URLs).
/// `id_token` wins over `access_token` because it is always a JWT, while access tokens may be opaque.
QStringList takeUrlParameter(QString& text)
{
    static const QString names[] = {QStringLiteral("id_token"), QStringLiteral("access_token"),
                                    QStringLiteral("token")};
    for (const QString& name : names) {
        const QRegularExpression param(QStringLiteral("(?:^|[?#&;])%1=([^&#\\s]*)").arg(name));
        const QRegularExpressionMatch m = param.match(text);
        if (!m.hasMatch())
            continue;
        QStringList notes{QStringLiteral("took the value of the \"%1\" parameter from the URL").arg(name)};
        const QString value = m.captured(1);
        const QString decoded = QString::fromUtf8(QByteArray::fromPercentEncoding(value.toUtf8()));
        if (decoded != value)
            notes.append(QStringLiteral("percent-decoded the \"%1\" parameter").arg(name));
        text = decoded;
        return notes;
    }
    return {};
}

// A bare compact token: only base64url characters and dots, so nothing for the intake to strip.
bool isBareCompactToken(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-' ||
                        u == u'_' || u == u'.';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

IntakeResult cleanPastedToken(QStringView pasted)
{
    // The common case, and the one that matters for a megabyte token typed into: no copies, no passes.
    if (isBareCompactToken(pasted))
        return {pasted.toLatin1(), {}};

    IntakeResult result;
    QString text = pasted.toString();
    auto note = [&result](const QString& what) {
        if (!what.isEmpty())
            result.stripped.append(what);
    };
    bool trimmedAny = trimInPlace(text);

    // A JSON serialization is taken as it is: whitespace inside it may be significant (string values).
    if (!text.startsWith(u'{'))
        note(takeAuthorizationValue(text));

    for (int pass = 0; pass < kMaxPasses && !text.startsWith(u'{'); ++pass) {
        trimmedAny = trimInPlace(text) || trimmedAny;
        QStringList notes;
        notes.append(stripQuotes(text));
        if (notes.back().isEmpty())
            notes.back() = stripPrefix(text);
        if (notes.back().isEmpty())
            notes = takeUrlParameter(text);
        notes.removeAll(QString());
        if (notes.isEmpty())
            break;
        for (const QString& n : std::as_const(notes))
            note(n);
    }
    trimmedAny = trimInPlace(text) || trimmedAny;
    if (trimmedAny)
        result.stripped.prepend(QStringLiteral("removed surrounding whitespace"));

    if (!text.startsWith(u'{') && !headerSaysUnencoded(text)) {
        // Compact tokens contain no whitespace at all (RFC 7515 section 7.1), so any inside came from line
        // wrapping in a mail, a log or a terminal.
        qsizetype lineBreaks = 0;
        qsizetype spaces = 0;
        QString compact;
        compact.reserve(text.size());
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (c == u'\n' || (c == u'\r' && (i + 1 >= text.size() || text[i + 1] != u'\n')))
                ++lineBreaks;
            else if (c.isSpace() && c != u'\r')
                ++spaces;
            else if (c != u'\r')
                compact.append(c);
        }
        if (lineBreaks > 0)
            note(QStringLiteral("removed %1 line break(s) inside the token").arg(lineBreaks));
        if (spaces > 0)
            note(QStringLiteral("removed %1 space(s) inside the token").arg(spaces));
        text = compact;
    }
    result.token = text.toUtf8();
    return result;
}

} // namespace assay
