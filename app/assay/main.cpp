// SPDX-License-Identifier: Apache-2.0
// assay: the desktop inspector window. Everything lives in assay_ui and assay_core; this only starts them.
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QTimer>

namespace {

/// For the whole-process startup benchmark (scripts/bench-startup.py): with ASSAY_QUIT_AFTER_FIRST_PAINT=1 in the
/// environment the app quits as soon as the window has painted once, so that start-to-first-paint can be timed from
/// outside against a bare Qt Widgets window doing the same (bench/BareWindow.cpp).
class QuitAfterFirstPaint : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Assay"));
    QApplication::setApplicationDisplayName(QStringLiteral("Assay"));
    QApplication::setApplicationVersion(QStringLiteral(ASSAY_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Assay"));
    // The reverse-DNS application id, shared with the .desktop file and AppStream metadata.
    QApplication::setOrganizationDomain(QStringLiteral("assay_jwt.github.io"));
    QGuiApplication::setDesktopFileName(QStringLiteral(ASSAY_APP_ID));
    // Scalable; the installed hicolor PNGs serve the desktop, this serves the window and the task bar.
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.assay_jwt.Assay.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Offline workbench for JSON Web Tokens and JOSE"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption secretFile(
        QStringLiteral("secret-file"),
        QStringLiteral("Read the HMAC secret (UTF-8) from <file>; a secret is never taken on the command line."),
        QStringLiteral("file"));
    const QCommandLineOption keyFile(QStringLiteral("key-file"),
                                     QStringLiteral("Verify with the key(s) in <file> (PEM, DER, JWK or JWKS)."),
                                     QStringLiteral("file"));
    parser.addOption(secretFile);
    parser.addOption(keyFile);
    parser.addPositionalArgument(QStringLiteral("token-or-file"),
                                 QStringLiteral("A token, or the path of a file holding one (.jwt, .txt)."));
    parser.process(app);

    QSettings settings;
    assay::ui::MainWindow window(settings);
    if (!parser.positionalArguments().isEmpty())
        window.openArgument(parser.positionalArguments().front());
    if (parser.isSet(keyFile))
        window.loadKeyFile(parser.value(keyFile));
    if (parser.isSet(secretFile))
        window.loadSecretFile(parser.value(secretFile));
    if (qEnvironmentVariableIntValue("ASSAY_QUIT_AFTER_FIRST_PAINT") == 1)
        window.installEventFilter(new QuitAfterFirstPaint(&window));
    window.show();
    return QApplication::exec();
}
