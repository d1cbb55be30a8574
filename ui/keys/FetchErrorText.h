// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Error.h"

#include <QString>

namespace assay::ui {

/// A failed fetch explained to the user: what kind of failure it is in a few words, the core's own message (which
/// names the URL), OpenSSL's reason where there is one, and what could help.
struct FetchErrorText
{
    QString headline; // "Not found", "TLS failure", "Too large", ...
    QString message;  // the core's message, naming the URL
    QString detail;   // the library's reason (OpenSSL), may be empty
    QString hint;     // what the user can change, may be empty
    QString code;     // the stable error code name, e.g. ERR_TLS_FAILURE
    QString url;      // the URL being requested when it failed, shown when the message does not name it

    /// Everything above as one rich-text paragraph (escaped) for a label.
    [[nodiscard]] QString toHtml() const;
};

/// `maxBytes` is the size cap the fetch used, named in the "too large" explanation.
/// `url` is the URL being requested when it failed (may be empty).
[[nodiscard]] FetchErrorText describeFetchError(const Error& error, qint64 maxBytes, const QString& url = {});

} // namespace assay::ui
