// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Error.h"
#include "claims/ClaimReport.h"
#include "jws/JwsAlgorithm.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

/// One base64url part of the token text as the user sees it, for colouring and error marks.
struct TokenPart
{
    Segment kind = Segment::None;
    qsizetype offset = 0;       // byte offset in SessionSnapshot::input
    qsizetype length = 0;       // bytes
    std::optional<Error> error; // the part's own decoding problem; its offset is inside the part
};

/// Everything a view of the session shows, computed at once after every change. Value type.
struct SessionSnapshot
{
    // The text of the encoded pane and the token the intake cut from it.
    QByteArray input;
    QByteArray token;
    qsizetype tokenOffset = 0;       // where `token` starts in `input`; -1 when the intake removed bytes inside it
    QStringList intakeNotes;         // what the intake stripped (TokenIntake.h)
    std::optional<Error> parseError; // the text is not any token form at all

    TokenForm form = TokenForm::Unknown;
    QList<TokenPart> parts; // compact forms; while parseError is set, a best-effort split on the dots
    std::optional<ParsedToken> parsed;

    // Decoded texts: pretty-printed JSON (tokens as written, only whitespace changed), or the decoded bytes.
    QByteArray headerText;
    QByteArray payloadText;
    bool headerIsJson = false;
    bool payloadIsJson = false;
    /// True for a compact JWS: header and payload edits re-encode the token.
    bool editable = false;

    QString algorithmName;                 // the header's alg as written, empty when absent
    std::optional<JwsAlgorithm> algorithm; // when registered
    bool unencodedPayload = false;         // RFC 7797 b64:false
    QString signingPseudoCode;             // SigningPseudoCode.h

    JwsVerification verification;
    qint64 evaluationTimeMSecs = 0;
    std::optional<ClaimReport> claims;
    std::optional<Error> claimsError; // the payload is not a JSON object (or not there)
    QList<Error> diagnostics;

    // Editing state.
    std::optional<Error> headerEditError; // the last header edit did not parse; the token keeps its last good value
    std::optional<Error> payloadEditError;
    /// An edit changed the signing input and no signing key re-signed it: the old signature is kept.
    bool signatureOutdated = false;
    /// Re-signing was attempted and refused (key does not fit alg, weak key, unknown alg, ...).
    std::optional<Error> signingError;

    [[nodiscard]] bool stale() const { return headerEditError.has_value() || payloadEditError.has_value(); }
};

} // namespace assay
