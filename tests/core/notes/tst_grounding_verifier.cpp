// The verifier against fabricated engine output: each kind of invention must end in
// `rejected` with its reason, never in the draft.
#include "test_support.h"

#include "notes/draft_pipeline.h"
#include "notes/grounding_verifier.h"

#include <QTest>

using namespace noteward;
using namespace noteward::core::notes;
using noteward::core::Result;

namespace {
Transcript transcript()
{
    Transcript t;
    t.segments = {{"s1", 0, 4000, "client", "I had a row with Dave on Tuesday and I stayed in all weekend."},
                  {"s2", 4000, 8000, "therapist", "Did you manage the thought record?"},
                  {"s3", 8000, 12000, "client", "Sometimes I think there's no point in anything."}};
    return t;
}

Candidate statement(Section section, std::string text, std::vector<std::string> sources)
{
    return {section, {std::move(text), std::move(sources), Origin::Transcript}};
}

// An engine that returns exactly what it is given, to drive the pipeline with bad output.
class ScriptedEngine : public NoteEngine {
public:
    explicit ScriptedEngine(Extraction stage1) : m_stage1(std::move(stage1)) {}
    std::string name() const override { return "scripted"; }
    Result<Extraction> extract(const Chunk&) override { return m_stage1; }
    Result<Extraction> synthesise(const std::vector<Extraction>& perChunk) override
    {
        Extraction out;
        for (const auto& e : perChunk) {
            out.statements.insert(out.statements.end(), e.statements.begin(), e.statements.end());
            out.risks.insert(out.risks.end(), e.risks.begin(), e.risks.end());
            out.rejected.insert(out.rejected.end(), e.rejected.begin(), e.rejected.end());
        }
        return out;
    }

private:
    Extraction m_stage1;
};
}  // namespace

class TestGroundingVerifier : public QObject {
    Q_OBJECT
private slots:
    void keepsGroundedStatements()
    {
        const Transcript t = transcript();
        GroundingVerifier v(t);
        QVERIFY(!v.problemWith(Statement{"Client said that they had a row with Dave on Tuesday.", {"s1"}}));
        QVERIFY(!v.problemWith(Statement{"Client said that they stayed in all weekend.", {"s1", "s3"}}));
    }

    // A heading is set aside only where headings go: the same words inside a line are content
    // and must come from the transcript.
    void headingWordsCountAsContentOutsideTheHeading()
    {
        const Transcript t = transcript();
        GroundingVerifier v(t);
        QVERIFY(!v.problemWith(Statement{"Homework review: client stayed in all weekend.", {"s1"}}));
        QVERIFY(!v.problemWith(Statement{"Agenda item: a row with Dave.", {"s1"}}));
        const auto padded = v.problemWith(
            Statement{"Client stayed in; agenda item review, next steps suggested, homework set.", {"s1"}});
        QVERIFY(padded.has_value());
        QCOMPARE(*padded, std::string("ungrounded"));
    }

    // A capitalised word is checked whole, as the transcript's words are read: "T-shirt" is
    // not an invented "T", and "Zoë's" (typed with a curly apostrophe in the transcript) is
    // Zoë's; a name that is not there is still refused.
    void capitalisedWordsAreCheckedWhole()
    {
        Transcript t;
        t.segments = {{"s1", 0, 4000, "client", "I wore a T-shirt to Zo\u00eb\u2019s party on Saturday."}};
        GroundingVerifier v(t);
        const auto wore = v.problemWith(Statement{"Client said that they wore a T-shirt to Zo\u00eb's party on Saturday.", {"s1"}});
        QVERIFY2(!wore, wore ? wore->c_str() : "");
        const auto other = v.problemWith(Statement{"Client said that they wore a T-shirt to Chlo\u00eb's party on Saturday.", {"s1"}});
        QVERIFY(other.has_value());
        QCOMPARE(*other, std::string("unsupported_detail:Chlo\u00eb's"));
        // Curly quotes and dashes are no part of a name: an invented one inside them is refused.
        Transcript boss;
        boss.segments = {{"s1", 0, 4000, "client", "My boss rang at night about the rota."}};
        GroundingVerifier b(boss);
        for (const char* text : {"Client said that their boss \u201cDave\u201d rang at night about the rota.",
                                 "Client said that their boss\u2014Dave\u2014rang at night about the rota."}) {
            const auto named = b.problemWith(Statement{text, {"s1"}});
            QVERIFY2(named && *named == "unsupported_detail:Dave", text);
        }
    }

    void rejectsFabrications_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no sources") << "Client stayed in all weekend." << "" << "no_sources";
        QTest::newRow("missing segment") << "Client stayed in all weekend." << "s9" << "unknown_source:s9";
        QTest::newRow("invented substance") << "Client said that they stayed in all weekend drinking." << "s1"
                                            << "unsupported_detail:drinking";
        QTest::newRow("invented name") << "Client said that they had a row with Sarah." << "s1"
                                       << "unsupported_detail:Sarah";
        QTest::newRow("invented number") << "Client said that they stayed in for 3 days." << "s1"
                                         << "unsupported_detail:3";
        QTest::newRow("invented diagnosis") << "Client has depression and stayed in." << "s1"
                                            << "unsupported_detail:depression";
        QTest::newRow("invented event") << "Client said that they were assaulted at the weekend." << "s1"
                                        << "unsupported_detail:assaulted";
        QTest::newRow("wrong citation") << "Client said that they had a row with Dave on Tuesday." << "s2"
                                        << "unsupported_detail:Dave";
        QTest::newRow("ungrounded paraphrase") << "Client described marital conflict and social withdrawal." << "s1"
                                               << "ungrounded";
        QTest::newRow("empty") << "" << "s1" << "empty";
    }
    void rejectsFabrications()
    {
        QFETCH(QString, text);
        QFETCH(QString, source);
        QFETCH(QString, reason);
        const Transcript t = transcript();
        Statement st{text.toStdString(), {}};
        if (!source.isEmpty()) st.sources.push_back(source.toStdString());
        const auto problem = GroundingVerifier(t).problemWith(st);
        QVERIFY(problem.has_value());
        QCOMPARE(QString::fromStdString(*problem), reason);
    }

    void riskEvidenceMustBeExactSubstrings()
    {
        const Transcript t = transcript();
        GroundingVerifier v(t);
        QVERIFY(!v.problemWith(RiskFlag{RiskCategory::Hopelessness, RiskStatus::Present,
                                        {{"s3", "there's no point in anything"}}}));
        QCOMPARE(*v.problemWith(RiskFlag{RiskCategory::Hopelessness, RiskStatus::Present,
                                         {{"s3", "there is no point in anything"}}}),
                 std::string("quote_not_in_segment:s3"));
        QCOMPARE(*v.problemWith(RiskFlag{RiskCategory::Hopelessness, RiskStatus::Present, {}}),
                 std::string("no_evidence"));
        QCOMPARE(*v.problemWith(RiskFlag{RiskCategory::SuicidalIdeation, RiskStatus::Present, {{"s7", "x"}}}),
                 std::string("unknown_source:s7"));
    }

    void therapistTextIsNotVerifiedButPreviousNoteMustMatch()
    {
        const Transcript t = transcript();
        QVERIFY(!GroundingVerifier(t).problemWith(Statement{"My own clinical impression.", {}, Origin::Therapist}));
        PreviousNote previous{"abc", {}, {}};
        QVERIFY(!GroundingVerifier(t, &previous).problemWith(Statement{"Review.", {"note:abc"}, Origin::PreviousNote}));
        QCOMPARE(*GroundingVerifier(t, &previous).problemWith(Statement{"Review.", {"note:xyz"}, Origin::PreviousNote}),
                 std::string("unknown_previous_note"));
    }

    void pipelineMovesBadOutputToRejected()
    {
        Extraction stage1;
        stage1.statements = {statement(Section::WeekReview, "Client said that they stayed in all weekend.", {"s1"}),
                             statement(Section::WeekReview, "Client disclosed heroin use.", {"s1"}),
                             statement(Section::Agenda, "Client said that they stayed in all weekend.", {"s99"})};
        stage1.risks = {{RiskCategory::Hopelessness, RiskStatus::Present, {{"s3", "no point in anything"}}},
                        {RiskCategory::SuicidalIdeation, RiskStatus::Present, {{"s3", "I want to die"}}}};
        ScriptedEngine engine(stage1);
        const Transcript t = transcript();
        auto draft = DraftPipeline(engine).run(t);
        QVERIFY(draft.ok());
        const Draft& d = draft.value();
        QCOMPARE(d.section(Section::WeekReview)->size(), std::size_t(1));
        QVERIFY(!d.section(Section::Agenda).has_value());  // its only statement cited outside the chunk
        // Hopelessness as the engine said; avoidance ("stayed in all weekend") added by the
        // verifier's own detector, which no engine can leave out; the fabricated quote is gone.
        QCOMPARE(d.risks.size(), std::size_t(2));
        QVERIFY(d.risk(RiskCategory::Hopelessness));
        QCOMPARE(d.risk(RiskCategory::Avoidance)->evidence.front().segment, std::string("s1"));
        QVERIFY(!d.risk(RiskCategory::SuicidalIdeation));
        std::vector<std::string> reasons;
        for (const auto& r : d.rejected) reasons.push_back(r.reason);
        QVERIFY(std::find(reasons.begin(), reasons.end(), "unsupported_detail:heroin") != reasons.end());
        QVERIFY(std::find(reasons.begin(), reasons.end(), "source_outside_chunk") != reasons.end());
        QVERIFY(std::find(reasons.begin(), reasons.end(), "quote_not_in_segment:s3") != reasons.end());
    }

    void chunksFollowSegmentBoundaries()
    {
        Transcript t;
        for (int i = 0; i < 50; ++i)
            t.segments.push_back({"s" + std::to_string(i), 0, 0, "client", "one two three four five six seven eight nine ten"});
        const auto chunks = chunkTranscript(t, 100);
        QCOMPARE(chunks.size(), std::size_t(5));
        std::size_t total = 0;
        for (const auto& c : chunks) total += c.segments.size();
        QCOMPARE(total, std::size_t(50));
        QCOMPARE(chunks[1].segments.front().id, std::string("s10"));
        QVERIFY(chunkTranscript(Transcript{}).empty());
    }

    void someoneElsesWordsAreNotTheClients()
    {
        Transcript t;
        t.segments = {{"s1", 0, 4000, "client", "On Sunday she said to me, I want to die, I can't do this any more."}};
        GroundingVerifier v(t);
        QCOMPARE(*v.problemWith(Statement{"Client said that on Sunday they want to die and can't do this any more.",
                                          {"s1"}, Origin::Transcript}),
                 std::string("misattributed_speech"));
        QVERIFY(!v.problemWith(Statement{"Client said that on Sunday she said to them: \"I want to die, I can't do this any "
                                         "more.\"",
                                         {"s1"}, Origin::Transcript}));
        QVERIFY(!v.problemWith(Statement{"Client said that on Sunday she said she wants to die.", {"s1"}, Origin::Transcript}));
    }
};

QTEST_GUILESS_MAIN(TestGroundingVerifier)
#include "tst_grounding_verifier.moc"
