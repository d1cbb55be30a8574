// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/AttackVariants.h"
#include "base/Result.h"
#include "jwk/Key.h"
#include "token/ParsedToken.h"

#include <QMap>
#include <QMenu>
#include <QPointer>

#include <functional>
#include <optional>

template <typename T> class QFutureWatcher;

namespace assay::ui {

class AttackVariantDialog;

/// The "Attack variants" submenu (issue 5), for authorized testing: one action per AttackKind, each naming its
/// ATTACKS.md entry, with what a vulnerable verifier does as tooltip and status tip. Actions that do not apply to the
/// current token are disabled, the reason in their tooltip (setToken() updates them). Actions that need input ask
/// for it without a nested event loop: jku/x5u a URL (never fetched); hmac-public-key the original's public key,
/// taken from the public-key provider when it holds an asymmetric key, otherwise from a PEM file the user opens.
/// The variants are made off the UI thread (the fresh RSA key of embedded-jwk/jku/x5u takes hundreds of
/// milliseconds) and shown in an AttackVariantDialog; its "Open in new window" is forwarded as openVariant().
class AttackVariantsMenu : public QMenu
{
    Q_OBJECT

public:
    explicit AttackVariantsMenu(QWidget* parent = nullptr);
    ~AttackVariantsMenu() override;

    /// The token the variants are made from (copied; never modified). Updates which actions apply.
    void setToken(const ParsedToken& token);
    /// Parses `text` first; text that is no token disables every action, saying why.
    void setTokenText(QByteArrayView text);
    void clearToken();

    /// Where hmac-public-key takes the original's public key text (e.g. the main window's verification key input).
    /// The text is used only when it loads as an asymmetric key; an HMAC secret there is never used.
    void setPublicKeyProvider(std::function<QByteArray()> provider);
    /// Where the dialogs open (default: the menu's parent widget).
    void setDialogParent(QWidget* parent);

    [[nodiscard]] QAction* action(AttackKind kind) const { return m_actions.value(kind); }
    /// Why `kind` does not apply to the current token (empty when it does).
    [[nodiscard]] QString disabledReason(AttackKind kind) const { return m_reasons.value(kind); }
    /// True while variants are being made.
    [[nodiscard]] bool isGenerating() const { return m_pending > 0; }
    /// The variant dialog opened last (null when none is open).
    [[nodiscard]] AttackVariantDialog* lastDialog() const;

    /// What choosing the action does: asks for input when the kind needs it, then makes the variants.
    void run(AttackKind kind);
    /// Makes the variants of `kind` with `options` off the UI thread and shows them.
    void generate(AttackKind kind, const AttackOptions& options);

Q_SIGNALS:
    /// "Open in new window" in a variant dialog: open `variant.token` as a new token, labelled `variant.label`.
    void openVariant(const assay::AttackVariant& variant);
    /// Progress and failures, for a status bar.
    void message(const QString& text);
    /// A variant dialog was opened.
    void variantsShown(assay::ui::AttackVariantDialog* dialog);

private:
    void updateActions();
    void askUrl(AttackKind kind);
    void askPublicKeyFile();
    void usePublicKeyFile(const QString& path);
    void onGenerated(AttackKind kind, QFutureWatcher<Result<QList<AttackVariant>>>* watcher);
    [[nodiscard]] QWidget* dialogParent() const;

    std::optional<ParsedToken> m_token;
    QString m_tokenError;
    QMap<AttackKind, QAction*> m_actions;
    QMap<AttackKind, QString> m_reasons;
    std::function<QByteArray()> m_publicKeyProvider;
    QPointer<QWidget> m_dialogParent;
    QPointer<AttackVariantDialog> m_lastDialog;
    Key m_probeKey; // a P-256 key for checking which key-based kinds apply, made once
    int m_pending = 0;
};

} // namespace assay::ui
