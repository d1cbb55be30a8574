// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/LintCatalog.h"
#include "base/Error.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

/// Where a finding points, so a window can highlight it.
///
/// `offset`/`length` are bytes inside the decoded segment (the header or payload JSON text exactly as written, the
/// signature bytes); `tokenOffset`/`tokenLength` are characters of the token text that encode those bytes (base64url
/// packs 3 bytes into 4 characters, so the token span may cover up to two neighbouring bytes as well). A location
/// that is not inside the token (the user's key) has Segment::Key and no offsets.
struct LintLocation
{
    Segment segment = Segment::None; // Header, UnprotectedHeader, Payload, Signature, a JWE part, Key, Input
    int signatureIndex = 0;          // which signature's header (JWS JSON general serialization has several)
    QString member;                  // "alg", "kid", "address.email", "keys[1]"; empty for a whole segment
    qsizetype offset = -1;           // in the decoded segment; -1 when unknown
    qsizetype length = 0;
    qsizetype tokenOffset = -1; // in ParsedToken::text; -1 when the segment is not in the text as base64url
    qsizetype tokenLength = 0;

    /// "header member \"kid\"", "payload", "key 2": for one-line messages.
    [[nodiscard]] QString describe() const;
};

/// One thing the lint found. `severity`, `attackIds`, `reference` and `title` are copied from the rule of `code`
/// (audit/LintCatalog.h), so a finding is self-contained for display and JSON output.
struct LintFinding
{
    LintCode code = LintCode::TokenStructure;
    LintSeverity severity = LintSeverity::Info;
    QStringList attackIds; // ATTACKS.md entries, e.g. {"A02", "A01"}
    QString message;       // one line, never the full value of anything sensitive
    QString reference;     // "RFC 7518 section 3.6; CVE-2022-23540"
    LintLocation location;

    /// The stable name, e.g. "LINT_ALG_NONE".
    [[nodiscard]] QString codeName() const { return lintCodeName(code); }
};

/// A finding for `code` with the rule's severity, ATTACKS.md ids and reference filled in.
[[nodiscard]] LintFinding makeLintFinding(LintCode code, QString message, LintLocation location);

} // namespace assay
