#include "server/session_routes.h"

#include "crypto/random.h"
#include "crypto/sha256.h"
#include "protocol/strict_json.h"
#include "protocol/wire_ids.h"
#include "server/auth_key_hash.h"
#include "server/http_replies.h"
#include "server/login_throttle.h"
#include "server/request_auth.h"
#include "server/request_body.h"
#include "server/server_config.h"
#include "server/server_store.h"
#include "server/totp.h"
#include "util/hex.h"

#include <httplib.h>

#include <ctime>

namespace noteward::sync::server {

namespace {

std::optional<core::Bytes> key256(const std::string& hex)
{
    if (hex.size() != 64 || hex.find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
    return core::fromHex(hex);
}

void login(ServerStore& store, const ServerConfig& config, LoginThrottle& byEmail, LoginThrottle& byAddress,
           const httplib::Request& req, httplib::Response& res)
{
    if (!protocol::isJsonContentType(req.get_header_value("Content-Type")))
        return replyError(res, 415, "unsupported_media_type", "Send the request as application/json.");
    auto body = protocol::parseObject(req.body, {"email", "auth_key", "totp"});
    if (!body) return replyError(res, 400, "invalid_input", body.error().message);
    auto email = protocol::requiredString(*body, "email", 254);
    auto authKey = protocol::requiredString(*body, "auth_key", 64);
    auto code = protocol::requiredString(*body, "totp", 6);
    for (const auto* field : {&email, &authKey, &code})
        if (!*field) return replyError(res, 400, "invalid_input", field->error().message);
    const auto key = key256(*authKey);
    if (!key) return replyError(res, 400, "invalid_input", "Field 'auth_key' must be 64 hexadecimal digits.");
    const std::string normalised = protocol::normalisedEmail(*email);
    if (normalised.empty()) return replyError(res, 400, "invalid_input", "Field 'email' is not an e-mail address.");

    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    // Keyed by a hash of the e-mail whether or not it has an account, and by the address.
    const std::string emailKey = core::toHex(core::crypto::sha256(core::asBytes(normalised)));
    const std::string addressKey = req.remote_addr;
    const auto wait = std::max(byEmail.retryAfter(emailKey, now).value_or(0), byAddress.retryAfter(addressKey, now).value_or(0));
    if (wait > 0) {
        res.set_header("Retry-After", std::to_string(wait));
        return replyError(res, 429, "rate_limited", "Too many failed sign-ins; try again in " + std::to_string(wait) + " s.");
    }

    auto account = store.accountByEmail(normalised);
    if (!account) return replyError(res, 503, "busy", "The server could not check the sign-in; try again.");
    // An unknown e-mail costs one Argon2id like a known one, and gets the same answer.
    bool ok = authKeyMatches(account->has_value() ? (*account)->authHash : decoyAuthHash(), *key) && account->has_value();
    if (ok) {
        const auto secret = base32Decode((*account)->totpSecret);
        const auto step = secret ? matchingTotpStep(*secret, *code, now) : std::nullopt;
        auto accepted = step ? store.acceptTotpStep((*account)->id, *step) : core::Result<bool>(false);
        if (!accepted) return replyError(res, 503, "busy", "The server could not check the sign-in; try again.");
        ok = accepted.value();
    }
    if (!ok) {
        if (account->has_value()) (void)store.appendAudit((*account)->practiceId, "session.refused", (*account)->id, "");
        byEmail.failed(emailKey, now);
        byAddress.failed(addressKey, now);
        return replyError(res, 401, "invalid_credentials", "The e-mail, key or code is not right.");
    }
    byEmail.succeeded(emailKey);

    const std::string token = core::toHex(core::crypto::randomBytes(32));
    const SessionRow session{tokenHash(token), (*account)->id, now, now,
                             now + static_cast<std::int64_t>(config.absoluteSessionHours) * 3600};
    if (auto stored = store.putSession(session); !stored)
        return replyError(res, 503, "busy", "The server could not start the session; try again.");
    if (!(*account)->mfaConfirmed) (void)store.appendAudit((*account)->practiceId, "mfa.confirmed", (*account)->id, "");
    (void)store.appendAudit((*account)->practiceId, "session.created", (*account)->id, "");
    replyJson(res, 201,
              {{"token", token},
               {"expires_at", session.expiresAt},
               {"idle_minutes", config.idleSessionMinutes},
               {"user_id", (*account)->id},
               {"practice_id", (*account)->practiceId},
               {"role", roleName((*account)->role)}});
}

// Credential changes need the signed-in session plus the current auth key and a fresh TOTP
// code: a stolen token alone cannot take the account over.
std::optional<SignedIn> reauthenticate(ServerStore& store, const ServerConfig& config, const httplib::Request& req,
                                       httplib::Response& res, nlohmann::json& body, std::initializer_list<std::string_view> fields)
{
    const auto who = requireSignedIn(store, config, req, res);
    if (!who) return std::nullopt;
    if (!protocol::isJsonContentType(req.get_header_value("Content-Type"))) {
        replyError(res, 415, "unsupported_media_type", "Send the request as application/json.");
        return std::nullopt;
    }
    auto parsed = protocol::parseObject(req.body, fields);
    if (!parsed) {
        replyError(res, 400, "invalid_input", parsed.error().message);
        return std::nullopt;
    }
    body = std::move(*parsed);
    auto current = protocol::requiredString(body, "auth_key", 64);
    auto code = protocol::requiredString(body, "totp", 6);
    for (const auto* field : {&current, &code})
        if (!*field) {
            replyError(res, 400, "invalid_input", field->error().message);
            return std::nullopt;
        }
    const auto key = key256(*current);
    const auto secret = base32Decode(who->account.totpSecret);
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    const auto step = secret ? matchingTotpStep(*secret, *code, now) : std::nullopt;
    bool ok = key && authKeyMatches(who->account.authHash, *key) && step;
    if (ok) {
        auto accepted = store.acceptTotpStep(who->account.id, *step);
        ok = accepted && accepted.value();
    }
    if (!ok) {
        replyError(res, 401, "invalid_credentials", "The key or code is not right.");
        return std::nullopt;
    }
    return who;
}

void changeAuthKey(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    nlohmann::json body;
    const auto who = reauthenticate(store, config, req, res, body, {"auth_key", "totp", "new_auth_key"});
    if (!who) return;
    auto fresh = protocol::requiredString(body, "new_auth_key", 64);
    const auto key = fresh ? key256(*fresh) : std::nullopt;
    if (!key) return replyError(res, 400, "invalid_input", "Field 'new_auth_key' must be 64 hexadecimal digits.");
    if (auto changed = store.changeAuthHash(who->account.id, hashAuthKey(*key)); !changed)
        return replyError(res, 503, "busy", "The server could not change the key; nothing changed.");
    (void)store.appendAudit(who->account.practiceId, "account.auth_key_changed", who->account.id, who->account.id);
    res.status = 204;  // every session has ended, this one too: sign in with the new key
}

void resetMfa(ServerStore& store, const ServerConfig& config, const httplib::Request& req, httplib::Response& res)
{
    nlohmann::json body;
    const auto who = reauthenticate(store, config, req, res, body, {"auth_key", "totp"});
    if (!who) return;
    const std::string secret = base32Encode(core::crypto::randomBytes(20));
    if (auto changed = store.changeTotpSecret(who->account.id, secret); !changed)
        return replyError(res, 503, "busy", "The server could not change the second factor; nothing changed.");
    (void)store.appendAudit(who->account.practiceId, "mfa.reset", who->account.id, who->account.id);
    replyJson(res, 200, {{"mfa", {{"type", "totp"}, {"secret", secret}, {"uri", totpUri(who->account.email, secret)}}}});
}

}  // namespace

void addSessionRoutes(httplib::Server& http, ServerStore& store, const ServerConfig& config, LoginThrottle& byEmail,
                      LoginThrottle& byAddress)
{
    http.Post("/v1/sessions", withJsonBody(config.maxBodyBytes, [&](const httplib::Request& req, httplib::Response& res) {
                  login(store, config, byEmail, byAddress, req, res);
              }));
    http.Get("/v1/me", [&](const httplib::Request& req, httplib::Response& res) {
        const auto who = requireSignedIn(store, config, req, res);
        if (!who) return;
        replyJson(res, 200,
                  {{"user_id", who->account.id},
                   {"practice_id", who->account.practiceId},
                   {"role", roleName(who->account.role)},
                   {"email", who->account.email}});
    });
    http.Post("/v1/accounts/auth-key", withJsonBody(config.maxBodyBytes, [&](const httplib::Request& req, httplib::Response& res) {
                  changeAuthKey(store, config, req, res);
              }));
    http.Post("/v1/accounts/mfa", withJsonBody(config.maxBodyBytes, [&](const httplib::Request& req, httplib::Response& res) {
                  resetMfa(store, config, req, res);
              }));
    const httplib::Server::Handler signOut = [&](const httplib::Request& req, httplib::Response& res) {
        const auto who = requireSignedIn(store, config, req, res);
        if (!who) return;
        if (auto ended = store.deleteSession(who->tokenHash); !ended)
            return replyError(res, 503, "busy", "The server could not end the session; try again.");
        res.status = 204;
    };
    http.Delete("/v1/sessions/current", signOut);
    // A DELETE that declares a length (even 0) is routed to content-reader routes only.
    http.Delete("/v1/sessions/current", withJsonBody(config.maxBodyBytes, signOut));
}

}  // namespace noteward::sync::server
