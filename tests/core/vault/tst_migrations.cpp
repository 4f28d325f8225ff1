// A vault written by an older build (schema 1: no clients table yet) opens in this one and
// is upgraded in place, keeping what it held.
#include "test_support.h"

#include "audit/audit_log.h"
#include "crypto/random.h"
#include "vault/database.h"
#include "vault/file_io.h"
#include "vault/key_file.h"
#include "vault/migrations.h"

#include <QTest>

using namespace noteward;
using namespace noteward::core;

class TestMigrations : public QObject {
    Q_OBJECT
private slots:
    void stepsAreOrderedAndComplete()
    {
        int expected = 1;
        for (const auto& m : vault::migrations()) QCOMPARE(m.version, expected++);
        QCOMPARE(vault::latestSchemaVersion(), expected - 1);
        QVERIFY(vault::latestSchemaVersion() >= 2);
    }

    void olderVaultOpensAndUpgrades()
    {
        test::TempFolder tmp;
        const auto dir = tmp / "old";
        std::filesystem::create_directories(dir);
        const auto key = crypto::randomSecret(32);
        const std::string vaultId = crypto::randomUuid();
        {
            // What a schema-1 build wrote.
            auto db = vault::Database::open(dir / "vault.db", key, {.create = true});
            db->exec("PRAGMA journal_mode = WAL;");
            QVERIFY(vault::migrate(*db, 1).ok());
            QCOMPARE(vault::schemaVersion(*db), 1);
            QCOMPARE(db->scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'clients';"), 0);
            vault::Transaction tx(*db);
            db->exec("INSERT INTO practice VALUES ('p1', 'Old Practice');");
            db->exec("INSERT INTO local_user VALUES ('u1', 'p1', 'Dr Old', NULL, 'therapist');");
            db->exec("INSERT INTO settings VALUES ('audio.device', 'USB mic');");
            audit::AuditLog(*db).append("u1", audit::action::kVaultCreated, "vault", vaultId);
            tx.commit();
        }
        const auto header = vault::KeyFile::wrap(vaultId, 3, asBytes(test::kPassphrase), key, crypto::Argon2Params{});
        QVERIFY(vault::writeFileAtomically(dir / "vault.key", asBytes(header.serialize())).ok());

        auto vault = test::openVault(dir);
        QCOMPARE(vault::schemaVersion(vault->database()), vault::latestSchemaVersion());
        QCOMPARE(QString::fromStdString(vault->user().displayName), QString("Dr Old"));
        QCOMPARE(QString::fromStdString(vault->practice().name), QString("Old Practice"));
        QCOMPARE(QString::fromStdString(**vault->settings().get("audio.device")), QString("USB mic"));
        model::Client c;
        c.name = "New Client";
        QVERIFY(vault->clients().add(c).ok());
        QVERIFY(vault->verifyAudit()->ok());
        QCOMPARE(vault->auditEntries()->front().action, std::string(audit::action::kVaultCreated));
    }

    void migrateIsIdempotent()
    {
        test::TempFolder tmp;
        auto vault = test::createVault(tmp / "v");
        QVERIFY(vault::migrate(vault->database()).ok());
        QVERIFY(vault::migrate(vault->database()).ok());
        QCOMPARE(vault::schemaVersion(vault->database()), vault::latestSchemaVersion());
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
