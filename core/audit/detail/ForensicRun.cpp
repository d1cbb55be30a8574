// SPDX-License-Identifier: Apache-2.0
#include "audit/detail/ForensicRun.h"

#include "crypto/SignatureEngine.h"
#include "encoding/Base64Url.h"

namespace assay::detail {

QByteArray ForensicTarget::payloadPart(const QByteArray& bytes) const
{
    return payloadUnencoded ? bytes : base64url::encode(bytes);
}

QString ForensicTarget::signatureCaveat() const
{
    return signatureSpelling.irregular()
               ? QStringLiteral(" (with the signature part's %1 normalized)").arg(signatureSpelling.describe())
               : QString();
}

namespace {

// A part as received: its strict decoding when it had one, otherwise any base64 spelling.
std::optional<AnyBase64> readPart(const DecodedSegment& segment)
{
    if (!segment.error) {
        AnyBase64 regular;
        regular.bytes = segment.bytes;
        return regular;
    }
    return decodeAnyBase64(segment.raw);
}

} // namespace

std::optional<ForensicTarget> makeForensicTarget(const ParsedToken& token, int signatureIndex, QString& why)
{
    if (!token.isJws() || token.signatures.isEmpty()) {
        why = QStringLiteral("not a JWS");
        return std::nullopt;
    }
    if (signatureIndex < 0 || signatureIndex >= token.signatures.size()) {
        why = QStringLiteral("the token has no signature %1").arg(signatureIndex + 1);
        return std::nullopt;
    }
    const JwsSignatureEntry& entry = token.signatures.at(signatureIndex);
    ForensicTarget t;

    t.rawHeader = entry.protectedHeader.raw;
    auto header = readPart(entry.protectedHeader);
    if (!header) {
        why = QStringLiteral("the protected header is not base64 in any spelling");
        return std::nullopt;
    }
    t.headerSpelling = *header;
    t.headerBytes = header->bytes;
    if (entry.header) {
        t.header = entry.header;
    } else if (auto doc = JsonDocument::parse(t.headerBytes, Segment::Header); doc && doc->isObject()) {
        t.header = std::move(*doc); // readable once the spelling is forgiven
    } else {
        why = QStringLiteral("the protected header is not a JSON object, so its alg is unknown");
        return std::nullopt;
    }
    if (const JsonMember* alg = t.header->find(u"alg")) {
        t.algName = alg->toString().value_or(QString());
        if (auto known = jwsAlgorithmFromName(t.algName); known && *known != JwsAlgorithm::None)
            t.alg = known;
    }
    // RFC 7797: b64 false (with crit) puts the payload into the signing input unencoded. Read from this very
    // header, since a JSON serialization has one per signature.
    if (const JsonMember* b64 = t.header->find(u"b64"))
        t.payloadUnencoded = b64->toBool() == std::optional<bool>(false);

    t.rawPayload = token.payload.raw;
    t.payloadDetached = token.payloadDetached;
    if (t.payloadUnencoded || t.rawPayload.isEmpty()) {
        t.payloadBytes = t.rawPayload;
    } else {
        auto payload = token.payloadUnencoded ? decodeAnyBase64(t.rawPayload) : readPart(token.payload);
        if (!payload) {
            why = QStringLiteral("the payload is not base64 in any spelling");
            return std::nullopt;
        }
        t.payloadSpelling = *payload;
        t.payloadBytes = payload->bytes;
    }
    if (auto doc = JsonDocument::parse(t.payloadBytes, Segment::Payload); doc)
        t.payloadJson = std::move(*doc);

    if (entry.signature.raw.isEmpty()) {
        why = QStringLiteral("the token has no signature");
        return std::nullopt;
    }
    auto signature = readPart(entry.signature);
    if (!signature || signature->bytes.isEmpty()) {
        why = QStringLiteral("the signature part is not base64 in any spelling");
        return std::nullopt;
    }
    t.signatureSpelling = *signature;
    t.signature = signature->bytes;
    return t;
}

QString forensicKeyLabel(const Key& key, int index)
{
    QStringList facts;
    if (!key.kid().isEmpty())
        facts << QStringLiteral("kid \"%1\"").arg(key.kid());
    facts << key.description();
    if (!key.isSymmetric()) {
        if (auto thumbprint = key.thumbprint(256))
            facts << QStringLiteral("SHA-256 thumbprint %1").arg(*thumbprint);
    }
    return QStringLiteral("key %1 (%2)").arg(index + 1).arg(facts.join(QStringLiteral(", ")));
}

QString secretEncodingName(SecretEncoding encoding)
{
    switch (encoding) {
    case SecretEncoding::Utf8:
        return QStringLiteral("UTF-8 text");
    case SecretEncoding::Base64:
        return QStringLiteral("base64");
    case SecretEncoding::Base64Url:
        return QStringLiteral("base64url");
    case SecretEncoding::Hex:
        return QStringLiteral("hex");
    }
    return {};
}

bool ForensicProbe::verifies(const Key& key, JwsAlgorithm alg, QByteArrayView input, QByteArrayView signature)
{
    if (m_tried >= m_budget) {
        m_exhausted = true;
        return false;
    }
    ++m_tried;
    return signature::verify(key, alg, input, signature).has_value();
}

QList<ForensicKey> ForensicRun::keysFor(JwsAlgorithm alg) const
{
    QList<ForensicKey> out;
    if (secret && signature::keyFitsAlgorithm(secret->key, alg))
        out.append(*secret);
    for (const auto& k : keys) {
        if (signature::keyFitsAlgorithm(k.key, alg))
            out.append(k);
    }
    return out;
}

CheckScope::CheckScope(ForensicRun& run, ForensicHypothesis hypothesis)
    : m_run(run)
    , m_start(run.probe.tried())
{
    m_check.hypothesis = hypothesis;
    m_check.title = forensicTitle(hypothesis);
}

CheckScope::~CheckScope()
{
    m_check.candidates = m_run.probe.tried() - m_start;
    m_check.truncated = m_run.probe.exhausted();
    if (m_found > 0)
        m_check.outcome = ForensicCheckOutcome::Confirmed;
    else if (m_check.candidates > 0)
        m_check.outcome = ForensicCheckOutcome::RuledOut;
    else
        m_check.outcome = ForensicCheckOutcome::NotApplicable;
    if (m_check.truncated)
        m_check.note += QStringLiteral(" (stopped at the limit of %1 verifications)").arg(kForensicsMaxCandidates);
    m_run.report.checks.append(std::move(m_check));
}

void CheckScope::confirm(ForensicFinding finding)
{
    finding.hypothesis = m_check.hypothesis;
    finding.code = forensicCode(m_check.hypothesis);
    m_run.report.findings.append(std::move(finding));
    ++m_found;
}

} // namespace assay::detail
