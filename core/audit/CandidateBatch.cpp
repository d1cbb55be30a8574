// SPDX-License-Identifier: Apache-2.0
#include "audit/CandidateBatch.h"

#include "crypto/SecureBytes.h"

#include <cstring>

namespace assay {

namespace {
// Enough for a batch of typical secrets (mask and rule output, wordlist lines of a few dozen bytes).
constexpr qsizetype InitialBytes = 64 * 1024;
} // namespace

CandidateBatch::CandidateBatch()
{
    m_bytes.reserve(InitialBytes);
    m_ends.reserve(Capacity);
}

CandidateBatch::~CandidateBatch()
{
    // Guesses are not secrets, but the last batch may hold the one that was right.
    m_bytes.resize(m_bytes.capacity());
    wipe(m_bytes);
}

void CandidateBatch::append(const unsigned char* data, std::size_t size)
{
    std::memcpy(appendUninitialized(size), data, size);
}

unsigned char* CandidateBatch::appendUninitialized(std::size_t size)
{
    const auto at = static_cast<std::size_t>(m_bytes.size());
    m_bytes.resize(static_cast<qsizetype>(at + size));
    m_ends.push_back(at + size);
    return reinterpret_cast<unsigned char*>(m_bytes.data()) + at;
}

} // namespace assay
