#include "server/account_routes.h"

#include "crypto/random.h"
#include "crypto/sha256.h"
#include "protocol/strict_json.h"
#include "protocol/wire_ids.h"
#include "server/auth_key_hash.h"
#include "server/http_replies.h"
#include "server/request_body.h"
#include "server/server_config.h"
#include "server/server_store.h"
#include "server/totp.h"
#include "util/hex.h"

#include <httplib.h>

#include <ctime>

namespace noteward::sync::server {

namespace {

void replyFailure(httplib::Response& res, const core::Error& error)
{
    // Only the store's own refusals are worded for the caller; anything else (a database
    // error's text names tables and columns) says nothing of its cause.
    if (error.code != core::ErrorCode::NotFound && error.code != core::ErrorCode::AlreadyExists)
        return replyError(res, 500, "server_error", "The server could not complete the request.");
    const bool missing = error.code == core::ErrorCode::NotFound;
    replyError(res, missing ? 404 : 409, missing ? "not_found" : "conflict", error.message);
}

// A 256-bit secret sent as 64 lower-case hexadecimal digits.
std::optional<core::Bytes> key256(const std::string& hex)
{
    if (hex.size() != 64) return std::nullopt;
    for (const char c : hex)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
    return core::fromHex(hex);
}

void join(ServerStore& store, const httplib::Request& req, httplib::Response& res)
{
    if (!protocol::isJsonContentType(req.get_header_value("Content-Type")))
        return replyError(res, 415, "unsupported_media_type", "Send the request as application/json.");
    auto body = protocol::parseObject(req.body, {"invitation", "email", "auth_key"});
    if (!body) return replyError(res, 400, "invalid_input", body.error().message);
    auto invitation = protocol::requiredString(*body, "invitation", 64);
    auto email = protocol::requiredString(*body, "email", 254);
    auto authKey = protocol::requiredString(*body, "auth_key", 64);
    for (const auto* field : {&invitation, &email, &authKey})
        if (!*field) return replyError(res, 400, "invalid_input", field->error().message);
    const auto token = key256(*invitation);
    if (!token) return replyError(res, 400, "invalid_input", "Field 'invitation' must be 64 hexadecimal digits.");
    const auto key = key256(*authKey);
    if (!key) return replyError(res, 400, "invalid_input", "Field 'auth_key' must be 64 hexadecimal digits.");
    const std::string normalised = protocol::normalisedEmail(*email);
    if (normalised.empty()) return replyError(res, 400, "invalid_input", "Field 'email' is not an e-mail address.");

    const std::string invitationHash = core::toHex(core::crypto::sha256(core::asBytes(*invitation)));
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    // Checked before the Argon2id below, so a made-up invitation costs the server nothing.
    auto usable = store.invitationUsable(invitationHash, normalised, now);
    if (!usable) return replyFailure(res, usable.error());
    if (!usable.value())
        return replyError(res, 404, "not_found", "This invitation is not valid: it may have expired or been used.");
    Account account;
    account.id = core::crypto::randomUuid();
    account.authHash = hashAuthKey(*key);
    account.totpSecret = base32Encode(core::crypto::randomBytes(20));
    auto made = store.redeemInvitation(invitationHash, normalised, account, now);
    if (!made) return replyFailure(res, made.error());
    (void)store.appendAudit(made->practiceId, "account.joined", made->id, made->id);
    replyJson(res, 201,
              {{"user_id", made->id},
               {"practice_id", made->practiceId},
               {"role", roleName(made->role)},
               {"mfa", {{"type", "totp"}, {"secret", made->totpSecret}, {"uri", totpUri(made->email, made->totpSecret)}}}});
}

}  // namespace

void addAccountRoutes(httplib::Server& http, ServerStore& store, const ServerConfig& config)
{
    http.Post("/v1/accounts/join",
              withJsonBody(config.maxBodyBytes, [&store](const httplib::Request& req, httplib::Response& res) { join(store, req, res); }));
}

}  // namespace noteward::sync::server
