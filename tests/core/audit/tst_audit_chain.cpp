// audit verify must catch an edited, deleted, inserted or reordered entry and say which.
#include "test_support.h"

#include "audit/audit_log.h"
#include "crypto/ed25519.h"
#include "util/hex.h"
#include "vault/note_store.h"
#include "util/clock.h"
#include "vault/database.h"

#include <QTest>

using namespace noteward;
using namespace noteward::core;

class TestAuditChain : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;
    int m_count = 0;

    // A vault whose log holds exactly entries 1..8, its protective triggers dropped (as a
    // determined holder of the passphrase would) unless `keepTriggers`.
    std::unique_ptr<vault::Vault> vaultWithEntries(bool keepTriggers = false)
    {
        auto v = test::createVault(m_tmp.path() / ("v" + std::to_string(++m_count)));
        for (int i = 0; v->auditEntries()->size() < 8; ++i) {
            model::Client c;
            c.name = "Client " + std::to_string(i);
            if (!v->clients().add(c)) qFatal("add failed");
        }
        if (!keepTriggers) test::dropProtectiveTriggers(v->database());
        return v;
    }

    QStringList problems(vault::Vault& v)
    {
        QStringList out;
        const auto result = v.verifyAudit();
        for (const auto& p : result.value().problems) out << QString::fromStdString(p.description);
        return out;
    }

private slots:
    void logIsAppendOnly()
    {
        auto v = vaultWithEntries(true);
        for (const char* sql : {"UPDATE audit_log SET object_id = 'x' WHERE seq = 5;", "DELETE FROM audit_log WHERE seq = 8;",
                                "DELETE FROM audit_log;"}) {
            bool refused = false;
            try {
                v->database().exec(sql);
            } catch (const vault::DbError& e) {
                refused = QString(e.what()).contains("append-only");
            }
            QVERIFY2(refused, sql);
        }
        QVERIFY(v->verifyAudit()->ok());
        QCOMPARE(v->verifyAudit()->entriesChecked, std::int64_t(8));
    }

    void entriesCutFromTheEndAreFound()
    {
        const auto dir = m_tmp.path() / "cut";
        {
            auto v = test::createVault(dir);
            for (int i = 0; i < 6; ++i) {
                model::Client c;
                c.name = "Client " + std::to_string(i);
                QVERIFY(v->clients().add(c).ok());
            }
            auto raw = v->openConnection();
            QVERIFY(raw.ok());
            v.reset();  // closed: the head beside the vault names the newest entry
            test::dropProtectiveTriggers(*raw.value());
            const auto last = raw.value()->scalarInt("SELECT max(seq) FROM audit_log;");
            raw.value()->exec("DELETE FROM audit_log WHERE seq > " + std::to_string(last - 3) + ";");
        }
        auto v = test::openVault(dir);
        const QStringList found = problems(*v);
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.first().contains("cut from the end of the log"), qPrintable(found.join('\n')));
        // The finding is in the chain itself: it survives later closes and opens.
        v.reset();
        v = test::openVault(dir);
        QCOMPARE(problems(*v).size(), 1);
    }

    void deletedHeadRecordIsFound()
    {
        const auto dir = m_tmp.path() / "nohead";
        test::createVault(dir).reset();
        QVERIFY(std::filesystem::remove(dir / "audit.head"));
        auto v = test::openVault(dir);
        const QStringList found = problems(*v);
        QCOMPARE(found.size(), 1);
        QVERIFY(found.first().contains("kept beside the vault was deleted"));
    }

    void checkpointsAreSignedByTheTherapistKey()
    {
        const auto dir = m_tmp.path() / "checkpoints";
        {
            auto v = test::createVault(dir);
            const auto key = crypto::Ed25519KeyPair::generate();
            vault::NoteStore(v->database()).putSigningKey(v->user().id, key.seed().view(), toHex(key.publicKey()));
        }  // closing appends a signed checkpoint
        auto v = test::openVault(dir);
        auto result = v->verifyAudit().value();
        QVERIFY(result.ok());
        QCOMPARE(result.checkpointsVerified, std::int64_t(1));

        // A checkpoint signed with another key (a forger re-signing with their own) is caught.
        test::dropProtectiveTriggers(v->database());
        const auto other = crypto::Ed25519KeyPair::generate();
        const auto entries = v->auditEntries().value();
        const auto checkpoint = std::find_if(entries.begin(), entries.end(),
                                             [](const audit::AuditEntry& e) { return e.action == "audit.checkpoint"; });
        QVERIFY(checkpoint != entries.end());
        const audit::AuditHead signedHead{checkpoint->seq - 1, checkpoint->prevHash};
        const std::string forged = std::to_string(signedHead.seq) + ":" + signedHead.hash + ":" +
                                   toHex(other.sign(asBytes(audit::AuditLog::checkpointMessage(v->vaultId(), signedHead))));
        v->database().prepare("UPDATE audit_log SET object_id = ? WHERE seq = ?;").bind(1, forged).bind(2, checkpoint->seq).run();
        const QStringList found = problems(*v);
        QVERIFY2(found.contains("checkpoint " + QString::number(checkpoint->seq) +
                                " is not signed by this vault's therapist key"),
                 qPrintable(found.join('\n')));
    }

    void intactChainVerifies()
    {
        auto v = vaultWithEntries();
        const auto result = v->verifyAudit().value();
        QVERIFY(result.ok());
        QCOMPARE(result.entriesChecked, std::int64_t(8));
        const auto entries = v->auditEntries().value();
        QCOMPARE(entries.front().prevHash, std::string(64, '0'));
        for (std::size_t i = 1; i < entries.size(); ++i) QCOMPARE(entries[i].prevHash, entries[i - 1].hash);
        QCOMPARE(v->auditEntries(3)->size(), std::size_t(3));
        QCOMPARE(v->auditEntries(3)->back().seq, std::int64_t(8));
    }

    void editedEntry()
    {
        auto v = vaultWithEntries();
        v->database().exec("UPDATE audit_log SET object_id = 'someone-else' WHERE seq = 5;");
        const auto found = problems(*v);
        QCOMPARE(found, QStringList{"entry 5 was edited: its hash does not match its content"});
    }

    void editedTime()
    {
        auto v = vaultWithEntries();
        v->database().exec("UPDATE audit_log SET time = '2001-01-01T00:00:00.000Z' WHERE seq = 3;");
        QCOMPARE(problems(*v), QStringList{"entry 3 was edited: its hash does not match its content"});
    }

    void deletedEntry()
    {
        auto v = vaultWithEntries();
        v->database().exec("DELETE FROM audit_log WHERE seq = 4;");
        QCOMPARE(problems(*v), QStringList{"entry 4 was deleted"});
        v->database().exec("DELETE FROM audit_log WHERE seq IN (6, 7);");
        QCOMPARE(problems(*v), (QStringList{"entry 4 was deleted", "entries 6 to 7 were deleted"}));
    }

    void deletedAndRenumbered()
    {
        auto v = vaultWithEntries();
        v->database().exec("DELETE FROM audit_log WHERE seq = 4;");
        v->database().exec("UPDATE audit_log SET seq = seq - 1 WHERE seq > 4;");
        QCOMPARE(problems(*v), QStringList{"the entry written before entry 4 is missing: an entry was deleted"});
    }

    void insertedEntry()
    {
        auto v = vaultWithEntries();
        // A forger with the database makes a well-formed entry and slots it in after entry 3.
        auto& db = v->database();
        const auto entries = v->auditEntries().value();
        audit::AuditEntry forged;
        forged.time = nowUtcIso8601();
        forged.actor = entries[2].actor;
        forged.action = "client.deleted";
        forged.objectType = "client";
        forged.objectId = "forged";
        forged.prevHash = entries[2].hash;
        forged.hash = audit::AuditLog::computeHash(forged);
        db.exec("UPDATE audit_log SET seq = seq + 100 WHERE seq > 3;");
        db.exec("UPDATE audit_log SET seq = seq - 99 WHERE seq > 100;");
        db.prepare("INSERT INTO audit_log VALUES (4, ?, ?, ?, ?, ?, ?, ?);")
            .bind(1, forged.time).bind(2, forged.actor).bind(3, forged.action).bind(4, forged.objectType)
            .bind(5, forged.objectId).bind(6, forged.prevHash).bind(7, forged.hash).run();
        QCOMPARE(problems(*v), QStringList{"entry 5 links past entry 4: inserted or reordered entry 4"});
    }

    void reorderedEntries()
    {
        auto v = vaultWithEntries();
        auto& db = v->database();
        db.exec("UPDATE audit_log SET seq = 100 WHERE seq = 5;");
        db.exec("UPDATE audit_log SET seq = 5 WHERE seq = 6;");
        db.exec("UPDATE audit_log SET seq = 6 WHERE seq = 100;");
        const auto found = problems(*v);
        QVERIFY(!found.isEmpty());
        QCOMPARE(found.first(), QString("entry 5 is out of order: it was written after entry 6"));
        QVERIFY(found.contains("entry 6 links past entry 5: inserted or reordered entry 5"));
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_audit_chain.moc"
