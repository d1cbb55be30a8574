// SPDX-License-Identifier: Apache-2.0
#include "KeyReportJson.h"

#include "crypto/SecureBytes.h"
#include "encoding/JsonWriter.h"
#include "jwk/SecretText.h"

namespace assay::cli {

namespace {

QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

void optionalString(JsonWriter& out, QStringView name, const QString& value)
{
    if (value.isEmpty())
        out.memberNull(name);
    else
        out.member(name, value);
}

void optionalBool(JsonWriter& out, QStringView name, const std::optional<bool>& value)
{
    if (value)
        out.memberBool(name, *value);
    else
        out.memberNull(name);
}

void secretMember(JsonWriter& out, QStringView name, const SecureBytes& bytes)
{
    // The JSON writer copies the text; the copy lives only as long as this output.
    QByteArray text(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
    out.member(name, QString::fromUtf8(text));
    wipe(text);
}

} // namespace

void KeyReportJson::writeFindings(JsonWriter& out, const QList<KeyFinding>& findings)
{
    out.beginArray();
    for (const KeyFinding& f : findings) {
        out.beginObject();
        out.member(u"code", keyFindingCodeName(f.code));
        out.member(u"severity", findingSeverityName(f.severity));
        out.member(u"message", f.message);
        out.endObject();
    }
    out.endArray();
}

void KeyReportJson::writeCertificate(JsonWriter& out, const CertificateDetails& c, const QDateTime& at)
{
    out.beginObject();
    out.member(u"subject", c.subject);
    out.member(u"issuer", c.issuer);
    out.member(u"serial", c.serialHex);
    out.memberNumber(u"version", c.version);
    out.member(u"notBefore", iso(c.notBefore));
    out.member(u"notAfter", iso(c.notAfter));
    out.member(u"validity", certificateValidityName(c.validityAt(at)));
    out.member(u"signatureAlgorithm", c.signatureAlgorithm);
    out.memberBool(u"selfSigned", c.selfSigned);
    out.memberBool(u"ca", c.isCa);
    out.key(u"subjectAltNames");
    out.beginObject();
    out.key(u"dns").stringList(c.subjectAltNames.dns);
    out.key(u"ip").stringList(c.subjectAltNames.ip);
    out.key(u"email").stringList(c.subjectAltNames.email);
    out.key(u"uri").stringList(c.subjectAltNames.uri);
    out.key(u"other").stringList(c.subjectAltNames.other);
    out.endObject();
    out.member(u"sha1Fingerprint", c.sha1Fingerprint);
    out.member(u"sha256Fingerprint", c.sha256Fingerprint);
    out.member(u"x5t", c.x5t);
    out.member(u"x5t#S256", c.x5tS256);
    out.member(u"publicKey", c.publicKeyDescription);
    out.endObject();
}

void KeyReportJson::writeReport(JsonWriter& out, const KeyReport& r, const QDateTime& at, bool showSecret)
{
    out.beginObject();
    out.member(u"source", r.source);
    out.memberBool(u"loaded", r.loaded());
    if (r.loadError) {
        out.key(u"error");
        out.beginObject();
        out.member(u"code", errorCodeName(r.loadError->code));
        out.member(u"message", r.loadError->message);
        out.member(u"detail", r.loadError->detail);
        out.endObject();
    } else {
        out.memberNull(u"error");
    }
    if (r.loaded()) {
        const Key& k = r.key;
        out.member(u"description", k.description());
        out.member(u"kty", keyTypeName(k.type()));
        optionalString(out, u"crv", curveName(k.curve()));
        out.memberNumber(u"bits", k.bits());
        out.memberBool(u"private", k.hasPrivate());
        out.member(u"format", keyFormatName(k.format()));
        optionalString(out, u"kid", k.kid());
        optionalString(out, u"alg", k.alg());
        optionalString(out, u"use", k.use());
        if (k.hasKeyOps())
            out.key(u"key_ops").stringList(k.keyOps());
        else
            out.memberNull(u"key_ops");
        if (r.rsaExponent)
            out.memberNumber(u"rsaExponent", static_cast<qint64>(*r.rsaExponent));
        else
            out.memberNull(u"rsaExponent");
        out.key(u"publicJwk");
        if (r.publicJwk.isEmpty())
            out.null();
        else
            out.raw(r.publicJwk);
        out.key(u"thumbprints");
        out.beginObject();
        out.member(u"sha256", r.thumbprintSha256);
        out.member(u"sha384", r.thumbprintSha384);
        out.member(u"sha512", r.thumbprintSha512);
        out.endObject();
        out.member(u"thumbprintUri", r.thumbprintUri);
        if (showSecret && k.secret() != nullptr) {
            const SecretRenderings s = renderSecret(*k.secret());
            out.key(u"secret");
            out.beginObject();
            secretMember(out, u"hex", s.hex);
            secretMember(out, u"base64", s.base64);
            secretMember(out, u"base64url", s.base64url);
            if (s.utf8)
                secretMember(out, u"utf8", *s.utf8);
            else
                out.memberNull(u"utf8");
            out.endObject();
        }
    }
    out.key(u"certificates");
    out.beginArray();
    for (const CertificateDetails& c : r.chain.certificates)
        writeCertificate(out, c, at);
    out.endArray();
    out.key(u"chainLinks");
    out.beginArray();
    for (const ChainLink& link : r.chain.links) {
        out.beginObject();
        out.memberBool(u"signatureVerifies", link.signatureVerifies);
        out.memberBool(u"issuerNameMatches", link.issuerNameMatches);
        out.endObject();
    }
    out.endArray();
    optionalBool(out, u"leafMatchesKey", r.leafMatchesKey);
    optionalString(out, u"x5t", r.x5t);
    optionalString(out, u"x5t#S256", r.x5tS256);
    out.key(u"findings");
    writeFindings(out, r.findings);
    out.endObject();
}

} // namespace assay::cli
