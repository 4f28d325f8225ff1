// Widget tests of the unlock dialog and the main window, offscreen, over a real vault.
#include "client_dialog.h"
#include "client_table_model.h"
#include "main_window.h"
#include "unlock_dialog.h"
#include "test_support.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace noteward;
using noteward::ui::UnlockDialog;

namespace {
QPushButton* buttonLabelled(QWidget* parent, const QString& text)
{
    for (auto* b : parent->findChildren<QPushButton*>())
        if (b->text().remove('&') == text) return b;
    return nullptr;
}

QLabel* visibleError(QWidget* parent)
{
    for (auto* l : parent->findChildren<QLabel*>())
        if (l->isVisible() && l->styleSheet().contains("b00020")) return l;
    return nullptr;
}
}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
    test::TempFolder m_tmp;

private slots:
    void createVaultThroughDialog()
    {
        const auto dir = m_tmp / "created";
        UnlockDialog dialog(UnlockDialog::Mode::Create, dir);
        dialog.show();
        auto* name = dialog.findChild<QLineEdit*>("therapistName");
        auto* passphrase = dialog.findChild<QLineEdit*>("passphrase");
        auto* confirm = dialog.findChild<QLineEdit*>("confirmPassphrase");
        QVERIFY(name && passphrase && confirm);
        QCOMPARE(passphrase->echoMode(), QLineEdit::Password);
        name->setText("Dr Rivers");
        passphrase->setText("a long enough passphrase");
        confirm->setText("a different passphrase");
        QTest::mouseClick(buttonLabelled(&dialog, "Create vault"), Qt::LeftButton);
        QVERIFY(visibleError(&dialog));
        QVERIFY(!core::vault::Vault::existsAt(dir));

        passphrase->setText("a long enough passphrase");
        confirm->setText("a long enough passphrase");
        QTest::mouseClick(buttonLabelled(&dialog, "Create vault"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
        auto vault = dialog.takeVault();
        QVERIFY(vault);
        QCOMPARE(QString::fromStdString(vault->user().displayName), QString("Dr Rivers"));
        QVERIFY(passphrase->text().isEmpty());  // the passphrase does not linger in the widget
    }

    void wrongPassphraseShowsErrorAndKeepsDialogOpen()
    {
        const auto dir = m_tmp / "unlock";
        test::createVault(dir).reset();
        UnlockDialog dialog(UnlockDialog::Mode::Unlock, dir);
        dialog.show();
        auto* field = dialog.findChild<QLineEdit*>("passphrase");
        field->setText("not my passphrase");
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(visibleError(&dialog) != nullptr, 15000);
        QVERIFY(visibleError(&dialog)->text().contains("not correct"));
        QVERIFY(dialog.isVisible());
        QTRY_VERIFY(field->isEnabled());

        QTest::keyClicks(field, test::kPassphrase);
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
        QVERIFY(dialog.takeVault());
    }

    void windowListsAndSearchesClients()
    {
        const auto dir = m_tmp / "window";
        auto vault = test::createVault(dir);
        for (const char* name : {"Pat Green", "Sam Green", "Alex Stone"}) {
            core::model::Client c;
            c.name = name;
            if (std::string(name) == "Alex Stone") c.nhsNumber = "9434765919";
            QVERIFY(vault->clients().add(c).ok());
        }
        ui::MainWindow window(std::move(vault));
        window.show();
        auto* model = window.clientModel();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->data(model->index(0, ui::ClientTableModel::Name), Qt::DisplayRole).toString(), QString("Alex Stone"));
        QCOMPARE(model->data(model->index(0, ui::ClientTableModel::NhsNumber), Qt::DisplayRole).toString(),
                 QString("943 476 5919"));
        QCOMPARE(model->headerData(ui::ClientTableModel::NhsNumber, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QString("NHS number"));

        QCOMPARE(model->data(model->index(0, ui::ClientTableModel::Status), Qt::DisplayRole).toString(), QString("Active"));

        auto* search = window.findChild<QLineEdit*>();
        QTest::keyClicks(search, "green");
        QCOMPARE(model->rowCount(), 2);
        search->clear();
        QCOMPARE(model->rowCount(), 3);
    }

    void clientDialogCollectsFields()
    {
        ui::ClientDialog dialog;
        auto edits = dialog.findChildren<QLineEdit*>();
        QCOMPARE(edits.size(), 6);
        edits[0]->setText("  Robin Hood ");
        edits[1]->setText("1970-01-02");
        edits[2]->setText("");
        const auto c = dialog.client();
        QCOMPARE(QString::fromStdString(c.name), QString("  Robin Hood "));
        QCOMPARE(QString::fromStdString(*c.dateOfBirth), QString("1970-01-02"));
        QVERIFY(!c.nhsNumber.has_value());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
