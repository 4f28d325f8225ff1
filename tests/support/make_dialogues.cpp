// noteward_make_dialogues --fixtures DIR --out DIR [--held-out]: speaks each labelled
// transcript in DIR as a two-voice dialogue (see dialogue_synthesis.h), for
// `noteward-cli bench speech --dialogues`. Tuning voice pairs by default; --held-out uses the
// pairs the diarizer was never tuned on.

#include "dialogue_synthesis.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv)
{
    std::filesystem::path fixtures, out;
    bool heldOut = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--fixtures" && i + 1 < argc) fixtures = argv[++i];
        else if (a == "--out" && i + 1 < argc) out = argv[++i];
        else if (a == "--held-out") heldOut = true;
        else {
            std::cerr << "usage: noteward_make_dialogues --fixtures DIR --out DIR [--held-out]\n";
            return 2;
        }
    }
    if (fixtures.empty() || out.empty()) {
        std::cerr << "usage: noteward_make_dialogues --fixtures DIR --out DIR [--held-out]\n";
        return 2;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(fixtures))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    const auto pairs = heldOut ? noteward::test::heldOutVoicePairs() : noteward::test::tuningVoicePairs();
    int made = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::ifstream in(files[i]);
        std::stringstream text;
        text << in.rdbuf();
        auto transcript = noteward::core::notes::parseTranscript(text.str());
        if (!transcript || transcript->segments.size() < 2) continue;
        const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
        nlohmann::json extra = nlohmann::json::object();
        if (doc.is_object() && doc.contains("expected")) extra["expected"] = doc["expected"];
        const auto& voices = pairs[i % pairs.size()];
        auto made1 = noteward::test::synthesiseDialogue(out, files[i].stem().string(), transcript.value(), voices, {}, extra);
        if (!made1) {
            std::cerr << files[i].string() << ": " << made1.error().message << '\n';
            return 1;
        }
        ++made;
        std::cout << files[i].stem().string() << " (" << voices.name << ")\n";
    }
    std::cout << made << " dialogues in " << out.string() << '\n';
    return made > 0 ? 0 : 1;
}
