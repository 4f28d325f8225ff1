#pragma once

#include "arguments.h"
#include "util/result.h"
#include "vault/vault.h"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace noteward::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUserError = 1;
inline constexpr int kExitUsage = 2;

// What every command gets: its arguments, the two streams, and the shared steps (find and
// open the vault, report an error).
class Context {
public:
    Context(const Arguments& args, std::ostream& out, std::ostream& err) : m_args(args), m_out(out), m_err(err) {}

    const Arguments& args() const { return m_args; }
    bool json() const { return m_args.json; }
    std::ostream& out() { return m_out; }
    std::ostream& err() { return m_err; }

    // The option's value, or UsageError naming it.
    std::string required(const std::string& option) const;
    // A whole number in [min, max] (UsageError otherwise), or `fallback` if the option is absent.
    std::int64_t number(const std::string& option, std::int64_t fallback, std::int64_t min, std::int64_t max) const;
    // The JSON object given by --from-file FILE (or - for standard input), for details that
    // should not appear as arguments; only `allowed` string fields. nullopt without the option.
    core::Result<std::optional<nlohmann::json>> jsonFromFile(const std::vector<std::string>& allowed) const;

    std::filesystem::path vaultDirectory() const;
    core::Result<std::unique_ptr<core::vault::Vault>> openVault();

    // Prints "noteward-cli: error: …" to stderr (and {"error": …} on stdout with --json);
    // returns exit status 1.
    int fail(const core::Error& error);
    void info(const std::string& message);  // stderr; keeps stdout clean for data
    void printJson(const nlohmann::json& value);

private:
    const Arguments& m_args;
    std::ostream& m_out;
    std::ostream& m_err;
};

// CPU time (user + system) this process has used, for the bench commands.
double processCpuSeconds();
// An API key from --api-key-file or NOTEWARD_API_KEY (never an argument); nullopt if neither.
core::Result<std::optional<std::string>> apiKeyFromInput(const Context& ctx);

int runInit(Context& ctx);
int runClientAdd(Context& ctx);
int runClientList(Context& ctx);
int runSessionNew(Context& ctx);
int runSessionList(Context& ctx);
int runClientEdit(Context& ctx);
int runAuditList(Context& ctx);
int runAuditVerify(Context& ctx);
int runBackup(Context& ctx);
int runRestore(Context& ctx);
int runPassphraseChange(Context& ctx);
int runBenchVault(Context& ctx);
int runBenchCrypto(Context& ctx);
int runNoteDraft(Context& ctx);
int runNoteShow(Context& ctx);
int runNoteEdit(Context& ctx);
int runNoteReview(Context& ctx);
int runNoteSign(Context& ctx);
int runNoteAddendum(Context& ctx);
int runNoteVerify(Context& ctx);
int runTranscriptImport(Context& ctx);
int runEngineConfigure(Context& ctx);
int runDevices(Context& ctx);
int runRecord(Context& ctx);
int runRecordingImport(Context& ctx);
int runRecordingExport(Context& ctx);
int runRecordingPlay(Context& ctx);
int runBenchAudio(Context& ctx);
int runTranscribe(Context& ctx);
int runTranscriptionConfigure(Context& ctx);
int runTranscriptShow(Context& ctx);
int runTranscriptCorrect(Context& ctx);
int runBenchSpeech(Context& ctx);
int runTranscriptSpeakers(Context& ctx);
int runVoiceEnroll(Context& ctx);
int runVoiceStatus(Context& ctx);
int runVoiceForget(Context& ctx);
int benchSpeechOnDialogues(Context& ctx, const std::filesystem::path& dir, bool endToEnd);
int runBenchNotes(Context& ctx);

}  // namespace noteward::cli
