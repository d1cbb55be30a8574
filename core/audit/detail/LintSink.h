// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/LintFinding.h"
#include "token/ParsedToken.h"

#include <QList>

namespace assay {
class Key;
}

namespace assay::detail {

/// Collects the findings of one lintToken() run and builds their locations: a member or a value of a header or
/// payload, a whole segment, or a key. Turns byte offsets in a decoded segment into character offsets in the token
/// text (base64url: bytes [b, b+n) are encoded by characters [4b/3, ceil(4(b+n)/3))).
class LintSink
{
public:
    explicit LintSink(const ParsedToken& token)
        : m_token(token)
    {
    }

    [[nodiscard]] const ParsedToken& token() const { return m_token; }

    /// Adds a finding with the rule's severity, ids and reference; returns it for rare adjustments (an extra id).
    LintFinding& add(LintCode code, QString message, LintLocation location);

    /// A whole segment.
    [[nodiscard]] LintLocation whole(Segment segment, int signatureIndex = 0) const;
    /// A member of a top-level JSON object, name and value (`path` defaults to the member's name).
    [[nodiscard]] LintLocation member(Segment segment, int signatureIndex, const JsonMember& member,
                                      const QString& path = {}) const;
    /// Only the value of a member.
    [[nodiscard]] LintLocation value(Segment segment, int signatureIndex, const JsonMember& member,
                                     const QString& path = {}) const;
    /// Any byte range of a decoded segment.
    [[nodiscard]] LintLocation span(Segment segment, int signatureIndex, const QString& path, qsizetype offset,
                                    qsizetype length) const;
    /// One of the user's keys: "key 1 (kid \"abc\")".
    [[nodiscard]] static LintLocation key(int index, const Key& key);

    [[nodiscard]] QList<LintFinding> take() { return std::move(m_findings); }

private:
    [[nodiscard]] const DecodedSegment* decoded(Segment segment, int signatureIndex) const;
    void mapToToken(LintLocation& location) const;

    const ParsedToken& m_token;
    QList<LintFinding> m_findings;
};

/// A header member and which header it is in.
struct HeaderMember
{
    const JsonMember* member = nullptr;
    Segment segment = Segment::Header; // Header (protected) or UnprotectedHeader
    explicit operator bool() const { return member != nullptr; }
};

/// The member `name` of a signature's JOSE header: the protected one first (its last occurrence, as JSON readers
/// do), then the unprotected one (JSON serialization).
[[nodiscard]] HeaderMember findHeaderMember(const JwsSignatureEntry& entry, QStringView name);
/// Every member of both headers, protected first, in document order.
[[nodiscard]] QList<HeaderMember> headerMembers(const JwsSignatureEntry& entry);

/// A typ or cty value as a media type to compare: ASCII lower case, without an "application/" prefix
/// (RFC 7515 section 4.1.9: "JWT" means "application/jwt").
[[nodiscard]] QString normalizedMediaType(const QString& value);

/// The text a one-line message may quote: at most `max` characters, control characters shown as \uXXXX.
[[nodiscard]] QString quoteForMessage(const QString& text, int max = 60);

} // namespace assay::detail
