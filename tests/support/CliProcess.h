// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs a program (assay-cli, or a peer tool) as a real process for the CLI end-to-end tests, feeding standard input
// and collecting the exit status and both output streams.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace assay::test {

inline constexpr int TimeoutMs = 120000;

struct Run
{
    bool finished = false;
    bool normalExit = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    /// Exit status and both streams, for a failing assertion's message.
    [[nodiscard]] QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + (normalExit ? "" : " (crashed)") + "\n--- stdout:\n" +
               out.left(4000) + "\n--- stderr:\n" + err.left(4000);
    }
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline Run runProgram(const QString& program, const QStringList& arguments, const QByteArray& input = {})
{
    QProcess p;
    p.setProgram(program);
    p.setArguments(arguments);
    p.start();
    Run r;
    if (!p.waitForStarted(TimeoutMs))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(TimeoutMs);
    r.normalExit = p.exitStatus() == QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

#ifdef ASSAY_CLI_PATH
/// The assay-cli built with these tests (its path comes from the test's CMake target).
inline Run runCli(const QStringList& arguments, const QByteArray& input = {})
{
    return runProgram(QStringLiteral(ASSAY_CLI_PATH), arguments, input);
}
#endif

} // namespace assay::test
