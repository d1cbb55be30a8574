// SPDX-License-Identifier: Apache-2.0
#include "audit/LintToken.h"

#include "audit/detail/LintRules.h"

namespace assay {

LintReport lintToken(const ParsedToken& token, const LintContext& context)
{
    detail::LintSink sink(token);
    detail::lintStructure(sink);
    detail::lintHeaders(sink);
    detail::lintJwsHeaders(sink);
    detail::lintKeyHeaders(sink);
    detail::lintSignatures(sink);
    detail::lintJwe(sink, context);
    detail::lintClaims(sink, context);
    detail::lintPayload(sink);
    detail::lintKeys(sink, context);
    LintReport report;
    report.append(sink.take());
    return report;
}

LintReport lintTokenText(QByteArrayView text, const LintContext& context)
{
    auto parsed = parseToken(text);
    if (parsed)
        return lintToken(*parsed, context);
    const Error& e = parsed.error();
    LintLocation loc;
    loc.segment = e.segment == Segment::None ? Segment::Input : e.segment;
    if (e.offset >= 0) {
        loc.tokenOffset = e.offset;
        loc.tokenLength = 1;
    }
    LintReport report;
    report.add(makeLintFinding(LintCode::TokenStructure, e.message, loc));
    return report;
}

} // namespace assay
