#include "server/client_access.h"

#include "protocol/wire_ids.h"
#include "server/http_replies.h"
#include "server/server_store.h"

#include <httplib.h>

#include <algorithm>

namespace noteward::sync::server {

void notFound(httplib::Response& res) { replyError(res, 404, "not_found", "There is nothing at this address."); }
void busy(httplib::Response& res) { replyError(res, 503, "busy", "The server could not complete the request; try again."); }

bool idsValid(const httplib::Request& req, std::size_t count)
{
    for (std::size_t i = 1; i <= count; ++i)
        if (req.matches.size() <= i || !protocol::isWireId(req.matches[i].str())) return false;
    return true;
}

bool canSeeClient(ServerStore& store, const SignedIn& who, const std::string& practiceId, const std::string& clientId,
                  httplib::Response& res)
{
    if (who.account.practiceId != practiceId || who.account.role == Role::Admin) {
        notFound(res);
        return false;
    }
    auto access = store.clientAccess(practiceId, clientId);
    if (!access) {
        busy(res);
        return false;
    }
    const bool assigned = std::find(access->therapists.begin(), access->therapists.end(), who.account.id) != access->therapists.end();
    if (!access->exists || (who.account.role == Role::Therapist && !assigned)) {
        notFound(res);
        return false;
    }
    return true;
}

}  // namespace noteward::sync::server
