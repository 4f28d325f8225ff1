#pragma once

#include "crypto/secret_bytes.h"
#include "util/result.h"
#include "vault/vault.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace noteward::ui {

using CancelToken = std::shared_ptr<std::atomic<bool>>;

// The one thread that touches the vault. The vault has one SQLCipher connection, and every
// use of it (Argon2id at unlock, queries, drafting, signing) is slow enough to stall a
// window, so the GUI thread never calls it: it posts jobs here, in order, and gets each
// result back on the GUI thread, dropped if the widget that asked is gone (the shape of
// KeePassXC's AsyncTask, without a nested event loop). Jobs run one at a time, so no two
// ever share the connection.
class VaultWorker : public QObject {
    Q_OBJECT
public:
    explicit VaultWorker(std::filesystem::path dir, QObject* parent = nullptr);
    // Finishes the queued jobs, closes the vault (sealing its audit log) and stops the thread.
    ~VaultWorker() override;

    const std::filesystem::path& directory() const { return m_dir; }
    // GUI-side view: whether a vault is open and unlocked (jobs may still be queued).
    bool isOpen() const { return m_open; }
    // The therapist's name and the practice, copied at unlock for the window title.
    const QString& therapistName() const { return m_therapist; }

    // Runs `job` on the vault thread, then `done` on the GUI thread if `context` still exists.
    // With no open vault, `done` gets the locked error and `job` does not run.
    template <typename T>
    void run(QObject* context, std::function<core::Result<T>(core::vault::Vault&)> job,
             std::function<void(core::Result<T>)> done)
    {
        QPointer<QObject> guard(context);
        post([this, guard, job = std::move(job), done = std::move(done)](core::vault::Vault* vault) {
            auto result = std::make_shared<core::Result<T>>(vault && !vault->isLocked()
                                                                ? job(*vault)
                                                                : core::Result<T>(core::vault::Vault::lockedError()));
            deliver([guard, done, result]() {
                if (guard) done(std::move(*result));
            });
        });
    }

    // Opens (or with `create`, creates) the vault with the passphrase; `done` on the GUI thread.
    void open(const core::crypto::SecretBytes& passphrase, bool create, core::vault::VaultIdentity identity,
              QObject* context, std::function<void(core::Result<void>)> done);
    // Drops the connection and wipes the key at once from the GUI's point of view: running
    // jobs are asked to cancel, and the lock runs as soon as the current job returns.
    void lock();

    // A cancel flag for a long job; lock() sets every one still held.
    CancelToken newCancelToken();

signals:
    void lockedChanged(bool locked);

private:
    void post(std::function<void(core::vault::Vault*)> job);
    void deliver(std::function<void()> onGui);

    std::filesystem::path m_dir;
    QThread m_thread;
    QObject* m_receiver;                       // lives on m_thread
    std::unique_ptr<core::vault::Vault> m_vault;  // used only on m_thread
    bool m_open = false;
    QString m_therapist;
    std::mutex m_tokensMutex;
    std::vector<std::weak_ptr<std::atomic<bool>>> m_tokens;
};

}  // namespace noteward::ui
