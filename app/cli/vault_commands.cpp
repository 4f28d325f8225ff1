// The vault commands: init, client, session, audit, backup, restore, passphrase.
#include "app/client_service.h"
#include "context.h"
#include "passphrase_input.h"

#include "model/model_json.h"
#include "util/text.h"

#include <functional>
#include <iomanip>
#include <iostream>

namespace noteward::cli {

using core::vault::Vault;

namespace {
int withVault(Context& ctx, const std::function<int(Vault&)>& body)
{
    auto vault = ctx.openVault();
    if (!vault) return ctx.fail(vault.error());
    return body(*vault.value());
}

std::string orDash(const std::optional<std::string>& value) { return value ? *value : "-"; }
}  // namespace

int runInit(Context& ctx)
{
    const auto dir = ctx.vaultDirectory();
    if (Vault::existsAt(dir))
        return ctx.fail(core::makeError(core::ErrorCode::AlreadyExists, "A vault already exists at " + dir.string() + "."));
    auto passphrase = readPassphrase(ctx.args(), {.prompt = "Choose a vault passphrase: ", .confirm = true});
    if (!passphrase) return ctx.fail(passphrase.error());
    core::vault::VaultIdentity identity;
    if (auto practice = ctx.args().option("--practice")) identity.practiceName = *practice;
    if (auto therapist = ctx.args().option("--therapist")) identity.therapistName = *therapist;
    identity.therapistEmail = ctx.args().option("--email");
    auto vault = Vault::create(dir, passphrase.value(), identity);
    if (!vault) return ctx.fail(vault.error());
    if (ctx.json())
        ctx.printJson({{"vault", dir.string()}, {"vault_id", vault.value()->vaultId()}});
    else
        ctx.out() << "Created an encrypted vault at " << dir.string() << '\n';
    return kExitOk;
}

int runClientAdd(Context& ctx)
{
    core::model::Client client;
    auto details = ctx.jsonFromFile({"name", "dob", "nhs_number", "email", "phone", "address"});
    if (!details) return ctx.fail(details.error());
    if (details.value()) {
        for (const char* option : {"--name", "--dob", "--nhs-number", "--email", "--phone", "--address"})
            if (ctx.args().option(option)) throw UsageError(std::string("give ") + option + " in the file, not as well");
        const nlohmann::json& d = *details.value();
        auto field = [&](const char* key) -> std::optional<std::string> {
            const auto it = d.find(key);
            if (it == d.end() || it->is_null()) return std::nullopt;
            return it->get<std::string>();
        };
        client.name = field("name").value_or("");
        client.dateOfBirth = field("dob");
        client.nhsNumber = field("nhs_number");
        client.contact = {field("email"), field("phone"), field("address")};
    } else {
        client.name = ctx.required("--name");
        client.dateOfBirth = ctx.args().option("--dob");
        client.nhsNumber = ctx.args().option("--nhs-number");
        client.contact = {ctx.args().option("--email"), ctx.args().option("--phone"), ctx.args().option("--address")};
    }
    return withVault(ctx, [&](Vault& vault) {
        auto added = core::app::ClientService(vault).add(client);
        if (!added) return ctx.fail(added.error());
        if (ctx.json()) ctx.printJson(core::model::toJson(added.value()));
        else ctx.out() << added->id << '\n';
        return kExitOk;
    });
}

int runClientList(Context& ctx)
{
    auto search = ctx.args().option("--search");
    auto details = ctx.jsonFromFile({"search"});
    if (!details) return ctx.fail(details.error());
    if (details.value()) {
        if (search) throw UsageError("give --search or --from-file, not both");
        if (const auto it = details.value()->find("search"); it != details.value()->end() && it->is_string())
            search = it->get<std::string>();
    }
    return withVault(ctx, [&](Vault& vault) {
        auto clients = core::app::ClientService(vault).list(search.value_or(""));
        if (!clients) return ctx.fail(clients.error());
        if (ctx.json()) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& c : clients.value()) list.push_back(core::model::toJson(c));
            ctx.printJson(list);
            return kExitOk;
        }
        for (const auto& c : clients.value())
            ctx.out() << c.id << "  " << std::left << std::setw(30) << core::forTerminal(c.name) << "  " << std::setw(10)
                      << orDash(c.dateOfBirth) << "  " << std::setw(10) << orDash(c.nhsNumber) << "  "
                      << core::model::toString(c.status) << '\n';
        ctx.info(std::to_string(clients->size()) + " client(s)");
        return kExitOk;
    });
}

int runClientEdit(Context& ctx)
{
    const std::string id = ctx.required("--client");
    auto details = ctx.jsonFromFile({"name", "dob", "nhs_number", "email", "phone", "address"});
    if (!details) return ctx.fail(details.error());
    if (!details.value()) throw UsageError("client edit takes the changed details with --from-file FILE|-");
    return withVault(ctx, [&](Vault& vault) {
        core::app::ClientService service(vault);
        auto client = service.get(id);
        if (!client) return ctx.fail(client.error());
        const nlohmann::json& d = *details.value();
        // Only the fields given change; null clears an optional one.
        auto apply = [&](const char* key, std::optional<std::string>& field) {
            if (const auto it = d.find(key); it != d.end())
                field = it->is_null() ? std::nullopt : std::optional<std::string>(it->get<std::string>());
        };
        if (const auto it = d.find("name"); it != d.end() && it->is_string()) client->name = it->get<std::string>();
        apply("dob", client->dateOfBirth);
        apply("nhs_number", client->nhsNumber);
        apply("email", client->contact.email);
        apply("phone", client->contact.phone);
        apply("address", client->contact.address);
        auto updated = service.update(client.value());
        if (!updated) return ctx.fail(updated.error());
        if (ctx.json()) ctx.printJson(core::model::toJson(updated.value()));
        else ctx.info("Client " + updated->id + " updated.");
        return kExitOk;
    });
}

int runSessionList(Context& ctx)
{
    const std::string client = ctx.required("--client");
    return withVault(ctx, [&](Vault& vault) {
        auto sessions = core::app::ClientService(vault).sessions(client);
        if (!sessions) return ctx.fail(sessions.error());
        if (ctx.json()) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& s : sessions.value()) list.push_back(core::model::toJson(s));
            ctx.printJson(list);
            return kExitOk;
        }
        for (const auto& s : sessions.value())
            ctx.out() << s.id << "  " << s.startedAt << "  " << core::model::toString(s.status) << '\n';
        ctx.info(std::to_string(sessions->size()) + " session(s), newest first");
        return kExitOk;
    });
}

int runSessionNew(Context& ctx)
{
    core::model::Session session;
    session.clientId = ctx.required("--client");
    if (auto start = ctx.args().option("--start")) session.startedAt = *start;
    return withVault(ctx, [&](Vault& vault) {
        auto added = core::app::ClientService(vault).addSession(session);
        if (!added) return ctx.fail(added.error());
        if (ctx.json()) ctx.printJson(core::model::toJson(added.value()));
        else ctx.out() << added->id << '\n';
        return kExitOk;
    });
}

int runAuditList(Context& ctx)
{
    // 0 means "all" inside; asking for 0 entries is a mistake, not a request for all.
    const std::int64_t limit = ctx.number("--limit", 0, 1, 100'000'000);
    return withVault(ctx, [&](Vault& vault) {
        auto entries = vault.auditEntries(limit);
        if (!entries) return ctx.fail(entries.error());
        if (ctx.json()) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& e : entries.value()) list.push_back(core::model::toJson(e));
            ctx.printJson(list);
            return kExitOk;
        }
        for (const auto& e : entries.value())
            ctx.out() << std::setw(6) << e.seq << "  " << e.time << "  " << std::left << std::setw(26) << e.action
                      << std::right << "  " << e.objectType << ' ' << e.objectId << "  by " << e.actor << '\n';
        return kExitOk;
    });
}

int runAuditVerify(Context& ctx)
{
    return withVault(ctx, [&](Vault& vault) {
        auto result = vault.verifyAudit();
        if (!result) return ctx.fail(result.error());
        const auto& v = result.value();
        if (ctx.json()) {
            nlohmann::json problems = nlohmann::json::array();
            for (const auto& p : v.problems) problems.push_back({{"seq", p.seq}, {"problem", p.description}});
            nlohmann::json notices = nlohmann::json::array();
            for (const auto& n : v.notices) notices.push_back({{"seq", n.seq}, {"notice", n.description}});
            ctx.printJson({{"ok", v.ok()},
                           {"entries", v.entriesChecked},
                           {"checkpoints_verified", v.checkpointsVerified},
                           {"problems", problems},
                           {"notices", notices}});
        } else {
            if (v.ok()) {
                ctx.out() << "Audit log intact: " << v.entriesChecked << " entries, every hash and link verified, "
                          << v.checkpointsVerified << " signed checkpoint(s) valid, nothing cut from its end.\n";
            } else {
                ctx.out() << "Audit log FAILED verification (" << v.problems.size() << " problem(s) in "
                          << v.entriesChecked << " entries):\n";
                for (const auto& p : v.problems) ctx.out() << "  " << p.description << '\n';
            }
            for (const auto& n : v.notices) ctx.out() << "  note: " << n.description << '\n';
        }
        return v.ok() ? kExitOk : kExitUserError;
    });
}

int runBackup(Context& ctx)
{
    const std::filesystem::path out = ctx.required("--out");
    return withVault(ctx, [&](Vault& vault) {
        if (auto done = vault.backupTo(out); !done) return ctx.fail(done.error());
        if (ctx.json()) ctx.printJson({{"backup", out.string()}});
        else ctx.out() << "Backed up the vault to " << out.string() << " (encrypted; restoring needs the current passphrase)\n";
        return kExitOk;
    });
}

int runRestore(Context& ctx)
{
    const std::filesystem::path from = ctx.required("--from");
    const auto dir = ctx.vaultDirectory();
    auto passphrase = readPassphrase(ctx.args(), {.prompt = "Passphrase of the backup: "});
    if (!passphrase) return ctx.fail(passphrase.error());
    if (auto done = Vault::restore(from, dir, passphrase.value(), ctx.args().flag("--replace")); !done) {
        if (done.error().code == core::ErrorCode::AlreadyExists && !ctx.args().flag("--replace") &&
            done.error().message.find("A vault already exists") != std::string::npos)
            return ctx.fail({done.error().code, done.error().message + " (use --replace)"});
        return ctx.fail(done.error());
    }
    if (ctx.json()) ctx.printJson({{"vault", dir.string()}});
    else ctx.out() << "Restored the vault at " << dir.string() << '\n';
    return kExitOk;
}

int runPassphraseChange(Context& ctx)
{
    return withVault(ctx, [&](Vault& vault) {
        auto current = readPassphrase(ctx.args(), {.prompt = "Current passphrase: "});
        if (!current) return ctx.fail(current.error());
        auto next = readPassphrase(ctx.args(), {.prompt = "New passphrase: ", .confirm = true, .replacement = true});
        if (!next) return ctx.fail(next.error());
        if (ctx.args().flag("--rekey")) {
            if (auto done = vault.rekey(current.value(), next.value()); !done) return ctx.fail(done.error());
            ctx.info("Passphrase changed and the vault re-encrypted under a new key; the old key file was wiped. "
                     "Backups made before now still open with the old passphrase.");
            return kExitOk;
        }
        if (auto done = vault.changePassphrase(current.value(), next.value()); !done) return ctx.fail(done.error());
        ctx.info("Passphrase changed. The vault key itself is unchanged: a copy of the old vault.key still opens this "
                 "vault with the old passphrase. If someone may have such a copy, run 'passphrase change --rekey'. "
                 "Backups made before now still open with the old passphrase.");
        return kExitOk;
    });
}

}  // namespace noteward::cli
