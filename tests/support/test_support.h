#pragma once

#include "crypto/secret_bytes.h"
#include "vault/vault.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <filesystem>
#include <memory>

// Readable QCOMPARE failures for core's enums (found by argument-dependent lookup).
namespace noteward::core {
char* toString(ErrorCode code);
}

namespace noteward::test {

inline constexpr char kPassphrase[] = "tea and biscuits at seven";

core::model::Session session(const std::string& clientId, const std::string& startedAt = {});

core::crypto::SecretBytes secret(const char* text);

// A fresh folder for one test, removed afterwards.
class TempFolder {
public:
    TempFolder();
    std::filesystem::path path() const { return m_dir.path().toStdString(); }
    std::filesystem::path operator/(const char* name) const { return path() / name; }

private:
    QTemporaryDir m_dir;
};

// Creates a vault with kPassphrase under a temporary folder; fails the test if it cannot.
std::unique_ptr<core::vault::Vault> createVault(const std::filesystem::path& dir);
std::unique_ptr<core::vault::Vault> openVault(const std::filesystem::path& dir, const char* passphrase = kPassphrase);

// What a determined vault holder with the sqlcipher shell would do first: drop the triggers
// that make the audit log append-only and signed records undeletable.
void dropProtectiveTriggers(core::vault::Database& db);

// The actions of the vault's audit log, oldest first.
QStringList auditActions(core::vault::Vault& vault);

// An ALSA configuration in `home`/.asoundrc for real PortAudio capture and playback in tests:
// the input "noteward_test" reads raw 16-bit mono from `infile` at `rate`; playback into the
// output "noteward_out" (or, with `playbackIsDefault`, the default device) writes 16 kHz raw
// 16-bit mono into `played`.
void writeTestAlsaConfig(const std::filesystem::path& home, const QString& infile, int rate, const QString& played,
                         bool playbackIsDefault = false);

QByteArray readFile(const std::filesystem::path& file);
void writeFile(const std::filesystem::path& file, const QByteArray& data);
// SHA-256 of every file in a folder, by name, to prove that nothing on disk changed.
QMap<QString, QByteArray> folderFingerprint(const std::filesystem::path& dir);

struct ProcessResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a program to completion with the given extra environment (and nothing on stdin).
ProcessResult runProgram(const QString& program, const QStringList& args,
                         const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                         int timeoutMs = 120000);
// Contents of a file under tests/fixtures, e.g. "transcripts/full_session.json".
std::string readFixture(const char* relativePath);
QString fixturePath(const char* relativePath);
QString cliPath();
QString guiPath();
QString vaultWriterPath();
QProcessEnvironment envWithPassphrase(const char* passphrase = kPassphrase);

// noteward-cli on `vault` (none if empty) with the test passphrase unless `env` says otherwise.
ProcessResult runCli(const QString& vault, QStringList args, const QProcessEnvironment& env = envWithPassphrase());
// A new vault made by `noteward-cli init` at `dir`; fails the test if it cannot.
QString initVaultWithCli(const QString& dir);


}  // namespace noteward::test
