// SPDX-License-Identifier: Apache-2.0
#include "MainWindow.h"

#include "ui_MainWindow.h"

#include "AboutDialog.h"
#include "ClaimsTableModel.h"
#include "DisplayText.h"
#include "PartColors.h"
#include "RecentFiles.h"
#include "TextOffsets.h"
#include "audit/AttackVariants.h"
#include "audit/AttackVariantsMenu.h"
#include "audit/AuditRunner.h"
#include "audit/CrackDialog.h"
#include "audit/FindingsModel.h"
#include "audit/FindingsPanel.h"
#include "audit/SegmentTextMap.h"
#include "audit/SeverityStyle.h"
#include "crypto/SecureBytes.h"
#include "encoding/Base64Url.h"
#include "encoding/JsonDocument.h"
#include "jwk/KeyExport.h"
#include "jwk/KeyLoader.h"
#include "jws/KeyPolicy.h"
#include "keys/IssuerKeysPage.h"
#include "keys/KeyWorkbench.h"
#include "keys/SessionKeyRing.h"
#include "session/TokenExport.h"
#include "token/TokenIntake.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace assay::ui {
namespace {

constexpr qint64 kMaxTokenFileBytes = 16 * 1024 * 1024; // far above the core's 1 MiB token cap, which reports it

QString keyKindFor(JwsAlgorithm alg)
{
    switch (algorithmFamily(alg)) {
    case AlgorithmFamily::None:
        return MainWindow::tr("unsigned");
    case AlgorithmFamily::Hmac:
        return MainWindow::tr("random %1-bit secret").arg(hashLength(algorithmHash(alg)) * 8);
    case AlgorithmFamily::RsaPkcs1:
    case AlgorithmFamily::RsaPss:
        return MainWindow::tr("RSA 2048 key pair");
    case AlgorithmFamily::Ecdsa:
        switch (alg) {
        case JwsAlgorithm::ES384:
            return MainWindow::tr("EC P-384 key pair");
        case JwsAlgorithm::ES512:
            return MainWindow::tr("EC P-521 key pair");
        case JwsAlgorithm::ES256K:
            return MainWindow::tr("EC secp256k1 key pair");
        default:
            return MainWindow::tr("EC P-256 key pair");
        }
    case AlgorithmFamily::EdDsa:
        return alg == JwsAlgorithm::Ed448 ? MainWindow::tr("Ed448 key pair") : MainWindow::tr("Ed25519 key pair");
    }
    return {};
}

QString coloured(const QColor& colour, const QString& text)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour.name(), clipped(text).toHtmlEscaped());
}

} // namespace

MainWindow::MainWindow(QSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_settings(settings)
    , m_recent(std::make_unique<RecentFiles>(settings))
    , m_claims(new ClaimsTableModel(this))
    , m_statusMessage(new QLabel(this))
    , m_actionMessage(new QLabel(this))
    , m_actionMessageTimer(new QTimer(this))
    , m_clockTimer(new QTimer(this))
    , m_templateWatcher(new QFutureWatcher<Result<TokenTemplate>>(this))
    , m_keyRing(new SessionKeyRing(this))
    , m_findings(new FindingsPanel(this))
    , m_findingsDock(new QDockWidget(this))
    , m_audit(new AuditRunner(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("mainWindow"));
    setAccessibleName(tr("Assay"));
    setAcceptDrops(true);

    m_statusMessage->setObjectName(QStringLiteral("statusMessage"));
    m_statusMessage->setAccessibleName(tr("Message line"));
    m_statusMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_statusMessage, 1);
    // Action results ("Copied the token") get their own label, so they never cover the message line.
    m_actionMessage->setObjectName(QStringLiteral("actionMessage"));
    m_actionMessage->setAccessibleName(tr("Last action"));
    statusBar()->addPermanentWidget(m_actionMessage);
    m_actionMessageTimer->setSingleShot(true);
    m_actionMessageTimer->setInterval(8000);
    connect(m_actionMessageTimer, &QTimer::timeout, m_actionMessage, &QLabel::clear);

    for (QLabel* title : {m_ui->encodedTitle, m_ui->headerTitle, m_ui->payloadTitle}) {
        QFont f = title->font();
        f.setBold(true);
        f.setLetterSpacing(QFont::PercentageSpacing, 108);
        title->setFont(f);
    }
    m_ui->intakeNoteLabel->hide();
    // The encoded pane takes the spare height; the badge is as tall as what it says.
    m_ui->leftLayout->setStretchFactor(m_ui->encodedEditor, 1);
    m_ui->verificationBadge->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_ui->claimsTable->setModel(m_claims);
    m_ui->claimsTable->verticalHeader()->hide();
    m_ui->claimsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // One line per value (time cells hold explicit line breaks); long meanings elide, the tooltip has them whole.
    m_ui->claimsTable->setWordWrap(false);
    m_ui->claimsTable->setTextElideMode(Qt::ElideRight);
    QHeaderView* header = m_ui->claimsTable->horizontalHeader();
    header->setSectionResizeMode(ClaimsTableModel::CheckColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ClaimsTableModel::ValueColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ClaimsTableModel::TimeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ClaimsTableModel::DescriptionColumn, QHeaderView::Stretch);
    header->resizeSection(ClaimsTableModel::ValueColumn, 240);
    header->setSectionResizeMode(ClaimsTableModel::ClaimColumn, QHeaderView::Interactive);
    header->resizeSection(ClaimsTableModel::ClaimColumn, 140);
    header->setHighlightSections(false);

    m_ui->headerEditor->setPlaceholderText(tr("The decoded header appears here."));
    m_ui->payloadEditor->setPlaceholderText(tr("The decoded payload appears here. Edit it to re-encode the token."));

    connect(m_ui->encodedEditor, &EncodedEditor::tokenEdited, this, &MainWindow::onEncodedEdited);
    connect(m_ui->encodedEditor, &EncodedEditor::pasteCleaned, this, [this](const QStringList& notes) {
        m_pasteNotes = notes;
        updateStatus();
    });
    connect(m_ui->encodedEditor, &EncodedEditor::fileDropped, this, &MainWindow::openFile);
    connect(m_ui->headerEditor, &JsonEditor::userEdited, this, &MainWindow::onHeaderEdited);
    connect(m_ui->payloadEditor, &JsonEditor::userEdited, this, &MainWindow::onPayloadEdited);
    connect(m_ui->signaturePanel, &SignaturePanel::algorithmChosen, this, &MainWindow::onAlgorithmChosen);
    connect(m_ui->signaturePanel, &SignaturePanel::keysChanged, this, &MainWindow::onKeysChanged);
    connect(m_ui->signaturePanel, &SignaturePanel::message, this, &MainWindow::showMessage);
    connect(m_ui->signaturePanel, &SignaturePanel::keyWorkbenchRequested, this, &MainWindow::openKeyWorkbench);
    m_ui->signaturePanel->setKeyRing(m_keyRing);
    connect(m_ui->validationOptions, &ValidationOptionsPanel::changed, this, &MainWindow::onOptionsChanged);
    connect(m_templateWatcher, &QFutureWatcherBase::finished, this, &MainWindow::onTemplateReady);

    // Relative times ("expires in 14 min") stay true while the window is open; only claims and badge repaint.
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, &MainWindow::onClockTick);
    m_clockTimer->start();

    setupActions();
    setupTemplatesMenu();
    setupFindingsDock();
    setupAuditMenu();
    updateRecentMenu();
    restoreSettings();
    {
        // restoreState() may have closed the dock before the window was ever shown.
        const QSignalBlocker blocker(m_ui->actionShowFindings);
        m_ui->actionShowFindings->setChecked(!m_findingsDock->isHidden());
    }
    onOptionsChanged();
    applyTheme();
    refresh(Source::Replace);
}

MainWindow::~MainWindow()
{
    // A template still being generated finishes on its thread; the watcher (our child) drops the result.
    m_templateWatcher->disconnect(this);
    // The workbench goes before the key ring it shows (children die in creation order, and the ring came first).
    delete m_workbench.data();
}

void MainWindow::setupActions()
{
    connect(m_ui->actionNewToken, &QAction::triggered, this,
            [this] { newFromTemplate(m_ui->signaturePanel->currentAlgorithm().value_or(JwsAlgorithm::HS256)); });
    connect(m_ui->actionOpen, &QAction::triggered, this, &MainWindow::openDialog);
    connect(m_ui->actionSave, &QAction::triggered, this, &MainWindow::save);
    connect(m_ui->actionSaveAs, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_ui->actionClearRecent, &QAction::triggered, this, [this] {
        m_recent->clear();
        updateRecentMenu();
    });
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionPasteToken, &QAction::triggered, this, &MainWindow::pasteToken);
    connect(m_ui->actionCopyToken, &QAction::triggered, this,
            [this] { copyText(QString::fromUtf8(m_session.token()), tr("token")); });
    connect(m_ui->actionCopyBearer, &QAction::triggered, this,
            [this] { copyText(authorizationHeader(m_session.token()), tr("Authorization header")); });
    connect(m_ui->actionCopyCurl, &QAction::triggered, this,
            [this] { copyText(curlCommand(m_session.token()), tr("curl command")); });
    connect(m_ui->actionCopyDecoded, &QAction::triggered, this, &MainWindow::copyDecoded);
    connect(m_ui->actionResign, &QAction::triggered, this, &MainWindow::resign);
    connect(m_ui->actionClear, &QAction::triggered, this, &MainWindow::clearAll);
    connect(m_ui->actionFocusEncoded, &QAction::triggered, this, [this] { m_ui->encodedEditor->setFocus(); });
    connect(m_ui->actionFocusHeader, &QAction::triggered, this, [this] { m_ui->headerEditor->setFocus(); });
    connect(m_ui->actionFocusPayload, &QAction::triggered, this, [this] {
        m_ui->payloadTabs->setCurrentWidget(m_ui->payloadJsonTab);
        m_ui->payloadEditor->setFocus();
    });
    connect(m_ui->actionFocusClaims, &QAction::triggered, this, [this] {
        m_ui->payloadTabs->setCurrentWidget(m_ui->claimsTab);
        m_ui->claimsTable->setFocus();
    });
    connect(m_ui->actionFocusKey, &QAction::triggered, m_ui->signaturePanel, &SignaturePanel::focusKeyInput);
    connect(m_ui->actionToggleOptions, &QAction::toggled, m_ui->validationOptions,
            &ValidationOptionsPanel::setExpanded);
    connect(m_ui->actionKeyWorkbench, &QAction::triggered, this, &MainWindow::openKeyWorkbench);
    connect(m_ui->actionFetchIssuerKeys, &QAction::triggered, this, &MainWindow::openIssuerKeys);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    m_ui->actionOpen->setShortcut(QKeySequence::Open);
    m_ui->actionSave->setShortcut(QKeySequence::Save);
    m_ui->actionSaveAs->setShortcut(QKeySequence::SaveAs);
    m_ui->actionQuit->setShortcut(QKeySequence::Quit);
    // Window-wide shortcuts must work from any pane, including the editors.
    for (QAction* action : findChildren<QAction*>())
        action->setShortcutContext(Qt::WindowShortcut);
}

void MainWindow::setupFindingsDock()
{
    // A dock under the panes: seen at a glance, the claims table and the signature panel keep their place, and
    // where the user moves it (any side, floating, closed) is kept with the window state.
    m_findingsDock->setObjectName(QStringLiteral("findingsDock"));
    m_findingsDock->setAccessibleName(tr("Findings"));
    m_findingsDock->setWidget(m_findings);
    m_findingsDock->setWindowTitle(m_findings->title());
    m_findingsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                                QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_findingsDock);
    resizeDocks({m_findingsDock}, {180}, Qt::Vertical);
    connect(m_findings, &FindingsPanel::titleChanged, m_findingsDock, &QDockWidget::setWindowTitle);
    connect(m_findings, &FindingsPanel::message, this, &MainWindow::showMessage);
    connect(m_findings, &FindingsPanel::findingActivated, this, &MainWindow::showFinding);
    connect(m_audit, &AuditRunner::lintReady, this, &MainWindow::onLintReady);
    connect(m_audit, &AuditRunner::forensicsReady, this, &MainWindow::onForensicsReady);

    // The menu item and the dock's own close button stay in step.
    QAction* show = m_ui->actionShowFindings;
    connect(show, &QAction::toggled, m_findingsDock, &QDockWidget::setVisible);
    connect(m_findingsDock->toggleViewAction(), &QAction::toggled, show, [show](bool visible) {
        const QSignalBlocker blocker(show);
        show->setChecked(visible);
    });
}

void MainWindow::setupAuditMenu()
{
    QMenu* menu = m_ui->menuAudit;
    menu->addSeparator();
    QAction* check = menu->addAction(tr("Check Secret &Strength\u2026"));
    check->setObjectName(QStringLiteral("actionCheckSecret"));
    check->setStatusTip(tr("Try common secrets, wordlists and brute force against this HS256/384/512 token's "
                           "signature (for tokens you may test)"));
    connect(check, &QAction::triggered, this, &MainWindow::openSecretChecker);

    m_attackMenu = new AttackVariantsMenu(this);
    m_attackMenu->setObjectName(QStringLiteral("menuAttackVariants"));
    menu->addMenu(m_attackMenu);
    // The original's public key for the algorithm-confusion variant: what the verification input holds (the menu
    // uses it only when it loads as an asymmetric key, never an HMAC secret).
    m_attackMenu->setPublicKeyProvider([this] { return m_ui->signaturePanel->publicKeyMaterial(); });
    // Which variants apply is worked out when the menu opens, not on every keystroke.
    connect(m_attackMenu, &QMenu::aboutToShow, this, [this] { m_attackMenu->setTokenText(m_session.token()); });
    connect(m_attackMenu, &AttackVariantsMenu::openVariant, this, &MainWindow::openAttackVariant);
    connect(m_attackMenu, &AttackVariantsMenu::message, this, &MainWindow::showMessage);
}

CrackDialog* MainWindow::openSecretChecker()
{
    // Bound to the token as it is now; a later edit does not change what a running check is about.
    auto* dialog = new CrackDialog(QByteArrayView(m_session.token()), this);
    dialog->setObjectName(QStringLiteral("crackDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose); // closing stops the run and clears the secrets it showed
    connect(dialog, &CrackDialog::useSecret, this, [this](const Key& secret) {
        useKey(secret, true);
        resign();
    });
    connect(dialog, &CrackDialog::message, this, &MainWindow::showMessage);
    dialog->show();
    return dialog;
}

MainWindow* MainWindow::openAttackVariant(const AttackVariant& variant)
{
    auto* window = new MainWindow(m_settings);
    window->setAttribute(Qt::WA_DeleteOnClose);
    // The same keys, so the variant's badge shows what Assay's verifier makes of it: rejected.
    SignaturePanel* from = m_ui->signaturePanel;
    SignaturePanel* to = window->m_ui->signaturePanel;
    if (SecureBytes secret = from->typedSecret(); !secret.isEmpty()) {
        QString text = QString::fromUtf8(secret.view());
        to->setSecret(text, from->secretEncoding());
        text.fill(QChar(0));
    }
    if (const QByteArray publicKey = from->publicKeyMaterial(); !publicKey.isEmpty())
        to->setPublicKeyText(QString::fromUtf8(publicKey));
    window->markAsAttackVariant(variant);
    window->move(pos() + QPoint(40, 40));
    window->show();
    showMessage(tr("Opened %1 in a new window; this token is unchanged").arg(variant.name));
    return window;
}

void MainWindow::markAsAttackVariant(const AttackVariant& variant)
{
    m_variantLabel = variant.label;
    replaceToken(QString::fromLatin1(variant.token), {});
    m_edited = false;
    auto* banner = new QLabel(this);
    banner->setObjectName(QStringLiteral("attackVariantBanner"));
    banner->setText(tr("\u26a0 Attack variant (%1): %2").arg(variant.attackId, variant.name));
    banner->setToolTip(variant.label + QLatin1Char('\n') + variant.explanation);
    banner->setStyleSheet(QStringLiteral("QLabel { font-weight: bold; padding: 0 6px; }"));
    statusBar()->insertPermanentWidget(0, banner);
    updateTitle();
}

void MainWindow::setupTemplatesMenu()
{
    QList<JwsAlgorithm> algs = supportedJwsAlgorithms();
    algs.append(JwsAlgorithm::None);
    for (JwsAlgorithm alg : algs) {
        const QString name = jwsAlgorithmName(alg);
        QAction* action =
            m_ui->menuNewFromTemplate->addAction(QStringLiteral("%1  \u2014  %2").arg(name, keyKindFor(alg)));
        action->setObjectName(QStringLiteral("templateAction_%1").arg(name));
        connect(action, &QAction::triggered, this, [this, alg] { newFromTemplate(alg); });
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Input routing

void MainWindow::onEncodedEdited()
{
    m_pasteNotes.clear();
    m_session.setTokenText(m_ui->encodedEditor->tokenText());
    refresh(Source::Encoded);
}

void MainWindow::onHeaderEdited()
{
    const QByteArray before = m_session.token();
    const QByteArray text = m_ui->headerEditor->toPlainText().toUtf8();
    (void)m_session.editHeader(text); // a failure is shown from the snapshot (stale, line:column)
    refresh(Source::Header);
    if (m_session.token() != before)
        markEdited();
}

void MainWindow::onPayloadEdited()
{
    const QByteArray before = m_session.token();
    const QByteArray text = m_ui->payloadEditor->toPlainText().toUtf8();
    (void)m_session.editPayload(text);
    refresh(Source::Payload);
    if (m_session.token() != before)
        markEdited();
}

void MainWindow::onAlgorithmChosen(JwsAlgorithm alg)
{
    // The panel has already switched to the key input for this algorithm: sign with that key.
    applyKeysToSession();
    const QByteArray before = m_session.token();
    if (auto ok = m_session.setAlgorithm(alg); !ok)
        showMessage(ok.error().message);
    refresh(Source::Algorithm);
    if (m_session.token() != before)
        markEdited();
}

void MainWindow::onKeysChanged()
{
    if (m_refreshing || m_batch) {
        m_keysDirty = true;
        return;
    }
    applyKeysToSession();
    refresh(Source::Keys);
}

void MainWindow::applyKeysToSession()
{
    m_session.setVerificationKeys(m_ui->signaturePanel->verificationKeys());
    m_session.setSigningKey(m_ui->signaturePanel->signingKey());
}

KeyWorkbench* MainWindow::openKeyWorkbench()
{
    if (!m_workbench) {
        // Closing only hides it, so a generated key or an inspection is still there when it is opened again.
        m_workbench = new KeyWorkbench(*m_keyRing, m_settings, this);
        connect(m_workbench, &KeyWorkbench::useForSigning, this, [this](const Key& key) { useKey(key, true); });
        connect(m_workbench, &KeyWorkbench::useForVerifying, this, [this](const Key& key) { useKey(key, false); });
    }
    m_workbench->present();
    return m_workbench;
}

KeyWorkbench* MainWindow::openIssuerKeys()
{
    KeyWorkbench* workbench = openKeyWorkbench();
    const std::optional<ParsedToken>& parsed = m_session.snapshot().parsed;
    if (parsed && parsed->payloadJson) {
        if (const std::optional<JsonMember> iss = parsed->payloadJson->member(u"iss")) {
            if (const std::optional<QString> issuer = iss->toString())
                workbench->issuerKeysPage()->setIssuer(*issuer);
        }
    }
    workbench->showTab(KeyWorkbench::Tab::IssuerKeys);
    return workbench;
}

void MainWindow::useKey(const Key& key, bool forSigning)
{
    if (key.isNull())
        return;
    SignaturePanel* panel = m_ui->signaturePanel;
    if (key.isSymmetric()) {
        // One secret both signs and verifies.
        QByteArray encoded = base64url::encode(key.secret()->view());
        panel->setSecret(QString::fromLatin1(encoded), SecretEncoding::Base64Url);
        wipe(encoded);
    } else {
        Result<SecureBytes> jwk = exportJwk(forSigning ? key : key.publicKey(), forSigning && key.hasPrivate());
        if (!jwk) {
            showMessage(jwk.error().message);
            return;
        }
        if (forSigning)
            panel->setPrivateKeyText(QString::fromUtf8(jwk->view()));
        else
            panel->setPublicKeyText(QString::fromUtf8(jwk->view()));
    }
    // Say when the token's algorithm does not fit the key, and which would.
    const std::optional<JwsAlgorithm> alg = panel->currentAlgorithm();
    const QList<JwsAlgorithm> fits = algorithmsForKey(key);
    QString note;
    if (alg && *alg != JwsAlgorithm::None && !fits.contains(*alg) && !fits.isEmpty()) {
        QStringList names;
        for (JwsAlgorithm a : fits)
            names.append(jwsAlgorithmName(a));
        note = tr(" The token's alg %1 does not fit this key; pick %2.")
                   .arg(jwsAlgorithmName(*alg), names.join(QStringLiteral(" / ")));
    }
    showMessage((forSigning ? tr("The %1 now signs.") : tr("The %1 now verifies.")).arg(key.description()) + note);
}

void MainWindow::onOptionsChanged()
{
    m_session.setExpectations(m_ui->validationOptions->expectations());
    m_session.setEvaluationTime(m_ui->validationOptions->evaluationTime());
    {
        const QSignalBlocker blocker(m_ui->actionToggleOptions);
        m_ui->actionToggleOptions->setChecked(m_ui->validationOptions->isExpanded());
    }
    refresh(Source::Options);
}

void MainWindow::onClockTick()
{
    if (m_session.evaluationTime() || !m_session.snapshot().claims)
        return;
    m_session.refreshTime();
    refresh(Source::Clock);
}

void MainWindow::setTokenText(const QString& text)
{
    replaceToken(text, {});
}

void MainWindow::replaceToken(const QString& text, const QStringList& notes)
{
    m_ui->encodedEditor->setTokenText(text);
    m_session.setTokenText(text);
    m_pasteNotes = notes;
    refresh(Source::Replace);
}

// ---------------------------------------------------------------------------------------------------------------
// Views

void MainWindow::refresh(Source source)
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    updateViews(source);
    // Showing a new algorithm can switch the key page (secret vs key pair); the other keys then apply.
    while (m_keysDirty) {
        m_keysDirty = false;
        applyKeysToSession();
        updateViews(Source::Keys);
    }
    requestAudit(source);
    m_refreshing = false;
}

void MainWindow::updateViews(Source source)
{
    const SessionSnapshot& s = m_session.snapshot();
    const bool haveKeys = m_ui->signaturePanel->hasVerificationKeys();
    if (source == Source::Clock) {
        m_claims->setSnapshot(s);
        m_ui->verificationBadge->showSnapshot(s, haveKeys);
        return;
    }

    if (source == Source::Encoded) {
        m_ui->encodedEditor->showSnapshot(s);
    } else {
        // On every keystroke, at any size: a large token's pane lays out only the lines on screen.
        syncEncodedPane();
    }
    if (s.parsed) {
        m_ui->formLabel->setText(
            tr("%1 \u00B7 %n character(s)", nullptr, int(s.token.size())).arg(tokenFormName(s.form)));
    } else if (s.parseError && s.parseError->code != ErrorCode::InputEmpty) {
        m_ui->formLabel->setText(tr("not a token \u00B7 %n character(s)", nullptr, int(s.token.size())));
    } else {
        m_ui->formLabel->clear();
    }

    updateJsonPane(true, source);
    updateJsonPane(false, source);

    m_claims->setSnapshot(s);
    m_ui->claimsTable->resizeRowsToContents();
    int failures = 0;
    if (s.claims) {
        for (const ClaimResult& r : s.claims->results())
            failures += r.isFailure() ? 1 : 0;
    }
    const int claimsIndex = m_ui->payloadTabs->indexOf(m_ui->claimsTab);
    m_ui->payloadTabs->setTabText(claimsIndex,
                                  failures > 0 ? tr("Claims (%1, %2 \u2716)").arg(m_claims->rowCount()).arg(failures)
                                               : tr("Claims (%1)").arg(m_claims->rowCount()));

    m_ui->signaturePanel->showSnapshot(s);
    m_ui->verificationBadge->showSnapshot(s, m_ui->signaturePanel->hasVerificationKeys());

    const bool hasToken = !s.token.isEmpty();
    for (QAction* a :
         {m_ui->actionCopyToken, m_ui->actionCopyBearer, m_ui->actionCopyCurl, m_ui->actionSave, m_ui->actionSaveAs})
        a->setEnabled(hasToken);
    m_ui->actionCopyDecoded->setEnabled(s.parsed.has_value());
    m_ui->actionResign->setEnabled(s.editable);
    updateStatus();
    updateTitle();
}

void MainWindow::syncEncodedPane()
{
    const SessionSnapshot& s = m_session.snapshot();
    m_ui->encodedEditor->setTokenText(QString::fromUtf8(s.input));
    m_ui->encodedEditor->showSnapshot(s);
}

void MainWindow::updateJsonPane(bool header, Source source)
{
    const SessionSnapshot& s = m_session.snapshot();
    JsonEditor* editor = header ? m_ui->headerEditor : m_ui->payloadEditor;
    QLabel* status = header ? m_ui->headerStatusLabel : m_ui->payloadStatusLabel;
    QByteArray& shownFor = header ? m_headerShownFor : m_payloadShownFor;
    const Source own = header ? Source::Header : Source::Payload;
    const std::optional<Error>& editError = header ? s.headerEditError : s.payloadEditError;
    const PartColors colors = PartColors::forPalette(palette());

    QString note;
    if (s.parsed) {
        const DecodedSegment* segment = nullptr;
        if (header && !s.parsed->signatures.isEmpty())
            segment = &s.parsed->signatures.front().protectedHeader;
        else if (!header)
            segment = &s.parsed->payload;
        const QByteArray shown = segment ? segment->raw : QByteArray();
        if (source == own) {
            // The user's text stays as typed; it now stands for the new segment (or, on error, for the old one).
            if (!editError)
                shownFor = shown;
        } else if (source == Source::Encoded || source == Source::Replace || shown != shownFor) {
            editor->setModelText(QString::fromUtf8(header ? s.headerText : s.payloadText));
            shownFor = shown;
        }
        if (editError) {
            note = coloured(colors.bad, tr("\u2716 Line %1, column %2: %3. The token keeps its last valid %4.")
                                            .arg(editError->line)
                                            .arg(editError->column)
                                            .arg(editError->message, segmentName(editError->segment)));
        } else if (segment && segment->error) {
            note = coloured(colors.bad, QStringLiteral("\u2716 ") + segment->error->toString());
        } else if (header && !s.parsed->signatures.isEmpty() && s.parsed->signatures.front().headerError) {
            note =
                coloured(colors.bad, QStringLiteral("\u2716 ") + s.parsed->signatures.front().headerError->toString());
        } else if (!header && s.form == TokenForm::CompactJwe) {
            note = coloured(colors.neutral, tr("Encrypted (JWE): the payload is not shown without decryption."));
        } else if (!header && s.parsed->payloadDetached) {
            note = coloured(colors.neutral, tr("Detached payload (RFC 7515 appendix F): the token carries none."));
        } else if (!header && !s.payloadIsJson) {
            note = coloured(colors.neutral, tr("The payload is not JSON; it is shown as text."));
        } else if (!s.editable) {
            note = coloured(colors.neutral, tr("Read-only: only a compact JWS is edited here."));
        }
    } else if (s.parseError && s.parseError->code == ErrorCode::InputEmpty) {
        editor->setModelText({});
        shownFor.clear();
    } else {
        note = coloured(colors.neutral, tr("The token cannot be read; this is the last readable one."));
    }
    editor->setReadOnly(!s.editable);
    editor->setError(editError);
    status->setText(note);
    status->setVisible(!note.isEmpty());
}

void MainWindow::updateStatus()
{
    const SessionSnapshot& s = m_session.snapshot();
    QString message;
    if (s.parseError) {
        message = s.parseError->code == ErrorCode::InputEmpty
                      ? tr("Paste a token (Ctrl+Shift+V), open a file (Ctrl+O) or start a new one (Ctrl+N).")
                      : tr("Not a token: %1").arg(s.parseError->message);
    }
    for (const TokenPart& part : s.parts) {
        if (message.isEmpty() && part.error) {
            message = part.error->offset >= 0 ? tr("Malformed %1 part at token offset %2 (%3): %4")
                                                    .arg(segmentName(part.kind))
                                                    .arg(part.offset + part.error->offset)
                                                    .arg(part.error->where(), part.error->message)
                                              : part.error->toString();
        }
    }
    if (message.isEmpty() && s.headerEditError)
        message = tr("Header JSON: %1 (the token keeps its last valid header)").arg(s.headerEditError->toString());
    if (message.isEmpty() && s.payloadEditError)
        message = tr("Payload JSON: %1 (the token keeps its last valid payload)").arg(s.payloadEditError->toString());
    if (message.isEmpty() && s.signingError)
        message = tr("Not re-signed: %1").arg(s.signingError->message);
    if (message.isEmpty() && s.signatureOutdated && !s.verification.isValid())
        message = tr("Edited without a signing key: the signature is the old one and no longer matches.");
    if (message.isEmpty())
        message = QStringLiteral("%1: %2").arg(tokenFormName(s.form), s.verification.reason);
    message = clipped(message);
    m_statusMessage->setText(message);
    m_statusMessage->setToolTip(message);

    QStringList notes = m_pasteNotes.isEmpty() ? s.intakeNotes : m_pasteNotes;
    m_ui->intakeNoteLabel->setText(
        notes.isEmpty() ? QString() : tr("Pasted text cleaned: %1.").arg(notes.join(QStringLiteral("; "))));
    m_ui->intakeNoteLabel->setVisible(!notes.isEmpty());
}

void MainWindow::updateTitle()
{
    const bool modified = m_edited || (!m_filePath.isEmpty() && m_session.token() != m_savedToken);
    setWindowModified(modified);
    const QString name = m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
    if (!m_variantLabel.isEmpty())
        setWindowTitle(tr("%1[*] \u2014 Assay").arg(m_variantLabel));
    else
        setWindowTitle(tr("%1[*] \u2014 Assay").arg(name));
}

void MainWindow::showMessage(const QString& text)
{
    m_actionMessage->setText(clipped(text, 160));
    m_actionMessageTimer->start();
}

void MainWindow::markEdited()
{
    m_edited = true;
    updateTitle();
}

QString MainWindow::statusMessage() const
{
    return m_statusMessage->text();
}

void MainWindow::applyTheme()
{
    const PartColors colors = PartColors::forPalette(palette());
    m_claims->setColors(colors);
    // Section titles carry their part's colour, tying each decoded pane to its part of the encoded token.
    auto title = [&colors](QLabel* label, const QString& name, const QColor& colour, const QString& hint) {
        label->setTextFormat(Qt::RichText);
        label->setText(QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;&nbsp;"
                                      "<span style=\"color:%3; font-weight:normal\">%4</span>")
                           .arg(colour.name(), name.toHtmlEscaped(), colors.neutral.name(), hint.toHtmlEscaped()));
    };
    title(m_ui->encodedTitle, tr("ENCODED"), colors.dot, tr("the token as sent"));
    title(m_ui->headerTitle, tr("HEADER"), colors.header, tr("algorithm & token type"));
    title(m_ui->payloadTitle, tr("PAYLOAD"), colors.payload, tr("claims"));
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ThemeChange) {
        applyTheme();
        refresh(Source::Options);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Audit

int MainWindow::claimFailures() const
{
    const SessionSnapshot& s = m_session.snapshot();
    int failures = 0;
    if (s.claims) {
        for (const ClaimResult& r : s.claims->results())
            failures += r.isFailure() ? 1 : 0;
    }
    return failures;
}

void MainWindow::requestAudit(Source source)
{
    const SessionSnapshot& s = m_session.snapshot();
    // The clock only matters to the time findings (expired, not yet valid, issued in the future): re-lint when the
    // claims' verdicts change, not every second.
    if (source == Source::Clock && claimFailures() == m_auditClaimFailures && s.token == m_auditRequestedFor)
        return;
    m_auditClaimFailures = claimFailures();
    m_auditRequestedFor = s.token;
    m_findings->setIntakeNotes(m_pasteNotes.isEmpty() ? s.intakeNotes : m_pasteNotes);

    SignaturePanel* panel = m_ui->signaturePanel;
    if (s.token.isEmpty()) {
        m_audit->lint(LintJob{}); // an empty report, at once
    } else {
        LintJob job;
        if (s.parsed)
            job.token = *s.parsed;
        job.text = s.token;
        job.context.keys = panel->verificationKeys();
        job.context.evaluationTimeMSecs = s.evaluationTimeMSecs;
        job.context.leewaySeconds = m_session.expectations().leewaySeconds;
        m_audit->lint(std::move(job));
    }

    // Forensics when the signature was checked and failed; options and the clock do not change a signature.
    const bool failed = s.parsed && (s.verification.verdict == Verdict::Invalid ||
                                     (s.verification.verdict == Verdict::Malformed && !s.parsed->signatures.isEmpty()));
    const bool haveKey = panel->hasVerificationKeys() || !m_session.signingKey().isNull();
    if (!failed || !haveKey) {
        m_audit->cancelExplain();
        m_findings->clearForensics();
        panel->showExplanation(QString());
        m_ui->verificationBadge->setExplanation(QString());
        return;
    }
    if (source == Source::Clock || source == Source::Options)
        return;
    ForensicsJob job;
    job.token = *s.parsed;
    if (panel->showsSecret()) {
        auto secret = std::make_shared<SecureBytes>(panel->typedSecret());
        if (!secret->isEmpty())
            job.secretText = std::move(secret);
        job.secretEncoding = panel->secretEncoding();
        if (!job.secretText && !m_session.signingKey().isNull())
            job.keys.keys.append(m_session.signingKey());
    } else {
        job.keys = panel->verificationKeys();
        if (job.keys.isEmpty() && !m_session.signingKey().isNull())
            job.keys.keys.append(m_session.signingKey());
        job.keyText = panel->publicKeyMaterial();
    }
    // Until the answer comes, no explanation of an earlier state is shown.
    m_findings->clearForensics();
    panel->showExplanation(QString());
    m_ui->verificationBadge->setExplanation(QString());
    m_audit->explain(std::move(job));
}

void MainWindow::onLintReady(const LintReport& report)
{
    // Only the latest request's result arrives (AuditRunner), so the report is about the latest token.
    m_auditShownFor = m_auditRequestedFor;
    m_findings->setLintReport(report);
    applyDiagnostics(report);
}

void MainWindow::applyDiagnostics(const LintReport& report)
{
    const SessionSnapshot& s = m_session.snapshot();
    const SeverityStyle style(PartColors::forPalette(palette()));
    for (const bool header : {true, false}) {
        JsonEditor* editor = header ? m_ui->headerEditor : m_ui->payloadEditor;
        const Segment segment = header ? Segment::Header : Segment::Payload;
        if (!s.parsed || s.token != m_auditShownFor || (header && s.parsed->signatures.isEmpty())) {
            editor->setDiagnostics({});
            continue;
        }
        // Members and claims only: a mark under a whole segment would underline the entire pane.
        QList<const LintFinding*> marked;
        QList<SegmentTextMap::Range> ranges;
        for (const LintFinding& f : report.findings()) {
            const LintLocation& loc = f.location;
            if (loc.segment == segment && loc.signatureIndex == 0 && !loc.member.isEmpty() && loc.offset >= 0 &&
                loc.length > 0) {
                marked.append(&f);
                ranges.append({loc.offset, loc.length});
            }
        }
        QList<JsonEditor::Diagnostic> diagnostics;
        if (!marked.isEmpty()) {
            const QByteArray& raw =
                header ? s.parsed->signatures.front().protectedHeader.bytes : s.parsed->payload.bytes;
            const QList<std::optional<SegmentTextMap::Range>> mapped =
                SegmentTextMap(raw, editor->toPlainText()).map(ranges);
            for (qsizetype i = 0; i < mapped.size(); ++i) {
                if (!mapped.at(i))
                    continue;
                const LintFinding& f = *marked.at(i);
                diagnostics.append({mapped.at(i)->first, mapped.at(i)->second, style.color(f.severity),
                                    QStringLiteral("%1 %2 %3: %4")
                                        .arg(SeverityStyle::glyph(f.severity), lintSeverityName(f.severity),
                                             f.codeName(), f.message)});
            }
        }
        editor->setDiagnostics(std::move(diagnostics));
    }
}

void MainWindow::onForensicsReady(const ForensicsReport& report)
{
    m_findings->setForensics(report);
    QString line;
    std::optional<SecretEncoding> suggested;
    if (!report.findings.isEmpty()) {
        const ForensicFinding& f = report.findings.front();
        line = f.fix.isEmpty() ? f.explanation : QStringLiteral("%1 — %2").arg(f.explanation, f.fix);
        if (f.hypothesis == ForensicHypothesis::SecretEncoding && f.evidence.secretEncoding && !f.evidence.keyIndex)
            suggested = f.evidence.secretEncoding;
        if (report.findings.size() > 1)
            line += tr(" (%1 more in the findings panel)").arg(report.findings.size() - 1);
        line += tr(" The token stays invalid as it is.");
    } else if (report.outcome == ForensicsOutcome::Unexplained) {
        QStringList checked;
        for (const ForensicCheck& c : report.checks) {
            if (c.outcome != ForensicCheckOutcome::NotApplicable)
                checked.append(c.title);
        }
        line = tr("Nothing explains the failure. Checked: %1.").arg(checked.join(QStringLiteral("; ")));
    } else if (report.outcome == ForensicsOutcome::NothingToExplain) {
        line = report.summary;
    }
    m_ui->signaturePanel->showExplanation(line, suggested);
    m_ui->verificationBadge->setExplanation(line);
}

void MainWindow::showFinding(const FindingRow& row, bool focus)
{
    const SessionSnapshot& s = m_session.snapshot();
    if (s.token != m_auditShownFor)
        return; // the token changed since: the finding's offsets are about another text
    EncodedEditor* encoded = m_ui->encodedEditor;
    const auto selectInEncoded = [&](qsizetype tokenOffset, qsizetype tokenLength) {
        if (tokenOffset < 0 || s.tokenOffset < 0)
            return false;
        // Token bytes -> bytes of the pane's text (the intake may have cut a prefix) -> QString positions.
        const TextOffsets offsets(encoded->tokenText());
        const qsizetype start = offsets.toCharPosition(s.tokenOffset + tokenOffset);
        const qsizetype end = offsets.toCharPosition(s.tokenOffset + tokenOffset + tokenLength);
        encoded->selectTokenRange(start, end - start);
        return true;
    };

    if (row.kind != FindingRow::Kind::Lint) {
        const Segment segment = row.forensic ? row.forensic->evidence.segment : Segment::Signature;
        if (segment == Segment::Key || segment == Segment::None) {
            if (focus)
                m_ui->signaturePanel->focusKeyInput();
            return;
        }
        for (const TokenPart& part : s.parts) {
            if (part.kind == segment && selectInEncoded(part.offset - s.tokenOffset, part.length) && focus)
                encoded->setFocus();
        }
        return;
    }

    const LintLocation& loc = row.lint.location;
    if (loc.segment == Segment::Key) {
        if (focus)
            m_ui->signaturePanel->focusKeyInput();
        return;
    }
    QWidget* target = nullptr;
    const bool header = loc.segment == Segment::Header;
    if ((header || loc.segment == Segment::Payload) && loc.signatureIndex == 0 && loc.offset >= 0 && loc.length > 0 &&
        s.parsed && (!header || !s.parsed->signatures.isEmpty())) {
        JsonEditor* editor = header ? m_ui->headerEditor : m_ui->payloadEditor;
        const QByteArray& raw = header ? s.parsed->signatures.front().protectedHeader.bytes : s.parsed->payload.bytes;
        const auto mapped = SegmentTextMap(raw, editor->toPlainText()).map({{loc.offset, loc.length}});
        if (mapped.front()) {
            if (!header)
                m_ui->payloadTabs->setCurrentWidget(m_ui->payloadJsonTab);
            editor->selectRange(mapped.front()->first, mapped.front()->second);
            target = editor;
        }
    }
    if (selectInEncoded(loc.tokenOffset, loc.tokenLength) && !target)
        target = encoded;
    if (focus && target)
        target->setFocus();
}

// ---------------------------------------------------------------------------------------------------------------
// Templates

void MainWindow::newFromTemplate(JwsAlgorithm alg)
{
    if (m_generating) {
        showMessage(tr("Still generating the previous key…"));
        return;
    }
    showMessage(tr("Generating a fresh %1 for %2…").arg(keyKindFor(alg), jwsAlgorithmName(alg)));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // RSA key generation takes long enough to freeze a frame or more: never on the UI thread.
    m_generating = true;
    m_templateWatcher->setFuture(QtConcurrent::run([alg, now] { return makeTokenTemplate(alg, now); }));
}

bool MainWindow::isGenerating() const
{
    // Until the result is applied, not merely computed: the watcher's finished signal is queued.
    return m_generating;
}

void MainWindow::onTemplateReady()
{
    m_generating = false;
    const Result<TokenTemplate> made = m_templateWatcher->result();
    if (!made) {
        showMessage(tr("Could not create the template: %1").arg(made.error().message));
        return;
    }
    // Batch: keys and token change together, then one refresh applies both.
    m_batch = true;
    SignaturePanel* panel = m_ui->signaturePanel;
    panel->clearKeys();
    if (made->signingKey.isSymmetric()) {
        QByteArray encoded = base64url::encode(made->signingKey.secret()->view());
        panel->setSecret(QString::fromLatin1(encoded), SecretEncoding::Base64Url);
        wipe(encoded);
    } else if (!made->signingKey.isNull()) {
        if (auto publicJwk = made->verificationKey.toJwk(false))
            panel->setPublicKeyText(QString::fromUtf8(*publicJwk));
        if (auto privateJwk = made->signingKey.toJwk(true)) {
            QByteArray text = *privateJwk;
            panel->setPrivateKeyText(QString::fromUtf8(text));
            wipe(text);
        }
    }
    m_ui->encodedEditor->setTokenText(QString::fromLatin1(made->token));
    m_session.setTokenText(QString::fromLatin1(made->token));
    m_batch = false;
    m_keysDirty = true;
    m_pasteNotes.clear();
    m_filePath.clear();
    m_savedToken.clear();
    m_edited = true;
    refresh(Source::Replace);
    showMessage(made->algorithm == JwsAlgorithm::None
                    ? tr("New unsigned token.")
                    : tr("New %1 token signed with a freshly generated %2 (kept in memory only).")
                          .arg(jwsAlgorithmName(made->algorithm), keyKindFor(made->algorithm)));
}

// ---------------------------------------------------------------------------------------------------------------
// Files

void MainWindow::openArgument(const QString& argument)
{
    if (QFileInfo(argument).isFile())
        openFile(argument);
    else
        setTokenText(argument);
}

bool MainWindow::loadSecretFile(const QString& path)
{
    QFile file(path);
    if (file.size() > 64 * 1024 || !file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Cannot read the secret file %1").arg(path));
        return false;
    }
    QByteArray bytes = file.readAll();
    if (bytes.endsWith('\n'))
        bytes.chop(bytes.endsWith("\r\n") ? 2 : 1);
    m_ui->signaturePanel->setSecret(QString::fromUtf8(bytes), SecretEncoding::Utf8);
    wipe(bytes);
    return true;
}

void MainWindow::loadKeyFile(const QString& path)
{
    m_ui->signaturePanel->loadKeyFile(false, path);
}

void MainWindow::openDialog()
{
    auto* dialog = new QFileDialog(this, tr("Open Token"));
    dialog->setObjectName(QStringLiteral("openDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Tokens (*.jwt *.jws *.jwe *.txt *.json)"), tr("All files (*)")});
    if (!m_filePath.isEmpty())
        dialog->setDirectory(QFileInfo(m_filePath).absolutePath());
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::openFile);
    dialog->open();
}

bool MainWindow::openFile(const QString& path)
{
    QFile file(path);
    if (QFileInfo(path).size() > kMaxTokenFileBytes) {
        showMessage(tr("%1 is too large to be a token (more than 16 MiB)").arg(QFileInfo(path).fileName()));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Cannot open %1: %2").arg(path, file.errorString()));
        return false;
    }
    // A trailing newline is how text files end, not part of the token: trim it without a "cleaned" note.
    const QString text = QString::fromUtf8(file.readAll()).trimmed();
    m_filePath = QFileInfo(path).absoluteFilePath();
    replaceToken(text, {});
    m_savedToken = m_session.token();
    m_edited = false;
    m_recent->add(m_filePath);
    updateRecentMenu();
    updateTitle();
    showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool MainWindow::saveTo(const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        showMessage(tr("Cannot save %1: %2").arg(path, file.errorString()));
        return false;
    }
    file.write(m_session.token());
    if (!file.commit()) {
        showMessage(tr("Cannot save %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_savedToken = m_session.token();
    m_edited = false;
    m_recent->add(m_filePath);
    updateRecentMenu();
    updateTitle();
    showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()));
    return true;
}

void MainWindow::save()
{
    if (m_filePath.isEmpty())
        saveAs();
    else
        saveTo(m_filePath);
}

void MainWindow::saveAs()
{
    auto* dialog = new QFileDialog(this, tr("Save Token"));
    dialog->setObjectName(QStringLiteral("saveDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("jwt"));
    dialog->setNameFilters({tr("Tokens (*.jwt)"), tr("Text files (*.txt)"), tr("All files (*)")});
    if (!m_filePath.isEmpty())
        dialog->selectFile(m_filePath);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::saveTo);
    dialog->open();
}

void MainWindow::updateRecentMenu()
{
    QMenu* menu = m_ui->menuRecent;
    menu->clear();
    const QStringList files = m_recent->files();
    int number = 1;
    for (const QString& path : files) {
        const QString label = number < 10 ? QStringLiteral("&%1  %2").arg(number).arg(QFileInfo(path).fileName())
                                          : QFileInfo(path).fileName();
        QAction* action = menu->addAction(label);
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] {
            if (!QFileInfo::exists(path)) {
                m_recent->remove(path);
                updateRecentMenu();
                showMessage(tr("%1 no longer exists").arg(path));
                return;
            }
            openFile(path);
        });
        ++number;
    }
    if (!files.isEmpty())
        menu->addSeparator();
    menu->addAction(m_ui->actionClearRecent);
    m_ui->actionClearRecent->setEnabled(!files.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QMimeData* mime = event->mimeData();
    if ((mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().front().isLocalFile()) || mime->hasText())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QMimeData* mime = event->mimeData();
    if (mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().front().isLocalFile()) {
        openFile(mime->urls().front().toLocalFile());
    } else if (mime->hasText()) {
        const IntakeResult intake = cleanPastedToken(mime->text());
        replaceToken(QString::fromUtf8(intake.token), intake.stripped);
    }
    event->acceptProposedAction();
}

// ---------------------------------------------------------------------------------------------------------------
// Edit actions

void MainWindow::pasteToken()
{
    const QString text = QApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        showMessage(tr("The clipboard holds no text"));
        return;
    }
    const IntakeResult intake = cleanPastedToken(text);
    replaceToken(QString::fromUtf8(intake.token), intake.stripped);
}

void MainWindow::copyText(const QString& text, const QString& what)
{
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    showMessage(tr("Copied the %1").arg(what));
}

void MainWindow::copyDecoded()
{
    const SessionSnapshot& s = m_session.snapshot();
    if (!s.parsed)
        return;
    QByteArray text;
    if (s.headerIsJson && s.payloadIsJson) {
        // One JSON document built from the exact texts (member order, numbers and escapes as in the token).
        const QByteArray headerMin = s.parsed->header()->minified();
        const QByteArray payloadMin = s.parsed->payloadJson->minified();
        text = reindentJson("{\"header\":" + headerMin + ",\"payload\":" + payloadMin + '}', 2);
    } else {
        text = s.headerText + "\n\n" + s.payloadText;
    }
    copyText(QString::fromUtf8(text), tr("decoded JSON"));
}

void MainWindow::resign()
{
    applyKeysToSession();
    const QByteArray before = m_session.token();
    if (auto ok = m_session.resign(); !ok)
        showMessage(tr("Not re-signed: %1").arg(ok.error().message));
    else
        showMessage(tr("Re-signed"));
    refresh(Source::Algorithm);
    if (m_session.token() != before)
        markEdited();
}

void MainWindow::clearAll()
{
    m_batch = true;
    m_ui->signaturePanel->clearKeys();
    m_batch = false;
    m_keysDirty = true;
    m_filePath.clear();
    m_savedToken.clear();
    m_edited = false;
    replaceToken(QString(), {});
    showMessage(tr("Cleared the token and forgot every key"));
}

void MainWindow::showAbout()
{
    auto* dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// ---------------------------------------------------------------------------------------------------------------
// Window

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_closeConfirmed && isWindowModified()) {
        event->ignore();
        auto* box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                    tr("The token has changed since it was last saved. Save it before closing?"),
                                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("unsavedChangesBox"));
        box->setAccessibleName(tr("Unsaved changes"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box] {
            switch (box->standardButton(box->clickedButton())) {
            case QMessageBox::Save:
                if (m_filePath.isEmpty()) {
                    saveAs(); // asynchronous: the user closes again once saved
                    return;
                }
                if (!saveTo(m_filePath))
                    return;
                break;
            case QMessageBox::Discard:
                break;
            default:
                return;
            }
            m_closeConfirmed = true;
            close();
        });
        box->open();
        return;
    }
    // A variant window shares the settings but does not own the layout: the original window's layout is kept.
    if (m_variantLabel.isEmpty())
        storeSettings();
    // Forget keys now rather than at destruction: the window may outlive its closing (tests, session restore).
    m_ui->signaturePanel->clearKeys();
    // The workbench closes with the window (it would otherwise keep the application running), and the session
    // keys are wiped: they live in memory for this session only.
    if (m_workbench)
        m_workbench->close();
    m_keyRing->clear();
    event->accept();
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1440, 900);
    restoreState(m_settings.value(QStringLiteral("window/state")).toByteArray());
    if (!m_ui->mainSplitter->restoreState(m_settings.value(QStringLiteral("window/mainSplitter")).toByteArray()))
        m_ui->mainSplitter->setSizes({560, 840});
    if (!m_ui->decodedSplitter->restoreState(m_settings.value(QStringLiteral("window/decodedSplitter")).toByteArray()))
        m_ui->decodedSplitter->setSizes({150, 330, 270});
    m_ui->payloadTabs->setCurrentIndex(m_settings.value(QStringLiteral("view/payloadTab"), 0).toInt());
    m_ui->validationOptions->setExpanded(m_settings.value(QStringLiteral("validation/expanded"), false).toBool());
    m_ui->validationOptions->setLeewaySeconds(m_settings.value(QStringLiteral("validation/leeway"), 0).toLongLong());
}

void MainWindow::storeSettings()
{
    // Layout and non-secret preferences only: never a token, a secret or a key.
    m_settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings.setValue(QStringLiteral("window/state"), saveState());
    m_settings.setValue(QStringLiteral("window/mainSplitter"), m_ui->mainSplitter->saveState());
    m_settings.setValue(QStringLiteral("window/decodedSplitter"), m_ui->decodedSplitter->saveState());
    m_settings.setValue(QStringLiteral("view/payloadTab"), m_ui->payloadTabs->currentIndex());
    m_settings.setValue(QStringLiteral("validation/expanded"), m_ui->validationOptions->isExpanded());
    m_settings.setValue(QStringLiteral("validation/leeway"), m_ui->validationOptions->leewaySeconds());
}

} // namespace assay::ui
