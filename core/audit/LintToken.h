// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/LintContext.h"
#include "audit/LintReport.h"
#include "token/ParsedToken.h"

#include <QByteArrayView>

namespace assay {

/// The lint panel's engine: every LINT item of ATTACKS.md, checked on a parsed token (compact JWS, compact JWE
/// header, JWS JSON serialization) and, when the context carries them, on the user's keys. Each finding has a stable
/// code, the ATTACKS.md ids it covers, a severity, a one-line message, the RFC section or CVE, and the header member,
/// claim or segment it points at (with byte offsets in the decoded JSON and character offsets in the token), so a
/// window can highlight it. The token is only read; nothing is fetched, nothing is verified (verification is
/// jws/JwsVerifier.h), and values that look sensitive are masked in messages.
///
/// Never fails: whatever parseToken() accepted gets a report, however broken its parts are.
[[nodiscard]] LintReport lintToken(const ParsedToken& token, const LintContext& context = {});

/// Parses `text` (parseToken() with default limits) and lints it. Text that is not a token at all (wrong number of
/// parts, empty, too large) gives one LINT_TOKEN_STRUCTURE finding carrying the parser's message.
[[nodiscard]] LintReport lintTokenText(QByteArrayView text, const LintContext& context = {});

} // namespace assay
