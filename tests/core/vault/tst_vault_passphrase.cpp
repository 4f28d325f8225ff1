#include "test_support.h"

#include <QTest>

using namespace noteward;
using namespace noteward::core;
using core::vault::Vault;

class TestVaultPassphrase : public QObject {
    Q_OBJECT
private slots:
    void changeRewrapsWithoutRewritingData()
    {
        test::TempFolder tmp;
        const auto dir = tmp / "vault";
        std::string clientId;
        {
            auto vault = test::createVault(dir);
            model::Client c;
            c.name = "Bob Example";
            clientId = vault->clients().add(c)->id;
            const QByteArray keyBefore = test::readFile(dir / "vault.key");
            QCOMPARE(vault->changePassphrase(test::secret("wrong current one"), test::secret("a brand new passphrase"))
                         .error()
                         .code,
                     ErrorCode::WrongPassphrase);
            QCOMPARE(test::readFile(dir / "vault.key"), keyBefore);
            QCOMPARE(vault->changePassphrase(test::secret(test::kPassphrase), test::secret("too short")).error().code,
                     ErrorCode::InvalidInput);
            QVERIFY(vault->changePassphrase(test::secret(test::kPassphrase), test::secret("a brand new passphrase")).ok());
            QVERIFY(test::readFile(dir / "vault.key") != keyBefore);
            // Still usable in the same session: the database key did not change.
            QCOMPARE(vault->clients().get(clientId)->name, std::string("Bob Example"));
        }
        QCOMPARE(Vault::open(dir, test::secret(test::kPassphrase)).error().code, ErrorCode::WrongPassphrase);
        auto vault = test::openVault(dir, "a brand new passphrase");
        QCOMPARE(vault->clients().get(clientId)->name, std::string("Bob Example"));
        const auto entries = vault->auditEntries().value();
        QVERIFY(std::any_of(entries.begin(), entries.end(),
                            [](const auto& e) { return e.action == audit::action::kPassphraseChanged; }));
        QVERIFY(vault->verifyAudit()->ok());
    }
};

QTEST_GUILESS_MAIN(TestVaultPassphrase)
#include "tst_vault_passphrase.moc"
