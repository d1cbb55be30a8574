// SPDX-License-Identifier: Apache-2.0
#pragma once

// Every fuzz target exposes the libFuzzer entry point, so the same file builds as a coverage-guided fuzzer
// (clang -fsanitize=fuzzer, or AFL++'s libFuzzer driver) and, with GCC, links into FuzzReplay, which replays
// the published vectors as seeds plus deterministic mutations of them in CTest.

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

// Aborts with a message when a fuzzing property fails (an invariant, not an input error).
#define ASSAY_FUZZ_CHECK(condition)                                                                                    \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            __builtin_printf("fuzz property failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__);                    \
            __builtin_abort();                                                                                         \
        }                                                                                                              \
    } while (false)
