// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace assay {

/// What cleanPastedToken() kept and what it took away.
struct IntakeResult
{
    QByteArray token;     // the text to give parseToken()
    QStringList stripped; // human notes, e.g. "removed the \"Bearer \" prefix", in the order applied
    [[nodiscard]] bool changed() const { return !stripped.isEmpty(); }
};

/// Accepts what users paste and extracts the token: surrounding whitespace and line breaks inside the token,
/// `Bearer ` / `JWT ` prefixes, surrounding quotes, an `Authorization:` header line, and URLs or fragments
/// carrying `id_token=`, `access_token=` or `token=`. JSON serializations (text starting with `{`) are only trimmed.
/// Every change is reported in `stripped`, so the UI can say what it removed (ATTACKS.md A21).
[[nodiscard]] IntakeResult cleanPastedToken(QStringView pasted);

} // namespace assay
