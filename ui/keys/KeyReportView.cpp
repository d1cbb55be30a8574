// SPDX-License-Identifier: Apache-2.0
#include "keys/KeyReportView.h"

#include "DisplayText.h"
#include "PartColors.h"
#include "keys/KeyText.h"

#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStyle>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace assay::ui {
namespace {

QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("(unreadable)");
}

QString esc(const QString& text)
{
    return clipped(text, 2000).toHtmlEscaped();
}

QString altNames(const SubjectAltNames& names)
{
    QStringList parts;
    for (const QString& n : names.dns)
        parts.append(QStringLiteral("DNS:") + n);
    for (const QString& n : names.ip)
        parts.append(QStringLiteral("IP Address:") + n);
    for (const QString& n : names.email)
        parts.append(QStringLiteral("email:") + n);
    for (const QString& n : names.uri)
        parts.append(QStringLiteral("URI:") + n);
    parts.append(names.other);
    return parts.join(QStringLiteral(", "));
}

} // namespace

KeyReportView::KeyReportView(QWidget* parent)
    : QWidget(parent)
    , m_grid(new QGridLayout)
    , m_jwkLabel(new QLabel(tr("Public JWK"), this))
    , m_publicJwk(new QPlainTextEdit(this))
    , m_certificateLabel(new QLabel(tr("Certificates"), this))
    , m_certificates(new QTextBrowser(this))
    , m_findingsLabel(new QLabel(tr("Findings"), this))
    , m_findings(new QListWidget(this))
{
    setObjectName(QStringLiteral("keyReportView"));
    setAccessibleName(tr("Inspected key"));
    // Two label/field pairs per row where the values are short, one where they are long.
    m_source = addField(QStringLiteral("Source"), tr("Found in"), 0, 0);
    m_part = addField(QStringLiteral("Part"), tr("Part"), 0, 2);
    m_key = addField(QStringLiteral("Key"), tr("Key"), 1, 0);
    m_shape = addField(QStringLiteral("Shape"), tr("Type, curve, size"), 1, 2);
    m_kid = addField(QStringLiteral("Kid"), tr("kid"), 2, 0, 3);
    m_alg = addField(QStringLiteral("Alg"), tr("alg"), 3, 0);
    m_use = addField(QStringLiteral("Use"), tr("use"), 3, 2);
    m_exponent = addField(QStringLiteral("Exponent"), tr("RSA public exponent"), 4, 0, 3);
    m_exponentLabel = qobject_cast<QLabel*>(m_grid->itemAtPosition(4, 0)->widget());
    m_thumbprint256 = addField(QStringLiteral("Thumbprint256"), tr("Thumbprint SHA-256"), 5, 0, 3);
    m_thumbprint384 = addField(QStringLiteral("Thumbprint384"), tr("Thumbprint SHA-384"), 6, 0, 3);
    m_thumbprint512 = addField(QStringLiteral("Thumbprint512"), tr("Thumbprint SHA-512"), 7, 0, 3);
    m_thumbprintUri = addField(QStringLiteral("ThumbprintUri"), tr("Thumbprint URI"), 8, 0, 3);
    m_thumbprintUri->setToolTip(tr("RFC 9278 JWK thumbprint URI (SHA-256)"));
    m_grid->setColumnStretch(1, 3);
    m_grid->setColumnStretch(3, 2);
    for (QLineEdit* field : {m_thumbprint256, m_thumbprint384, m_thumbprint512})
        field->setToolTip(tr("RFC 7638 JWK thumbprint, base64url"));

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_publicJwk->setObjectName(QStringLiteral("inspectPublicJwkView"));
    m_publicJwk->setAccessibleName(tr("Public JWK"));
    m_publicJwk->setReadOnly(true);
    m_publicJwk->setTabChangesFocus(true);
    m_publicJwk->setFont(mono);
    m_publicJwk->setMaximumHeight(80);
    m_jwkLabel->setBuddy(m_publicJwk);
    m_certificates->setObjectName(QStringLiteral("inspectCertificateView"));
    m_certificates->setAccessibleName(tr("Certificates"));
    m_certificates->setOpenLinks(false);
    m_certificates->setMinimumHeight(80);
    m_certificateLabel->setBuddy(m_certificates);
    m_findings->setObjectName(QStringLiteral("inspectFindingsList"));
    m_findings->setAccessibleName(tr("Findings"));
    m_findings->setWordWrap(true);
    m_findings->setSelectionMode(QAbstractItemView::SingleSelection);
    m_findings->setMinimumHeight(48);
    m_findingsLabel->setBuddy(m_findings);

    // Findings and certificates share the spare height, each scrolling on its own.
    auto* findingsPane = new QWidget(this);
    auto* findingsLayout = new QVBoxLayout(findingsPane);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addWidget(m_findingsLabel);
    findingsLayout->addWidget(m_findings, 1);
    auto* certificatesPane = new QWidget(this);
    auto* certificatesLayout = new QVBoxLayout(certificatesPane);
    certificatesLayout->setContentsMargins(0, 0, 0, 0);
    certificatesLayout->addWidget(m_certificateLabel);
    certificatesLayout->addWidget(m_certificates, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("inspectDetailsSplitter"));
    splitter->addWidget(findingsPane);
    splitter->addWidget(certificatesPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_grid);
    layout->addWidget(m_jwkLabel);
    layout->addWidget(m_publicJwk);
    layout->addWidget(splitter, 1);
    showReport(nullptr, {}, {});
}

QLineEdit* KeyReportView::addField(const QString& name, const QString& label, int row, int column, int span)
{
    auto* field = new QLineEdit(this);
    field->setObjectName(QStringLiteral("inspect%1Field").arg(name));
    field->setAccessibleName(label);
    field->setReadOnly(true);
    if (name.startsWith(QLatin1String("Thumbprint")) || name == QLatin1String("Kid"))
        field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* caption = new QLabel(label, this);
    caption->setBuddy(field);
    m_grid->addWidget(caption, row, column);
    m_grid->addWidget(field, row, column + 1, 1, span);
    return field;
}

void KeyReportView::showReport(const KeyReport* report, const QList<KeyFinding>& setFindings, const QDateTime& at)
{
    m_report = report ? std::optional<KeyReport>(*report) : std::nullopt;
    m_setFindings = setFindings;
    m_at = at;
    render();
}

void KeyReportView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render(); // colours follow the theme
}

void KeyReportView::render()
{
    const KeyReport* r = m_report ? &*m_report : nullptr;
    const bool loaded = r && r->loaded();
    const Key& k = loaded ? r->key : Key();
    m_source->setText(r ? r->source : QString());
    if (r && !loaded)
        m_key->setText(tr("not loaded: %1").arg(r->loadError ? r->loadError->message : tr("unusable key")));
    else
        m_key->setText(loaded ? k.description() : QString());
    QString shape;
    if (loaded) {
        shape = keyTypeName(k.type());
        if (k.curve() != Curve::None)
            shape += QStringLiteral(", ") + curveName(k.curve());
        shape += tr(", %n bit(s)", nullptr, k.bits());
    }
    m_shape->setText(shape);
    m_part->setText(loaded ? (k.isSymmetric() ? tr("secret (an HMAC key is all secret)")
                                              : (k.hasPrivate() ? tr("private (with its public part)") : tr("public")))
                           : QString());
    m_exponent->setText(r && r->rsaExponent ? QString::number(*r->rsaExponent) : QString());
    m_exponent->setVisible(r && r->rsaExponent);
    m_exponentLabel->setVisible(r && r->rsaExponent);
    m_kid->setText(loaded ? k.kid() : QString());
    m_alg->setText(loaded ? k.alg() : QString());
    m_use->setText(loaded ? k.use() : QString());
    m_kid->setPlaceholderText(loaded ? tr("(none)") : QString());
    m_alg->setPlaceholderText(loaded ? tr("(none)") : QString());
    m_use->setPlaceholderText(loaded ? tr("(none)") : QString());
    m_thumbprint256->setText(r ? r->thumbprintSha256 : QString());
    m_thumbprint384->setText(r ? r->thumbprintSha384 : QString());
    m_thumbprint512->setText(r ? r->thumbprintSha512 : QString());
    m_thumbprintUri->setText(r ? r->thumbprintUri : QString());
    for (QLineEdit* f : {m_source, m_key, m_shape, m_part, m_kid, m_thumbprint256, m_thumbprintUri})
        f->setCursorPosition(0);

    const bool hasJwk = r && !r->publicJwk.isEmpty();
    m_publicJwk->setPlainText(hasJwk ? QString::fromUtf8(r->publicJwk) : QString());
    m_jwkLabel->setVisible(hasJwk);
    m_publicJwk->setVisible(hasJwk);

    const bool hasCerts = r && (!r->chain.isEmpty() || !r->x5t.isEmpty() || !r->x5tS256.isEmpty());
    m_certificates->setHtml(hasCerts ? certificateHtml(*r) : QString());
    m_certificateLabel->setVisible(hasCerts);
    m_certificates->setVisible(hasCerts);

    // Findings: the key's own, then those about the whole input. Severity has an icon and a colour, and the
    // text says it too, so neither colour nor icon alone carries the meaning.
    const PartColors colors = PartColors::forPalette(palette());
    m_findings->clear();
    auto add = [this, &colors](const KeyFinding& f, const QString& prefix) {
        QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
        QColor colour = colors.neutral;
        if (f.severity == FindingSeverity::Error) {
            icon = QStyle::SP_MessageBoxCritical;
            colour = colors.bad;
        } else if (f.severity == FindingSeverity::Warning) {
            icon = QStyle::SP_MessageBoxWarning;
            colour = colors.warning;
        }
        auto* item = new QListWidgetItem(
            style()->standardIcon(icon),
            QStringLiteral("%1%2 %3: %4")
                .arg(prefix, findingSeverityName(f.severity), keyFindingCodeName(f.code), clipped(f.message)),
            m_findings);
        item->setForeground(colour);
        item->setToolTip(f.message);
    };
    if (r) {
        for (const KeyFinding& f : r->findings)
            add(f, QString());
    }
    for (const KeyFinding& f : m_setFindings)
        add(f, tr("key set: "));
    if (r && m_findings->count() == 0) {
        auto* item = new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton),
                                         tr("No findings: nothing weak or inconsistent was seen."), m_findings);
        item->setForeground(colors.good);
    }
    const bool anyFindings = m_findings->count() > 0;
    m_findingsLabel->setVisible(anyFindings);
    m_findings->setVisible(anyFindings);
}

QString KeyReportView::certificateHtml(const KeyReport& r) const
{
    const PartColors colors = PartColors::forPalette(palette());
    const QString good = colors.good.name();
    const QString bad = colors.bad.name();
    auto mark = [](const QString& colour, bool ok, const QString& text) {
        return QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
            .arg(colour, ok ? QStringLiteral("\u2714") : QStringLiteral("\u2716"), text.toHtmlEscaped());
    };
    auto row = [](const QString& label, const QString& valueHtml) {
        return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), valueHtml);
    };
    QString html;
    const QList<CertificateDetails>& certs = r.chain.certificates;
    for (qsizetype i = 0; i < certs.size(); ++i) {
        const CertificateDetails& c = certs.at(i);
        html += QStringLiteral("<p><b>%1</b></p><table>")
                    .arg(tr("Certificate %1 of %2%3")
                             .arg(i + 1)
                             .arg(certs.size())
                             .arg(i == 0 ? tr(" (leaf)") : QString())
                             .toHtmlEscaped());
        html += row(tr("Subject"), esc(c.subject));
        html += row(tr("Issuer"), esc(c.issuer));
        html += row(tr("Serial"), esc(c.serialHex));
        QString validity;
        switch (c.validityAt(m_at)) {
        case CertificateValidity::Valid:
            validity = mark(good, true, tr("valid now"));
            break;
        case CertificateValidity::Expired:
            validity = mark(bad, false, tr("EXPIRED"));
            break;
        case CertificateValidity::NotYetValid:
            validity = mark(bad, false, tr("NOT YET VALID"));
            break;
        }
        html +=
            row(tr("Validity"),
                QStringLiteral("%1 \u2013 %2 &nbsp; %3").arg(esc(iso(c.notBefore)), esc(iso(c.notAfter)), validity));
        const QString sans = altNames(c.subjectAltNames);
        html += row(tr("Alternative names"), sans.isEmpty() ? tr("(none)") : esc(sans));
        html += row(tr("Signature algorithm"), esc(c.signatureAlgorithm));
        html += row(tr("Self-signed"), c.selfSigned ? tr("yes") : tr("no"));
        html += row(tr("CA"), c.isCa ? tr("yes") : tr("no"));
        if (i < r.chain.links.size()) {
            const ChainLink& link = r.chain.links.at(i);
            html += row(tr("Signed by next"),
                        link.signatureVerifies
                            ? mark(good, true, tr("yes, by certificate %1").arg(i + 2))
                            : mark(bad, false,
                                   tr("no: certificate %1 did not sign it%2")
                                       .arg(i + 2)
                                       .arg(link.issuerNameMatches ? QString() : tr(" (and the names differ)"))));
        }
        html += row(tr("Public key"), esc(c.publicKeyDescription));
        html += row(tr("SHA-256 fingerprint"), QStringLiteral("<tt>%1</tt>").arg(esc(c.sha256Fingerprint)));
        html += row(tr("x5t#S256 / x5t"), QStringLiteral("<tt>%1</tt> / <tt>%2</tt>").arg(esc(c.x5tS256), esc(c.x5t)));
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<table>");
    if (r.leafMatchesKey)
        html += row(tr("Leaf holds this key"),
                    *r.leafMatchesKey ? mark(good, true, tr("yes")) : mark(bad, false, tr("NO: another key")));
    // x5t and x5t#S256 (RFC 7517 sections 4.8, 4.9) against the first certificate, as the core computed them.
    auto thumbprintCheck = [&](const QString& label, const QString& given, bool s256) {
        if (given.isEmpty())
            return;
        QString verdict;
        if (certs.isEmpty())
            verdict = tr("not checked: no x5c certificate to compare with").toHtmlEscaped();
        else if (given == (s256 ? certs.front().x5tS256 : certs.front().x5t))
            verdict = mark(good, true, tr("matches the first certificate"));
        else
            verdict = mark(bad, false, tr("does NOT match the first certificate"));
        html += row(label, QStringLiteral("<tt>%1</tt> &nbsp; %2").arg(esc(given), verdict));
    };
    thumbprintCheck(QStringLiteral("x5t"), r.x5t, false);
    thumbprintCheck(QStringLiteral("x5t#S256"), r.x5tS256, true);
    html += QStringLiteral("</table>");
    return html;
}

} // namespace assay::ui
