#include "test_support.h"

#include <QTest>

using namespace noteward;
using namespace noteward::core;
using core::vault::Vault;

class TestBackupRestore : public QObject {
    Q_OBJECT

    std::string addClient(Vault& v, const char* name)
    {
        model::Client c;
        c.name = name;
        return v.clients().add(c).value().id;
    }

private slots:
    void backupWhileOpenThenRestoreElsewhere()
    {
        test::TempFolder tmp;
        auto vault = test::createVault(tmp / "laptop");
        const std::string kept = addClient(*vault, "Ivy Backup");
        QVERIFY(vault->backupTo(tmp / "vault.nwbackup").ok());
        addClient(*vault, "Jack After Backup");  // not in the backup
        // No stray snapshot files are left next to the backup.
        QVERIFY(!std::filesystem::exists(tmp / "vault.nwbackup.snapshot"));
        QVERIFY(!std::filesystem::exists(tmp / "vault.nwbackup.tmp"));
        // Still encrypted: the name is nowhere in the file.
        QVERIFY(!test::readFile(tmp / "vault.nwbackup").contains("Ivy Backup"));

        QVERIFY(Vault::restore(tmp / "vault.nwbackup", tmp / "new-laptop", test::secret(test::kPassphrase), false).ok());
        auto restored = test::openVault(tmp / "new-laptop");
        const auto clients = restored->clients().list().value();
        QCOMPARE(clients.size(), std::size_t(1));
        QCOMPARE(clients.front().id, kept);
        QCOMPARE(restored->vaultId(), vault->vaultId());
        QVERIFY(restored->verifyAudit()->ok());
        const auto entries = restored->auditEntries().value();
        QVERIFY(std::any_of(entries.begin(), entries.end(),
                            [](const auto& e) { return e.action == audit::action::kVaultRestored; }));
    }

    void refusesWrongPassphraseAndExistingVault()
    {
        test::TempFolder tmp;
        auto vault = test::createVault(tmp / "a");
        addClient(*vault, "Kim");
        QVERIFY(vault->backupTo(tmp / "b.nwbackup").ok());

        auto wrong = Vault::restore(tmp / "b.nwbackup", tmp / "c", test::secret("wrong passphrase!!"), false);
        QCOMPARE(wrong.error().code, ErrorCode::WrongPassphrase);
        QVERIFY(!std::filesystem::exists(tmp / "c"));

        auto other = test::createVault(tmp / "d");
        addClient(*other, "Lee");
        other.reset();
        const auto before = test::folderFingerprint(tmp / "d");
        auto refused = Vault::restore(tmp / "b.nwbackup", tmp / "d", test::secret(test::kPassphrase), false);
        QCOMPARE(refused.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(test::folderFingerprint(tmp / "d"), before);

        QVERIFY(Vault::restore(tmp / "b.nwbackup", tmp / "d", test::secret(test::kPassphrase), true).ok());
        auto replaced = test::openVault(tmp / "d");
        QCOMPARE(replaced->clients().list()->front().name, std::string("Kim"));
        QVERIFY(!std::filesystem::exists(tmp / "d.replaced"));
        QVERIFY(!std::filesystem::exists(tmp / "d.restoring"));
    }

    void refusesDamagedBackups()
    {
        test::TempFolder tmp;
        auto vault = test::createVault(tmp / "a");
        addClient(*vault, "Max");
        QVERIFY(vault->backupTo(tmp / "good.nwbackup").ok());
        const QByteArray good = test::readFile(tmp / "good.nwbackup");

        test::writeFile(tmp / "truncated", good.left(good.size() - 100));
        QByteArray flipped = good;
        flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 1);
        test::writeFile(tmp / "flipped", flipped);
        test::writeFile(tmp / "foreign", "PK\x03\x04 this is a zip file, honestly");
        test::writeFile(tmp / "empty", "");
        for (const char* name : {"truncated", "flipped", "foreign", "empty"}) {
            auto result = Vault::restore(tmp / name, tmp / "target", test::secret(test::kPassphrase), false);
            QVERIFY2(!result.ok(), name);
            QCOMPARE(result.error().code, ErrorCode::InvalidInput);
            QVERIFY(QString::fromStdString(result.error().message).contains("not a Noteward backup"));
            QVERIFY(!std::filesystem::exists(tmp / "target"));
        }
        auto missing = Vault::restore(tmp / "nope", tmp / "target", test::secret(test::kPassphrase), false);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestBackupRestore)
#include "tst_backup_restore.moc"
