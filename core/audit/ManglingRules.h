// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <cstddef>

namespace assay {

class CandidateBatch;

/// The mangling rules of the secret checker: a small, fixed, hashcat-like set for how people vary a word. Every rule
/// applies to every word, in this order (hashcat's rule syntax in brackets):
///
///   0        the word as it is                               [:]
///   1        lower case                                      [l]
///   2        upper case                                      [u]
///   3        capitalized: first letter upper, the rest lower [c]
///   4        reversed                                        [r]
///   5        leet: a/A->4 e/E->3 i/I->1 o/O->0 s/S->5 t/T->7 [sa4 sA4 se3 sE3 si1 sI1 so0 sO0 ss5 sS5 st7 sT7]
///   6        "!" appended                                    [$!]
///   7..16    one digit appended, 0 to 9                      [$0 ... $9]
///   17..116  two digits appended, 00 to 99                   [$0 $0 ... $9 $9]
///   117..157 a year appended, 1990 to 2030                   [$1 $9 $9 $0 ...]
///
/// Case changes touch only ASCII letters; other bytes (UTF-8 sequences) pass through unchanged, and reversal is by
/// byte, as in hashcat. A rule whose result equals the word itself (lower case of "secret") still counts as a
/// candidate, so the number of candidates is exactly words x Count.
class ManglingRules
{
public:
    static constexpr int Count = 158;

    /// Appends the result of rule `rule` (0 <= rule < Count) on `word` to `out`.
    static void apply(int rule, const unsigned char* word, std::size_t size, CandidateBatch& out);

    /// A one-line summary for help texts.
    [[nodiscard]] static QString summary();
};

} // namespace assay
