// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PartColors.h"
#include "session/SessionSnapshot.h"

#include <QColor>
#include <QFrame>

class QLabel;
class QListWidget;

namespace assay::ui {

/// The verification status, always visible: a large badge whose meaning never rests on colour alone (a glyph and
/// words carry it too), followed by the reasons and the claim verdicts as a list.
class VerificationBadge : public QFrame
{
    Q_OBJECT

public:
    enum class State
    {
        Empty,    // nothing to check yet
        Verified, // Verdict::Valid, only ever with a key the user supplied
        Invalid,
        Unsigned, // alg none
        NotVerified,
        Malformed,
    };
    Q_ENUM(State)

    explicit VerificationBadge(QWidget* parent = nullptr);

    /// `haveKeys`: whether the user supplied any verification key (words "no key" vs "no matching key").
    void showSnapshot(const SessionSnapshot& snapshot, bool haveKeys);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString title() const;
    /// The list lines as shown (glyph included), for tests and screen readers.
    [[nodiscard]] QStringList reasons() const;
    /// Why the signature does not verify (signature forensics), shown as the badge's tooltip; empty clears it.
    /// It explains the verdict and never changes it.
    void setExplanation(const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyStyle();
    void fitReasons();
    [[nodiscard]] PartColors colors() const;

    State m_state = State::Empty;
    QLabel* m_glyph;
    QLabel* m_title;
    QLabel* m_subtitle;
    QListWidget* m_reasons;
    SessionSnapshot m_last;
    bool m_haveKeys = false;
    bool m_styling = false;
    QColor m_accent; // the border and the verdict's text colour last applied
    QColor m_fill;
};

} // namespace assay::ui
