// Review, sign-off, addenda and verification on a real vault.
#include "test_support.h"

#include "notes/local_engine.h"
#include "records/note_records.h"
#include "crypto/ed25519.h"
#include "crypto/sha256.h"
#include "vault/note_store.h"
#include "util/hex.h"
#include "vault/database.h"

#include <QTest>

using namespace noteward;
using namespace noteward::core;
using notes::RiskCategory;
using notes::Section;

class TestNoteRecords : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;
    int m_count = 0;
    std::unique_ptr<vault::Vault> m_vault;
    std::string m_client;

    std::string sessionWith(const char* fixture)
    {
        const std::string session = m_vault->sessions().add(test::session(m_client)).value().id;
        auto transcript = notes::parseTranscript(test::readFixture((std::string("transcripts/") + fixture + ".json").c_str()));
        records::NoteRecords records(*m_vault);
        if (!records.storeTranscript(session, transcript.value())) qFatal("store failed");
        notes::LocalEngine engine;
        if (!records.draftSession(session, {&engine})) qFatal("draft failed");
        return session;
    }

    void reviewAll(const std::string& session)
    {
        records::NoteRecords records(*m_vault);
        const auto draft = records.currentDraft(session);
        for (const auto& flag : draft.value().risks)
            QVERIFY(records.reviewRisk(session, flag.category, true, std::nullopt).ok());
    }

    QStringList problems(const std::string& session)
    {
        QStringList out;
        const auto v = records::NoteRecords(*m_vault).verify(session);
        for (const auto& p : v.value().problems) out << QString::fromStdString(p);
        return out;
    }

private slots:
    void init()
    {
        m_vault = test::createVault(m_tmp.path() / ("v" + std::to_string(++m_count)));
        model::Client c;
        c.name = "Sam Example";
        m_client = m_vault->clients().add(c).value().id;
    }
    void cleanup() { m_vault.reset(); }

    void signingWaitsForEveryRiskReview()
    {
        const std::string session = sessionWith("full_session");
        records::NoteRecords records(*m_vault);
        QCOMPARE(records.currentDraft(session)->risks.size(), std::size_t(3));
        auto refused = records.sign(session);
        QVERIFY(!refused.ok());
        QVERIFY(QString::fromStdString(refused.error().message).contains("is not reviewed"));
        QVERIFY(!records.signedNote(session)->has_value());

        QCOMPARE(records.reviewRisk(session, RiskCategory::Avoidance, false, std::nullopt).error().code,
                 ErrorCode::InvalidInput);  // a dismissal needs a reason
        QCOMPARE(records.reviewRisk(session, RiskCategory::Rumination, true, std::nullopt).error().code,
                 ErrorCode::NotFound);  // not in the draft
        QVERIFY(records.reviewRisk(session, RiskCategory::SuicidalIdeation, true, std::nullopt).ok());
        QVERIFY(records.reviewRisk(session, RiskCategory::SelfHarmThreats, true, std::nullopt).ok());
        QVERIFY(!records.sign(session).ok());
        QVERIFY(records.reviewRisk(session, RiskCategory::Avoidance, false, std::string("Situational, planned for")).ok());
        auto note = records.sign(session);
        QVERIFY2(note.ok(), note.ok() ? "" : note.error().message.c_str());

        const auto doc = nlohmann::json::parse(note->canonical);
        bool sawDismissal = false;
        for (const auto& r : doc["risks"])
            if (r["category"] == "avoidance") {
                QCOMPARE(r["review"]["decision"].get<std::string>(), std::string("dismissed"));
                QCOMPARE(r["review"]["reason"].get<std::string>(), std::string("Situational, planned for"));
                sawDismissal = true;
            }
        QVERIFY(sawDismissal);
        QVERIFY(doc["transcript_sha256"].is_string());
        QVERIFY(doc["previous_note_sha256"].is_null());
        QVERIFY(records.verify(session)->ok());

        const auto entries = m_vault->auditEntries().value();
        auto count = [&](const char* action) {
            return std::count_if(entries.begin(), entries.end(), [&](const auto& e) { return e.action == action; });
        };
        QCOMPARE(count("note.signed"), 1);
        QCOMPARE(count("risk.confirmed"), 2);
        QCOMPARE(count("risk.dismissed"), 1);
        QCOMPARE(count("note.drafted:local"), 1);
        QVERIFY(m_vault->verifyAudit()->ok());
    }

    void therapistEditsAreMarkedAndSignedNotesAreFrozen()
    {
        const std::string session = sessionWith("short_session");
        records::NoteRecords records(*m_vault);
        QVERIFY(records.editSection(session, Section::Agenda, {"Review sleep diary", "Plan for work stress"}).ok());
        const auto draft = records.currentDraft(session).value();
        QCOMPARE(draft.section(Section::Agenda)->size(), std::size_t(2));
        QVERIFY(draft.section(Section::Agenda)->front().origin == notes::Origin::Therapist);
        QVERIFY(records.editSection(session, Section::WeekReview, {}).ok());
        QVERIFY(!records.currentDraft(session)->section(Section::WeekReview).has_value());

        auto note = records.sign(session);
        QVERIFY(note.ok());
        const auto doc = nlohmann::json::parse(note->canonical);
        QCOMPARE(doc["sections"]["agenda"][0]["origin"].get<std::string>(), std::string("therapist"));

        QCOMPARE(records.editSection(session, Section::Agenda, {"x"}).error().code, ErrorCode::InvalidInput);
        QVERIFY(!records.sign(session).ok());
        notes::LocalEngine engine;
        QVERIFY(!records.draftSession(session, {&engine}).ok());
        // Not even SQL may change a signed note in place.
        QVERIFY_THROWS_EXCEPTION(vault::DbError,
                                 m_vault->database().exec("UPDATE notes SET canonical = 'x';"));
    }

    void conflictingFlagNeedsAResolutionNote()
    {
        const std::string session = m_vault->sessions().add(test::session(m_client)).value().id;
        auto transcript = notes::parseTranscript(test::readFixture("risk/tuning/denial_then_disclosure.json"));
        records::NoteRecords records(*m_vault);
        QVERIFY(records.storeTranscript(session, transcript.value()).ok());
        notes::LocalEngine engine;
        QVERIFY(records.draftSession(session, {&engine}).ok());
        const auto flag = *records.currentDraft(session)->risk(RiskCategory::SuicidalIdeation);
        QVERIFY(flag.conflicting);
        QCOMPARE(flag.status, notes::RiskStatus::Present);

        auto refused = records.reviewRisk(session, RiskCategory::SuicidalIdeation, true, std::nullopt);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QVERIFY(QString::fromStdString(refused.error().message).contains("conflicting"));
        QVERIFY(!records.sign(session).ok());
        QVERIFY(records.reviewRisk(session, RiskCategory::SuicidalIdeation, true,
                                   std::string("Disclosure stands; safety plan reviewed."))
                    .ok());
        auto note = records.sign(session);
        QVERIFY2(note.ok(), note.ok() ? "" : note.error().message.c_str());
        const auto doc = nlohmann::json::parse(note->canonical);
        const auto& risk = doc["risks"][0];
        QCOMPARE(risk["conflicting"].get<bool>(), true);
        QCOMPARE(risk["review"]["reason"].get<std::string>(), std::string("Disclosure stands; safety plan reviewed."));
        bool audited = false;
        for (const auto& e : m_vault->auditEntries().value())
            audited = audited || e.action == "risk.conflict_resolved:suicidal_ideation";
        QVERIFY(audited);
    }

    void unlabelledSpeakersBlockSigningUntilReviewed()
    {
        const std::string session = m_vault->sessions().add(test::session(m_client)).value().id;
        auto transcript = notes::parseTranscript(
            R"({"segments": [{"id": "s1", "speaker": "unknown", "text": "Have you had thoughts of ending your life?"},
                             {"id": "s2", "speaker": "unknown", "text": "Yes, most nights I want to die."}]})");
        records::NoteRecords records(*m_vault);
        QVERIFY(records.storeTranscript(session, transcript.value()).ok());
        notes::LocalEngine engine;
        QVERIFY(records.draftSession(session, {&engine}).ok());
        auto refused = records.sign(session);
        QVERIFY(!refused.ok());
        QVERIFY(QString::fromStdString(refused.error().message).contains("2 transcript segment(s) have no speaker"));
        // Labelled, the disclosure is read, flagged and must be reviewed before signing.
        QVERIFY(records.correctSegment(session, "s1", std::nullopt, std::string("therapist")).ok());
        QVERIFY(records.correctSegment(session, "s2", std::nullopt, std::string("client")).ok());
        QVERIFY(records.draftSession(session, {&engine}).ok());
        QCOMPARE(records.currentDraft(session)->risk(RiskCategory::SuicidalIdeation)->status, notes::RiskStatus::Present);
        QVERIFY(!records.sign(session).ok());
        QVERIFY(records.reviewRisk(session, RiskCategory::SuicidalIdeation, true, std::nullopt).ok());
        QVERIFY(records.sign(session).ok());
    }

    // Drafted while the voices were only numbered (risk read nothing), then named: signing
    // would pass the speaker check with a risk panel that never read the client. Refused until
    // drafted again; the fresh draft reads the disclosure.
    void speakersNamedAfterDraftingNeedAFreshDraft()
    {
        const std::string session = m_vault->sessions().add(test::session(m_client)).value().id;
        auto transcript = notes::parseTranscript(
            R"({"segments": [{"id": "s1", "speaker": "speaker_1", "text": "Have you had thoughts of ending your life?"},
                             {"id": "s2", "speaker": "speaker_2", "text": "Yes, most nights I want to die."}]})");
        records::NoteRecords records(*m_vault);
        QVERIFY(records.storeTranscript(session, transcript.value()).ok());
        notes::LocalEngine engine;
        QVERIFY(records.draftSession(session, {&engine}).ok());
        QVERIFY(!records.currentDraft(session)->risk(RiskCategory::SuicidalIdeation));
        QCOMPARE(records.nameSpeakers(session, "speaker_1").value(), std::size_t(2));
        auto refused = records.sign(session);
        QVERIFY(!refused.ok());
        QVERIFY2(QString::fromStdString(refused.error().message).contains("speakers changed after this note was drafted"),
                 refused.error().message.c_str());
        // An edit to the stale draft does not make it current.
        QVERIFY(records.replaceSection(session, notes::Section::NextSteps,
                                       {notes::Statement{"Safety plan next week.", {}, notes::Origin::Therapist, {}}})
                    .ok());
        QVERIFY(!records.sign(session).ok());
        QVERIFY(records.draftSession(session, {&engine}).ok());
        QCOMPARE(records.currentDraft(session)->risk(RiskCategory::SuicidalIdeation)->status, notes::RiskStatus::Present);
        QVERIFY(records.reviewRisk(session, RiskCategory::SuicidalIdeation, true, std::nullopt).ok());
        QVERIFY(records.sign(session).ok());
    }

    void overrideForUnlabelledSpeakersIsAudited()
    {
        const std::string session = m_vault->sessions().add(test::session(m_client)).value().id;
        auto transcript = notes::parseTranscript(R"({"segments": [{"id": "s1", "text": "We talked about the garden."}]})");
        records::NoteRecords records(*m_vault);
        QVERIFY(records.storeTranscript(session, transcript.value()).ok());
        notes::LocalEngine engine;
        QVERIFY(records.draftSession(session, {&engine}).ok());
        auto note = records.sign(session, true);
        QVERIFY(note.ok());
        QCOMPARE(nlohmann::json::parse(note->canonical)["unlabelled_segments_reviewed"].get<int>(), 1);
        bool audited = false;
        for (const auto& e : m_vault->auditEntries().value())
            audited = audited || e.action == "note.unlabelled_speakers_reviewed";
        QVERIFY(audited);
    }

    void tamperedSignedNoteIsCaught()
    {
        const std::string session = sessionWith("short_session");
        records::NoteRecords records(*m_vault);
        const auto note = records.sign(session).value();
        // Someone with the vault key drops the guard and rewrites history.
        m_vault->database().exec("DROP TRIGGER notes_are_immutable;");
        std::string changed = note.canonical;
        changed.replace(changed.find("quiet week"), 10, "awful week");
        m_vault->database().prepare("UPDATE notes SET canonical = ? WHERE id = ?;").bind(1, changed).bind(2, note.id).run();
        QVERIFY(problems(session).contains(
            "the note's content was changed after signing (its SHA-256 no longer matches)"));

        // Re-hashing does not help: the signature no longer fits.
        const std::string rehashed = toHex(crypto::sha256(asBytes(changed)));
        m_vault->database().prepare("UPDATE notes SET hash = ? WHERE id = ?;").bind(1, rehashed).bind(2, note.id).run();
        const QString replaced =
            "the note is not the one whose signing the audit log recorded: it was replaced after signing";
        QCOMPARE(problems(session), (QStringList{"the note's signature is not valid for its hash", replaced}));

        // Re-signing with the therapist's own seed (which the vault holder has) makes the
        // signature fit, but the audit chain still holds the hash that was signed.
        const auto seed = vault::NoteStore(m_vault->database()).signingKey(m_vault->user().id)->seed.clone();
        const auto key = crypto::Ed25519KeyPair::fromSeed(seed.view());
        m_vault->database()
            .prepare("UPDATE notes SET signature = ? WHERE id = ?;")
            .bind(1, toHex(key.sign(asBytes(rehashed))))
            .bind(2, note.id)
            .run();
        QCOMPARE(problems(session), QStringList{replaced});
    }

    void brokenAddendumChainIsCaught()
    {
        const std::string session = sessionWith("short_session");
        records::NoteRecords records(*m_vault);
        QVERIFY(records.sign(session).ok());
        QCOMPARE(records.addAddendum(session, "").error().code, ErrorCode::InvalidInput);
        QVERIFY(records.addAddendum(session, "Client rang: the walk helped.").ok());
        QVERIFY(records.addAddendum(session, "Correction: the dog is called Rex.").ok());
        QVERIFY(records.addAddendum(session, "GP letter received.").ok());
        QVERIFY(records.verify(session)->ok());
        QCOMPARE(records.verify(session)->addendaChecked, std::size_t(3));

        bool refused = false;
        try {
            m_vault->database().exec("DELETE FROM addenda WHERE seq = 3;");
        } catch (const vault::DbError&) {
            refused = true;
        }
        QVERIFY(refused);

        test::dropProtectiveTriggers(m_vault->database());
        m_vault->database().exec("DELETE FROM addenda WHERE seq = 2;");
        const auto found = problems(session);
        QVERIFY(found.contains("addendum 3 is out of sequence (expected 2)"));
        QVERIFY(found.contains("addendum 3 breaks the addendum chain (it does not follow addendum 1)"));
        QVERIFY(found.contains("an addendum whose signing the audit log recorded is missing: it was deleted or replaced"));
    }

    void deletingTheNewestAddendumIsCaught()
    {
        const std::string session = sessionWith("short_session");
        records::NoteRecords records(*m_vault);
        QVERIFY(records.sign(session).ok());
        QVERIFY(records.addAddendum(session, "Client rang: the walk helped.").ok());
        QVERIFY(records.addAddendum(session, "GP letter received.").ok());
        test::dropProtectiveTriggers(m_vault->database());
        m_vault->database().exec("DELETE FROM addenda WHERE seq = 2;");
        QCOMPARE(problems(session),
                 QStringList{"an addendum whose signing the audit log recorded is missing: it was deleted or replaced"});
    }

    void notesChainAcrossSessionsAndCarryHomeworkForward()
    {
        const std::string first = sessionWith("full_session");
        reviewAll(first);
        records::NoteRecords records(*m_vault);
        const auto firstNote = records.sign(first).value();

        const std::string second = sessionWith("short_session");
        const auto draft = records.currentDraft(second).value();
        QVERIFY(draft.section(Section::HomeworkReview).has_value());
        const auto& suggestion = draft.section(Section::HomeworkReview)->front();
        QVERIFY(suggestion.origin == notes::Origin::PreviousNote);
        QCOMPARE(suggestion.sources.front(), "note:" + firstNote.hash);
        QVERIFY(suggestion.text.find("team meeting") != std::string::npos);

        const auto secondNote = records.sign(second).value();
        QCOMPARE(nlohmann::json::parse(secondNote.canonical)["previous_note_sha256"].get<std::string>(), firstNote.hash);
        QVERIFY(records.verify(second)->ok());

        // Removing the first note (triggers dropped first: SQL alone cannot) breaks the second's link.
        QVERIFY_THROWS_EXCEPTION(vault::DbError,
                                 m_vault->database().exec("DELETE FROM notes WHERE id = '" + firstNote.id + "';"));
        test::dropProtectiveTriggers(m_vault->database());
        m_vault->database().exec("DELETE FROM notes WHERE id = '" + firstNote.id + "';");
        QVERIFY(problems(second).contains("the link to the client's previous note is broken"));
    }
};

QTEST_GUILESS_MAIN(TestNoteRecords)
#include "tst_note_records.moc"
