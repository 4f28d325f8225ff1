// noteward-syncd-bench: small-object writes and change-feed reads per second against the
// real server code over real TLS on loopback, with p50/p99 latency, errors and memory; and a
// change-feed read of 10 changes in a practice holding many objects. Prints figures; asserts
// nothing (figures go in notes, not in timed tests).
//
//   noteward-syncd-bench [--seconds S] [--clients N] [--objects M] [--data-dir DIR] [--postgresql CONNINFO]
//                        [--chunk-kib K]   (blob chunk size; the server's default max_chunk_bytes else)
//   noteward-syncd-bench setup --data-dir DIR [...]   (a store for an outside load generator; see setup())
#include "crypto/random.h"
#include "crypto/sha256.h"
#include "bench_blob_throughput.h"
#include "server/open_store.h"
#include "server/server_config.h"
#include "server/sync_server.h"
#include "util/hex.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

using namespace noteward;
using namespace noteward::sync::server;
using Clock = std::chrono::steady_clock;

namespace {

long rssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

struct Figures {
    std::size_t requests = 0;
    std::size_t errors = 0;
    std::vector<double> latenciesMs;
};

void report(const char* what, Figures f, double seconds)
{
    std::sort(f.latenciesMs.begin(), f.latenciesMs.end());
    const auto at = [&](double q) {
        return f.latenciesMs.empty() ? 0.0 : f.latenciesMs[static_cast<std::size_t>(q * static_cast<double>(f.latenciesMs.size() - 1))];
    };
    std::printf("  %-34s %8.0f requests/s  p50 %6.2f ms  p99 %6.2f ms  errors %zu  (%zu in %.0f s)\n", what,
                static_cast<double>(f.requests) / seconds, at(0.50), at(0.99), f.errors, f.requests, seconds);
}

// N keep-alive TLS clients doing `request` for `seconds`.
Figures load(int port, const std::string& ca, int clients, double seconds,
             const std::function<int(httplib::SSLClient&, std::size_t, std::size_t)>& request)
{
    std::vector<Figures> per(static_cast<std::size_t>(clients));
    std::vector<std::thread> threads;
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    for (int t = 0; t < clients; ++t)
        threads.emplace_back([&, t] {
            httplib::SSLClient client("127.0.0.1", port);
            client.set_ca_cert_path(ca.c_str());
            client.enable_server_certificate_verification(true);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);
            auto& mine = per[static_cast<std::size_t>(t)];
            for (std::size_t i = 0; Clock::now() < end; ++i) {
                const auto start = Clock::now();
                const int status = request(client, static_cast<std::size_t>(t), i);
                mine.latenciesMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
                ++mine.requests;
                if (status < 200 || status >= 300) ++mine.errors;
            }
        });
    for (auto& th : threads) th.join();
    Figures all;
    for (auto& f : per) {
        all.requests += f.requests;
        all.errors += f.errors;
        all.latenciesMs.insert(all.latenciesMs.end(), f.latenciesMs.begin(), f.latenciesMs.end());
    }
    return all;
}

// A therapist with a session and a client, made through the store (sign-in is not measured).
// Fresh names each run: a PostgreSQL database may be reused between runs.
struct Therapist {
    std::string practiceId, accountId, objectsPath, token;
    httplib::Headers auth;
};

std::optional<Therapist> makeTherapist(ServerStore& s)
{
    const auto practice = s.createPractice("Bench").value();
    const std::string invitation = core::crypto::randomUuid(), email = "bench-" + core::crypto::randomUuid() + "@example.org";
    (void)s.putInvitation(invitation, {practice.id, email, Role::Therapist, 4102444800});
    Account account;
    account.id = core::crypto::randomUuid();
    account.authHash = "unused";
    account.totpSecret = "GEZDGNBV";
    if (auto joined = s.redeemInvitation(invitation, email, account, 0); !joined) {
        std::cerr << joined.error().message << "\n";
        return std::nullopt;
    }
    const std::string token = core::toHex(core::crypto::randomBytes(32));
    const auto now = static_cast<std::int64_t>(time(nullptr));
    (void)s.putSession({core::toHex(core::crypto::sha256(core::asBytes(token))), account.id, now, now, now + 86400});
    const std::string clientId = core::crypto::randomUuid();
    (void)s.registerClient(practice.id, clientId, account.id);
    return Therapist{practice.id, account.id, "/v1/practices/" + practice.id + "/clients/" + clientId + "/objects/", token,
                     {{"Authorization", "Bearer " + token}}};
}

// `setup`: a store with therapists for an outside load generator, and the configuration to
// serve it with (the server then runs as its own process, so its memory is its own). Writes
// DIR/syncd.json and DIR/sessions.lua (tokens and paths, as a Lua table for wrk).
int setup(int argc, char** argv)
{
    std::filesystem::path dataDir;
    std::string postgresql, listen = "127.0.0.1:8443";
    int therapists = 8;
    for (int i = 0; i + 1 < argc; i += 2) {
        const std::string name = argv[i], value = argv[i + 1];
        if (name == "--data-dir") dataDir = value;
        else if (name == "--postgresql") postgresql = value;
        else if (name == "--listen") listen = value;
        else if (name == "--therapists") therapists = std::stoi(value);
        else dataDir.clear(), i = argc;
    }
    if (dataDir.empty() || argc % 2 != 0) {
        std::cerr << "usage: noteward-syncd-bench setup --data-dir DIR [--listen HOST:PORT] [--therapists N] [--postgresql CONNINFO]\n";
        return 2;
    }
    auto config = embeddedServerConfig(dataDir, listen);
    if (!config) {
        std::cerr << config.error().message << "\n";
        return 2;
    }
    config->postgresql = postgresql;
    auto store = openStore(*config);
    if (!store) {
        std::cerr << store.error().message << "\n";
        return 1;
    }
    std::ofstream lua(dataDir / "sessions.lua");
    lua << "return {\n";
    for (int k = 0; k < therapists; ++k) {
        const auto t = makeTherapist(**store);
        if (!t) return 1;
        const std::string practicePath = "/v1/practices/" + t->practiceId;
        lua << "  {token = \"" << t->token << "\", objects = \"" << t->objectsPath << "\", changes = \"" << practicePath
            << "/changes?limit=10&after=\"},\n";
    }
    lua << "}\n";
    nlohmann::json file = {{"data_dir", dataDir.string()},
                           {"listen", listen},
                           {"region", config->region},
                           {"store_key_file", config->storeKeyPath().string()},
                           // One session per load connection: measure the server, not the limit.
                           {"session_requests_per_second", 100000}};
    if (!postgresql.empty()) file["postgresql"] = postgresql;
    std::ofstream(dataDir / "syncd.json") << file.dump(2) << "\n";
    std::printf("%s\n", (dataDir / "syncd.json").c_str());
    return lua && std::filesystem::exists(dataDir / "syncd.json") ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::string(argv[1]) == "setup") return setup(argc - 2, argv + 2);
    double seconds = 20;
    int clients = 4;
    std::size_t objects = 100000;
    std::filesystem::path dataDir = std::filesystem::temp_directory_path() / ("syncd-bench-" + core::crypto::randomUuid());
    std::string postgresql;  // empty: the embedded store
    std::size_t chunkKiB = 0;  // 0: the server's default max_chunk_bytes
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i], value = argv[i + 1];
        if (name == "--seconds") seconds = std::stod(value);
        else if (name == "--clients") clients = std::stoi(value);
        else if (name == "--objects") objects = std::stoul(value);
        else if (name == "--data-dir") dataDir = value;
        else if (name == "--postgresql") postgresql = value;
        else if (name == "--chunk-kib") chunkKiB = std::stoul(value);
        else {
            std::cerr << "usage: noteward-syncd-bench [--seconds S] [--clients N] [--objects M] [--data-dir DIR] "
                         "[--postgresql CONNINFO] [--chunk-kib K]\n";
            return 2;
        }
    }
    auto config = embeddedServerConfig(dataDir, "127.0.0.1:0").value();
    config.postgresql = postgresql;
    if (chunkKiB > 0) config.maxChunkBytes = chunkKiB * 1024;
    config.sessionRatePerSecond = 100000;  // one session per load client: measure the server, not the limit
    auto store = openStore(config);
    if (!store) {
        std::cerr << store.error().message << "\n";
        return 1;
    }
    // One line per request, discarded: kept in memory it would be counted as the server's.
    std::ostream log(nullptr);
    SyncServer server(config, **store, log);
    const auto port = server.bind();
    if (!port) {
        std::cerr << port.error().message << "\n";
        return 1;
    }
    const std::string ca = (dataDir / "tls" / "loopback-cert.pem").string();

    // Therapists with a session and a client each, made through the store (sign-in is not
    // measured): the first practice is shared by every load client, and each load client also
    // has a practice of its own (writers of one practice queue for its feed; practices do not).
    auto& s = **store;
    std::vector<Therapist> own;
    const auto shared = makeTherapist(s);
    for (int k = 0; shared && k < clients; ++k)
        if (auto t = makeTherapist(s)) own.push_back(*t);
    if (!shared || own.size() != static_cast<std::size_t>(clients)) return 1;
    const std::string& objectsPath = shared->objectsPath;
    const httplib::Headers& auth = shared->auth;
    const Practice practice{shared->practiceId, "Bench"};
    const Account account{shared->accountId, shared->practiceId, "", Role::Therapist, "", "", true};
    std::thread serving([&] { server.serve(); });
    const std::string envelope(1368, 'A');  // base64 of 1 KiB

    std::printf("noteward-syncd-bench: %s store, TLS on loopback, %d clients, %.0f s per phase\n",
                config.usesPostgresql() ? "PostgreSQL" : "embedded", clients, seconds);
    const long rssBefore = rssKiB();
    const nlohmann::json putBody = {{"type", "note"}, {"base_version", 0}, {"signed", false}, {"envelope", envelope}};
    const auto puts = load(*port, ca, clients, seconds, [&](httplib::SSLClient& c, std::size_t, std::size_t) {
        auto r = c.Put(objectsPath + core::crypto::randomUuid(), auth, putBody.dump(), "application/json");
        return r ? r->status : 0;
    });
    report("put 1 KiB object, 1 practice", puts, seconds);
    const auto spread = load(*port, ca, clients, seconds, [&](httplib::SSLClient& c, std::size_t k, std::size_t) {
        auto r = c.Put(own[k].objectsPath + core::crypto::randomUuid(), own[k].auth, putBody.dump(), "application/json");
        return r ? r->status : 0;
    });
    report("put 1 KiB object, practice each", spread, seconds);
    const long rssAfterPuts = rssKiB();
    const std::string feedPath = "/v1/practices/" + practice.id + "/changes?limit=10&after=";
    const auto reads = load(*port, ca, clients, seconds, [&](httplib::SSLClient& c, std::size_t, std::size_t i) {
        auto r = c.Get(feedPath + std::to_string(i % 1000), auth);
        return r ? r->status : 0;
    });
    report("change feed, 10 per page", reads, seconds);
    std::printf("  memory (RSS): %ld KiB before, %ld KiB after writes, %ld KiB after reads\n", rssBefore, rssAfterPuts, rssKiB());

    // The feed's cost in a large practice: 10 changes at the end of `objects` stored ones.
    const auto big = s.createPractice("Big").value();
    const std::string bigClient = core::crypto::randomUuid();
    (void)s.registerClient(big.id, bigClient, std::nullopt);
    const auto fillStart = Clock::now();
    for (std::size_t i = 0; i < objects; ++i)
        (void)s.putObject({big.id, bigClient, core::crypto::randomUuid(), sync::protocol::ObjectType::Note, 0, account.id, false,
                           core::Bytes(64, 0x5a)},
                          0);
    const double fillSeconds = std::chrono::duration<double>(Clock::now() - fillStart).count();
    std::int64_t last = 0;
    for (const auto& c : s.changes(big.id, 0, objects, account.id, true).value()) last = c.seq;
    std::vector<double> feedMs;
    for (int i = 0; i < 50; ++i) {
        const auto start = Clock::now();
        const auto page = s.changes(big.id, last - 10, 10, account.id, true);
        feedMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (!page || page->size() != 10) std::printf("  (a page had %zu changes)\n", page ? page->size() : 0);
    }
    std::sort(feedMs.begin(), feedMs.end());
    std::printf("  feed read of 10 changes among %zu objects: median %.3f ms, worst %.3f ms (store call; %.0f objects/s to fill)\n",
                objects, feedMs[feedMs.size() / 2], feedMs.back(), static_cast<double>(objects) / fillSeconds);

    // 64 MiB of blob chunks, each of the largest size the server takes (what a recording's
    // upload is cut into).
    const std::string blobsPath = objectsPath.substr(0, objectsPath.size() - std::string("objects/").size()) + "blobs/";
    syncd_bench::benchBlobThroughput(*port, ca, blobsPath, auth.begin()->second,
                                     std::max<std::size_t>(1, 64 * 1024 * 1024 / config.maxChunkBytes), config.maxChunkBytes);
    {
        // The store's own part of it, without HTTP and TLS.
        const std::string blobClient = blobsPath.substr(blobsPath.rfind("/clients/") + 9, 36);
        double putSeconds = 0, getSeconds = 0;
        const int n = 16;
        for (int i = 0; i < n; ++i) {
            const auto bytes = core::crypto::randomBytes(1024 * 1024);
            const std::string hash = core::toHex(core::crypto::sha256(bytes));
            auto start = Clock::now();
            (void)s.putBlob({hash, practice.id, blobClient, account.id, true, static_cast<std::int64_t>(bytes.size())}, bytes);
            putSeconds += std::chrono::duration<double>(Clock::now() - start).count();
            start = Clock::now();
            std::size_t back = 0;
            while (true) {
                const auto piece = s.blobPiece(hash, back, 64 * 1024);
                if (!piece || piece->empty()) break;
                back += piece->size();
            }
            getSeconds += std::chrono::duration<double>(Clock::now() - start).count();
            if (back != bytes.size()) std::printf("  (a chunk did not come back)\n");
        }
        std::printf("    store calls alone: put %.1f MB/s, read %.1f MB/s\n", n * 1.048576 / putSeconds, n * 1.048576 / getSeconds);
    }

    server.stop();
    serving.join();
    std::error_code ec;
    std::filesystem::remove_all(dataDir, ec);
    return 0;
}
