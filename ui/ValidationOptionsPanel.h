// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "claims/ClaimExpectations.h"

#include <QDateTime>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class ValidationOptionsPanel;
}

namespace assay::ui {

/// The collapsible validation options: evaluation time ("now" by default, or any moment), leeway, expected issuer
/// and audience, required claims. Holds no secrets.
class ValidationOptionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ValidationOptionsPanel(QWidget* parent = nullptr);
    ~ValidationOptionsPanel() override;

    [[nodiscard]] ClaimExpectations expectations() const;
    /// The chosen moment in milliseconds since the epoch, or nullopt for "now".
    [[nodiscard]] std::optional<qint64> evaluationTime() const;
    /// Fixes the evaluation time (unticks "now").
    void setEvaluationTime(const QDateTime& time);

    [[nodiscard]] bool isExpanded() const;
    void setExpanded(bool expanded);
    [[nodiscard]] qint64 leewaySeconds() const;
    void setLeewaySeconds(qint64 seconds);

Q_SIGNALS:
    void changed();

private:
    void onNowToggled(bool now);

    std::unique_ptr<Ui::ValidationOptionsPanel> m_ui;
};

} // namespace assay::ui
