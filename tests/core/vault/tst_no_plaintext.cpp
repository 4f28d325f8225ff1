// Nothing a therapist types reaches the disk in the clear: not in the database, not in its
// write-ahead log, not in any other file of the vault folder; and the plain sqlite3 tool
// cannot read the vault.
#include "test_support.h"

#include <QTest>

using namespace noteward;
using namespace noteward::core;

namespace {
constexpr char kMarkerName[] = "Quentin Markerface-Zzyzx";
constexpr char kMarkerAddress[] = "17 Plaintextbeacon Lane";

void expectNoMarkerIn(const std::filesystem::path& dir)
{
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        ++files;
        const QByteArray bytes = test::readFile(entry.path());
        for (const char* marker : {kMarkerName, kMarkerAddress, "Markerface", "9434765919"}) {
            QVERIFY2(!bytes.contains(marker), qPrintable(QString("%1 found in %2").arg(
                                                  marker, QString::fromStdString(entry.path().string()))));
            QVERIFY(!bytes.contains(QString::fromUtf8(marker).toUtf8().toBase64()));
        }
    }
    QVERIFY(files >= 2);
}
}  // namespace

class TestNoPlaintext : public QObject {
    Q_OBJECT
private slots:
    void markerAbsentWhileOpenAndAfterClose()
    {
        test::TempFolder tmp;
        const auto dir = tmp / "vault";
        auto vault = test::createVault(dir);
        model::Client c;
        c.name = kMarkerName;
        c.nhsNumber = "9434765919";
        c.contact.address = kMarkerAddress;
        for (int i = 0; i < 20; ++i) {
            c.nhsNumber = i == 0 ? std::optional<std::string>("9434765919") : std::nullopt;
            QVERIFY(vault->clients().add(c).ok());
        }
        // While open: the change sits in the WAL.
        QVERIFY(std::filesystem::exists(dir / "vault.db-wal"));
        expectNoMarkerIn(dir);
        vault.reset();
        expectNoMarkerIn(dir);
    }

    void sqlite3ToolCannotRead()
    {
        test::TempFolder tmp;
        const auto dir = tmp / "vault";
        {
            auto vault = test::createVault(dir);
            model::Client c;
            c.name = kMarkerName;
            QVERIFY(vault->clients().add(c).ok());
        }
        const auto result = test::runProgram(QStringLiteral("sqlite3"),
                                             {QString::fromStdString((dir / "vault.db").string()),
                                              QStringLiteral("SELECT name FROM clients;")});
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains("not a database") || result.err.contains("encrypted"), result.err.constData());
        QVERIFY(!result.out.contains("Markerface"));
    }
};

QTEST_GUILESS_MAIN(TestNoPlaintext)
#include "tst_no_plaintext.moc"
