// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/BruteForceMask.h"
#include "audit/CandidateSource.h"

#include <atomic>

namespace assay {

/// Brute force over a BruteForceMask. The candidates are numbered (BruteForceMask::candidate()); workers take runs
/// of consecutive numbers from a shared counter, so the keyspace is split between them by index and a fast worker
/// simply takes more runs.
class MaskSource final : public CandidateSource
{
public:
    explicit MaskSource(BruteForceMask mask);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] Result<void> start() override;
    [[nodiscard]] std::unique_ptr<CandidateCursor> openCursor() override;
    [[nodiscard]] std::optional<quint64> total() const override { return m_mask.keyspace(); }

    [[nodiscard]] const BruteForceMask& mask() const { return m_mask; }

private:
    class Cursor;

    BruteForceMask m_mask;
    std::atomic<quint64> m_next{0};
};

} // namespace assay
