#include "notes/pii_masker.h"

#include <QTest>

using noteward::core::notes::PiiMasker;

class TestPiiMasker : public QObject {
    Q_OBJECT
private slots:
    void masksEachKind_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::newRow("known name") << "sam smith said hello" << "sam smith";
        QTest::newRow("first name alone") << "I told Sam about it." << "Sam";
        QTest::newRow("other person") << "I went with my friend Priya to the shop." << "Priya";
        QTest::newRow("email") << "write to sam.s+1@example.co.uk please" << "sam.s+1@example.co.uk";
        QTest::newRow("mobile") << "call me on 07700 900123 tonight" << "07700 900123";
        QTest::newRow("landline intl") << "or +44 20 7946 0958 at work" << "7946 0958";
        QTest::newRow("nhs number") << "my number is 943 476 5919" << "943 476 5919";
        QTest::newRow("postcode") << "I live near SW1A 1AA now" << "SW1A 1AA";
        QTest::newRow("dob slashes") << "born 03/04/1985 in Leeds" << "03/04/1985";
        QTest::newRow("dob words") << "born on 3rd March 1985" << "3rd March 1985";
        QTest::newRow("address") << "we moved to 12 Baker Street last year" << "12 Baker Street";
    }
    void masksEachKind()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        PiiMasker masker({"Sam Smith", "sam smith"});
        const std::string masked = masker.mask(text.toStdString());
        QVERIFY2(masked.find(secret.toStdString()) == std::string::npos, masked.c_str());
        QCOMPARE(QString::fromStdString(masker.restore(masked)), text);
    }

    void placeholdersAreConsistent()
    {
        PiiMasker masker({"Sam Smith"});
        const std::string a = masker.mask("Sam Smith rang. Later Sam Smith rang again, and Priya too.");
        const std::string b = masker.mask("Priya and Sam Smith.");
        QCOMPARE(QString::fromStdString(a), QString("[NAME_1] rang. Later [NAME_1] rang again, and [NAME_2] too."));
        QCOMPARE(QString::fromStdString(b), QString("[NAME_2] and [NAME_1]."));
        QCOMPARE(masker.restore("[NAME_2] met [NAME_1]"), std::string("Priya met Sam Smith"));
    }

    void learntNamesAreMaskedEverywhere()
    {
        PiiMasker masker;
        masker.learnNames("Later I saw my friend Olu at the park.");
        const std::string masked = masker.mask("Olu rang me.");
        QVERIFY2(masked.find("Olu") == std::string::npos, masked.c_str());
    }

    void leavesOrdinaryWordsAlone()
    {
        PiiMasker masker;
        const std::string text = "On Monday I felt anxious. I went to the GP in March.";
        QCOMPARE(masker.mask(text), text);
    }
};

QTEST_GUILESS_MAIN(TestPiiMasker)
#include "tst_pii_masker.moc"
