// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/KeyReport.h"

#include <QDateTime>
#include <QWidget>

#include <optional>

class QGridLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTextBrowser;

namespace assay::ui {

/// One inspected key (jwk/KeyReport.h) as read-only, selectable fields: what it is, its RFC 7638 thumbprints and
/// RFC 9278 URI, its public JWK, the certificates that came with it (validity marked, SANs, chain links, x5t
/// checks), and the findings with severity icons and colours. Shows; computes nothing.
class KeyReportView : public QWidget
{
    Q_OBJECT

public:
    explicit KeyReportView(QWidget* parent = nullptr);

    /// Shows `report` (checked at `at`), followed by `setFindings` (about the whole input); nullptr clears.
    void showReport(const KeyReport* report, const QList<KeyFinding>& setFindings, const QDateTime& at);

protected:
    void changeEvent(QEvent* event) override;

private:
    /// A read-only field with its label at (row, column), spanning `span` field columns.
    QLineEdit* addField(const QString& name, const QString& label, int row, int column, int span = 1);
    [[nodiscard]] QString certificateHtml(const KeyReport& r) const;
    void render();

    QGridLayout* m_grid;
    QLabel* m_exponentLabel = nullptr;
    QLineEdit* m_source;
    QLineEdit* m_key;
    QLineEdit* m_shape;
    QLineEdit* m_part;
    QLineEdit* m_exponent;
    QLineEdit* m_kid;
    QLineEdit* m_alg;
    QLineEdit* m_use;
    QLineEdit* m_thumbprint256;
    QLineEdit* m_thumbprint384;
    QLineEdit* m_thumbprint512;
    QLineEdit* m_thumbprintUri;
    QLabel* m_jwkLabel;
    QPlainTextEdit* m_publicJwk;
    QLabel* m_certificateLabel;
    QTextBrowser* m_certificates;
    QLabel* m_findingsLabel;
    QListWidget* m_findings;

    std::optional<KeyReport> m_report;
    QList<KeyFinding> m_setFindings;
    QDateTime m_at;
};

} // namespace assay::ui
