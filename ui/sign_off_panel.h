#pragma once

#include "app/session_record.h"
#include "crypto/secret_bytes.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace noteward::ui {

class MessageBanner;

// Sign-off: what will be signed (sections, risk decisions, engine, the therapist's edits),
// the passphrase entered again, then the signature. Afterwards: read-only, a "verified"
// badge from verification of the stored signature and hash chain, and signed addenda.
class SignOffPanel : public QWidget {
    Q_OBJECT
public:
    explicit SignOffPanel(QWidget* parent = nullptr);

    void setRecord(const core::app::SessionRecord& record);
    // The outcome of verifying the signed note: empty problems is "verified".
    void setVerification(bool ok, const QString& detail);
    void showError(const QString& message);
    void setBusy(bool busy);
    void clearAddendum();
    bool signEnabled() const;

signals:
    void signRequested(std::shared_ptr<core::crypto::SecretBytes> passphrase, bool unlabelledSpeakersReviewed);
    void addendumRequested(const QString& text);

private:
    void updateSignButton();

    QLabel* m_summary;
    QLabel* m_blockers;
    QCheckBox* m_speakers;
    QLineEdit* m_passphrase;
    QPushButton* m_sign;
    QLabel* m_badge;
    QListWidget* m_addenda;
    QPlainTextEdit* m_addendum;
    QPushButton* m_addAddendum;
    MessageBanner* m_error;
    QWidget* m_before;
    QWidget* m_after;
    bool m_gateOpen = false;
    bool m_needsSpeakers = false;
    bool m_busy = false;
    std::string m_sessionId;
};

}  // namespace noteward::ui
