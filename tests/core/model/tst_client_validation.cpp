#include "model/validation.h"

#include <QTest>

using namespace noteward::core;
using namespace noteward::core::model;

namespace {
Client named(const char* name)
{
    Client c;
    c.name = name;
    return c;
}
}  // namespace

class TestClientValidation : public QObject {
    Q_OBJECT
private slots:
    void normalises()
    {
        Client c = named("  Jane Doe  ");
        c.nhsNumber = "943 476 5919";
        c.contact.email = "  ";
        c.contact.phone = " 07700 900123 ";
        const auto result = validateClient(c, "2026-11-22");
        QVERIFY(result.ok());
        QCOMPARE(QString::fromStdString(result->name), QString("Jane Doe"));
        QCOMPARE(QString::fromStdString(*result->nhsNumber), QString("9434765919"));
        QVERIFY(!result->contact.email.has_value());
        QCOMPARE(QString::fromStdString(*result->contact.phone), QString("07700 900123"));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("dob");
        QTest::addColumn<QString>("nhs");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("expect");
        QTest::newRow("empty name") << "   " << "" << "" << "" << "name is required";
        QTest::newRow("control char") << "Jane\x01" << "" << "" << "" << "control characters";
        QTest::newRow("long name") << QString(201, 'a') << "" << "" << "" << "at most 200";
        QTest::newRow("bad dob") << "Jane" << "1990-02-30" << "" << "" << "real date";
        QTest::newRow("future dob") << "Jane" << "2030-01-01" << "" << "" << "not in the future";
        QTest::newRow("ancient dob") << "Jane" << "1850-01-01" << "" << "" << "after 1900";
        QTest::newRow("bad nhs") << "Jane" << "" << "9434765918" << "" << "not a valid NHS number";
        QTest::newRow("bad email") << "Jane" << "" << "" << "jane.example.com" << "'@'";
    }
    void refuses()
    {
        QFETCH(QString, name);
        QFETCH(QString, dob);
        QFETCH(QString, nhs);
        QFETCH(QString, email);
        QFETCH(QString, expect);
        Client c = named(name.toStdString().c_str());
        if (!dob.isEmpty()) c.dateOfBirth = dob.toStdString();
        if (!nhs.isEmpty()) c.nhsNumber = nhs.toStdString();
        if (!email.isEmpty()) c.contact.email = email.toStdString();
        const auto result = validateClient(c, "2026-11-22");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::InvalidInput);
        QVERIFY2(QString::fromStdString(result.error().message).contains(expect),
                 result.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestClientValidation)
#include "tst_client_validation.moc"
