#include "server/object_routes.h"

#include "protocol/base64.h"
#include "protocol/strict_json.h"
#include "protocol/wire_ids.h"
#include "server/client_access.h"
#include "server/http_replies.h"
#include "server/request_auth.h"
#include "server/request_body.h"
#include "server/server_config.h"
#include "server/server_store.h"

#include <httplib.h>

#include <algorithm>
#include <charconv>

namespace noteward::sync::server {

namespace {
constexpr std::size_t kDefaultPage = 100;
constexpr std::size_t kMaxPage = 1000;

void putClient(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    const auto who = requireSignedIn(store, config, req, res);
    if (!who) return;
    if (!idsValid(req, 2)) return notFound(res);
    const std::string practiceId = req.matches[1], clientId = req.matches[2];
    if (who->account.practiceId != practiceId || who->account.role == Role::Admin)
        return refuseAccess(store, *who, clientId, res);
    auto access = store.clientAccess(practiceId, clientId);
    if (!access) return busy(res);
    const bool therapist = who->account.role == Role::Therapist;
    // An existing client is not joined by naming it: a therapist is assigned by a manager.
    if (access->exists) {
        const bool assigned = std::find(access->therapists.begin(), access->therapists.end(), who->account.id) !=
                              access->therapists.end();
        if (therapist && !assigned) return refuseAccess(store, *who, clientId, res);
        return replyJson(res, 200, {{"client_id", clientId}, {"created", false}});
    }
    auto made = store.registerClient(practiceId, clientId, therapist ? std::optional(who->account.id) : std::nullopt);
    if (!made) return made.error().code == core::ErrorCode::AlreadyExists ? notFound(res) : busy(res);
    replyJson(res, 201, {{"client_id", clientId}, {"created", true}});
}

void assign(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    const auto who = requireSignedIn(store, config, req, res);
    if (!who) return;
    if (!idsValid(req, 3)) return notFound(res);
    const std::string practiceId = req.matches[1], clientId = req.matches[2], accountId = req.matches[3];
    if (who->account.role != Role::PracticeManager) {
        if (who->account.practiceId != practiceId) return refuseAccess(store, *who, clientId, res);
        return replyError(res, 403, "forbidden", "Only a practice manager assigns therapists.");
    }
    if (!canSeeClient(store, *who, practiceId, clientId, res)) return;
    auto therapist = store.accountById(accountId);
    if (!therapist) return busy(res);
    if (!therapist->has_value() || (*therapist)->practiceId != practiceId || (*therapist)->role != Role::Therapist)
        return notFound(res);
    if (auto done = store.assignTherapist(clientId, accountId); !done) return busy(res);
    (void)store.appendAudit(practiceId, "client.therapist_assigned", who->account.id, accountId);
    res.status = 204;
}

void putObject(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    const auto who = requireSignedIn(store, config, req, res);
    if (!who) return;
    if (!idsValid(req, 3)) return notFound(res);
    const std::string practiceId = req.matches[1], clientId = req.matches[2], objectId = req.matches[3];
    if (!canSeeClient(store, *who, practiceId, clientId, res)) return;
    if (who->account.role != Role::Therapist)
        return replyError(res, 403, "forbidden", "Only a treating therapist writes a client's records.");
    if (!protocol::isJsonContentType(req.get_header_value("Content-Type")))
        return replyError(res, 415, "unsupported_media_type", "Send the request as application/json.");
    auto body = protocol::parseObject(req.body, {"type", "base_version", "signed", "envelope"});
    if (!body) return replyError(res, 400, "invalid_input", body.error().message);
    auto typeName = protocol::requiredString(*body, "type", 40);
    if (!typeName) return replyError(res, 400, "invalid_input", typeName.error().message);
    const auto type = protocol::objectTypeFromName(*typeName);
    if (!type) return replyError(res, 400, "invalid_input", "Field 'type' is not an object type this server knows.");
    auto base = protocol::requiredInteger(*body, "base_version", 0, std::int64_t(1) << 53);
    if (!base) return replyError(res, 400, "invalid_input", base.error().message);
    const nlohmann::json& json = *body;
    if (!json.contains("signed") || !json.at("signed").is_boolean())
        return replyError(res, 400, "invalid_input", "Field 'signed' must be true or false.");
    const bool isSigned = json.at("signed") == true;
    auto encoded = protocol::requiredString(*body, "envelope", config.maxBodyBytes);
    if (!encoded) return replyError(res, 400, "invalid_input", encoded.error().message);
    auto envelope = protocol::base64Decode(*encoded);
    if (!envelope || envelope->empty())
        return replyError(res, 400, "invalid_input", "Field 'envelope' must be the envelope in base64.");

    StoredObject object{practiceId, clientId, objectId, *type, 0, who->account.id, isSigned, std::move(*envelope)};
    auto put = store.putObject(object, *base);
    if (!put) return busy(res);
    switch (put->kind) {
    case PutOutcome::Kind::Stored:
        return replyJson(res, 200, {{"object_id", objectId}, {"version", put->version}});
    case PutOutcome::Kind::VersionConflict:
        return replyJson(res, 409,
                         {{"error", {{"code", "version_conflict"},
                                     {"message", "The object changed since base_version; merge with the current version."}}},
                          {"current_version", put->version}});
    case PutOutcome::Kind::Immutable:
        return replyJson(res, 409,
                         {{"error", {{"code", "immutable"}, {"message", "A signed object cannot change; add an addendum."}}},
                          {"current_version", put->version}});
    case PutOutcome::Kind::ElsewhereOrOtherType:
        return replyError(res, 409, "conflict", "This object id is in use by another object.");
    }
}

void getObject(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    const auto who = requireSignedIn(store, config, req, res);
    if (!who) return;
    if (!idsValid(req, 3)) return notFound(res);
    const std::string practiceId = req.matches[1], clientId = req.matches[2], objectId = req.matches[3];
    if (!canSeeClient(store, *who, practiceId, clientId, res)) return;
    auto object = store.object(practiceId, clientId, objectId);
    if (!object) return busy(res);
    if (!object->has_value()) return notFound(res);
    const auto& o = **object;
    if (protocol::isRecordingMaterial(o.type) && o.author != who->account.id) return refuseAccess(store, *who, objectId, res);
    replyJson(res, 200,
              {{"object_id", o.objectId},
               {"client_id", o.clientId},
               {"type", protocol::objectTypeName(o.type)},
               {"version", o.version},
               {"author", o.author},
               {"signed", o.isSigned},
               {"size", o.envelope.size()},
               {"envelope", protocol::base64Encode(o.envelope)}});
}

void erase(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    const auto who = requireSignedIn(store, config, req, res);
    if (!who) return;
    if (!idsValid(req, 2)) return notFound(res);
    const std::string practiceId = req.matches[1], clientId = req.matches[2];
    if (!canSeeClient(store, *who, practiceId, clientId, res)) return;
    if (who->account.role != Role::PracticeManager)
        return replyError(res, 403, "forbidden", "Only a practice manager erases a client's records.");
    auto erased = store.eraseClient(practiceId, clientId, who->account.id);
    if (!erased) return erased.error().code == core::ErrorCode::NotFound ? notFound(res) : busy(res);
    replyJson(res, 200, {{"client_id", clientId}, {"erased_objects", *erased}});
}

void feed(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    const auto who = requireSignedIn(store, config, req, res);
    if (!who) return;
    if (!idsValid(req, 1)) return notFound(res);
    const std::string practiceId = req.matches[1];
    if (who->account.practiceId != practiceId || who->account.role == Role::Admin)
        return refuseAccess(store, *who, practiceId, res);
    const auto after = queryNumber(req, "after", 0, std::numeric_limits<std::int64_t>::max());
    const auto limit = queryNumber(req, "limit", kDefaultPage, kMaxPage);
    if (!after || !limit || *limit == 0)
        return replyError(res, 400, "invalid_input", "'after' is a cursor from an earlier page (0 at first); 'limit' is 1-1000.");
    auto page = store.changes(practiceId, *after, static_cast<std::size_t>(*limit), who->account.id,
                              who->account.role == Role::PracticeManager);
    if (!page) return busy(res);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : *page)
        list.push_back({{"seq", c.seq},
                        {"client_id", c.clientId},
                        {"object_id", c.objectId},
                        {"type", c.type},
                        {"version", c.version},
                        {"author", c.author},
                        {"signed", c.isSigned}});
    replyJson(res, 200,
              {{"changes", list},
               {"next", page->empty() ? *after : page->back().seq},
               {"more", page->size() == static_cast<std::size_t>(*limit)}});
}

}  // namespace

void addObjectRoutes(httplib::Server& http, ServerStore& store, const ServerConfig& config)
{
    const auto route = [&](void (*handler)(ServerStore&, const ServerConfig&, const httplib::Request&, httplib::Response&)) {
        return [handler, &store, &config](const httplib::Request& req, httplib::Response& res) { handler(store, config, req, res); };
    };
    http.Put(R"(/v1/practices/([^/]+)/clients/([^/]+))", withJsonBody(config.maxBodyBytes, route(putClient)));
    http.Put(R"(/v1/practices/([^/]+)/clients/([^/]+)/therapists/([^/]+))", withJsonBody(config.maxBodyBytes, route(assign)));
    http.Put(R"(/v1/practices/([^/]+)/clients/([^/]+)/objects/([^/]+))", withJsonBody(config.maxBodyBytes, route(putObject)));
    http.Get(R"(/v1/practices/([^/]+)/clients/([^/]+)/objects/([^/]+))", route(getObject));
    http.Post(R"(/v1/practices/([^/]+)/clients/([^/]+)/erase)", withJsonBody(config.maxBodyBytes, route(erase)));
    http.Get(R"(/v1/practices/([^/]+)/changes)", route(feed));
}

}  // namespace noteward::sync::server
