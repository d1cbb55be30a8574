// SPDX-License-Identifier: Apache-2.0
#include "VerificationBadge.h"

#include "DisplayText.h"
#include "PartColors.h"

#include <QBoxLayout>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QPainter>

namespace assay::ui {
namespace {

// Glyphs present in the default UI fonts (DejaVu, Noto, Segoe UI Symbol), so none of them falls back to a box.
const QString kCheck = QStringLiteral("\u2714");   // ✔
const QString kCross = QStringLiteral("\u2716");   // ✖
const QString kWarning = QStringLiteral("\u26A0"); // ⚠
const QString kInfo = QStringLiteral("\u2139");    // ℹ
const QString kBlocked = QStringLiteral("\u2298"); // ⊘
const QString kQuestion = QStringLiteral("?");

enum class Tone
{
    Good,
    Bad,
    Warning,
    Neutral,
};

QColor toneColor(const PartColors& colors, Tone tone)
{
    switch (tone) {
    case Tone::Good:
        return colors.good;
    case Tone::Bad:
        return colors.bad;
    case Tone::Warning:
        return colors.warning;
    case Tone::Neutral:
        return colors.neutral;
    }
    return colors.neutral;
}

Tone stateTone(VerificationBadge::State state)
{
    switch (state) {
    case VerificationBadge::State::Verified:
        return Tone::Good;
    case VerificationBadge::State::Invalid:
    case VerificationBadge::State::Malformed:
        return Tone::Bad;
    case VerificationBadge::State::Unsigned:
        return Tone::Warning;
    case VerificationBadge::State::Empty:
    case VerificationBadge::State::NotVerified:
        return Tone::Neutral;
    }
    return Tone::Neutral;
}

QString claimLine(const ClaimResult& r)
{
    QString text = r.message.isEmpty() ? claimStatusName(r.status) : r.message;
    return QStringLiteral("%1: %2").arg(r.name, text);
}

} // namespace

VerificationBadge::VerificationBadge(QWidget* parent)
    : QFrame(parent)
    , m_glyph(new QLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_reasons(new QListWidget(this))
{
    setObjectName(QStringLiteral("verificationBadge"));
    setAccessibleName(tr("Verification status"));
    m_glyph->setObjectName(QStringLiteral("badgeGlyph"));
    m_glyph->setAccessibleName(tr("Verification status symbol"));
    m_title->setObjectName(QStringLiteral("badgeTitle"));
    m_title->setAccessibleName(tr("Verification verdict"));
    m_subtitle->setObjectName(QStringLiteral("badgeReason"));
    m_subtitle->setAccessibleName(tr("Why"));
    m_reasons->setObjectName(QStringLiteral("badgeReasons"));
    m_reasons->setAccessibleName(tr("Reasons and claim verdicts"));

    QFont glyphFont = m_glyph->font();
    glyphFont.setPointSizeF(glyphFont.pointSizeF() * 2.4);
    glyphFont.setBold(true);
    m_glyph->setFont(glyphFont);
    m_glyph->setAlignment(Qt::AlignCenter);
    m_glyph->setMinimumWidth(QFontMetrics(glyphFont).horizontalAdvance(kWarning) + 12);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_reasons->setFrameShape(QFrame::NoFrame);
    m_reasons->setWordWrap(true);
    m_reasons->setSelectionMode(QAbstractItemView::NoSelection);
    m_reasons->setFocusPolicy(Qt::TabFocus);
    m_reasons->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_reasons->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_reasons->setResizeMode(QListView::Adjust);
    m_reasons->setSpacing(1);
    m_reasons->setAttribute(Qt::WA_TranslucentBackground);
    m_reasons->viewport()->setAutoFillBackground(false);

    auto* head = new QHBoxLayout;
    head->setSpacing(10);
    head->addWidget(m_glyph, 0, Qt::AlignTop);
    auto* words = new QVBoxLayout;
    words->setSpacing(2);
    words->addWidget(m_title);
    words->addWidget(m_subtitle);
    head->addLayout(words, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->setSpacing(6);
    layout->addLayout(head);
    layout->addWidget(m_reasons);

    showSnapshot(SessionSnapshot(), false);
}

void VerificationBadge::setExplanation(const QString& text)
{
    setToolTip(text.isEmpty() ? QString() : tr("Why the signature does not verify: %1").arg(clipped(text)));
}

void VerificationBadge::fitReasons()
{
    // As tall as its lines, up to a limit: the badge never squeezes the encoded pane for an empty list.
    int height = 2 * m_reasons->frameWidth();
    for (int i = 0; i < m_reasons->count(); ++i)
        height += qMax(m_reasons->sizeHintForRow(i), fontMetrics().lineSpacing() + 4);
    m_reasons->setFixedHeight(qMin(height, fontMetrics().lineSpacing() * 12));
}

void VerificationBadge::resizeEvent(QResizeEvent* event)
{
    QFrame::resizeEvent(event);
    fitReasons();
}

QString VerificationBadge::title() const
{
    return m_title->text();
}

QStringList VerificationBadge::reasons() const
{
    QStringList out;
    for (int i = 0; i < m_reasons->count(); ++i)
        out.append(m_reasons->item(i)->text());
    return out;
}

void VerificationBadge::showSnapshot(const SessionSnapshot& s, bool haveKeys)
{
    if (&s != &m_last)
        m_last = s;
    m_haveKeys = haveKeys;
    const JwsVerification& v = s.verification;
    QString title;
    QString glyph;
    if (s.parseError && s.parseError->code == ErrorCode::InputEmpty) {
        m_state = State::Empty;
        title = tr("No token");
        glyph = QStringLiteral("\u2026");
    } else {
        switch (v.verdict) {
        case Verdict::Valid:
            m_state = State::Verified;
            title = tr("Signature verified");
            glyph = kCheck;
            break;
        case Verdict::Invalid:
            m_state = State::Invalid;
            title = tr("Invalid signature");
            glyph = kCross;
            break;
        case Verdict::Unsigned:
            m_state = State::Unsigned;
            title = tr("Unsigned (alg none)");
            glyph = kWarning;
            break;
        case Verdict::Unverified:
            m_state = State::NotVerified;
            title = s.form == TokenForm::CompactJwe ? tr("Not verified: encrypted (JWE)")
                    : haveKeys                      ? tr("Not verified: no matching key")
                                                    : tr("Not verified: no key");
            glyph = kQuestion;
            break;
        case Verdict::Malformed:
            m_state = State::Malformed;
            title = tr("Malformed");
            glyph = kBlocked;
            break;
        }
    }
    m_title->setText(title);
    m_glyph->setText(glyph);
    m_subtitle->setText(m_state == State::Empty ? tr("Paste a token, open a file, or start from a template (Ctrl+N).")
                                                : clipped(v.reason));

    // The list: what the user must know first comes first.
    const PartColors colors = this->colors();
    m_reasons->clear();
    auto add = [&](Tone tone, const QString& g, const QString& text) {
        const QString shown = clipped(text);
        auto* item = new QListWidgetItem(QStringLiteral("%1  %2").arg(g, shown), m_reasons);
        item->setForeground(toneColor(colors, tone));
        item->setToolTip(shown);
    };
    if (s.headerEditError) {
        add(Tone::Warning, kWarning,
            tr("Stale: the header JSON has an error (%1); the token keeps its last valid header")
                .arg(s.headerEditError->where()));
    }
    if (s.payloadEditError) {
        add(Tone::Warning, kWarning,
            tr("Stale: the payload JSON has an error (%1); the token keeps its last valid payload")
                .arg(s.payloadEditError->where()));
    }
    if (s.signingError)
        add(Tone::Bad, kCross, tr("Not re-signed: %1").arg(s.signingError->message));
    else if (s.signatureOutdated && v.verdict != Verdict::Valid)
        add(Tone::Bad, kCross, tr("Edited without a signing key: the old signature no longer matches"));
    for (const SignatureVerification& sig : v.signatures) {
        if (!sig.weakness.isEmpty())
            add(Tone::Warning, kWarning, tr("Weak key: %1").arg(sig.weakness));
        for (const QString& note : sig.notes)
            add(Tone::Warning, kWarning, note);
    }
    for (const QString& note : v.notes)
        add(Tone::Warning, kWarning, note);
    if (s.claims) {
        for (const ClaimResult& r : s.claims->results()) {
            if (r.isFailure())
                add(Tone::Bad, kCross, claimLine(r));
        }
        for (const ClaimResult& r : s.claims->results()) {
            if (r.status == ClaimStatus::Pass)
                add(Tone::Good, kCheck, claimLine(r));
            else if (r.status == ClaimStatus::Info && r.date)
                add(Tone::Neutral, kInfo, claimLine(r));
            for (const QString& w : r.warnings)
                add(Tone::Warning, kWarning, QStringLiteral("%1: %2").arg(r.name, w));
        }
    } else if (s.claimsError && m_state != State::Empty && m_state != State::Malformed) {
        add(Tone::Neutral, kInfo, tr("Claims not checked: %1").arg(s.claimsError->message));
    }
    m_reasons->setVisible(m_reasons->count() > 0);
    fitReasons();
    m_reasons->setAccessibleDescription(reasons().join(QLatin1Char('\n')));
    setAccessibleDescription(QStringLiteral("%1. %2").arg(title, m_subtitle->text()));
    applyStyle();
}

void VerificationBadge::applyStyle()
{
    const PartColors colors = this->colors();
    const QColor accent = toneColor(colors, stateTone(m_state));
    QColor fill = accent;
    fill.setAlpha(colors.dark ? 46 : 28);
    if (accent == m_accent && fill == m_fill)
        return; // the same verdict tone as before: nothing to repaint (this runs on every keystroke)
    m_accent = accent;
    m_fill = fill;
    // Painted by hand rather than with a style sheet: a style sheet re-polishes the frame and its children on each
    // change and costs startup time, for a border and a tint.
    m_styling = true;
    for (QLabel* label : {m_glyph, m_title}) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, accent);
        label->setPalette(p);
    }
    m_styling = false;
    update();
}

void VerificationBadge::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(m_accent, 2));
    painter.setBrush(m_fill);
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 8, 8);
}

void VerificationBadge::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    // A theme change re-tints everything; our own label palettes also send palette changes, hence the guard.
    if (event->type() == QEvent::PaletteChange && !m_styling) {
        m_accent = QColor();
        showSnapshot(m_last, m_haveKeys);
    }
}

PartColors VerificationBadge::colors() const
{
    // The window's palette, not ours: the style sheet tints this frame's own background.
    return PartColors::forPalette(window()->palette());
}

} // namespace assay::ui
