// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Error.h"

#include <expected>

namespace assay {

/// The return type of every core function that can fail. No exception crosses a public core function.
template <typename T> using Result = std::expected<T, Error>;

/// Shorthand for returning a failure: `return fail(ErrorCode::KeyParse, tr("..."), Segment::Key);`
[[nodiscard]] inline std::unexpected<Error> fail(ErrorCode code, QString message, Segment segment = Segment::None,
                                                 qsizetype offset = -1)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.segment = segment;
    e.offset = offset;
    return std::unexpected<Error>(std::move(e));
}

[[nodiscard]] inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected<Error>(std::move(error));
}

} // namespace assay
