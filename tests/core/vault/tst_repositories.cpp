#include "test_support.h"

#include <QTest>

using namespace noteward;
using namespace noteward::core;

namespace {
model::Client client(const char* name, std::optional<std::string> nhs = std::nullopt)
{
    model::Client c;
    c.name = name;
    c.nhsNumber = std::move(nhs);
    return c;
}

std::vector<std::string> actions(vault::Vault& v)
{
    std::vector<std::string> out;
    for (const auto& e : v.auditEntries().value()) out.push_back(e.action);
    return out;
}
}  // namespace

class TestRepositories : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;
    std::unique_ptr<vault::Vault> m_vault;
    int m_count = 0;

private slots:
    void init() { m_vault = test::createVault(m_tmp.path() / ("v" + std::to_string(++m_count))); }
    void cleanup() { m_vault.reset(); }

    void clientLifecycle()
    {
        auto repo = m_vault->clients();
        model::Client c = client("Carol Smith", "943 476 5919");
        c.dateOfBirth = "1985-06-01";
        c.contact.email = "carol@example.org";
        auto added = repo.add(c);
        QVERIFY2(added.ok(), added.ok() ? "" : added.error().message.c_str());
        QCOMPARE(added->id.size(), std::size_t(36));
        QCOMPARE(*added->nhsNumber, std::string("9434765919"));
        QVERIFY(!added->createdAt.empty());

        auto fetched = repo.get(added->id);
        QCOMPARE(fetched->name, std::string("Carol Smith"));
        QCOMPARE(*fetched->dateOfBirth, std::string("1985-06-01"));
        QCOMPARE(*fetched->contact.email, std::string("carol@example.org"));

        model::Client changed = fetched.value();
        changed.status = model::ClientStatus::Discharged;
        changed.name = "Carol Jones";
        auto updated = repo.update(changed);
        QVERIFY(updated.ok());
        QVERIFY(updated->status == model::ClientStatus::Discharged);
        QCOMPARE(repo.get(added->id)->name, std::string("Carol Jones"));

        QVERIFY(repo.remove(added->id).ok());
        QCOMPARE(repo.get(added->id).error().code, ErrorCode::NotFound);
        QCOMPARE(repo.remove(added->id).error().code, ErrorCode::NotFound);

        const auto log = actions(*m_vault);
        QCOMPARE(std::count(log.begin(), log.end(), std::string(audit::action::kClientCreated)), 1);
        QCOMPARE(std::count(log.begin(), log.end(), std::string(audit::action::kClientUpdated)), 1);
        QCOMPARE(std::count(log.begin(), log.end(), std::string(audit::action::kClientDeleted)), 1);
        // Ids only: no name ever reaches the audit log.
        for (const auto& e : m_vault->auditEntries().value()) {
            QVERIFY(e.objectId.find("Carol") == std::string::npos);
            QVERIFY(e.actor.find("Carol") == std::string::npos);
        }
    }

    void invalidClientIsNotStored()
    {
        auto repo = m_vault->clients();
        auto bad = repo.add(client("Dan", "1234567890"));
        QCOMPARE(bad.error().code, ErrorCode::InvalidInput);
        QVERIFY(repo.list()->empty());
        const auto log = actions(*m_vault);
        QCOMPARE(std::count(log.begin(), log.end(), std::string(audit::action::kClientCreated)), 0);
    }

    void duplicateNhsNumberRefused()
    {
        auto repo = m_vault->clients();
        QVERIFY(repo.add(client("Erin", "9434765919")).ok());
        auto dup = repo.add(client("Erin Again", "943-476-5919"));
        QCOMPARE(dup.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(repo.list()->size(), std::size_t(1));
        // All-or-nothing batches.
        auto batch = repo.addAll({client("Frank"), client("Gina", "9434765919")});
        QVERIFY(!batch.ok());
        QCOMPARE(repo.list()->size(), std::size_t(1));
    }

    void listAndSearch()
    {
        auto repo = m_vault->clients();
        QVERIFY(repo.addAll({client("zoe Adams"), client("Adam Brown"), client("Émile Zola"), client("Bea Adamson")}).ok());
        const auto all = repo.list().value();
        QCOMPARE(all.size(), std::size_t(4));
        QCOMPARE(all.front().name, std::string("Adam Brown"));  // case-insensitive order
        const auto adam = repo.searchByName("ADAM").value();
        QCOMPARE(adam.size(), std::size_t(3));
        QCOMPARE(repo.searchByName("Émile")->size(), std::size_t(1));
        QVERIFY(repo.searchByName("nobody")->empty());
        QCOMPARE(repo.searchByName("%")->size(), std::size_t(0));  // no wildcard injection
    }

    void sessions()
    {
        auto clients = m_vault->clients();
        auto sessions = m_vault->sessions();
        const auto owner = clients.add(client("Hana")).value();
        QCOMPARE(sessions.add(test::session("no-such-client")).error().code, ErrorCode::NotFound);
        auto first = sessions.add(test::session(owner.id, "2026-11-01T10:00:00Z"));
        QVERIFY(first.ok());
        auto second = sessions.add(test::session(owner.id, "2026-11-08T10:00:00Z"));
        QVERIFY(second.ok());
        QCOMPARE(sessions.add(test::session(owner.id, "yesterday")).error().code, ErrorCode::InvalidInput);

        const auto list = sessions.listForClient(owner.id).value();
        QCOMPARE(list.size(), std::size_t(2));
        QCOMPARE(list.front().id, second->id);  // newest first

        model::Session done = first.value();
        done.status = model::SessionStatus::Completed;
        done.durationSeconds = 50 * 60;
        QVERIFY(sessions.update(done).ok());
        QCOMPARE(sessions.get(first->id)->durationSeconds, std::int64_t(3000));

        // A client with sessions is not simply deleted.
        QCOMPARE(clients.remove(owner.id).error().code, ErrorCode::InvalidInput);
        QVERIFY(sessions.remove(first->id).ok());
        QVERIFY(sessions.remove(second->id).ok());
        QVERIFY(clients.remove(owner.id).ok());
        const auto log = actions(*m_vault);
        QCOMPARE(std::count(log.begin(), log.end(), std::string(audit::action::kSessionCreated)), 2);
        QCOMPARE(std::count(log.begin(), log.end(), std::string(audit::action::kSessionUpdated)), 1);
        QCOMPARE(std::count(log.begin(), log.end(), std::string(audit::action::kSessionDeleted)), 2);
        QVERIFY(m_vault->verifyAudit()->ok());
    }

    void practiceAndTherapist()
    {
        QCOMPARE(m_vault->practice().name, std::string("My practice"));
        QVERIFY(m_vault->renamePractice("Harbour CBT").ok());
        QVERIFY(m_vault->updateUser("Dr Lee", std::string("lee@harbour.example")).ok());
        QCOMPARE(m_vault->renamePractice("").error().code, ErrorCode::InvalidInput);
        QCOMPARE(m_vault->practice().name, std::string("Harbour CBT"));
        const auto profile = vault::PracticeRepository(m_vault->database(), "test").load().value();
        QCOMPARE(profile.practice.name, std::string("Harbour CBT"));
        QCOMPARE(profile.user.displayName, std::string("Dr Lee"));
        QCOMPARE(*profile.user.email, std::string("lee@harbour.example"));
        const auto log = actions(*m_vault);
        QCOMPARE(std::count(log.begin(), log.end(), std::string(audit::action::kPracticeUpdated)), 1);
        QCOMPARE(std::count(log.begin(), log.end(), std::string(audit::action::kUserUpdated)), 1);
    }

    void settings()
    {
        auto settings = m_vault->settings();
        QVERIFY(!settings.get("audio.device")->has_value());
        QVERIFY(settings.set("audio.device", "Built-in").ok());
        QVERIFY(settings.set("audio.device", "USB headset").ok());
        QCOMPARE(**settings.get("audio.device"), std::string("USB headset"));
        QCOMPARE(settings.all()->size(), std::size_t(1));
        QCOMPARE(settings.set("", "x").error().code, ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
