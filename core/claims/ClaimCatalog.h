// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace assay {

/// One-line descriptions of well-known JWT claims and JOSE header parameters, for the claims table and the CLI.
/// Read-only static tables; names are case-sensitive (RFC 7519 section 4, RFC 7515 section 4).
class ClaimCatalog
{
public:
    struct Entry
    {
        QString name;        // "exp"
        QString title;       // "Expiration Time"
        QString description; // one line: what it means
        QString reference;   // "RFC 7519 section 4.1.4"
    };

    /// "Expiration Time: the token must not be accepted on or after this time (RFC 7519 section 4.1.4)", or an
    /// empty string for an unknown name.
    [[nodiscard]] static QString describeClaim(QStringView name);
    /// Same for JWS/JWE protected or unprotected header parameters ("alg", "x5t#S256", "p2c", ...).
    [[nodiscard]] static QString describeHeaderParameter(QStringView name);

    [[nodiscard]] static std::optional<Entry> claim(QStringView name);
    [[nodiscard]] static std::optional<Entry> headerParameter(QStringView name);

    /// Every catalogued claim / header parameter, in a stable order (registered first, then by source).
    [[nodiscard]] static QList<Entry> claims();
    [[nodiscard]] static QList<Entry> headerParameters();
};

} // namespace assay
