#include "bench_blob_throughput.h"

#include "crypto/random.h"
#include "crypto/sha256.h"
#include "util/hex.h"

#include <curl/curl.h>
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace noteward::syncd_bench {

namespace {

using Clock = std::chrono::steady_clock;

std::size_t collect(char* data, std::size_t size, std::size_t count, void* into)
{
    static_cast<std::string*>(into)->append(data, size * count);
    return size * count;
}

// One keep-alive curl handle moving every chunk up, then every chunk down; seconds for each,
// or negative when a transfer failed or came back different.
struct Timings {
    double up = -1;
    double down = -1;
};

Timings moveChunks(const std::string& base, const std::vector<std::string>& chunks, const std::vector<std::string>& names,
                   const std::string& caFile, const std::string& bearer)
{
    CURL* curl = curl_easy_init();
    curl_slist* headers = nullptr;
    if (!bearer.empty()) headers = curl_slist_append(headers, ("Authorization: " + bearer).c_str());
    headers = curl_slist_append(headers, "Content-Type: application/octet-stream");
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip per chunk
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    if (!caFile.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, caFile.c_str());
    std::string answer;
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
    Timings t;
    bool ok = true;
    auto start = Clock::now();
    for (std::size_t i = 0; i < chunks.size() && ok; ++i) {
        curl_easy_setopt(curl, CURLOPT_URL, (base + names[i]).c_str());
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, chunks[i].data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(chunks[i].size()));
        answer.clear();
        long status = 0;
        ok = curl_easy_perform(curl) == CURLE_OK && curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK &&
             status / 100 == 2;
    }
    if (ok) t.up = std::chrono::duration<double>(Clock::now() - start).count();
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, nullptr);
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    start = Clock::now();
    for (std::size_t i = 0; i < chunks.size() && ok; ++i) {
        curl_easy_setopt(curl, CURLOPT_URL, (base + names[i]).c_str());
        answer.clear();
        ok = curl_easy_perform(curl) == CURLE_OK && answer == chunks[i];
    }
    if (ok) t.down = std::chrono::duration<double>(Clock::now() - start).count();
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return t;
}

}  // namespace

void benchBlobThroughput(int port, const std::string& caFile, const std::string& blobsPath, const std::string& bearer,
                         std::size_t chunks, std::size_t chunkBytes)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    std::vector<std::string> data, names, plainNames;
    for (std::size_t i = 0; i < chunks; ++i) {
        const auto bytes = core::crypto::randomBytes(chunkBytes);  // ciphertext-like: incompressible
        data.emplace_back(bytes.begin(), bytes.end());
        names.push_back(core::toHex(core::crypto::sha256(bytes)));
        plainNames.push_back(std::to_string(i));
    }
    // The reference: a plain HTTP server keeping chunks in memory.
    httplib::Server plain;
    std::mutex mutex;
    std::map<std::string, std::string> kept;
    plain.Put(R"(/chunks/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
        std::lock_guard lock(mutex);
        kept[req.matches[1]] = req.body;
        res.status = 201;
    });
    plain.Get(R"(/chunks/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
        std::lock_guard lock(mutex);
        res.set_content(kept[req.matches[1]], "application/octet-stream");
    });
    const int plainPort = plain.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { plain.listen_after_bind(); });

    const double megabytes = static_cast<double>(chunks * chunkBytes) / 1e6;
    const auto server = moveChunks("https://127.0.0.1:" + std::to_string(port) + blobsPath, data, names, caFile, bearer);
    const auto reference = moveChunks("http://127.0.0.1:" + std::to_string(plainPort) + "/chunks/", data, plainNames, "", "");
    plain.stop();
    serving.join();
    const auto rate = [&](double seconds) { return seconds > 0 ? megabytes / seconds : 0.0; };
    std::printf("  blobs, %zu chunks of %zu KiB (%.0f MB), one keep-alive connection:\n", chunks, chunkBytes / 1024, megabytes);
    std::printf("    upload    %7.1f MB/s   curl to a plain local HTTP server %7.1f MB/s   (%.0f %%)%s\n", rate(server.up),
                rate(reference.up), reference.up > 0 && server.up > 0 ? 100 * reference.up / server.up : 0.0,
                server.up < 0 ? "  FAILED" : "");
    std::printf("    download  %7.1f MB/s   curl from the plain server         %7.1f MB/s   (%.0f %%)%s\n", rate(server.down),
                rate(reference.down), reference.down > 0 && server.down > 0 ? 100 * reference.down / server.down : 0.0,
                server.down < 0 ? "  FAILED" : "");
}

}  // namespace noteward::syncd_bench
