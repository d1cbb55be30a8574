// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/KeyReport.h"

namespace assay::cli {

class Console;

/// The text form of key inspection results (assay-cli key inspect): aligned "Label: value" lines, one block per key.
class KeyReportText
{
public:
    explicit KeyReportText(const Console& console);

    /// `index` is 1-based; `count` the number of keys in the input.
    void printReport(const KeyReport& report, int index, int count, const QDateTime& at, bool showSecret) const;
    /// "  <severity> <CODE>: <message>" lines under a heading; nothing when there are none.
    void printFindings(const QString& heading, const QList<KeyFinding>& findings, const QString& indent) const;

private:
    void line(const QString& indent, const QString& label, const QString& value) const;
    void printCertificate(const CertificateDetails& c, int index, int count, const std::optional<ChainLink>& link,
                          const QDateTime& at) const;

    const Console& m_console;
};

} // namespace assay::cli
