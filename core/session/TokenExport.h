// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace assay {

/// `Authorization: Bearer <token>` (RFC 6750 section 2.1), for pasting into HTTP tools.
[[nodiscard]] QString authorizationHeader(QByteArrayView token);

/// A POSIX shell command line `curl -H 'Authorization: Bearer <token>' '<url>'`, every argument single-quoted so
/// nothing in the token or URL is interpreted by the shell.
[[nodiscard]] QString curlCommand(QByteArrayView token, QStringView url = u"https://api.example.com/");

/// Quotes one argument for a POSIX shell: `'...'`, with each `'` written as `'\''`.
[[nodiscard]] QString shellQuote(QStringView argument);

} // namespace assay
