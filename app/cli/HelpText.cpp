// SPDX-License-Identifier: Apache-2.0
#include "HelpText.h"

#include <QRegularExpression>

namespace assay::cli {
namespace {

enum class Section
{
    Description,
    Options,
    Arguments,
};

// An entry's first line: two spaces, the names, two or more spaces, the description (which may be missing when the
// names are too long for the column).
const QRegularExpression& entryLine()
{
    static const QRegularExpression re(QStringLiteral(R"(^  (\S.*?)(?:\s{2,}(\S.*))?$)"));
    return re;
}

// A continuation: only spaces up to the description column.
bool isContinuation(const QString& line)
{
    return line.startsWith(QLatin1String("    ")) && !line.trimmed().isEmpty();
}

HelpOption parseOption(const QString& spec)
{
    HelpOption option;
    // "-k, --key <FILE>" or "--json" or "--to <FORMAT>"
    QString names = spec;
    const qsizetype value = spec.indexOf(QLatin1String(" <"));
    if (value >= 0 && spec.endsWith(QLatin1Char('>'))) {
        option.valueName = spec.mid(value + 2, spec.size() - value - 3);
        names = spec.left(value);
    }
    for (const QString& name : names.split(QLatin1Char(','), Qt::SkipEmptyParts))
        option.names.append(name.trimmed());
    return option;
}

} // namespace

HelpText HelpText::parse(const QString& text)
{
    HelpText help;
    Section section = Section::Description;
    QStringList description;
    // The entry a continuation line belongs to (an index: the lists grow, so no pointers into them).
    auto lastDescription = [&help, &section]() -> QString* {
        if (section == Section::Options && !help.options.isEmpty())
            return &help.options.back().description;
        if (section == Section::Arguments && !help.arguments.isEmpty())
            return &help.arguments.back().description;
        return nullptr;
    };
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Usage: "))) {
            help.usage = line.mid(7).trimmed();
            continue;
        }
        if (line == QLatin1String("Options:")) {
            section = Section::Options;
            continue;
        }
        if (line == QLatin1String("Arguments:")) {
            section = Section::Arguments;
            continue;
        }
        if (section == Section::Description) {
            description.append(line);
            continue;
        }
        if (QString* last = lastDescription(); last && isContinuation(line)) {
            if (!last->isEmpty())
                last->append(QLatin1Char(' '));
            last->append(line.trimmed());
            continue;
        }
        const QRegularExpressionMatch m = entryLine().match(line);
        if (!m.hasMatch())
            continue;
        if (section == Section::Options) {
            HelpOption option = parseOption(m.captured(1).trimmed());
            option.description = m.captured(2).trimmed();
            help.options.append(option);
        } else {
            help.arguments.append({m.captured(1).trimmed(), m.captured(2).trimmed()});
        }
    }
    help.description = description.join(QLatin1Char('\n')).trimmed();
    return help;
}

} // namespace assay::cli
