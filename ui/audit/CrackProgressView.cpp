// SPDX-License-Identifier: Apache-2.0
#include "audit/CrackProgressView.h"

#include "audit/CrackText.h"

#include "audit/SecretCracker.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace assay::ui {
namespace {

constexpr int kBarSteps = 1000;

QLabel* figure(QWidget* parent, const char* name, const QString& accessibleName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("0,000,000,000 of 0,000,000,000")));
    return label;
}

} // namespace

CrackProgressView::CrackProgressView(QWidget* parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_testedLabel(figure(this, "crackTestedLabel", tr("Candidates tested")))
    , m_rateLabel(figure(this, "crackRateLabel", tr("Rate")))
    , m_elapsedLabel(figure(this, "crackElapsedLabel", tr("Elapsed")))
    , m_etaLabel(figure(this, "crackEtaLabel", tr("Time left")))
    , m_sourceLabel(figure(this, "crackSourceLabel", tr("Current source")))
{
    setObjectName(QStringLiteral("crackProgressView"));
    m_bar->setObjectName(QStringLiteral("crackProgressBar"));
    m_bar->setAccessibleName(tr("Progress"));

    auto* grid = new QGridLayout;
    const auto add = [this, grid](int row, int column, const QString& title, QLabel* value) {
        auto* label = new QLabel(title, this);
        label->setBuddy(value);
        grid->addWidget(label, row, column * 2);
        grid->addWidget(value, row, column * 2 + 1);
    };
    add(0, 0, tr("Tested:"), m_testedLabel);
    add(0, 1, tr("Rate:"), m_rateLabel);
    add(1, 0, tr("Source:"), m_sourceLabel);
    add(1, 1, tr("Elapsed:"), m_elapsedLabel);
    add(2, 1, tr("Time left:"), m_etaLabel);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addLayout(grid);
    reset();
}

void CrackProgressView::reset()
{
    m_bar->setRange(0, kBarSteps);
    m_bar->setValue(0);
    m_bar->setFormat(QStringLiteral("%p%"));
    for (QLabel* l : {m_testedLabel, m_rateLabel, m_elapsedLabel, m_etaLabel, m_sourceLabel})
        l->setText(QStringLiteral("–"));
}

void CrackProgressView::showProgress(const CrackProgress& p)
{
    if (p.fraction) {
        m_bar->setRange(0, kBarSteps);
        m_bar->setValue(static_cast<int>(qBound(0.0, *p.fraction, 1.0) * kBarSteps));
    } else {
        m_bar->setRange(0, 0); // busy: a pipe, or a wordlist before its first chunk says how long its lines are
    }
    QString tested = crackCount(p.tested);
    if (p.total)
        tested = tr("%1 of %2").arg(tested, crackCount(*p.total));
    else if (p.estimatedTotal)
        tested = tr("%1 of about %2").arg(tested, crackCount(*p.estimatedTotal));
    if (p.fraction)
        tested += QStringLiteral(" (%1%)").arg(*p.fraction * 100, 0, 'f', 1);
    m_testedLabel->setText(tested);
    m_rateLabel->setText(crackRate(p.candidatesPerSecond));
    m_elapsedLabel->setText(crackDuration(p.elapsedSeconds));
    m_etaLabel->setText(p.etaSeconds ? crackDuration(*p.etaSeconds) : tr("unknown"));
    m_sourceLabel->setText(p.source.isEmpty() ? QStringLiteral("–") : p.source);
}

void CrackProgressView::showFinished(const CrackResult& r)
{
    // The outcome in the bar: a found or cancelled run stops short of 100%, which alone would read as unfinished.
    const int value = m_bar->maximum() > 0 ? m_bar->value() : 0;
    m_bar->setRange(0, kBarSteps);
    const bool over = r.outcome == CrackOutcome::NotFound || r.outcome == CrackOutcome::Found;
    m_bar->setValue(over ? kBarSteps : qMax(0, value));
    switch (r.outcome) {
    case CrackOutcome::Found:
        m_bar->setFormat(tr("Found"));
        break;
    case CrackOutcome::NotFound:
        m_bar->setFormat(tr("Done: not found"));
        break;
    case CrackOutcome::Cancelled:
        m_bar->setFormat(tr("Cancelled at %p%"));
        break;
    case CrackOutcome::Failed:
        m_bar->setFormat(tr("Failed"));
        break;
    }
    m_testedLabel->setText(crackCount(r.tested));
    m_rateLabel->setText(tr("%1 on %n thread(s)", nullptr, r.threads).arg(crackRate(r.candidatesPerSecond)));
    m_elapsedLabel->setText(crackDuration(r.elapsedSeconds));
    m_etaLabel->setText(QStringLiteral("–"));
    m_sourceLabel->setText(r.outcome == CrackOutcome::Found ? r.foundBy : QStringLiteral("–"));
}

} // namespace assay::ui
