#include "recording_controller.h"

#include "app/recording_service.h"
#include "qt_text.h"
#include "vault_worker.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace noteward::ui {

namespace {
constexpr int kPollMs = 40;                       // 25 updates a second
constexpr int kStallPolls = 2000 / kPollMs;       // two seconds without new audio
using RecorderPtr = std::unique_ptr<core::audio::Recorder>;
}  // namespace

RecordingController::RecordingController(VaultWorker& worker, QObject* parent)
    : QObject(parent), m_worker(worker), m_timer(new QTimer(this))
{
    m_timer->setInterval(kPollMs);
    connect(m_timer, &QTimer::timeout, this, &RecordingController::poll);
}

RecordingController::~RecordingController()
{
    // Closing the app while recording (after the window asked): keep what was captured. A stop
    // already running on a pool thread is waited for, never repeated (one join per thread).
    if (m_stop.isValid()) m_stop.waitForFinished();
    else if (m_recorder) (void)m_recorder->stop();
}

double RecordingController::seconds() const
{
    return m_status.sampleRate ? static_cast<double>(m_status.capturedFrames) / m_status.sampleRate : 0.0;
}

void RecordingController::start(const std::string& sessionId, const std::string& device, bool consentConfirmed)
{
    if (isActive()) return;
    m_starting = true;
    m_sessionId = sessionId;
    m_lastProblem.clear();
    m_worker.run<RecorderPtr>(
        this,
        [sessionId, device, consentConfirmed](core::vault::Vault& vault) {
            return core::app::RecordingService(vault).start(sessionId, device, consentConfirmed);
        },
        [this](core::Result<RecorderPtr> recorder) {
            m_starting = false;
            if (!recorder) {
                emit startFailed(toQt(recorder.error().message));
                return;
            }
            m_recorder = std::move(recorder.value());
            m_device = toQt(m_recorder->deviceName());
            m_status = m_recorder->status();
            m_lastCaptured = -1;
            m_idlePolls = 0;
            m_stalled = false;
            m_timer->start();
            emit started();
        });
}

void RecordingController::pause()
{
    if (m_recorder) m_recorder->pause();
    poll();
}

void RecordingController::resume()
{
    if (m_recorder) m_recorder->resume();
    poll();
}

void RecordingController::stop()
{
    if (!m_recorder || m_stopping) return;
    m_stopping = true;
    auto recorder = m_recorder;
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const QString problem = watcher->result();
        watcher->deleteLater();
        m_timer->stop();
        if (m_recorder) m_status = m_recorder->status();
        m_recorder.reset();
        m_stopping = false;
        m_stalled = false;
        m_stop = {};
        m_lastProblem = problem;
        emit finished(m_sessionId, problem);
    });
    m_stop = QtConcurrent::run([recorder] {
        auto stopped = recorder->stop();
        return stopped ? QString() : toQt(stopped.error().message);
    });
    watcher->setFuture(m_stop);
}

void RecordingController::poll()
{
    if (!m_recorder) return;
    m_status = m_recorder->status();
    emit levelsChanged();
    if (m_recorder->finished()) {  // the maximum length, or a fault: collect what it says
        stop();
        return;
    }
    if (m_status.paused || m_status.capturedFrames != m_lastCaptured) {
        m_lastCaptured = m_status.capturedFrames;
        m_idlePolls = 0;
        if (m_stalled) emit stalledChanged(m_stalled = false);
    } else if (++m_idlePolls == kStallPolls) {
        emit stalledChanged(m_stalled = true);
    }
}

}  // namespace noteward::ui
