// SPDX-License-Identifier: Apache-2.0
#include "audit/ManglingRules.h"

#include "audit/CandidateBatch.h"

#include <cstring>

namespace assay {

namespace {

enum Rule : int
{
    AsIs = 0,
    Lower = 1,
    Upper = 2,
    Capitalize = 3,
    Reverse = 4,
    Leet = 5,
    Exclamation = 6,
    OneDigit = 7,   // 10 rules
    TwoDigits = 17, // 100 rules
    Year = 117,     // 41 rules
    FirstYear = 1990,
};

unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

unsigned char upper(unsigned char c)
{
    return (c >= 'a' && c <= 'z') ? static_cast<unsigned char>(c - 'a' + 'A') : c;
}

unsigned char leet(unsigned char c)
{
    switch (lower(c)) {
    case 'a':
        return '4';
    case 'e':
        return '3';
    case 'i':
        return '1';
    case 'o':
        return '0';
    case 's':
        return '5';
    case 't':
        return '7';
    default:
        return c;
    }
}

} // namespace

void ManglingRules::apply(int rule, const unsigned char* word, std::size_t size, CandidateBatch& out)
{
    if (rule >= Year) {
        const int year = FirstYear + (rule - Year);
        unsigned char* p = out.appendUninitialized(size + 4);
        std::memcpy(p, word, size);
        p[size] = static_cast<unsigned char>('0' + year / 1000);
        p[size + 1] = static_cast<unsigned char>('0' + year / 100 % 10);
        p[size + 2] = static_cast<unsigned char>('0' + year / 10 % 10);
        p[size + 3] = static_cast<unsigned char>('0' + year % 10);
        return;
    }
    if (rule >= TwoDigits) {
        const int n = rule - TwoDigits;
        unsigned char* p = out.appendUninitialized(size + 2);
        std::memcpy(p, word, size);
        p[size] = static_cast<unsigned char>('0' + n / 10);
        p[size + 1] = static_cast<unsigned char>('0' + n % 10);
        return;
    }
    if (rule >= OneDigit) {
        unsigned char* p = out.appendUninitialized(size + 1);
        std::memcpy(p, word, size);
        p[size] = static_cast<unsigned char>('0' + (rule - OneDigit));
        return;
    }
    if (rule == Exclamation) {
        unsigned char* p = out.appendUninitialized(size + 1);
        std::memcpy(p, word, size);
        p[size] = '!';
        return;
    }
    unsigned char* p = out.appendUninitialized(size);
    switch (rule) {
    case AsIs:
        std::memcpy(p, word, size);
        return;
    case Lower:
        for (std::size_t i = 0; i < size; ++i)
            p[i] = lower(word[i]);
        return;
    case Upper:
        for (std::size_t i = 0; i < size; ++i)
            p[i] = upper(word[i]);
        return;
    case Capitalize:
        for (std::size_t i = 0; i < size; ++i)
            p[i] = i == 0 ? upper(word[i]) : lower(word[i]);
        return;
    case Reverse:
        for (std::size_t i = 0; i < size; ++i)
            p[i] = word[size - 1 - i];
        return;
    case Leet:
        for (std::size_t i = 0; i < size; ++i)
            p[i] = leet(word[i]);
        return;
    default:
        std::memcpy(p, word, size);
        return;
    }
}

QString ManglingRules::summary()
{
    return QStringLiteral("each word as is, lower case, upper case, capitalized, reversed, leet (a4 e3 i1 o0 s5 t7), "
                          "and with ! / 0-9 / 00-99 / 1990-2030 appended (%1 candidates per word)")
        .arg(Count);
}

} // namespace assay
