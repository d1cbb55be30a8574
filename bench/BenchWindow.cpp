// SPDX-License-Identifier: Apache-2.0
// assay-bench-window (issue 3 "Benchmarks"): keystroke-to-updated-window latency for a payload edit (new token,
// re-signed, verified, every pane updated and painted) with HS256 and RS256 on a typical token and with HS256 on a
// 1 MB token; startup to the first painted window beside a bare QWidget measured in the same run; resident memory
// after loading. A QBENCHMARK suite run on demand (`assay-bench-window -median 5`), never a test with timings.
#include "MainWindow.h"

#include "JsonEditor.h"
#include "VerificationBadge.h"
#include "jws/JwsAlgorithm.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using assay::JwsAlgorithm;
using assay::ui::JsonEditor;
using assay::ui::MainWindow;
using assay::ui::VerificationBadge;

namespace {

// A typical HS256 token (jwt.io's example payload) and its 38-byte published secret.
const QString kSecret = QStringLiteral("a-string-secret-at-least-256-bits-long");
const QString kToken = QStringLiteral(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlh"
    "dCI6MTUxNjIzOTAyMn0.KMUFsIDTnFmyG3nMiGM6H9FNFUROf3wh7SmqJp-QV30");

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toLongLong();
    }
    return -1;
}

/// Counts the paint events of the widgets it filters.
class PaintCounter : public QObject
{
public:
    int count = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

class BenchWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startupBareWidget();
    void startupAssayWindow();
    void keystrokeHs256();
    void keystrokeRs256();
    void keystroke1MB();
    void keystroke1MBOneString();

private:
    template <typename T> T* child(const char* name) const
    {
        return m_window->findChild<T*>(QString::fromLatin1(name));
    }
    void useSecret();
    void loadLargeToken(const QByteArray& payload);
    // Types one character inside a JSON string of the payload and waits until the window has caught up and painted.
    void keystroke();

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void BenchWindow::init()
{
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("bench.ini")), QSettings::IniFormat);
}

void BenchWindow::cleanup()
{
    m_window.reset();
    m_settings.reset();
}

void BenchWindow::startupBareWidget()
{
    // The baseline: a bare Qt Widgets window, created, shown and painted.
    QBENCHMARK
    {
        QWidget bare;
        bare.resize(1400, 900);
        bare.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bare));
        bare.repaint();
    }
}

void BenchWindow::startupAssayWindow()
{
    QBENCHMARK
    {
        MainWindow window(*m_settings);
        window.setTokenText(kToken);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.repaint();
    }
}

void BenchWindow::useSecret()
{
    auto* edit = child<QLineEdit>("secretEdit");
    QVERIFY(edit);
    edit->setText(kSecret);
    QTRY_COMPARE(child<VerificationBadge>("verificationBadge")->state(), VerificationBadge::State::Verified);
}

void BenchWindow::keystroke()
{
    auto* payload = child<JsonEditor>("payloadEditor");
    QVERIFY(payload);
    payload->setFocus();
    QTextCursor cursor = payload->textCursor();
    // Just after the opening quote of the first string value: the edit keeps the JSON valid.
    const int at = static_cast<int>(payload->toPlainText().indexOf(QStringLiteral(": \""))) + 3;
    QVERIFY(at > 3);
    cursor.setPosition(at);
    payload->setTextCursor(cursor);
    // What a frame costs the user: the key event, every pane updated, and the changed regions painted (as the
    // event loop paints them, not a forced repaint of the whole window). Paint events are counted so that a
    // measurement in which nothing was painted cannot pass unnoticed.
    PaintCounter painted;
    const QList<QWidget*> widgets = m_window->findChildren<QWidget*>();
    for (QWidget* w : widgets)
        w->installEventFilter(&painted);
    int iterations = 0;
    QBENCHMARK
    {
        QTest::keyClick(payload, Qt::Key_X);
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        ++iterations;
    }
    for (QWidget* w : widgets)
        w->removeEventFilter(&painted);
    QVERIFY2(painted.count >= iterations, "every keystroke must repaint something");
    QCOMPARE(child<VerificationBadge>("verificationBadge")->state(), VerificationBadge::State::Verified);
}

void BenchWindow::keystrokeHs256()
{
    m_window = std::make_unique<MainWindow>(*m_settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setTokenText(kToken);
    useSecret();
    keystroke();
    qInfo("resident memory after loading a typical token: %lld KiB", residentKiB());
}

void BenchWindow::keystrokeRs256()
{
    m_window = std::make_unique<MainWindow>(*m_settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // A fresh RS256 key pair and token from the template (generated off the UI thread).
    m_window->newFromTemplate(JwsAlgorithm::RS256);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isGenerating(), 30000);
    QTRY_COMPARE(child<VerificationBadge>("verificationBadge")->state(), VerificationBadge::State::Verified);
    keystroke();
}

void BenchWindow::loadLargeToken(const QByteArray& payload)
{
    m_window = std::make_unique<MainWindow>(*m_settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const QString token =
        QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.") +
        QString::fromLatin1(payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)) +
        QStringLiteral(".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    m_window->setTokenText(token);
    auto* edit = child<QLineEdit>("secretEdit");
    QVERIFY(edit);
    edit->setText(kSecret);
    auto* resign = child<QAction>("actionResign");
    QVERIFY(resign);
    resign->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(child<VerificationBadge>("verificationBadge")->state(),
                              VerificationBadge::State::Verified, 30000);
}

void BenchWindow::keystroke1MB()
{
    // About 1 MB of token shaped like a real large token: an identity token carrying some 20,000 group ids (as
    // Entra ID and Keycloak put them in), pretty-printed one per line.
    QByteArray payload = "{\"sub\":\"248289761001\",\"name\":\"Jane Doe\",\"groups\":[";
    for (int i = 0; i < 20000; ++i) {
        if (i > 0)
            payload += ',';
        payload += "\"" + QUuid::createUuidV5(QUuid(), QByteArray::number(i)).toByteArray(QUuid::WithoutBraces) + "\"";
    }
    payload += "]}";
    loadLargeToken(payload);
    keystroke();
    qInfo("resident memory after loading a 1 MB token: %lld KiB", residentKiB());
}

void BenchWindow::keystroke1MBOneString()
{
    // The worst case for text layout: 1 MB of token whose payload is one 760 KB string, so one line of the payload
    // pane and one unbroken run of the encoded pane.
    loadLargeToken("{\"sub\":\"" + QByteArray(760 * 1024, 'a') + "\"}");
    keystroke();
}

QTEST_MAIN(BenchWindow)
#include "BenchWindow.moc"
