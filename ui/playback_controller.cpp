#include "playback_controller.h"

#include "qt_text.h"
#include "vault_worker.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace noteward::ui {

using PlayerPtr = std::unique_ptr<core::audio::Player>;

PlaybackController::PlaybackController(VaultWorker& worker, QObject* parent)
    : QObject(parent), m_worker(worker), m_timer(new QTimer(this))
{
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &PlaybackController::poll);
}

PlaybackController::~PlaybackController()
{
    if (m_player) (void)m_player->stop();
}

void PlaybackController::play(const std::string& sessionId, double fromSeconds)
{
    stop();
    const int request = ++m_request;
    m_worker.run<PlayerPtr>(
        this,
        [sessionId, fromSeconds](core::vault::Vault& vault) { return core::audio::Player::start(vault, sessionId, fromSeconds); },
        [this, request](core::Result<PlayerPtr> player) {
            if (request != m_request) {  // stopped or replaced meanwhile
                if (player) (void)QtConcurrent::run([p = std::shared_ptr<core::audio::Player>(std::move(player.value()))] { (void)p->stop(); });
                return;
            }
            if (!player) {
                emit failed(toQt(player.error().message));
                return;
            }
            m_player = std::move(player.value());
            m_timer->start();
            emit playingChanged(true);
        });
}

void PlaybackController::stop()
{
    ++m_request;
    if (!m_player) return;
    auto player = std::move(m_player);
    m_timer->stop();
    (void)QtConcurrent::run([player] { (void)player->stop(); });
    emit playingChanged(false);
}

void PlaybackController::poll()
{
    if (m_player && m_player->finished()) stop();
}

}  // namespace noteward::ui
