// SPDX-License-Identifier: Apache-2.0
#include "jws/JoseHeader.h"

#include <QSet>

namespace assay {
namespace {

std::unexpected<Error> headerError(ErrorCode code, const QString& message, qsizetype offset = -1)
{
    return fail(code, message, Segment::Header, offset);
}

// Header parameter names registered by RFC 7515/7516/7518 (and RFC 7797's b64 is the one we understand).
// A crit list must not name these (RFC 7515 4.1.11).
bool isRegisteredName(const QString& name)
{
    static const QSet<QString> registered{
        QStringLiteral("alg"), QStringLiteral("jku"), QStringLiteral("jwk"),  QStringLiteral("kid"),
        QStringLiteral("x5u"), QStringLiteral("x5c"), QStringLiteral("x5t"),  QStringLiteral("x5t#S256"),
        QStringLiteral("typ"), QStringLiteral("cty"), QStringLiteral("crit"), QStringLiteral("enc"),
        QStringLiteral("zip"), QStringLiteral("epk"), QStringLiteral("apu"),  QStringLiteral("apv"),
        QStringLiteral("iv"),  QStringLiteral("tag"), QStringLiteral("p2s"),  QStringLiteral("p2c"),
    };
    return registered.contains(name);
}

} // namespace

Result<JoseHeader> JoseHeader::make(const JwsSignatureEntry& entry)
{
    // JSON serialization may omit "protected" entirely (RFC 7515 7.2.1, JOSE Cookbook 4.7): an empty header.
    static const JsonDocument kEmptyObject = *JsonDocument::parse("{}");
    const bool absent =
        !entry.header && !entry.headerError && entry.protectedHeader.raw.isEmpty() && !entry.protectedHeader.error;
    if (!entry.header && !absent)
        return headerError(ErrorCode::JsonSyntax, QStringLiteral("the protected header could not be read"));
    const JsonDocument& prot = absent ? kEmptyObject : *entry.header;
    if (!prot.isObject())
        return headerError(ErrorCode::JsonNotObject, QStringLiteral("the header is not a JSON object"));
    if (!prot.duplicates().isEmpty()) {
        // Parsers disagree on which duplicate wins, so what we show may not be what a server acts on (A22).
        return headerError(ErrorCode::JsonDuplicateMember,
                           QStringLiteral("the header has duplicate member names (%1); RFC 7515 section 5.2 "
                                          "requires rejecting it")
                               .arg(prot.duplicates().join(QStringLiteral(", "))));
    }
    const JsonDocument* unprot = entry.unprotectedHeader ? &*entry.unprotectedHeader : nullptr;
    if (unprot) {
        if (!unprot->isObject())
            return fail(ErrorCode::JsonNotObject, QStringLiteral("the unprotected header is not a JSON object"),
                        Segment::UnprotectedHeader);
        if (!unprot->duplicates().isEmpty())
            return fail(ErrorCode::JsonDuplicateMember,
                        QStringLiteral("the unprotected header has duplicate member names (%1)")
                            .arg(unprot->duplicates().join(QStringLiteral(", "))),
                        Segment::UnprotectedHeader);
        for (const auto& m : unprot->members()) {
            if (prot.contains(m.name)) {
                return fail(ErrorCode::HeaderInvalidMember,
                            QStringLiteral("\"%1\" is in both the protected and the unprotected header "
                                           "(RFC 7515 section 7.2.1 requires them to be disjoint)")
                                .arg(m.name),
                            Segment::UnprotectedHeader, m.nameOffset);
            }
        }
    }
    return JoseHeader(&prot, unprot);
}

const JsonMember* JoseHeader::find(QStringView name) const
{
    if (const JsonMember* m = m_protected->find(name))
        return m;
    return m_unprotected ? m_unprotected->find(name) : nullptr;
}

bool JoseHeader::isUnprotected(const QString& name) const
{
    return !m_protected->contains(name) && m_unprotected && m_unprotected->contains(name);
}

Result<QString> JoseHeader::algorithm() const
{
    const auto alg = find(QStringLiteral("alg"));
    if (!alg)
        return headerError(ErrorCode::HeaderMissingAlg, QStringLiteral("the header has no \"alg\""));
    const auto text = alg->toString();
    if (!text) {
        return headerError(ErrorCode::HeaderInvalidMember,
                           QStringLiteral("\"alg\" must be a string, found %1").arg(QString::fromUtf8(alg->rawValue)),
                           alg->valueOffset);
    }
    return *text;
}

QString JoseHeader::keyId() const
{
    const auto kid = find(QStringLiteral("kid"));
    return kid ? kid->toString().value_or(QString()) : QString();
}

QStringList JoseHeader::selfAssertedKeyNotes() const
{
    static const struct
    {
        QLatin1StringView name;
        const char* what;
    } kinds[] = {
        {QLatin1StringView("jwk"), "an embedded public key (jwk)"},
        {QLatin1StringView("jku"), "a key set URL (jku)"},
        {QLatin1StringView("x5u"), "a certificate URL (x5u)"},
        {QLatin1StringView("x5c"), "a certificate chain (x5c)"},
        {QLatin1StringView("x5t"), "a certificate thumbprint (x5t)"},
        {QLatin1StringView("x5t#S256"), "a certificate thumbprint (x5t#S256)"},
    };
    QStringList notes;
    // One pass over the members of each header (this runs on every verification).
    for (const JsonDocument* doc : {m_protected, m_unprotected}) {
        if (doc == nullptr)
            continue;
        for (const JsonMember& m : doc->members()) {
            for (const auto& k : kinds) {
                if (m.name == k.name) {
                    notes.append(QStringLiteral("the token carries %1; it is shown but never trusted, and nothing "
                                                "is fetched")
                                     .arg(QLatin1StringView(k.what)));
                }
            }
        }
    }
    notes.removeDuplicates();
    return notes;
}

Result<void> JoseHeader::checkCritical() const
{
    if (m_unprotected && m_unprotected->contains(QStringLiteral("crit"))) {
        return fail(ErrorCode::CritInvalid, QStringLiteral("\"crit\" must be in the protected header"),
                    Segment::UnprotectedHeader);
    }
    const auto crit = m_protected->member(QStringLiteral("crit"));
    if (!crit)
        return {};
    const auto names = crit->toStringList();
    if (!names) {
        return headerError(ErrorCode::CritInvalid, QStringLiteral("\"crit\" must be an array of strings"),
                           crit->valueOffset);
    }
    if (names->isEmpty())
        return headerError(ErrorCode::CritInvalid, QStringLiteral("\"crit\" must not be empty"), crit->valueOffset);
    QSet<QString> seen;
    for (const QString& name : *names) {
        if (seen.contains(name)) {
            return headerError(ErrorCode::CritInvalid, QStringLiteral("\"crit\" lists \"%1\" twice").arg(name),
                               crit->valueOffset);
        }
        seen.insert(name);
        if (isRegisteredName(name)) {
            return headerError(ErrorCode::CritInvalid,
                               QStringLiteral("\"crit\" must not list \"%1\", a parameter defined by the JOSE "
                                              "specifications")
                                   .arg(name),
                               crit->valueOffset);
        }
        if (!m_protected->contains(name)) {
            return headerError(ErrorCode::CritInvalid,
                               QStringLiteral("\"crit\" lists \"%1\", which is not in the protected header").arg(name),
                               crit->valueOffset);
        }
        if (name != QStringLiteral("b64")) {
            return headerError(ErrorCode::CritUnsupported,
                               QStringLiteral("critical header parameter \"%1\" is not understood, so the token "
                                              "must be rejected")
                                   .arg(name),
                               crit->valueOffset);
        }
    }
    return {};
}

Result<bool> JoseHeader::unencodedPayload() const
{
    if (m_unprotected && m_unprotected->contains(QStringLiteral("b64"))) {
        return fail(ErrorCode::B64Invalid, QStringLiteral("\"b64\" must be in the protected header (RFC 7797)"),
                    Segment::UnprotectedHeader);
    }
    const auto b64 = m_protected->member(QStringLiteral("b64"));
    if (!b64)
        return false;
    const auto value = b64->toBool();
    if (!value) {
        return headerError(
            ErrorCode::B64Invalid,
            QStringLiteral("\"b64\" must be true or false, found %1").arg(QString::fromUtf8(b64->rawValue)),
            b64->valueOffset);
    }
    const auto crit = m_protected->member(QStringLiteral("crit"));
    const auto critNames = crit ? crit->toStringList() : std::nullopt;
    if (!critNames || !critNames->contains(QStringLiteral("b64"))) {
        return headerError(ErrorCode::B64Invalid,
                           QStringLiteral("\"b64\" is present but not listed in \"crit\" (RFC 7797 section 6)"),
                           b64->valueOffset);
    }
    return !*value;
}

} // namespace assay
