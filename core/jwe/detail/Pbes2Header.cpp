// SPDX-License-Identifier: Apache-2.0
#include "jwe/detail/Pbes2Header.h"

#include "encoding/Base64Url.h"
#include "encoding/JsonDocument.h"

#include <limits>

namespace assay::detail {
namespace {

// A PBES2 header is a few hundred bytes; the bound keeps a hostile header from costing anything.
constexpr qsizetype kMaxHeaderBytes = 16 * 1024;

Error headerError(ErrorCode code, QString message, const JsonMember* member = nullptr)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.segment = Segment::Header;
    if (member != nullptr)
        e.offset = member->valueOffset;
    return e;
}

Result<JsonDocument> parseHeaderObject(QByteArrayView headerJson)
{
    JsonLimits limits;
    limits.maxBytes = kMaxHeaderBytes;
    limits.maxDepth = 8;
    auto doc = JsonDocument::parse(headerJson, Segment::Header, limits);
    if (!doc)
        return fail(doc.error());
    if (!doc->isObject())
        return fail(headerError(ErrorCode::JsonNotObject, QStringLiteral("the JWE header is not a JSON object")));
    return doc;
}

std::optional<JwkContent> contentFromCty(const QString& cty)
{
    // RFC 7515 section 4.1.10 (used by RFC 7516 section 4.1.12): media types are case-insensitive and the
    // "application/" prefix may be left out.
    QString type = cty.toLower();
    if (type.startsWith(QLatin1String("application/")))
        type = type.mid(12);
    if (type == QLatin1String("jwk+json"))
        return JwkContent::Jwk;
    if (type == QLatin1String("jwk-set+json"))
        return JwkContent::JwkSet;
    return std::nullopt;
}

// p2c must be a JSON integer as written: no sign, fraction, exponent or string ("4096", 1.5, -1, 4e3 and 4096.0
// are all refused, ATTACKS.md A27), and it is bounded by its digit count before it is converted.
Result<int> readIterations(const JsonMember& member, const Pbes2Limits& limits)
{
    const QByteArray& raw = member.rawValue;
    bool digitsOnly = member.kind == JsonKind::Number && !raw.isEmpty();
    for (char c : raw)
        digitsOnly = digitsOnly && c >= '0' && c <= '9';
    if (!digitsOnly)
        return fail(headerError(
            ErrorCode::HeaderInvalidMember,
            QStringLiteral("\"p2c\" must be a positive integer, not %1").arg(QString::fromUtf8(raw.left(40))),
            &member));
    const qint64 value = raw.size() > 12 ? std::numeric_limits<qint64>::max() : raw.toLongLong();
    if (value > limits.maxIterations)
        return fail(headerError(ErrorCode::HeaderInvalidMember,
                                QStringLiteral("\"p2c\" asks for %1 PBKDF2 iterations, more than the limit of %2; the "
                                               "file was refused without deriving a key")
                                    .arg(QString::fromUtf8(raw.left(40)))
                                    .arg(limits.maxIterations),
                                &member));
    if (value < limits.minIterations)
        return fail(headerError(ErrorCode::HeaderInvalidMember,
                                QStringLiteral("\"p2c\" of %1 PBKDF2 iterations is below the minimum of %2 "
                                               "(RFC 7518 section 4.8.1.2)")
                                    .arg(value)
                                    .arg(limits.minIterations),
                                &member));
    return static_cast<int>(value);
}

Result<QString> requiredString(const JsonDocument& doc, QStringView name)
{
    const JsonMember* member = doc.find(name);
    if (member == nullptr)
        return fail(
            headerError(name == QLatin1String("alg") ? ErrorCode::HeaderMissingAlg : ErrorCode::HeaderInvalidMember,
                        QStringLiteral("the JWE header has no \"%1\"").arg(name)));
    auto value = member->toString();
    if (!value)
        return fail(
            headerError(ErrorCode::HeaderInvalidMember, QStringLiteral("\"%1\" must be a string").arg(name), member));
    return *value;
}

} // namespace

std::optional<JweHeaderNames> readJweHeaderNames(QByteArrayView headerJson)
{
    auto doc = parseHeaderObject(headerJson);
    if (!doc)
        return std::nullopt;
    const JsonMember* alg = doc->find(u"alg");
    const JsonMember* enc = doc->find(u"enc");
    if (alg == nullptr || enc == nullptr || !alg->toString() || !enc->toString())
        return std::nullopt;
    JweHeaderNames names;
    names.alg = *alg->toString();
    names.enc = *enc->toString();
    if (const JsonMember* cty = doc->find(u"cty"))
        names.cty = cty->toString().value_or(QString::fromUtf8(cty->rawValue.left(40)));
    return names;
}

Result<Pbes2Header> parsePbes2Header(QByteArrayView headerJson, const Pbes2Limits& limits)
{
    auto doc = parseHeaderObject(headerJson);
    if (!doc)
        return fail(doc.error());
    if (!doc->duplicates().isEmpty())
        return fail(headerError(ErrorCode::JsonDuplicateMember,
                                QStringLiteral("the JWE header repeats \"%1\"").arg(doc->duplicates().constFirst())));

    Pbes2Header header;
    auto alg = requiredString(*doc, u"alg");
    if (!alg)
        return fail(alg.error());
    const auto pbes2 = pbes2AlgorithmFromName(*alg);
    if (!pbes2)
        return fail(headerError(ErrorCode::AlgUnsupported,
                                QStringLiteral("\"alg\" is \"%1\"; an encrypted key file must use PBES2-HS256+A128KW, "
                                               "PBES2-HS384+A192KW or PBES2-HS512+A256KW (a passphrase)")
                                    .arg(alg->left(60)),
                                doc->find(u"alg")));
    header.alg = *pbes2;

    auto enc = requiredString(*doc, u"enc");
    if (!enc)
        return fail(enc.error());
    const auto content = contentEncryptionFromName(*enc);
    if (!content)
        return fail(headerError(
            ErrorCode::AlgUnsupported,
            QStringLiteral("\"enc\" \"%1\" is not an RFC 7518 section 5 content encryption").arg(enc->left(60)),
            doc->find(u"enc")));
    header.enc = *content;

    if (const JsonMember* crit = doc->find(u"crit"))
        return fail(headerError(ErrorCode::CritUnsupported,
                                QStringLiteral("the JWE header has \"crit\"; no extension is understood here"), crit));
    if (const JsonMember* zip = doc->find(u"zip"))
        return fail(headerError(ErrorCode::HeaderInvalidMember,
                                QStringLiteral("compressed (\"zip\") key files are not supported"), zip));

    // Iterations before salt: the count is what makes a hostile file expensive, so it is refused first.
    const JsonMember* p2c = doc->find(u"p2c");
    if (p2c == nullptr)
        return fail(headerError(ErrorCode::HeaderInvalidMember,
                                QStringLiteral("the PBES2 header has no \"p2c\" (iteration count)")));
    auto iterations = readIterations(*p2c, limits);
    if (!iterations)
        return fail(iterations.error());
    header.p2c = *iterations;

    auto p2s = requiredString(*doc, u"p2s");
    if (!p2s)
        return fail(p2s.error());
    auto salt = base64url::decode(p2s->toLatin1(), Segment::Header);
    if (!salt)
        return fail(headerError(ErrorCode::HeaderInvalidMember,
                                QStringLiteral("\"p2s\" is not base64url: %1").arg(salt.error().message),
                                doc->find(u"p2s")));
    if (salt->size() < limits.minSaltBytes || salt->size() > limits.maxSaltBytes)
        return fail(headerError(ErrorCode::HeaderInvalidMember,
                                QStringLiteral("\"p2s\" is %1 bytes; PBES2 needs %2 to %3 (RFC 7518 section 4.8.1.1)")
                                    .arg(salt->size())
                                    .arg(limits.minSaltBytes)
                                    .arg(limits.maxSaltBytes),
                                doc->find(u"p2s")));
    header.p2s = std::move(*salt);

    if (const JsonMember* cty = doc->find(u"cty")) {
        const auto text = cty->toString();
        const auto kind = text ? contentFromCty(*text) : std::nullopt;
        if (!kind)
            return fail(headerError(ErrorCode::HeaderInvalidMember,
                                    QStringLiteral("\"cty\" is %1; an encrypted key file holds \"jwk+json\" or "
                                                   "\"jwk-set+json\" (RFC 7517 section 7)")
                                        .arg(QString::fromUtf8(cty->rawValue.left(60))),
                                    cty));
        header.content = *kind;
    }
    return header;
}

QByteArray buildPbes2Header(const Pbes2Header& header)
{
    // Every value is ASCII from a fixed set or base64url, so plain concatenation is valid JSON.
    QByteArray json = "{\"alg\":\"" + pbes2AlgorithmName(header.alg).toLatin1() + "\",\"enc\":\"" +
                      contentEncryptionName(header.enc).toLatin1() + '"';
    if (header.content == JwkContent::Jwk)
        json += ",\"cty\":\"jwk+json\"";
    else if (header.content == JwkContent::JwkSet)
        json += ",\"cty\":\"jwk-set+json\"";
    json += ",\"p2s\":\"" + base64url::encode(header.p2s) + "\",\"p2c\":" + QByteArray::number(header.p2c) + '}';
    return json;
}

} // namespace assay::detail
