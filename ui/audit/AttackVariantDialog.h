// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/AttackVariants.h"

#include <QDialog>
#include <QList>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace assay::ui {

/// The attack variants made from a token (core/audit/AttackVariants.h), for authorized testing of other verifiers:
/// a list on the left; for the chosen variant its label, name, ATTACKS.md id, what a vulnerable verifier does with
/// it, the token, and the companion to host or keep when there is one (the JWK Set for jku, the private key for
/// x5u) with copy and save. "Open in new window" emits openVariant(); the original token is never touched.
class AttackVariantDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AttackVariantDialog(QList<AttackVariant> variants, QWidget* parent = nullptr);
    ~AttackVariantDialog() override;

    [[nodiscard]] const QList<AttackVariant>& variants() const { return m_variants; }
    [[nodiscard]] int currentIndex() const;
    void setCurrentIndex(int index);

Q_SIGNALS:
    /// "Open in new window": open this variant as a new token, labelled as an attack variant.
    void openVariant(const assay::AttackVariant& variant);
    /// A short note for a status bar ("Copied the token").
    void message(const QString& text);

private:
    void showCurrent();
    void copyToken();
    void copyCompanion();
    void saveCompanion();
    void showStatus(const QString& text);
    [[nodiscard]] const AttackVariant* current() const;

    QList<AttackVariant> m_variants;
    QListWidget* m_list;
    QLabel* m_titleLabel;
    QLabel* m_idLabel;
    QLabel* m_explanationLabel;
    QPlainTextEdit* m_tokenView;
    QPushButton* m_copyTokenButton;
    QPushButton* m_openButton;
    QWidget* m_companionBox;
    QLabel* m_companionNoteLabel;
    QPlainTextEdit* m_companionView;
    QPushButton* m_copyCompanionButton;
    QPushButton* m_saveCompanionButton;
    QLabel* m_statusLabel;
};

} // namespace assay::ui
