// SPDX-License-Identifier: Apache-2.0
#include "keys/IssuerKeysPage.h"

#include "keys/FetchErrorText.h"
#include "keys/FetchedKeysView.h"
#include "keys/JwksFetchJob.h"
#include "keys/KeyFiles.h"

#include "DisplayText.h"
#include "net/FetchUrlPolicy.h"
#include "net/JwksCache.h"
#include "net/JwksDocument.h"
#include "net/JwksFetcher.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

const QString kKeepCopyKey = QStringLiteral("issuerKeys/keepCopy");
constexpr int kDefaultTimeoutMs = 10'000;
constexpr qint64 kDefaultMaxBytes = 1024 * 1024;

QString seconds(int ms)
{
    return QLocale().toString((ms + 999) / 1000);
}

} // namespace

IssuerKeysPage::IssuerKeysPage(QSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_urlRadio(new QRadioButton(tr("JWKS &URL"), this))
    , m_issuerRadio(new QRadioButton(tr("&Issuer (discover its jwks_uri)"), this))
    , m_input(new QLineEdit(this))
    , m_previewLabel(new QLabel(this))
    , m_allowHttpCheck(new QCheckBox(tr("Allow plain &http to this machine (localhost)"), this))
    , m_caFileEdit(new QLineEdit(this))
    , m_caFileButton(new QPushButton(tr("C&hoose…"), this))
    , m_keepCopyCheck(new QCheckBox(tr("&Keep a copy for offline use"), this))
    , m_fetchButton(new QPushButton(tr("&Fetch…"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_busyBar(new QProgressBar(this))
    , m_statusLabel(new QLabel(this))
    , m_activityView(new QPlainTextEdit(this))
    , m_result(new FetchedKeysView(this))
    , m_cache(new JwksCacheView(this))
    , m_confirm(askYesNo)
    , m_maxBytes(kDefaultMaxBytes)
    , m_timeoutMs(kDefaultTimeoutMs)
{
    setObjectName(QStringLiteral("issuerKeysPage"));
    setAccessibleName(tr("Key sets from an issuer"));

    auto* sourceGroup = new QButtonGroup(this);
    sourceGroup->addButton(m_urlRadio);
    sourceGroup->addButton(m_issuerRadio);
    m_urlRadio->setChecked(true);
    m_urlRadio->setObjectName(QStringLiteral("issuerSourceUrlRadio"));
    m_urlRadio->setAccessibleName(tr("Fetch a JWKS URL"));
    m_issuerRadio->setObjectName(QStringLiteral("issuerSourceIssuerRadio"));
    m_issuerRadio->setAccessibleName(tr("Discover from an issuer"));
    m_issuerRadio->setToolTip(tr("OpenID Connect Discovery (/.well-known/openid-configuration), then RFC 8414 "
                                 "(/.well-known/oauth-authorization-server)"));

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_input->setObjectName(QStringLiteral("issuerInputEdit"));
    m_input->setAccessibleName(tr("JWKS URL or issuer"));
    m_input->setClearButtonEnabled(true);
    m_input->setFont(mono);
    m_previewLabel->setObjectName(QStringLiteral("issuerPreviewLabel"));
    m_previewLabel->setAccessibleName(tr("What will be requested"));
    m_previewLabel->setWordWrap(true);
    m_previewLabel->setTextFormat(Qt::RichText);
    m_previewLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_previewLabel->setMinimumHeight(m_previewLabel->fontMetrics().lineSpacing() * 3);
    m_previewLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_allowHttpCheck->setObjectName(QStringLiteral("issuerAllowHttpCheck"));
    m_allowHttpCheck->setAccessibleName(tr("Allow plain http to this machine"));
    m_allowHttpCheck->setToolTip(tr("For a local test issuer: http only to localhost, 127.0.0.1 and [::1]. Off "
                                    "again at the next start."));
    m_caFileEdit->setObjectName(QStringLiteral("issuerCaFileEdit"));
    m_caFileEdit->setAccessibleName(tr("Extra trusted CA file"));
    m_caFileEdit->setPlaceholderText(tr("none: the system's trusted certificates only"));
    m_caFileEdit->setClearButtonEnabled(true);
    m_caFileEdit->setToolTip(tr("A PEM file of CA certificates trusted in addition to the system's, e.g. a local "
                                "test issuer's own certificate"));
    m_caFileButton->setObjectName(QStringLiteral("issuerCaFileButton"));
    m_caFileButton->setAccessibleName(tr("Choose the extra trusted CA file"));
    m_keepCopyCheck->setObjectName(QStringLiteral("issuerKeepCopyCheck"));
    m_keepCopyCheck->setAccessibleName(tr("Keep a copy for offline use"));
    m_keepCopyCheck->setToolTip(tr("Fetched sets are stored in the cache listed below (public keys only), so they "
                                   "can be used later without a connection"));
    m_keepCopyCheck->setChecked(m_settings.value(kKeepCopyKey, true).toBool());

    m_fetchButton->setObjectName(QStringLiteral("issuerFetchButton"));
    m_fetchButton->setAccessibleName(tr("Fetch"));
    m_fetchButton->setToolTip(tr("Connect and fetch (asks first, naming the exact URLs)"));
    m_cancelButton->setObjectName(QStringLiteral("issuerCancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel the fetch"));
    m_busyBar->setObjectName(QStringLiteral("issuerBusyBar"));
    m_busyBar->setAccessibleName(tr("Fetching"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(160);
    m_busyBar->setTextVisible(false);
    m_statusLabel->setObjectName(QStringLiteral("issuerStatusLabel"));
    m_statusLabel->setAccessibleName(tr("Fetch status"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_activityView->setObjectName(QStringLiteral("issuerActivityView"));
    m_activityView->setAccessibleName(tr("Requests and redirects"));
    m_activityView->setReadOnly(true);
    m_activityView->setTabChangesFocus(true);
    m_activityView->setFont(mono);
    m_activityView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_activityView->setMaximumBlockCount(200);
    m_activityView->setPlaceholderText(tr("Each request and redirect is listed here as it happens."));
    m_activityView->setFixedHeight(m_activityView->fontMetrics().lineSpacing() * 4 + 12);

    // Where from: source, input, exactly what will be requested, trust.
    auto* requestBox = new QGroupBox(tr("Fetch a key set \u2014 only when you ask"), this);
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_urlRadio);
    sourceRow->addWidget(m_issuerRadio);
    sourceRow->addStretch(1);
    auto* trustRow = new QHBoxLayout;
    trustRow->addWidget(m_allowHttpCheck);
    trustRow->addSpacing(16);
    auto* caLabel = new QLabel(tr("Extra trusted &CA file"), requestBox);
    caLabel->setBuddy(m_caFileEdit);
    trustRow->addWidget(caLabel);
    trustRow->addWidget(m_caFileEdit, 1);
    trustRow->addWidget(m_caFileButton);
    auto* fetchRow = new QHBoxLayout;
    fetchRow->addWidget(m_fetchButton);
    fetchRow->addWidget(m_cancelButton);
    fetchRow->addWidget(m_busyBar);
    fetchRow->addWidget(m_statusLabel, 1);
    fetchRow->addWidget(m_keepCopyCheck);
    auto* requestLayout = new QVBoxLayout(requestBox);
    requestLayout->addLayout(sourceRow);
    requestLayout->addWidget(m_input);
    requestLayout->addWidget(m_previewLabel);
    requestLayout->addLayout(trustRow);
    requestLayout->addLayout(fetchRow);
    requestLayout->addWidget(m_activityView);

    auto* resultBox = new QGroupBox(tr("Key set"), this);
    auto* resultLayout = new QVBoxLayout(resultBox);
    resultLayout->addWidget(m_result);
    auto* cacheBox = new QGroupBox(tr("Kept for offline use"), this);
    auto* cacheLayout = new QVBoxLayout(cacheBox);
    cacheLayout->addWidget(m_cache);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("issuerSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(resultBox);
    splitter->addWidget(cacheBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(requestBox);
    layout->addWidget(splitter, 1);

    connect(m_input, &QLineEdit::textChanged, this, &IssuerKeysPage::updatePreview);
    connect(m_urlRadio, &QRadioButton::toggled, this, &IssuerKeysPage::updatePreview);
    connect(m_allowHttpCheck, &QCheckBox::toggled, this, &IssuerKeysPage::updatePreview);
    connect(m_caFileEdit, &QLineEdit::textChanged, this, &IssuerKeysPage::updatePreview);
    connect(m_caFileButton, &QPushButton::clicked, this, &IssuerKeysPage::chooseCaFile);
    connect(m_input, &QLineEdit::returnPressed, this, &IssuerKeysPage::fetch);
    connect(m_fetchButton, &QPushButton::clicked, this, &IssuerKeysPage::fetch);
    connect(m_cancelButton, &QPushButton::clicked, this, &IssuerKeysPage::cancel);
    connect(m_keepCopyCheck, &QCheckBox::toggled, this, [this](bool keep) { m_settings.setValue(kKeepCopyKey, keep); });
    connect(m_result, &FetchedKeysView::addToSession, this, &IssuerKeysPage::addToSession);
    connect(m_result, &FetchedKeysView::useForVerifying, this, &IssuerKeysPage::useForVerifying);
    connect(m_result, &FetchedKeysView::message, this, &IssuerKeysPage::message);
    connect(m_cache, &JwksCacheView::message, this, &IssuerKeysPage::message);
    connect(m_cache, &JwksCacheView::loadRequested, this, &IssuerKeysPage::showCached);

    m_cache->setDirectory(JwksCache::defaultDirectory());
    setBusy(false);
    updatePreview();
}

IssuerKeysPage::~IssuerKeysPage()
{
    // A fetch in flight is abandoned: its thread ends by itself and reports to no one.
    if (m_job)
        m_job->abandon();
}

void IssuerKeysPage::setIssuer(const QString& issuer)
{
    m_issuerRadio->setChecked(true);
    m_input->setText(issuer.trimmed());
}

void IssuerKeysPage::setJwksUrl(const QString& url)
{
    m_urlRadio->setChecked(true);
    m_input->setText(url.trimmed());
}

void IssuerKeysPage::setCacheDirectory(const QString& directory)
{
    m_cache->setDirectory(directory);
}

QString IssuerKeysPage::cacheDirectory() const
{
    return m_cache->directory();
}

void IssuerKeysPage::setConfirm(ConfirmFunction confirm)
{
    m_confirm = confirm;
    m_cache->setConfirm(std::move(confirm));
}

void IssuerKeysPage::setLimits(int timeoutMs, qint64 maxBytes)
{
    m_timeoutMs = timeoutMs;
    m_maxBytes = maxBytes;
    updatePreview();
}

IssuerKeysPage::Source IssuerKeysPage::source() const
{
    return m_issuerRadio->isChecked() ? Source::Issuer : Source::JwksUrl;
}

bool IssuerKeysPage::isFetching() const
{
    return m_job != nullptr;
}

void IssuerKeysPage::updatePreview()
{
    m_planned.clear();
    const QString text = m_input->text().trimmed();
    const bool allowHttp = m_allowHttpCheck->isChecked();
    const bool issuer = source() == Source::Issuer;
    m_input->setPlaceholderText(issuer ? tr("the issuer, as in the token's \"iss\": https://login.example.com")
                                       : tr("https://login.example.com/.well-known/jwks.json"));

    QString problem;
    if (text.isEmpty()) {
        m_previewLabel->setText(issuer ? tr("Type the issuer. Nothing is requested until you click Fetch.")
                                       : tr("Type the JWKS URL. Nothing is requested until you click Fetch."));
    } else if (issuer) {
        Result<QList<QUrl>> urls = discoveryUrls(text, allowHttp);
        if (urls)
            m_planned = *urls;
        else
            problem = urls.error().message;
    } else {
        // Tolerant, as a browser's address bar: a space or a non-ASCII letter is percent-encoded, and the preview
        // shows the URL exactly as it will be sent.
        const QUrl url(text, QUrl::TolerantMode);
        if (!url.isValid()) {
            problem = tr("\"%1\" is not a valid URL (%2)").arg(text, url.errorString());
        } else if (Result<void> allowed = checkFetchUrl(url, allowHttp); allowed) {
            m_planned = {url};
        } else {
            problem = allowed.error().message;
        }
    }
    const QString caFile = m_caFileEdit->text().trimmed();
    if (problem.isEmpty() && !caFile.isEmpty() && !QFileInfo(caFile).isFile())
        problem = tr("the extra trusted CA file \"%1\" does not exist").arg(caFile);

    if (!problem.isEmpty()) {
        m_planned.clear();
        QString hint;
        if (problem.contains(QLatin1String("this machine")))
            hint = tr("Tick \"Allow plain http to this machine\" for a local test issuer.");
        else if (problem.contains(QLatin1String("only https")) || problem.contains(QLatin1String("https only")))
            hint = tr("Keys are fetched over https only.");
        m_previewLabel->setText(QStringLiteral("<b>%1</b> %2%3")
                                    .arg(tr("Will not fetch:").toHtmlEscaped(), clipped(problem, 400).toHtmlEscaped(),
                                         hint.isEmpty() ? QString() : QStringLiteral("<br><i>%1</i>").arg(hint)));
    } else if (!m_planned.isEmpty()) {
        QStringList lines;
        for (const QUrl& url : std::as_const(m_planned))
            lines.append(QStringLiteral("<code>GET %1</code>").arg(displayUrl(url).toHtmlEscaped()));
        if (issuer)
            m_previewLabel->setText(
                tr("Will request, in order until one answers:") + QStringLiteral("<br>") +
                lines.join(QStringLiteral("<br>")) + QStringLiteral("<br>") +
                tr("then the jwks_uri that the metadata names (shown before it is requested).").toHtmlEscaped());
        else
            m_previewLabel->setText(tr("Will request exactly:") + QStringLiteral("<br>") + lines.front());
    }
    m_fetchButton->setEnabled(!m_planned.isEmpty() && !isFetching());
}

void IssuerKeysPage::fetch()
{
    if (m_planned.isEmpty() || isFetching())
        return;
    // The request is fixed now: consent covers exactly these URLs, whatever is typed while the question is open.
    JwksFetchRequest request;
    if (source() == Source::Issuer)
        request.issuer = m_input->text().trimmed();
    else
        request.jwksUrl = m_planned.front();
    request.options.allowHttpLocalhost = m_allowHttpCheck->isChecked();
    request.options.caFile = m_caFileEdit->text().trimmed();
    request.options.timeoutMs = m_timeoutMs;
    request.options.maxBytes = m_maxBytes;

    QStringList shown;
    for (const QUrl& url : std::as_const(m_planned))
        shown.append(QStringLiteral("    GET %1").arg(displayUrl(url)));
    QString text =
        request.issuer.isEmpty()
            ? tr("Assay will connect to the network and request exactly:\n\n%1\n\n").arg(shown.join(QLatin1Char('\n')))
            : tr("Assay will connect to the network to discover the keys of issuer %1, requesting in "
                 "order until one answers:\n\n%2\n\nthen the jwks_uri that the metadata names.\n\n")
                  .arg(request.issuer, shown.join(QLatin1Char('\n')));
    text += tr("Redirects are followed (at most %1, never from https to http) and shown. The fetch gives up after "
               "%2 s or %3.")
                .arg(request.options.maxRedirects)
                .arg(seconds(m_timeoutMs))
                .arg(QLocale().formattedDataSize(m_maxBytes, 0, QLocale::DataSizeTraditionalFormat));
    if (!request.options.caFile.isEmpty())
        text += QLatin1Char(' ') + tr("Also trusted: the CA certificates in %1.").arg(request.options.caFile);
    text += QStringLiteral("\n\n") + tr("Fetch now?");

    m_statusLabel->setText(tr("Waiting for your go-ahead…"));
    m_confirm(this, tr("Fetch a key set from the network"), text,
              [page = QPointer<IssuerKeysPage>(this), request](bool yes) {
                  if (!page)
                      return;
                  if (!yes) {
                      page->m_statusLabel->setText(tr("Not fetched: nothing was requested."));
                      return;
                  }
                  page->startFetch(request);
              });
}

void IssuerKeysPage::startFetch(const JwksFetchRequest& consented)
{
    if (isFetching())
        return;
    m_activityView->clear();
    m_result->clear();
    m_lastRequested.clear();
    m_job = new JwksFetchJob(this);
    JwksFetchJob* job = m_job;
    connect(job, &JwksFetchJob::requesting, this, &IssuerKeysPage::onRequesting);
    connect(job, &JwksFetchJob::redirected, this, &IssuerKeysPage::onRedirected);
    connect(job, &JwksFetchJob::succeeded, this, &IssuerKeysPage::onSucceeded);
    connect(job, &JwksFetchJob::failed, this, &IssuerKeysPage::onFailed);
    m_statusLabel->setText(tr("Starting…"));
    setBusy(true);
    job->start(consented);
}

void IssuerKeysPage::cancel()
{
    if (!m_job)
        return;
    const QString host = m_lastRequested.host();
    m_job->abandon();
    m_job->deleteLater();
    m_job = nullptr;
    setBusy(false);
    m_statusLabel->setText(tr("Cancelled. Nothing the server sends will be used; the connection ends by itself "
                              "within %1 s.")
                               .arg(seconds(m_timeoutMs)));
    appendActivity(tr("\u2715 cancelled%1").arg(host.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(host)));
    updatePreview();
}

void IssuerKeysPage::onRequesting(const QUrl& url)
{
    m_lastRequested = url;
    const QString shown = displayUrl(url);
    m_statusLabel->setText(tr("Requesting %1 …").arg(clipped(shown, 160)));
    appendActivity(QStringLiteral("\u2192 GET %1").arg(shown));
}

void IssuerKeysPage::onRedirected(const FetchHop& hop)
{
    appendActivity(
        tr("\u21aa HTTP %1 redirect: %2 \u2192 %3").arg(hop.status).arg(displayUrl(hop.from), displayUrl(hop.to)));
}

void IssuerKeysPage::endFetch()
{
    if (m_job)
        m_job->deleteLater();
    m_job = nullptr;
    setBusy(false);
    updatePreview();
}

void IssuerKeysPage::onFailed(const Error& error)
{
    endFetch();
    const FetchErrorText text =
        describeFetchError(error, m_maxBytes, m_lastRequested.isValid() ? displayUrl(m_lastRequested) : QString());
    m_result->showError(text.toHtml());
    m_statusLabel->setText(tr("Fetch failed: %1.").arg(text.headline));
    appendActivity(QStringLiteral("\u2715 %1: %2").arg(text.headline, clipped(error.message, 300)));
    Q_EMIT message(tr("Fetch failed: %1").arg(text.headline));
}

void IssuerKeysPage::onSucceeded(const JwksFetchOutcome& outcome)
{
    endFetch();
    ShownJwks shown;
    shown.source = outcome.jwks.source;
    shown.finalUrl = outcome.jwks.finalUrl;
    shown.hops = outcome.jwks.hops;
    if (outcome.discovered) {
        shown.issuer = outcome.discovered->issuer;
        shown.metadataUrl = outcome.discovered->metadataUrl;
        shown.hops = outcome.discovered->hops + shown.hops;
    }
    shown.contentType = outcome.jwks.contentType;
    shown.fetchedAt = outcome.fetchedAt;
    shown.warnings = outcome.jwks.warnings;
    shown.raw = outcome.jwks.raw;
    shown.keys = outcome.jwks.keys;
    if (m_keepCopyCheck->isChecked()) {
        Result<JwksCacheEntry> stored = m_cache->store(shown.source, shown.raw, shown.fetchedAt);
        shown.cacheNote = stored ? tr("kept in %1").arg(QDir::toNativeSeparators(stored->filePath))
                                 : tr("not kept: %1").arg(stored.error().message);
    } else {
        shown.cacheNote = tr("not kept (\"Keep a copy for offline use\" is off)");
    }
    m_result->showJwks(shown);
    const int n = int(shown.keys.keys.size());
    m_statusLabel->setText(n == 1 ? tr("Fetched 1 key.") : tr("Fetched %1 keys.").arg(n));
    appendActivity(QStringLiteral("\u2713 %1").arg(m_statusLabel->text()));
}

void IssuerKeysPage::showCached(const JwksCacheEntry& entry)
{
    // The same parsing as a fresh fetch, so a cached set is used exactly like one just fetched.
    Result<KeySet> keys = parseJwksBody(entry.jwks);
    if (!keys) {
        m_result->showError(describeFetchError(keys.error(), m_maxBytes).toHtml());
        return;
    }
    ShownJwks shown;
    shown.source = entry.source;
    shown.finalUrl = entry.source;
    shown.fetchedAt = entry.fetchedAt;
    shown.raw = entry.jwks;
    shown.keys = std::move(*keys);
    shown.warnings = shown.keys.skipped + shown.keys.problems;
    shown.fromCache = true;
    shown.cacheNote = tr("read from %1").arg(QDir::toNativeSeparators(entry.filePath));
    m_result->showJwks(shown);
    Q_EMIT message(tr("Loaded the cached set of %1 (no network)").arg(displayUrl(entry.source)));
}

void IssuerKeysPage::setBusy(bool busy)
{
    m_busyBar->setVisible(busy);
    m_cancelButton->setVisible(busy);
    m_cancelButton->setEnabled(busy);
    m_fetchButton->setEnabled(!busy && !m_planned.isEmpty());
}

void IssuerKeysPage::appendActivity(const QString& line)
{
    m_activityView->appendPlainText(line);
    m_activityView->verticalScrollBar()->setValue(m_activityView->verticalScrollBar()->maximum());
}

void IssuerKeysPage::chooseCaFile()
{
    askOpenFile(this, QStringLiteral("issuerCaFileDialog"), tr("Extra trusted CA certificates"),
                {tr("PEM certificates (*.pem *.crt *.cer)"), tr("All files (*)")},
                [this](const QString& path) { m_caFileEdit->setText(path); });
}

} // namespace assay::ui
