#include "cli.h"

#include "context.h"

#include <algorithm>
#include <iostream>

namespace noteward::cli {

namespace {
struct Command {
    std::vector<std::string> words;
    std::vector<std::string> options;  // besides the global ones
    std::string synopsis;
    int (*run)(Context&);
};

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
        {{"init"}, {"--practice", "--therapist", "--email"},
         "init [--practice NAME] [--therapist NAME] [--email E]", runInit},
        {{"client", "add"}, {"--name", "--dob", "--nhs-number", "--email", "--phone", "--address", "--from-file"},
         "client add (--from-file FILE|- | --name N [--dob YYYY-MM-DD] [--nhs-number N] [--email E] [--phone P] "
         "[--address A])",
         runClientAdd},
        {{"client", "list"}, {"--search", "--from-file"}, "client list [--search TEXT | --from-file FILE|-]",
         runClientList},
        {{"client", "edit"}, {"--client", "--from-file"}, "client edit --client ID --from-file FILE|-", runClientEdit},
        {{"session", "new"}, {"--client", "--start"}, "session new --client ID [--start ISO-8601]", runSessionNew},
        {{"session", "list"}, {"--client"}, "session list --client ID", runSessionList},
        {{"audit", "list"}, {"--limit"}, "audit list [--limit N]", runAuditList},
        {{"audit", "verify"}, {}, "audit verify", runAuditVerify},
        {{"backup"}, {"--out"}, "backup --out FILE", runBackup},
        {{"restore"}, {"--from", "--replace"}, "restore --from FILE [--replace]", runRestore},
        {{"passphrase", "change"}, {"--new-passphrase-file", "--rekey"},
         "passphrase change [--new-passphrase-file FILE] [--rekey]",
         runPassphraseChange},
        {{"note", "draft"}, {"--transcript", "--engine", "--session"},
         "note draft (--transcript FILE | --session ID) [--engine local|anthropic|openai]", runNoteDraft},
        {{"note", "show"}, {"--session"}, "note show --session ID", runNoteShow},
        {{"note", "edit"}, {"--session", "--section", "--text-file"},
         "note edit --session ID --section KEY --text-file FILE", runNoteEdit},
        {{"note", "review"}, {"--session", "--risk", "--confirm", "--dismiss", "--note"},
         "note review --session ID --risk CATEGORY (--confirm [--note HOW-RESOLVED] | --dismiss REASON)",
         runNoteReview},
        {{"note", "sign"}, {"--session", "--unlabelled-speakers-reviewed"},
         "note sign --session ID [--unlabelled-speakers-reviewed]", runNoteSign},
        {{"note", "addendum"}, {"--session", "--text-file"}, "note addendum --session ID --text-file FILE",
         runNoteAddendum},
        {{"note", "verify"}, {"--session"}, "note verify --session ID", runNoteVerify},
        {{"engine", "configure"}, {"--engine", "--base-url", "--model", "--api-key-file", "--caseless-transcripts"},
         "engine configure --engine anthropic|openai [--base-url URL] [--model M] [--api-key-file F] "
         "[--caseless-transcripts warn|refuse]",
         runEngineConfigure},
        {{"devices"}, {}, "devices", runDevices},
        {{"record"}, {"--session", "--device", "--seconds", "--consent"},
         "record --session ID [--device NAME] [--seconds S] --consent", runRecord},
        {{"recording", "import"}, {"--session", "--wav"}, "recording import --session ID --wav FILE", runRecordingImport},
        {{"recording", "export"}, {"--session", "--out"}, "recording export --session ID --out FILE.wav",
         runRecordingExport},
        {{"recording", "play"}, {"--session", "--from", "--device"},
         "recording play --session ID [--from SECONDS] [--device NAME]", runRecordingPlay},
        {{"transcribe"}, {"--session", "--wav", "--engine"},
         "transcribe (--session ID | --wav FILE) [--engine local|openai]", runTranscribe},
        {{"transcription", "configure"}, {"--base-url", "--model", "--api-key-file"},
         "transcription configure [--base-url URL] [--model M] [--api-key-file F]", runTranscriptionConfigure},
        {{"bench", "speech"}, {"--wav", "--dialogues", "--end-to-end"},
         "bench speech (--wav FILE | --dialogues DIR [--end-to-end])", runBenchSpeech},
        {{"bench", "audio"}, {"--device"}, "bench audio [--device NAME]", runBenchAudio},
        {{"transcript", "show"}, {"--session", "--original"}, "transcript show --session ID [--original]", runTranscriptShow},
        {{"transcript", "correct"}, {"--session", "--segment", "--speaker", "--text-file"},
         "transcript correct --session ID --segment S [--speaker therapist|client] [--text-file F]", runTranscriptCorrect},
        {{"transcript", "speakers"}, {"--session", "--therapist"},
         "transcript speakers --session ID --therapist speaker_1|speaker_2", runTranscriptSpeakers},
        {{"voice", "enroll"}, {"--seconds", "--device", "--wav"}, "voice enroll [--seconds S] [--device NAME] | --wav FILE",
         runVoiceEnroll},
        {{"voice", "status"}, {}, "voice status", runVoiceStatus},
        {{"voice", "forget"}, {}, "voice forget", runVoiceForget},
        {{"transcript", "import"}, {"--session", "--file"}, "transcript import --session ID --file FILE",
         runTranscriptImport},
        {{"bench", "notes"}, {"--fixtures"}, "bench notes [--fixtures DIR]", runBenchNotes},
        {{"bench", "vault"}, {"--clients"}, "bench vault [--clients N]", runBenchVault},
        {{"bench", "crypto"}, {}, "bench crypto", runBenchCrypto},
    };
    return table;
}

void printUsage(std::ostream& os)
{
    os << "Usage: noteward-cli [--vault DIR] [--json] [--passphrase-file FILE] COMMAND ...\n\n"
          "Commands:\n";
    for (const auto& c : commands()) os << "  " << c.synopsis << '\n';
    os << "\nAPI keys for hosted engines come from --api-key-file or NOTEWARD_API_KEY and are kept in the vault.\n";
    os << "\nClient details given as arguments (--name, --dob, --nhs-number, --address, --search, ...) are visible to\n"
          "other programs (ps) and stay in shell history: prefer --from-file FILE, or --from-file - to read JSON\n"
          "from standard input, e.g. {\"name\": \"...\", \"dob\": \"YYYY-MM-DD\", \"nhs_number\": \"...\"} or {\"search\": \"...\"}.\n";
    os << "\nThe passphrase comes from --passphrase-file, the NOTEWARD_PASSPHRASE environment variable,\n"
          "or a prompt; never from an argument. --vault defaults to NOTEWARD_VAULT or the per-user data folder.\n"
          "Exit status: 0 success, 1 an error (wrong passphrase, bad input, not found), 2 a usage error.\n";
}

std::string joined(const std::vector<std::string>& words)
{
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

const Command& findCommand(const Arguments& args)
{
    for (const auto& c : commands()) {
        if (c.words != args.words) continue;
        for (const auto& [name, value] : args.options)
            if (std::find(c.options.begin(), c.options.end(), name) == c.options.end())
                throw UsageError(name + " does not apply to '" + joined(c.words) + "'");
        for (const auto& name : args.flags)
            if (std::find(c.options.begin(), c.options.end(), name) == c.options.end())
                throw UsageError(name + " does not apply to '" + joined(c.words) + "'");
        return c;
    }
    if (args.words.empty()) throw UsageError("no command given");
    throw UsageError("unknown command '" + joined(args.words) + "'");
}
}  // namespace

int runCli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    try {
        const Arguments args = parseArguments(argv);
        if (args.version) {
            out << "noteward-cli " NOTEWARD_VERSION "\n";
            return kExitOk;
        }
        if (args.help) {
            printUsage(out);
            return kExitOk;
        }
        const Command& command = findCommand(args);
        Context ctx(args, out, err);
        return command.run(ctx);
    } catch (const UsageError& e) {
        err << "noteward-cli: " << e.what() << "\nRun 'noteward-cli --help' for the commands.\n";
        return kExitUsage;
    } catch (const std::exception&) {
        // A library's exception text is not for a person (and may quote data); say what matters.
        err << "noteward-cli: internal error: the command stopped unexpectedly. Nothing more was changed; "
               "please report this.\n";
        return kExitUserError;
    }
}

}  // namespace noteward::cli
