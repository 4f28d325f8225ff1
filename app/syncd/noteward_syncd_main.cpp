// noteward-syncd: the sync server (see docs/sync-protocol.md). A thin main: options, the
// store, the HTTPS server, and a clean stop on SIGTERM or SIGINT.
#include "server/admin_commands.h"
#include "server/command_line.h"
#include "server/open_store.h"
#include "server/residency.h"
#include "server/sync_server.h"
#include "util/process_hardening.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <pthread.h>
#include <sys/stat.h>
#include <thread>

using namespace noteward::sync::server;

namespace {
constexpr char kHelp[] = R"(noteward-syncd: the Noteward sync server (UK-hosted; holds ciphertext only)

  noteward-syncd --config FILE
  noteward-syncd --data-dir DIR [--listen HOST:PORT] [--region REGION] [--postgresql CONNINFO]
      Serve HTTPS. --data-dir is the embedded default: a SQLCipher store in DIR and, for
      loopback only, a self-signed certificate it makes in DIR/tls. --listen defaults to
      127.0.0.1:8443 (port 0: any free port). The region must be a UK one. --postgresql keeps
      the store in PostgreSQL instead (a libpq connection string; the password goes in a
      password file, never in the string).
  noteward-syncd admin create-practice --name NAME (--config FILE | --data-dir DIR)
      Prints the new practice's id.
  noteward-syncd admin invite --practice ID --email EMAIL --role therapist|practice_manager
                              [--days N] (--config FILE | --data-dir DIR)
      Prints a single-use invitation token (valid 7 days unless --days says otherwise).
  noteward-syncd admin backup --out FILE (--config FILE | --data-dir DIR)
      A consistent snapshot of the store and its blobs, taken while the server runs;
      encrypted with the store key (keep the key file apart from backups).
  noteward-syncd admin restore --from FILE (--config FILE | --data-dir DIR)
      With the server stopped: the backup becomes the store, then every erasure on the data
      folder's erasure list is made again before anything is served.
  noteward-syncd admin replay-erasures (--config FILE | --data-dir DIR [--postgresql CONNINFO])
      After restoring PostgreSQL from pg_dump or point-in-time recovery (or any older copy):
      every erasure on the erasure list is made again. Run it before serving.

Exit status: 0 done, 1 failed, 2 bad usage or a refused configuration.
)";
}  // namespace

int main(int argc, char** argv)
{
    noteward::core::hardenProcess();
    ::umask(077);  // the store, its journal files, keys and certificates: the server's user only
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        (args.empty() ? std::cerr : std::cout) << kHelp;
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "admin") return runAdminCommand(args, std::cout, std::cerr);

    // SIGTERM and SIGINT go to one thread that asks the server to stop; the server then
    // answers what is in flight and returns. Blocked before any other thread exists and before
    // the store opens, so a stop during start-up is held, not lost.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);  // a client that goes away mid-answer is not a reason to die

    auto options = parseOptions(args, 0, {"--config", "--data-dir", "--listen", "--region", "--postgresql"});
    if (!options) {
        std::cerr << "noteward-syncd: " << options.error().message << "\n";
        return 2;
    }
    auto config = configFromOptions(*options);
    if (!config) {
        std::cerr << "noteward-syncd: " << config.error().message << "\n";
        return 2;
    }
    auto store = openStore(*config);
    if (!store) {
        std::cerr << "noteward-syncd: " << store.error().message << "\n";
        return 1;
    }

    SyncServer server(*config, **store, std::cerr);
    auto port = server.bind();
    if (!port) {
        std::cerr << "noteward-syncd: " << port.error().message << "\n";
        return 1;
    }
    // A stop asked for before the listener runs would do nothing: the watcher repeats it until
    // serving has ended.
    std::atomic<bool> stopRequested{false};
    std::atomic<bool> finished{false};
    std::thread watcher([&] {
        int signal = 0;
        sigwait(&stopSignals, &signal);
        if (finished) return;
        stopRequested = true;
        while (!finished) {
            server.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    const std::string host = config->listenHost.find(':') != std::string::npos ? "[" + config->listenHost + "]" : config->listenHost;
    if (config->selfSigned())
        std::cout << "Using a self-signed certificate for loopback development (" << (config->dataDir / "tls").string()
                  << "); production needs tls_certificate and tls_private_key.\n";
    std::cout << "noteward-syncd listening on https://" << host << ":" << *port << " (region " << config->region << ")"
              << std::endl;
    const bool served = server.serve();
    finished = true;
    pthread_kill(watcher.native_handle(), SIGTERM);  // wakes it if no signal came
    watcher.join();
    if (!served && !stopRequested) {
        std::cerr << "noteward-syncd: the listener failed; stopping." << std::endl;
        return 1;
    }
    std::cout << "noteward-syncd stopped." << std::endl;
    return 0;
}
