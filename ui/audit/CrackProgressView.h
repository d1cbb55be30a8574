// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace assay {
struct CrackProgress;
struct CrackResult;
} // namespace assay

namespace assay::ui {

/// The progress of one run of the weak-secret checker: a bar (determinate when the core knows or estimates the
/// number of candidates, busy otherwise), candidates tested, rate, elapsed time, ETA and the source being read.
/// It only shows snapshots; the dialog polls SecretCracker::progress() and hands them over.
class CrackProgressView : public QWidget
{
    Q_OBJECT

public:
    explicit CrackProgressView(QWidget* parent = nullptr);

    /// Before a run: empty figures, bar at 0.
    void reset();
    void showProgress(const CrackProgress& progress);
    /// The end of a run: the final figures (a found or cancelled run stops short of the total).
    void showFinished(const CrackResult& result);

private:
    QProgressBar* m_bar;
    QLabel* m_testedLabel;
    QLabel* m_rateLabel;
    QLabel* m_elapsedLabel;
    QLabel* m_etaLabel;
    QLabel* m_sourceLabel;
};

} // namespace assay::ui
