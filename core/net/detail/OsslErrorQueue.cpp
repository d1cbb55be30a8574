// SPDX-License-Identifier: Apache-2.0
#include "net/detail/OsslErrorQueue.h"

#include <openssl/err.h>

namespace assay::detail {

OsslErrorQueue OsslErrorQueue::take()
{
    OsslErrorQueue queue;
    // Bounded, as in takeOpensslErrors(): a misbehaving provider must not keep us here.
    for (int i = 0; i < 32; ++i) {
        const char* func = nullptr;
        const char* data = nullptr;
        int flags = 0;
        const unsigned long code = ERR_get_error_all(nullptr, nullptr, &func, &data, &flags);
        if (code == 0)
            break;
        const char* reason = ERR_reason_error_string(code);
        QString part = reason != nullptr ? QString::fromUtf8(reason) : QStringLiteral("error %1").arg(code, 0, 16);
        const char* lib = ERR_lib_error_string(code);
        if (lib != nullptr || (func != nullptr && *func != '\0')) {
            part += QStringLiteral(" (");
            part += lib != nullptr ? QString::fromUtf8(lib) : QString();
            if (func != nullptr && *func != '\0')
                part += QLatin1Char(':') + QString::fromUtf8(func);
            part += QLatin1Char(')');
        }
        QString text;
        if ((flags & ERR_TXT_STRING) != 0 && data != nullptr && *data != '\0') {
            text = QString::fromUtf8(data);
            part += QStringLiteral(": ") + text;
        }
        if (!queue.m_text.isEmpty())
            queue.m_text += QStringLiteral("; ");
        queue.m_text += part;
        queue.m_codes.append(code);
        queue.m_data.append(text);
    }
    ERR_clear_error();
    return queue;
}

bool OsslErrorQueue::has(int lib, int reason) const
{
    for (const unsigned long code : m_codes) {
        if (ERR_GET_LIB(code) == lib && ERR_GET_REASON(code) == reason)
            return true;
    }
    return false;
}

bool OsslErrorQueue::hasLib(int lib) const
{
    for (const unsigned long code : m_codes) {
        if (ERR_GET_LIB(code) == lib)
            return true;
    }
    return false;
}

QString OsslErrorQueue::dataOf(int lib, int reason) const
{
    for (qsizetype i = 0; i < m_codes.size(); ++i) {
        if (ERR_GET_LIB(m_codes.at(i)) == lib && ERR_GET_REASON(m_codes.at(i)) == reason)
            return m_data.at(i);
    }
    return {};
}

} // namespace assay::detail
