// SPDX-License-Identifier: Apache-2.0
// What a JWS payload gives away (ATTACKS.md A34), and nested tokens (A31).
#include "audit/detail/LintRules.h"

#include "audit/SensitiveData.h"

namespace assay::detail {

namespace {

LintCode codeFor(SensitiveKind kind)
{
    switch (kind) {
    case SensitiveKind::Credential:
        return LintCode::SensitiveClaim;
    case SensitiveKind::PrivateKey:
        return LintCode::SensitivePrivateKey;
    case SensitiveKind::CloudAccessKey:
        return LintCode::SensitiveCloudKey;
    case SensitiveKind::CardNumber:
        return LintCode::SensitiveCardNumber;
    case SensitiveKind::EmailAddress:
        return LintCode::SensitiveEmail;
    case SensitiveKind::NationalId:
        return LintCode::SensitiveNationalId;
    }
    return LintCode::SensitiveClaim;
}

QString describe(const SensitiveMatch& m)
{
    const QString path = quoteForMessage(m.path);
    switch (m.kind) {
    case SensitiveKind::Credential:
        return QStringLiteral("\"%1\" looks like a password or secret (%2), readable by anyone who holds the token")
            .arg(path, m.masked);
    case SensitiveKind::PrivateKey:
        return QStringLiteral("\"%1\" holds a private key (%2): it is published with every copy of the token")
            .arg(path, m.detail);
    case SensitiveKind::CloudAccessKey:
        return QStringLiteral("\"%1\" holds what looks like a secret credential: %2 (%3)")
            .arg(path, m.detail, m.masked);
    case SensitiveKind::CardNumber:
        return QStringLiteral("\"%1\" holds a %2, readable by anyone who holds the token").arg(path, m.masked);
    case SensitiveKind::EmailAddress:
        return QStringLiteral("\"%1\" holds an e-mail address (%2): personal data, readable by anyone who holds "
                              "the token")
            .arg(path, m.masked);
    case SensitiveKind::NationalId:
        return QStringLiteral("\"%1\" holds what looks like a %2 (%3)").arg(path, m.detail, m.masked);
    }
    return {};
}

// Claims that steer processing rather than describe anyone (RFC 7519 section 4.1, RFC 9068, OpenID Connect Core
// section 2, RFC 8693, RFC 9449, RFC 8417): seeing them tells a reader little. Any other claim is data about a user,
// client or session that anyone holding the token can read.
bool isProcessingClaim(const QString& name)
{
    static const QStringList names{
        QStringLiteral("iss"),     QStringLiteral("sub"),       QStringLiteral("aud"),       QStringLiteral("exp"),
        QStringLiteral("nbf"),     QStringLiteral("iat"),       QStringLiteral("jti"),       QStringLiteral("scope"),
        QStringLiteral("scp"),     QStringLiteral("client_id"), QStringLiteral("azp"),       QStringLiteral("nonce"),
        QStringLiteral("at_hash"), QStringLiteral("c_hash"),    QStringLiteral("auth_time"), QStringLiteral("acr"),
        QStringLiteral("amr"),     QStringLiteral("sid"),       QStringLiteral("cnf"),       QStringLiteral("act"),
        QStringLiteral("may_act"), QStringLiteral("htm"),       QStringLiteral("htu"),       QStringLiteral("ath"),
        QStringLiteral("events"),  QStringLiteral("txn"),       QStringLiteral("typ"),       QStringLiteral("ver"),
    };
    return names.contains(name);
}

void readable(LintSink& sink)
{
    const ParsedToken& token = sink.token();
    QString what;
    QString pronoun = QStringLiteral("them");
    if (!token.payloadJson || !token.payloadJson->isObject()) {
        what = QStringLiteral("the payload is");
        pronoun = QStringLiteral("it");
    } else {
        QStringList data;
        for (const JsonMember& m : token.payloadJson->members()) {
            if (!isProcessingClaim(m.name) && !data.contains(m.name))
                data.append(m.name);
        }
        if (data.isEmpty())
            return;
        what = QStringLiteral("the claims %1 are").arg(quoteForMessage(data.join(QStringLiteral(", ")), 100));
    }
    sink.add(
        LintCode::PayloadReadable,
        QStringLiteral("%1 only encoded, not encrypted: anyone who holds the token can read %2").arg(what, pronoun),
        sink.whole(Segment::Payload));
}

bool isNestedToken(const QByteArray& payload)
{
    const QByteArray text = payload.trimmed();
    const qsizetype dots = text.count('.');
    if (dots != 2 && dots != 4)
        return false;
    auto inner = parseToken(text);
    return inner && (inner->form == TokenForm::CompactJws || inner->form == TokenForm::CompactJwe) &&
           inner->header() != nullptr;
}

} // namespace

void lintPayload(LintSink& sink)
{
    const ParsedToken& token = sink.token();
    if (!token.isJws() || token.payload.error || token.payload.bytes.isEmpty())
        return;

    readable(sink);

    if (token.payloadJson) {
        for (const SensitiveMatch& m : findSensitiveData(*token.payloadJson))
            sink.add(codeFor(m.kind), describe(m), sink.span(Segment::Payload, 0, m.path, m.offset, m.length));
    }

    const JwsSignatureEntry& entry = token.signatures.front();
    const HeaderMember cty = findHeaderMember(entry, u"cty");
    const bool declaredJwt =
        cty && normalizedMediaType(cty.member->toString().value_or(QString())) == QLatin1String("jwt");
    const bool nested = !token.payloadJson && isNestedToken(token.payload.bytes);
    if (nested && !declaredJwt) {
        sink.add(LintCode::NestedWithoutCty,
                 QStringLiteral("the payload is itself a token, but the header does not say so (cty \"JWT\"): a "
                                "recipient may take the outer token's claims for the inner one's"),
                 sink.whole(Segment::Payload));
    } else if (declaredJwt && !nested) {
        sink.add(LintCode::CtyUnusual,
                 QStringLiteral("cty says \"JWT\" (a nested token), but the payload is not a token"),
                 sink.member(cty.segment, 0, *cty.member));
    }
}

} // namespace assay::detail
