// bench vault | bench crypto: measured figures, printed; never asserted by tests.
#include "context.h"

#include "util/subprocess.h"

#include "crypto/aes_gcm.h"
#include "crypto/argon2id.h"
#include "crypto/ed25519.h"
#include "crypto/hkdf.h"
#include "crypto/random.h"
#include "crypto/sha256.h"
#include "crypto/x25519.h"

#include <algorithm>
#include <cstring>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace noteward::cli {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {
double millisSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double medianMillis(int runs, const std::function<void()>& body)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        body();
        times.push_back(millisSince(start));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// Repeats `body` for about `seconds` and returns calls per second.
double ratePerSecond(double seconds, const std::function<void()>& body)
{
    const auto start = Clock::now();
    long calls = 0;
    double elapsed = 0;
    do {
        for (int i = 0; i < 64; ++i) body();
        calls += 64;
        elapsed = millisSince(start) / 1000.0;
    } while (elapsed < seconds);
    return static_cast<double>(calls) / elapsed;
}

struct Figures {
    nlohmann::json json = nlohmann::json::object();
    std::ostringstream text;

    void add(const std::string& key, double value, const std::string& unit, const std::string& label)
    {
        json[key] = value;
        text << "  " << std::left << std::setw(44) << label << std::right << std::setw(12) << std::fixed
             << std::setprecision(value < 100 ? 2 : 0) << value << ' ' << unit << '\n';
    }
};

int print(Context& ctx, const std::string& title, Figures& figures)
{
    if (ctx.json()) ctx.printJson(figures.json);
    else ctx.out() << title << '\n' << figures.text.str();
    return kExitOk;
}

std::vector<core::model::Client> generatedClients(int count)
{
    static constexpr std::array<const char*, 16> given = {"Amelia", "Oliver", "Isla", "George", "Ava", "Noah",
                                                          "Mia", "Arthur", "Ivy", "Leo", "Freya", "Oscar",
                                                          "Lily", "Harry", "Grace", "Jack"};
    static constexpr std::array<const char*, 16> family = {"Smith", "Jones", "Taylor", "Brown", "Williams",
                                                           "Wilson", "Johnson", "Davies", "Patel", "Robinson",
                                                           "Wright", "Thompson", "Evans", "Walker", "White",
                                                           "Khan"};
    std::vector<core::model::Client> out(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        auto& c = out[static_cast<std::size_t>(i)];
        c.name = std::string(given[static_cast<std::size_t>(i) % given.size()]) + ' ' +
                 family[static_cast<std::size_t>(i / 16) % family.size()] + ' ' + std::to_string(i);
        c.dateOfBirth = "1980-01-" + std::string(i % 28 + 1 < 10 ? "0" : "") + std::to_string(i % 28 + 1);
    }
    return out;
}

struct TempDir {
    fs::path path;
    TempDir()
    {
        path = fs::temp_directory_path() / ("noteward-bench-" + core::crypto::randomUuid());
        fs::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// `openssl speed` on the same buffer size, for comparison; nullopt if it cannot be run.
std::optional<double> opensslSpeedMBps()
{
    const auto run = core::runProgram({"openssl", "speed", "-evp", "aes-256-gcm", "-bytes", "16384", "-seconds", "3"}, true);
    if (!run || run->exitCode != 0) return std::nullopt;
    const std::string& output = run->output;
    // The result line reads "AES-256-GCM   1234567.89k" (thousands of bytes per second).
    const auto at = output.rfind("AES-256-GCM");
    if (at == std::string::npos) return std::nullopt;
    std::istringstream line(output.substr(at + 11));
    std::string figure;
    line >> figure;
    if (figure.empty() || figure.back() != 'k') return std::nullopt;
    return std::stod(figure.substr(0, figure.size() - 1)) * 1000.0 / 1e6;
}
}  // namespace

int runBenchVault(Context& ctx)
{
    const int clientCount = static_cast<int>(ctx.number("--clients", 10000, 1, 1'000'000));
    ctx.info("Benchmarking a throw-away vault with " + std::to_string(clientCount) + " clients…");

    TempDir temp;
    std::string text = "benchmark passphrase, not a secret";
    const auto passphrase = core::crypto::SecretBytes::takeString(text);
    Figures figures;

    auto start = Clock::now();
    auto created = core::vault::Vault::create(temp.path / "vault", passphrase);
    if (!created) return ctx.fail(created.error());
    figures.add("create_ms", millisSince(start), "ms", "create vault (Argon2id 64 MiB, t=3, p=4)");
    auto& vault = *created.value();

    vault.lock();
    const double unlockMs = medianMillis(3, [&] {
        vault.lock();
        if (!vault.unlock(passphrase)) throw std::runtime_error("unlock failed");
    });
    figures.add("unlock_ms", unlockMs, "ms", "unlock (median of 3)");

    start = Clock::now();
    auto added = vault.clients().addAll(generatedClients(clientCount));
    if (!added) return ctx.fail(added.error());
    const double insertMs = millisSince(start);
    figures.add("insert_all_ms", insertMs, "ms", "insert " + std::to_string(clientCount) + " clients (one transaction)");
    figures.add("insert_per_second", clientCount / (insertMs / 1000.0), "clients/s", "  rate");

    const int singles = 100;
    start = Clock::now();
    for (auto& c : generatedClients(singles))
        if (!vault.clients().add(c)) return ctx.fail(core::makeError(core::ErrorCode::Internal, "insert failed"));
    figures.add("insert_single_ms", millisSince(start) / singles, "ms", "insert one client (own transaction, fsync)");

    std::size_t listed = 0;
    const double listMs = medianMillis(5, [&] { listed = vault.clients().list()->size(); });
    figures.add("list_ms", listMs, "ms", "list all " + std::to_string(listed) + " clients (median of 5)");

    std::size_t found = 0;
    const double searchMs = medianMillis(11, [&] { found = vault.clients().searchByName("grace")->size(); });
    figures.add("search_ms", searchMs, "ms", "search name for 'grace' (" + std::to_string(found) + " hits, median)");

    const double verifyMs = medianMillis(3, [&] { (void)vault.verifyAudit(); });
    figures.add("audit_verify_ms", verifyMs, "ms", "verify audit chain (" + std::to_string(clientCount + singles + 3) + " entries)");

    std::error_code ec;
    figures.add("vault_size_mb", static_cast<double>(fs::file_size(temp.path / "vault" / "vault.db", ec)) / 1e6, "MB",
                "vault.db size");
    return print(ctx, "bench vault", figures);
}

int runBenchCrypto(Context& ctx)
{
    ctx.info("Benchmarking cryptography (about 15 s, including openssl speed)…");
    Figures figures;
    const auto key = core::crypto::randomSecret(32);
    core::crypto::AesGcm gcm(key.view());
    const core::Bytes plaintext = core::crypto::randomBytes(16 * 1024);
    core::Bytes sealed(plaintext.size() + core::crypto::kGcmTagSize);
    std::array<std::uint8_t, 12> nonce{};
    std::uint64_t counter = 0;
    const double sealsPerSecond = ratePerSecond(3.0, [&] {
        ++counter;
        std::memcpy(nonce.data(), &counter, sizeof counter);
        gcm.sealInto(nonce, plaintext, {}, sealed);
    });
    const double ours = sealsPerSecond * static_cast<double>(plaintext.size()) / 1e6;
    figures.add("aes_gcm_16k_mbps", ours, "MB/s", "AES-256-GCM seal, 16 KiB buffers");
    if (auto reference = opensslSpeedMBps()) {
        figures.add("openssl_speed_16k_mbps", *reference, "MB/s", "openssl speed -evp aes-256-gcm, 16 KiB");
        figures.add("aes_gcm_percent_of_openssl", 100.0 * ours / *reference, "%", "  ours as a share of openssl");
    }

    const core::Bytes megabyte = core::crypto::randomBytes(1 << 20);
    const double hashes = ratePerSecond(1.0, [&] { (void)core::crypto::sha256(megabyte); });
    figures.add("sha256_mbps", hashes * 1.048576, "MB/s", "SHA-256, 1 MiB buffers");

    const auto signer = core::crypto::Ed25519KeyPair::generate();
    core::crypto::Ed25519Signature signature{};
    figures.add("ed25519_sign_per_s", ratePerSecond(1.0, [&] { signature = signer.sign(megabyte); }) , "ops/s",
                "Ed25519 sign (1 MiB message)");
    figures.add("ed25519_verify_per_s",
                ratePerSecond(1.0, [&] { (void)core::crypto::ed25519Verify(signer.publicKey(), megabyte, signature); }),
                "ops/s", "Ed25519 verify (1 MiB message)");
    const auto alice = core::crypto::X25519KeyPair::generate();
    const auto bob = core::crypto::X25519KeyPair::generate();
    figures.add("x25519_per_s", ratePerSecond(1.0, [&] { (void)alice.agree(bob.publicKey()); }), "ops/s",
                "X25519 key agreement");
    figures.add("hkdf_per_s",
                ratePerSecond(1.0, [&] { (void)core::crypto::hkdfSha256(key.view(), {}, core::asBytes("info"), 32); }),
                "ops/s", "HKDF-SHA256 (32-byte output)");
    const double argonMs = medianMillis(3, [&] {
        (void)core::crypto::argon2id(core::asBytes("passphrase"), core::crypto::randomBytes(16),
                                     core::crypto::Argon2Params{}, 32);
    });
    figures.add("argon2id_ms", argonMs, "ms", "Argon2id 64 MiB, t=3, p=4 (median of 3)");
    return print(ctx, "bench crypto", figures);
}

}  // namespace noteward::cli
