// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace assay::detail {

/// OpenSSL's thread-local error queue, drained once: the packed codes (to tell a timeout from a TLS failure) and
/// the same one-line text as takeOpensslErrors() for Error::detail.
class OsslErrorQueue
{
public:
    /// Drains the queue.
    static OsslErrorQueue take();

    /// True when any entry has this library and reason (ERR_LIB_*, *_R_*).
    [[nodiscard]] bool has(int lib, int reason) const;
    /// True when any entry comes from this library.
    [[nodiscard]] bool hasLib(int lib) const;
    [[nodiscard]] bool isEmpty() const { return m_codes.isEmpty(); }
    /// "reason (lib:func): data; ...", oldest first.
    [[nodiscard]] const QString& text() const { return m_text; }
    /// The data OpenSSL attached to the first entry with this library and reason (e.g. "code=404,reason=...").
    [[nodiscard]] QString dataOf(int lib, int reason) const;

private:
    QList<unsigned long> m_codes;
    QList<QString> m_data;
    QString m_text;
};

} // namespace assay::detail
