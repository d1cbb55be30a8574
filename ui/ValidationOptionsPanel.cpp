// SPDX-License-Identifier: Apache-2.0
#include "ValidationOptionsPanel.h"

#include "ui_ValidationOptionsPanel.h"

namespace assay::ui {

ValidationOptionsPanel::ValidationOptionsPanel(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ValidationOptionsPanel>())
{
    m_ui->setupUi(this);
    QFont title = m_ui->toggleButton->font();
    title.setBold(true);
    m_ui->toggleButton->setFont(title);
    m_ui->evaluationTimeEdit->setDateTime(QDateTime::currentDateTime());
    m_ui->leewaySpin->setMaximumWidth(m_ui->leewaySpin->sizeHint().width() + 24);
    setExpanded(false);

    connect(m_ui->toggleButton, &QToolButton::toggled, this, &ValidationOptionsPanel::setExpanded);
    connect(m_ui->evaluateNowCheck, &QCheckBox::toggled, this, &ValidationOptionsPanel::onNowToggled);
    connect(m_ui->evaluationTimeEdit, &QDateTimeEdit::dateTimeChanged, this, &ValidationOptionsPanel::changed);
    connect(m_ui->leewaySpin, &QSpinBox::valueChanged, this, &ValidationOptionsPanel::changed);
    connect(m_ui->expectedIssuerEdit, &QLineEdit::textChanged, this, &ValidationOptionsPanel::changed);
    connect(m_ui->expectedAudienceEdit, &QLineEdit::textChanged, this, &ValidationOptionsPanel::changed);
    connect(m_ui->requiredClaimsEdit, &QLineEdit::textChanged, this, &ValidationOptionsPanel::changed);
}

ValidationOptionsPanel::~ValidationOptionsPanel() = default;

void ValidationOptionsPanel::onNowToggled(bool now)
{
    m_ui->evaluationTimeEdit->setEnabled(!now);
    if (!now && m_ui->evaluationTimeEdit->dateTime().isNull())
        m_ui->evaluationTimeEdit->setDateTime(QDateTime::currentDateTime());
    Q_EMIT changed();
}

ClaimExpectations ValidationOptionsPanel::expectations() const
{
    ClaimExpectations e;
    e.leewaySeconds = m_ui->leewaySpin->value();
    // Exact strings as typed: surrounding spaces are part of a value the user may be testing for.
    if (const QString iss = m_ui->expectedIssuerEdit->text(); !iss.isEmpty())
        e.issuer = iss;
    if (const QString aud = m_ui->expectedAudienceEdit->text(); !aud.isEmpty())
        e.audience = aud;
    for (const QString& name : m_ui->requiredClaimsEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const QString trimmed = name.trimmed(); !trimmed.isEmpty())
            e.requiredClaims.append(trimmed);
    }
    return e;
}

std::optional<qint64> ValidationOptionsPanel::evaluationTime() const
{
    if (m_ui->evaluateNowCheck->isChecked())
        return std::nullopt;
    return m_ui->evaluationTimeEdit->dateTime().toMSecsSinceEpoch();
}

void ValidationOptionsPanel::setEvaluationTime(const QDateTime& time)
{
    m_ui->evaluationTimeEdit->setDateTime(time);
    m_ui->evaluateNowCheck->setChecked(false);
}

bool ValidationOptionsPanel::isExpanded() const
{
    return m_ui->toggleButton->isChecked();
}

void ValidationOptionsPanel::setExpanded(bool expanded)
{
    if (m_ui->toggleButton->isChecked() != expanded)
        m_ui->toggleButton->setChecked(expanded);
    m_ui->toggleButton->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_ui->toggleButton->setAccessibleName(expanded ? tr("Hide validation options") : tr("Show validation options"));
    m_ui->optionsBody->setVisible(expanded);
}

qint64 ValidationOptionsPanel::leewaySeconds() const
{
    return m_ui->leewaySpin->value();
}

void ValidationOptionsPanel::setLeewaySeconds(qint64 seconds)
{
    m_ui->leewaySpin->setValue(int(qBound<qint64>(0, seconds, qint64(m_ui->leewaySpin->maximum()))));
}

} // namespace assay::ui
