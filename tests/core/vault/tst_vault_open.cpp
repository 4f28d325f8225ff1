// Opening a vault: the happy path, and every bad file a user can end up with. Each bad case
// must give a clear error and leave every file in the folder byte-for-byte unchanged.
#include "test_support.h"

#include "vault/database.h"
#include "vault/migrations.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace noteward;
using namespace noteward::core;
using core::vault::Vault;

class TestVaultOpen : public QObject {
    Q_OBJECT

    // A vault with one client, closed again.
    std::filesystem::path makeVault(const test::TempFolder& tmp)
    {
        const auto dir = tmp / "vault";
        auto vault = test::createVault(dir);
        model::Client c;
        c.name = "Alice Example";
        if (!vault->clients().add(c)) qFatal("add failed");
        return dir;
    }

    void expectRefused(const std::filesystem::path& dir, ErrorCode code, const char* phrase,
                       const char* passphrase = test::kPassphrase)
    {
        auto before = test::folderFingerprint(dir);
        auto opened = Vault::open(dir, test::secret(passphrase));
        // A wrong passphrase only notes the time of the attempt beside the vault.
        if (code == ErrorCode::WrongPassphrase) before.insert("unlock-failures.log", test::folderFingerprint(dir).value("unlock-failures.log"));
        QVERIFY(!opened.ok());
        QCOMPARE(static_cast<int>(opened.error().code), static_cast<int>(code));
        QVERIFY2(QString::fromStdString(opened.error().message).contains(QLatin1String(phrase)),
                 opened.error().message.c_str());
        QCOMPARE(test::folderFingerprint(dir), before);
    }

private slots:
    void createThenOpen()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        auto vault = test::openVault(dir);
        QCOMPARE(vault->clients().list()->size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(vault->user().displayName), QString("Therapist"));
        QVERIFY(vault->database().cipherMajorVersion() >= 3);
        QCOMPARE(vault->database().scalarText("PRAGMA journal_mode;"), std::string("wal"));
        // The database never starts with the plain SQLite header.
        QVERIFY(!test::readFile(dir / "vault.db").startsWith("SQLite format 3"));
    }

    void createRefusesShortPassphraseAndExistingVault()
    {
        test::TempFolder tmp;
        auto shortOne = Vault::create(tmp / "v", test::secret("short"));
        QVERIFY(!shortOne.ok());
        QCOMPARE(shortOne.error().code, ErrorCode::InvalidInput);
        QVERIFY(!Vault::existsAt(tmp / "v"));
        const auto dir = makeVault(tmp);
        auto again = Vault::create(dir, test::secret(test::kPassphrase));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    }

    void wrongPassphrase()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        const auto db = test::readFile(dir / "vault.db");
        const auto key = test::readFile(dir / "vault.key");
        auto opened = Vault::open(dir, test::secret("not the passphrase at all"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::WrongPassphrase);
        QCOMPARE(QString::fromStdString(opened.error().message), QString("The passphrase is not correct."));
        // The vault itself is untouched; only the time of the attempt is noted beside it.
        QCOMPARE(test::readFile(dir / "vault.db"), db);
        QCOMPARE(test::readFile(dir / "vault.key"), key);
        QVERIFY(std::filesystem::exists(dir / "unlock-failures.log"));

        // The failure reaches the audit log at the next successful unlock.
        auto vault = test::openVault(dir);
        const auto entries = vault->auditEntries().value();
        QVERIFY(std::any_of(entries.begin(), entries.end(),
                            [](const auto& e) { return e.action == audit::action::kUnlockFailed; }));
        QVERIFY(!std::filesystem::exists(dir / "unlock-failures.log"));
        QVERIFY(vault->verifyAudit()->ok());
    }

    void truncatedDatabase()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        const QByteArray db = test::readFile(dir / "vault.db");
        test::writeFile(dir / "vault.db", db.left(db.size() / 2 + 100));
        expectRefused(dir, ErrorCode::Corrupt, "truncated");
    }

    void emptyDatabase()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        test::writeFile(dir / "vault.db", QByteArray());
        expectRefused(dir, ErrorCode::Corrupt, "truncated");
    }

    void corruptFirstPage()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        QByteArray db = test::readFile(dir / "vault.db");
        for (int i = 100; i < 200; ++i) db[i] = static_cast<char>(db[i] ^ 0x5a);
        test::writeFile(dir / "vault.db", db);
        expectRefused(dir, ErrorCode::Corrupt, "damaged");
    }

    void corruptLaterPageIsReportedOnRead()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        QByteArray db = test::readFile(dir / "vault.db");
        // Damage every page but the first: opening may succeed, reading must fail cleanly.
        for (int i = 1024; i < db.size(); i += 97) db[i] = static_cast<char>(db[i] ^ 0xff);
        test::writeFile(dir / "vault.db", db);
        auto opened = Vault::open(dir, test::secret(test::kPassphrase));
        if (opened.ok()) {
            auto listed = opened.value()->clients().list();
            QVERIFY(!listed.ok());
            QCOMPARE(listed.error().code, ErrorCode::Corrupt);
        } else {
            QCOMPARE(opened.error().code, ErrorCode::Corrupt);
        }
    }

    void plainSqliteFile()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        std::filesystem::remove(dir / "vault.db");
        // A real plain SQLite database, made by the sqlite3 tool.
        const auto made = test::runProgram(QStringLiteral("sqlite3"),
                                           {QString::fromStdString((dir / "vault.db").string()),
                                            QStringLiteral("CREATE TABLE clients(name); INSERT INTO clients VALUES('x');")});
        QCOMPARE(made.exitCode, 0);
        expectRefused(dir, ErrorCode::NotAVault, "unencrypted SQLite database");
    }

    void foreignKeyFile()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        test::writeFile(dir / "vault.key", "{\"hello\": \"world\"}");
        expectRefused(dir, ErrorCode::NotAVault, "not a Noteward key file");
        test::writeFile(dir / "vault.key", "\x89PNG\r\n binary junk");
        expectRefused(dir, ErrorCode::NotAVault, "not a Noteward key file");
    }

    void damagedKeyFile()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        QByteArray key = test::readFile(dir / "vault.key");
        key.replace("\"salt\": \"", "\"salt\": \"zz");
        test::writeFile(dir / "vault.key", key);
        expectRefused(dir, ErrorCode::Corrupt, "damaged");
    }

    void weakenedKdfIsRefused()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        QByteArray key = test::readFile(dir / "vault.key");
        key.replace("\"memory_kib\": 65536", "\"memory_kib\": 1024");
        test::writeFile(dir / "vault.key", key);
        expectRefused(dir, ErrorCode::Corrupt, "weaker key derivation");
    }

    void alteredKdfParameterDoesNotUnwrap()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        QByteArray key = test::readFile(dir / "vault.key");
        key.replace("\"iterations\": 3", "\"iterations\": 4");
        test::writeFile(dir / "vault.key", key);
        // The check value tells an edited header from a wrong passphrase.
        expectRefused(dir, ErrorCode::Corrupt, "altered or damaged");
        // Without a check value (or with one recomputed), the authenticated wrap still refuses.
        QJsonObject doc = QJsonDocument::fromJson(key).object();
        QVERIFY(doc.contains("check"));
        doc.remove("check");
        test::writeFile(dir / "vault.key", QJsonDocument(doc).toJson());
        expectRefused(dir, ErrorCode::WrongPassphrase, "not correct");
    }

    void inflatedKdfParametersAreRefusedAtOnce()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        const QByteArray original = test::readFile(dir / "vault.key");
        for (const auto& [from, to] : {std::pair{"\"memory_kib\": 65536", "\"memory_kib\": 4194304"},
                                       std::pair{"\"iterations\": 3", "\"iterations\": 1000"},
                                       std::pair{"\"parallelism\": 4", "\"parallelism\": 255"}}) {
            QByteArray key = original;
            key.replace(from, to);
            QVERIFY(key != original);
            test::writeFile(dir / "vault.key", key);
            expectRefused(dir, ErrorCode::Corrupt, "out of range");
        }
    }

    void missingFiles()
    {
        test::TempFolder tmp;
        expectRefused(tmp.path(), ErrorCode::NotAVault, "no Noteward vault");
        const auto dir = makeVault(tmp);
        std::filesystem::rename(dir / "vault.key", tmp / "elsewhere.key");
        expectRefused(dir, ErrorCode::Corrupt, "lost its key file");
        std::filesystem::rename(tmp / "elsewhere.key", dir / "vault.key");
        std::filesystem::remove(dir / "vault.db");
        expectRefused(dir, ErrorCode::Corrupt, "missing");
    }

    void fromTheFuture()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        {
            auto vault = test::openVault(dir);
            vault->database().exec("PRAGMA user_version = " + std::to_string(vault::latestSchemaVersion() + 1) + ";");
        }
        expectRefused(dir, ErrorCode::FromTheFuture, "newer version of Noteward");
    }

    void keyFileFromTheFuture()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        QByteArray key = test::readFile(dir / "vault.key");
        key.replace("\"version\": 1", "\"version\": 7");
        test::writeFile(dir / "vault.key", key);
        expectRefused(dir, ErrorCode::FromTheFuture, "newer version");
    }

    void lockAndUnlock()
    {
        test::TempFolder tmp;
        const auto dir = makeVault(tmp);
        auto vault = test::openVault(dir);
        vault->lock();
        QVERIFY(vault->isLocked());
        QCOMPARE(vault->auditEntries().error().code, ErrorCode::Locked);
        QCOMPARE(vault->unlock(test::secret("wrong passphrase!")).error().code, ErrorCode::WrongPassphrase);
        QVERIFY(vault->isLocked());
        QVERIFY(vault->unlock(test::secret(test::kPassphrase)).ok());
        QCOMPARE(vault->clients().list()->size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestVaultOpen)
#include "tst_vault_open.moc"
