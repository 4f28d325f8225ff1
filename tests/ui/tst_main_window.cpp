// Widget tests of the shell, offscreen, over a real vault: create and unlock pages, the
// client list with search, a new client saved on the vault thread, Ctrl+L and the idle lock
// dropping everything shown, and the pieces with their own maths (level meter, transcript
// rows that change in place).
#include "client_dialog.h"
#include "client_page.h"
#include "client_table_model.h"
#include "clients_page.h"
#include "idle_lock.h"
#include "level_meter.h"
#include "main_window.h"
#include "message_banner.h"
#include "session_table_model.h"
#include "transcript_model.h"
#include "ui_test_support.h"
#include "unlock_page.h"
#include "vault_worker.h"
#include "test_support.h"

#include <QAccessible>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace noteward;
using ui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;

    static void unlockWith(MainWindow& window, const char* passphrase)
    {
        auto* field = test::named<QLineEdit>(&window, "passphrase");
        QVERIFY(field);
        QTRY_VERIFY(field->isEnabled());
        field->setText(QString::fromLatin1(passphrase));
        QTest::keyClick(field, Qt::Key_Return);
    }

private slots:
    void createVaultThroughTheFirstPage()
    {
        const auto dir = m_tmp / "created";
        MainWindow window(dir, true);
        window.show();
        QCOMPARE(window.currentScreen(), MainWindow::Screen::Unlock);
        QCOMPARE(window.unlockPage()->mode(), ui::UnlockPage::Mode::Create);
        auto* name = test::named<QLineEdit>(&window, "therapistName");
        auto* passphrase = test::named<QLineEdit>(&window, "passphrase");
        auto* confirm = test::named<QLineEdit>(&window, "confirmPassphrase");
        QVERIFY(name && passphrase && confirm);
        QCOMPARE(passphrase->echoMode(), QLineEdit::Password);
        name->setText("Dr Rivers");
        passphrase->setText("a long enough passphrase");
        confirm->setText("a different passphrase");
        test::click(&window, "unlockButton");
        auto* error = test::named<ui::MessageBanner>(&window, "unlockError");
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains("differ"));
        QVERIFY(!core::vault::Vault::existsAt(dir));

        passphrase->setText("a long enough passphrase");
        confirm->setText("a long enough passphrase");
        test::click(&window, "unlockButton");
        QTRY_COMPARE_WITH_TIMEOUT(window.currentScreen(), MainWindow::Screen::Clients, 15000);
        QVERIFY(core::vault::Vault::existsAt(dir));
        QVERIFY(passphrase->text().isEmpty());  // the passphrase does not linger in the widget
        QCOMPARE(window.worker().therapistName(), QString("Dr Rivers"));
    }

    void wrongPassphraseIsReportedInPlace()
    {
        const auto dir = m_tmp / "unlock";
        test::createVault(dir).reset();
        MainWindow window(dir, false);
        window.show();
        unlockWith(window, "not my passphrase");
        auto* error = test::named<ui::MessageBanner>(&window, "unlockError");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15000);
        QVERIFY(error->text().contains("not correct"));
        QCOMPARE(window.currentScreen(), MainWindow::Screen::Unlock);
        unlockWith(window, test::kPassphrase);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentScreen(), MainWindow::Screen::Clients, 15000);
    }

    void listsSearchesAndAddsClients()
    {
        const auto dir = m_tmp / "window";
        {
            auto vault = test::createVault(dir);
            for (const char* name : {"Pat Green", "Sam Green", "Alex Stone"}) {
                core::model::Client c;
                c.name = name;
                if (std::string(name) == "Alex Stone") c.nhsNumber = "9434765919";
                QVERIFY(vault->clients().add(c).ok());
            }
        }
        MainWindow window(dir, false);
        window.show();
        unlockWith(window, test::kPassphrase);
        auto* model = window.clientsPage()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 15000);
        QCOMPARE(model->data(model->index(0, ui::ClientTableModel::Name), Qt::DisplayRole).toString(), QString("Alex Stone"));
        QCOMPARE(model->data(model->index(0, ui::ClientTableModel::NhsNumber), Qt::DisplayRole).toString(),
                 QString("943 476 5919"));

        auto* search = test::named<QLineEdit>(&window, "clientSearch");
        QTest::keyClicks(search, "green");
        QTRY_COMPARE(model->rowCount(), 2);
        search->clear();
        QTRY_COMPARE(model->rowCount(), 3);

        // A new client: the dialog stays open with the vault's message until the input is valid.
        QTest::keySequence(&window, QKeySequence::New);
        auto* dialog = window.findChild<ui::ClientDialog*>("clientDialog");
        QTRY_VERIFY(dialog && dialog->isVisible());
        test::named<QLineEdit>(dialog, "clientName")->setText("Robin Ash");
        test::named<QLineEdit>(dialog, "clientNhsNumber")->setText("1234567890");  // fails the check digit
        emit dialog->submitted();
        auto* error = test::named<QLabel>(dialog, "clientError");
        QTRY_VERIFY(error->isVisible());
        QVERIFY(dialog->isVisible());
        test::named<QLineEdit>(dialog, "clientNhsNumber")->clear();
        emit dialog->submitted();
        // Saved, and the new client's page opens.
        QTRY_COMPARE_WITH_TIMEOUT(window.currentScreen(), MainWindow::Screen::Client, 15000);
        QTRY_COMPARE(test::named<QLabel>(&window, "clientPageName")->text(), QString("Robin Ash"));
        QCOMPARE(window.clientPage()->sessions()->rowCount(), 0);
        test::click(&window, "newSessionButton");
        QTRY_COMPARE_WITH_TIMEOUT(window.currentScreen(), MainWindow::Screen::Session, 15000);
    }

    void ctrlLAndIdleLockHideEverything()
    {
        const auto dir = m_tmp / "locking";
        {
            auto vault = test::createVault(dir);
            core::model::Client c;
            c.name = "Jo Private";
            QVERIFY(vault->clients().add(c).ok());
        }
        MainWindow window(dir, false);
        window.show();
        unlockWith(window, test::kPassphrase);
        QTRY_COMPARE_WITH_TIMEOUT(window.clientsPage()->model()->rowCount(), 1, 15000);
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_L));
        QCOMPARE(window.currentScreen(), MainWindow::Screen::Unlock);
        QCOMPARE(window.unlockPage()->mode(), ui::UnlockPage::Mode::Locked);
        QCOMPARE(window.clientsPage()->model()->rowCount(), 0);  // nothing left behind the lock
        QVERIFY(!window.worker().isOpen());

        unlockWith(window, test::kPassphrase);
        QTRY_COMPARE_WITH_TIMEOUT(window.clientsPage()->model()->rowCount(), 1, 15000);
        window.idleLock()->setInterval(100);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentScreen(), MainWindow::Screen::Unlock, 5000);
        QCOMPARE(window.clientsPage()->model()->rowCount(), 0);
        // The vault connection really is dropped: a job now gets the locked error.
        bool locked = false;
        window.worker().run<int>(
            &window, [](core::vault::Vault&) -> core::Result<int> { return 1; },
            [&locked](core::Result<int> r) { locked = !r.ok(); });
        QTRY_VERIFY(locked);
    }

    // What a screen reader announces: every control a person can operate on every screen has
    // a name (from its text, its label's buddy, or an accessible name).
    void everyInteractiveWidgetHasAnAccessibleName()
    {
        const auto dir = m_tmp / "accessible";
        std::string session;
        {
            auto vault = test::createVault(dir);
            core::model::Client c;
            c.name = "Lee Access";
            const auto client = vault->clients().add(c).value().id;
            session = vault->sessions().add(test::session(client)).value().id;
        }
        MainWindow window(dir, false);
        window.show();
        const auto check = [&window](const char* screen) {
            QStringList unnamed;
            for (QWidget* w : window.findChildren<QWidget*>()) {
                if (!w->isVisible()) continue;
                const bool interactive = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) ||
                                         qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractItemView*>(w) ||
                                         qobject_cast<QPlainTextEdit*>(w) || qobject_cast<ui::LevelMeter*>(w);
                if (!interactive || qobject_cast<QAbstractItemView*>(w->parentWidget())) continue;
                QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
                if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << (w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName());
            }
            QVERIFY2(unnamed.isEmpty(), qPrintable(QString::fromLatin1(screen) + ": " + unnamed.join(", ")));
        };
        check("unlock");
        unlockWith(window, test::kPassphrase);
        QTRY_COMPARE_WITH_TIMEOUT(window.clientsPage()->model()->rowCount(), 1, 15000);
        check("clients");
        window.openSession(session);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentScreen(), MainWindow::Screen::Session, 15000);
        check("session");
    }

    void meterMapsDecibels()
    {
        QCOMPARE(ui::meterFraction(0.0f), 0.0);
        QCOMPARE(ui::meterFraction(1.0f), 1.0);
        QVERIFY(qAbs(ui::meterFraction(0.1f) - 40.0 / 60.0) < 1e-6);  // -20 dBFS
        QCOMPARE(ui::meterFraction(0.0001f), 0.0);                     // -80 dBFS: below the floor
        QCOMPARE(ui::meterDecibels(0.5f), -6);
        ui::LevelMeter meter;
        meter.setLevels(0.5f, 0.1f);
        QVERIFY(meter.accessibleDescription().contains("-6"));
    }

    void transcriptRowsChangeInPlace()
    {
        ui::TranscriptModel model;
        auto transcript = core::notes::parseTranscript(R"({"segments": [
            {"id": "s1", "start_ms": 0, "end_ms": 1000, "speaker": "unknown", "text": "hello there"},
            {"id": "s2", "start_ms": 61000, "end_ms": 62000, "speaker": "client", "text": "hi"}]})");
        QVERIFY(transcript.ok());
        model.setTranscript(transcript.value(), transcript.value());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(1, ui::TranscriptModel::Time), Qt::DisplayRole).toString(), QString("1:01"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy asked(&model, &ui::TranscriptModel::correctionRequested);
        QVERIFY(model.setData(model.index(0, ui::TranscriptModel::Speaker), "therapist", Qt::EditRole));
        QCOMPARE(asked.size(), 1);
        auto corrected = transcript.value();
        corrected.segments[0].speaker = "therapist";
        model.setTranscript(corrected, transcript.value());
        QCOMPARE(reset.size(), 0);  // same rows: updated in place, selection kept
        QVERIFY(model.data(model.index(0, ui::TranscriptModel::Speaker), Qt::DisplayRole).toString().contains("✎"));
        QVERIFY(model.data(model.index(0, ui::TranscriptModel::Text), Qt::ToolTipRole).toString().contains("Unknown"));
        model.setEditable(false);
        QVERIFY(!model.setData(model.index(0, ui::TranscriptModel::Text), "changed", Qt::EditRole));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
