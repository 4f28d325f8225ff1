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

    // A backup of a vault holding one client ("Kim"), and that vault's folder.
    std::filesystem::path makeBackup(const test::TempFolder& tmp)
    {
        auto vault = test::createVault(tmp / "source");
        addClient(*vault, "Kim");
        if (!vault->backupTo(tmp / "b.nwbackup").ok()) qFatal("backup failed");
        return tmp / "b.nwbackup";
    }

private slots:
    void restoreNeverDeletesWhatIsNotAVault()
    {
        test::TempFolder tmp;
        const auto backup = makeBackup(tmp);
        // A folder of someone's documents, with a file and a subfolder.
        std::filesystem::create_directories(tmp / "docs" / "sub");
        test::writeFile(tmp / "docs" / "thesis.txt", "chapter one");
        test::writeFile(tmp / "docs" / "sub" / "notes.txt", "keep me");
        const auto docsBefore = test::folderFingerprint(tmp / "docs");
        for (bool replace : {false, true}) {
            auto refused = Vault::restore(backup, tmp / "docs", test::secret(test::kPassphrase), replace);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, ErrorCode::AlreadyExists);
            QVERIFY2(QString::fromStdString(refused.error().message).contains("not a Noteward vault"),
                     refused.error().message.c_str());
        }
        QCOMPARE(test::folderFingerprint(tmp / "docs"), docsBefore);
        QVERIFY(std::filesystem::exists(tmp / "docs" / "sub" / "notes.txt"));

        // A regular file at the target path.
        test::writeFile(tmp / "report.pdf", "not a folder");
        QCOMPARE(Vault::restore(backup, tmp / "report.pdf", test::secret(test::kPassphrase), true).error().code,
                 ErrorCode::AlreadyExists);
        QCOMPARE(test::readFile(tmp / "report.pdf"), QByteArray("not a folder"));

        // A vault folder that also holds someone's own file is not replaced either.
        auto other = test::createVault(tmp / "mixed");
        other.reset();
        test::writeFile(tmp / "mixed" / "letter.docx", "mine");
        QVERIFY(!Vault::restore(backup, tmp / "mixed", test::secret(test::kPassphrase), true).ok());
        QCOMPARE(test::readFile(tmp / "mixed" / "letter.docx"), QByteArray("mine"));

        // Sibling folders of the same names as the staging ones are someone's, not ours.
        std::filesystem::create_directories(tmp / "fresh.restoring");
        test::writeFile(tmp / "fresh.restoring" / "photo.jpg", "x");
        QVERIFY(!Vault::restore(backup, tmp / "fresh", test::secret(test::kPassphrase), false).ok());
        QCOMPARE(test::readFile(tmp / "fresh.restoring" / "photo.jpg"), QByteArray("x"));
    }

    void restoreIntoAnEmptyFolderOrATrailingSlash()
    {
        test::TempFolder tmp;
        const auto backup = makeBackup(tmp);
        std::filesystem::create_directories(tmp / "empty");
        QVERIFY(Vault::restore(backup, tmp / "empty", test::secret(test::kPassphrase), false).ok());
        QCOMPARE(test::openVault(tmp / "empty")->clients().list()->front().name, std::string("Kim"));

        const auto slashed = (tmp / "r1").string() + "/";
        auto restored = Vault::restore(backup, slashed, test::secret(test::kPassphrase), false);
        QVERIFY2(restored.ok(), restored.ok() ? "" : restored.error().message.c_str());
        QCOMPARE(test::openVault(tmp / "r1")->clients().list()->front().name, std::string("Kim"));
    }

    void replaceKilledBetweenRenamesRecoversAtNextOpen()
    {
        test::TempFolder tmp;
        const auto backup = makeBackup(tmp);
        auto old = test::createVault(tmp / "vr");
        addClient(*old, "Old Vault Client");
        old.reset();

        // Killed after the old vault went aside and before the new one came in: the staging
        // copy was complete, so the next open rolls forward to the restored vault.
        QVERIFY(Vault::restore(backup, tmp / "staged", test::secret(test::kPassphrase), false).ok());
        std::filesystem::rename(tmp / "vr", tmp / "vr.replaced");
        std::filesystem::rename(tmp / "staged", tmp / "vr.restoring");
        test::writeFile(tmp / "vr.restoring" / "restore.complete", "ok\n");
        QVERIFY(Vault::existsAt(tmp / "vr"));
        QCOMPARE(test::openVault(tmp / "vr")->clients().list()->front().name, std::string("Kim"));
        QVERIFY(!std::filesystem::exists(tmp / "vr.replaced"));
        QVERIFY(!std::filesystem::exists(tmp / "vr.restoring"));

        // Killed before the staging copy was complete: the old vault comes back.
        auto again = test::createVault(tmp / "vs");
        addClient(*again, "Still Here");
        again.reset();
        std::filesystem::rename(tmp / "vs", tmp / "vs.replaced");
        std::filesystem::create_directories(tmp / "vs.restoring");
        test::writeFile(tmp / "vs.restoring" / "vault.db", "half");
        QVERIFY(Vault::existsAt(tmp / "vs"));
        QCOMPARE(test::openVault(tmp / "vs")->clients().list()->front().name, std::string("Still Here"));
        QVERIFY(!std::filesystem::exists(tmp / "vs.restoring"));

        // A restore started while an old vault sits aside never deletes it: it is put back first.
        auto third = test::createVault(tmp / "vt");
        addClient(*third, "Only Copy");
        third.reset();
        std::filesystem::rename(tmp / "vt", tmp / "vt.replaced");
        QVERIFY(!Vault::restore(backup, tmp / "vt", test::secret(test::kPassphrase), false).ok());
        QCOMPARE(test::openVault(tmp / "vt")->clients().list()->front().name, std::string("Only Copy"));
    }

    void noSwapWhileTheVaultIsOpenElsewhere()
    {
        test::TempFolder tmp;
        const auto backup = makeBackup(tmp);
        auto open = test::createVault(tmp / "busy");
        addClient(*open, "Writing Now");
        auto refused = Vault::restore(backup, tmp / "busy", test::secret(test::kPassphrase), true);
        QCOMPARE(refused.error().code, ErrorCode::Busy);
        QVERIFY(QString::fromStdString(refused.error().message).contains("open in another Noteward"));
        QCOMPARE(open->clients().list()->front().name, std::string("Writing Now"));
        auto other = test::openVault(tmp / "busy");  // a second window
        QCOMPARE(other->rekey(test::secret(test::kPassphrase), test::secret("another passphrase")).error().code,
                 ErrorCode::Busy);
        other.reset();
        open.reset();
        QVERIFY(Vault::restore(backup, tmp / "busy", test::secret(test::kPassphrase), true).ok());
    }

    void restoringAnOldBackupSaysWhatWasRolledBack()
    {
        test::TempFolder tmp;
        auto vault = test::createVault(tmp / "v");
        addClient(*vault, "Before");
        QVERIFY(vault->backupTo(tmp / "old.nwbackup").ok());
        addClient(*vault, "After");
        vault.reset();
        QVERIFY(Vault::restore(tmp / "old.nwbackup", tmp / "v", test::secret(test::kPassphrase), true).ok());
        auto restored = test::openVault(tmp / "v");
        const auto result = restored->verifyAudit().value();
        QVERIFY(result.ok());
        QCOMPARE(result.notices.size(), std::size_t(1));
        QVERIFY(result.notices.front().description.find("a backup was restored over a vault whose log had reached") !=
                std::string::npos);
    }

    void outputsInsideTheVaultAndPlantedTempLinksAreRefused()
    {
        test::TempFolder tmp;
        auto vault = test::createVault(tmp / "v");
        addClient(*vault, "Pat");
        const QByteArray key = test::readFile(tmp / "v" / "vault.key");
        for (const char* inside : {"vault.key", "vault.db", "new.nwbackup"}) {
            auto refused = vault->backupTo(tmp / "v" / inside);
            QVERIFY(!refused.ok());
            QVERIFY(QString::fromStdString(refused.error().message).contains("inside the vault folder"));
        }
        QCOMPARE(test::readFile(tmp / "v" / "vault.key"), key);
        QVERIFY(vault->clients().list().ok());

        auto missing = vault->backupTo(tmp / "no-such-folder" / "b.nwbackup");
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(QString::fromStdString(missing.error().message).contains("does not exist"));

        // A planted <out>.tmp link to a victim file is never written through.
        test::writeFile(tmp / "victim", "precious");
        std::filesystem::create_symlink(tmp / "victim", tmp / "b.nwb.tmp");
        QVERIFY(vault->backupTo(tmp / "b.nwb").ok());
        QCOMPARE(test::readFile(tmp / "victim"), QByteArray("precious"));
        const auto perms = std::filesystem::status(tmp / "b.nwb").permissions();
        QCOMPARE(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
                 std::filesystem::perms::none);
    }

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
