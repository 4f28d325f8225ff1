#include "server/account_routes.h"

#include "crypto/random.h"
#include "crypto/sha256.h"
#include "protocol/strict_json.h"
#include "protocol/wire_ids.h"
#include "server/auth_key_hash.h"
#include "server/http_replies.h"
#include "server/server_store.h"
#include "server/totp.h"
#include "util/hex.h"

#include <httplib.h>

#include <ctime>

namespace noteward::sync::server {

namespace {

int statusFor(const core::Error& error)
{
    switch (error.code) {
    case core::ErrorCode::InvalidInput: return 400;
    case core::ErrorCode::NotFound: return 404;
    case core::ErrorCode::AlreadyExists: return 409;
    case core::ErrorCode::Refused: return 403;
    case core::ErrorCode::Busy: return 503;
    default: return 500;
    }
}

std::string codeFor(const core::Error& error)
{
    switch (error.code) {
    case core::ErrorCode::InvalidInput: return "invalid_input";
    case core::ErrorCode::NotFound: return "not_found";
    case core::ErrorCode::AlreadyExists: return "conflict";
    case core::ErrorCode::Refused: return "forbidden";
    case core::ErrorCode::Busy: return "busy";
    default: return "server_error";
    }
}

void replyFailure(httplib::Response& res, const core::Error& error)
{
    // Internal failures say nothing of their cause to the caller.
    const int status = statusFor(error);
    replyError(res, status, codeFor(error), status >= 500 ? "The server could not complete the request." : error.message);
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
    if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
        return replyError(res, 415, "unsupported_media_type", "Send the request as application/json.");
    auto body = protocol::parseObject(req.body, {"invitation", "email", "auth_key"});
    if (!body) return replyFailure(res, body.error());
    auto invitation = protocol::requiredString(*body, "invitation", 64);
    auto email = protocol::requiredString(*body, "email", 254);
    auto authKey = protocol::requiredString(*body, "auth_key", 64);
    for (const auto* field : {&invitation, &email, &authKey})
        if (!*field) return replyFailure(res, field->error());
    const auto token = key256(*invitation);
    if (!token) return replyError(res, 400, "invalid_input", "Field 'invitation' must be 64 hexadecimal digits.");
    const auto key = key256(*authKey);
    if (!key) return replyError(res, 400, "invalid_input", "Field 'auth_key' must be 64 hexadecimal digits.");
    const std::string normalised = protocol::normalisedEmail(*email);
    if (normalised.empty()) return replyError(res, 400, "invalid_input", "Field 'email' is not an e-mail address.");

    Account account;
    account.id = core::crypto::randomUuid();
    account.authHash = hashAuthKey(*key);
    account.totpSecret = base32Encode(core::crypto::randomBytes(20));
    auto made = store.redeemInvitation(core::toHex(core::crypto::sha256(core::asBytes(*invitation))), normalised, account,
                                       static_cast<std::int64_t>(std::time(nullptr)));
    if (!made) return replyFailure(res, made.error());
    replyJson(res, 201,
              {{"user_id", made->id},
               {"practice_id", made->practiceId},
               {"role", roleName(made->role)},
               {"mfa", {{"type", "totp"}, {"secret", made->totpSecret}, {"uri", totpUri(made->email, made->totpSecret)}}}});
}

}  // namespace

void addAccountRoutes(httplib::Server& http, ServerStore& store)
{
    http.Post("/v1/accounts/join", [&store](const httplib::Request& req, httplib::Response& res) { join(store, req, res); });
}

}  // namespace noteward::sync::server
