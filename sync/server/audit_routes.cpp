#include "server/audit_routes.h"

#include "protocol/strict_json.h"
#include "server/client_access.h"
#include "protocol/wire_ids.h"
#include "server/http_replies.h"
#include "server/request_auth.h"
#include "server/request_body.h"
#include "server/server_config.h"
#include "server/server_store.h"

#include <httplib.h>

#include <charconv>
#include <limits>

namespace noteward::sync::server {

namespace {

void readLog(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    const auto who = requireSignedIn(store, config, req, res);
    if (!who) return;
    const std::string practiceId = req.matches[1];
    if (!protocol::isWireId(practiceId)) return notFound(res);
    if (who->account.practiceId != practiceId) return refuseAccess(store, *who, practiceId, res);
    if (who->account.role != Role::PracticeManager)
        return replyError(res, 403, "forbidden", "Only a practice manager reads the practice's audit log.");
    const auto after = queryNumber(req, "after", 0, std::numeric_limits<std::int64_t>::max());
    const auto limit = queryNumber(req, "limit", 100, 1000);
    if (!after || !limit || *limit == 0)
        return replyError(res, 400, "invalid_input", "'after' is a sequence number (0 at first); 'limit' is 1-1000.");
    auto entries = store.audit(practiceId, *after, static_cast<std::size_t>(*limit));
    if (!entries) return replyError(res, 503, "busy", "The server could not read the log; try again.");
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : *entries)
        list.push_back({{"seq", e.seq}, {"at", e.at}, {"action", e.action}, {"actor", e.actor}, {"object", e.object},
                        {"previous_hash", e.previousHash}, {"hash", e.hash}});
    replyJson(res, 200, {{"entries", list}, {"more", entries->size() == static_cast<std::size_t>(*limit)}});
}

void putHead(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    const auto who = requireSignedIn(store, config, req, res);
    if (!who) return;
    const std::string deviceId = req.matches[1];
    if (!protocol::isWireId(deviceId)) return replyError(res, 404, "not_found", "There is nothing at this address.");
    if (!protocol::isJsonContentType(req.get_header_value("Content-Type")))
        return replyError(res, 415, "unsupported_media_type", "Send the request as application/json.");
    auto body = protocol::parseObject(req.body, {"seq", "hash"});
    if (!body) return replyError(res, 400, "invalid_input", body.error().message);
    auto seq = protocol::requiredInteger(*body, "seq", 0, std::numeric_limits<std::int64_t>::max());
    auto hash = protocol::requiredString(*body, "hash", 64);
    if (!seq) return replyError(res, 400, "invalid_input", seq.error().message);
    if (!hash || hash->size() != 64 || hash->find_first_not_of("0123456789abcdef") != std::string::npos)
        return replyError(res, 400, "invalid_input", "Field 'hash' must be 64 lower-case hexadecimal digits.");
    auto stored = store.putAuditHead(who->account.id, deviceId, {*seq, *hash});
    if (!stored) {
        if (stored.error().code != core::ErrorCode::Refused)
            return replyError(res, 503, "busy", "The server could not record the audit head; try again.");
        auto known = store.auditHead(who->account.id, deviceId);
        (void)store.appendAudit(who->account.practiceId, "audit.head_behind", who->account.id, deviceId);
        nlohmann::json body409 = {{"error", {{"code", "audit_head_behind"}, {"message", stored.error().message}}}};
        if (known && known->has_value()) body409["server_head"] = {{"seq", (*known)->seq}, {"hash", (*known)->hash}};
        return replyJson(res, 409, body409);
    }
    res.status = 204;
}

void getHead(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    const auto who = requireSignedIn(store, config, req, res);
    if (!who) return;
    const std::string deviceId = req.matches[1];
    if (!protocol::isWireId(deviceId)) return replyError(res, 404, "not_found", "There is nothing at this address.");
    auto head = store.auditHead(who->account.id, deviceId);
    if (!head) return replyError(res, 503, "busy", "The server could not read the audit head; try again.");
    if (!head->has_value()) return replyError(res, 404, "not_found", "This device has not reported an audit head.");
    replyJson(res, 200, {{"seq", (*head)->seq}, {"hash", (*head)->hash}});
}

}  // namespace

void addAuditRoutes(httplib::Server& http, ServerStore& store, const ServerConfig& config)
{
    http.Get(R"(/v1/practices/([^/]+)/audit)", [&](const httplib::Request& req, httplib::Response& res) { readLog(store, config, req, res); });
    http.Put(R"(/v1/devices/([^/]+)/audit-head)",
             withJsonBody(config.maxBodyBytes, [&](const httplib::Request& req, httplib::Response& res) { putHead(store, config, req, res); }));
    http.Get(R"(/v1/devices/([^/]+)/audit-head)", [&](const httplib::Request& req, httplib::Response& res) { getHead(store, config, req, res); });
}

}  // namespace noteward::sync::server
