// Plain http only to this machine, judged on the URL as libcurl parses it.
#include "net/endpoint_url.h"
#include "net/http_client.h"

#include <QTest>

using namespace noteward::core;

class TestEndpointUrl : public QObject {
    Q_OBJECT

private slots:
    void accepted_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("https") << "https://api.openai.com" << false;
        QTest::newRow("https path") << "https://uksouth.example.openai.azure.com/openai/" << false;
        QTest::newRow("127.0.0.1") << "http://127.0.0.1:8080" << true;
        QTest::newRow("127.2.3.4") << "http://127.2.3.4/v1" << true;
        QTest::newRow("localhost") << "http://localhost:11434" << true;
        QTest::newRow("LOCALHOST") << "http://LOCALHOST:11434" << true;
        QTest::newRow("::1") << "http://[::1]:9000/" << true;
        // libcurl normalises numeric hosts; what it connects to is what is judged.
        QTest::newRow("short 127 form") << "http://127.1" << true;
        QTest::newRow("hex loopback") << "http://0x7f000001/" << true;
    }

    void accepted()
    {
        QFETCH(QString, url);
        QFETCH(bool, loopback);
        const auto checked = net::checkEndpointUrl(url.toStdString());
        QVERIFY2(checked.ok(), checked.ok() ? "" : checked.error().message.c_str());
        QCOMPARE(checked->loopback, loopback);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("reason");
        QTest::newRow("userinfo to elsewhere") << "http://127.0.0.1@192.0.2.2:18099" << "user name";
        QTest::newRow("userinfo on https") << "https://user:pw@api.openai.com" << "user name";
        QTest::newRow("127 prefix host") << "http://127.attacker.example" << "without HTTPS";
        QTest::newRow("localhost prefix host") << "http://localhost.evil.com" << "without HTTPS";
        QTest::newRow("plain http") << "http://api.openai.com" << "without HTTPS";
        QTest::newRow("private range") << "http://192.168.1.10:8080" << "without HTTPS";
        QTest::newRow("mapped v6") << "http://[::ffff:192.0.2.2]/" << "without HTTPS";
        QTest::newRow("ftp") << "ftp://127.0.0.1/" << "https://";
        QTest::newRow("no scheme") << "api.openai.com" << "not a valid";
        QTest::newRow("space") << "https://api.openai.com /x" << "spaces";
        QTest::newRow("empty") << "" << "empty";
    }

    void refused()
    {
        QFETCH(QString, url);
        QFETCH(QString, reason);
        const auto checked = net::checkEndpointUrl(url.toStdString());
        QVERIFY(!checked.ok());
        QVERIFY2(QString::fromStdString(checked.error().message).contains(reason), checked.error().message.c_str());
    }

    // The client itself refuses before any connection is made.
    void clientRefusesBeforeConnecting()
    {
        net::HttpRequest request;
        request.url = "http://127.0.0.1@192.0.2.2:18099/v1/chat/completions";
        request.body = "{}";
        const auto sent = net::HttpClient().send(request);
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, ErrorCode::Refused);
    }
};

QTEST_GUILESS_MAIN(TestEndpointUrl)
#include "tst_endpoint_url.moc"
