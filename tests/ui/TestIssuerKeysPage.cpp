// SPDX-License-Identifier: Apache-2.0
// The key workbench's Issuer keys tab (issue 4 "Key sets from an issuer — only when the user asks"), driven offscreen
// by objectName against the real local HTTP and HTTPS server of the network tests (tests/net/jwks_server.py, with a
// self-signed certificate made by the openssl CLI). The served set is RFC 7517 Appendix A.1 (published vector,
// latchset-jose); the expected thumbprints are computed here from that file as RFC 7638 section 3 says, and the RSA
// key's is the one printed in RFC 7638 section 3.1. Whether a connection was made is checked with a plain listening
// socket of the test's own, never by asking the page.
#include "LocalJwksServer.h"
#include "Vectors.h"

#include "keys/FetchedKeysView.h"
#include "keys/IssuerKeysPage.h"
#include "keys/JwksCacheView.h"
#include "keys/JwksFetchJob.h"
#include "keys/KeyWorkbench.h"
#include "keys/SessionKeyRing.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

using namespace assay;
using namespace assay::test;
using namespace assay::ui;

namespace {

constexpr int kFetchWaitMs = 30000; // a generous bound for a loaded machine, not a timing assertion

// RFC 7638 section 3, from the JWK's JSON (not by the core): required members in lexicographic order, SHA-256.
QString rfc7638Thumbprint(const QJsonObject& jwk)
{
    const QString kty = jwk.value(QStringLiteral("kty")).toString();
    QStringList members;
    if (kty == QLatin1String("RSA"))
        members = {QStringLiteral("e"), QStringLiteral("kty"), QStringLiteral("n")};
    else if (kty == QLatin1String("EC"))
        members = {QStringLiteral("crv"), QStringLiteral("kty"), QStringLiteral("x"), QStringLiteral("y")};
    QStringList parts;
    for (const QString& m : members)
        parts.append(QStringLiteral("\"%1\":\"%2\"").arg(m, jwk.value(m).toString()));
    const QByteArray canonical = (QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}')).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A TCP socket listening on 127.0.0.1 that nobody answers: it tells whether anything tried to connect.
class ListeningSocket
{
public:
    ListeningSocket()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_fd, 8) != 0)
            return;
        socklen_t len = sizeof addr;
        if (::getsockname(m_fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
            m_port = ntohs(addr.sin_port);
    }
    ~ListeningSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    ListeningSocket(const ListeningSocket&) = delete;
    ListeningSocket& operator=(const ListeningSocket&) = delete;

    [[nodiscard]] int port() const { return m_port; }
    /// True when a connection is waiting to be accepted after `waitMs`.
    [[nodiscard]] bool hasPendingConnection(int waitMs = 0) const
    {
        pollfd p{m_fd, POLLIN, 0};
        return ::poll(&p, 1, waitMs) == 1 && (p.revents & POLLIN) != 0;
    }
    /// Accepts one waiting connection and closes it at once (the client sees no response).
    void acceptAndClose() const
    {
        const int c = ::accept(m_fd, nullptr, nullptr);
        if (c >= 0)
            ::close(c);
    }

private:
    int m_fd = -1;
    int m_port = 0;
};

} // namespace

class TestIssuerKeysPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void theTabIsThere();
    void previewShowsTheExactUrlAndNothingConnectsBeforeConsent();
    void discoveryPreviewListsBothWellKnownUrls();
    void setIssuerPrefillsWithoutFetching();
    void refusedUrlsAreExplained_data();
    void refusedUrlsAreExplained();
    void httpToLocalhostOnlyWhenTicked();
    void successFillsTheKeyTableAndTheCache();
    void discoveryAndRedirectsAreShown();
    void errorsAreExplained_data();
    void errorsAreExplained();
    void selfSignedTrustedThroughTheCaFile();
    void cancelLeavesTheUiUsableAtOnce();
    void closingDuringAFetchIsSafe();
    void keepCopyOffStoresNothing();
    void loadFromCacheWithTheServerStopped();
    void removeAndRemoveAllEmptyTheCache();
    void addToSessionAndUseForVerifying();
    void saveWritesTheBytesAsReceived();
    void everyControlIsNamed();

private:
    template <typename T> T* child(const char* name) const
    {
        return m_workbench->findChild<T*>(QString::fromLatin1(name));
    }
    void openWorkbench();
    void reopen();
    void typeInput(const QString& text);
    void useIssuer(bool issuer);
    // Clicks Fetch (consent answered by m_answer) and waits for the end; false when it did not end.
    bool fetch();
    bool fetchUrl(const QString& url, bool trustServer = true);
    [[nodiscard]] QString errorText() const { return child<QLabel>("issuerErrorLabel")->text(); }
    [[nodiscard]] QTableWidget* keyTable() const { return child<QTableWidget>("issuerKeysTable"); }
    [[nodiscard]] QTableWidget* cacheTable() const { return child<QTableWidget>("jwksCacheTable"); }
    void grab(const QString& name);

    LocalJwksServer m_server;
    QJsonArray m_servedKeys;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SessionKeyRing> m_ring;
    std::unique_ptr<KeyWorkbench> m_workbench;
    IssuerKeysPage* m_page = nullptr;
    QStringList m_questions; // every confirmation asked
    bool m_answer = true;
};

void TestIssuerKeysPage::initTestCase()
{
    ASSAY_REQUIRE_VECTORS();
    QStandardPaths::setTestModeEnabled(true);
    m_servedKeys = QJsonDocument::fromJson(readVectorFile(QStringLiteral("latchset-jose/rfc7517_A.1.jwkset")))
                       .object()
                       .value(QStringLiteral("keys"))
                       .toArray();
    QCOMPARE(m_servedKeys.size(), 2);
    const QString problem = m_server.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(QStringLiteral("cannot run the local test server: %1").arg(problem)));
}

void TestIssuerKeysPage::cleanupTestCase()
{
    m_server.stop();
}

void TestIssuerKeysPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_ring = std::make_unique<SessionKeyRing>();
    openWorkbench();
}

void TestIssuerKeysPage::openWorkbench()
{
    m_workbench = std::make_unique<KeyWorkbench>(*m_ring, *m_settings);
    m_workbench->showTab(KeyWorkbench::Tab::IssuerKeys);
    m_workbench->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workbench.get()));
    m_page = m_workbench->issuerKeysPage();
    QVERIFY(m_page);
    m_page->setCacheDirectory(m_dir->filePath(QStringLiteral("jwks")));
    m_questions.clear();
    m_answer = true;
    m_page->setConfirm([this](QWidget*, const QString&, const QString& text, std::function<void(bool)> answer) {
        m_questions.append(text);
        answer(m_answer);
    });
}

void TestIssuerKeysPage::reopen()
{
    // As after a restart: a new window over the same settings and cache, with no fetch left running.
    m_page = nullptr;
    m_workbench.reset();
    QVERIFY(QTest::qWaitFor([] { return JwksFetchJob::workersAlive() == 0; }, kFetchWaitMs));
    m_settings->sync();
    openWorkbench();
}

void TestIssuerKeysPage::cleanup()
{
    m_page = nullptr;
    m_workbench.reset();
    m_ring.reset();
    m_settings.reset();
    // Abandoned fetches end by themselves (within their timeout); none may outlive the test that started it.
    QVERIFY(QTest::qWaitFor([] { return JwksFetchJob::workersAlive() == 0; }, kFetchWaitMs));
    m_dir.reset();
}

void TestIssuerKeysPage::typeInput(const QString& text)
{
    auto* input = child<QLineEdit>("issuerInputEdit");
    input->setFocus();
    input->clear();
    // QTest types ASCII only; anything else arrives as an input method would deliver it.
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(input, c.toLatin1());
        else
            input->insert(QString(c));
    }
}

void TestIssuerKeysPage::useIssuer(bool issuer)
{
    QTest::mouseClick(child<QRadioButton>(issuer ? "issuerSourceIssuerRadio" : "issuerSourceUrlRadio"), Qt::LeftButton);
}

bool TestIssuerKeysPage::fetch()
{
    auto* button = child<QPushButton>("issuerFetchButton");
    if (!button->isEnabled())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    IssuerKeysPage* page = m_page;
    return QTest::qWaitFor([page] { return !page->isFetching(); }, kFetchWaitMs);
}

bool TestIssuerKeysPage::fetchUrl(const QString& url, bool trustServer)
{
    useIssuer(false);
    auto* ca = child<QLineEdit>("issuerCaFileEdit");
    ca->setText(trustServer ? m_server.certFile() : QString());
    typeInput(url);
    return fetch();
}

void TestIssuerKeysPage::grab(const QString& name)
{
    // Only when asked (ASSAY_SCREENSHOT_DIR): pictures for a person to look at, not something the test checks.
    const QString dir = qEnvironmentVariable("ASSAY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    m_workbench->grab().save(QDir(dir).filePath(name));
}

void TestIssuerKeysPage::theTabIsThere()
{
    auto* tabs = child<QTabWidget>("keyWorkbenchTabs");
    QCOMPARE(tabs->count(), 5);
    QCOMPARE(tabs->tabText(4), QStringLiteral("Issuer keys"));
    QCOMPARE(tabs->currentWidget(), m_page);
    // Nothing typed: nothing to fetch; http to this machine is off by default; a copy is kept by default.
    QVERIFY(!child<QPushButton>("issuerFetchButton")->isEnabled());
    QVERIFY(!child<QCheckBox>("issuerAllowHttpCheck")->isChecked());
    QVERIFY(child<QCheckBox>("issuerKeepCopyCheck")->isChecked());
    QVERIFY(!child<QPushButton>("issuerCancelButton")->isVisible());
    QVERIFY(child<QLabel>("jwksCacheFolderLabel")->text().contains(m_dir->filePath(QStringLiteral("jwks"))));
}

void TestIssuerKeysPage::previewShowsTheExactUrlAndNothingConnectsBeforeConsent()
{
    ListeningSocket socket;
    QVERIFY(socket.port() > 0);
    QTest::mouseClick(child<QCheckBox>("issuerAllowHttpCheck"), Qt::LeftButton);
    useIssuer(false);
    // A space and a non-ASCII letter, as typed: the preview shows the URL as it goes on the wire (RFC 3986
    // percent-encoding of UTF-8, written out here by hand).
    typeInput(QStringLiteral("http://127.0.0.1:%1/keys dir/jwks.json?t=\u00e9").arg(socket.port()));
    const QString exact = QStringLiteral("http://127.0.0.1:%1/keys%20dir/jwks.json?t=%C3%A9").arg(socket.port());
    QVERIFY2(child<QLabel>("issuerPreviewLabel")->text().contains(QStringLiteral("GET ") + exact),
             qPrintable(child<QLabel>("issuerPreviewLabel")->text()));
    QCOMPARE(m_page->plannedUrls().size(), 1);
    QVERIFY(child<QPushButton>("issuerFetchButton")->isEnabled());
    QCoreApplication::processEvents();
    QVERIFY(!socket.hasPendingConnection());

    // Fetch asks first, naming the exact URL; "No" connects nothing.
    m_answer = false;
    QTest::mouseClick(child<QPushButton>("issuerFetchButton"), Qt::LeftButton);
    QCOMPARE(m_questions.size(), 1);
    QVERIFY2(m_questions.front().contains(exact), qPrintable(m_questions.front()));
    QVERIFY(!m_page->isFetching());
    QCoreApplication::processEvents();
    QVERIFY(!socket.hasPendingConnection());
    QVERIFY(child<QLabel>("issuerStatusLabel")->text().contains(QStringLiteral("nothing was requested")));

    // The default question is a real message box whose default answer is No; Escape (No) connects nothing.
    m_page->setConfirm(askYesNo);
    QTest::mouseClick(child<QPushButton>("issuerFetchButton"), Qt::LeftButton);
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = m_workbench->findChild<QMessageBox*>(QStringLiteral("issuerConfirmBox"))) && box->isVisible());
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::No));
    QVERIFY(box->text().contains(exact));
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!box || !box->isVisible()); // it deletes itself once answered
    QVERIFY(!m_page->isFetching());
    QCoreApplication::processEvents();
    QVERIFY(!socket.hasPendingConnection());

    // Yes: now, and only now, the connection comes, and the activity shows the URL requested.
    m_page->setConfirm(
        [](QWidget*, const QString&, const QString&, std::function<void(bool)> answer) { answer(true); });
    QTest::mouseClick(child<QPushButton>("issuerFetchButton"), Qt::LeftButton);
    QVERIFY(m_page->isFetching());
    QVERIFY(socket.hasPendingConnection(kFetchWaitMs));
    QTRY_VERIFY(child<QPlainTextEdit>("issuerActivityView")->toPlainText().contains(QStringLiteral("GET ") + exact));
    // The server hangs up without a word: a connection failure, explained.
    socket.acceptAndClose();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isFetching(), kFetchWaitMs);
    QVERIFY2(errorText().contains(QStringLiteral("Connection failed")), qPrintable(errorText()));
}

void TestIssuerKeysPage::discoveryPreviewListsBothWellKnownUrls()
{
    useIssuer(true);
    typeInput(m_server.https(QStringLiteral("/tenant/")));
    // OpenID Connect Discovery 1.0 section 4 (appended to the issuer, trailing "/" removed), then RFC 8414 section 3
    // (inserted between host and path).
    const QString openId = m_server.https(QStringLiteral("/tenant/.well-known/openid-configuration"));
    const QString oauth = m_server.https(QStringLiteral("/.well-known/oauth-authorization-server/tenant"));
    const QString preview = child<QLabel>("issuerPreviewLabel")->text();
    QVERIFY2(preview.contains(QStringLiteral("GET ") + openId), qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("GET ") + oauth), qPrintable(preview));
    QVERIFY(preview.indexOf(openId) < preview.indexOf(oauth));
    QCOMPARE(m_page->plannedUrls(), (QList<QUrl>{QUrl(openId), QUrl(oauth)}));
}

void TestIssuerKeysPage::setIssuerPrefillsWithoutFetching()
{
    ListeningSocket socket;
    const QString issuer = QStringLiteral("https://127.0.0.1:%1").arg(socket.port());
    m_page->setIssuer(issuer);
    QVERIFY(child<QRadioButton>("issuerSourceIssuerRadio")->isChecked());
    QCOMPARE(child<QLineEdit>("issuerInputEdit")->text(), issuer);
    QVERIFY(child<QLabel>("issuerPreviewLabel")
                ->text()
                .contains(issuer + QStringLiteral("/.well-known/openid-configuration")));
    QVERIFY(child<QPushButton>("issuerFetchButton")->isEnabled());
    QCoreApplication::processEvents();
    QVERIFY(!socket.hasPendingConnection());
    QVERIFY(m_questions.isEmpty());
}

void TestIssuerKeysPage::refusedUrlsAreExplained_data()
{
    QTest::addColumn<bool>("issuer");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("why");
    QTest::newRow("http elsewhere") << false << QStringLiteral("http://example.com/jwks.json")
                                    << QStringLiteral("only https");
    QTest::newRow("credentials") << false << QStringLiteral("https://user:secret@example.com/jwks.json")
                                 << QStringLiteral("user name or password");
    QTest::newRow("other scheme") << false << QStringLiteral("ftp://example.com/jwks.json") << QStringLiteral("ftp");
    QTest::newRow("relative") << false << QStringLiteral("jwks.json") << QStringLiteral("not an absolute URL");
    QTest::newRow("issuer with query") << true << QStringLiteral("https://example.com/?tenant=1")
                                       << QStringLiteral("RFC 8414 section 2");
    QTest::newRow("missing CA file") << false << QStringLiteral("https://example.com/jwks.json")
                                     << QStringLiteral("does not exist");
}

void TestIssuerKeysPage::refusedUrlsAreExplained()
{
    QFETCH(bool, issuer);
    QFETCH(QString, input);
    QFETCH(QString, why);
    QTest::mouseClick(child<QCheckBox>("issuerAllowHttpCheck"), Qt::LeftButton); // allowed, yet these are refused
    useIssuer(issuer);
    if (why == QLatin1String("does not exist"))
        child<QLineEdit>("issuerCaFileEdit")->setText(m_dir->filePath(QStringLiteral("no-such-ca.pem")));
    typeInput(input);
    const QString preview = child<QLabel>("issuerPreviewLabel")->text();
    QVERIFY2(preview.contains(QStringLiteral("Will not fetch")), qPrintable(preview));
    QVERIFY2(preview.contains(why), qPrintable(preview));
    QVERIFY(!child<QPushButton>("issuerFetchButton")->isEnabled());
    QVERIFY(m_page->plannedUrls().isEmpty());
    QTest::keyClick(child<QLineEdit>("issuerInputEdit"), Qt::Key_Return);
    QVERIFY(m_questions.isEmpty());
    QVERIFY(!m_page->isFetching());
}

void TestIssuerKeysPage::httpToLocalhostOnlyWhenTicked()
{
    useIssuer(false);
    typeInput(m_server.http(QStringLiteral("/jwks.json")));
    QVERIFY(child<QLabel>("issuerPreviewLabel")->text().contains(QStringLiteral("Will not fetch")));
    QVERIFY(child<QLabel>("issuerPreviewLabel")->text().contains(QStringLiteral("Allow plain http")));
    QVERIFY(!child<QPushButton>("issuerFetchButton")->isEnabled());
    QTest::mouseClick(child<QCheckBox>("issuerAllowHttpCheck"), Qt::LeftButton);
    QVERIFY(child<QLabel>("issuerPreviewLabel")
                ->text()
                .contains(QStringLiteral("GET ") + m_server.http(QStringLiteral("/jwks.json"))));
    QVERIFY(fetch());
    QCOMPARE(keyTable()->rowCount(), 2);

    // Never remembered: a new workbench starts with it off.
    reopen();
    QVERIFY(!child<QCheckBox>("issuerAllowHttpCheck")->isChecked());
}

void TestIssuerKeysPage::successFillsTheKeyTableAndTheCache()
{
    const QString url = m_server.https(QStringLiteral("/jwks.json"));
    QVERIFY(fetchUrl(url));
    QVERIFY2(child<QLabel>("issuerErrorLabel")->isHidden(), qPrintable(errorText()));

    QTableWidget* table = keyTable();
    QCOMPARE(table->rowCount(), 2);
    for (int r = 0; r < 2; ++r) {
        const QJsonObject jwk = m_servedKeys.at(r).toObject();
        QCOMPARE(table->item(r, FetchedKeysView::KidColumn)->text(), jwk.value(QStringLiteral("kid")).toString());
        QCOMPARE(table->item(r, FetchedKeysView::KtyColumn)->text(), jwk.value(QStringLiteral("kty")).toString());
        QCOMPARE(table->item(r, FetchedKeysView::ThumbprintColumn)->text(), rfc7638Thumbprint(jwk));
    }
    QCOMPARE(table->item(0, FetchedKeysView::UseColumn)->text(), QStringLiteral("enc"));
    QCOMPARE(table->item(0, FetchedKeysView::SizeColumn)->text(), QStringLiteral("P-256"));
    QCOMPARE(table->item(1, FetchedKeysView::AlgColumn)->text(), QStringLiteral("RS256"));
    QCOMPARE(table->item(1, FetchedKeysView::SizeColumn)->text(), QStringLiteral("2048 bits"));
    // RFC 7638 section 3.1 prints this key's thumbprint.
    QCOMPARE(table->item(1, FetchedKeysView::ThumbprintColumn)->text(),
             QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));

    const QString details = child<QLabel>("issuerResultDetailsLabel")->text();
    QVERIFY2(details.contains(url), qPrintable(details));
    QVERIFY(details.contains(QStringLiteral("application/jwk-set+json")));
    QVERIFY(child<QLabel>("issuerResultOriginLabel")->text().contains(QStringLiteral("Fetched")));
    QVERIFY(child<QLabel>("issuerStatusLabel")->text().contains(QStringLiteral("Fetched 2 keys")));
    QVERIFY(!child<QProgressBar>("issuerBusyBar")->isVisible());

    // Kept for offline use: listed, and on disk as served.
    QCOMPARE(cacheTable()->rowCount(), 1);
    QCOMPARE(cacheTable()->item(0, 0)->text(), url);
    QCOMPARE(cacheTable()->item(0, 2)->text(), QStringLiteral("2"));
    QVERIFY(cacheTable()->item(0, 1)->text().contains(QStringLiteral("just now")));
    const QStringList files = QDir(m_dir->filePath(QStringLiteral("jwks"))).entryList(QDir::Files);
    QCOMPARE(files.size(), 1);
    QFile file(QDir(m_dir->filePath(QStringLiteral("jwks"))).filePath(files.front()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject stored = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(stored.value(QStringLiteral("source")).toString(), url);
    QCOMPARE(stored.value(QStringLiteral("jwks")).toObject().value(QStringLiteral("keys")).toArray(), m_servedKeys);
    QVERIFY(details.contains(QStringLiteral("kept in")));
    grab(QStringLiteral("issuer-success.png"));
}

void TestIssuerKeysPage::discoveryAndRedirectsAreShown()
{
    // Discovery from the issuer (the server's base URL), OpenID Connect location.
    child<QLineEdit>("issuerCaFileEdit")->setText(m_server.certFile());
    useIssuer(true);
    typeInput(m_server.https());
    QVERIFY(fetch());
    QCOMPARE(keyTable()->rowCount(), 2);
    const QString activity = child<QPlainTextEdit>("issuerActivityView")->toPlainText();
    QVERIFY2(
        activity.contains(QStringLiteral("GET ") + m_server.https(QStringLiteral("/.well-known/openid-configuration"))),
        qPrintable(activity));
    QVERIFY(activity.contains(QStringLiteral("GET ") + m_server.https(QStringLiteral("/jwks.json"))));
    QVERIFY(child<QLabel>("issuerResultDetailsLabel")->text().contains(QStringLiteral("Discovery document")));

    // A redirect (https to https) is followed and shown as it happens, with its status.
    const QString target = m_server.https(QStringLiteral("/jwks.json"));
    QVERIFY(fetchUrl(m_server.https(QStringLiteral("/redirect?status=301&to=")) + target));
    QCOMPARE(keyTable()->rowCount(), 2);
    const QString hops = child<QPlainTextEdit>("issuerActivityView")->toPlainText();
    QVERIFY2(hops.contains(QStringLiteral("HTTP 301")), qPrintable(hops));
    QVERIFY(hops.contains(QStringLiteral("\u2192 ") + target));
    QVERIFY(child<QLabel>("issuerResultDetailsLabel")->text().contains(QStringLiteral("Final URL")));
    grab(QStringLiteral("issuer-redirect.png"));
}

void TestIssuerKeysPage::errorsAreExplained_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("issuer");
    QTest::addColumn<bool>("trusted");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<QString>("headline");
    QTest::addColumn<QString>("detail"); // words of the explanation that must be there
    QTest::newRow("404") << QStringLiteral("/nowhere") << false << true << 8000 << QStringLiteral("Not found")
                         << QStringLiteral("HTTP 404");
    QTest::newRow("not JSON") << QStringLiteral("/not-json") << false << true << 8000 << QStringLiteral("Not JSON")
                              << QStringLiteral("login or error page");
    QTest::newRow("no keys") << QStringLiteral("/empty-keys") << false << true << 8000 << QStringLiteral("No keys")
                             << QStringLiteral("empty array");
    QTest::newRow("too large") << QStringLiteral("/big") << false << true << 8000 << QStringLiteral("Too large")
                               << QStringLiteral("1048576");
    QTest::newRow("too large, no length") << QStringLiteral("/big-unsized") << false << true << 8000
                                          << QStringLiteral("Too large") << QStringLiteral("limit");
    QTest::newRow("redirect to http") << QStringLiteral("/redirect?to=HTTP/jwks.json") << false << true << 8000
                                      << QStringLiteral("Redirect refused") << QStringLiteral("leaves https");
    QTest::newRow("self-signed, untrusted")
        << QStringLiteral("/jwks.json") << false << false << 8000 << QStringLiteral("TLS failure")
        << QStringLiteral("self-signed certificate");
    QTest::newRow("issuer mismatch") << QStringLiteral("/evil") << true << true << 8000
                                     << QStringLiteral("Issuer mismatch") << QStringLiteral("RFC 8414 section 3.3");
    QTest::newRow("timeout") << QStringLiteral("/slow?s=4") << false << true << 1000 << QStringLiteral("Timed out")
                             << QStringLiteral("timed out");
}

void TestIssuerKeysPage::errorsAreExplained()
{
    QFETCH(QString, path);
    QFETCH(bool, issuer);
    QFETCH(bool, trusted);
    QFETCH(int, timeoutMs);
    QFETCH(QString, headline);
    QFETCH(QString, detail);
    path.replace(QStringLiteral("HTTP"), m_server.http());
    m_page->setLimits(timeoutMs, 1024 * 1024);
    child<QLineEdit>("issuerCaFileEdit")->setText(trusted ? m_server.certFile() : QString());
    useIssuer(issuer);
    typeInput(m_server.https(path));
    QVERIFY(fetch());
    const QString text = errorText();
    QVERIFY2(child<QLabel>("issuerErrorLabel")->isVisible(), qPrintable(text));
    QVERIFY2(text.contains(headline), qPrintable(text));
    QVERIFY2(text.contains(detail), qPrintable(text));
    // The URL is named (for issuer discovery, the document that answered), as sent.
    const QString named = m_server.https(issuer ? QStringLiteral("/evil/.well-known/openid-configuration") : QString());
    QVERIFY2(text.contains(named), qPrintable(text));
    QVERIFY(child<QLabel>("issuerStatusLabel")->text().contains(headline));
    QCOMPARE(keyTable()->rowCount(), 0);
    QCOMPARE(cacheTable()->rowCount(), 0);                         // nothing is cached from a failure
    QVERIFY(child<QPushButton>("issuerFetchButton")->isEnabled()); // ready for another go
    if (QLatin1String(QTest::currentDataTag()) == QLatin1String("self-signed, untrusted")) {
        QVERIFY(text.contains(QStringLiteral("CA file"))); // the hint says what would help
        grab(QStringLiteral("issuer-error.png"));
    }
}

void TestIssuerKeysPage::selfSignedTrustedThroughTheCaFile()
{
    QVERIFY(fetchUrl(m_server.https(QStringLiteral("/jwks.json")), false));
    QVERIFY(errorText().contains(QStringLiteral("TLS failure")));
    QVERIFY(fetchUrl(m_server.https(QStringLiteral("/jwks.json")), true));
    QVERIFY2(child<QLabel>("issuerErrorLabel")->isHidden(), qPrintable(errorText()));
    QCOMPARE(keyTable()->rowCount(), 2);
}

void TestIssuerKeysPage::cancelLeavesTheUiUsableAtOnce()
{
    child<QLineEdit>("issuerCaFileEdit")->setText(m_server.certFile());
    useIssuer(false);
    const QString slow = m_server.https(QStringLiteral("/slow?s=4"));
    typeInput(slow);
    QTest::mouseClick(child<QPushButton>("issuerFetchButton"), Qt::LeftButton);
    QVERIFY(m_page->isFetching());
    QVERIFY(child<QProgressBar>("issuerBusyBar")->isVisible());
    QVERIFY(!child<QPushButton>("issuerFetchButton")->isEnabled());
    // The URL being requested is shown while the request runs.
    QTRY_VERIFY(child<QLabel>("issuerStatusLabel")->text().contains(slow));

    QTest::mouseClick(child<QPushButton>("issuerCancelButton"), Qt::LeftButton);
    // At once, without waiting for the server: idle, and it says the connection ends by itself.
    QVERIFY(!m_page->isFetching());
    QVERIFY(!child<QProgressBar>("issuerBusyBar")->isVisible());
    QVERIFY(!child<QPushButton>("issuerCancelButton")->isVisible());
    QVERIFY(child<QPushButton>("issuerFetchButton")->isEnabled());
    QVERIFY(child<QLabel>("issuerStatusLabel")->text().contains(QStringLiteral("ends by itself")));

    // A new fetch starts right away and succeeds while the abandoned one still waits for its answer.
    const QString fast = m_server.https(QStringLiteral("/jwks.json"));
    QVERIFY(fetchUrl(fast));
    QCOMPARE(keyTable()->rowCount(), 2);
    // When the abandoned fetch's answer arrives it is ignored: the page still shows the second set.
    QVERIFY(QTest::qWaitFor([] { return JwksFetchJob::workersAlive() == 0; }, kFetchWaitMs));
    QCoreApplication::processEvents();
    QCOMPARE(m_page->resultView()->shown().source, QUrl(fast));
    QCOMPARE(cacheTable()->rowCount(), 1);
    QCOMPARE(cacheTable()->item(0, 0)->text(), fast);
}

void TestIssuerKeysPage::closingDuringAFetchIsSafe()
{
    child<QLineEdit>("issuerCaFileEdit")->setText(m_server.certFile());
    useIssuer(false);
    typeInput(m_server.https(QStringLiteral("/slow?s=2")));
    QTest::mouseClick(child<QPushButton>("issuerFetchButton"), Qt::LeftButton);
    QVERIFY(m_page->isFetching());
    m_workbench->close();
    m_page = nullptr;
    m_workbench.reset(); // the page goes while its fetch runs
    QVERIFY(QTest::qWaitFor([] { return JwksFetchJob::workersAlive() == 0; }, kFetchWaitMs));
    QCoreApplication::processEvents(); // the late answer finds no one, and nothing breaks
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("jwks"))).entryList(QDir::Files).isEmpty());
}

void TestIssuerKeysPage::keepCopyOffStoresNothing()
{
    QTest::mouseClick(child<QCheckBox>("issuerKeepCopyCheck"), Qt::LeftButton);
    QVERIFY(!child<QCheckBox>("issuerKeepCopyCheck")->isChecked());
    QVERIFY(fetchUrl(m_server.https(QStringLiteral("/jwks.json"))));
    QCOMPARE(keyTable()->rowCount(), 2);
    QCOMPARE(cacheTable()->rowCount(), 0);
    QVERIFY(child<QLabel>("issuerResultDetailsLabel")->text().contains(QStringLiteral("not kept")));
    // The choice (not a secret) is remembered.
    reopen();
    QVERIFY(!child<QCheckBox>("issuerKeepCopyCheck")->isChecked());
}

void TestIssuerKeysPage::loadFromCacheWithTheServerStopped()
{
    // A server of this test's own, stopped before loading: the keys come from the cache alone.
    LocalJwksServer own;
    const QString problem = own.start();
    if (!problem.isEmpty())
        QSKIP(qPrintable(problem));
    child<QLineEdit>("issuerCaFileEdit")->setText(own.certFile());
    useIssuer(false);
    const QString url = own.https(QStringLiteral("/jwks.json"));
    typeInput(url);
    QVERIFY(fetch());
    QCOMPARE(keyTable()->rowCount(), 2);
    QStringList fresh;
    for (int r = 0; r < 2; ++r)
        fresh.append(keyTable()->item(r, FetchedKeysView::ThumbprintColumn)->text());
    own.stop();

    // A new window (as after a restart), offline.
    reopen();
    QCOMPARE(keyTable()->rowCount(), 0);
    QCOMPARE(cacheTable()->rowCount(), 1);
    cacheTable()->selectRow(0);
    QTest::mouseClick(child<QPushButton>("jwksCacheLoadButton"), Qt::LeftButton);
    QCOMPARE(keyTable()->rowCount(), 2);
    QStringList cached;
    for (int r = 0; r < 2; ++r)
        cached.append(keyTable()->item(r, FetchedKeysView::ThumbprintColumn)->text());
    QCOMPARE(cached, fresh);
    QVERIFY(child<QLabel>("issuerResultOriginLabel")->text().contains(QStringLiteral("From cache, fetched")));
    QVERIFY(m_questions.isEmpty()); // no fetch was asked for
    grab(QStringLiteral("issuer-cache.png"));
    // Usable like a fresh set: into the session keys.
    QTest::mouseClick(child<QPushButton>("issuerAddAllButton"), Qt::LeftButton);
    QCOMPARE(m_ring->count(), 2);
}

void TestIssuerKeysPage::removeAndRemoveAllEmptyTheCache()
{
    QVERIFY(fetchUrl(m_server.https(QStringLiteral("/jwks.json"))));
    QVERIFY(fetchUrl(m_server.https(QStringLiteral("/jwks-text"))));
    const QDir dir(m_dir->filePath(QStringLiteral("jwks")));
    const int before = cacheTable()->rowCount();
    QCOMPARE(before, 2);
    QCOMPARE(int(dir.entryList(QDir::Files).size()), before);

    cacheTable()->selectRow(0);
    const QString removed = cacheTable()->item(0, 0)->text();
    QTest::mouseClick(child<QPushButton>("jwksCacheRemoveButton"), Qt::LeftButton);
    QCOMPARE(cacheTable()->rowCount(), before - 1);
    QCOMPARE(int(dir.entryList(QDir::Files).size()), before - 1);
    for (int r = 0; r < cacheTable()->rowCount(); ++r)
        QVERIFY(cacheTable()->item(r, 0)->text() != removed);

    // Remove all asks first; No keeps everything.
    m_answer = false;
    m_questions.clear();
    QTest::mouseClick(child<QPushButton>("jwksCacheRemoveAllButton"), Qt::LeftButton);
    QCOMPARE(m_questions.size(), 1);
    QCOMPARE(cacheTable()->rowCount(), before - 1);
    m_answer = true;
    QTest::mouseClick(child<QPushButton>("jwksCacheRemoveAllButton"), Qt::LeftButton);
    QCOMPARE(cacheTable()->rowCount(), 0);
    QVERIFY(dir.entryList(QDir::Files).isEmpty());
    QVERIFY(!child<QPushButton>("jwksCacheRemoveAllButton")->isEnabled());
}

void TestIssuerKeysPage::addToSessionAndUseForVerifying()
{
    QVERIFY(fetchUrl(m_server.https(QStringLiteral("/jwks.json"))));
    QTableWidget* table = keyTable();
    table->selectRow(1);
    QTest::mouseClick(child<QPushButton>("issuerAddSelectedButton"), Qt::LeftButton);
    QCOMPARE(m_ring->count(), 1);
    const SessionKey& added = m_ring->keys().front();
    QCOMPARE(added.name, QStringLiteral("127.0.0.1 2011-04-29")); // the host and the kid
    QCOMPARE(added.key.thumbprint(256).value_or(QString()),
             QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    QVERIFY(!added.key.hasPrivate());
    // All: the one already there is not added twice.
    QTest::mouseClick(child<QPushButton>("issuerAddAllButton"), Qt::LeftButton);
    QCOMPARE(m_ring->count(), 2);
    QCOMPARE(m_ring->keys().at(1).name, QStringLiteral("127.0.0.1 1"));

    QSignalSpy used(m_workbench.get(), &KeyWorkbench::useForVerifying);
    table->selectRow(1);
    QTest::mouseClick(child<QPushButton>("issuerUseForVerifyingButton"), Qt::LeftButton);
    QCOMPARE(used.size(), 1);
    QCOMPARE(used.front().front().value<Key>().thumbprint(256).value_or(QString()),
             QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    // Two selected: which one to use is ambiguous, so the button is off.
    table->selectAll();
    QVERIFY(!child<QPushButton>("issuerUseForVerifyingButton")->isEnabled());
}

void TestIssuerKeysPage::saveWritesTheBytesAsReceived()
{
    QVERIFY(fetchUrl(m_server.https(QStringLiteral("/jwks.json"))));
    const QString path = m_dir->filePath(QStringLiteral("saved.json"));
    QTest::mouseClick(child<QPushButton>("issuerSaveJwksButton"), Qt::LeftButton);
    QFileDialog* save = nullptr;
    QTRY_VERIFY((save = m_workbench->findChild<QFileDialog*>(QStringLiteral("saveFetchedJwksDialog"))) &&
                save->isVisible());
    save->selectFile(path);
    static_cast<QDialog*>(save)->accept();
    QTRY_VERIFY(QFileInfo::exists(path));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), readVectorFile(QStringLiteral("latchset-jose/rfc7517_A.1.jwkset")));
}

void TestIssuerKeysPage::everyControlIsNamed()
{
    QStringList unnamed;
    for (QWidget* w : m_page->findChildren<QWidget*>()) {
        const bool interactive = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) ||
                                 qobject_cast<QPlainTextEdit*>(w) || qobject_cast<QAbstractItemView*>(w);
        if (!interactive || w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        bool inner = false;
        for (QWidget* owner = w->parentWidget(); owner && owner != m_page; owner = owner->parentWidget()) {
            if (qobject_cast<QAbstractItemView*>(owner) || qobject_cast<QLineEdit*>(owner))
                inner = true;
        }
        if (inner)
            continue;
        if (w->objectName().isEmpty() || w->accessibleName().isEmpty())
            unnamed.append(
                QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName()));
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestIssuerKeysPage)
#include "TestIssuerKeysPage.moc"
