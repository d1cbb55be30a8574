// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace assay {
class ClaimReport;
struct ParsedToken;
} // namespace assay

namespace assay::cli {

class Console;

/// The human-readable rendering of a token for decode and verify: headers and payload pretty-printed with their
/// tokens exactly as written (JsonDocument::pretty), claims with UTC, local and relative times, diagnostics with
/// their segment and offset or line:column.
class TokenText
{
public:
    explicit TokenText(const Console& console);

    /// "Form:" and "Algorithm:" lines.
    void printSummary(const ParsedToken& token) const;
    /// Every protected (and unprotected) header, pretty-printed.
    void printHeaders(const ParsedToken& token) const;
    /// The payload: pretty JSON, else text, else its base64url.
    void printPayload(const ParsedToken& token) const;
    /// The JWE parts that cannot be shown decrypted.
    void printJweParts(const ParsedToken& token) const;
    /// The claim rows with status, times and warnings.
    void printClaims(const ClaimReport& report) const;
    /// "Diagnostics:" and one line per error (nothing when the list is empty).
    void printDiagnostics(const QList<Error>& diagnostics) const;

    /// The first protected header's alg as written, or an empty string.
    [[nodiscard]] static QString algorithmOf(const ParsedToken& token);
    /// The bytes as text when they are valid UTF-8 without NUL or other control characters except tab and line
    /// breaks; nullopt for binary data.
    [[nodiscard]] static std::optional<QString> utf8Text(const QByteArray& bytes);
    /// For a compact JWE: the first problem that keeps it from being read (a part that does not decode, a protected
    /// header that is missing or not a JSON object), or nullopt when it is well formed.
    [[nodiscard]] static std::optional<Error> jweProblem(const ParsedToken& token);
    /// "ERR_CODE: segment, offset N: message (detail)".
    [[nodiscard]] static QString describe(const Error& error);

private:
    void printJson(const QString& title, const QByteArray& pretty) const;

    const Console& m_console;
};

} // namespace assay::cli
