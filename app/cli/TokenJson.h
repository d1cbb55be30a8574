// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Error.h"

#include <QList>

namespace assay {
class ClaimReport;
struct JwsVerification;
struct ParsedToken;
struct SignatureVerification;
} // namespace assay

namespace assay {
class JsonWriter;
} // namespace assay

namespace assay::cli {

/// The `--json` members that describe a token, a verification, a claim report and errors, shared by decode and
/// verify. Decoded headers, payloads and claim values are spliced in as their exact JSON text (JsonWriter::raw).
class TokenJson
{
public:
    /// Members (inside an open object): form, alg, segments, header, payload (or payloadText / payloadBase64url),
    /// payloadDetached, signatures, diagnostics.
    static void writeTokenMembers(JsonWriter& out, const ParsedToken& token);
    /// An object: code, message, segment, offset, line, column, detail (null when unknown).
    static void writeError(JsonWriter& out, const Error& error);
    /// An array of writeError() objects.
    static void writeErrors(JsonWriter& out, const QList<Error>& errors);
    /// An object: evaluatedAt, evaluatedAtNumericDate, leewaySeconds, ok, results[].
    static void writeClaims(JsonWriter& out, const ClaimReport& report);
    /// An object: verdict, reason, error, notes, signatures[] (each with its key selection).
    static void writeVerification(JsonWriter& out, const JwsVerification& verification);

private:
    static void writeSignature(JsonWriter& out, const SignatureVerification& signature);
};

} // namespace assay::cli
