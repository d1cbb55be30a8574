// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace assay {

/// How a BruteForceMask is read: hashcat's custom charsets and --increment.
struct MaskOptions
{
    std::array<QString, 4> customCharsets; // --charset1 .. --charset4 (hashcat -1 .. -4); null = not given
    bool increment = false;
    int incrementMin = 1; // with increment: the shortest prefix tried
    int incrementMax = 0; // with increment: the longest prefix tried (0 = the whole mask)
};

/// A brute-force mask in hashcat's syntax: one charset per position of the secret.
///
///   ?l a-z   ?u A-Z   ?d 0-9   ?h 0-9a-f   ?H 0-9A-F   ?s the 33 printable ASCII symbols including space
///   ?a ?l?u?d?s (95 characters)   ?b every byte 0x00-0xff   ?1 ?2 ?3 ?4 custom charsets   ?? a literal "?"
///   any other character stands for itself (a non-ASCII character is its UTF-8 bytes, one position each).
///
/// Custom charsets use the same syntax (built-in placeholders and literal characters, not ?1-?4); repeated characters
/// count once. With increment the mask's prefixes of incrementMin..incrementMax positions are tried too, shortest
/// first, as hashcat's --increment does. Candidates are numbered 0..keyspace()-1: shorter lengths first, and within
/// a length the last position changes fastest.
class BruteForceMask
{
public:
    /// Longest mask accepted (hashcat's maximum password length).
    static constexpr int MaxPositions = 256;

    /// Fails with ERR_USAGE and a message naming the position for: an empty mask, a "?" at the end, an unknown
    /// placeholder, ?1-?4 without that custom charset, a custom charset that is empty or uses ?1-?4, increment
    /// bounds outside 1..length or min > max, more than MaxPositions positions, and (ERR_INPUT_TOO_LARGE) a keyspace
    /// larger than 2^64 - 1.
    [[nodiscard]] static Result<BruteForceMask> parse(const QString& mask, const MaskOptions& options = {});

    /// The mask as given.
    [[nodiscard]] const QString& text() const { return m_text; }
    /// The charset of each position (bytes, in order of first appearance).
    [[nodiscard]] const std::vector<QByteArray>& positions() const { return m_positions; }
    [[nodiscard]] int minLength() const { return m_minLength; }
    [[nodiscard]] int maxLength() const { return m_maxLength; }
    /// Candidates of exactly `length` positions.
    [[nodiscard]] quint64 keyspace(int length) const;
    /// All candidates.
    [[nodiscard]] quint64 keyspace() const { return m_keyspace; }

    /// Candidate number `index` (< keyspace()).
    [[nodiscard]] QByteArray candidate(quint64 index) const;

private:
    QString m_text;
    std::vector<QByteArray> m_positions;
    int m_minLength = 0;
    int m_maxLength = 0;
    quint64 m_keyspace = 0;
};

} // namespace assay
