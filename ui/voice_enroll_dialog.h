#pragma once

#include <QDialog>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace noteward::ui {

class LevelMeter;
class MessageBanner;
class VaultWorker;

// File → Enrol my voice…: the therapist reads a passage for 30 seconds; the reading is kept
// in memory only, becomes a voice model in the vault, and from then on transcription labels
// therapist and client by it. Also says whether a voice is enrolled, and deletes it. The
// capture runs off the GUI and off the vault thread (it blocks for the whole reading).
class VoiceEnrollDialog : public QDialog {
    Q_OBJECT
public:
    VoiceEnrollDialog(VaultWorker& worker, QWidget* parent = nullptr);
    ~VoiceEnrollDialog() override;

    // For tests: the reading's length (30 s by default).
    void setSeconds(double seconds) { m_seconds = seconds; }
    // Closing cancels a reading in progress; nothing of it is kept.
    void reject() override;

signals:
    void enrolledChanged(bool enrolled);

private:
    void refreshStatus();
    void start();
    void finishCapture(bool ok, const QString& error);
    void forget();

    VaultWorker& m_worker;
    double m_seconds;
    QLabel* m_status;
    QComboBox* m_device;
    QProgressBar* m_progress;
    LevelMeter* m_meter;
    MessageBanner* m_banner;
    QPushButton* m_start;
    QPushButton* m_forget;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<double>> m_fraction;
    std::shared_ptr<std::atomic<float>> m_peak;
    bool m_capturing = false;
};

}  // namespace noteward::ui
