#include "record_panel.h"

#include "app/recording_service.h"
#include "level_meter.h"
#include "message_banner.h"
#include "qt_text.h"
#include "recording_controller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace noteward::ui {

namespace {
QString clock(double seconds)
{
    const auto s = static_cast<qint64>(seconds);
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}
}  // namespace

RecordPanel::RecordPanel(RecordingController& controller, QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_consent(new QCheckBox(this)),
      m_device(new QComboBox(this)),
      m_meter(new LevelMeter(this)),
      m_time(new QLabel(clock(0), this)),
      m_record(new QPushButton(tr("Record"), this)),
      m_pause(new QPushButton(tr("&Pause"), this)),
      m_stop(new QPushButton(tr("Stop"), this)),
      m_banner(new MessageBanner(this))
{
    setObjectName(QStringLiteral("recordPanel"));
    m_consent->setObjectName(QStringLiteral("consentCheck"));
    m_consent->setAccessibleName(tr("Client consent to recording"));
    m_consent->setAccessibleDescription(toQt(core::app::RecordingService::consentWording()));
    m_device->setObjectName(QStringLiteral("inputDevice"));
    m_device->setAccessibleName(tr("Input device"));
    m_device->addItem(tr("System default"), QString());
    auto* deviceLabel = new QLabel(tr("&Microphone"), this);
    deviceLabel->setBuddy(m_device);
    auto* levelLabel = new QLabel(tr("Level"), this);
    m_time->setObjectName(QStringLiteral("recordTime"));
    m_time->setAccessibleName(tr("Recorded time"));
    m_record->setObjectName(QStringLiteral("recordButton"));
    m_record->setToolTip(QKeySequence(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText));
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stop->setToolTip(m_stop->shortcut().toString(QKeySequence::NativeText));
    m_banner->setObjectName(QStringLiteral("recordBanner"));

    m_record->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_record, &QPushButton::clicked, this, &RecordPanel::record);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        m_controller.isPaused() ? m_controller.resume() : m_controller.pause();
        updateState();
    });
    connect(m_stop, &QPushButton::clicked, &m_controller, &RecordingController::stop);
    connect(m_consent, &QCheckBox::toggled, this, &RecordPanel::updateState);
    connect(&m_controller, &RecordingController::levelsChanged, this, [this] {
        if (m_controller.sessionId() != m_sessionId) return;
        m_meter->setLevels(m_controller.status().peak, m_controller.status().rms);
        m_time->setText(clock(m_controller.seconds()));
    });
    connect(&m_controller, &RecordingController::stalledChanged, this, [this](bool stalled) {
        if (stalled)
            m_banner->showMessage(tr("The microphone has stopped delivering audio. Check that it is connected; what "
                                     "was recorded so far is saved."),
                                  MessageBanner::Kind::Warning);
        else
            m_banner->clearMessage();
    });
    connect(&m_controller, &RecordingController::startFailed, this, [this](const QString& message) {
        m_banner->showMessage(message);
        updateState();
    });
    connect(&m_controller, &RecordingController::started, this, [this] {
        m_banner->clearMessage();
        updateState();
    });
    connect(&m_controller, &RecordingController::finished, this, [this](const std::string&, const QString& problem) {
        if (!problem.isEmpty()) m_banner->showMessage(problem);
        else m_banner->clearMessage();
        m_meter->setLevels(0, 0);
        updateState();
    });

    auto* layout = new QGridLayout(this);
    layout->addWidget(deviceLabel, 1, 0);
    layout->addWidget(m_device, 1, 1);
    auto* meterRow = new QHBoxLayout;
    meterRow->addWidget(levelLabel);
    meterRow->addWidget(m_meter, 1);
    layout->addLayout(meterRow, 1, 2);
    layout->addWidget(m_time, 1, 3);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_record);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_stop);
    layout->addLayout(buttons, 1, 4);
    layout->addWidget(m_banner, 2, 0, 1, 6);
    layout->setColumnStretch(2, 1);
    m_consent->setText(tr("Client consents to &being recorded"));
    m_consent->setToolTip(toQt(core::app::RecordingService::consentWording()));
    auto* wording = new QLabel(toQt(core::app::RecordingService::consentWording()), this);
    wording->setWordWrap(true);
    wording->setObjectName(QStringLiteral("consentWording"));
    layout->addWidget(wording, 0, 1, 1, 5);
    layout->addWidget(m_consent, 0, 0);
    updateState();
}

void RecordPanel::loadDevices()
{
    // Not while capturing: the scan reinitialises the audio system's device list.
    if (m_controller.isActive()) return;
    auto* watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const QStringList names = watcher->result();
        watcher->deleteLater();
        const QString current = m_device->currentData().toString();
        while (m_device->count() > 1) m_device->removeItem(1);
        for (const auto& name : names) m_device->addItem(name, name);
        const int keep = m_device->findData(current);
        if (keep >= 0) m_device->setCurrentIndex(keep);
    });
    watcher->setFuture(QtConcurrent::run([] {
        QStringList names;
        for (const auto& d : core::app::RecordingService::inputDevices()) names << toQt(d.name);
        return names;
    }));
}

void RecordPanel::setSession(const std::string& sessionId, double recordedSeconds)
{
    // Consent is given for one session's recording: it never carries over to another.
    if (sessionId != m_sessionId) m_consent->setChecked(false);
    m_sessionId = sessionId;
    m_recordedSeconds = recordedSeconds;
    if (m_controller.sessionId() != sessionId || !m_controller.isActive()) {
        m_time->setText(clock(recordedSeconds));
        m_meter->setLevels(0, 0);
    }
    updateState();
}

void RecordPanel::record()
{
    if (!m_consent->isChecked()) {
        m_banner->showMessage(tr("Confirm the client's consent before recording."));
        return;
    }
    m_controller.start(m_sessionId, toStd(m_device->currentData().toString()), true);
    updateState();
}

void RecordPanel::updateState()
{
    const bool active = m_controller.isActive();
    const bool here = active && m_controller.sessionId() == m_sessionId;
    m_record->setEnabled(!active && m_consent->isChecked() && !m_sessionId.empty());
    m_consent->setEnabled(!active);
    m_device->setEnabled(!active);
    m_pause->setEnabled(here && m_controller.status().running);
    m_record->setText(here ? tr("Recording…") : tr("Record"));
    m_record->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));  // setText drops a custom shortcut
    m_pause->setText(m_controller.isPaused() ? tr("Res&ume") : tr("&Pause"));
    if (!active && m_recordedSeconds > 0)
        m_consent->setToolTip(tr("This session has a recording; recording again adds a new one, which needs consent again."));
    m_stop->setEnabled(here);
    if (active && !here)
        m_banner->showMessage(tr("Another session is being recorded; stop it before recording this one."),
                              MessageBanner::Kind::Information);
}

}  // namespace noteward::ui
