#include "server/admin_commands.h"

#include "crypto/random.h"
#include "crypto/sha256.h"
#include "protocol/wire_ids.h"
#include "server/command_line.h"
#include "server/erasure_list.h"
#include "server/open_store.h"
#include "server/store_backup.h"
#include "util/hex.h"

#include <ctime>

namespace noteward::sync::server {

namespace {
constexpr int kUsage = 2;
constexpr int kFailed = 1;

int fail(std::ostream& err, const core::Error& error, int status = kFailed)
{
    err << "noteward-syncd: " << error.message << "\n";
    return status;
}

// Names are printed back and stored: printable UTF-8 text, no control characters.
bool plainName(const std::string& name)
{
    if (name.empty() || name.size() > 200) return false;
    for (const char c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    return true;
}
}  // namespace

int runAdminCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    const std::set<std::string> where = {"--config", "--data-dir", "--postgresql"};
    if (args.size() < 2) {
        err << "usage: noteward-syncd admin create-practice|invite|backup|restore|replay-erasures … (see --help)\n";
        return kUsage;
    }
    const std::string& command = args[1];
    std::set<std::string> known = where;
    if (command == "create-practice") known.insert("--name");
    else if (command == "invite") known.insert({"--practice", "--email", "--role", "--days"});
    else if (command == "backup") known.insert("--out");
    else if (command == "restore") known.insert("--from");
    else if (command == "replay-erasures") {
    }
    else return fail(err, core::makeError(core::ErrorCode::InvalidInput, "Unknown admin command " + command.substr(0, 40) + "."), kUsage);
    auto options = parseOptions(args, 2, known);
    if (!options) return fail(err, options.error(), kUsage);
    auto config = configFromOptions(*options);
    if (!config) return fail(err, config.error(), kUsage);

    if ((command == "backup" || command == "restore") && config->usesPostgresql())
        return fail(err, core::makeError(core::ErrorCode::InvalidInput,
                                         "With PostgreSQL, back up with pg_dump or point-in-time recovery; after restoring, run "
                                         "\"admin replay-erasures\" before serving (docs/sync-protocol.md, \"Backups\")."),
                    kUsage);
    if (command == "backup" || command == "restore") {
        const char* option = command == "backup" ? "--out" : "--from";
        if (!options->count(option) || options->at(option).empty())
            return fail(err, core::makeError(core::ErrorCode::InvalidInput, std::string(option) + " needs a file."), kUsage);
        const std::filesystem::path file = options->at(option);
        auto done = command == "backup" ? backupStore(config->dataDir, config->storeKeyPath(), file)
                                        : restoreStore(config->dataDir, config->storeKeyPath(), file);
        if (!done) return fail(err, done.error());
        if (command == "backup")
            err << "Backed up the store with " << done->blobs << " blob(s) to " << file.string()
                << " (encrypted with the store key: keep the key file apart from backups).\n";
        else
            err << "Restored " << done->blobs << " blob(s); " << done->erasuresReplayed
                << " erasure(s) made after the backup were made again.\n";
        return 0;
    }
    auto store = openStore(*config);
    if (!store) return fail(err, store.error());

    if (command == "replay-erasures") {
        // After a restore from an older backup (pg_dump, a file-system snapshot): every
        // erasure made since is made again before the server serves.
        auto replayed = replayErasures(**store, config->dataDir);
        if (!replayed) return fail(err, replayed.error());
        err << *replayed << " erasure(s) made after the backup were made again.\n";
        return 0;
    }

    if (command == "create-practice") {
        const auto name = options->find("--name");
        if (name == options->end() || !plainName(name->second))
            return fail(err, core::makeError(core::ErrorCode::InvalidInput, "--name needs the practice's name (1-200 characters)."), kUsage);
        auto practice = (*store)->createPractice(name->second);
        if (!practice) return fail(err, practice.error());
        out << practice->id << "\n";
        return 0;
    }

    const auto get = [&](const char* name) { return options->count(name) ? options->at(name) : std::string(); };
    const std::string practiceId = get("--practice");
    const std::string email = protocol::normalisedEmail(get("--email"));
    const auto role = roleFromName(get("--role"));
    if (!protocol::isWireId(practiceId))
        return fail(err, core::makeError(core::ErrorCode::InvalidInput, "--practice needs a practice id (as create-practice printed)."), kUsage);
    if (email.empty()) return fail(err, core::makeError(core::ErrorCode::InvalidInput, "--email needs an e-mail address."), kUsage);
    if (!role || *role == Role::Admin)
        return fail(err, core::makeError(core::ErrorCode::InvalidInput, "--role is therapist or practice_manager."), kUsage);
    int days = config->invitationDays;
    if (options->count("--days")) {
        const std::string& text = options->at("--days");
        if (text.empty() || text.size() > 2 || text.find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(text) < 1 || std::stoi(text) > 90)
            return fail(err, core::makeError(core::ErrorCode::InvalidInput, "--days is 1-90."), kUsage);
        days = std::stoi(text);
    }
    auto practice = (*store)->practice(practiceId);
    if (!practice) return fail(err, practice.error());
    if (!practice->has_value())
        return fail(err, core::makeError(core::ErrorCode::NotFound, "No practice " + practiceId + " in this store."));
    const std::string token = core::toHex(core::crypto::randomBytes(32));
    const std::int64_t expires = static_cast<std::int64_t>(std::time(nullptr)) + static_cast<std::int64_t>(days) * 24 * 3600;
    auto stored = (*store)->putInvitation(core::toHex(core::crypto::sha256(core::asBytes(token))),
                                          Invitation{practiceId, email, *role, expires});
    if (!stored) return fail(err, stored.error());
    out << token << "\n";
    char when[32];
    const std::time_t t = static_cast<std::time_t>(expires);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
    // The address is not repeated: scripted runs end up in logs.
    err << "Invitation as " << roleName(*role) << ", single use, expires " << when << ".\n";
    return 0;
}

}  // namespace noteward::sync::server
