// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/Key.h"

#include <QWidget>

class QLabel;
class QSettings;
class QTabWidget;
class QTimer;

namespace assay::ui {

class KeyConvertPage;
class KeyGeneratePage;
class IssuerKeysPage;
class KeyInspectPage;
class SessionKeyRing;
class SessionKeysPage;

/// The key workbench (issue 4): a non-modal window of its own with the tabs Generate, Inspect, Convert, Session
/// keys and Issuer keys (the only place that fetches, and only when the user asks). It shows and calls; every
/// computation is the core's. The session key ring is shared with the signature panel and owned by the main window.
class KeyWorkbench : public QWidget
{
    Q_OBJECT

public:
    enum class Tab
    {
        Generate,
        Inspect,
        Convert,
        SessionKeys,
        IssuerKeys,
    };

    /// `settings` keeps only the window's geometry and last tab (never a key); it must outlive the window.
    KeyWorkbench(SessionKeyRing& ring, QSettings& settings, QWidget* parent = nullptr);
    ~KeyWorkbench() override;

    void showTab(Tab tab);
    /// Shows the window, raised and active.
    void present();

    [[nodiscard]] KeyGeneratePage* generatePage() const { return m_generate; }
    [[nodiscard]] KeyInspectPage* inspectPage() const { return m_inspect; }
    [[nodiscard]] KeyConvertPage* convertPage() const { return m_convert; }
    [[nodiscard]] SessionKeysPage* sessionKeysPage() const { return m_sessionKeys; }
    [[nodiscard]] IssuerKeysPage* issuerKeysPage() const { return m_issuerKeys; }
    /// The message line's text.
    [[nodiscard]] QString lastMessage() const;

Q_SIGNALS:
    /// Fill the main window's signing (or verification) key input with this key.
    void useForSigning(const assay::Key& key);
    void useForVerifying(const assay::Key& key);

public Q_SLOTS:
    void showMessage(const QString& text);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void addToSession(const Key& key, const QString& name);

    SessionKeyRing& m_ring;
    QSettings& m_settings;
    QTabWidget* m_tabs;
    KeyGeneratePage* m_generate;
    KeyInspectPage* m_inspect;
    KeyConvertPage* m_convert;
    SessionKeysPage* m_sessionKeys;
    IssuerKeysPage* m_issuerKeys;
    QLabel* m_messageLabel;
    QTimer* m_messageTimer;
};

} // namespace assay::ui
