// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

namespace assay::ui {

/// Version, the Qt and OpenSSL versions actually loaded (for bug reports), the licence and the privacy promise.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

    /// The text shown, as plain text (also used by "Copy" for bug reports).
    [[nodiscard]] static QString versionReport();
};

} // namespace assay::ui
