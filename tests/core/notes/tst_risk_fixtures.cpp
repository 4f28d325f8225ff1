// The local engine on labelled transcripts written for the risk-status work: a tuning set the
// rules were written against, and a held-out set in other words that the rules were not
// tuned on. Neither may ever draft a disclosed risk as denied, nor restate someone else's
// words as the client's.
#include "test_support.h"

#include "notes/local_engine.h"
#include "notes/risk_fixture_scoring.h"

#include <QTest>

#include <string_view>

using namespace noteward::core::notes;

class TestRiskFixtures : public QObject {
    Q_OBJECT

    FixtureSetScore score(const char* set, const char* folder = "risk")
    {
        LocalEngine engine;
        auto scored = scoreRiskFixtures(noteward::test::fixturePath(folder).toStdString() + "/" + set, engine);
        if (!scored) qFatal("%s", scored.error().message.c_str());
        const auto& s = scored.value();
        qInfo("%s: %d files, labels %d/%d, dangerous denials %d, omissions %d, fabricated %d, conflicting %d/%d, "
              "aspects %d/%d, risk recall %.2f, precision %.2f",
              set, s.files, s.labelsCorrect, s.labels, s.dangerousDenials, s.dangerousOmissions, s.fabricated,
              s.conflictingFound,
              s.conflictingExpected, s.aspectsCorrect, s.aspectsExpected, s.recall(), s.precision());
        if (!s.perSection.empty())
            qInfo("%s: section recall %.2f, sections filled that should be empty %d", set, s.sectionRecall(),
                  s.sectionsFilledWhenEmpty());
        // Held-out misses stay unread (see bench notes): only their number is logged.
        if (std::string_view(set).starts_with("heldout")) qInfo("%s: %zu misses, not listed", set, s.misses.size());
        else
            for (const auto& miss : s.misses) qInfo("  miss: %s", miss.c_str());
        return s;
    }

private slots:
    void tuningSetIsDraftedAsLabelled()
    {
        const auto s = score("tuning");
        QVERIFY(s.files >= 12);
        QCOMPARE(s.dangerousDenials, 0);
        QCOMPARE(s.dangerousOmissions, 0);
        QCOMPARE(s.fabricated, 0);
        QCOMPARE(s.labelsCorrect, s.labels);
        QCOMPARE(s.conflictingFound, s.conflictingExpected);
        QCOMPARE(s.aspectsCorrect, s.aspectsExpected);
    }

    // 84 transcripts an adversarial reviewer wrote to break the detector; the rules were then
    // extended on them, so they guard against regressions and are not an independent figure.
    void adversarialSetNeverDeniesOrDropsADisclosure()
    {
        const auto s = score("adversarial");
        QVERIFY(s.files >= 80);
        QCOMPARE(s.dangerousDenials, 0);
        QCOMPARE(s.dangerousOmissions, 0);
    }

    // Figures on held-out data are reported, not tuned to; what must hold there is that no
    // disclosure is drafted as a denial and nothing is misattributed.
    void heldOutSetNeverDeniesADisclosure()
    {
        const auto s = score("heldout");
        QVERIFY(s.files >= 12);
        QCOMPARE(s.dangerousDenials, 0);
        QCOMPARE(s.fabricated, 0);
    }

    // Whole sessions (tests/fixtures/sessions): the rules were extended on the tuning half,
    // so there it must keep every disclosure, fabricate nothing and find what it found.
    void tuningSessionsAreDraftedAsFound()
    {
        const auto s = score("tuning", "sessions");
        QCOMPARE(s.dangerousDenials, 0);
        QCOMPARE(s.dangerousOmissions, 0);
        QCOMPARE(s.fabricated, 0);
        // Each batch written by another hand lowered these at first look, and rules written from
        // it raised them part way back: 0.957 risk recall on 48 sessions; 0.92 with the fresh_
        // sessions (the spent held-out set, moved here); 0.861 with the hard_ ones (risk said
        // sideways), whose first look found 0 of 5 suicidal ideation; 0.898 after. Section
        // recall: 0.795 on the first 26 sessions, 0.594 on 60, 0.55 on 68 (see the issue notes);
        // 0.577 when key phrases were matched person-neutral ("cut myself" in "they cut
        // themselves"), 0.653 after the rules of 27 November, 0.643 with their review's fixes.
        // The wild_ sessions (12, by a helper who read no rules) took risk recall to 0.851 and
        // section recall to 0.602 at first look; 0.903 and 0.622 after the rules of 28 November.
        // The fresh2_ sessions (14, the held-out set heldout_fresh2, spent after being scored
        // for three sessions and moved here on 28 November) took risk recall to 0.821 and section
        // recall to 0.607, with one dangerous denial and two dangerous omissions; 0.84 and 0.61,
        // with none, after the rules written from them; 0.895 and 0.618 after the rest of that
        // day's rules and their review's fixes.
        QVERIFY(s.files >= 94);
        QVERIFY(s.recall() >= 0.88);
        QVERIFY(s.sectionRecall() >= 0.61);
        // Eight of 100 empty sections on 94 sessions (three of 91 on 80 before the fresh2_ ones).
        QVERIFY(s.sectionsFilledWhenEmpty() <= 8);
    }

    // The held-out sessions are scored and printed, never tuned on. Their figures are far
    // below the tuning half's (see the issue notes); what is asserted is the one property
    // that holds there too: no disclosure is drafted as a denial.
    void heldOutSessionsNeverDenyADisclosure()
    {
        const auto s = score("heldout", "sessions");
        QVERIFY(s.files >= 11);
        QCOMPARE(s.dangerousDenials, 0);
    }

    // Fresh held-out sets, each written by other hands after the one before had been scored
    // many times. Scored and printed only: a failure here could not be mended without reading
    // them. heldout_fresh5 is the newest (12 sessions, written by a helper who read none of
    // the engine's rules nor any fixture beyond two format examples; first scored on 28
    // November, before that day's rules).
    void freshHeldOutSessionsAreScored()
    {
        QVERIFY(score("heldout_fresh3", "sessions").files >= 12);
        QVERIFY(score("heldout_fresh4", "sessions").files >= 12);
        QVERIFY(score("heldout_fresh5", "sessions").files >= 12);
        // Written on 28 November by a helper who read only DESIGN.md and two format examples;
        // first scored with the engine at 1df1d84 (risk recall 0.654, section recall 0.381).
        QVERIFY(score("heldout_fresh6", "sessions").files >= 12);
    }
};

QTEST_GUILESS_MAIN(TestRiskFixtures)
#include "tst_risk_fixtures.moc"
