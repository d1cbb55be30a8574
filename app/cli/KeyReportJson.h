// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/KeyReport.h"

namespace assay {
class JsonWriter;
} // namespace assay

namespace assay::cli {

/// The `--json` form of key inspection results (assay-cli key inspect), member names stable for scripts.
class KeyReportJson
{
public:
    /// {"source":..., "loaded":..., "kty":..., ..., "certificates":[...], "findings":[...]}. With `showSecret`, an oct
    /// key's secret is included in every encoding.
    static void writeReport(JsonWriter& out, const KeyReport& report, const QDateTime& at, bool showSecret);
    static void writeFindings(JsonWriter& out, const QList<KeyFinding>& findings);
    static void writeCertificate(JsonWriter& out, const CertificateDetails& certificate, const QDateTime& at);
};

} // namespace assay::cli
