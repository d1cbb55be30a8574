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

namespace assay::cli {

class JsonOutput;

/// The `--json` members that describe a token, a verification, a claim report and errors, shared by decode and
/// verify. Decoded headers, payloads and claim values are spliced in as their exact JSON text (JsonOutput::raw).
class TokenJson
{
public:
    /// Members (inside an open object): form, alg, segments, header, payload (or payloadText / payloadBase64url),
    /// payloadDetached, signatures, diagnostics.
    static void writeTokenMembers(JsonOutput& out, const ParsedToken& token);
    /// An object: code, message, segment, offset, line, column, detail (null when unknown).
    static void writeError(JsonOutput& out, const Error& error);
    /// An array of writeError() objects.
    static void writeErrors(JsonOutput& out, const QList<Error>& errors);
    /// An object: evaluatedAt, evaluatedAtNumericDate, leewaySeconds, ok, results[].
    static void writeClaims(JsonOutput& out, const ClaimReport& report);
    /// An object: verdict, reason, error, notes, signatures[] (each with its key selection).
    static void writeVerification(JsonOutput& out, const JwsVerification& verification);

private:
    static void writeSignature(JsonOutput& out, const SignatureVerification& signature);
};

} // namespace assay::cli
