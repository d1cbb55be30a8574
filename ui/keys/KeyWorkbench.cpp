// SPDX-License-Identifier: Apache-2.0
#include "keys/KeyWorkbench.h"

#include "DisplayText.h"
#include "keys/IssuerKeysPage.h"
#include "keys/KeyConvertPage.h"
#include "keys/KeyGeneratePage.h"
#include "keys/KeyInspectPage.h"
#include "keys/SessionKeyRing.h"
#include "keys/SessionKeysPage.h"

#include <QAction>
#include <QCloseEvent>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace assay::ui {

KeyWorkbench::KeyWorkbench(SessionKeyRing& ring, QSettings& settings, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_ring(ring)
    , m_settings(settings)
    , m_tabs(new QTabWidget(this))
    , m_generate(new KeyGeneratePage(this))
    , m_inspect(new KeyInspectPage(this))
    , m_convert(new KeyConvertPage(this))
    , m_sessionKeys(new SessionKeysPage(ring, this))
    , m_issuerKeys(new IssuerKeysPage(settings, this))
    , m_messageLabel(new QLabel(this))
    , m_messageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("keyWorkbench"));
    setAccessibleName(tr("Key workbench"));
    setWindowTitle(tr("Key Workbench \u2014 Assay"));

    m_tabs->setObjectName(QStringLiteral("keyWorkbenchTabs"));
    m_tabs->setAccessibleName(tr("Key workbench sections"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_generate, tr("Generate"));
    m_tabs->addTab(m_inspect, tr("Inspect"));
    m_tabs->addTab(m_convert, tr("Convert"));
    m_tabs->addTab(m_sessionKeys, tr("Session keys"));
    m_tabs->addTab(m_issuerKeys, tr("Issuer keys"));
    m_tabs->setTabToolTip(0, tr("Generate a key (Ctrl+1)"));
    m_tabs->setTabToolTip(1, tr("Inspect a key, certificate or JWKS (Ctrl+2)"));
    m_tabs->setTabToolTip(2, tr("Convert the inspected key (Ctrl+3)"));
    m_tabs->setTabToolTip(3, tr("Keys kept for this session (Ctrl+4)"));
    m_tabs->setTabToolTip(4, tr("Fetch an issuer's public keys, only when you ask (Ctrl+5)"));
    m_messageLabel->setObjectName(QStringLiteral("keyWorkbenchMessage"));
    m_messageLabel->setAccessibleName(tr("Last action"));
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageTimer->setSingleShot(true);
    m_messageTimer->setInterval(10000);
    connect(m_messageTimer, &QTimer::timeout, m_messageLabel, &QLabel::clear);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_messageLabel);

    // Ctrl+1..5 pick a tab, Ctrl+W and Escape close: window-wide, from any control.
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* action = new QAction(this);
        action->setObjectName(QStringLiteral("keyWorkbenchTabAction%1").arg(i + 1));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, i] { showTab(static_cast<Tab>(i)); });
        addAction(action);
    }
    auto* closeAction = new QAction(tr("Close"), this);
    closeAction->setObjectName(QStringLiteral("keyWorkbenchCloseAction"));
    closeAction->setShortcuts({QKeySequence::Close, QKeySequence(Qt::Key_Escape)});
    closeAction->setShortcutContext(Qt::WindowShortcut);
    connect(closeAction, &QAction::triggered, this, &QWidget::close);
    addAction(closeAction);

    connect(m_generate, &KeyGeneratePage::message, this, &KeyWorkbench::showMessage);
    connect(m_inspect, &KeyInspectPage::message, this, &KeyWorkbench::showMessage);
    connect(m_convert, &KeyConvertPage::message, this, &KeyWorkbench::showMessage);
    connect(m_sessionKeys, &SessionKeysPage::message, this, &KeyWorkbench::showMessage);
    connect(m_issuerKeys, &IssuerKeysPage::message, this, &KeyWorkbench::showMessage);
    connect(m_issuerKeys, &IssuerKeysPage::useForVerifying, this, &KeyWorkbench::useForVerifying);
    connect(m_issuerKeys, &IssuerKeysPage::addToSession, this, &KeyWorkbench::addToSession);
    connect(m_generate, &KeyGeneratePage::useForSigning, this, &KeyWorkbench::useForSigning);
    connect(m_generate, &KeyGeneratePage::useForVerifying, this, &KeyWorkbench::useForVerifying);
    connect(m_inspect, &KeyInspectPage::useForSigning, this, &KeyWorkbench::useForSigning);
    connect(m_inspect, &KeyInspectPage::useForVerifying, this, &KeyWorkbench::useForVerifying);
    connect(m_generate, &KeyGeneratePage::addToSession, this, &KeyWorkbench::addToSession);
    connect(m_inspect, &KeyInspectPage::addToSession, this, &KeyWorkbench::addToSession);
    connect(m_inspect, &KeyInspectPage::selectedKeyChanged, this, [this](const Key& key) {
        QList<Key> all;
        if (const auto& inspection = m_inspect->inspection()) {
            for (const KeyReport& r : inspection->keys)
                all.append(r.key);
        }
        m_convert->setSource(key, all);
    });
    connect(m_inspect, &KeyInspectPage::convertRequested, this, [this] { showTab(Tab::Convert); });

    if (!restoreGeometry(m_settings.value(QStringLiteral("keyWorkbench/geometry")).toByteArray()))
        resize(1240, 900);
    m_tabs->setCurrentIndex(
        qBound(0, m_settings.value(QStringLiteral("keyWorkbench/tab"), 0).toInt(), m_tabs->count() - 1));
}

KeyWorkbench::~KeyWorkbench() = default;

void KeyWorkbench::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
    if (tab == Tab::Inspect)
        m_inspect->focusInput();
}

void KeyWorkbench::present()
{
    show();
    raise();
    activateWindow();
}

void KeyWorkbench::showMessage(const QString& text)
{
    m_messageLabel->setText(clipped(text, 200));
    m_messageTimer->start();
}

QString KeyWorkbench::lastMessage() const
{
    return m_messageLabel->text();
}

void KeyWorkbench::addToSession(const Key& key, const QString& name)
{
    if (key.isNull())
        return;
    // The same key twice would only make the verifier's list longer; say where it already is.
    for (const SessionKey& k : m_ring.keys()) {
        if (k.key.isSymmetric() == key.isSymmetric() && k.key.hasSamePublicKey(key) &&
            k.key.hasPrivate() == key.hasPrivate() && k.key.kid() == key.kid()) {
            showMessage(tr("Already in the session keys as \"%1\"").arg(k.name));
            return;
        }
    }
    const quint64 id = m_ring.add(key, name);
    if (const SessionKey* added = m_ring.find(id))
        showMessage(tr("Added \"%1\" to the session keys (memory only)").arg(added->name));
}

void KeyWorkbench::closeEvent(QCloseEvent* event)
{
    // Layout only: never a key, a passphrase or what the tabs show.
    m_settings.setValue(QStringLiteral("keyWorkbench/geometry"), saveGeometry());
    m_settings.setValue(QStringLiteral("keyWorkbench/tab"), m_tabs->currentIndex());
    QWidget::closeEvent(event);
}

} // namespace assay::ui
