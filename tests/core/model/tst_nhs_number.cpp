#include "model/nhs_number.h"
#include "model/validation.h"

#include <QTest>

using namespace noteward::core::model;

class TestNhsNumber : public QObject {
    Q_OBJECT
private slots:
    void valid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalised");
        // Check digits computed by hand with the modulus-11 weights 10..2.
        QTest::newRow("plain") << "9434765919" << "9434765919";
        QTest::newRow("spaced") << "943 476 5919" << "9434765919";
        QTest::newRow("hyphens") << "943-476-5919" << "9434765919";
        QTest::newRow("another") << "4010232137" << "4010232137";
        QTest::newRow("remainder zero gives check 0") << "4010232110" << "4010232110";
    }
    void valid()
    {
        QFETCH(QString, input);
        QFETCH(QString, normalised);
        const auto result = normalizeNhsNumber(input.toStdString());
        QVERIFY(result.has_value());
        QCOMPARE(QString::fromStdString(*result), normalised);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("wrong check digit") << "9434765918";
        QTest::newRow("check value 10") << "1234567890";
        QTest::newRow("nine digits") << "943476591";
        QTest::newRow("eleven digits") << "94347659190";
        QTest::newRow("letters") << "94347659A9";
        QTest::newRow("empty") << "";
        QTest::newRow("other punctuation") << "943.476.5919";
    }
    void invalid()
    {
        QFETCH(QString, input);
        QVERIFY(!normalizeNhsNumber(input.toStdString()).has_value());
    }

    void isoDates()
    {
        QVERIFY(isIsoDate("2024-02-29"));
        QVERIFY(isIsoDate("2000-02-29"));
        QVERIFY(!isIsoDate("1900-02-29"));
        QVERIFY(!isIsoDate("2023-02-29"));
        QVERIFY(!isIsoDate("2023-04-31"));
        QVERIFY(!isIsoDate("2023-13-01"));
        QVERIFY(!isIsoDate("2023-1-01"));
        QVERIFY(!isIsoDate("01/02/2023"));
    }
};

QTEST_GUILESS_MAIN(TestNhsNumber)
#include "tst_nhs_number.moc"
