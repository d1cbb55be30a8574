// SPDX-License-Identifier: Apache-2.0
#include "crypto/detail/OsslError.h"

#include <openssl/err.h>

namespace assay::detail {

QString takeOpensslErrors()
{
    QString out;
    const char* func = nullptr;
    const char* data = nullptr;
    int flags = 0;
    // Bounded: a misbehaving provider must not keep us here.
    for (int i = 0; i < 32; ++i) {
        const unsigned long code = ERR_get_error_all(nullptr, nullptr, &func, &data, &flags);
        if (code == 0)
            break;
        QString part;
        const char* reason = ERR_reason_error_string(code);
        part = reason != nullptr ? QString::fromUtf8(reason) : QStringLiteral("error %1").arg(code, 0, 16);
        const char* lib = ERR_lib_error_string(code);
        if (lib != nullptr || (func != nullptr && *func != '\0')) {
            part += QStringLiteral(" (");
            part += lib != nullptr ? QString::fromUtf8(lib) : QString();
            if (func != nullptr && *func != '\0')
                part += QLatin1Char(':') + QString::fromUtf8(func);
            part += QLatin1Char(')');
        }
        if ((flags & ERR_TXT_STRING) != 0 && data != nullptr && *data != '\0')
            part += QStringLiteral(": ") + QString::fromUtf8(data);
        if (!out.isEmpty())
            out += QStringLiteral("; ");
        out += part;
    }
    ERR_clear_error();
    return out;
}

void clearOpensslErrors()
{
    ERR_clear_error();
}

Error opensslError(ErrorCode code, QString message, Segment segment)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.segment = segment;
    e.detail = takeOpensslErrors();
    return e;
}

} // namespace assay::detail
