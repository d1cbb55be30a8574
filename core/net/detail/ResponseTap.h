// SPDX-License-Identifier: Apache-2.0
#pragma once

// A filter BIO placed on top of the connection (above TLS when there is TLS) that records the HTTP response head as
// OpenSSL's HTTP client reads it. OpenSSL 3.0's client parses the head itself but exposes neither the status code
// of an error response nor any header, so the tap keeps a copy for us: the status line and headers give the exact
// status (404), Content-Type, Content-Length and Location for messages and checks.
//
// While the head is being read the tap hands out at most one line per read, fetched byte by byte from below, so
// not one byte of the body is consumed before the head has ended; after the blank line it passes reads through.

#include <QByteArray>
#include <QList>
#include <QString>

#include <openssl/bio.h>

#include <optional>
#include <utility>

namespace assay::detail {

/// The parsed status line and header fields of one response (RFC 9112 sections 4 and 5).
struct ResponseHead
{
    int status = 0; // 0 when no valid status line was read
    QByteArray reason;
    QList<std::pair<QByteArray, QByteArray>> fields; // names as sent, values trimmed

    /// The last value of a field, compared case-insensitively by name; nullopt when absent.
    [[nodiscard]] std::optional<QByteArray> field(QByteArrayView name) const;
    /// Content-Length when present and a valid non-negative decimal number.
    [[nodiscard]] std::optional<qint64> contentLength() const;
};

/// Parses the recorded head (as much of it as arrived).
[[nodiscard]] ResponseHead parseResponseHead(const QByteArray& raw);

/// What the tap saw; owned by the caller, outlives the BIO.
struct TapRecord
{
    QByteArray head; // raw bytes of the status line and header fields, CRLFs included
    bool headComplete = false;
    bool headTooLarge = false; // more than kMaxHeadBytes: the tap failed the read
};

/// Headers larger than this are refused (OpenSSL 3.0's client has no limit of its own on the number of lines).
inline constexpr qsizetype kMaxHeadBytes = 64 * 1024;

/// A new tap BIO recording into `record` (not owned). Push it on top of the connection's BIO chain.
[[nodiscard]] BIO* newResponseTap(TapRecord* record);

} // namespace assay::detail
