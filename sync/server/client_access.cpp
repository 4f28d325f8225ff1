#include "server/client_access.h"

#include "protocol/wire_ids.h"
#include "server/http_replies.h"
#include "server/server_store.h"
#include "server/session_rate_limiter.h"

#include <httplib.h>

#include <algorithm>
#include <charconv>

namespace noteward::sync::server {

void notFound(httplib::Response& res) { replyError(res, 404, "not_found", "There is nothing at this address."); }
void busy(httplib::Response& res) { replyError(res, 503, "busy", "The server could not complete the request; try again."); }

std::optional<std::int64_t> queryNumber(const httplib::Request& req, const char* name, std::int64_t fallback, std::int64_t max)
{
    if (!req.has_param(name)) return fallback;
    const std::string text = req.get_param_value(name);
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > max) return std::nullopt;
    return value;
}

bool idsValid(const httplib::Request& req, std::size_t count)
{
    for (std::size_t i = 1; i <= count; ++i)
        if (req.matches.size() <= i || !protocol::isWireId(req.matches[i].str())) return false;
    return true;
}

void refuseAccess(ServerStore& store, const SignedIn& who, const std::string& asked, httplib::Response& res)
{
    // At most one entry a second per account on average (bursts of ten): each entry is a
    // durable write, and made-up ids of another practice cost a caller nothing to send. Past
    // that the request log still has every refusal. An account without a practice (a server
    // admin) has no log to write to.
    static SessionRateLimiter perAccount(1.0);
    const double now = SessionRateLimiter::secondsNow();
    if (!who.account.practiceId.empty() && !perAccount.retryAfter(who.account.id, now)) {
        perAccount.charge(who.account.id, now);
        (void)store.appendAudit(who.account.practiceId, "access.refused", who.account.id, asked);
    }
    notFound(res);
}

bool canSeeClient(ServerStore& store, const SignedIn& who, const std::string& practiceId, const std::string& clientId,
                  httplib::Response& res)
{
    if (who.account.practiceId != practiceId || who.account.role == Role::Admin) {
        refuseAccess(store, who, clientId, res);
        return false;
    }
    auto access = store.clientAccess(practiceId, clientId);
    if (!access) {
        busy(res);
        return false;
    }
    const bool assigned = std::find(access->therapists.begin(), access->therapists.end(), who.account.id) != access->therapists.end();
    if (!access->exists) {
        notFound(res);  // never made, or erased
        return false;
    }
    if (who.account.role == Role::Therapist && !assigned) {
        refuseAccess(store, who, clientId, res);
        return false;
    }
    return true;
}

}  // namespace noteward::sync::server
