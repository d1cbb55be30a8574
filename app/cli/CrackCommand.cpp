// SPDX-License-Identifier: Apache-2.0
#include "CrackCommand.h"

#include "Console.h"
#include "TokenText.h"

#include "audit/BruteForceMask.h"
#include "audit/CrackText.h"
#include "audit/HashcatFormat.h"
#include "audit/ListSource.h"
#include "audit/ManglingRules.h"
#include "audit/MaskSource.h"
#include "audit/RuleSource.h"
#include "audit/SecretCracker.h"
#include "audit/WordlistFileSource.h"
#include "encoding/JsonWriter.h"
#include "jws/JwsAlgorithm.h"
#include "token/ParsedToken.h"

#include <QCommandLineParser>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace assay::cli {

namespace {

const QString kWordlist = QStringLiteral("wordlist");
const QString kBuiltin = QStringLiteral("builtin");
const QString kRules = QStringLiteral("rules");
const QString kMask = QStringLiteral("mask");
const QString kIncrement = QStringLiteral("increment");
const QString kIncrementMin = QStringLiteral("increment-min");
const QString kIncrementMax = QStringLiteral("increment-max");
const QString kThreads = QStringLiteral("threads");
const QString kHashcat = QStringLiteral("hashcat");
const QString kJson = QStringLiteral("json");

QString charsetOption(int n)
{
    return QStringLiteral("charset%1").arg(n);
}

// Progress is drawn only for a person watching: not when stderr is a file or a pipe.
bool errorsAreTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stderr)) != 0;
#else
    return isatty(STDERR_FILENO) != 0;
#endif
}

QString progressLine(const CrackProgress& p)
{
    QString line = QStringLiteral("Tried %1").arg(crackCount(p.tested));
    if (p.total)
        line += QStringLiteral(" of %1").arg(crackCount(*p.total));
    else if (p.estimatedTotal)
        line += QStringLiteral(" of about %1").arg(crackCount(*p.estimatedTotal));
    if (p.fraction)
        line += QStringLiteral(" (%1%)").arg(*p.fraction * 100, 0, 'f', 1);
    line += QStringLiteral(", %1").arg(crackRate(p.candidatesPerSecond));
    if (p.etaSeconds)
        line += QStringLiteral(", ETA %1").arg(crackDuration(*p.etaSeconds));
    if (!p.source.isEmpty())
        line += QStringLiteral(" [%1]").arg(p.source);
    return line;
}

QString warningText(JwsAlgorithm alg)
{
    const int minimum = hashLength(algorithmHash(alg));
    return QStringLiteral("Anyone holding one of these tokens can find this secret the same way and forge tokens "
                          "your service accepts. Replace it with a random secret of at least %1 bytes (for example "
                          "`openssl rand -base64 %1`), and revoke every token signed with the old one.")
        .arg(minimum);
}

} // namespace

CrackCommand::CrackCommand(const Console& console)
    : Command(console)
{
}

QString CrackCommand::name() const
{
    return QStringLiteral("crack");
}

QString CrackCommand::summary() const
{
    return QStringLiteral("Check whether an HS256/384/512 token's secret is weak, by guessing it.");
}

void CrackCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() +
        QStringLiteral(
            "\nGuesses come from the built-in list of published and common secrets (the default), wordlists (one "
            "secret per line, streamed; CRLF and empty lines handled), mangling rules, and brute force over a mask. "
            "The empty secret is always tried. Everything runs locally on every core.\n"
            "Masks use hashcat's syntax: ?l a-z, ?u A-Z, ?d 0-9, ?h 0-9a-f, ?H 0-9A-F, ?s symbols and space, ?a all "
            "95 printable ASCII, ?b every byte, ?1-?4 custom charsets, ?? a question mark, anything else literally "
            "(e.g. key-?d?d?d).\n"
            "Rules: %1.\n"
            "Exit status: 0 secret found, 1 not found (which does not prove the secret strong), 2 usage or input "
            "error (including a token that is not HS256/HS384/HS512).")
            .arg(ManglingRules::summary()));
    parser.addOption(QCommandLineOption(
        kWordlist, QStringLiteral("Try each line of FILE (any size; read as it goes). Repeat for several."),
        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        kBuiltin,
        QStringLiteral("Try the built-in list of known secrets (the default when no other source is given).")));
    parser.addOption(QCommandLineOption(
        kRules, QStringLiteral("Also try variants of each built-in and wordlist secret (see Rules above).")));
    parser.addOption(QCommandLineOption(kMask, QStringLiteral("Brute force over MASK (hashcat syntax, see above)."),
                                        QStringLiteral("MASK")));
    for (int n = 1; n <= 4; ++n) {
        parser.addOption(
            QCommandLineOption({QString::number(n), charsetOption(n)},
                               QStringLiteral("Custom charset ?%1 for the mask, e.g. ?l?d_ (hashcat -%1).").arg(n),
                               QStringLiteral("CHARS")));
    }
    parser.addOption(QCommandLineOption(
        kIncrement, QStringLiteral("Also try the mask's shorter prefixes, shortest first (hashcat --increment).")));
    parser.addOption(QCommandLineOption(
        kIncrementMin, QStringLiteral("With --increment: start at N positions (default 1)."), QStringLiteral("N")));
    parser.addOption(QCommandLineOption(
        kIncrementMax, QStringLiteral("With --increment: stop at N positions (default: the mask's length)."),
        QStringLiteral("N")));
    parser.addOption(QCommandLineOption(kThreads,
                                        QStringLiteral("Worker threads (default: one per hardware thread, here %1).")
                                            .arg(SecretCracker::defaultThreadCount()),
                                        QStringLiteral("N")));
    parser.addOption(QCommandLineOption(
        kHashcat, QStringLiteral("Print the token in hashcat's mode 16500 format (for a GPU) instead of cracking.")));
    parser.addOption(QCommandLineOption(kJson, QStringLiteral("Print one JSON object instead of text.")));
    parser.addPositionalArgument(QStringLiteral("token"),
                                 QStringLiteral("The token, - for standard input, or @FILE. Default: standard input."),
                                 QStringLiteral("[TOKEN|-|@FILE]"));
}

ExitCode CrackCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    QStringList single = {kMask, kIncrementMin, kIncrementMax, kThreads};
    for (int n = 1; n <= 4; ++n)
        single.append(charsetOption(n));
    if (const std::optional<ExitCode> repeated = rejectRepeated(parser, single))
        return *repeated;
    const bool json = parser.isSet(kJson);
    const bool hashcat = parser.isSet(kHashcat);

    // Every option is checked before the token is read, so a usage error never depends on the token.
    int threads = 0;
    if (parser.isSet(kThreads)) {
        bool ok = false;
        threads = parser.value(kThreads).toInt(&ok);
        if (!ok || threads < 1 || threads > SecretCracker::MaxThreads)
            return usageError(QStringLiteral("--threads needs a whole number from 1 to %1, not \"%2\"")
                                  .arg(SecretCracker::MaxThreads)
                                  .arg(parser.value(kThreads)));
    }

    MaskOptions maskOptions;
    bool anyCharset = false;
    for (int n = 1; n <= 4; ++n) {
        if (parser.isSet(charsetOption(n))) {
            maskOptions.customCharsets[static_cast<std::size_t>(n - 1)] = parser.value(charsetOption(n));
            if (maskOptions.customCharsets[static_cast<std::size_t>(n - 1)].isNull())
                maskOptions.customCharsets[static_cast<std::size_t>(n - 1)] = QStringLiteral("");
            anyCharset = true;
        }
    }
    maskOptions.increment = parser.isSet(kIncrement) || parser.isSet(kIncrementMin) || parser.isSet(kIncrementMax);
    for (const QString& option : {kIncrementMin, kIncrementMax}) {
        if (!parser.isSet(option))
            continue;
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < 1)
            return usageError(QStringLiteral("--%1 needs a whole number of at least 1, not \"%2\"")
                                  .arg(option, parser.value(option)));
        (option == kIncrementMin ? maskOptions.incrementMin : maskOptions.incrementMax) = value;
    }
    const bool haveMask = parser.isSet(kMask);
    if (!haveMask && (anyCharset || maskOptions.increment))
        return usageError(QStringLiteral("--charset1..4 and --increment go with --mask"));
    std::optional<BruteForceMask> mask;
    if (haveMask) {
        Result<BruteForceMask> parsedMask = BruteForceMask::parse(parser.value(kMask), maskOptions);
        if (!parsedMask)
            return usageError(QStringLiteral("--mask: %1").arg(parsedMask.error().message));
        mask = std::move(*parsedMask);
    }
    const QStringList wordlists = parser.values(kWordlist);
    for (const QString& path : wordlists) {
        if (path.isEmpty())
            return usageError(QStringLiteral("--wordlist needs a file name"));
    }
    const bool builtin = parser.isSet(kBuiltin) || (wordlists.isEmpty() && !haveMask);
    const bool rules = parser.isSet(kRules);
    if (rules && !builtin && wordlists.isEmpty())
        return usageError(QStringLiteral("--rules applies to the built-in list and wordlists; a mask has none"));
    if (hashcat && (haveMask || !wordlists.isEmpty() || rules || parser.isSet(kBuiltin) || parser.isSet(kThreads)))
        return usageError(QStringLiteral("--hashcat only prints the token for hashcat; it takes no source options"));

    std::expected<IntakeResult, ExitCode> intake = readToken(parser.positionalArguments());
    if (!intake)
        return intake.error();
    Result<ParsedToken> parsed = parseToken(intake->token);
    if (!parsed) {
        m_console.error(QStringLiteral("MALFORMED: %1").arg(TokenText::describe(parsed.error())));
        return ExitCode::Usage;
    }

    if (hashcat) {
        Result<QByteArray> line = hashcatJwtLine(*parsed);
        if (!line) {
            m_console.error(line.error().toString());
            return ExitCode::Usage;
        }
        m_console.write(*line);
        m_console.printLine();
        m_console.note(QStringLiteral("save the line to a file and run e.g. hashcat -m 16500 -a 0 FILE wordlist.txt"));
        return ExitCode::Ok;
    }

    Result<CrackTarget> target = CrackTarget::fromToken(*parsed);
    if (!target) {
        m_console.error(QStringLiteral("cannot check this token's secret: %1").arg(target.error().message));
        return ExitCode::Usage;
    }
    const JwsAlgorithm alg = target->algorithm();

    std::vector<std::unique_ptr<CandidateSource>> sources;
    auto withRules = [rules](std::unique_ptr<CandidateSource> words) -> std::unique_ptr<CandidateSource> {
        if (rules)
            return std::make_unique<RuleSource>(std::move(words));
        return words;
    };
    if (builtin)
        sources.push_back(withRules(ListSource::builtin()));
    for (const QString& path : wordlists)
        sources.push_back(withRules(std::make_unique<WordlistFileSource>(path)));
    if (mask)
        sources.push_back(std::make_unique<MaskSource>(std::move(*mask)));
    QStringList sourceNames;
    for (const std::unique_ptr<CandidateSource>& source : sources)
        sourceNames.append(source->name());

    SecretCracker cracker(std::move(*target), std::move(sources), CrackOptions{threads});
    if (!json) {
        m_console.printLine(QStringLiteral("Token:      %1, signing input %2 bytes")
                                .arg(jwsAlgorithmName(alg))
                                .arg(cracker.target().signingInput().size()));
        m_console.printLine(QStringLiteral("Trying:     empty secret; %1").arg(sourceNames.join(QStringLiteral("; "))));
        m_console.printLine(QStringLiteral("Threads:    %1").arg(cracker.threadCount()));
        m_console.flush();
    }

    if (Result<void> started = cracker.start(); !started) {
        m_console.error(started.error().toString());
        return ExitCode::Usage;
    }
    const bool showProgress = errorsAreTerminal();
    qsizetype drawn = 0;
    while (!cracker.waitFor(showProgress ? 500 : 1000)) {
        if (!showProgress)
            continue;
        const QString line = progressLine(cracker.progress());
        m_console.printError(QLatin1Char('\r') + line.leftJustified(drawn));
        drawn = line.size();
    }
    if (showProgress && drawn > 0)
        m_console.printError(QLatin1Char('\r') + QString(drawn, QLatin1Char(' ')) + QLatin1Char('\r'));

    const CrackResult r = cracker.result();
    if (r.outcome == CrackOutcome::Failed) {
        m_console.error(r.error ? r.error->toString() : QStringLiteral("the secret checker failed"));
        return ExitCode::Usage;
    }
    const bool found = r.outcome == CrackOutcome::Found;
    const QByteArrayView secret = r.secret.view();
    const std::optional<QString> secretText = printableSecret(secret);
    QByteArray secretHex = secret.toByteArray().toHex();

    if (json) {
        JsonWriter out;
        out.beginObject();
        out.member(u"command", name());
        out.memberBool(u"ok", found);
        out.member(u"outcome", crackOutcomeName(r.outcome));
        out.memberBool(u"found", found);
        out.member(u"alg", jwsAlgorithmName(alg));
        if (found) {
            if (secretText)
                out.member(u"secret", *secretText);
            else
                out.memberNull(u"secret");
            out.member(u"secretHex", QString::fromLatin1(secretHex));
            out.memberNumber(u"secretBytes", static_cast<qint64>(secret.size()));
            out.member(u"foundBy", r.foundBy);
            out.member(u"warning", warningText(alg));
        }
        out.memberNumber(u"tested", static_cast<qint64>(r.tested));
        out.memberNumber(u"milliseconds", static_cast<qint64>(r.elapsedSeconds * 1000));
        out.memberNumber(u"candidatesPerSecond", static_cast<qint64>(r.candidatesPerSecond));
        out.memberNumber(u"threads", r.threads);
        out.key(u"sources").stringList(sourceNames);
        out.key(u"notes").stringList(intake->stripped + r.notes);
        out.endObject();
        m_console.write(out.text());
        m_console.printLine();
    } else {
        for (const QString& note : r.notes)
            m_console.note(note);
        m_console.printLine(
            QStringLiteral("Tested:     %1 candidates in %2 (%3)")
                .arg(crackCount(r.tested), crackDuration(r.elapsedSeconds), crackRate(r.candidatesPerSecond)));
        m_console.printLine();
        if (found) {
            const QString shown = secretText ? QStringLiteral("\"%1\"").arg(*secretText)
                                             : QStringLiteral("(not printable text; hex below)");
            m_console.printLine(QStringLiteral("FOUND:      the %1 secret is %2 (%3 bytes, from the %4)")
                                    .arg(jwsAlgorithmName(alg), shown)
                                    .arg(secret.size())
                                    .arg(r.foundBy));
            m_console.printLine(QStringLiteral("Hex:        %1").arg(QString::fromLatin1(secretHex)));
            m_console.printLine(QStringLiteral("WARNING:    this secret is guessable. %1").arg(warningText(alg)));
        } else {
            m_console.printLine(QStringLiteral("NOT FOUND:  no candidate is the secret. That does not make the secret "
                                               "strong: only a random secret of at least %1 bytes is.")
                                    .arg(hashLength(algorithmHash(alg))));
        }
    }
    wipe(secretHex);
    return found ? ExitCode::Ok : ExitCode::Failure;
}

} // namespace assay::cli
