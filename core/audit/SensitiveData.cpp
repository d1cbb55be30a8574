// SPDX-License-Identifier: Apache-2.0
#include "audit/SensitiveData.h"

#include "audit/LintKeyMaterial.h"
#include "encoding/JsonDocument.h"

#include <QRegularExpression>

#include <algorithm>

namespace assay {

namespace {

// Member names are compared lower-cased with everything but letters and digits removed, so "client_secret",
// "clientSecret" and "Client-Secret" are one name.
QString normalizedName(const QString& name)
{
    QString out;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

bool isCredentialName(const QString& name)
{
    static const QStringList exact{
        QStringLiteral("pwd"),
        QStringLiteral("pass"),
        QStringLiteral("pin"),
        QStringLiteral("cvv"),
        QStringLiteral("cvc"),
        QStringLiteral("credential"),
        QStringLiteral("credentials"),
        QStringLiteral("secretaccesskey"),
        QStringLiteral("accesskeysecret"),
    };
    static const QStringList parts{
        QStringLiteral("password"),   QStringLiteral("passwd"), QStringLiteral("passphrase"), QStringLiteral("secret"),
        QStringLiteral("privatekey"), QStringLiteral("apikey"), QStringLiteral("apitoken")};
    // Names about a password rather than holding one: "password_hint", "passwordChangedAt", "secret_id".
    static const QStringList about{QStringLiteral("hint"),    QStringLiteral("policy"),   QStringLiteral("changed"),
                                   QStringLiteral("expir"),   QStringLiteral("reset"),    QStringLiteral("length"),
                                   QStringLiteral("updated"), QStringLiteral("required"), QStringLiteral("strength"),
                                   QStringLiteral("created"), QStringLiteral("lastused")};
    static const QStringList aboutSuffix{QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("set")};
    const QString n = normalizedName(name);
    if (n.isEmpty())
        return false;
    if (exact.contains(n))
        return true;
    const bool named = std::any_of(parts.cbegin(), parts.cend(), [&n](const QString& p) { return n.contains(p); });
    if (!named)
        return false;
    return std::none_of(about.cbegin(), about.cend(), [&n](const QString& a) { return n.contains(a); }) &&
           std::none_of(aboutSuffix.cbegin(), aboutSuffix.cend(), [&n](const QString& a) { return n.endsWith(a); });
}

bool carriesValue(const JsonMember& m)
{
    switch (m.kind) {
    case JsonKind::String:
        return m.toString().value_or(QString()).size() > 0;
    case JsonKind::Number:
        return true;
    case JsonKind::Array:
    case JsonKind::Object:
        return m.rawValue.size() > 2;
    default:
        return false;
    }
}

QString maskMiddle(QStringView text, int keepStart, int keepEnd)
{
    if (text.size() <= keepStart + keepEnd + 2)
        return QString(text.size(), QLatin1Char('*'));
    return text.first(keepStart).toString() + QStringLiteral("...") + text.last(keepEnd).toString();
}

const char* cardNetwork(QStringView digits)
{
    switch (digits.front().unicode()) {
    case u'2':
    case u'5':
        return "Mastercard";
    case u'3':
        return "American Express, Diners Club or JCB";
    case u'4':
        return "Visa";
    case u'6':
        return "Discover, UnionPay or Maestro";
    default:
        return nullptr;
    }
}

// A payment card number: 13 to 19 digits, a major network's first digit (ISO/IEC 7812: 2 to 6), and the Luhn check.
// Millisecond timestamps (13 digits starting with 1) and most IDs fail one of the three.
std::optional<QString> cardNumber(QStringView text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits += c;
    }
    if (digits.size() < 13 || digits.size() > 19 || !cardNetwork(digits) || !passesLuhn(digits))
        return std::nullopt;
    return QStringLiteral("card number ending in %1 (%2 digits, %3)")
        .arg(digits.right(4))
        .arg(digits.size())
        .arg(QLatin1String(cardNetwork(digits)));
}

class Walker
{
public:
    QList<SensitiveMatch> matches;

    void walk(const JsonDocument& doc, qsizetype base, const QString& prefix)
    {
        if (doc.isObject()) {
            for (const JsonMember& m : doc.members()) {
                const QString path = prefix.isEmpty() ? m.name : prefix + QLatin1Char('.') + m.name;
                member(m, base, path);
            }
        } else {
            const QList<JsonMember>& elements = doc.elements();
            for (qsizetype i = 0; i < elements.size(); ++i)
                value(elements[i], base, prefix + QStringLiteral("[%1]").arg(i));
        }
    }

private:
    void add(SensitiveKind kind, const QString& path, qsizetype offset, qsizetype length, QString masked,
             QString detail = {})
    {
        matches.append(SensitiveMatch{kind, path, offset, length, std::move(masked), std::move(detail)});
    }

    void member(const JsonMember& m, qsizetype base, const QString& path)
    {
        if (isCredentialName(m.name) && carriesValue(m)) {
            const qsizetype start = base + m.nameOffset;
            const qsizetype end = base + m.valueOffset + m.rawValue.size();
            const QString size = m.kind == JsonKind::String ? QStringLiteral("%1 characters").arg(m.toString()->size())
                                                            : jsonKindDescription(m.kind);
            add(SensitiveKind::Credential, path, start, end - start, QStringLiteral("%1, not shown").arg(size));
        }
        value(m, base, path);
    }

    void value(const JsonMember& m, qsizetype base, const QString& path)
    {
        const qsizetype offset = base + m.valueOffset;
        const qsizetype length = m.rawValue.size();
        switch (m.kind) {
        case JsonKind::String:
            text(*m.toString(), path, offset, length);
            break;
        case JsonKind::Number:
            if (const auto card = cardNumber(QString::fromLatin1(m.rawValue));
                card &&
                std::all_of(m.rawValue.cbegin(), m.rawValue.cend(), [](char c) { return c >= '0' && c <= '9'; }))
                add(SensitiveKind::CardNumber, path, offset, length, *card);
            break;
        case JsonKind::Object:
            if (m.rawValue.contains("\"kty\"")) {
                if (const auto key = describeKeyMaterial(m.rawValue); key && key->isPrivate) {
                    add(SensitiveKind::PrivateKey, path, offset, length, QStringLiteral("not shown"), key->description);
                }
            }
            [[fallthrough]];
        case JsonKind::Array:
            if (auto nested = JsonDocument::parse(m.rawValue, Segment::Payload))
                walk(*nested, offset, path);
            break;
        default:
            break;
        }
    }

    void text(const QString& s, const QString& path, qsizetype offset, qsizetype length)
    {
        if (s.contains(QLatin1String("-----BEGIN")) || s.startsWith(QLatin1Char('{'))) {
            if (const auto key = describeKeyMaterial(s.toUtf8()); key && key->isPrivate)
                add(SensitiveKind::PrivateKey, path, offset, length, QStringLiteral("not shown"), key->description);
        }

        static const QRegularExpression cloud(QStringLiteral(
            R"((?<![A-Za-z0-9])(?:(?:AKIA|ASIA)[A-Z0-9]{16}|AIza[0-9A-Za-z_\-]{35}|gh[pousr]_[A-Za-z0-9]{36}|sk_live_[A-Za-z0-9]{24,})(?![A-Za-z0-9]))"));
        if (const auto m = cloud.match(s); m.hasMatch()) {
            const QString key = m.captured();
            QString service = QStringLiteral("AWS access key ID");
            if (key.startsWith(QLatin1String("AIza")))
                service = QStringLiteral("Google API key");
            else if (key.startsWith(QLatin1String("gh")))
                service = QStringLiteral("GitHub token");
            else if (key.startsWith(QLatin1String("sk_live_")))
                service = QStringLiteral("Stripe live secret key");
            add(SensitiveKind::CloudAccessKey, path, offset, length, maskMiddle(key, 4, 4), service);
        }

        static const QRegularExpression card(QStringLiteral(R"((?<![0-9])(?:[0-9][ \-]?){12,18}[0-9](?![0-9]))"));
        for (auto it = card.globalMatch(s); it.hasNext();) {
            if (const auto found = cardNumber(it.next().captured())) {
                add(SensitiveKind::CardNumber, path, offset, length, *found);
                break;
            }
        }

        // US SSN: area 000, 666 and 9xx, group 00 and serial 0000 are never issued (SSA), which removes most dates
        // and phone-like numbers.
        static const QRegularExpression ssn(QStringLiteral(
            R"((?<![0-9\-])(?!000|666|9[0-9]{2})[0-9]{3}-(?!00)[0-9]{2}-(?!0000)([0-9]{4})(?![0-9\-]))"));
        if (const auto m = ssn.match(s); m.hasMatch())
            add(SensitiveKind::NationalId, path, offset, length, QStringLiteral("***-**-%1").arg(m.captured(1)),
                QStringLiteral("US Social Security number"));

        static const QRegularExpression email(
            QStringLiteral(R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})"));
        if (const auto m = email.match(s); m.hasMatch())
            add(SensitiveKind::EmailAddress, path, offset, length, maskEmailAddress(m.captured()));
    }
};

} // namespace

QString sensitiveKindName(SensitiveKind kind)
{
    switch (kind) {
    case SensitiveKind::Credential:
        return QStringLiteral("credential");
    case SensitiveKind::PrivateKey:
        return QStringLiteral("private key");
    case SensitiveKind::CloudAccessKey:
        return QStringLiteral("cloud access key");
    case SensitiveKind::CardNumber:
        return QStringLiteral("card number");
    case SensitiveKind::EmailAddress:
        return QStringLiteral("e-mail address");
    case SensitiveKind::NationalId:
        return QStringLiteral("national ID number");
    }
    return {};
}

bool passesLuhn(QStringView digits)
{
    if (digits.isEmpty())
        return false;
    int sum = 0;
    bool doubled = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const char16_t c = digits[i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        int d = c - u'0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

QString maskEmailAddress(QStringView address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return QStringLiteral("***");
    const QStringView domain = address.sliced(at + 1);
    const qsizetype dot = domain.lastIndexOf(QLatin1Char('.'));
    const QString tld = dot >= 0 ? domain.sliced(dot).toString() : QString();
    const QString host = domain.isEmpty() ? QString() : domain.first(1).toString();
    return address.first(1).toString() + QStringLiteral("***@") + host + QStringLiteral("***") + tld;
}

QList<SensitiveMatch> findSensitiveData(const JsonDocument& document)
{
    Walker walker;
    walker.walk(document, 0, {});
    return walker.matches;
}

} // namespace assay
