// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace assay::cli {

/// The process exit status, the same for every subcommand so scripts can rely on it.
enum class ExitCode : int
{
    Ok = 0,      // decoded / VALID and every claim check passed / signed
    Failure = 1, // MALFORMED, INVALID, UNSIGNED, UNVERIFIED, a failed claim check, or a refused signature
    Usage = 2,   // the command line itself is wrong: unknown option, missing key, unreadable file, bad value
};

[[nodiscard]] constexpr int toInt(ExitCode code)
{
    return static_cast<int>(code);
}

} // namespace assay::cli
