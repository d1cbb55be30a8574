// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

#include <atomic>
#include <functional>

namespace assay {

/// One step of a key generation as OpenSSL reports it (EVP_PKEY_CTX_set_cb(3), BN_GENCB semantics).
/// OpenSSL cannot say how far along it is, only that it is still working: for RSA every candidate prime and every
/// primality-test round is a step. Counts, never a fraction.
struct KeyGenerationProgress
{
    /// OpenSSL's "p" for this step (EVP_PKEY_CTX_get_keygen_info(ctx, 0)): 0 a candidate prime was generated,
    /// 1 a primality-test round ran, 2 a prime was found, 3 both RSA primes were found.
    int phase = 0;
    /// Steps reported so far, this one included.
    qint64 steps = 0;
    /// Candidate primes generated so far (phase 0 steps).
    qint64 candidates = 0;
    /// Primes found so far (phase 2 steps).
    int primesFound = 0;
};

/// What the caller of generateKey(type, curve, bits, control) can do while the key is being made. Both members are
/// optional; the key generation runs on the caller's thread and so do the calls to onProgress.
struct KeyGenerationControl
{
    /// Read before the work starts and at every step OpenSSL reports; once it is true the callback refuses to go on
    /// (returns 0) and OpenSSL abandons the generation at its next look at that answer, a few steps later at most
    /// (some of its loops look only between candidates). generateKey() then returns ErrorCode::Cancelled. Another
    /// thread may set it.
    const std::atomic<bool>* cancel = nullptr;
    /// Called at every step OpenSSL reports (RSA reports many; EC and OKP keys are made in one go and report none).
    /// It may set *cancel itself.
    std::function<void(const KeyGenerationProgress&)> onProgress;
};

} // namespace assay
