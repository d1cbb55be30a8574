// SPDX-License-Identifier: Apache-2.0
#include "audit/AttackVariantsMenu.h"

#include "audit/AttackVariantDialog.h"

#include "crypto/SecureBytes.h"
#include "jwk/KeyGenerator.h"
#include "jwk/KeyLoader.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace assay::ui {
namespace {

constexpr qint64 kMaxPublicKeyFileBytes = 1024 * 1024; // a PEM public key is a few kilobytes

QString actionTitle(AttackKind kind)
{
    switch (kind) {
    case AttackKind::AlgNone:
        return AttackVariantsMenu::tr("alg: &none and its case variants");
    case AttackKind::EmptySignature:
        return AttackVariantsMenu::tr("&Empty signature");
    case AttackKind::HmacPublicKey:
        return AttackVariantsMenu::tr("&HMAC signed with the public key…");
    case AttackKind::EmbeddedJwk:
        return AttackVariantsMenu::tr("Embedded &JWK with a fresh key");
    case AttackKind::JkuUrl:
        return AttackVariantsMenu::tr("jk&u pointing at your URL…");
    case AttackKind::X5uUrl:
        return AttackVariantsMenu::tr("&x5u pointing at your URL…");
    case AttackKind::KidInjection:
        return AttackVariantsMenu::tr("&kid injection payloads");
    case AttackKind::PsychicSignature:
        return AttackVariantsMenu::tr("&Psychic signature (r = s = 0)");
    case AttackKind::B64Flip:
        return AttackVariantsMenu::tr("&b64 flip");
    }
    return {};
}

QString attackIds(AttackKind kind)
{
    switch (kind) {
    case AttackKind::AlgNone:
        return QStringLiteral("A01, A02");
    case AttackKind::EmptySignature:
        return QStringLiteral("A03");
    case AttackKind::HmacPublicKey:
        return QStringLiteral("A04");
    case AttackKind::EmbeddedJwk:
        return QStringLiteral("A06");
    case AttackKind::JkuUrl:
    case AttackKind::X5uUrl:
        return QStringLiteral("A07");
    case AttackKind::KidInjection:
        return QStringLiteral("A09");
    case AttackKind::PsychicSignature:
        return QStringLiteral("A12");
    case AttackKind::B64Flip:
        return QStringLiteral("A18");
    }
    return {};
}

// What the action needs besides the token, for its tooltip.
QString inputNote(AttackKind kind)
{
    switch (kind) {
    case AttackKind::HmacPublicKey:
        return AttackVariantsMenu::tr("Uses the public key in the verification key input, or asks for its PEM file.");
    case AttackKind::JkuUrl:
    case AttackKind::X5uUrl:
        return AttackVariantsMenu::tr("Asks for the URL you host the key at; Assay never fetches it.");
    default:
        return {};
    }
}

// The original's public key for hmac-public-key from key text (an input or a file), exactly as the server would hold
// it. Only an asymmetric key qualifies: an HMAC secret in the verification input would make a correctly signed
// token, not an attack. A private key is reduced to its public half (the core writes its SPKI PEM).
Result<void> takePublicKey(QByteArrayView text, AttackOptions& options)
{
    Result<KeySet> keys = loadKeys(text);
    if (!keys)
        return fail(keys.error());
    if (keys->isEmpty() || keys->keys.front().isSymmetric())
        return fail(ErrorCode::Usage, AttackVariantsMenu::tr("not a public key (RSA, EC or OKP)"), Segment::Key);
    const Key& key = keys->keys.front();
    if (key.hasPrivate()) {
        options.publicKey = key.publicKey();
        options.publicKeyText.clear();
    } else {
        options.publicKeyText = text.toByteArray();
    }
    return {};
}

} // namespace

AttackVariantsMenu::AttackVariantsMenu(QWidget* parent)
    : QMenu(tr("&Attack Variants"), parent)
{
    setObjectName(QStringLiteral("attackVariantsMenu"));
    setToolTipsVisible(true);
    auto* note = addAction(tr("For authorized testing; Assay rejects them all"));
    note->setObjectName(QStringLiteral("attackVariantsNote"));
    note->setEnabled(false);
    addSeparator();
    for (AttackKind kind : allAttackKinds()) {
        auto* action = addAction(QStringLiteral("%1\t%2").arg(actionTitle(kind), attackIds(kind)));
        action->setObjectName(QStringLiteral("attackAction_%1").arg(attackKindName(kind)));
        m_actions.insert(kind, action);
        connect(action, &QAction::triggered, this, [this, kind] { run(kind); });
    }
    updateActions();
}

AttackVariantDialog* AttackVariantsMenu::lastDialog() const
{
    return m_lastDialog;
}

AttackVariantsMenu::~AttackVariantsMenu() = default;

void AttackVariantsMenu::setToken(const ParsedToken& token)
{
    m_token = token;
    m_tokenError.clear();
    updateActions();
}

void AttackVariantsMenu::setTokenText(QByteArrayView text)
{
    Result<ParsedToken> parsed = parseToken(text);
    if (parsed) {
        setToken(*parsed);
        return;
    }
    m_token.reset();
    m_tokenError = parsed.error().message;
    updateActions();
}

void AttackVariantsMenu::clearToken()
{
    m_token.reset();
    m_tokenError.clear();
    updateActions();
}

void AttackVariantsMenu::setPublicKeyProvider(std::function<QByteArray()> provider)
{
    m_publicKeyProvider = std::move(provider);
}

void AttackVariantsMenu::setDialogParent(QWidget* parent)
{
    m_dialogParent = parent;
}

QWidget* AttackVariantsMenu::dialogParent() const
{
    return m_dialogParent ? m_dialogParent.data() : parentWidget();
}

void AttackVariantsMenu::updateActions()
{
    // Which kinds apply is found by making them with stand-in inputs: the core's own checks say why not, and they
    // are cheap (HMAC and one P-256 signature; the stand-in key is made once, in microseconds).
    AttackOptions probe;
    probe.publicKeyText = QByteArrayLiteral("stand-in public key");
    probe.keyUrl = QStringLiteral("https://stand-in.invalid/key");
    if (m_token && m_probeKey.isNull()) {
        if (Result<Key> key = generateKey(KeyType::EC, Curve::P256))
            m_probeKey = *key;
    }
    probe.attackerKey = m_probeKey;

    for (AttackKind kind : allAttackKinds()) {
        QAction* action = m_actions.value(kind);
        QString reason;
        QString explanation;
        if (!m_token) {
            reason = m_tokenError.isEmpty() ? tr("Open a token first.") : tr("Not a token: %1").arg(m_tokenError);
        } else if (Result<QList<AttackVariant>> made = makeAttackVariants(kind, *m_token, probe); !made) {
            reason = made.error().message;
        } else if (!made->isEmpty()) {
            explanation = made->front().explanation;
        }
        m_reasons.insert(kind, reason);
        action->setEnabled(reason.isEmpty());
        const QString head =
            QStringLiteral("%1 (ATTACKS.md %2)").arg(actionTitle(kind).remove(QLatin1Char('&')), attackIds(kind));
        QString tip;
        if (!reason.isEmpty()) {
            tip = tr("%1: does not apply: %2").arg(head, reason);
        } else {
            tip = QStringLiteral("%1: %2.").arg(head, explanation);
            if (const QString needs = inputNote(kind); !needs.isEmpty())
                tip += QLatin1Char(' ') + needs;
        }
        action->setToolTip(tip);
        action->setStatusTip(tip);
    }
}

void AttackVariantsMenu::run(AttackKind kind)
{
    if (!m_token || !m_reasons.value(kind).isEmpty()) {
        Q_EMIT message(tr("%1 does not apply: %2").arg(attackKindName(kind), m_reasons.value(kind)));
        return;
    }
    switch (kind) {
    case AttackKind::JkuUrl:
    case AttackKind::X5uUrl:
        askUrl(kind);
        return;
    case AttackKind::HmacPublicKey: {
        AttackOptions options;
        const QByteArray text = m_publicKeyProvider ? m_publicKeyProvider() : QByteArray();
        if (!text.trimmed().isEmpty() && takePublicKey(text, options)) {
            generate(kind, options);
            return;
        }
        askPublicKeyFile();
        return;
    }
    default:
        generate(kind, {});
        return;
    }
}

void AttackVariantsMenu::askUrl(AttackKind kind)
{
    const bool jku = kind == AttackKind::JkuUrl;
    // open(), not getText(): no nested event loop; the dialog deletes itself.
    auto* dialog = new QInputDialog(dialogParent());
    dialog->setObjectName(QStringLiteral("attackUrlDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(jku ? tr("jku variant") : tr("x5u variant"));
    dialog->setLabelText(jku ? tr("The URL you will serve the JWK Set at (Assay never fetches it):")
                             : tr("The URL you will serve the certificate at (Assay never fetches it):"));
    dialog->setTextValue(jku ? QStringLiteral("https://attacker.example/jwks.json")
                             : QStringLiteral("https://attacker.example/cert.pem"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, kind](const QString& value) {
        const QString url = value.trimmed();
        if (url.isEmpty()) {
            Q_EMIT message(tr("No URL given: nothing made"));
            return;
        }
        AttackOptions options;
        options.keyUrl = url;
        generate(kind, options);
    });
    dialog->open();
}

void AttackVariantsMenu::askPublicKeyFile()
{
    auto* dialog = new QFileDialog(dialogParent(), tr("Open the token's public key"));
    dialog->setObjectName(QStringLiteral("attackPublicKeyFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Public keys (*.pem *.pub *.crt *.cer *.der *.jwk *.json)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &AttackVariantsMenu::usePublicKeyFile);
    dialog->open();
}

void AttackVariantsMenu::usePublicKeyFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT message(tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return;
    }
    if (file.size() > kMaxPublicKeyFileBytes) {
        Q_EMIT message(tr("%1 is too large for a public key").arg(QFileInfo(path).fileName()));
        return;
    }
    QByteArray text = file.readAll();
    AttackOptions options;
    if (Result<void> taken = takePublicKey(text, options); !taken) {
        wipe(text); // whatever it was, it does not stay around
        Q_EMIT message(tr("%1: %2").arg(QFileInfo(path).fileName(), taken.error().message));
        return;
    }
    generate(AttackKind::HmacPublicKey, options);
}

void AttackVariantsMenu::generate(AttackKind kind, const AttackOptions& options)
{
    if (!m_token)
        return;
    auto* watcher = new QFutureWatcher<Result<QList<AttackVariant>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, kind, watcher] { onGenerated(kind, watcher); });
    ++m_pending;
    Q_EMIT message(tr("Making the %1 variants…").arg(attackKindName(kind)));
    // A copy of the token goes to the worker: the original is never touched.
    watcher->setFuture(QtConcurrent::run([kind, token = *m_token, options]() -> Result<QList<AttackVariant>> {
        return makeAttackVariants(kind, token, options);
    }));
}

void AttackVariantsMenu::onGenerated(AttackKind kind, QFutureWatcher<Result<QList<AttackVariant>>>* watcher)
{
    --m_pending;
    const Result<QList<AttackVariant>> made = watcher->result();
    watcher->deleteLater();
    if (!made) {
        Q_EMIT message(tr("%1 does not apply: %2").arg(attackKindName(kind), made.error().message));
        return;
    }
    auto* dialog = new AttackVariantDialog(*made, dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Attack variants: %1").arg(attackKindName(kind)));
    connect(dialog, &AttackVariantDialog::openVariant, this, &AttackVariantsMenu::openVariant);
    connect(dialog, &AttackVariantDialog::message, this, &AttackVariantsMenu::message);
    m_lastDialog = dialog;
    dialog->show();
    Q_EMIT message(tr("Made %n attack variant(s)", nullptr, static_cast<int>(made->size())));
    Q_EMIT variantsShown(dialog);
}

} // namespace assay::ui
