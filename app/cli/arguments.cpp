#include "arguments.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace noteward::cli {

namespace {
// Every option that takes a value; anything else starting with -- is a flag.
constexpr std::string_view kValueOptions[] = {
    "--vault", "--passphrase-file", "--new-passphrase-file", "--name", "--dob", "--nhs-number", "--email",
    "--phone", "--address", "--client", "--start", "--limit", "--out", "--from", "--practice", "--therapist",
    "--clients", "--search", "--status", "--seconds", "--transcript", "--engine", "--session", "--section",
    "--text-file", "--risk", "--dismiss", "--file", "--base-url", "--model", "--api-key-file", "--device", "--wav",
    "--segment", "--speaker", "--from-file", "--caseless-transcripts", "--fixtures", "--note", "--dialogues", "--therapist"};
constexpr std::string_view kFlags[] = {"--json", "--replace", "--help", "--version", "--original", "--rekey",
                                       "--consent", "--confirm", "--unlabelled-speakers-reviewed", "--end-to-end"};

bool takesValue(std::string_view name)
{
    return std::find(std::begin(kValueOptions), std::end(kValueOptions), name) != std::end(kValueOptions);
}

bool isKnownFlag(std::string_view name)
{
    return std::find(std::begin(kFlags), std::end(kFlags), name) != std::end(kFlags);
}
}  // namespace

std::optional<std::string> Arguments::option(const std::string& name) const
{
    const auto it = options.find(name);
    return it == options.end() ? std::nullopt : std::optional<std::string>(it->second);
}

Arguments parseArguments(const std::vector<std::string>& argv)
{
    Arguments args;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        std::string token = argv[i];
        if (token == "-h") token = "--help";
        if (token.rfind("--", 0) != 0) {
            args.words.push_back(token);
            continue;
        }
        std::string name = token;
        std::optional<std::string> inlineValue;
        if (const auto eq = token.find('='); eq != std::string::npos) {
            name = token.substr(0, eq);
            inlineValue = token.substr(eq + 1);
        }
        if (name == "--passphrase" || name == "--password" || name == "--new-passphrase" || name == "--api-key")
            throw UsageError("secrets are never accepted as arguments (they would be visible to other programs); "
                             "use NOTEWARD_PASSPHRASE or --passphrase-file FILE for the passphrase, and "
                             "NOTEWARD_API_KEY or --api-key-file FILE for an API key");
        if (takesValue(name)) {
            if (!inlineValue) {
                if (i + 1 >= argv.size()) throw UsageError(name + " needs a value");
                inlineValue = argv[++i];
            }
            // A repeated option is a typing mistake, not a request for the last value.
            const bool repeated = name == "--vault" ? args.vault.has_value()
                                  : name == "--passphrase-file" ? args.passphraseFile.has_value()
                                                                : args.options.count(name) > 0;
            if (repeated) throw UsageError(name + " is given more than once");
            if (name == "--vault") args.vault = *inlineValue;
            else if (name == "--passphrase-file") args.passphraseFile = *inlineValue;
            else args.options[name] = *inlineValue;
        } else if (isKnownFlag(name)) {
            if (inlineValue) throw UsageError(name + " takes no value");
            if (name == "--json") args.json = true;
            else if (name == "--help") args.help = true;
            else if (name == "--version") args.version = true;
            else args.flags.insert(name);
        } else {
            throw UsageError("unknown option " + name);
        }
    }
    return args;
}

}  // namespace noteward::cli
