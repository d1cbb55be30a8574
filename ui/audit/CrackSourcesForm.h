// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/BruteForceMask.h"
#include "audit/CandidateSource.h"
#include "base/Result.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace assay::ui {

/// Where the weak-secret checker's guesses come from, combinable: the core's built-in list, wordlist files (streamed
/// by the core, never loaded here), the core's mangling rules over both, and brute force over a mask, given either
/// as an alphabet and a length range or in hashcat's mask syntax (BruteForceMask.h); plus the number of worker
/// threads. The form only describes; makeSources() turns it into the core's CandidateSource objects for one run.
class CrackSourcesForm : public QWidget
{
    Q_OBJECT

public:
    explicit CrackSourcesForm(QWidget* parent = nullptr);
    ~CrackSourcesForm() override;

    /// Adds a wordlist file (what "Add wordlists…" does with each chosen file). A path already listed is ignored.
    void addWordlist(const QString& path);
    [[nodiscard]] QStringList wordlists() const;

    /// The brute-force mask as the form describes it; fails saying why (no characters, a mask syntax error, a
    /// keyspace over 2^64). Meaningful when brute force is on.
    [[nodiscard]] Result<BruteForceMask> mask() const;
    [[nodiscard]] bool bruteForceEnabled() const;

    /// Fresh sources for one run, in the order they are tried; fails when nothing is chosen or the mask is wrong.
    [[nodiscard]] Result<std::vector<std::unique_ptr<CandidateSource>>> makeSources() const;
    /// Worker threads (default: one per hardware thread).
    [[nodiscard]] int threads() const;
    /// One line naming the chosen sources, for the result text.
    [[nodiscard]] QString summary() const;

Q_SIGNALS:
    void changed();

private:
    void chooseWordlists();
    void removeSelectedWordlists();
    void updateMaskControls();

    QCheckBox* m_builtinCheck;
    QListWidget* m_wordlistList;
    QPushButton* m_addWordlistButton;
    QPushButton* m_removeWordlistButton;
    QCheckBox* m_rulesCheck;
    QGroupBox* m_maskGroup;
    QRadioButton* m_charsetRadio;
    QRadioButton* m_syntaxRadio;
    QComboBox* m_alphabetCombo;
    QLineEdit* m_extraCharsEdit;
    QSpinBox* m_minLengthSpin;
    QSpinBox* m_maxLengthSpin;
    QLineEdit* m_maskEdit;
    QCheckBox* m_incrementCheck;
    QLabel* m_maskCountLabel;
    QSpinBox* m_threadsSpin;
};

} // namespace assay::ui
