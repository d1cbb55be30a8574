// SPDX-License-Identifier: Apache-2.0
#include "audit/CandidateSource.h"

namespace assay {

// Out of line so the vtables have one home.
CandidateCursor::~CandidateCursor() = default;
CandidateSource::~CandidateSource() = default;

} // namespace assay
