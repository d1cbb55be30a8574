// SPDX-License-Identifier: Apache-2.0
#include "audit/detail/LintSink.h"

#include "jwk/Key.h"

namespace assay::detail {

LintFinding& LintSink::add(LintCode code, QString message, LintLocation location)
{
    m_findings.append(makeLintFinding(code, std::move(message), std::move(location)));
    return m_findings.last();
}

const DecodedSegment* LintSink::decoded(Segment segment, int signatureIndex) const
{
    const bool haveEntry = signatureIndex >= 0 && signatureIndex < m_token.signatures.size();
    switch (segment) {
    case Segment::Header:
        return haveEntry ? &m_token.signatures[signatureIndex].protectedHeader : nullptr;
    case Segment::Signature:
        return haveEntry && m_token.form != TokenForm::CompactJwe ? &m_token.signatures[signatureIndex].signature
                                                                  : nullptr;
    case Segment::Payload:
        return m_token.isJws() ? &m_token.payload : nullptr;
    case Segment::EncryptedKey:
    case Segment::InitializationVector:
    case Segment::Ciphertext:
    case Segment::AuthenticationTag:
        for (const DecodedSegment& part : m_token.jweParts) {
            if (part.kind == segment)
                return &part;
        }
        return nullptr;
    default:
        return nullptr; // the unprotected header is plain JSON inside the JSON serialization; keys are not in the text
    }
}

void LintSink::mapToToken(LintLocation& location) const
{
    if (location.segment == Segment::UnprotectedHeader) {
        // Plain JSON inside the JSON serialization: its text appears in the token as it is.
        const int i = location.signatureIndex;
        if (i < 0 || i >= m_token.signatures.size() || !m_token.signatures[i].unprotectedHeader)
            return;
        const QByteArray& raw = m_token.signatures[i].unprotectedHeader->raw();
        const qsizetype base = m_token.text.indexOf(raw);
        if (base < 0)
            return;
        location.tokenOffset = base + qMax<qsizetype>(0, location.offset);
        location.tokenLength = location.offset < 0 ? raw.size() : location.length;
        return;
    }
    const DecodedSegment* seg = decoded(location.segment, location.signatureIndex);
    if (!seg)
        return;
    qsizetype base = seg->offset;
    if (base < 0 && !seg->raw.isEmpty())
        base = m_token.text.indexOf(seg->raw); // JSON serialization: the base64url text sits inside the JSON
    if (base < 0)
        return;
    const qsizetype rawSize = seg->raw.size();
    // An unencoded payload (RFC 7797) is its own text; an undecodable segment has no byte offsets to convert.
    const bool direct = (location.segment == Segment::Payload && m_token.payloadUnencoded) || seg->error;
    if (location.offset < 0 || direct) {
        const qsizetype start = location.offset < 0 || !direct ? 0 : qMin(location.offset, rawSize);
        const qsizetype length = location.offset < 0 || !direct ? rawSize : qMin(location.length, rawSize - start);
        location.tokenOffset = base + start;
        location.tokenLength = length;
        return;
    }
    const qsizetype start = qMin(location.offset * 4 / 3, rawSize);
    const qsizetype end = qMin(((location.offset + location.length) * 4 + 2) / 3, rawSize);
    location.tokenOffset = base + start;
    location.tokenLength = qMax<qsizetype>(0, end - start);
}

LintLocation LintSink::whole(Segment segment, int signatureIndex) const
{
    LintLocation loc;
    loc.segment = segment;
    loc.signatureIndex = signatureIndex;
    if (const DecodedSegment* seg = decoded(segment, signatureIndex); seg && !seg->error) {
        loc.offset = 0;
        loc.length = seg->bytes.size();
    }
    mapToToken(loc);
    return loc;
}

LintLocation LintSink::member(Segment segment, int signatureIndex, const JsonMember& m, const QString& path) const
{
    const qsizetype start = m.nameOffset >= 0 ? m.nameOffset : m.valueOffset;
    const qsizetype end = m.valueOffset >= 0 ? m.valueOffset + m.rawValue.size() : start;
    return span(segment, signatureIndex, path.isEmpty() ? m.name : path, start, end - start);
}

LintLocation LintSink::value(Segment segment, int signatureIndex, const JsonMember& m, const QString& path) const
{
    return span(segment, signatureIndex, path.isEmpty() ? m.name : path, m.valueOffset, m.rawValue.size());
}

LintLocation LintSink::span(Segment segment, int signatureIndex, const QString& path, qsizetype offset,
                            qsizetype length) const
{
    LintLocation loc;
    loc.segment = segment;
    loc.signatureIndex = signatureIndex;
    loc.member = path;
    loc.offset = offset;
    loc.length = offset >= 0 ? length : 0;
    mapToToken(loc);
    return loc;
}

LintLocation LintSink::key(int index, const Key& key)
{
    LintLocation loc;
    loc.segment = Segment::Key;
    loc.member = key.kid().isEmpty() ? QStringLiteral("%1").arg(index + 1)
                                     : QStringLiteral("%1 (kid \"%2\")").arg(index + 1).arg(quoteForMessage(key.kid()));
    return loc;
}

HeaderMember findHeaderMember(const JwsSignatureEntry& entry, QStringView name)
{
    if (entry.header) {
        if (const JsonMember* m = entry.header->find(name))
            return {m, Segment::Header};
    }
    if (entry.unprotectedHeader) {
        if (const JsonMember* m = entry.unprotectedHeader->find(name))
            return {m, Segment::UnprotectedHeader};
    }
    return {};
}

QList<HeaderMember> headerMembers(const JwsSignatureEntry& entry)
{
    QList<HeaderMember> out;
    if (entry.header) {
        for (const JsonMember& m : entry.header->members())
            out.append({&m, Segment::Header});
    }
    if (entry.unprotectedHeader) {
        for (const JsonMember& m : entry.unprotectedHeader->members())
            out.append({&m, Segment::UnprotectedHeader});
    }
    return out;
}

QString normalizedMediaType(const QString& value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value)
        out += (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ? QChar(c.unicode() + 32) : c;
    if (out.startsWith(QLatin1String("application/")))
        out.remove(0, 12);
    return out;
}

QString quoteForMessage(const QString& text, int max)
{
    QString out;
    for (const QChar c : text) {
        if (out.size() >= max) {
            out += QStringLiteral("...");
            break;
        }
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace assay::detail
