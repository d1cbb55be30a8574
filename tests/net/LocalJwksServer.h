// SPDX-License-Identifier: Apache-2.0
#pragma once

// The local HTTP + HTTPS server the network tests start themselves: a self-signed certificate for 127.0.0.1 and
// localhost made with the openssl CLI into a temporary directory, and tests/net/jwks_server.py (python3 standard
// library) serving the routes the tests need. Nothing leaves the machine.

#include "Vectors.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace assay::test {

class LocalJwksServer
{
public:
    LocalJwksServer() = default;
    ~LocalJwksServer() { stop(); }
    LocalJwksServer(const LocalJwksServer&) = delete;
    LocalJwksServer& operator=(const LocalJwksServer&) = delete;

    /// Generates the certificate and starts the server; returns an empty string on success, else why not.
    QString start()
    {
        if (!m_dir.isValid())
            return QStringLiteral("cannot create a temporary directory");
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            return QStringLiteral("the openssl command is not installed");
        QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty() && QFileInfo::exists(QStringLiteral("/usr/bin/python3")))
            python = QStringLiteral("/usr/bin/python3");
        if (python.isEmpty())
            return QStringLiteral("python3 is not installed");

        QProcess req;
        req.setProcessChannelMode(QProcess::MergedChannels);
        req.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), keyFile(), QStringLiteral("-out"), certFile(), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
        if (!req.waitForFinished(30000) || req.exitCode() != 0)
            return QStringLiteral("openssl req failed: %1").arg(QString::fromLocal8Bit(req.readAll()));

        m_server.setProgram(python);
        m_server.setArguments({QStringLiteral(ASSAY_SOURCE_DIR "/tests/net/jwks_server.py"), QStringLiteral("--cert"),
                               certFile(), QStringLiteral("--key"), keyFile(), QStringLiteral("--jwks"),
                               vectorPath(QStringLiteral("latchset-jose/rfc7517_A.1.jwkset")),
                               QStringLiteral("--private-jwks"),
                               vectorPath(QStringLiteral("latchset-jose/rfc7517_A.2.jwkset"))});
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        if (!m_server.waitForStarted(10000))
            return QStringLiteral("cannot start %1: %2").arg(python, m_server.errorString());
        // The server prints "http=<port> https=<port>" once both ports listen.
        while (!m_server.canReadLine()) {
            if (!m_server.waitForReadyRead(15000))
                return QStringLiteral("the test server did not report its ports");
        }
        const QString line = QString::fromLatin1(m_server.readLine()).trimmed();
        for (const QString& part : line.split(QLatin1Char(' '))) {
            if (part.startsWith(QLatin1String("http=")))
                m_httpPort = part.mid(5).toInt();
            else if (part.startsWith(QLatin1String("https=")))
                m_httpsPort = part.mid(6).toInt();
        }
        if (m_httpPort <= 0 || m_httpsPort <= 0)
            return QStringLiteral("unexpected line from the test server: %1").arg(line);
        return {};
    }

    void stop()
    {
        if (m_server.state() == QProcess::NotRunning)
            return;
        m_server.closeWriteChannel(); // the server exits when its stdin closes
        if (!m_server.waitForFinished(3000)) {
            m_server.kill();
            m_server.waitForFinished(3000);
        }
    }

    [[nodiscard]] QString certFile() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    [[nodiscard]] QString keyFile() const { return m_dir.filePath(QStringLiteral("key.pem")); }
    [[nodiscard]] QString scratch(const QString& name) const { return m_dir.filePath(name); }

    /// "https://127.0.0.1:<port><path>"
    [[nodiscard]] QString https(const QString& path = {}) const
    {
        return QStringLiteral("https://127.0.0.1:%1%2").arg(m_httpsPort).arg(path);
    }
    /// "http://127.0.0.1:<port><path>"
    [[nodiscard]] QString http(const QString& path = {}) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_httpPort).arg(path);
    }
    [[nodiscard]] int httpsPort() const { return m_httpsPort; }

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    int m_httpPort = 0;
    int m_httpsPort = 0;
};

} // namespace assay::test
