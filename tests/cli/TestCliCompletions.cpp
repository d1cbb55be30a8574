// SPDX-License-Identifier: Apache-2.0
// `assay-cli completions` and `assay-cli manpage` (issue 4): generated from the commands' --help texts. The scripts
// are run by the real shells where they are installed (bash always; zsh and fish when present), and the man page is
// rendered by man(1) with its warnings on.
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString& program, const QStringList& arguments, const QString& workingDir = {})
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(program, arguments);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Run cli(const QStringList& arguments)
{
    return run(QStringLiteral(ASSAY_CLI_PATH), arguments);
}

// The command names the top-level help lists, read from the help itself.
QStringList commandsFromHelp()
{
    const QString help = QString::fromUtf8(cli({QStringLiteral("--help")}).out);
    const QString commands = help.section(QStringLiteral("Commands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
    QStringList names;
    for (const QString& line : commands.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        names.append(line.trimmed().section(QLatin1Char(' '), 0, 0));
    return names;
}

// What bash offers for the words typed so far (the last one being completed), with the generated script loaded.
QStringList bashComplete(const QString& script, const QStringList& words, const QString& dir)
{
    QString command = QStringLiteral("source '%1'; COMP_WORDS=(").arg(script);
    for (const QString& w : words)
        command += QStringLiteral("'%1' ").arg(w);
    command += QStringLiteral("); COMP_CWORD=%1; _assay_cli; printf '%s\\n' \"${COMPREPLY[@]}\"").arg(words.size() - 1);
    const Run r = run(QStringLiteral("bash"), {QStringLiteral("-c"), command}, dir);
    return QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestCliCompletions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyShellGetsEveryCommand_data();
    void everyShellGetsEveryCommand();
    void bashCompletesCommandsOptionsAndFiles();
    void zshAndFishAcceptTheirScripts();
    void manPageHasEveryCommandAndOption();
    void usageErrors();

private:
    QTemporaryDir m_dir;
    QStringList m_commands;
};

void TestCliCompletions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_commands = commandsFromHelp();
    QVERIFY2(m_commands.contains(QStringLiteral("verify")) && m_commands.contains(QStringLiteral("completions")),
             qPrintable(m_commands.join(u' ')));
}

void TestCliCompletions::everyShellGetsEveryCommand_data()
{
    QTest::addColumn<QString>("shell");
    QTest::newRow("bash") << QStringLiteral("bash");
    QTest::newRow("zsh") << QStringLiteral("zsh");
    QTest::newRow("fish") << QStringLiteral("fish");
}

void TestCliCompletions::everyShellGetsEveryCommand()
{
    QFETCH(QString, shell);
    const Run r = cli({QStringLiteral("completions"), shell});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    for (const QString& command : std::as_const(m_commands))
        QVERIFY2(r.out.contains(command.toUtf8()), qPrintable(command));
    // Every option of verify, as its own --help lists it.
    const QString verifyHelp = QString::fromUtf8(cli({QStringLiteral("verify"), QStringLiteral("--help")}).out);
    QRegularExpressionMatchIterator it =
        QRegularExpression(QStringLiteral("\\n  (?:-\\w, )?--([a-z][a-z-]*)")).globalMatch(verifyHelp);
    int options = 0;
    while (it.hasNext()) {
        const QString option = it.next().captured(1);
        ++options;
        QVERIFY2(r.out.contains(option.toUtf8()), qPrintable(shell + QLatin1String(": --") + option));
    }
    QVERIFY(options >= 5);
    // --out writes the same script to a file.
    const QString file = m_dir.filePath(shell + QStringLiteral(".completion"));
    QCOMPARE(cli({QStringLiteral("completions"), shell, QStringLiteral("--out"), file}).exitCode, 0);
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), r.out);
}

void TestCliCompletions::bashCompletesCommandsOptionsAndFiles()
{
    if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
        QSKIP("bash is not installed");
    const QString script = m_dir.filePath(QStringLiteral("assay-cli.bash"));
    QCOMPARE(cli({QStringLiteral("completions"), QStringLiteral("bash"), QStringLiteral("--out"), script}).exitCode, 0);
    QCOMPARE(run(QStringLiteral("bash"), {QStringLiteral("-n"), script}).exitCode, 0);

    const QString dir = m_dir.filePath(QStringLiteral("work"));
    QVERIFY(QDir().mkpath(dir));
    QFile key(dir + QStringLiteral("/public.pem"));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.close();

    QCOMPARE(bashComplete(script, {QStringLiteral("assay-cli"), QStringLiteral("ver")}, dir),
             QStringList{QStringLiteral("verify")});
    QCOMPARE(
        bashComplete(script, {QStringLiteral("assay-cli"), QStringLiteral("verify"), QStringLiteral("--secret")}, dir),
        (QStringList{QStringLiteral("--secret"), QStringLiteral("--secret-file"),
                     QStringLiteral("--secret-encoding")}));
    // An option that takes a FILE completes file names; so does the token argument.
    QCOMPARE(bashComplete(script,
                          {QStringLiteral("assay-cli"), QStringLiteral("verify"), QStringLiteral("--key"),
                           QStringLiteral("pub")},
                          dir),
             QStringList{QStringLiteral("public.pem")});
    // An option's value is not taken for a command word.
    QCOMPARE(bashComplete(script,
                          {QStringLiteral("assay-cli"), QStringLiteral("verify"), QStringLiteral("--alg"),
                           QStringLiteral("RS256"), QStringLiteral("--jso")},
                          dir),
             QStringList{QStringLiteral("--json")});
}

void TestCliCompletions::zshAndFishAcceptTheirScripts()
{
    int checked = 0;
    for (const QString& shell : {QStringLiteral("zsh"), QStringLiteral("fish")}) {
        if (QStandardPaths::findExecutable(shell).isEmpty())
            continue;
        const QString script = m_dir.filePath(QStringLiteral("check.") + shell);
        QCOMPARE(cli({QStringLiteral("completions"), shell, QStringLiteral("--out"), script}).exitCode, 0);
        const Run r = run(shell, {QStringLiteral("-n"), script});
        QVERIFY2(r.exitCode == 0, qPrintable(shell + QLatin1String(": ") + QString::fromUtf8(r.err)));
        if (shell == QLatin1String("fish")) {
            // fish can also be asked what it would offer, without a terminal.
            const Run offered =
                run(shell, {QStringLiteral("-c"), QStringLiteral("source '%1'; complete -C 'assay-cli ver'; "
                                                                 "complete -C 'assay-cli verify --secret-'")
                                                      .arg(script)});
            QCOMPARE(offered.exitCode, 0);
            const QString text = QString::fromUtf8(offered.out);
            QVERIFY2(text.startsWith(QStringLiteral("verify\t")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("\n--secret-file\t")), qPrintable(text));
        }
        ++checked;
    }
    if (checked == 0)
        QSKIP("neither zsh nor fish is installed (scripts/install-deps.sh installs both)");
}

void TestCliCompletions::manPageHasEveryCommandAndOption()
{
    const Run r = cli({QStringLiteral("manpage")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(".\\\" Generated"));
    QVERIFY(r.out.contains(".TH ASSAY\\-CLI 1"));
    for (const QString& command : std::as_const(m_commands))
        QVERIFY2(r.out.contains(".SS \"assay-cli " + command.toUtf8()), qPrintable(command));
    QVERIFY(r.out.contains("\\fB\\-\\-secret\\-file\\fR \\fIFILE\\fR"));

    if (QStandardPaths::findExecutable(QStringLiteral("man")).isEmpty())
        QSKIP("man is not installed, so the page is not rendered");
    const QString page = m_dir.filePath(QStringLiteral("assay-cli.1"));
    QCOMPARE(cli({QStringLiteral("manpage"), QStringLiteral("--out"), page}).exitCode, 0);
    QProcess man;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("100"));
    man.setProcessEnvironment(env);
    man.start(QStringLiteral("man"), {QStringLiteral("--warnings"), QStringLiteral("-E"), QStringLiteral("UTF-8"),
                                      QStringLiteral("-l"), page});
    QVERIFY(man.waitForFinished(60000));
    const QString rendered = QString::fromUtf8(man.readAllStandardOutput());
    QCOMPARE(man.exitCode(), 0);
    const QString warnings = QString::fromUtf8(man.readAllStandardError());
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings));
    QVERIFY(rendered.contains(QStringLiteral("assay-cli verify [options]")));
    QVERIFY(rendered.contains(QStringLiteral("--secret-file FILE")));
}

void TestCliCompletions::usageErrors()
{
    const Run none = cli({QStringLiteral("completions")});
    QCOMPARE(none.exitCode, 2);
    QVERIFY(none.err.contains("bash, zsh or fish"));
    const Run unknown = cli({QStringLiteral("completions"), QStringLiteral("powershell")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("powershell"));
    const Run extra = cli({QStringLiteral("manpage"), QStringLiteral("x")});
    QCOMPARE(extra.exitCode, 2);
    const Run bogus = cli({QStringLiteral("bogus")});
    QCOMPARE(bogus.exitCode, 2);
    for (const QString& command : std::as_const(m_commands))
        QVERIFY2(bogus.err.contains(command.toUtf8()), bogus.err.constData()); // the error lists every command
}

QTEST_GUILESS_MAIN(TestCliCompletions)
#include "TestCliCompletions.moc"
