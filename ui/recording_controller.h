#pragma once

#include "audio/recorder.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <memory>
#include <string>

class QTimer;

namespace noteward::ui {

class VaultWorker;

// The live recording, owned by the main window so it outlives a session workspace and the
// lock screen: locking hides every window's content and drops the vault connection, but the
// recorder writes through its own connection and keeps going (the decision, tested). The
// widget only shows what this says (Mixxx's RecordingManager shape). Levels and time are
// polled from the recorder's atomics on a 25 Hz GUI timer, never from the audio callback.
class RecordingController : public QObject {
    Q_OBJECT
public:
    explicit RecordingController(VaultWorker& worker, QObject* parent = nullptr);
    ~RecordingController() override;

    bool isActive() const { return m_recorder != nullptr || m_starting; }
    bool isPaused() const { return m_status.paused; }
    const std::string& sessionId() const { return m_sessionId; }
    const core::audio::RecorderStatus& status() const { return m_status; }
    double seconds() const;
    QString deviceName() const { return m_device; }
    // The device has delivered nothing for two seconds while not paused.
    bool isStalled() const { return m_stalled; }
    // What ended the last recording early (a fault), or empty.
    const QString& lastProblem() const { return m_lastProblem; }

    void start(const std::string& sessionId, const std::string& device, bool consentConfirmed);
    void pause();
    void resume();
    // Stops in the background (the last chunk is written on the recorder's thread).
    void stop();

signals:
    void started();
    void startFailed(const QString& message);
    void levelsChanged();
    void stalledChanged(bool stalled);
    // The recording ended (stopped, or a fault); `problem` is empty when all went well.
    void finished(const std::string& sessionId, const QString& problem);

private:
    void poll();

    VaultWorker& m_worker;
    std::shared_ptr<core::audio::Recorder> m_recorder;
    std::string m_sessionId;
    QString m_device;
    core::audio::RecorderStatus m_status;
    QTimer* m_timer;
    std::int64_t m_lastCaptured = -1;
    int m_idlePolls = 0;
    bool m_stalled = false;
    bool m_starting = false;
    bool m_stopping = false;
    QFuture<QString> m_stop;  // a stop in flight on a pool thread
    QString m_lastProblem;
};

}  // namespace noteward::ui
