// SPDX-License-Identifier: Apache-2.0
#include "audit/CrackSourcesForm.h"

#include "audit/CrackText.h"

#include "audit/BuiltinSecrets.h"
#include "audit/ListSource.h"
#include "audit/ManglingRules.h"
#include "audit/MaskSource.h"
#include "audit/RuleSource.h"
#include "audit/SecretCracker.h"
#include "audit/WordlistFileSource.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace assay::ui {
namespace {

constexpr int kPathRole = Qt::UserRole;
constexpr int kMaxLength = 32; // far beyond what brute force can finish; the candidate count says so

struct Alphabet
{
    const char* label;
    const char* charset; // BruteForceMask placeholders
};

constexpr Alphabet kAlphabets[] = {
    {QT_TRANSLATE_NOOP("CrackSourcesForm", "Digits 0-9 (10)"), "?d"},
    {QT_TRANSLATE_NOOP("CrackSourcesForm", "Lower case a-z (26)"), "?l"},
    {QT_TRANSLATE_NOOP("CrackSourcesForm", "Lower case and digits (36)"), "?l?d"},
    {QT_TRANSLATE_NOOP("CrackSourcesForm", "Letters a-z A-Z (52)"), "?l?u"},
    {QT_TRANSLATE_NOOP("CrackSourcesForm", "Letters and digits (62)"), "?l?u?d"},
    {QT_TRANSLATE_NOOP("CrackSourcesForm", "Hex digits 0-9 a-f (16)"), "?h"},
    {QT_TRANSLATE_NOOP("CrackSourcesForm", "Printable ASCII (95)"), "?a"},
    {QT_TRANSLATE_NOOP("CrackSourcesForm", "Only the extra characters"), ""},
};
constexpr int kDefaultAlphabet = 2;

// The user's extra characters as literal charset text: "?" is the only character the charset syntax reads
// specially, and "??" is its literal form.
QString literalCharset(const QString& characters)
{
    QString out = characters;
    out.replace(QLatin1Char('?'), QStringLiteral("??"));
    return out;
}

} // namespace

CrackSourcesForm::CrackSourcesForm(QWidget* parent)
    : QWidget(parent)
    , m_builtinCheck(new QCheckBox(this))
    , m_wordlistList(new QListWidget(this))
    , m_addWordlistButton(new QPushButton(tr("&Add wordlists…"), this))
    , m_removeWordlistButton(new QPushButton(tr("Re&move"), this))
    , m_rulesCheck(new QCheckBox(this))
    , m_maskGroup(new QGroupBox(tr("&Brute force"), this))
    , m_charsetRadio(new QRadioButton(tr("C&haracters"), m_maskGroup))
    , m_syntaxRadio(new QRadioButton(tr("Mas&k"), m_maskGroup))
    , m_alphabetCombo(new QComboBox(m_maskGroup))
    , m_extraCharsEdit(new QLineEdit(m_maskGroup))
    , m_minLengthSpin(new QSpinBox(m_maskGroup))
    , m_maxLengthSpin(new QSpinBox(m_maskGroup))
    , m_maskEdit(new QLineEdit(m_maskGroup))
    , m_incrementCheck(new QCheckBox(tr("also &shorter prefixes"), m_maskGroup))
    , m_maskCountLabel(new QLabel(m_maskGroup))
    , m_threadsSpin(new QSpinBox(this))
{
    setObjectName(QStringLiteral("crackSourcesForm"));

    m_builtinCheck->setObjectName(QStringLiteral("crackBuiltinCheck"));
    m_builtinCheck->setText(tr("B&uilt-in list of common and default secrets (%1)")
                                .arg(crackCount(static_cast<quint64>(builtinSecrets().size()))));
    m_builtinCheck->setAccessibleName(tr("Built-in list of common and default secrets"));
    m_builtinCheck->setToolTip(tr("Published defaults (jwt.io, framework documentation and tutorials), placeholders "
                                  "left in place, and common words. The empty secret is always tried."));
    m_builtinCheck->setChecked(true);

    m_wordlistList->setObjectName(QStringLiteral("crackWordlistList"));
    m_wordlistList->setAccessibleName(tr("Wordlist files"));
    m_wordlistList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_wordlistList->setMaximumHeight(72);
    m_wordlistList->setToolTip(tr("One secret per line; files of any size are read as the check goes, never loaded "
                                  "whole. CRLF line ends and empty lines are handled."));
    m_addWordlistButton->setObjectName(QStringLiteral("crackAddWordlistButton"));
    m_addWordlistButton->setAccessibleName(tr("Add wordlist files"));
    m_removeWordlistButton->setObjectName(QStringLiteral("crackRemoveWordlistButton"));
    m_removeWordlistButton->setAccessibleName(tr("Remove the selected wordlists"));

    m_rulesCheck->setObjectName(QStringLiteral("crackRulesCheck"));
    m_rulesCheck->setText(
        tr("Mangling &rules on the built-in list and wordlists (%1 variants per word)").arg(ManglingRules::Count));
    m_rulesCheck->setAccessibleName(tr("Mangling rules"));
    m_rulesCheck->setToolTip(ManglingRules::summary());

    m_maskGroup->setObjectName(QStringLiteral("crackMaskGroup"));
    m_maskGroup->setAccessibleName(tr("Brute force"));
    m_maskGroup->setCheckable(true);
    m_maskGroup->setChecked(false);
    m_charsetRadio->setObjectName(QStringLiteral("crackMaskCharsetRadio"));
    m_charsetRadio->setAccessibleName(tr("Brute force over characters and a length range"));
    m_charsetRadio->setChecked(true);
    m_syntaxRadio->setObjectName(QStringLiteral("crackMaskSyntaxRadio"));
    m_syntaxRadio->setAccessibleName(tr("Brute force over a hashcat mask"));
    auto* modes = new QButtonGroup(this);
    modes->addButton(m_charsetRadio);
    modes->addButton(m_syntaxRadio);

    for (const Alphabet& a : kAlphabets)
        m_alphabetCombo->addItem(tr(a.label), QString::fromLatin1(a.charset));
    m_alphabetCombo->setCurrentIndex(kDefaultAlphabet);
    m_alphabetCombo->setObjectName(QStringLiteral("crackAlphabetCombo"));
    m_alphabetCombo->setAccessibleName(tr("Alphabet"));
    m_extraCharsEdit->setObjectName(QStringLiteral("crackExtraCharsEdit"));
    m_extraCharsEdit->setAccessibleName(tr("Extra characters"));
    m_extraCharsEdit->setPlaceholderText(tr("extra characters, e.g. _-!"));
    m_extraCharsEdit->setToolTip(tr("Characters added to the alphabet, each as written (a non-ASCII character is its "
                                    "UTF-8 bytes)"));
    for (QSpinBox* spin : {m_minLengthSpin, m_maxLengthSpin})
        spin->setRange(1, kMaxLength);
    m_minLengthSpin->setObjectName(QStringLiteral("crackMinLengthSpin"));
    m_minLengthSpin->setAccessibleName(tr("Shortest length"));
    m_minLengthSpin->setValue(1);
    m_maxLengthSpin->setObjectName(QStringLiteral("crackMaxLengthSpin"));
    m_maxLengthSpin->setAccessibleName(tr("Longest length"));
    m_maxLengthSpin->setValue(5);
    m_maskEdit->setObjectName(QStringLiteral("crackMaskEdit"));
    m_maskEdit->setAccessibleName(tr("Mask"));
    m_maskEdit->setPlaceholderText(tr("hashcat syntax, e.g. secret?d?d?d"));
    m_maskEdit->setToolTip(tr("One placeholder per position: ?l a-z, ?u A-Z, ?d 0-9, ?h 0-9a-f, ?H 0-9A-F, ?s "
                              "symbols and space, ?a all 95 printable ASCII, ?b every byte, ?? a question mark; any "
                              "other character stands for itself."));
    m_incrementCheck->setObjectName(QStringLiteral("crackMaskIncrementCheck"));
    m_incrementCheck->setAccessibleName(tr("Also try the mask's shorter prefixes"));
    m_maskCountLabel->setObjectName(QStringLiteral("crackMaskCountLabel"));
    m_maskCountLabel->setAccessibleName(tr("Number of brute-force candidates"));
    m_maskCountLabel->setWordWrap(true);
    m_maskCountLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const int cores = SecretCracker::defaultThreadCount();
    m_threadsSpin->setObjectName(QStringLiteral("crackThreadsSpin"));
    m_threadsSpin->setAccessibleName(tr("Worker threads"));
    m_threadsSpin->setRange(1, qMin(SecretCracker::MaxThreads, qMax(64, cores * 4)));
    m_threadsSpin->setValue(cores);
    m_threadsSpin->setToolTip(tr("Default: one per hardware thread (%1 here)").arg(cores));

    // Layout: the word sources first (cheap, most likely to hit), brute force last (what it costs is shown).
    auto* wordlistButtons = new QVBoxLayout;
    wordlistButtons->addWidget(m_addWordlistButton);
    wordlistButtons->addWidget(m_removeWordlistButton);
    wordlistButtons->addStretch(1);
    auto* wordlistRow = new QHBoxLayout;
    wordlistRow->addWidget(m_wordlistList, 1);
    wordlistRow->addLayout(wordlistButtons);

    auto* lengthLabel = new QLabel(tr("&length"), m_maskGroup);
    lengthLabel->setBuddy(m_minLengthSpin);
    auto* toLabel = new QLabel(tr("to"), m_maskGroup);
    auto* mask = new QGridLayout(m_maskGroup);
    mask->addWidget(m_charsetRadio, 0, 0);
    auto* charsetRow = new QHBoxLayout;
    charsetRow->addWidget(m_alphabetCombo);
    charsetRow->addWidget(m_extraCharsEdit, 1);
    charsetRow->addWidget(lengthLabel);
    charsetRow->addWidget(m_minLengthSpin);
    charsetRow->addWidget(toLabel);
    charsetRow->addWidget(m_maxLengthSpin);
    mask->addLayout(charsetRow, 0, 1);
    mask->addWidget(m_syntaxRadio, 1, 0);
    auto* syntaxRow = new QHBoxLayout;
    syntaxRow->addWidget(m_maskEdit, 1);
    syntaxRow->addWidget(m_incrementCheck);
    mask->addLayout(syntaxRow, 1, 1);
    mask->addWidget(m_maskCountLabel, 2, 0, 1, 2);
    mask->setColumnStretch(1, 1);

    auto* threadsLabel = new QLabel(tr("&Threads"), this);
    threadsLabel->setBuddy(m_threadsSpin);
    auto* threadsRow = new QHBoxLayout;
    threadsRow->addWidget(threadsLabel);
    threadsRow->addWidget(m_threadsSpin);
    threadsRow->addWidget(new QLabel(tr("(all cores: %1)").arg(cores), this));
    threadsRow->addStretch(1);

    auto* wordlistLabel = new QLabel(tr("&Wordlists"), this);
    wordlistLabel->setBuddy(m_wordlistList);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_builtinCheck);
    layout->addWidget(wordlistLabel);
    layout->addLayout(wordlistRow);
    layout->addWidget(m_rulesCheck);
    layout->addWidget(m_maskGroup);
    layout->addLayout(threadsRow);

    connect(m_addWordlistButton, &QPushButton::clicked, this, &CrackSourcesForm::chooseWordlists);
    connect(m_removeWordlistButton, &QPushButton::clicked, this, &CrackSourcesForm::removeSelectedWordlists);
    connect(m_wordlistList, &QListWidget::itemSelectionChanged, this,
            [this] { m_removeWordlistButton->setEnabled(!m_wordlistList->selectedItems().isEmpty()); });
    for (QCheckBox* check : {m_builtinCheck, m_rulesCheck, m_incrementCheck})
        connect(check, &QCheckBox::toggled, this, &CrackSourcesForm::updateMaskControls);
    connect(m_maskGroup, &QGroupBox::toggled, this, &CrackSourcesForm::updateMaskControls);
    connect(m_charsetRadio, &QRadioButton::toggled, this, &CrackSourcesForm::updateMaskControls);
    connect(m_alphabetCombo, &QComboBox::currentIndexChanged, this, &CrackSourcesForm::updateMaskControls);
    connect(m_extraCharsEdit, &QLineEdit::textChanged, this, &CrackSourcesForm::updateMaskControls);
    connect(m_maskEdit, &QLineEdit::textChanged, this, &CrackSourcesForm::updateMaskControls);
    connect(m_minLengthSpin, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_maxLengthSpin->value() < v)
            m_maxLengthSpin->setValue(v);
        updateMaskControls();
    });
    connect(m_maxLengthSpin, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_minLengthSpin->value() > v)
            m_minLengthSpin->setValue(v);
        updateMaskControls();
    });
    connect(m_threadsSpin, &QSpinBox::valueChanged, this, &CrackSourcesForm::changed);

    m_removeWordlistButton->setEnabled(false);
    updateMaskControls();
}

CrackSourcesForm::~CrackSourcesForm() = default;

void CrackSourcesForm::addWordlist(const QString& path)
{
    if (path.isEmpty() || wordlists().contains(path))
        return;
    const QFileInfo info(path);
    auto* item = new QListWidgetItem(m_wordlistList);
    // The size only: the core streams the file during the run, so nothing is read here.
    item->setText(info.isFile() ? tr("%1 (%2)").arg(info.fileName(), QLocale().formattedDataSize(info.size()))
                                : tr("%1 (not a regular file: read as a stream)").arg(info.fileName()));
    item->setToolTip(QDir::toNativeSeparators(path));
    item->setData(kPathRole, path);
    updateMaskControls(); // the rules need words; and changed() follows
}

QStringList CrackSourcesForm::wordlists() const
{
    QStringList out;
    for (int i = 0; i < m_wordlistList->count(); ++i)
        out.append(m_wordlistList->item(i)->data(kPathRole).toString());
    return out;
}

void CrackSourcesForm::chooseWordlists()
{
    // open(), not exec(): no nested event loop; the dialog deletes itself.
    auto* dialog = new QFileDialog(this, tr("Open wordlists"));
    dialog->setObjectName(QStringLiteral("crackWordlistFileDialog"));
    dialog->setAccessibleName(tr("Open wordlists"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters({tr("Wordlists (*.txt *.lst *.dic *.list)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList& paths) {
        for (const QString& path : paths)
            addWordlist(path);
    });
    dialog->open();
}

void CrackSourcesForm::removeSelectedWordlists()
{
    qDeleteAll(m_wordlistList->selectedItems());
    updateMaskControls();
}

bool CrackSourcesForm::bruteForceEnabled() const
{
    return m_maskGroup->isChecked();
}

Result<BruteForceMask> CrackSourcesForm::mask() const
{
    if (m_syntaxRadio->isChecked()) {
        const QString text = m_maskEdit->text();
        if (text.isEmpty())
            return fail(ErrorCode::Usage, tr("type a mask, e.g. secret?d?d?d"));
        MaskOptions options;
        options.increment = m_incrementCheck->isChecked();
        return BruteForceMask::parse(text, options);
    }
    // Characters and a length range: one custom charset ?1 over every position; the shorter lengths are the mask's
    // prefixes (hashcat's --increment), so the whole range is one mask.
    const QString charset = m_alphabetCombo->currentData().toString() + literalCharset(m_extraCharsEdit->text());
    if (charset.isEmpty())
        return fail(ErrorCode::Usage, tr("choose an alphabet or type the characters to try"));
    const int minLength = m_minLengthSpin->value();
    const int maxLength = m_maxLengthSpin->value();
    MaskOptions options;
    options.customCharsets[0] = charset;
    options.increment = minLength < maxLength;
    options.incrementMin = minLength;
    options.incrementMax = maxLength;
    return BruteForceMask::parse(QStringLiteral("?1").repeated(maxLength), options);
}

void CrackSourcesForm::updateMaskControls()
{
    const bool on = m_maskGroup->isChecked();
    const bool charset = m_charsetRadio->isChecked();
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_alphabetCombo, m_extraCharsEdit, m_minLengthSpin, m_maxLengthSpin})
        w->setEnabled(on && charset);
    m_maskEdit->setEnabled(on && !charset);
    m_incrementCheck->setEnabled(on && !charset);
    m_rulesCheck->setEnabled(m_builtinCheck->isChecked() || m_wordlistList->count() > 0);

    // The count before starting, so that a run of years is never started by accident.
    QString text;
    QString style;
    if (!on) {
        text = tr("Off. Brute force finds short secrets only: each added character multiplies the work.");
    } else if (const Result<BruteForceMask> m = mask(); !m) {
        text = m.error().message;
        style = QStringLiteral("color: #b00020;");
    } else {
        const quint64 n = m->keyspace();
        text = tr("%1 candidates (%2), lengths %3 to %4")
                   .arg(crackCount(n), crackShortCount(n))
                   .arg(m->minLength())
                   .arg(m->maxLength());
    }
    m_maskCountLabel->setText(text);
    m_maskCountLabel->setStyleSheet(style);
    Q_EMIT changed();
}

Result<std::vector<std::unique_ptr<CandidateSource>>> CrackSourcesForm::makeSources() const
{
    std::vector<std::unique_ptr<CandidateSource>> sources;
    const bool rules = m_rulesCheck->isEnabled() && m_rulesCheck->isChecked();
    auto withRules = [rules](std::unique_ptr<CandidateSource> words) -> std::unique_ptr<CandidateSource> {
        if (rules)
            return std::make_unique<RuleSource>(std::move(words));
        return words;
    };
    if (m_builtinCheck->isChecked())
        sources.push_back(withRules(ListSource::builtin()));
    for (const QString& path : wordlists())
        sources.push_back(withRules(std::make_unique<WordlistFileSource>(path)));
    if (m_maskGroup->isChecked()) {
        Result<BruteForceMask> m = mask();
        if (!m)
            return fail(ErrorCode::Usage, tr("brute force: %1").arg(m.error().message));
        sources.push_back(std::make_unique<MaskSource>(std::move(*m)));
    }
    if (sources.empty())
        return fail(ErrorCode::Usage, tr("choose at least one source: the built-in list, a wordlist or brute force"));
    return sources;
}

int CrackSourcesForm::threads() const
{
    return m_threadsSpin->value();
}

QString CrackSourcesForm::summary() const
{
    QStringList parts;
    if (m_builtinCheck->isChecked())
        parts.append(tr("built-in list"));
    const int files = m_wordlistList->count();
    if (files > 0)
        parts.append(tr("%n wordlist(s)", nullptr, files));
    if (m_rulesCheck->isEnabled() && m_rulesCheck->isChecked())
        parts.append(tr("rules"));
    if (m_maskGroup->isChecked())
        parts.append(tr("brute force"));
    return parts.join(QStringLiteral(", "));
}

} // namespace assay::ui
