#pragma once

#include <QWidget>

#include <string>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace noteward::ui {

class LevelMeter;
class MessageBanner;
class RecordingController;

// Record: consent in the words that are audited, input device, live level, time, pause and
// stop. Shows the controller's state; the recording itself belongs to the controller.
class RecordPanel : public QWidget {
    Q_OBJECT
public:
    RecordPanel(RecordingController& controller, QWidget* parent = nullptr);

    void setSession(const std::string& sessionId, double recordedSeconds);
    // Fills the device list off the GUI thread (PortAudio scans every host API).
    void loadDevices();

private:
    void updateState();
    void record();

    RecordingController& m_controller;
    std::string m_sessionId;
    double m_recordedSeconds = 0;
    QCheckBox* m_consent;
    QComboBox* m_device;
    LevelMeter* m_meter;
    QLabel* m_time;
    QPushButton* m_record;
    QPushButton* m_pause;
    QPushButton* m_stop;
    MessageBanner* m_banner;
};

}  // namespace noteward::ui
