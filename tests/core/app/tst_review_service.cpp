// Review and sign-off through the application layer on a real vault: statement-level edits
// that cannot pass the therapist's text off as the engine's, a category the engine did not
// assess set by the therapist with a note, the sign gate both front ends ask, the passphrase
// asked again before signing, and consent recorded with the wording's fingerprint.
#include "test_support.h"

#include "app/client_service.h"
#include "app/note_service.h"
#include "app/recording_service.h"
#include "app/review_service.h"
#include "records/note_records.h"

#include <nlohmann/json.hpp>

#include <QTest>

using namespace noteward;
using namespace noteward::core;

class TestReviewService : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;
    int m_count = 0;

    struct Setup {
        std::unique_ptr<vault::Vault> vault;
        std::string session;
    };

    Setup draftedSession(const char* fixture = "transcripts/full_session.json")
    {
        Setup s;
        s.vault = test::createVault(m_tmp.path() / ("v" + std::to_string(++m_count)));
        model::Client c;
        c.name = "Sam Okafor";
        app::ClientService clients(*s.vault);
        const std::string client = clients.add(c).value().id;
        s.session = clients.newSession(client).value().id;
        auto transcript = notes::parseTranscript(test::readFixture(fixture));
        if (!records::NoteRecords(*s.vault).storeTranscript(s.session, transcript.value())) qFatal("store failed");
        if (!app::NoteService(*s.vault).draftSession(s.session, "local")) qFatal("draft failed");
        return s;
    }

    static QStringList actions(vault::Vault& v) { return test::auditActions(v); }

private slots:
    void loadReadsTheWholeRecord()
    {
        auto s = draftedSession();
        auto record = app::ReviewService(*s.vault).load(s.session);
        QVERIFY2(record.ok(), record.ok() ? "" : record.error().message.c_str());
        QCOMPARE(record->client.name, std::string("Sam Okafor"));
        QVERIFY(record->transcript && record->machineTranscript && record->draft);
        QVERIFY(!record->signedNote);
        QCOMPARE(record->recordingSeconds, 0.0);
        // Unreviewed flags block signing, one sentence per flag.
        QVERIFY(!record->draft->risks.empty());
        QCOMPARE(app::signBlockers(*record).size(), record->draft->risks.size());
    }

    // A new transcript replaces the draft made from the old one: its citations and the risk
    // decisions on it would point at text that is gone.
    void newTranscriptDiscardsTheDraftAndItsDecisions()
    {
        auto s = draftedSession();
        app::ReviewService review(*s.vault);
        auto record = review.load(s.session).value();
        QVERIFY(review.reviewRisk(s.session, record.draft->risks.front().category, true, std::string("Seen.")).ok());
        auto other = notes::parseTranscript(test::readFixture("transcripts/short_session.json"));
        QVERIFY(records::NoteRecords(*s.vault).storeTranscript(s.session, other.value(), "local").ok());
        record = review.load(s.session).value();
        QVERIFY(!record.draft);
        QVERIFY(record.reviews.empty());
        QVERIFY(actions(*s.vault).contains("draft.discarded"));
        QCOMPARE(app::signBlockers(record).size(), std::size_t(1));  // "no draft yet"
    }

    void editedStatementBecomesTheTherapists()
    {
        auto s = draftedSession();
        app::ReviewService review(*s.vault);
        auto record = review.load(s.session).value();
        const auto section = notes::Section::WeekReview;
        QVERIFY(record.draft->section(section).has_value());
        auto statements = *record.draft->section(section);
        const auto original = statements.front();

        // Changing the text while keeping the engine's origin is refused.
        statements.front().text = "Client had a good week.";
        auto forged = review.replaceSection(s.session, section, statements);
        QVERIFY(!forged.ok());
        QVERIFY(forged.error().message.find("therapist's own") != std::string::npos);

        statements.front().origin = notes::Origin::Therapist;
        // Citing a segment this transcript does not have is refused.
        statements.front().sources = {"s999"};
        QVERIFY(!review.replaceSection(s.session, section, statements).ok());
        statements.front().sources = original.sources;
        notes::Statement added{"Client would like to revisit sleep next time.", {}, notes::Origin::Therapist};
        statements.push_back(added);
        std::swap(statements.front(), statements.back());  // reordered
        QVERIFY(review.replaceSection(s.session, section, statements).ok());

        auto after = review.load(s.session).value();
        const auto& stored = *after.draft->section(section);
        QCOMPARE(stored.size(), statements.size());
        QCOMPARE(stored.front().text, added.text);
        QVERIFY(stored.front().origin == notes::Origin::Therapist);
        QCOMPARE(stored.back().text, std::string("Client had a good week."));
        QVERIFY(stored.back().origin == notes::Origin::Therapist);
        QCOMPARE(stored.back().sources, original.sources);  // the chips still show where it came from
        QVERIFY(actions(*s.vault).contains("draft.edited"));

        // Emptying a section makes it "Not discussed".
        QVERIFY(review.replaceSection(s.session, section, {}).ok());
        QVERIFY(!review.load(s.session)->draft->section(section).has_value());
    }

    void therapistSetsAnUnassessedCategory()
    {
        auto s = draftedSession();
        app::ReviewService review(*s.vault);
        auto record = review.load(s.session).value();
        std::optional<notes::RiskCategory> unassessed;
        for (std::size_t i = 0; i < notes::kRiskCategoryCount; ++i) {
            const auto category = notes::kAllRiskCategories[i];
            if (!record.draft->risk(category)) unassessed = category;
        }
        QVERIFY(unassessed);
        QVERIFY(!review.assessRisk(s.session, *unassessed, notes::RiskStatus::Denied, "").ok());  // a note is needed
        QVERIFY(review.assessRisk(s.session, *unassessed, notes::RiskStatus::Denied, "Asked directly; denied.").ok());
        const auto flagged = record.draft->risks.front().category;
        QVERIFY(!review.assessRisk(s.session, flagged, notes::RiskStatus::Denied, "No.").ok());  // has a flag: review it

        // The therapist's assessment does not satisfy the gate for flagged categories.
        record = review.load(s.session).value();
        QVERIFY(!app::signBlockers(record).empty());
        for (const auto& flag : record.draft->risks)
            QVERIFY(review.reviewRisk(s.session, flag.category, true, std::string("Discussed in session.")).ok());
        record = review.load(s.session).value();
        QVERIFY(app::signBlockers(record).empty());

        // Signing asks for the passphrase again; a wrong one is refused and audited.
        const auto wrongPassphrase = test::secret("not the passphrase");
        auto wrong = review.sign(s.session, &wrongPassphrase, false);
        QVERIFY(!wrong.ok());
        QVERIFY(actions(*s.vault).contains("vault.passphrase_reentry_failed"));
        const auto passphrase = test::secret(test::kPassphrase);
        auto outcome = review.sign(s.session, &passphrase, false);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().message.c_str());
        QVERIFY(outcome->firstSignature);
        QCOMPARE(outcome->signingKeyFingerprint.size(), std::size_t(44));  // five groups of eight hex digits
        const auto canonical = nlohmann::json::parse(outcome->note.canonical);
        bool found = false;
        for (const auto& risk : canonical["risks"])
            if (risk["category"] == std::string(notes::toKey(*unassessed))) {
                found = true;
                QCOMPARE(risk["status"].get<std::string>(), std::string("denied"));
                QCOMPARE(risk["review"]["decision"].get<std::string>(), std::string("assessed"));
                QCOMPARE(risk["review"]["reason"].get<std::string>(), std::string("Asked directly; denied."));
            }
        QVERIFY(found);
        QVERIFY(review.verify(s.session)->ok());
        record = review.load(s.session).value();
        QVERIFY(record.signedNote);
        QCOMPARE(app::signBlockers(record).size(), std::size_t(1));  // signed: read-only
        QVERIFY(!review.replaceSection(s.session, notes::Section::Agenda, {}).ok());
        QVERIFY(review.addAddendum(s.session, "Client phoned on Friday; plan unchanged.").ok());
        QCOMPARE(review.load(s.session)->addenda.size(), std::size_t(1));
    }

    // Last session's homework and next steps come back as suggestions; accepting one makes it
    // the therapist's statement, still citing the signed note it came from.
    void suggestionFromTheLastNoteIsAcceptedInOneStep()
    {
        auto s = draftedSession();
        app::ReviewService review(*s.vault);
        auto record = review.load(s.session).value();
        for (const auto& flag : record.draft->risks)
            QVERIFY(review.reviewRisk(s.session, flag.category, true, std::string("Discussed.")).ok());
        const auto passphrase = test::secret(test::kPassphrase);
        auto outcome = review.sign(s.session, &passphrase, false);
        QVERIFY(outcome.ok());
        QVERIFY(outcome->firstSignature);

        const std::string next = app::ClientService(*s.vault).newSession(record.session.clientId).value().id;
        auto transcript = notes::parseTranscript(test::readFixture("transcripts/short_session.json"));
        QVERIFY(records::NoteRecords(*s.vault).storeTranscript(next, transcript.value()).ok());
        QVERIFY(app::NoteService(*s.vault).draftSession(next, "local").ok());
        auto drafted = review.load(next).value();
        std::optional<notes::Section> where;
        std::vector<notes::Statement> statements;
        for (const auto section : notes::kAllSections) {
            const auto& list = drafted.draft->section(section);
            if (!list) continue;
            for (const auto& st : *list)
                if (st.origin == notes::Origin::PreviousNote) where = section;
            if (where) {
                statements = *list;
                break;
            }
        }
        QVERIFY2(where, "the new draft carries no suggestion from the signed note");
        auto it = std::find_if(statements.begin(), statements.end(),
                               [](const notes::Statement& st) { return st.origin == notes::Origin::PreviousNote; });
        it->origin = notes::Origin::Therapist;  // what "Accept suggestion" sends
        const auto sources = it->sources;
        QVERIFY(sources.front().rfind("note:", 0) == 0);
        QVERIFY(review.replaceSection(next, *where, statements).ok());
        const auto reloaded = review.load(next).value();
        const auto& after = *reloaded.draft->section(*where);
        QVERIFY(std::any_of(after.begin(), after.end(), [&](const notes::Statement& st) {
            return st.origin == notes::Origin::Therapist && st.sources == sources;
        }));
    }

    void consentIsAuditedWithItsWording()
    {
        auto s = draftedSession();
        app::RecordingService recording(*s.vault);
        auto refused = recording.start(s.session, "", false);
        QVERIFY(!refused.ok());
        QVERIFY(!actions(*s.vault).contains(QString::fromStdString(app::RecordingService::consentAuditAction())));
        QVERIFY(app::RecordingService::consentAuditAction().size() == std::string("recording.consent_wording:").size() + 16);
    }
};

QTEST_GUILESS_MAIN(TestReviewService)
#include "tst_review_service.moc"
