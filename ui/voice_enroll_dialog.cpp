#include "voice_enroll_dialog.h"

#include "app/recording_service.h"
#include "app/voice_service.h"
#include "level_meter.h"
#include "message_banner.h"
#include "qt_text.h"
#include "vault/vault.h"
#include "vault_worker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace noteward::ui {

using core::app::VoiceService;

VoiceEnrollDialog::VoiceEnrollDialog(VaultWorker& worker, QWidget* parent)
    : QDialog(parent),
      m_worker(worker),
      m_seconds(VoiceService::kEnrollmentSeconds),
      m_status(new QLabel(this)),
      m_device(new QComboBox(this)),
      m_progress(new QProgressBar(this)),
      m_meter(new LevelMeter(this)),
      m_banner(new MessageBanner(this)),
      m_start(new QPushButton(tr("&Start reading"), this)),
      m_forget(new QPushButton(tr("&Delete my voice"), this)),
      m_cancel(std::make_shared<std::atomic<bool>>(false)),
      m_fraction(std::make_shared<std::atomic<double>>(0.0)),
      m_peak(std::make_shared<std::atomic<float>>(0.0f))
{
    setObjectName(QStringLiteral("voiceEnrollDialog"));
    setWindowTitle(tr("Enrol your voice"));
    auto* intro = new QLabel(tr("Noteward tells you apart from your client by your voice. Read the passage below "
                                "aloud at your usual pace, in the room you work in, for %1 seconds. Only a model of "
                                "your voice is kept, encrypted in your vault; the recording itself is never stored.")
                                 .arg(static_cast<int>(m_seconds)),
                             this);
    intro->setWordWrap(true);
    auto* passage = new QLabel(QStringLiteral("<blockquote>%1</blockquote>").arg(QString::fromUtf8(VoiceService::readingPassage()).toHtmlEscaped()), this);
    passage->setWordWrap(true);
    passage->setObjectName(QStringLiteral("readingPassage"));
    passage->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->setObjectName(QStringLiteral("voiceStatus"));
    m_status->setWordWrap(true);
    m_device->setObjectName(QStringLiteral("voiceDevice"));
    m_device->setAccessibleName(tr("Microphone"));
    m_device->addItem(tr("System default"), QString());
    m_progress->setObjectName(QStringLiteral("voiceProgress"));
    m_progress->setAccessibleName(tr("Reading progress"));
    m_progress->setRange(0, 100);
    m_meter->setAccessibleName(tr("Input level"));
    m_start->setObjectName(QStringLiteral("startReading"));
    m_forget->setObjectName(QStringLiteral("forgetVoice"));
    m_banner->setObjectName(QStringLiteral("voiceBanner"));

    auto* form = new QFormLayout;
    auto* deviceLabel = new QLabel(tr("&Microphone:"), this);
    deviceLabel->setBuddy(m_device);
    form->addRow(deviceLabel, m_device);
    form->addRow(tr("Level:"), m_meter);
    form->addRow(tr("Progress:"), m_progress);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_forget, QDialogButtonBox::DestructiveRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &VoiceEnrollDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &VoiceEnrollDialog::start);
    connect(m_forget, &QPushButton::clicked, this, &VoiceEnrollDialog::forget);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(passage);
    layout->addWidget(m_status);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(buttons);

    // Devices are listed off the GUI thread (PortAudio's scan can take a moment).
    auto* devices = new QFutureWatcher<QStringList>(this);
    connect(devices, &QFutureWatcher<QStringList>::finished, this, [this, devices] {
        for (const auto& name : devices->result()) m_device->addItem(name, name);
        devices->deleteLater();
    });
    devices->setFuture(QtConcurrent::run([] {
        QStringList names;
        for (const auto& d : core::app::RecordingService::inputDevices()) names << toQt(d.name);
        return names;
    }));
    refreshStatus();
}

VoiceEnrollDialog::~VoiceEnrollDialog() { m_cancel->store(true); }

void VoiceEnrollDialog::refreshStatus()
{
    m_worker.run<bool>(
        this,
        [](core::vault::Vault& vault) -> core::Result<bool> {
            auto profile = VoiceService(vault).profile();
            if (!profile) return profile.error();
            return profile.value().has_value();
        },
        [this](core::Result<bool> enrolled) {
            if (!enrolled) {
                m_status->setText(toQt(enrolled.error().message));
                return;
            }
            m_status->setText(enrolled.value() ? tr("Your voice is enrolled: transcripts label therapist and client.")
                                               : tr("No voice is enrolled yet: transcripts mark Speaker 1 and Speaker 2, "
                                                    "and you say which is you."));
            m_forget->setEnabled(enrolled.value() && !m_capturing);
            emit enrolledChanged(enrolled.value());
        });
}

void VoiceEnrollDialog::start()
{
    if (m_capturing) return;
    m_capturing = true;
    m_banner->clearMessage();
    m_start->setEnabled(false);
    m_forget->setEnabled(false);
    m_device->setEnabled(false);
    m_cancel->store(false);
    m_fraction->store(0);
    auto* poll = new QTimer(this);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, this, [this] {
        m_progress->setValue(static_cast<int>(m_fraction->load() * 100));
        m_meter->setLevels(m_peak->load(), m_peak->load() * 0.7f);
    });
    poll->start();

    auto reading = std::make_shared<core::Result<core::speech::SpeechAudio>>(
        core::makeError(core::ErrorCode::Internal, "The reading did not finish."));
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, poll, reading] {
        watcher->deleteLater();
        poll->deleteLater();
        if (!*reading) {
            finishCapture(false, toQt(reading->error().message));
            return;
        }
        m_progress->setRange(0, 0);  // modelling the voice: busy, no figure
        auto audio = std::make_shared<core::speech::SpeechAudio>(std::move(reading->value()));
        m_worker.run<double>(
            this,
            [audio](core::vault::Vault& vault) -> core::Result<double> {
                auto profile = VoiceService(vault).enroll(*audio);
                std::fill(audio->samples.begin(), audio->samples.end(), 0.0f);  // the reading is not kept
                if (!profile) return profile.error();
                return profile->speechSeconds;
            },
            [this](core::Result<double> enrolled) {
                m_progress->setRange(0, 100);
                finishCapture(enrolled.ok(), enrolled ? QString() : toQt(enrolled.error().message));
            });
    });
    const std::string device = toStd(m_device->currentData().toString());
    watcher->setFuture(QtConcurrent::run([device, seconds = m_seconds, cancel = m_cancel, fraction = m_fraction,
                                          peak = m_peak, reading] {
        *reading = VoiceService::captureReading(
            device, seconds,
            [fraction, peak](double f, float p) {
                fraction->store(f);
                peak->store(p);
            },
            cancel.get());
    }));
}

void VoiceEnrollDialog::finishCapture(bool ok, const QString& error)
{
    m_capturing = false;
    m_start->setEnabled(true);
    m_device->setEnabled(true);
    m_meter->setLevels(0, 0);
    if (ok) {
        m_banner->showMessage(tr("Done: your voice is enrolled."), MessageBanner::Kind::Information);
        m_progress->setValue(100);
    } else {
        m_banner->showMessage(error);
        m_progress->setValue(0);
    }
    refreshStatus();
}

void VoiceEnrollDialog::forget()
{
    m_forget->setEnabled(false);
    m_worker.run<bool>(
        this, [](core::vault::Vault& vault) { return VoiceService(vault).forget(); },
        [this](core::Result<bool> removed) {
            if (!removed) m_banner->showMessage(toQt(removed.error().message));
            else m_banner->showMessage(tr("Your voice model was deleted."), MessageBanner::Kind::Information);
            refreshStatus();
        });
}

void VoiceEnrollDialog::reject()
{
    m_cancel->store(true);  // a reading in progress stops within a block; nothing is kept
    QDialog::reject();
}

}  // namespace noteward::ui
