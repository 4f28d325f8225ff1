#pragma once

#include "audio/player.h"

#include <QObject>

#include <memory>
#include <string>

class QTimer;

namespace noteward::ui {

class VaultWorker;

// Plays a session's recording from a position (a transcript segment, a cited statement).
// The player starts on the vault thread (it reads the recording's key), then decodes on its
// own connection and thread; stopping joins that thread, so it happens off the GUI thread.
class PlaybackController : public QObject {
    Q_OBJECT
public:
    explicit PlaybackController(VaultWorker& worker, QObject* parent = nullptr);
    ~PlaybackController() override;

    bool isPlaying() const { return m_player != nullptr; }
    void play(const std::string& sessionId, double fromSeconds);
    void stop();

signals:
    void playingChanged(bool playing);
    void failed(const QString& message);

private:
    void poll();

    VaultWorker& m_worker;
    std::shared_ptr<core::audio::Player> m_player;
    QTimer* m_timer;
    int m_request = 0;
};

}  // namespace noteward::ui
