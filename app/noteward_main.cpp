#include "main_window.h"

#include "util/process_hardening.h"
#include "vault/vault.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTranslator>

int main(int argc, char** argv)
{
    noteward::core::hardenProcess();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Noteward"));
    QApplication::setOrganizationName(QStringLiteral("Noteward"));
    QApplication::setApplicationVersion(QStringLiteral(NOTEWARD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("uk.noteward.Noteward"));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("noteward"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Clinical notes for psychotherapists"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption vaultOption(QStringLiteral("vault"), QApplication::translate("main", "The vault folder."),
                                         QStringLiteral("DIR"));
    parser.addOption(vaultOption);
    parser.process(app);

    const std::filesystem::path dir = parser.isSet(vaultOption)
                                          ? std::filesystem::path(parser.value(vaultOption).toStdString())
                                          : noteward::core::vault::defaultVaultDirectory();
    noteward::ui::MainWindow window(dir, !noteward::core::vault::Vault::existsAt(dir));
    window.show();
    return QApplication::exec();
}
