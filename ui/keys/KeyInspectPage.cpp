// SPDX-License-Identifier: Apache-2.0
#include "keys/KeyInspectPage.h"

#include "DisplayText.h"
#include "keys/KeyFiles.h"
#include "keys/KeyReportView.h"
#include "keys/KeyText.h"

#include "jwk/KeyInspector.h"
#include "jws/KeyPolicy.h"

#include <QCryptographicHash>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace assay::ui {
namespace {

// Typing stays fluid: one inspection per pause, not per keystroke (the guide's ~150 ms).
constexpr int kDebounceMs = 150;

QString localFile(const QMimeData* mime)
{
    if (mime && mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().front().isLocalFile())
        return mime->urls().front().toLocalFile();
    return {};
}

QString rowText(const KeyReport& r, int index)
{
    if (!r.loaded())
        return KeyInspectPage::tr("%1. %2: not loaded").arg(index + 1).arg(r.source);
    QString text = QStringLiteral("%1. %2").arg(index + 1).arg(r.key.description());
    if (!r.key.kid().isEmpty())
        text += KeyInspectPage::tr(" (kid \"%1\")").arg(clipped(r.key.kid(), 60));
    if (!r.chain.isEmpty())
        text += KeyInspectPage::tr(", %n certificate(s)", nullptr, int(r.chain.certificates.size()));
    return text;
}

} // namespace

KeyInspectPage::KeyInspectPage(QWidget* parent)
    : QWidget(parent)
    , m_input(new QPlainTextEdit(this))
    , m_loadButton(new QPushButton(tr("&Load file…"), this))
    , m_passphraseButton(new QPushButton(tr("&Passphrase…"), this))
    , m_clearButton(new QPushButton(tr("Clear"), this))
    , m_statusLabel(new QLabel(this))
    , m_keysList(new QListWidget(this))
    , m_reportView(new KeyReportView(this))
    , m_addToSessionButton(new QPushButton(tr("&Add to session keys"), this))
    , m_useForSigningButton(new QPushButton(tr("Use for &signing"), this))
    , m_useForVerifyingButton(new QPushButton(tr("Use for &verifying"), this))
    , m_convertButton(new QPushButton(tr("C&onvert…"), this))
    , m_debounce(new QTimer(this))
    , m_watcher(new QFutureWatcher<InspectionOutcome>(this))
{
    setObjectName(QStringLiteral("keyInspectPage"));
    setAccessibleName(tr("Inspect a key"));
    setAcceptDrops(true);

    m_input->setObjectName(QStringLiteral("inspectInputEdit"));
    m_input->setAccessibleName(tr("Key to inspect"));
    m_input->setPlaceholderText(tr("Paste a key: PEM (public, private, encrypted, certificate), JWK, JWK Set, or "
                                   "drop a key file here (PEM or DER)."));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_input->setTabChangesFocus(true);
    // Dropped files are read, not pasted as their URL.
    m_input->viewport()->installEventFilter(this);
    m_loadButton->setObjectName(QStringLiteral("inspectLoadButton"));
    m_loadButton->setAccessibleName(tr("Load key file"));
    m_loadButton->setShortcut(QKeySequence::Open);
    m_loadButton->setToolTip(tr("Load a key file: PEM, DER, JWK, JWKS, certificate (Ctrl+O)"));
    m_passphraseButton->setObjectName(QStringLiteral("inspectPassphraseButton"));
    m_passphraseButton->setAccessibleName(tr("Enter passphrase"));
    m_passphraseButton->setToolTip(tr("Give the passphrase of the encrypted key"));
    m_clearButton->setObjectName(QStringLiteral("inspectClearButton"));
    m_clearButton->setAccessibleName(tr("Clear the input"));
    m_statusLabel->setObjectName(QStringLiteral("inspectStatusLabel"));
    m_statusLabel->setAccessibleName(tr("Inspection status"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keysList->setObjectName(QStringLiteral("inspectKeysList"));
    m_keysList->setAccessibleName(tr("Keys found"));
    m_keysList->setMaximumHeight(78); // three rows; a long JWKS scrolls
    m_addToSessionButton->setObjectName(QStringLiteral("inspectAddToSessionButton"));
    m_useForSigningButton->setObjectName(QStringLiteral("inspectUseForSigningButton"));
    m_useForVerifyingButton->setObjectName(QStringLiteral("inspectUseForVerifyingButton"));
    m_convertButton->setObjectName(QStringLiteral("inspectConvertButton"));
    for (QPushButton* b : {m_addToSessionButton, m_useForSigningButton, m_useForVerifyingButton, m_convertButton})
        b->setAccessibleName(b->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    m_convertButton->setToolTip(tr("Convert the selected key (PEM, DER, JWK, JWKS)"));

    auto* inputButtons = new QHBoxLayout;
    inputButtons->addWidget(m_loadButton);
    inputButtons->addWidget(m_passphraseButton);
    inputButtons->addWidget(m_clearButton);
    inputButtons->addStretch(1);
    auto* left = new QWidget(this);
    left->setObjectName(QStringLiteral("inspectInputPane"));
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* inputLabel = new QLabel(tr("&Key, certificate, JWK or JWK Set"), left);
    inputLabel->setBuddy(m_input);
    leftLayout->addWidget(inputLabel);
    leftLayout->addWidget(m_input, 1);
    leftLayout->addLayout(inputButtons);
    leftLayout->addWidget(m_statusLabel);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_addToSessionButton);
    actions->addWidget(m_useForSigningButton);
    actions->addWidget(m_useForVerifyingButton);
    actions->addWidget(m_convertButton);
    actions->addStretch(1);
    auto* right = new QWidget(this);
    right->setObjectName(QStringLiteral("inspectReportPane"));
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* keysLabel = new QLabel(tr("Keys &found"), right);
    keysLabel->setBuddy(m_keysList);
    rightLayout->addWidget(keysLabel);
    rightLayout->addWidget(m_keysList);
    rightLayout->addWidget(m_reportView, 1);
    rightLayout->addLayout(actions);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("inspectSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &KeyInspectPage::startInspection);
    connect(m_input, &QPlainTextEdit::textChanged, this, &KeyInspectPage::onTextEdited);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &KeyInspectPage::onInspected);
    connect(m_keysList, &QListWidget::currentRowChanged, this, &KeyInspectPage::showSelected);
    connect(m_loadButton, &QPushButton::clicked, this, &KeyInspectPage::chooseFile);
    connect(m_passphraseButton, &QPushButton::clicked, this, &KeyInspectPage::askPassphrase);
    connect(m_clearButton, &QPushButton::clicked, this, &KeyInspectPage::clearInput);
    connect(m_addToSessionButton, &QPushButton::clicked, this, [this] {
        const Key key = selectedKey();
        if (key.isNull())
            return;
        const QString name = key.kid().isEmpty()
                                 ? shortKeyKind(key)
                                 : QStringLiteral("%1 %2").arg(shortKeyKind(key), clipped(key.kid(), 24));
        Q_EMIT addToSession(key, name);
    });
    connect(m_useForSigningButton, &QPushButton::clicked, this, [this] { Q_EMIT useForSigning(selectedKey()); });
    connect(m_useForVerifyingButton, &QPushButton::clicked, this, [this] { Q_EMIT useForVerifying(selectedKey()); });
    connect(m_convertButton, &QPushButton::clicked, this, &KeyInspectPage::convertRequested);

    m_statusLabel->setText(tr("Nothing to inspect yet."));
    updateButtons();
}

KeyInspectPage::~KeyInspectPage()
{
    m_watcher->disconnect(this);
    wipe(m_fileBytes);
}

void KeyInspectPage::focusInput()
{
    m_input->setFocus(Qt::ShortcutFocusReason);
}

void KeyInspectPage::setInputText(const QString& text)
{
    m_input->setPlainText(text);
}

void KeyInspectPage::onTextEdited()
{
    if (m_settingText)
        return;
    // Typed text replaces a loaded binary file and the passphrase given for the old content.
    wipe(m_fileBytes);
    m_passphrase.clear();
    m_debounce->start();
}

bool KeyInspectPage::isInspecting() const
{
    return m_debounce->isActive() || m_watcher->isRunning() || m_rerun;
}

void KeyInspectPage::startInspection()
{
    if (m_watcher->isRunning()) {
        m_rerun = true; // the running result is stale; run again when it arrives
        return;
    }
    m_rerun = false;
    // The worker gets its own copies, wiped when it is done with them.
    QByteArray text = m_fileBytes.isEmpty() ? m_input->toPlainText().toUtf8() : m_fileBytes;
    auto input = std::make_shared<SecureBytes>(text);
    if (m_fileBytes.isEmpty())
        wipe(text);
    auto passphrase = m_passphrase.isEmpty() ? nullptr : std::make_shared<SecureBytes>(m_passphrase.clone());
    const QDateTime at = QDateTime::currentDateTimeUtc();
    m_statusLabel->setText(tr("Inspecting…"));
    m_watcher->setFuture(QtConcurrent::run([input, passphrase, at] {
        InspectionOutcome out;
        out.at = at;
        out.inputDigest =
            QString::fromLatin1(QCryptographicHash::hash(input->view(), QCryptographicHash::Sha256).toHex());
        if (input->view().trimmed().isEmpty())
            out.inspection = KeyInspection{};
        else
            out.inspection = inspectKeyText(input->view(), passphrase.get(), at);
        return out;
    }));
}

void KeyInspectPage::onInspected()
{
    if (m_rerun || m_debounce->isActive()) {
        // The input changed meanwhile: this result describes text that is no longer there.
        if (m_rerun)
            startInspection();
        return;
    }
    showOutcome(m_watcher->result());
}

void KeyInspectPage::showOutcome(const InspectionOutcome& outcome)
{
    m_lastDigest = outcome.inputDigest;
    m_at = outcome.at;
    const int previousRow = m_keysList->currentRow();
    {
        const QSignalBlocker blocker(m_keysList);
        m_keysList->clear();
    }
    if (!outcome.inspection) {
        m_inspection.reset();
        const Error& e = outcome.inspection.error();
        m_statusLabel->setText(clipped(e.message));
        if (e.code == ErrorCode::KeyPassphraseRequired || e.code == ErrorCode::KeyPassphraseWrong) {
            m_statusLabel->setText(e.code == ErrorCode::KeyPassphraseWrong
                                       ? tr("Wrong passphrase. Press Passphrase… to try again.")
                                       : tr("The key is encrypted: it needs its passphrase."));
            // Ask once per input (and again after a wrong passphrase), never on every keystroke.
            if (m_promptedFor != outcome.inputDigest || e.code == ErrorCode::KeyPassphraseWrong) {
                m_promptedFor = outcome.inputDigest;
                askPassphrase();
            }
        }
        showSelected();
        return;
    }
    m_inspection = *outcome.inspection;
    const KeyInspection& in = *m_inspection;
    if (in.keys.isEmpty()) {
        m_statusLabel->setText(tr("Nothing to inspect yet."));
    } else {
        int loaded = 0;
        for (const KeyReport& r : in.keys)
            loaded += r.loaded() ? 1 : 0;
        m_statusLabel->setText(
            tr("%1: %n key(s) found, %2 usable", nullptr, int(in.keys.size())).arg(in.inputKind).arg(loaded));
    }
    {
        const QSignalBlocker blocker(m_keysList);
        for (int i = 0; i < in.keys.size(); ++i) {
            const KeyReport& r = in.keys.at(i);
            QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
            if (!r.loaded() || r.hasErrors())
                icon = QStyle::SP_MessageBoxCritical;
            else if (std::any_of(r.findings.begin(), r.findings.end(),
                                 [](const KeyFinding& f) { return f.severity == FindingSeverity::Warning; }))
                icon = QStyle::SP_MessageBoxWarning;
            new QListWidgetItem(style()->standardIcon(icon), rowText(r, i), m_keysList);
        }
        if (m_keysList->count() > 0)
            m_keysList->setCurrentRow(qBound(0, previousRow, m_keysList->count() - 1));
    }
    showSelected();
}

void KeyInspectPage::showSelected()
{
    const int row = m_keysList->currentRow();
    const KeyReport* report =
        m_inspection && row >= 0 && row < m_inspection->keys.size() ? &m_inspection->keys.at(row) : nullptr;
    m_reportView->showReport(report, m_inspection ? m_inspection->findings : QList<KeyFinding>(), m_at);
    updateButtons();
    Q_EMIT selectedKeyChanged(selectedKey());
}

Key KeyInspectPage::selectedKey() const
{
    const int row = m_keysList->currentRow();
    if (!m_inspection || row < 0 || row >= m_inspection->keys.size())
        return {};
    return m_inspection->keys.at(row).key;
}

void KeyInspectPage::updateButtons()
{
    const Key key = selectedKey();
    m_addToSessionButton->setEnabled(!key.isNull());
    m_convertButton->setEnabled(!key.isNull());
    const bool signs = !key.isNull() && !algorithmsForKey(key).isEmpty();
    m_useForVerifyingButton->setEnabled(signs);
    m_useForSigningButton->setEnabled(signs && key.hasPrivate());
    m_passphraseButton->setEnabled(!m_lastDigest.isEmpty() && m_lastDigest == m_promptedFor);
}

void KeyInspectPage::askPassphrase()
{
    if (m_asking)
        return;
    m_asking = true;
    // Window-modal but asynchronous (open(), not exec()): no nested event loop.
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("inspectPassphraseDialog"));
    dialog->setAccessibleName(tr("Key passphrase"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Encrypted key"));
    dialog->setLabelText(tr("The key is encrypted. Passphrase:"));
    dialog->setTextEchoMode(QLineEdit::Password);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& text) {
        QByteArray bytes = text.toUtf8();
        m_passphrase = SecureBytes(bytes);
        wipe(bytes);
        m_debounce->stop();
        startInspection();
    });
    connect(dialog, &QDialog::finished, this, [this] { m_asking = false; });
    dialog->open();
    updateButtons();
}

void KeyInspectPage::chooseFile()
{
    askOpenFile(this, QStringLiteral("inspectFileDialog"), tr("Load a key file"),
                {tr("Keys (*.pem *.der *.crt *.cer *.key *.pub *.p8 *.json *.jwk *.jwks *.jwe)"), tr("All files (*)")},
                [this](const QString& path) { loadFile(path); });
}

void KeyInspectPage::loadFile(const QString& path)
{
    QByteArray content;
    if (const QString error = readKeyFile(path, content); !error.isEmpty()) {
        Q_EMIT message(error);
        return;
    }
    m_settingText = true;
    m_passphrase.clear();
    wipe(m_fileBytes);
    if (isBinary(content)) {
        // DER cannot be shown as text: keep the bytes, show what they are.
        m_fileBytes = content;
        m_input->setPlainText(
            tr("Binary key file %1 (%n bytes, DER). Type here to replace it.", nullptr, int(content.size()))
                .arg(QFileInfo(path).fileName()));
    } else {
        m_input->setPlainText(QString::fromUtf8(content));
        wipe(content);
    }
    m_settingText = false;
    m_debounce->stop();
    startInspection();
    Q_EMIT message(tr("Loaded %1").arg(QFileInfo(path).fileName()));
}

void KeyInspectPage::clearInput()
{
    m_input->clear();
    m_input->setFocus();
}

bool KeyInspectPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_input->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto* drag = static_cast<QDragMoveEvent*>(event);
            if (!localFile(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto* drop = static_cast<QDropEvent*>(event);
            const QString path = localFile(drop->mimeData());
            if (!path.isEmpty()) {
                drop->acceptProposedAction();
                loadFile(path);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void KeyInspectPage::dragEnterEvent(QDragEnterEvent* event)
{
    if (!localFile(event->mimeData()).isEmpty() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void KeyInspectPage::dropEvent(QDropEvent* event)
{
    const QString path = localFile(event->mimeData());
    if (!path.isEmpty())
        loadFile(path);
    else if (event->mimeData()->hasText())
        setInputText(event->mimeData()->text());
    event->acceptProposedAction();
}

} // namespace assay::ui
