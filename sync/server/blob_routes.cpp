#include "server/blob_routes.h"

#include "crypto/sha256.h"
#include "protocol/strict_json.h"
#include "server/client_access.h"
#include "server/http_replies.h"
#include "server/incoming_blob.h"
#include "server/request_auth.h"
#include "server/request_body.h"
#include "server/server_config.h"
#include "server/server_store.h"
#include "util/hex.h"

#include <httplib.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace noteward::sync::server {

namespace {
constexpr std::size_t kMaxAsked = 10000;  // chunks per "missing" question (about 10 GB of audio at 1 MiB)

bool isSha256Hex(const std::string& text)
{
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// An upload the route may store: who sends it, and where it goes.
struct Upload {
    SignedIn who;
    std::string practiceId, clientId, hash;
    bool recording = false;
};

// Every check that needs no byte of the body; a refusal is answered in `res`.
std::optional<Upload> admitUpload(ServerStore& store, const ServerConfig& config, const httplib::Request& req,
                                  httplib::Response& res)
{
    auto who = requireSignedIn(store, config, req, res);
    if (!who) return std::nullopt;
    if (!idsValid(req, 2) || !isSha256Hex(req.matches[3])) {
        notFound(res);
        return std::nullopt;
    }
    Upload upload{*who, req.matches[1], req.matches[2], req.matches[3]};
    if (!canSeeClient(store, upload.who, upload.practiceId, upload.clientId, res)) return std::nullopt;
    if (upload.who.account.role != Role::Therapist) {
        replyError(res, 403, "forbidden", "Only a treating therapist uploads a client's data.");
        return std::nullopt;
    }
    if (req.get_header_value("Content-Type") != "application/octet-stream") {
        replyError(res, 415, "unsupported_media_type", "Send the chunk as application/octet-stream.");
        return std::nullopt;
    }
    const std::string kind = req.has_param("kind") ? req.get_param_value("kind") : "data";
    if (kind != "data" && kind != "recording") {
        replyError(res, 400, "invalid_input", "'kind' is data or recording.");
        return std::nullopt;
    }
    upload.recording = kind == "recording";
    return upload;
}

// The body is read off the connection straight into the store (a file of the embedded store,
// the disk writing behind) while it is hashed, instead of into memory first: the store's
// write then overlaps the transfer (upload was under half of plain HTTP's speed).
void putBlob(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res,
             const httplib::ContentReader& read)
{
    const auto upload = admitUpload(store, config, req, res);
    if (!upload) {
        // Refused: the body is dropped (one over the library's limit is skipped by it, which
        // sets 413), and the refusal stands.
        const int status = res.status;
        dropBody(read);
        res.status = status;
        return;
    }
    const auto declared = req.get_header_value<std::uint64_t>("Content-Length");
    // (httplib sends every PUT here, with or without a body.)
    if (declared == 0) return replyError(res, 400, "invalid_input", "A chunk needs some bytes.");
    // Over the limit, or compressed: dropped before anything is set up for it.
    if (declared > config.maxChunkBytes || bodyWasEncoded()) {
        dropBody(read);
        if (bodyWasEncoded()) return replyBodyWasEncoded(res);
        return replyError(res, 413, "payload_too_large", "The chunk is larger than this server's max_chunk_bytes.");
    }
    // Every accepted body is read to its end, even when the store fails on the way.
    auto incoming = store.receiveBlob(upload->hash, static_cast<std::size_t>(declared));
    if (!incoming) {
        dropBody(read);
        return busy(res);
    }
    core::crypto::Sha256 hashing;
    std::size_t received = 0;
    bool failed = false;
    const bool whole = read([&](const char* data, std::size_t length) {
        if (failed) return true;  // the rest is read and dropped
        const auto piece = core::ByteView(reinterpret_cast<const std::uint8_t*>(data), length);
        hashing.update(piece);
        received += length;
        failed = !(*incoming)->append(piece).ok();
        return true;
    });
    if (whole && failed) return busy(res);  // nothing was listed
    if (!whole) return;  // cut short: httplib answers 400, nothing is listed
    // The address is the content: a chunk cut short or changed on the way does not match it.
    if (core::toHex(hashing.finish()) != upload->hash)
        return replyError(res, 400, "hash_mismatch", "The chunk's SHA-256 is not the one in its address; nothing was stored.");
    auto stored = (*incoming)->store(
        {upload->hash, upload->practiceId, upload->clientId, upload->who.account.id, upload->recording, static_cast<std::int64_t>(received)});
    if (!stored) {
        if (stored.error().code == core::ErrorCode::AlreadyExists)
            return replyError(res, 409, "conflict", "This chunk is stored for another client.");
        if (stored.error().code == core::ErrorCode::NotFound) return notFound(res);  // erased meanwhile
        return busy(res);
    }
    replyJson(res, *stored ? 201 : 200, {{"hash", upload->hash}, {"size", received}, {"created", *stored}});
}

// A download is sent in pieces of this size (see getBlob).
constexpr std::size_t kPiece = 256 * 1024;

void getBlob(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    const auto who = requireSignedIn(store, config, req, res);
    if (!who) return;
    if (!idsValid(req, 2) || !isSha256Hex(req.matches[3])) return notFound(res);
    const std::string practiceId = req.matches[1], clientId = req.matches[2], hash = req.matches[3];
    if (!canSeeClient(store, *who, practiceId, clientId, res)) return;
    auto info = store.blobInfo(hash);
    if (!info) return busy(res);
    if (!info->has_value() || (*info)->clientId != clientId) return notFound(res);
    if ((*info)->recording && (*info)->author != who->account.id) return refuseAccess(store, *who, hash, res);
    // Streamed in pieces: copying the whole chunk into the answer cost more in page faults than
    // TLS cost in encryption (download was 9 % of plain HTTP), while a piece's buffer is reused
    // by the allocator.
    const auto size = static_cast<std::size_t>((*info)->size);
    // The first piece is read before the status is sent, so a chunk whose file is gone or
    // unreadable gets an error answer, not a 200 and a cut connection.
    auto read = store.blobPiece(hash, 0, std::min(size, kPiece));
    if (!read && read.error().code == core::ErrorCode::NotFound) {
        const auto again = store.blobInfo(hash);
        if (again && !again->has_value()) return notFound(res);  // erased meanwhile
    }
    if (!read || read->size() != std::min(size, kPiece))
        return replyError(res, 500, "storage_error",
                          "The chunk is listed but could not be read from the server's storage; nothing was sent.");
    auto first = std::make_shared<const core::Bytes>(std::move(read.value()));
    res.status = 200;
    res.set_content_provider(size, "application/octet-stream",
                             [&store, hash, first](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                 if (offset < first->size()) {
                                     const std::size_t n = std::min(length, first->size() - offset);
                                     return sink.write(reinterpret_cast<const char*>(first->data() + offset), n);
                                 }
                                 const auto piece = store.blobPiece(hash, offset, std::min(length, kPiece));
                                 // Erased or unreadable mid-stream: the connection is cut, and
                                 // the client's hash check refuses what arrived.
                                 if (!piece || piece->empty()) return false;
                                 return sink.write(reinterpret_cast<const char*>(piece->data()), piece->size());
                             });
}

void missing(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    const auto who = requireSignedIn(store, config, req, res);
    if (!who) return;
    if (!idsValid(req, 2)) return notFound(res);
    const std::string practiceId = req.matches[1], clientId = req.matches[2];
    if (!canSeeClient(store, *who, practiceId, clientId, res)) return;
    if (!protocol::isJsonContentType(req.get_header_value("Content-Type")))
        return replyError(res, 415, "unsupported_media_type", "Send the request as application/json.");
    auto body = protocol::parseObject(req.body, {"hashes"});
    if (!body) return replyError(res, 400, "invalid_input", body.error().message);
    const nlohmann::json& json = *body;
    if (!json.contains("hashes") || !json.at("hashes").is_array() || json.at("hashes").size() > kMaxAsked)
        return replyError(res, 400, "invalid_input", "Field 'hashes' must be a list of at most 10000 SHA-256 hashes.");
    std::vector<std::string> hashes;
    for (const auto& h : json.at("hashes")) {
        if (!h.is_string() || !isSha256Hex(h.get<std::string>()))
            return replyError(res, 400, "invalid_input", "Each hash is 64 lower-case hexadecimal digits.");
        hashes.push_back(h.get<std::string>());
    }
    auto owed = store.missingBlobs(clientId, hashes);
    if (!owed) return busy(res);
    replyJson(res, 200, {{"missing", *owed}});
}

}  // namespace

void addBlobRoutes(httplib::Server& http, ServerStore& store, const ServerConfig& config)
{
    http.Post(R"(/v1/practices/([^/]+)/clients/([^/]+)/blobs/missing)",
              withJsonBody(config.maxBodyBytes, [&](const httplib::Request& req, httplib::Response& res) { missing(store, config, req, res); }));
    http.Put(R"(/v1/practices/([^/]+)/clients/([^/]+)/blobs/([^/]+))",
             [&](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
                 putBlob(store, config, req, res, read);
             });
    http.Get(R"(/v1/practices/([^/]+)/clients/([^/]+)/blobs/([^/]+))",
             [&](const httplib::Request& req, httplib::Response& res) { getBlob(store, config, req, res); });
}

}  // namespace noteward::sync::server
