#include "vault_worker.h"

#include "qt_text.h"

namespace noteward::ui {

using core::vault::Vault;

VaultWorker::VaultWorker(std::filesystem::path dir, QObject* parent)
    : QObject(parent), m_dir(std::move(dir)), m_receiver(new QObject)
{
    m_thread.setObjectName(QStringLiteral("vault"));
    m_receiver->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_receiver, &QObject::deleteLater);
    m_thread.start();
}

VaultWorker::~VaultWorker()
{
    {
        std::lock_guard lock(m_tokensMutex);
        for (auto& weak : m_tokens)
            if (auto token = weak.lock()) token->store(true);
    }
    // The last job: every job queued before it still runs (saves included), then the vault is
    // closed and sealed on its own thread, and only then does the thread's loop end.
    post([this](Vault*) {
        m_vault.reset();
        m_thread.quit();
    });
    m_thread.wait();
}

void VaultWorker::post(std::function<void(Vault*)> job)
{
    QMetaObject::invokeMethod(
        m_receiver, [this, job = std::move(job)]() { job(m_vault.get()); }, Qt::QueuedConnection);
}

void VaultWorker::deliver(std::function<void()> onGui)
{
    QMetaObject::invokeMethod(this, std::move(onGui), Qt::QueuedConnection);
}

void VaultWorker::open(const core::crypto::SecretBytes& passphrase, bool create, core::vault::VaultIdentity identity,
                       QObject* context, std::function<void(core::Result<void>)> done)
{
    auto secret = std::make_shared<core::crypto::SecretBytes>(passphrase.view());
    QPointer<QObject> guard(context);
    post([this, secret, create, identity = std::move(identity), guard, done = std::move(done)](Vault* current) {
        core::Result<void> result = core::Ok{};
        QString therapist;
        if (current) {
            result = current->unlock(*secret);
        } else {
            auto opened = create ? Vault::create(m_dir, *secret, identity) : Vault::open(m_dir, *secret);
            if (opened) m_vault = std::move(opened.value());
            else result = opened.error();
        }
        if (result && m_vault) therapist = toQt(m_vault->user().displayName);
        deliver([this, guard, done, result, therapist]() {
            if (result) {
                m_open = true;
                m_therapist = therapist;
                emit lockedChanged(false);
            }
            if (guard) done(result);
        });
    });
}

void VaultWorker::lock()
{
    {
        std::lock_guard lock(m_tokensMutex);
        for (auto& weak : m_tokens)
            if (auto token = weak.lock()) token->store(true);
        m_tokens.clear();
    }
    const bool wasOpen = m_open;
    m_open = false;
    post([](Vault* vault) {
        if (vault) vault->lock();
    });
    if (wasOpen) emit lockedChanged(true);
}

CancelToken VaultWorker::newCancelToken()
{
    auto token = std::make_shared<std::atomic<bool>>(false);
    std::lock_guard lock(m_tokensMutex);
    std::erase_if(m_tokens, [](const auto& weak) { return weak.expired(); });
    m_tokens.push_back(token);
    return token;
}

}  // namespace noteward::ui
