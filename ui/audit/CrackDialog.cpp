// SPDX-License-Identifier: Apache-2.0
#include "audit/CrackDialog.h"

#include "audit/CrackProgressView.h"
#include "audit/CrackResultView.h"
#include "audit/CrackSourcesForm.h"

#include "audit/HashcatFormat.h"

#include <QApplication>
#include <QClipboard>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace assay::ui {
namespace {

constexpr int kPollMs = 250;        // four updates a second
constexpr int kStoppingPollMs = 20; // after Cancel: the workers stop within a millisecond or so

} // namespace

CrackDialog::CrackDialog(const ParsedToken& token, QWidget* parent)
    : QDialog(parent)
{
    build(token);
}

CrackDialog::CrackDialog(QByteArrayView tokenText, QWidget* parent)
    : QDialog(parent)
{
    build(parseToken(tokenText));
}

CrackDialog::~CrackDialog()
{
    stopRun();
}

void CrackDialog::build(const Result<ParsedToken>& token)
{
    setObjectName(QStringLiteral("crackDialog"));
    setWindowTitle(tr("Check secret strength"));
    setAccessibleName(tr("Check secret strength"));

    if (token) {
        m_token = *token;
        if (Result<CrackTarget> target = CrackTarget::fromToken(*token))
            m_target = std::move(*target);
        else
            m_notApplicableReason = target.error().message;
    } else {
        m_notApplicableReason = token.error().message;
    }

    m_introLabel = new QLabel(this);
    m_introLabel->setObjectName(QStringLiteral("crackIntroLabel"));
    m_introLabel->setWordWrap(true);
    m_introLabel->setText(
        m_target ? tr("<b>%1 token</b> (%2 bytes signed). For authorized testing: guesses the HMAC secret offline, on "
                      "this computer, by recomputing the signature. A secret that can be guessed lets anyone forge "
                      "tokens.")
                       .arg(jwsAlgorithmName(m_target->algorithm()))
                       .arg(m_target->signingInput().size())
                 : tr("<b>Check secret strength</b>"));

    m_notApplicableLabel = new QLabel(this);
    m_notApplicableLabel->setObjectName(QStringLiteral("crackNotApplicableLabel"));
    m_notApplicableLabel->setAccessibleName(tr("Why the check does not apply"));
    m_notApplicableLabel->setWordWrap(true);
    m_notApplicableLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notApplicableLabel->setText(tr("<b>Only HS256, HS384 and HS512 tokens can be checked</b>: they are signed "
                                     "with a shared secret, which can be guessed.<br>This token: %1")
                                      .arg(m_notApplicableReason.toHtmlEscaped()));
    m_notApplicableLabel->setVisible(!m_target);

    auto* sourcesBox = new QGroupBox(tr("Sources"), this);
    m_sourcesBox = sourcesBox;
    m_sources = new CrackSourcesForm(sourcesBox);
    auto* sourcesLayout = new QVBoxLayout(sourcesBox);
    sourcesLayout->addWidget(m_sources);

    m_startButton = new QPushButton(tr("&Start"), this);
    m_startButton->setObjectName(QStringLiteral("crackStartButton"));
    m_startButton->setAccessibleName(tr("Start checking"));
    m_startButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("&Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("crackCancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel the check"));
    m_progress = new CrackProgressView(this);
    m_result = new CrackResultView(this);
    if (m_target)
        m_result->setAlgorithm(m_target->algorithm());

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("crackStatusLabel"));
    m_statusLabel->setAccessibleName(tr("Status"));
    m_statusLabel->setWordWrap(true);
    m_hashcatButton = new QPushButton(tr("Copy for &hashcat (mode 16500)"), this);
    m_hashcatButton->setObjectName(QStringLiteral("crackHashcatButton"));
    m_hashcatButton->setAccessibleName(tr("Copy the token for hashcat mode 16500"));
    m_hashcatButton->setToolTip(tr("The token in hashcat's JWT format, for cracking on a GPU: save it to a file and "
                                   "run hashcat -m 16500 -a 0 FILE wordlist.txt"));
    m_closeButton = new QPushButton(tr("Close"), this);
    m_closeButton->setObjectName(QStringLiteral("crackCloseButton"));
    m_closeButton->setAccessibleName(tr("Close"));
    m_closeButton->setAutoDefault(false);

    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_startButton);
    runRow->addWidget(m_cancelButton);
    runRow->addStretch(1);
    auto* bottomRow = new QHBoxLayout;
    bottomRow->addWidget(m_hashcatButton);
    bottomRow->addStretch(1);
    bottomRow->addWidget(m_closeButton);

    // Everything but the status line and the buttons scrolls: with a found secret the dialog holds more than a
    // small screen shows, and a layout squeezed below its minimum overlaps its controls.
    auto* content = new QWidget(this);
    content->setObjectName(QStringLiteral("crackContent"));
    for (QWidget* w : std::initializer_list<QWidget*>{m_introLabel, m_notApplicableLabel, m_sourcesBox, m_startButton,
                                                      m_cancelButton, m_progress, m_result})
        w->setParent(content);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_introLabel);
    contentLayout->addWidget(m_notApplicableLabel);
    contentLayout->addWidget(m_sourcesBox);
    contentLayout->addLayout(runRow);
    contentLayout->addWidget(m_progress);
    contentLayout->addWidget(m_result);
    contentLayout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("crackScrollArea"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(content);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_statusLabel);
    layout->addLayout(bottomRow);

    // Not HS*: the reason, and nothing to run.
    for (QWidget* w : {m_sourcesBox, static_cast<QWidget*>(m_startButton), static_cast<QWidget*>(m_cancelButton),
                       static_cast<QWidget*>(m_progress)})
        w->setVisible(m_target.has_value());
    m_hashcatButton->setEnabled(m_target.has_value());

    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(kPollMs);
    connect(m_pollTimer, &QTimer::timeout, this, &CrackDialog::poll);
    connect(m_startButton, &QPushButton::clicked, this, &CrackDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &CrackDialog::cancel);
    connect(m_closeButton, &QPushButton::clicked, this, &CrackDialog::reject);
    connect(m_hashcatButton, &QPushButton::clicked, this, &CrackDialog::copyForHashcat);
    connect(m_sources, &CrackSourcesForm::changed, this, &CrackDialog::updateStartButton);
    connect(m_result, &CrackResultView::useSecret, this, &CrackDialog::useSecret);
    connect(m_result, &CrackResultView::message, this, &CrackDialog::showStatus);

    setRunning(false);
    resize(760, m_target ? 720 : 220);
}

void CrackDialog::start()
{
    if (!m_target || m_cracker)
        return;
    Result<std::vector<std::unique_ptr<CandidateSource>>> sources = m_sources->makeSources();
    if (!sources) {
        m_result->showFailed(sources.error().message);
        return;
    }
    m_result->clear();
    m_progress->reset();
    m_runSources = m_sources->summary();
    m_cracker = std::make_unique<SecretCracker>(*m_target, std::move(*sources), CrackOptions{m_sources->threads()});
    // Opens the wordlists and starts the workers; returns at once.
    if (Result<void> started = m_cracker->start(); !started) {
        m_cracker.reset();
        m_lastOutcome = CrackOutcome::Failed;
        m_result->showFailed(started.error().message);
        Q_EMIT runFinished(CrackOutcome::Failed);
        return;
    }
    showStatus(tr("Checking with %n thread(s)…", nullptr, m_cracker->threadCount()));
    setRunning(true);
    m_pollTimer->setInterval(kPollMs);
    m_pollTimer->start();
    poll();
}

void CrackDialog::cancel()
{
    if (!m_cracker)
        return;
    m_cracker->cancel(); // returns at once; the workers see it within 128 candidates
    m_cancelButton->setEnabled(false);
    showStatus(tr("Stopping…"));
    m_pollTimer->setInterval(kStoppingPollMs);
}

void CrackDialog::poll()
{
    if (!m_cracker) {
        m_pollTimer->stop();
        return;
    }
    m_progress->showProgress(m_cracker->progress());
    if (m_cracker->isFinished())
        finishRun();
}

void CrackDialog::finishRun()
{
    m_pollTimer->stop();
    // Finished: result() only joins threads that have already stopped.
    CrackResult r = m_cracker->result();
    m_cracker.reset();
    m_lastOutcome = r.outcome;
    m_progress->showFinished(r);
    switch (r.outcome) {
    case CrackOutcome::Found:
        m_result->showFound(r);
        showStatus(tr("Secret found."));
        QTimer::singleShot(0, this, [this] { m_scroll->ensureWidgetVisible(m_result, 0, 0); });
        break;
    case CrackOutcome::NotFound:
        m_result->showNotFound(r, m_runSources);
        showStatus(tr("Done."));
        break;
    case CrackOutcome::Cancelled:
        m_result->showCancelled(r);
        showStatus(tr("Cancelled."));
        break;
    case CrackOutcome::Failed:
        m_result->showFailed(r.error ? r.error->message : tr("the secret checker failed"));
        showStatus(QString());
        break;
    }
    r.secret.clear();
    setRunning(false);
    Q_EMIT runFinished(r.outcome);
}

void CrackDialog::stopRun()
{
    m_pollTimer->stop();
    if (!m_cracker)
        return;
    // cancel() makes every worker stop within a millisecond or so; the destructor joins them.
    m_cracker->cancel();
    m_cracker.reset();
    setRunning(false);
}

void CrackDialog::done(int result)
{
    // Closing: stop the run and forget every secret shown.
    stopRun();
    m_result->clear();
    m_progress->reset();
    QDialog::done(result);
}

void CrackDialog::setRunning(bool running)
{
    m_sources->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    updateStartButton();
}

void CrackDialog::updateStartButton()
{
    m_startButton->setEnabled(m_target && !m_cracker);
}

void CrackDialog::copyForHashcat()
{
    if (!m_token)
        return;
    Result<QByteArray> line = hashcatJwtLine(*m_token);
    if (!line) {
        showStatus(tr("Not copied: %1").arg(line.error().message));
        return;
    }
    QApplication::clipboard()->setText(QString::fromLatin1(*line));
    showStatus(tr("Copied the token in hashcat's mode 16500 format. Save it to a file and run: hashcat -m 16500 -a 0 "
                  "FILE wordlist.txt"));
}

void CrackDialog::showStatus(const QString& text)
{
    m_statusLabel->setText(text);
    if (!text.isEmpty())
        Q_EMIT message(text);
}

} // namespace assay::ui
