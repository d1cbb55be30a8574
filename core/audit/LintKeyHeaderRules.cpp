// SPDX-License-Identifier: Apache-2.0
// Keys a token asserts about itself (ATTACKS.md A06-A09): jwk, jku, x5u, x5c, x5t and kid. None of them is ever used
// as a key (ground rule 2); the lint says why each one is dangerous for verifiers that do.
#include "audit/detail/LintRules.h"
#include "audit/detail/LintUrlRisk.h"

#include "x509/CertificateInspector.h"

namespace assay::detail {

namespace {

// RFC 7517 sections 6.2.2, 6.3.2 and 6.4: the members that make a JWK private (or secret).
QStringList privateMembers(const JsonMember& jwk)
{
    QStringList found;
    if (jwk.kind != JsonKind::Object)
        return found;
    auto doc = JsonDocument::parse(jwk.rawValue, Segment::Header);
    if (!doc)
        return found;
    for (const char* name : {"d", "p", "q", "dp", "dq", "qi", "oth"}) {
        if (doc->contains(QString::fromLatin1(name)))
            found.append(QLatin1String(name));
    }
    const auto kty = doc->member(u"kty");
    if (kty && kty->toString() == QLatin1String("oct") && doc->contains(u"k"))
        found.append(QStringLiteral("k"));
    return found;
}

void embeddedJwk(LintSink& sink, const HeaderMember& jwk, int index)
{
    const LintLocation loc = sink.member(jwk.segment, index, *jwk.member);
    sink.add(LintCode::EmbeddedJwk,
             QStringLiteral("the header carries its own key (jwk): a verifier that uses it accepts a token signed by "
                            "anyone (CVE-2018-0114); it can at most be compared with your keys"),
             loc);
    const QStringList secret = privateMembers(*jwk.member);
    if (!secret.isEmpty()) {
        sink.add(LintCode::EmbeddedJwkPrivate,
                 QStringLiteral("the embedded jwk contains private key material (%1): the key is published to "
                                "everyone who sees the token")
                     .arg(secret.join(QStringLiteral(", "))),
                 loc);
    }
}

QString issuerOf(const ParsedToken& token)
{
    if (!token.payloadJson || !token.payloadJson->isObject())
        return {};
    const auto iss = token.payloadJson->member(u"iss");
    return iss ? iss->toString().value_or(QString()) : QString();
}

void keyUrl(LintSink& sink, const HeaderMember& hm, int index, const QString& issuer)
{
    const QString name = hm.member->name;
    const LintLocation loc = sink.member(hm.segment, index, *hm.member);
    const QString what = name == QLatin1String("jku") ? QStringLiteral("a JWK Set URL")
                                                      : QStringLiteral("a "
                                                                       "certificate "
                                                                       "URL");
    sink.add(LintCode::KeyUrl,
             QStringLiteral("%1 names %2: a verifier that follows it lets the token choose its own key, and can be "
                            "made to request internal addresses; Assay fetches nothing")
                 .arg(name, what),
             loc);
    const auto url = hm.member->toString();
    if (!url) {
        sink.add(LintCode::KeyUrlUnsafe,
                 QStringLiteral("%1 is %2, not a URL string").arg(name, jsonKindDescription(hm.member->kind)), loc);
        return;
    }
    const QStringList risks = keyUrlRisks(*url, issuer);
    if (!risks.isEmpty()) {
        sink.add(LintCode::KeyUrlUnsafe,
                 QStringLiteral("%1 \"%2\" points to %3")
                     .arg(name, quoteForMessage(*url, 80), risks.join(QStringLiteral("; "))),
                 loc);
    }
}

void certificateChain(LintSink& sink, const HeaderMember& hm, int index)
{
    const LintLocation loc = sink.member(hm.segment, index, *hm.member);
    sink.add(LintCode::X5c,
             QStringLiteral("x5c carries a certificate chain: its key may be trusted only after validating the chain "
                            "against trust anchors you chose (RFC 5280); Assay does not trust it"),
             loc);
    if (hm.member->kind != JsonKind::Array) {
        sink.add(LintCode::X5cInvalid,
                 QStringLiteral("x5c is %1, not an array of certificates").arg(jsonKindDescription(hm.member->kind)),
                 loc);
        return;
    }
    auto array = JsonDocument::parse(hm.member->rawValue, Segment::Header);
    if (!array || array->elements().isEmpty()) {
        sink.add(LintCode::X5cInvalid, QStringLiteral("x5c is an empty array"), loc);
        return;
    }
    const QList<JsonMember>& elements = array->elements();
    for (qsizetype i = 0; i < elements.size(); ++i) {
        const auto text = elements[i].toString();
        // RFC 7515 section 4.1.6: standard base64 (not base64url) of the DER.
        const auto decoded =
            text ? QByteArray::fromBase64Encoding(text->toLatin1(), QByteArray::AbortOnBase64DecodingErrors)
                 : QByteArray::FromBase64Result{};
        if (!text || !decoded) {
            sink.add(LintCode::X5cInvalid, QStringLiteral("x5c[%1] is not a base64-encoded certificate").arg(i), loc);
            continue;
        }
        auto cert = inspectCertificate(*decoded);
        if (!cert) {
            sink.add(LintCode::X5cInvalid,
                     QStringLiteral("x5c[%1] is not an X.509 certificate: %2").arg(i).arg(cert.error().message), loc);
            continue;
        }
        if (i == 0 && cert->selfSigned) {
            sink.add(LintCode::X5cSelfSigned,
                     QStringLiteral("the first x5c certificate is self-signed (%1): anyone can make one for any key")
                         .arg(quoteForMessage(cert->subject, 80)),
                     loc);
        }
    }
}

// The characters and shapes ATTACKS.md A09 lists for kid: path traversal, path separators, NUL and control
// characters, SQL quoting and comments, shell metacharacters, URLs, and excessive length.
QStringList kidProblems(const QString& kid)
{
    QStringList problems;
    if (kid.contains(QLatin1String("..")))
        problems.append(QStringLiteral("path traversal (..)"));
    if (kid.contains(QLatin1Char('/')) || kid.contains(QLatin1Char('\\')))
        problems.append(QStringLiteral("a path separator"));
    if (kid.contains(QLatin1String("://")))
        problems.append(QStringLiteral("a URL"));
    if (kid.contains(QChar(0)))
        problems.append(QStringLiteral("a NUL character"));
    else if (std::any_of(kid.cbegin(), kid.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; }))
        problems.append(QStringLiteral("control characters"));
    if (kid.contains(QLatin1Char('\'')) || kid.contains(QLatin1Char('"')))
        problems.append(QStringLiteral("quotes (SQL injection)"));
    if (kid.contains(QLatin1String("--")) && kid.contains(QLatin1Char(' ')))
        problems.append(QStringLiteral("an SQL comment"));
    if (kid.contains(QLatin1Char(';')) || kid.contains(QLatin1Char('|')) || kid.contains(QLatin1Char('`')) ||
        kid.contains(QLatin1String("$(")) || kid.contains(QLatin1Char('&')))
        problems.append(QStringLiteral("shell metacharacters"));
    if (kid.toUtf8().size() > 256)
        problems.append(QStringLiteral("more than 256 bytes"));
    return problems;
}

void keyId(LintSink& sink, const HeaderMember& hm, int index)
{
    const LintLocation loc = sink.member(hm.segment, index, *hm.member);
    const auto kid = hm.member->toString();
    if (!kid) {
        sink.add(LintCode::KidInvalid,
                 QStringLiteral("kid is %1, not a string").arg(jsonKindDescription(hm.member->kind)), loc);
        return;
    }
    const QStringList problems = kidProblems(*kid);
    if (problems.isEmpty())
        return;
    sink.add(LintCode::KidSuspicious,
             QStringLiteral("kid \"%1\" contains %2: a server that builds a file path, SQL query or shell command "
                            "from kid can be made to use a key the attacker knows")
                 .arg(quoteForMessage(*kid), problems.join(QStringLiteral(", "))),
             loc);
}

} // namespace

void lintKeyHeaders(LintSink& sink)
{
    const ParsedToken& token = sink.token();
    const QString issuer = issuerOf(token);
    for (int i = 0; i < token.signatures.size(); ++i) {
        const JwsSignatureEntry& entry = token.signatures[i];
        for (const HeaderMember& hm : headerMembers(entry)) {
            const QString& name = hm.member->name;
            if (name == QLatin1String("jwk")) {
                embeddedJwk(sink, hm, i);
            } else if (name == QLatin1String("jku") || name == QLatin1String("x5u")) {
                keyUrl(sink, hm, i, issuer);
            } else if (name == QLatin1String("x5c")) {
                certificateChain(sink, hm, i);
            } else if (name == QLatin1String("x5t") || name == QLatin1String("x5t#S256")) {
                sink.add(LintCode::X5t,
                         QStringLiteral("%1 is a certificate thumbprint: a hint for choosing one of your keys, never "
                                        "a key itself")
                             .arg(name),
                         sink.member(hm.segment, i, *hm.member));
            } else if (name == QLatin1String("kid")) {
                keyId(sink, hm, i);
            }
        }
    }
}

} // namespace assay::detail
