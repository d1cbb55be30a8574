// SPDX-License-Identifier: Apache-2.0
// JsonDocument on arbitrary bytes, with the whitespace-only round-trip property: pretty() and minified() of an
// accepted document parse again, and minifying the pretty form gives the same bytes as minifying the original.
#include "FuzzTarget.h"

#include "encoding/JsonDocument.h"

using namespace assay;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto doc = JsonDocument::parse(input);
    if (!doc)
        return 0;
    const QByteArray minified = doc->minified();
    const QByteArray pretty = doc->pretty(2);
    auto again = JsonDocument::parse(pretty);
    ASSAY_FUZZ_CHECK(again.has_value());
    ASSAY_FUZZ_CHECK(again->minified() == minified);
    auto reparsed = JsonDocument::parse(minified);
    ASSAY_FUZZ_CHECK(reparsed.has_value());
    ASSAY_FUZZ_CHECK(reparsed->members().size() == doc->members().size());
    ASSAY_FUZZ_CHECK(reparsed->duplicates() == doc->duplicates());
    return 0;
}
