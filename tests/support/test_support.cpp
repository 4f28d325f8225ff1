#include "test_support.h"

#include "vault/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <string>

namespace noteward::core {
char* toString(ErrorCode code)
{
    return qstrdup(QByteArray::number(static_cast<int>(code)).prepend("ErrorCode ").constData());
}
}  // namespace noteward::core


namespace noteward::test {

core::model::Session session(const std::string& clientId, const std::string& startedAt)
{
    core::model::Session s;
    s.clientId = clientId;
    s.startedAt = startedAt;
    return s;
}

core::crypto::SecretBytes secret(const char* text)
{
    std::string copy(text);
    return core::crypto::SecretBytes::takeString(copy);
}

TempFolder::TempFolder()
{
    if (!m_dir.isValid()) qFatal("cannot create a temporary folder");
}

std::unique_ptr<core::vault::Vault> createVault(const std::filesystem::path& dir)
{
    auto vault = core::vault::Vault::create(dir, secret(kPassphrase));
    if (!vault) qFatal("vault creation failed: %s", vault.error().message.c_str());
    return std::move(vault.value());
}

std::unique_ptr<core::vault::Vault> openVault(const std::filesystem::path& dir, const char* passphrase)
{
    auto vault = core::vault::Vault::open(dir, secret(passphrase));
    if (!vault) qFatal("vault open failed: %s", vault.error().message.c_str());
    return std::move(vault.value());
}

void dropProtectiveTriggers(core::vault::Database& db)
{
    for (const char* trigger : {"audit_log_no_update", "audit_log_no_delete", "notes_are_immutable", "notes_no_delete",
                                "addenda_are_immutable", "addenda_no_delete", "signing_keys_no_update",
                                "signing_keys_no_delete"})
        db.exec(std::string("DROP TRIGGER IF EXISTS ") + trigger + ";");
}

QStringList auditActions(core::vault::Vault& vault)
{
    QStringList out;
    for (const auto& e : vault.auditEntries().value()) out << QString::fromStdString(e.action);
    return out;
}

void writeTestAlsaConfig(const std::filesystem::path& home, const QString& infile, int rate, const QString& played,
                         bool playbackIsDefault)
{
    const QString asoundrc = QString(R"(pcm.noteward_file {
    type file
    slave.pcm "null"
    file "/dev/null"
    infile "%1"
    format "raw"
}
pcm.noteward_test {
    type plug
    slave { pcm "noteward_file" rate %2 channels 1 format S16_LE }
}
pcm.noteward_out_file {
    type file
    slave.pcm "null"
    file "%3"
    format "raw"
}
pcm.%4 {
    type plug
    slave { pcm "noteward_out_file" rate 16000 channels 1 format S16_LE }
}
)")
                                 .arg(infile)
                                 .arg(rate)
                                 .arg(played)
                                 .arg(playbackIsDefault ? QStringLiteral("!default") : QStringLiteral("noteward_out"));
    writeFile(home / ".asoundrc", asoundrc.toUtf8());
}

QByteArray readFile(const std::filesystem::path& file)
{
    QFile f(QString::fromStdString(file.string()));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

void writeFile(const std::filesystem::path& file, const QByteArray& data)
{
    QFile f(QString::fromStdString(file.string()));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        qFatal("cannot write %s", file.string().c_str());
}

QMap<QString, QByteArray> folderFingerprint(const std::filesystem::path& dir)
{
    QMap<QString, QByteArray> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_regular_file())
            out.insert(QString::fromStdString(entry.path().filename().string()),
                       QCryptographicHash::hash(readFile(entry.path()), QCryptographicHash::Sha256).toHex());
    return out;
}

ProcessResult runProgram(const QString& program, const QStringList& args, const QProcessEnvironment& env,
                         int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    process.closeWriteChannel();
    ProcessResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString fixturePath(const char* relativePath)
{
    return QStringLiteral(NOTEWARD_FIXTURES_DIR "/") + QString::fromUtf8(relativePath);
}

std::string readFixture(const char* relativePath)
{
    QFile f(fixturePath(relativePath));
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing fixture %s", relativePath);
    return f.readAll().toStdString();
}

QString cliPath() { return QStringLiteral(NOTEWARD_CLI_PATH); }
QString guiPath() { return QStringLiteral(NOTEWARD_GUI_PATH); }
QString vaultWriterPath() { return QStringLiteral(NOTEWARD_VAULT_WRITER_PATH); }

QProcessEnvironment envWithPassphrase(const char* passphrase)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("NOTEWARD_VAULT"));
    env.insert(QStringLiteral("NOTEWARD_PASSPHRASE"), QString::fromUtf8(passphrase));
    return env;
}

ProcessResult runCli(const QString& vault, QStringList args, const QProcessEnvironment& env)
{
    if (!vault.isEmpty()) args = QStringList{"--vault", vault} + args;
    return runProgram(cliPath(), args, env);
}

QString initVaultWithCli(const QString& dir)
{
    const auto r = runCli(dir, {"init"});
    if (r.exitCode != 0) qFatal("init failed: %s", r.err.constData());
    return dir;
}

}  // namespace noteward::test
