#include "notes/risk_detector.h"

#include "notes/reported_speech.h"
#include "notes/risk_cues.h"
#include "notes/section_cues.h"
#include "notes/text_analysis.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace noteward::core::notes {

namespace {
constexpr std::size_t kMaxEvidencePerStance = 3;

// One thing the session says about a category: what, for which aspect, and where.
struct Observation {
    RiskCategory category;
    RiskAspect aspect;
    RiskStatus stance;
    std::vector<Evidence> evidence;
};

bool startsWith(const std::vector<std::string>& tokens, const Phrase& phrase)
{
    return tokens.size() >= phrase.size() && std::equal(phrase.begin(), phrase.end(), tokens.begin());
}

bool startsWithAny(const std::vector<std::string>& tokens, const std::vector<Phrase>& openers)
{
    return std::any_of(openers.begin(), openers.end(), [&](const Phrase& p) { return startsWith(tokens, p); });
}

bool containsAny(const std::vector<std::string>& tokens, const std::vector<Phrase>& list)
{
    return std::any_of(list.begin(), list.end(), [&](const Phrase& p) { return findPhrase(tokens, p) != npos; });
}

bool anyBefore(const std::vector<std::string>& tokens, std::size_t at, const std::vector<Phrase>& list)
{
    for (const auto& p : list) {
        const std::size_t found = findPhrase(tokens, p);
        if (found != npos && found < at) return true;
    }
    return false;
}

bool isSuicideOrSelfHarm(RiskCategory c)
{
    return c == RiskCategory::SuicidalIdeation || c == RiskCategory::SelfHarmThreats;
}

// Aspects that mean something only beside other signs of suicide risk in the same turn:
// "this weekend", "my kids keep me going" or "I have made up my mind" are not risks on
// their own.
bool needsCompany(RiskAspect a)
{
    // "I'm going to do it", "I've made up my mind": intent only beside signs of the risk.
    return a == RiskAspect::Timeframe || a == RiskAspect::ProtectiveFactors || a == RiskAspect::Intent;
}

const std::vector<Phrase>& accidents()
{
    static const std::vector<Phrase> list = phrases(
        {"on the oven", "on the iron", "on the kettle", "on the hob", "on the stove", "on the pan", "on the grill",
         "making tea", "cooking", "by accident", "accidentally", "eczema", "could hit myself", "could kick myself",
         "could kill myself for", "pinch myself", "at the gym", "playing football", "fell off", "tripped"});
    return list;
}

// "I heat up the end and press it on my arm", "dragged the compass across my wrist": something
// hot or sharp, in the client's turn, put to a part of their body where self-harm is usually
// done, in the client's own words. Read from the parts rather than from one phrasing, so a
// euphemism for the act ("the lighter thing") told in plain words is still read.
bool toolPutToTheBody(const std::vector<std::string>& turn, const std::vector<std::string>& clause,
                      const std::vector<std::string>& sentence)
{
    static const std::vector<Phrase> tools =
        phrases({"lighter", "razor", "razors", "blade", "blades", "cigarette", "cigarettes", "compass", "scissors",
                 "knife", "sharpener", "needle", "pin", "heat up", "heated", "red hot", "nails", "till it marks",
                 "until it marks", "till it goes red", "until it goes red", "till it stings", "till it burns",
                 "till it bleeds", "until it bleeds"});
    // Done by the client: a verb of putting or pressing, an "I" in the sentence, and nobody else
    // acting in the clause ("the nurse put the needle into my arm", "he put his cigarette out on
    // my hand" are not self-harm).
    static const std::vector<std::string_view> doing = {
        "press", "pressed", "pressing", "presses", "hold", "held", "holding", "put", "putting", "dig", "dug", "digging",
        "drag", "dragged", "dragging", "run", "ran", "running", "scrape", "scraped", "scraping", "push", "pushed",
        "pushing", "stub", "stubbed", "stick", "stuck", "jab", "jabbed", "keep", "kept"};
    static const std::vector<std::string_view> self = {"i", "i'd", "i've", "i'm"};
    static const std::vector<std::string_view> third = {"he", "she", "they", "his", "her", "their", "him", "them"};
    static const std::vector<std::string_view> someoneElse = {
        "my", "nurse", "doctor", "dentist", "paramedic", "mum", "dad", "stepdad", "stepmum", "brother",
        "sister", "partner", "boyfriend", "girlfriend", "husband", "wife", "friend", "someone", "somebody"};
    static const std::vector<Phrase> toTheBody = [] {
        std::vector<std::string_view> to = {"on", "into", "against", "across", "onto", "along", "down", "of", "under"};
        std::vector<std::string_view> parts = {"arm", "arms", "wrist", "wrists", "leg", "legs", "thigh", "thighs",
                                               "skin", "stomach", "hip", "hips", "forearm", "forearms", "hand", "hands"};
        std::vector<Phrase> out;
        for (auto t : to)
            for (auto part : parts) out.push_back({std::string(t), "my", std::string(part)});
        return out;
    }();
    const auto has = [](const std::vector<std::string>& ws, const std::vector<std::string_view>& list) {
        return std::any_of(ws.begin(), ws.end(),
                           [&](const std::string& w) { return std::find(list.begin(), list.end(), w) != list.end(); });
    };
    if (!containsAny(clause, toTheBody) || !containsAny(turn, tools) || has(clause, third) || aboutSomeoneElse(clause))
        return false;
    // The one doing it: back from the verb, an "I" before anyone else ("I heat up the end and
    // press it on my arm"); "the nurse put…", "my stepdad used to put…" name no "I" first.
    for (std::size_t v = 0; v < sentence.size(); ++v) {
        if (std::find(doing.begin(), doing.end(), sentence[v]) == doing.end()) continue;
        for (std::size_t at = v; at-- > 0;) {
            if (std::find(self.begin(), self.end(), sentence[at]) != self.end()) return true;
            if (std::find(third.begin(), third.end(), sentence[at]) != third.end() ||
                std::find(someoneElse.begin(), someoneElse.end(), sentence[at]) != someoneElse.end())
                break;
        }
    }
    return false;
}

// "Hoping a lorry on the M62 drifts into my lane", "If the good Lord saw fit to take me one
// night, I shan't be putting up much of a fight", "I wouldn't mind if I went in my sleep": a
// death the client would welcome, from the road, an illness or God rather than by their own
// hand. People tell a passive wish to die this way far more often than in so many words, so it
// is read from its parts: a welcoming word, and a death that comes to the client.
bool welcomesOwnDeath(const std::vector<std::string>& sentence)
{
    static const std::vector<Phrase> welcoming =
        phrases({"hoping", "i hope", "i'd hope", "wish", "wishing", "wished", "praying", "i pray", "wouldn't mind",
                 "would not mind", "wouldn't care", "wouldn't be sorry", "shan't be putting up", "won't be putting up",
                 "wouldn't put up", "wouldn't be putting up", "wouldn't fight", "won't fight", "shan't fight",
                 "not put up much of a fight", "i'd welcome", "i'd welcome it", "let it happen", "let it take me"});
    // From God: "take me", "took me", with God or the night named. "Take me home" and "take me
    // up" are how the faithful say it; "take me out", "took me seriously", "take me home from
    // the party" are not.
    static const std::vector<Phrase> godTakes = phrases({"take me", "took me", "takes me", "taken me", "call me home"});
    static const std::vector<std::string_view> notDeath = {"out", "seriously", "for", "on", "off", "back", "round",
                                                           "with", "somewhere", "through"};
    static const std::vector<std::string_view> godWords = {"lord", "god", "jesus", "upstairs", "heaven", "in my sleep"};
    // From the road: a vehicle, coming to the client.
    static const std::vector<std::string_view> vehicles = {"lorry", "bus", "car", "truck", "van", "train", "tram",
                                                           "plane", "motorbike", "artic"};
    static const std::vector<Phrase> comingToMe =
        phrases({"hit me", "hits me", "hitting me", "into my lane", "into me", "into my car", "run me over",
                 "ran me over", "runs me over", "knock me down", "knocks me down", "knocked me down", "went down with me",
                 "goes down with me", "come off the road", "came off the road", "wipe me out", "wiped me out",
                 "get hit by", "got hit by", "be hit by"});
    // From the body, the night or chance.
    static const std::vector<Phrase> fromTheBody =
        phrases({"went in my sleep", "go in my sleep", "die in my sleep", "died in my sleep", "heart gave out",
                 "got cancer", "get cancer", "the cancer came back", "i don't wake up", "i didn't wake up",
                 "i won't wake up", "i never wake up", "i wouldn't wake up", "i just don't wake up", "i'd not wake up",
                 "not to wake up", "something happens to me", "something happened to me", "something would happen to me",
                 "just die", "i'd die", "heart attack in my sleep", "my heart would stop $", "my heart would just stop $"});
    // Between the hope and the death: a negation or a doubt makes it a fear ("I hope it doesn't
    // hit me", "praying I haven't got cancer", "I wish I could stop checking whether…").
    static const std::vector<std::string_view> notSo = {"not", "don't", "doesn't", "didn't", "won't", "never",
                                                        "nothing", "no", "isn't", "wasn't", "hadn't", "haven't",
                                                        "wouldn't", "whether", "stop", "stopped", "if"};
    const auto at = [&](const std::vector<Phrase>& list) {
        std::size_t best = npos;
        for (const Phrase& p : list) best = std::min(best, findPhrase(sentence, p));
        return best;
    };
    std::size_t welcome = npos;
    for (std::size_t k = 0; k < sentence.size() && welcome == npos; ++k)
        for (const Phrase& p : welcoming)
            if (k + p.size() <= sentence.size() && std::equal(p.begin(), p.end(), sentence.begin() + static_cast<std::ptrdiff_t>(k)) &&
                !negatedAt(sentence, k)) {
                welcome = k;
                break;
            }
    if (welcome == npos) return false;
    const auto has = [&](std::string_view w) {
        // "God knows I need one" is a figure of speech; another "God" in the sentence is not.
        if (w == "god") {
            const auto count = [&](std::string_view phrase) {
                const auto p = words(phrase);
                std::size_t n = 0;
                for (std::size_t k = 0; k + p.size() <= sentence.size(); ++k)
                    n += std::equal(p.begin(), p.end(), sentence.begin() + static_cast<std::ptrdiff_t>(k)) ? 1u : 0u;
                return n;
            };
            return count("god") > count("god knows");
        }
        return findPhrase(sentence, words(w)) != npos;
    };
    // Where the death comes: the first of the ways it might.
    std::size_t death = npos;
    if (const std::size_t g = at(godTakes);
        g != npos && std::any_of(godWords.begin(), godWords.end(), has) &&
        !(g + 2 < sentence.size() && std::find(notDeath.begin(), notDeath.end(), sentence[g + 2]) != notDeath.end()) &&
        !(g + 3 < sentence.size() && (sentence[g + 2] == "home" || sentence[g + 2] == "up") &&
          (sentence[g + 3] == "from" || sentence[g + 3] == "to") && !has("heaven")))
        death = g;
    if (std::any_of(vehicles.begin(), vehicles.end(), has)) death = std::min(death, at(comingToMe));
    death = std::min(death, at(fromTheBody));
    if (death == npos) return false;
    // "Wouldn't mind", "shan't be putting up a fight" carry their own negation, and may come
    // after the death ("If the good Lord saw fit to take me…, I shan't be putting up much of a
    // fight"); a hope or a wish comes first, with nothing undoing it or naming someone else
    // before the death ("hoping Nan slipped away peacefully").
    const bool ownNegation = sentence[welcome].find("n't") != std::string::npos || sentence[welcome] == "would" ||
                             sentence[welcome] == "not";
    if (ownNegation) return true;
    if (death < welcome) return false;
    for (std::size_t k = welcome + 1; k < death; ++k)
        if (std::find(notSo.begin(), notSo.end(), sentence[k]) != notSo.end() || namesSomeoneElse(sentence[k])) return false;
    return true;
}

// Medicines people keep or take too many of, by name or kind.
const std::vector<Phrase>& medicineWords()
{
    static const std::vector<Phrase> list =
        phrases({"tablets", "pills", "paracetamol", "co-codamol", "codeine", "tramadol", "diazepam", "morphine",
                 "painkillers", "sleeping tablets", "antidepressants", "sertraline", "citalopram", "fluoxetine",
                 "mirtazapine", "amitriptyline", "insulin", "zopiclone", "pregabalin", "gabapentin", "meds",
                 "medication", "aspirin", "ibuprofen"});
    return list;
}

// "Took a load of her sleeping tablets on Tuesday", "swallowed a whole packet of paracetamol":
// taking a quantity of medicine is an overdose, however it is put.
bool tookAQuantityOfMedicine(const std::vector<std::string>& clause)
{
    static const std::vector<std::string_view> taking = {"took", "taken", "swallowed", "downed", "taking"};
    static const std::vector<Phrase> amounts =
        phrases({"a load of", "a handful of", "a whole", "loads of", "a packet of", "a box of", "a bottle of",
                 "the lot", "the whole", "a strip of", "two packets", "a few packets", "double my", "triple my"});
    const std::vector<Phrase>& medicine = medicineWords();
    // The client took it: an "I" a few words before the verb ("I literally took", "I must have
    // taken", "I ended up taking"), or the verb opening the clause; never someone else ("My
    // sister took a handful…", "Priya took…"), nor a routine dose ("I have to take a load of
    // tablets for my heart", "every morning"), nor medicine carried somewhere ("took a box of
    // tablets round to my nan's").
    static const std::vector<std::string_view> self = {"i", "i've", "i'd"};
    static const std::vector<Phrase> routine = phrases({"have to", "every morning", "every day", "every night",
                                                        "for my heart", "for my back", "for my pain", "just to get through"});
    if (containsAny(clause, routine)) return false;
    static const std::vector<std::string_view> carried = {"round", "to", "over", "back", "in", "into", "out", "for"};
    for (std::size_t v = 0; v < clause.size(); ++v) {
        if (std::find(taking.begin(), taking.end(), clause[v]) == taking.end()) continue;
        bool mine = v == 0;
        for (std::size_t back = v; back-- > 0 && back + 4 >= v && !mine;) {
            if (std::find(self.begin(), self.end(), clause[back]) != self.end()) mine = true;
            else if (namesSomeoneElse(clause[back])) break;
        }
        if (!mine || negatedAt(clause, v) || (v > 0 && (clause[v - 1] == "stopped" || clause[v - 1] == "stop"))) continue;
        const std::vector<std::string> rest(clause.begin() + static_cast<std::ptrdiff_t>(v), clause.end());
        for (const Phrase& amount : amounts) {
            const std::size_t a = findPhrase(rest, amount);
            if (a == npos) continue;
            for (const Phrase& m : medicine) {
                const std::size_t found = findPhrase(rest, m);
                if (found == npos || found < a + amount.size() || found > a + amount.size() + 5) continue;
                const std::size_t after = found + m.size();
                if (after < rest.size() && std::find(carried.begin(), carried.end(), rest[after]) != carried.end()) continue;
                return true;
            }
        }
    }
    return false;
}

// A reason to live that is lost, doubted, waited out or not yet overcome ("I've run out of
// reasons to live", "my dog needs me, well, he was put down", "I've got my kids this weekend so
// it won't be till after", "the only thing holding me back is I haven't found the right place
// yet", "I have my husband, but he's the reason I want to die") protects nothing.
bool protectsNothing(const std::vector<std::string>& said)
{
    static const std::vector<Phrase> notProtecting =
        phrases({"run out of", "ran out of", "don't care", "didn't care", "put down", "passed away", "died",
                 "won't be till", "till after", "until after", "whenever", "wait till", "waiting till", "waiting until",
                 "once she's gone", "once he's gone", "no longer", "used to be", "haven't found", "not found the",
                 "the right place", "the right time", "the reason i", "reason i want", "why i want"});
    return containsAny(said, notProtecting);
}

// The clauses of a sentence in the client's own voice: reported speech cut off, clauses about
// someone else left out; `history` when the sentence speaks of the past.
struct OwnClauses {
    std::string_view text;  // the sentence up to any reported speech
    bool history = false;
    std::vector<std::vector<std::string>> clauses;
};

OwnClauses ownClausesOf(std::string_view sentence)
{
    OwnClauses out;
    const std::size_t reported = reportedSpeechStart(sentence);
    const std::string_view own = reported == kNoReportedSpeech ? sentence : sentence.substr(0, reported);
    out.text = own;
    out.history = speaksOfThePast(words(own));
    for (const Span& clauseSpan : splitClauses(own)) {
        auto tokens = words(clauseSpan.of(own));
        if (!aboutSomeoneElse(tokens)) out.clauses.push_back(std::move(tokens));
    }
    return out;
}

// A sentence that opens with a quote and then names who said it ("'Life's not worth living.' My
// sister kept saying that.", "\"I'm done.\" That's what Dean texted."): where the quote ends
// (one past its closing mark), or 0 when the sentence is not so.
std::size_t quoteAttributedAfter(std::string_view sentence)
{
    std::size_t open = 0;
    std::string_view closing;
    if (sentence.starts_with("'")) open = 1, closing = "'";
    else if (sentence.starts_with("\"")) open = 1, closing = "\"";
    else if (sentence.starts_with("\u2018")) open = 3, closing = "\u2019";
    else if (sentence.starts_with("\u201c")) open = 3, closing = "\u201d";
    if (open == 0) return 0;
    // The closing mark comes after a stop or a comma ("…myself.' That's", "…on,' she said"):
    // an apostrophe inside a word ("Life's") is none.
    std::size_t close = std::string_view::npos;
    for (std::size_t at = sentence.find(closing, open); at != std::string_view::npos; at = sentence.find(closing, at + 1)) {
        const char before = sentence[at - 1];
        if (before == '.' || before == '!' || before == '?' || before == ',') {
            close = at + closing.size();
            break;
        }
    }
    if (close == std::string_view::npos || close >= sentence.size()) return 0;
    const std::string_view after = sentence.substr(close);
    const auto rest = words(after);
    static const std::vector<std::string_view> speaking = {"said", "saying", "says", "say", "wrote", "writes", "texted",
                                                           "told", "posted", "messaged", "shouted", "screamed"};
    bool says = false;
    for (std::size_t k = 0; k < rest.size(); ++k) {
        if (std::find(speaking.begin(), speaking.end(), rest[k]) == speaking.end()) continue;
        // "That's what I told her": the client's own words, quoted by the client.
        if ((k >= 1 && rest[k - 1] == "i") || (k >= 2 && rest[k - 2] == "i")) return 0;
        says = true;
    }
    if (!says) return 0;
    // Someone else named: "my sister", "she", "Mum", or a capitalised name after the first word
    // ("That's what Dean texted").
    const bool relation = std::any_of(rest.begin(), rest.end(), [](const std::string& w) { return namesSomeoneElse(w); });
    bool name = false;
    for (std::size_t space = after.find(' ', after.find_first_not_of(' ')); space != std::string_view::npos && !name;
         space = after.find(' ', space + 1)) {
        // Every word after the first (the count may run past the end: substr stops there).
        const std::string_view word = after.substr(space + 1, after.find(' ', space + 1) - space - 1);
        name = !word.empty() && std::isupper(static_cast<unsigned char>(word[0])) && word != "I" && !word.starts_with("I'");
    }
    return relation || name ? close : 0;
}

// Words of acting on it: a time beside them is when ("I'll do it after the party", "It'll be
// tonight").
const std::vector<Phrase>& actingWords()
{
    static const std::vector<Phrase> acting =
        phrases({"do it", "doing it", "take them", "take the", "end it", "go through with", "act on", "that's when",
                 "it'll be", "the plan is", "plan to", "planning to", "picked a date", "chosen a date", "set a date",
                 "kill myself", "end my life"});
    return acting;
}

// What the client's own words in one segment say, clause by clause: disclosures, their own
// denials ("I'm not suicidal"), and history. Someone else's reported words, hypotheticals
// and text addressed to a machine are skipped.
std::vector<Observation> clientObservations(const Segment& segment, bool suicideContextBefore, bool suicideAsked)
{
    std::vector<Observation> found;
    const auto turn = words(segment.text);
    // Someone else's quoted words ("he said, "I am done. I don't want to wake up any more."",
    // a song's chorus) are blanked out: they are theirs, in every sentence they run over.
    std::string mine = withOthersQuotesBlanked(segment.text);
    const auto instructions = instructionSpans(segment.text);
    for (const Span& sentenceSpan : splitSentences(segment.text)) {
        std::string_view sentence = sentenceSpan.of(segment.text);
        if (std::any_of(instructions.begin(), instructions.end(), [&](const Span& s) { return s.begin == sentenceSpan.begin; })) {
            // Text for the machine is not read; a disclosure in the same sentence is ("Please
            // don't write that down, but I cut myself again on Friday."). Only the clauses that
            // carry the instruction are set aside, or the whole sentence when none does alone
            // (or it runs on inside an instruction's quote).
            const auto clauses = splitClauses(sentence);
            const bool alone = looksLikeInstruction(sentence) &&
                               std::any_of(clauses.begin(), clauses.end(),
                                           [&](const Span& c) { return looksLikeInstruction(c.of(sentence)); });
            if (!alone) continue;
            for (const Span& c : clauses)
                if (looksLikeInstruction(c.of(sentence)))
                    std::fill(mine.begin() + static_cast<std::ptrdiff_t>(sentenceSpan.begin + c.begin),
                              mine.begin() + static_cast<std::ptrdiff_t>(sentenceSpan.begin + c.end), ' ');
        }
        // A quote whose speaker is named after it ("'I want to kill myself.' That's what my
        // sister said.") is theirs too.
        if (const std::size_t close = quoteAttributedAfter(sentence); close != 0)
            std::fill(mine.begin() + static_cast<std::ptrdiff_t>(sentenceSpan.begin),
                      mine.begin() + static_cast<std::ptrdiff_t>(sentenceSpan.begin + close), ' ');
        // Only what the client says in their own voice.
        const auto own = ownClausesOf(sentenceSpan.of(mine));
        const bool history = own.history;
        // Read over the whole sentence: the welcome and the death may sit in different clauses.
        if (const auto said = words(own.text); welcomesOwnDeath(said) && !containsAny(said, hypotheticalMarkers()))
            found.push_back({RiskCategory::SuicidalIdeation, RiskAspect::Ideation,
                             history ? RiskStatus::Historical : RiskStatus::Present,
                             {{segment.id, std::string(sentence), std::nullopt}}});
        for (const auto& tokens : own.clauses) {
            if (((toolPutToTheBody(turn, tokens, words(sentence)) && !containsAny(words(sentence), accidents())) ||
                 (tookAQuantityOfMedicine(tokens) &&
                  !containsAny(tokens, phrases({"by mistake", "by accident", "accidentally", "as prescribed"})))) &&
                !containsAny(tokens, hypotheticalMarkers()))
                found.push_back({RiskCategory::SelfHarmThreats, RiskAspect::Ideation,
                                 history ? RiskStatus::Historical : RiskStatus::Present,
                                 {{segment.id, std::string(sentence), std::nullopt}}});
            // "I wouldn't do anything, though.", "Not that I'd do anything.": that they would not
            // act, said unasked, denies intent; an aspect only, never the thoughts (and kept only
            // where suicide is being talked about: see the end).
            static const std::vector<Phrase> wouldNotAct =
                phrases({"wouldn't do anything", "would never do anything", "i'd never do anything", "i'd never actually do",
                         "i'd not do anything", "not that i'd do anything", "not going to do anything", "wouldn't act on it",
                         "won't act on it", "never act on it", "i'd never do it", "i wouldn't do it", "never go through with",
                         "wouldn't go through with", "not like i'm going to do anything"});
            if (!history && containsAny(tokens, wouldNotAct) && !containsAny(tokens, hypotheticalMarkers()))
                found.push_back({RiskCategory::SuicidalIdeation, RiskAspect::Intent, RiskStatus::Denied,
                                 {{segment.id, std::string(sentence), std::nullopt}}});
            for (const CueFamily& family : clientCues()) {
                for (const Phrase& cue : family.phrases) {
                    const std::size_t at = findPhrase(tokens, cue);
                    if (at == npos) continue;
                    if (anyBefore(tokens, at, hypotheticalMarkers())) break;
                    // "Burnt my arm on the oven door", "I could hit myself for forgetting": an
                    // accident or a figure of speech, not self-harm.
                    if (family.category == RiskCategory::SelfHarmThreats && containsAny(words(sentence), accidents()))
                        break;
                    // "I'm going to end it with Dave": a relationship, not a life.
                    if (family.category == RiskCategory::SuicidalIdeation && at + cue.size() < tokens.size() &&
                        tokens[at + cue.size()] == "with")
                        break;
                    // A reason to live that is lost, doubted or waited out ("I've run out of
                    // reasons to live", "my dog needs me, well, he was put down", "I've got my
                    // kids this weekend so it won't be till after") protects nothing.
                    if (family.aspect == RiskAspect::ProtectiveFactors && protectsNothing(words(own.text))) break;
                    RiskCategory category = family.category;
                    // Doubt about the therapy is a rupture in the alliance, not hopelessness about life.
                    if (category == RiskCategory::Hopelessness && containsAny(words(sentence), therapyWords()))
                        category = RiskCategory::AllianceRupture;
                    RiskStatus stance = history ? RiskStatus::Historical : RiskStatus::Present;
                    if (negatedAt(tokens, at)) {
                        // "I'm not suicidal": a denial in the client's own words, of suicidal or
                        // self-harm ideation only. A negated plan says nothing either way, and
                        // elsewhere a negation is as often the complaint ("I don't see the point
                        // of coming here") as its denial.
                        if (family.aspect != RiskAspect::Ideation || history || !isSuicideOrSelfHarm(category)) break;
                        stance = RiskStatus::Denied;
                    }
                    found.push_back({category, family.aspect, stance,
                                     {{segment.id, std::string(sentence), std::nullopt}}});
                    break;
                }
            }
        }
    }
    // A time in a sentence about the week's arrangements ("I have the kids this weekend. But
    // they'd be better off without me.", "I'm going to see my mum tonight.") is not when they
    // would act, unless that sentence also says they would ("…and then I'll do it"). Any other
    // time beside a sign of the risk stays: a clinician would rather read one too many.
    static const std::vector<Phrase> arrangements =
        phrases({"have the kids", "got the kids", "have the children", "got the children", "having the kids",
                 "seeing my", "visiting my", "going to see", "going to visit", "coming over", "coming round",
                 "coming to stay", "at work", "working", "my shift", "appointment", "party", "wedding", "on holiday",
                 "going away", "the match", "the football"});
    const std::vector<Phrase>& acting = actingWords();
    static const std::vector<Phrase> tying = phrases({"after", "till", "until", "once", "before", "wait", "then"});
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&](const Observation& o) {
                                   if (o.category != RiskCategory::SuicidalIdeation || o.aspect != RiskAspect::Timeframe ||
                                       o.evidence.empty())
                                       return false;
                                   const std::string& sentence = o.evidence.front().quote;
                                   const auto said = words(sentence);
                                   const bool signBeside = std::any_of(found.begin(), found.end(), [&](const Observation& other) {
                                       return other.category == RiskCategory::SuicidalIdeation && !needsCompany(other.aspect) &&
                                              other.stance != RiskStatus::Denied && !other.evidence.empty() &&
                                              other.evidence.front().quote == sentence;
                                   });
                                   // The act may be said in the sentence before ("I'm going to do
                                   // it. After the party this weekend."), or tied to the event
                                   // ("I'll wait till after my appointment next week").
                                   return containsAny(said, arrangements) && !signBeside && !containsAny(turn, acting) &&
                                          !containsAny(said, tying);
                               }),
                found.end());
    // A timeframe or a protective factor counts only beside another sign in the same turn or
    // the turns just before it.
    const bool company = std::any_of(found.begin(), found.end(), [](const Observation& o) {
        return o.category == RiskCategory::SuicidalIdeation && !needsCompany(o.aspect) && o.stance != RiskStatus::Denied;
    });
    // What holds them back counts in an answer to a question about suicide too, or beside a
    // denial ("No, I'd never do that to our Susan."): protective factors are weighed whenever
    // the risk is assessed. A time needs a sign of the risk itself.
    const bool assessed = suicideAsked || std::any_of(found.begin(), found.end(), [](const Observation& o) {
        return o.category == RiskCategory::SuicidalIdeation && !needsCompany(o.aspect);
    });
    if (!company && !suicideContextBefore)
        found.erase(std::remove_if(found.begin(), found.end(),
                                   [&](const Observation& o) {
                                       return o.aspect == RiskAspect::Timeframe || o.aspect == RiskAspect::Intent ||
                                              (o.aspect == RiskAspect::ProtectiveFactors && !assessed);
                                   }),
                    found.end());
    return found;
}

bool asksAboutSuicide(const std::vector<std::string>& tokens)
{
    return std::any_of(questionCues().begin(), questionCues().end(), [&](const QuestionFamily& f) {
        return f.category == RiskCategory::SuicidalIdeation && f.aspect == RiskAspect::Ideation &&
               containsAny(tokens, f.phrases);
    });
}

bool asksAboutSelfHarm(const std::vector<std::string>& tokens)
{
    static const std::vector<Phrase> topic = phrases({"cutting", "cut", "self-harm", "self harm", "hurting yourself",
                                                      "harming yourself", "burning"});
    return containsAny(tokens, topic);
}

// A turn that names self-harm as such ("the cutting", "your scars", "harming yourself"), not
// just a word that may mean something else ("cut back").
bool namesSelfHarm(const std::vector<std::string>& turn)
{
    static const std::vector<Phrase> named = phrases({"the cutting", "your cutting", "the self-harm", "the burning",
                                                      "the scars", "your scars", "the marks", "hurting yourself",
                                                      "harming yourself", "self-harm", "self harm", "cut yourself"});
    return containsAny(turn, named);
}

struct Question {
    const QuestionFamily* family;
    Span sentence;
    // Another question about something else follows it in the turn ("Is that still how you
    // feel? And is your sleep any better?"): its "no" may answer that one, so it denies nothing.
    bool followedByOther = false;
};

// The question family for a category and aspect, and for which answer is the disclosure.
const QuestionFamily* familyOf(RiskCategory category, RiskAspect aspect, bool yesMeansPresent)
{
    for (const QuestionFamily& f : questionCues())
        if (f.category == category && f.aspect == aspect && f.yesMeansPresent == yesMeansPresent) return &f;
    return nullptr;
}

// "How likely are you to act on it, nought to ten?" "A seven.": a rating above nought
// affirms intent; "Zero." denies it.
std::optional<bool> ratingIn(const std::vector<std::string>& answer)
{
    static const std::vector<std::string_view> above = {"one", "two", "three", "four", "five", "six", "seven", "eight",
                                                        "nine", "ten", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
    static const std::vector<std::string_view> nought = {"zero", "nought", "nil", "0"};
    // Said as a rating ("a seven", "maybe a five.", "Three out of ten"), not a count ("two kids").
    static const std::vector<std::string_view> before = {"a", "maybe", "about", "like", "probably", "around", "say",
                                                         "is", "it's", "at", "honestly"};
    static const std::vector<std::string_view> after = {"out", "or", "maybe", "probably", "i", "at", "on", "now",
                                                        "tops", "max", "today", "tonight"};
    auto in = [](const std::vector<std::string_view>& list, const std::string& w) {
        return std::find(list.begin(), list.end(), w) != list.end();
    };
    for (std::size_t k = 0; k < answer.size(); ++k) {
        const bool isAbove = in(above, answer[k]);
        if (!isAbove && !in(nought, answer[k])) continue;
        const bool framed = (k == 0 || in(before, answer[k - 1])) && (k + 1 == answer.size() || in(after, answer[k + 1]));
        if (framed) return isAbove;
    }
    return std::nullopt;
}

// What a method is carried out with: named in the answer to "have you thought about how?",
// it is the means too ("the tow rope in the back of the van").
bool namesAMeans(const std::vector<std::string>& answer)
{
    static const std::vector<Phrase> means = phrases({"rope", "tablets", "pills", "paracetamol", "painkillers",
                                                      "sleeping tablets", "knife", "knives", "blade", "blades",
                                                      "razor", "gun", "shotgun", "ligature", "belt", "cord", "cable",
                                                      "hosepipe", "beam", "insulin", "co-codamol", "codeine",
                                                      "antifreeze", "bleach", "exhaust", "charcoal",
                                                      // A height or a line the client can reach.
                                                      "multi-storey", "car park", "top deck", "roof", "cliff",
                                                      "cliffs", "bridge", "railway", "train line", "tracks",
                                                      "motorway"});
    return containsAny(answer, means);
}

// "Do you have…", "Is there … at home?": with a method named (namesAMeans).
bool asksWhetherToHand(const std::vector<std::string>& question)
{
    static const std::vector<Phrase> having = phrases({"do you have", "have you got", "is there", "are there",
                                                       "at home", "in the house", "in the flat", "to hand",
                                                       "do you keep", "got any"});
    return containsAny(question, having) && namesAMeans(question);
}

// Words of a risk in themselves: a method, self-harm, drink or drugs, or doubt about living.
bool holdsARisk(const std::vector<std::string>& answer)
{
    static const std::vector<Phrase> risky = phrases({"drunk", "drinking", "drink", "vodka", "wine", "weed", "drugs",
                                                      "cutting", "cut", "burning", "doubts", "wonder whether",
                                                      "not sure i want", "methods", "method"});
    return namesAMeans(answer) || containsAny(answer, risky) ||
           std::any_of(clientCues().begin(), clientCues().end(), [&](const CueFamily& c) {
               return (c.category == RiskCategory::SuicidalIdeation || c.category == RiskCategory::SelfHarmThreats) &&
                      c.aspect != RiskAspect::ProtectiveFactors && containsAny(answer, c.phrases);
           });
}

// A question whether the client did the work set last time, however it is put ("how did we
// get on with those?", "did you get a chance to have a go?"): a question about doing, in a
// turn that names the work or looks back to when it was set.
// A turn that names the work set last time: the homework, the diary, "the practice from last
// week", "we said we'd".
bool namesTheWorkSet(const std::vector<std::string>& turn)
{
    static const std::vector<Phrase> work = phrases({"homework", "diary", "thought record", "thought records",
                                                     "worksheet", "experiment", "task", "the exercise", "schedule",
                                                     "we said we'd", "you said you'd", "we agreed", "you agreed",
                                                     "last week we", "last time we", "the plan was", "sheet",
                                                     "practice from last week", "from last week"});
    return containsAny(turn, work);
}

bool asksAboutWorkSet(const std::vector<std::string>& turn, const std::vector<std::string>& question)
{
    static const std::vector<Phrase> doing = phrases({"did you", "did we", "have you", "get on", "got on", "manage",
                                                      "managed", "have a go", "get a chance", "get round",
                                                      "get around", "how was it", "how did", "how'd", "go with",
                                                      "able to", "did that", "did it", "look-in", "look in",
                                                      "any joy", "where did we get to"});
    // A question about suicide or self-harm, or the safety plan, is never one about homework
    // ("We agreed a safety plan: did you need to use it?" "No, thankfully.").
    static const std::vector<Phrase> notHomework = phrases({"safety plan", "crisis line", "crisis team"});
    if (asksAboutSuicide(question) || asksAboutSelfHarm(question) || containsAny(turn, notHomework)) return false;
    return namesTheWorkSet(turn) && containsAny(question, doing);
}

// What a therapist's turn asks about. The category may come from anywhere in the turn (a
// read-back such as "'I want to kill myself.' Is that still how you feel?"); the aspect from
// the question itself, so "any plans to end your life?" asks about a plan.
// The therapist's words as the client would say them ("you said you wanted to die" → "i said i
// wanted to die", "better off without you" → "better off without me"), to read them with the
// client's cues.
std::vector<std::string> inFirstPerson(std::vector<std::string> tokens)
{
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        std::string& w = tokens[k];
        if (w == "your") w = "my";
        else if (w == "yourself") w = "myself";
        else if (w == "you're") w = "i'm";
        else if (w == "you've") w = "i've";
        else if (w == "you'd") w = "i'd";
        else if (w == "you'll") w = "i'll";
        else if (w == "you") w = k == 0 || tokens[k - 1] == "and" || tokens[k - 1] == "that" || tokens[k - 1] == "if" ||
                                         tokens[k - 1] == "because" || tokens[k - 1] == "said" || tokens[k - 1] == "when"
                                     ? "i"
                                     : "me";
    }
    return tokens;
}

// Whether a read-back names the risk as the client's: some match of `cues` whose nearest
// subject before it is not someone else ("your brother sent messages that sounded like he
// wanted to die" is his; "your mum rang because you'd told her you wanted to die" is the
// client's).
bool readsBackTheClients(const std::vector<std::string>& turn, const std::vector<Phrase>& cues)
{
    static const std::vector<std::string_view> theirs = {"he", "she", "they", "he'd", "she'd", "they'd", "he's",
                                                         "she's", "they're", "he'll", "she'll", "his", "their"};
    static const std::vector<std::string_view> clients = {"you", "you'd", "you've", "you're", "you'll", "your",
                                                          "i", "i'd", "i've", "i'm", "i'll", "my", "me"};
    static const std::vector<std::string_view> telling = {"tell", "told", "telling", "tells"};
    static const std::vector<std::string_view> saying = {"said", "says", "say", "told", "tell", "telling", "thinks",
                                                         "thought", "felt", "feels", "feel", "reckons", "wrote", "texted",
                                                         "talking", "talked", "mentioned"};
    const auto isClientWord = [&](const std::string& w) {
        return std::find(clients.begin(), clients.end(), w) != clients.end() && w != "your" && w != "my";
    };
    // The subject of the verb at `v`, past "keep", "used to", "always", "been"…
    static const std::vector<std::string_view> between = {"keep", "kept", "keeps", "always", "often", "still", "just",
                                                          "also", "to", "used", "been", "have", "has", "ever", "never"};
    const auto subjectOf = [&](std::size_t v) -> std::string {
        for (std::size_t k = v; k-- > 0 && k + 5 >= v;)
            if (std::find(between.begin(), between.end(), turn[k]) == between.end()) return turn[k];
        return {};
    };
    for (const Phrase& cue : cues)
        for (std::size_t from = 0; from < turn.size();) {
            const std::vector<std::string> rest(turn.begin() + static_cast<std::ptrdiff_t>(from), turn.end());
            const std::size_t found = findPhrase(rest, cue);
            if (found == npos) break;
            const std::size_t at = from + found;
            from = at + 1;
            // "Your ex used to tell you to go and kill yourself": an order given, not a wish.
            bool ordered = false;
            for (std::size_t k = at >= 6 ? at - 6 : 0; k + 2 < at && !ordered; ++k)
                ordered = std::find(telling.begin(), telling.end(), turn[k]) != telling.end() &&
                          (turn[k + 1] == "me" || turn[k + 1] == "you") && turn[k + 2] == "to";
            if (ordered) continue;
            // Who said it, when the read-back says ("you said…", "your mum said…").
            std::optional<bool> saidByClient;
            for (std::size_t v = at; v-- > 1 && v + 8 >= at && !saidByClient;)
                if (std::find(saying.begin(), saying.end(), turn[v]) != saying.end()) saidByClient = isClientWord(subjectOf(v));
            // A wish about the client ("better off without me"): the one who said it holds it
            // ("you said your family would be better off without you" is the client's; "your
            // mum said the family would be…" is hers).
            const bool aboutTheClient = std::any_of(cue.begin(), cue.end(), [](const std::string& w) {
                return w == "me" || w == "myself" || w == "i";
            });
            if (aboutTheClient) {
                if (saidByClient.value_or(true)) return true;
                continue;
            }
            // Otherwise the subject just before it ("you've been talking about wanting to die";
            // "your brother's been suicidal"), else whoever said it, else the client.
            std::optional<bool> subjectIsClient;
            for (std::size_t back = at; back-- > 0 && back + 5 >= at && !subjectIsClient;) {
                if (isClientWord(turn[back])) subjectIsClient = true;
                else if (std::find(theirs.begin(), theirs.end(), turn[back]) != theirs.end() || namesSomeoneElse(turn[back]))
                    subjectIsClient = false;
            }
            // Someone else's subject is theirs ("your brother's been suicidal"); the client's
            // subject is the client's unless someone else said it to them ("your ex used to say
            // you'd be better off dead").
            if (subjectIsClient == std::optional(false)) continue;
            if (saidByClient.value_or(true)) return true;
        }
    return false;
}

std::vector<Question> questionsIn(const Segment& segment, bool suicideContext)
{
    std::vector<Question> asked;
    const auto turn = words(segment.text);
    const auto sentences = splitSentences(segment.text);
    std::vector<std::size_t> unmatched;  // questions of the turn about none of the risks
    // The turn's last question is the one its answer answers.
    std::size_t lastQuestion = 0;
    for (const Span& span : sentences)
        if (span.of(segment.text).find('?') != std::string_view::npos) lastQuestion = span.begin;
    for (const Span& span : sentences) {
        const std::string_view sentence = span.of(segment.text);
        if (sentence.find('?') == std::string_view::npos) continue;
        const auto tokens = words(sentence);
        std::vector<RiskCategory> seen;
        bool aspectAsked = false;
        for (const QuestionFamily& family : questionCues()) {
            if (std::find(seen.begin(), seen.end(), family.category) != seen.end()) continue;
            const bool inQuestion = containsAny(tokens, family.phrases);
            // "How are you finding our sessions? Anything I'm doing that doesn't sit right?"
            // "No.": a question whose "no" is the disclosure is read so only when nothing is
            // asked after it in the turn.
            bool applies = inQuestion && (family.yesMeansPresent || span.begin == lastQuestion);
            const bool suicideOrSelfHarm = isSuicideOrSelfHarm(family.category);
            if (suicideOrSelfHarm && (family.aspect != RiskAspect::Ideation || !family.yesMeansPresent))
                // An aspect question, or one whose "no" is the disclosure ("have those thoughts
                // gone away?"), needs the topic: in this turn, or just before it.
                applies = inQuestion && (suicideContext || asksAboutSuicide(turn) || asksAboutSelfHarm(turn));
            // "Is there anything at home you could use to hurt yourself?" asks about means:
            // its "no" denies the means, not the thoughts.
            if (applies && family.aspect != RiskAspect::Ideation) aspectAsked = true;
            else if (aspectAsked && suicideOrSelfHarm) continue;
            static const std::vector<Phrase> checksBack =
                phrases({"still", "feel like that", "feel that way", "how you feel", "the case", "true", "that right",
                         "these days", "at the moment"});
            // A question that checks back, or the turn's last question when it is short enough
            // to have no topic of its own ("Is that right?"): not "…have a look, is that
            // alright?" before "Do you ever have thoughts of killing yourself?", nor "And is your
            // sleep any better?" after "Is that still how you feel?".
            const bool checksBackHere =
                containsAny(tokens, checksBack) || (span.begin == lastQuestion && tokens.size() <= 5);
            if (!applies && family.category == RiskCategory::SuicidalIdeation && family.aspect == RiskAspect::Ideation &&
                family.yesMeansPresent && checksBackHere)
                // "Is that still how you feel?" after reading back the client's words; not after
                // reading back what someone else did ("your brother sent messages that sounded
                // like he wanted to die … Is that right?").
                applies = readsBackTheClients(turn, family.phrases) ||
                          std::any_of(clientCues().begin(), clientCues().end(), [&](const CueFamily& c) {
                              return c.category == RiskCategory::SuicidalIdeation && c.aspect == RiskAspect::Ideation &&
                                     readsBackTheClients(inFirstPerson(turn), c.phrases);
                          });
            if (!applies) continue;
            asked.push_back({&family, span});
            seen.push_back(family.category);
        }
        // "Do you have paracetamol in the flat?": a question whether a method is to hand asks
        // about the means.
        if (std::find(seen.begin(), seen.end(), RiskCategory::SuicidalIdeation) == seen.end() &&
            (suicideContext || asksAboutSuicide(turn)) && asksWhetherToHand(tokens))
            if (const QuestionFamily* family = familyOf(RiskCategory::SuicidalIdeation, RiskAspect::Means, true)) {
                asked.push_back({family, span});
                seen.push_back(RiskCategory::SuicidalIdeation);
            }
        // "The scars from the cutting at uni. Anything since, or any urges?": a question about
        // time or urges, in a turn that names self-harm, asks about self-harm.
        static const std::vector<Phrase> again = phrases({"urges", "urge", "since", "again", "any more", "anymore",
                                                          "lately", "recently", "these days"});
        if (std::find(seen.begin(), seen.end(), RiskCategory::SelfHarmThreats) == seen.end() &&
            namesSelfHarm(turn) && containsAny(tokens, again))
            if (const QuestionFamily* family = familyOf(RiskCategory::SelfHarmThreats, RiskAspect::Ideation, true)) {
                asked.push_back({family, span});
                seen.push_back(RiskCategory::SelfHarmThreats);
            }
        // "When?" after a plan is told: when they would act.
        if (suicideContext && seen.empty() && (tokens == std::vector<std::string>{"when"} ||
                                               tokens == std::vector<std::string>{"and", "when"}))
            if (const QuestionFamily* family = familyOf(RiskCategory::SuicidalIdeation, RiskAspect::Timeframe, true)) {
                asked.push_back({family, span});
                seen.push_back(RiskCategory::SuicidalIdeation);
            }
        if (std::find(seen.begin(), seen.end(), RiskCategory::NonCompliance) == seen.end() && asksAboutWorkSet(turn, tokens))
            // "Did you manage the homework?": its "no" is non-compliance.
            if (const QuestionFamily* family = familyOf(RiskCategory::NonCompliance, RiskAspect::Ideation, false)) {
                asked.push_back({family, span});
                seen.push_back(RiskCategory::NonCompliance);
            }
        if (seen.empty()) unmatched.push_back(span.begin);
    }
    for (Question& q : asked)
        q.followedByOther = std::any_of(unmatched.begin(), unmatched.end(), [&](std::size_t at) { return at > q.sentence.begin; });
    return asked;
}

// "Any self-harm lately?" "No." "Ever?": a short question about time, with no topic of its
// own, asks again what the therapist's last turn asked. Only questions about when or how
// often: "Does that make sense?" or "Okay?" ask nothing about the risk.
std::vector<Question> followUpOf(const Segment& segment, const std::vector<Question>& before)
{
    static const std::vector<std::string_view> timeWords = {"ever", "now", "lately", "recently", "before", "since",
                                                            "still", "anymore", "currently", "nowadays", "tonight",
                                                            "often"};
    std::vector<Question> asked;
    for (const Span& span : splitSentences(segment.text)) {
        const std::string_view sentence = span.of(segment.text);
        if (sentence.find('?') == std::string_view::npos) continue;
        const auto tokens = words(sentence);
        if (tokens.empty() || tokens.size() > 4) continue;
        const bool aboutTime = std::any_of(tokens.begin(), tokens.end(), [](const std::string& w) {
            return std::find(timeWords.begin(), timeWords.end(), w) != timeWords.end();
        });
        if (!aboutTime) continue;
        for (const Question& q : before) asked.push_back({q.family, span});
        break;
    }
    return asked;
}

enum class Answer { Denies, Affirms, Neither };

// "How do you see things going?", "Where do your thoughts go?": an open question asks for an
// account, so an answer's "no" or "I don't" is no denial of anything in it ("I don't. I can't
// picture it getting any better."). "What about…?", "How often…?", "How likely…?" are closed.
bool asksOpenly(std::string_view question)
{
    static const std::vector<std::string_view> lead = {"and", "so", "okay", "ok", "right", "then", "now"};
    static const std::vector<std::string_view> open = {"how", "what", "where", "why", "who", "which", "when"};
    static const std::vector<std::string_view> closing = {"about", "often", "many", "much", "likely", "long",
                                                         "strong", "close", "far", "bad", "serious", "frequently",
                                                         "else"};
    // "When you do it, is any part of it about wanting to die?": a clause about when, then the
    // question itself, closed. A part after a comma that opens like a yes/no question closes it.
    static const std::vector<std::string_view> auxiliaries = {
        "is", "are", "was", "were", "do", "does", "did", "have", "has", "had", "would", "could", "can", "will",
        "any", "anything", "ever"};
    static const std::vector<Phrase> yesNo = phrases({"do you", "have you", "are you", "did you", "is there", "has it",
                                                      "have they", "are they", "is it", "would you", "could you",
                                                      "will you", "were you", "was it", "have there"});
    // "When you're low do you think about…?": a yes/no question after a clause. Right after the
    // question word it is the open question's own ("How do you see…?", "Where are you with…?").
    const auto all = words(question);
    for (const Phrase& p : yesNo)
        for (std::size_t k = 2; k + p.size() <= all.size(); ++k)
            if (std::equal(p.begin(), p.end(), all.begin() + static_cast<std::ptrdiff_t>(k))) return false;
    for (std::size_t comma = question.find(','); comma != std::string_view::npos; comma = question.find(',', comma + 1)) {
        const auto part = words(question.substr(comma + 1));
        if (!part.empty() && std::find(auxiliaries.begin(), auxiliaries.end(), part.front()) != auxiliaries.end())
            return false;
    }
    std::size_t at = 0;
    while (at < all.size() && std::find(lead.begin(), lead.end(), all[at]) != lead.end()) ++at;
    if (all.size() < at + 3 || std::find(open.begin(), open.end(), all[at]) == open.end()) return false;
    return std::find(closing.begin(), closing.end(), all[at + 1]) == closing.end();
}

// In an answer about the work set, the sentence saying it was done part way and then stopped:
// "Then I packed it in.", "After Thursday, nothing.", "Thursday to Sunday, nothing.",
// "Wednesday, blank.", "and then it just sort of slid". A sentence that merely ends in
// "nothing" without a time before it ("I noticed nothing") is not one.
std::optional<Span> stoppedPartWay(std::string_view answer)
{
    static const std::vector<std::string_view> when = {"then", "after", "monday", "tuesday", "wednesday", "thursday",
                                                       "friday", "saturday", "sunday", "weekend", "since", "rest"};
    static const std::vector<std::string_view> nothingDone = {"nothing", "blank", "none", "zilch", "nowt"};
    static const std::vector<Phrase> stopping =
        phrases({"packed it in", "packed in", "fizzled out", "lapsed",
                 "let it slide", "let it slip", "it slid", "sort of slid", "just slid", "never went back",
                 "didn't keep it up", "stopped after", "then stopped", "then i stopped", "gave up after",
                 "then gave up", "then i gave up", "just left it", "so i left it"});
    for (const Span& span : splitSentences(answer)) {
        const auto tokens = words(span.of(answer));
        if (tokens.empty()) continue;
        const bool timed = std::any_of(tokens.begin(), tokens.end(), [](const std::string& w) {
            return std::find(when.begin(), when.end(), w) != when.end();
        });
        // A short sentence of days and nothing ("After Thursday, nothing."), not "the anxiety was
        // next to nothing" or "she's eaten nothing".
        static const std::vector<std::string_view> saysMore = {"was", "is", "were", "she's", "he's", "they", "she",
                                                               "he", "it", "it's", "anxiety", "urge", "panic"};
        const bool endsInNothing = std::find(nothingDone.begin(), nothingDone.end(), tokens.back()) != nothingDone.end() &&
                                   tokens.size() >= 2 && tokens.size() <= 6 &&
                                   std::none_of(tokens.begin(), tokens.end(), [](const std::string& w) {
                                       return std::find(saysMore.begin(), saysMore.end(), w) != saysMore.end() ||
                                              namesSomeoneElse(w);
                                   });
        if ((timed && endsInNothing) || (timed && containsAny(tokens, stopping))) return span;
    }
    return std::nullopt;
}

// "Stopped at twenty-one.", "I stopped years ago.", "Stopped when I was at school.": the act
// was there and is over. Only "stopped" followed by a time long past: "Stopped at the bridge
// last night" or "Stopped after ten. On Saturday." are acts, and recent.
bool stoppedLongAgo(const std::vector<std::string>& answer)
{
    std::size_t at = 0;
    if (at < answer.size() && answer[at] == "i") ++at;
    if (at >= answer.size() || (answer[at] != "stopped" && answer[at] != "quit")) return false;
    const std::vector<std::string> rest(answer.begin() + static_cast<std::ptrdiff_t>(at + 1), answer.end());
    if (recentOrOngoing(answer) || rest.empty()) return false;
    static const std::vector<Phrase> longAgo =
        phrases({"when i was", "when i left school", "when i left uni", "when i left college", "when i left home",
                 "years ago", "years back", "ages ago", "a long time ago", "a long while ago", "in my teens",
                 "in my twenties", "at school", "at uni", "at college", "after school", "after uni"});
    if (startsWithAny(rest, longAgo)) return true;
    // "at twenty-one", "at sixteen", "at 16": an age.
    static const std::vector<std::string_view> ages = {"thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                                       "eighteen", "nineteen", "twenty", "thirty", "forty"};
    if (rest.size() >= 2 && rest[0] == "at") {
        const std::string& n = rest[1];
        if (!n.empty() && std::isdigit(static_cast<unsigned char>(n.front()))) return true;
        return std::any_of(ages.begin(), ages.end(), [&](std::string_view a) { return n.rfind(a, 0) == 0; });
    }
    return false;
}

Answer openerOf(std::vector<std::string> tokens)
{
    // "Well, sometimes", "But yes": the softening word does not change the answer.
    static const std::vector<std::string> softeners = {"well", "but", "actually", "although", "though", "ok", "okay"};
    while (!tokens.empty() && std::find(softeners.begin(), softeners.end(), tokens.front()) != softeners.end())
        tokens.erase(tokens.begin());
    // "I don't know." is no denial, whatever it opens with.
    if (startsWithAny(tokens, nonAnswers()) ||
        (tokens.size() >= 2 && tokens[0] == "i" && startsWithAny({tokens.begin() + 1, tokens.end()}, nonAnswers())))
        return Answer::Neither;
    // "No more than twice a week.", "Not any more than usual.": a measure, not a no.
    static const std::vector<Phrase> measures = phrases({"no more than", "no longer than", "not more than",
                                                         "not any more than", "no less than", "not much more than"});
    if (startsWithAny(tokens, measures)) return Answer::Affirms;
    for (const auto& opener : denialOpeners())
        if (startsWith(tokens, opener)) return Answer::Denies;
    for (const auto& opener : affirmationOpeners())
        if (startsWith(tokens, opener)) return Answer::Affirms;
    for (const auto& count : countOpeners())
        if (startsWith(tokens, count)) {
            // "A couple of times" goes on as a count; "a couple of weeks ago my friend…" does not.
            const auto rest = std::vector<std::string>(tokens.begin() + static_cast<std::ptrdiff_t>(count.size()), tokens.end());
            if (rest.empty() || (rest.front() == "of" ? rest.size() >= 2 && (rest[1] == "times" || rest[1] == "them")
                                                      : std::find(afterACount().begin(), afterACount().end(), rest.front()) !=
                                                            afterACount().end()))
                return Answer::Affirms;
        }
    return Answer::Neither;
}

// How the turn answers: its first sentence, and, when that denies, any later sentence that
// takes it back ("Not really. Well, sometimes, when it gets bad at night.").
bool speaksOnlyOfAnother(std::string_view sentence, RiskCategory category);

// "It crosses my mind", "it comes and goes": the thought asked about does come ("it" is the
// thing asked about, whatever else the sentence names).
bool saysTheThoughtComes(const std::vector<std::string>& sentence)
{
    static const std::vector<Phrase> comes =
        phrases({"crosses my mind", "crossed my mind", "comes and goes", "come and go", "pops into my head",
                 "pop into my head", "the thought is there", "the thought's there", "the thoughts are there",
                 "i do think about it", "i think about it sometimes", "i think about it a lot"});
    return containsAny(sentence, comes);
}

// "I have my boys", "I do the school run", "It is the opposite": the verb runs straight on into
// an object of its own, so it says yes to nothing; "I have, my arms again." (a comma after the
// verb) is a yes.
bool verbTakesAnObject(std::string_view sentence)
{
    static const std::vector<std::string_view> verbs = {"i have ", "i do ", "it is ", "yes i have "};
    // Only someone or something they have ("I have my boys", "I've got the kids"); "I have some
    // nights", "I have my moments", "It is the whole time" are yeses.
    static const std::vector<std::string_view> possessive = {"my", "our"};
    static const std::vector<std::string_view> whoTheyHave = {
        "boys", "girls", "kids", "children", "son", "daughter", "family", "wife", "husband", "partner", "dog", "cat",
        "faith", "mum", "dad", "job", "grandchildren", "grandkids", "grandson", "granddaughter", "sister", "brother",
        "friends", "church", "little", "cats", "dogs", "pets", "animals", "horse", "baby", "grandchild"};
    std::string lower;
    for (char c : sentence) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    for (std::string_view softener : {"well, ", "but ", "actually, "})
        if (lower.rfind(softener, 0) == 0) lower.erase(0, softener.size());
    for (std::string_view verb : verbs) {
        if (lower.rfind(verb, 0) != 0) continue;
        const auto next = words(std::string_view(lower).substr(verb.size()));
        if (!next.empty() && next.front() == "the" && next.size() > 1 && next[1] == "opposite") return true;
        if (!next.empty() && (next[0] == "work" || next[0] == "pets")) return true;
        return next.size() > 1 &&
               (std::find(possessive.begin(), possessive.end(), next[0]) != possessive.end() || next[0] == "the") &&
               std::find(whoTheyHave.begin(), whoTheyHave.end(), next[1]) != whoTheyHave.end();
    }
    return false;
}

Answer answerIn(const Segment& segment, RiskCategory asked, Span* where, std::optional<Span>* takenBack)
{
    auto sentences = splitSentences(segment.text);
    // "What? No.", "Me? Yeah.": a bare interjection before the answer is not the answer.
    static const std::vector<std::string_view> interjections = {"what", "sorry", "me", "um", "erm", "uh", "er", "oh",
                                                                "gosh", "wow", "pardon", "huh", "hmm", "god", "blimey",
                                                                "honestly", "truthfully", "really"};
    while (sentences.size() > 1) {
        const auto first = words(sentences.front().of(segment.text));
        const bool bare = !first.empty() && first.size() <= 2 && std::all_of(first.begin(), first.end(), [](const std::string& w) {
            return std::find(interjections.begin(), interjections.end(), w) != interjections.end();
        });
        if (!bare) break;
        sentences.erase(sentences.begin());
    }
    if (sentences.empty()) return Answer::Neither;
    *where = sentences.front();
    Answer first = openerOf(words(sentences.front().of(segment.text)));
    if (first == Answer::Affirms && verbTakesAnObject(sentences.front().of(segment.text))) first = Answer::Neither;
    // "Not really. I mean, it crosses my mind.": the "no" taken back by a later yes, or by a
    // sentence saying the thought does come.
    if (first == Answer::Denies)
        for (std::size_t k = 1; k < sentences.size(); ++k) {
            const auto later = words(sentences[k].of(segment.text));
            if ((openerOf(later) == Answer::Affirms && !verbTakesAnObject(sentences[k].of(segment.text))) ||
                saysTheThoughtComes(later)) {
                *takenBack = sentences[k];
                break;
            }
        }
    // "I wouldn't put it like that. But... yeah.": an answer that is neither at first, then a
    // yes, is a yes (a later "no" after an unclear start is not read: it would lower the risk).
    // "My sister has. Yes, she's in hospital now." is about her.
    const auto aboutThem = [&](std::string_view sentence) {
        const auto ws = words(sentence);
        static const std::vector<std::string_view> third = {"he", "she", "they", "he's", "she's", "they're", "him",
                                                            "her", "his", "them", "their"};
        return aboutSomeoneElse(ws) ||
               std::any_of(ws.begin(), ws.end(), [](const std::string& w) {
                   return std::find(third.begin(), third.end(), w) != third.end();
               });
    };
    if (first == Answer::Neither && !aboutThem(sentences.front().of(segment.text)))
        for (std::size_t k = 1; k < sentences.size() && k < 4; ++k)
            if (openerOf(words(sentences[k].of(segment.text))) == Answer::Affirms &&
                !verbTakesAnObject(sentences[k].of(segment.text)) && !aboutThem(sentences[k].of(segment.text)) && !speaksOnlyOfAnother(sentences[k].of(segment.text), asked)) {
                *where = sentences[k];
                return Answer::Affirms;
            }
    return first;
}

// The answering sentence, and the next one too when the answer is a bare "Yes." or "Once.".
std::string_view answerAndDetail(std::string_view text, Span said)
{
    if (words(said.of(text)).size() > 2) return said.of(text);
    for (const Span& next : splitSentences(text))
        if (next.begin >= said.end) return text.substr(said.begin, next.end - said.begin);
    return said.of(text);
}


// A denial that names one category ("No suicidal thoughts.") answers only for that one.
bool denialNamesAnotherCategory(std::string_view denial, RiskCategory asked)
{
    const auto tokens = words(denial);
    for (const QuestionFamily& family : questionCues())
        if (family.category != asked && family.yesMeansPresent && containsAny(tokens, family.phrases)) {
            const bool namesAsked = std::any_of(questionCues().begin(), questionCues().end(), [&](const QuestionFamily& f) {
                return f.category == asked && containsAny(tokens, f.phrases);
            });
            if (!namesAsked) return true;
        }
    return false;
}

// A sentence in the client's words of another risk than `category`, and none of its own.
bool speaksOnlyOfAnother(std::string_view sentence, RiskCategory category)
{
    const auto tokens = words(sentence);
    bool other = false;
    for (const CueFamily& c : clientCues()) {
        if (!containsAny(tokens, c.phrases)) continue;
        if (c.category == category) return false;
        other = true;
    }
    return other || denialNamesAnotherCategory(sentence, category);
}

// The status over the whole session from what was observed, oldest first. A disclosure is
// never outweighed by a denial: both are kept and the flag is marked conflicting.
RiskFlag flagFrom(RiskCategory category, const std::vector<const Observation*>& observations)
{
    RiskFlag flag;
    flag.category = category;
    auto has = [&](RiskStatus s, std::optional<RiskAspect> aspect = std::nullopt) {
        return std::any_of(observations.begin(), observations.end(), [&](const Observation* o) {
            return o->stance == s && (!aspect || o->aspect == *aspect);
        });
    };
    // The category itself: for suicide and self-harm, ideation plus any act, plan, means or
    // preparation disclosed (those imply it); a denial counts only if it was about ideation.
    auto isMain = [&](const Observation* o) { return o->aspect == RiskAspect::Ideation; };
    const bool present = std::any_of(observations.begin(), observations.end(), [&](const Observation* o) {
        return o->stance == RiskStatus::Present && !needsCompany(o->aspect);
    });
    const bool deniedMain = std::any_of(observations.begin(), observations.end(),
                                        [&](const Observation* o) { return o->stance == RiskStatus::Denied && isMain(o); });
    const bool historical = has(RiskStatus::Historical);
    if (present) flag.status = RiskStatus::Present;
    else if (historical) flag.status = RiskStatus::Historical;
    else if (deniedMain) flag.status = RiskStatus::Denied;
    else return {};  // only a plan or means was denied: the category itself was not assessed
    flag.conflicting = present && deniedMain;

    auto addEvidence = [](std::vector<Evidence>& into, const Observation& o, std::optional<RiskStatus> stance) {
        std::size_t sameStance = 0;
        for (const auto& e : into) sameStance += e.stance == stance ? 1u : 0u;
        for (const auto& e : o.evidence) {
            if (sameStance >= kMaxEvidencePerStance) return;
            const bool duplicate = std::any_of(into.begin(), into.end(), [&](const Evidence& x) {
                return x.segment == e.segment && x.quote == e.quote;
            });
            if (duplicate) continue;
            into.push_back({e.segment, e.quote, stance});
            ++sameStance;
        }
    };
    for (const Observation* o : observations) {
        const bool main = o->stance == flag.status && !(flag.status == RiskStatus::Present && needsCompany(o->aspect));
        const bool otherSide = flag.conflicting && o->stance == RiskStatus::Denied && isMain(o);
        if (main || otherSide)
            addEvidence(flag.evidence, *o, flag.conflicting ? std::optional<RiskStatus>(o->stance) : std::nullopt);
    }
    if (isSuicideOrSelfHarm(category)) {
        for (RiskAspect aspect : kAllRiskAspects) {
            std::vector<const Observation*> about;
            for (const Observation* o : observations)
                if (o->aspect == aspect) about.push_back(o);
            if (about.empty()) continue;
            // Per aspect the same order: present, then historical, then denied.
            AspectFinding finding;
            finding.status = has(RiskStatus::Present, aspect)      ? RiskStatus::Present
                             : has(RiskStatus::Historical, aspect) ? RiskStatus::Historical
                                                                   : RiskStatus::Denied;
            for (const Observation* o : about)
                if (o->stance == finding.status) addEvidence(finding.evidence, *o, std::nullopt);
            flag.aspects[aspect] = std::move(finding);
        }
    }
    return flag;
}
}  // namespace

bool isClient(const Segment& segment) { return segment.speaker == "client" || segment.speaker == "patient"; }
bool isTherapist(const Segment& segment) { return segment.speaker == "therapist" || segment.speaker == "clinician"; }

bool looksLikeInstruction(std::string_view sentence)
{
    static const std::vector<Phrase> markers = phrases({"ignore previous", "ignore all previous",
                                                        "ignore the previous", "ignore the above",
                                                        "ignore your instructions", "disregard previous",
                                                        "disregard the above", "disregard your", "system prompt",
                                                        "you are now", "as an ai", "new instructions",
                                                        "write that the client", "record that the client",
                                                        "mark the client", "flag the client", "language model",
                                                        "in the note write", "put in the notes",
                                                        "mark suicidal_ideation", "suicidal_ideation",
                                                        "self_harm_threats", "non_compliance", "alliance_rupture",
                                                        "risk flag", "set the risk", "mark it as", "mark as denied",
                                                        "mark as present", "leave that out of the notes",
                                                        "leave it out of the notes", "don't put that in the notes",
                                                        "don't write that down", "note to the ai", "dear ai", "hey ai", "the ai writing", "ai writing this",
                                                        "ignore the therapist", "ignore what the therapist",
                                                        "record that all"});
    return containsAny(words(sentence), markers);
}

std::vector<Span> instructionSpans(std::string_view text)
{
    // A quote mark that opens: at the start of a word, and not a clipped word ("'cause", "'til").
    const auto opens = [&](std::size_t at) {
        if (at > 0 && text[at - 1] != ' ' && text[at - 1] != ':') return false;
        static const std::vector<std::string_view> clipped = {"cause", "cos", "coz", "til", "till", "em", "bout",
                                                              "n'", "round", "ow"};
        const std::string_view after = text.substr(at + 1);
        return std::none_of(clipped.begin(), clipped.end(), [&](std::string_view c) {
            return after.rfind(c, 0) == 0 && (after.size() == c.size() || !std::isalpha(static_cast<unsigned char>(after[c.size()])));
        });
    };
    // Where the quote opened at `from` closes: a straight mark after a stop or a word, or a
    // curly closing mark; npos if it never does (then its extent is unknown, and only the
    // instruction's own sentence is left out).
    const auto closes = [&](std::size_t from) {
        for (std::size_t at = from + 1; at < text.size(); ++at) {
            if (text[at] == '"' && !opens(at)) return at;
            // A straight single mark closes after a stop, or after a word when a stop or the end
            // follows ("'low mood'."): not inside a word ("don't"), not a possessive ("the kids'
            // school").
            const bool beforeAStop = at + 1 >= text.size() || std::ispunct(static_cast<unsigned char>(text[at + 1]));
            if (text[at] == '\'' && !opens(at) &&
                (std::ispunct(static_cast<unsigned char>(text[at - 1])) ||
                 (std::isalpha(static_cast<unsigned char>(text[at - 1])) && beforeAStop)))
                return at;
            if (text.compare(at, 3, "\xE2\x80\x9D") == 0) return at;
            if (text.compare(at, 3, "\xE2\x80\x99") == 0 && std::ispunct(static_cast<unsigned char>(text[at - 1])))
                return at;
        }
        return std::string_view::npos;
    };
    std::vector<Span> out;
    std::size_t quoteEnd = 0;  // the instruction's quote runs to here
    for (const Span& span : splitSentences(text)) {
        const std::string_view sentence = span.of(text);
        if (span.begin < quoteEnd) {
            out.push_back(span);
            continue;
        }
        if (!looksLikeInstruction(sentence)) continue;
        out.push_back(span);
        // A quote the instruction opens and does not close runs on over the next sentences.
        for (std::size_t at = span.begin; at < span.end; ++at) {
            const bool mark = ((text[at] == '"' || text[at] == '\'') && opens(at)) || text.compare(at, 3, "\xE2\x80\x9C") == 0 ||
                              text.compare(at, 3, "\xE2\x80\x98") == 0;
            if (!mark) continue;
            const std::size_t close = closes(at);
            if (close != std::string_view::npos && close >= span.end) quoteEnd = close;
            break;
        }
    }
    return out;
}

bool aboutSomeoneElse(const std::vector<std::string>& clauseWords)
{
    static const std::vector<std::string_view> self = {"i", "i'm", "i've", "i'd", "i'll", "me", "myself"};
    static const std::vector<std::string_view> others = {
        "he", "she", "he's", "she's", "his", "her", "him", "himself", "herself", "themselves", "friend", "friend's",
        "brother", "brother's", "sister", "sister's", "mum", "mum's", "mother", "dad", "dad's", "father", "son",
        "daughter", "partner", "partner's", "husband", "wife", "boyfriend", "girlfriend", "colleague", "cousin",
        "uncle", "aunt", "auntie", "neighbour", "nan", "grandad", "grandma", "grandpa", "someone", "somebody",
        "client", "patient", "people", "everyone", "mate", "boss", "character", "book", "film", "novel", "series",
        "song", "hero", "heroine", "protagonist", "narrator", "villain", "singer", "actor", "actress", "author", "man",
        "woman", "girl", "boy", "guy", "lady"};
    auto in = [&](const std::vector<std::string_view>& list, const std::string& w) {
        return std::find(list.begin(), list.end(), w) != list.end();
    };
    // "In the book I'm reading the main character writes goodbye letters": "I'm reading" only
    // says which book. Only that shape (a work, then the client reading, watching or hearing
    // it) is set aside: "Since the film I just want to die" is the client's own.
    static const std::vector<std::string_view> works = {"book", "film", "novel", "series", "show", "story", "programme",
                                                        "documentary", "podcast", "song", "play", "game", "movie"};
    static const std::vector<std::string_view> taking = {"reading", "read", "watching", "watched", "listening",
                                                         "listened", "playing", "played", "saw", "seen", "heard",
                                                         "finished", "started", "borrowed", "bought"};
    const auto namesTheWork = [&](std::size_t j) {
        std::size_t before = j;  // the work's noun, before any "that"
        if (before > 0 && clauseWords[before - 1] == "that") --before;
        if (before == 0 || !in(works, clauseWords[before - 1])) return false;
        std::size_t verb = j + 1;  // the verb, after any "just", "been", "have"
        while (verb < clauseWords.size() &&
               (clauseWords[verb] == "just" || clauseWords[verb] == "been" || clauseWords[verb] == "have"))
            ++verb;
        return verb < clauseWords.size() && in(taking, clauseWords[verb]);
    };
    bool mentionsSelf = false;
    bool workNamed = false;  // a self word set aside as only naming a work
    for (std::size_t j = 0; j < clauseWords.size() && !mentionsSelf; ++j) {
        const bool naming = in(self, clauseWords[j]) && namesTheWork(j);
        workNamed = workNamed || naming;
        mentionsSelf = in(self, clauseWords[j]) && !naming;
    }
    // With the client set aside, the clause is someone else's only if it names a person, not
    // just the work: "Since that film I watched there's no reason to live" is the client's.
    const bool mentionsOther = std::any_of(clauseWords.begin(), clauseWords.end(), [&](const auto& w) {
        return in(others, w) && !(workNamed && in(works, w));
    });
    return mentionsOther && !mentionsSelf;
}

namespace {

// Whether the therapist's turn just before client turn `i` asks for a safety step or sets work
// ("Ring Joan and say yes to the carvery this week"): a time in the answer ("I'll ring Joan
// tonight") is when they will do that, not when they would act. Unless that turn also asks
// when they would act.
bool answersSafetyStepRequest(std::span<const Segment> segments, std::size_t i)
{
    for (std::size_t k = i; k > 0 && k + 2 >= i; --k) {
        const Segment& before = segments[k - 1];
        if (!isTherapist(before)) continue;
        if (containsAny(words(before.text), safetyStepRequests())) return true;
        const auto asked = questionsIn(before, true);
        if (std::any_of(asked.begin(), asked.end(),
                        [](const Question& q) { return q.family->aspect == RiskAspect::Timeframe; }))
            return false;
        // Work for the week ("Ring Joan … this week"), not a prompt ("Take your time.", "Tell me
        // more about that.").
        for (const Span& span : splitSentences(before.text)) {
            const std::string_view sentence = span.of(before.text);
            if (setsWorkAhead(sentence, words(sentence))) return true;
        }
        return false;
    }
    return false;
}

}  // namespace

bool negatedAt(const std::vector<std::string>& tokens, std::size_t at)
{
    static const std::vector<std::string_view> negators = {
        "no", "not", "never", "don't", "didn't", "doesn't", "haven't", "hasn't", "hadn't", "wasn't", "weren't",
        "isn't", "aren't", "won't", "wouldn't", "can't", "couldn't", "nothing", "none", "without", "nor"};
    // A negation of something else on the way: "I can't stop thinking about dying", "I don't
    // know why I want to die", "no one would notice if I wasn't here".
    static const std::vector<std::string_view> notTheCue = {"stop", "help", "know", "wait", "one"};
    const std::size_t from = at >= 4 ? at - 4 : 0;
    for (std::size_t i = from; i < at; ++i) {
        if (std::find(negators.begin(), negators.end(), tokens[i]) == negators.end()) continue;
        const bool elsewhere = i + 1 < at && std::find(notTheCue.begin(), notTheCue.end(), tokens[i + 1]) != notTheCue.end();
        if (!elsewhere) return true;
    }
    return false;
}

namespace {

// Words of suicide or self-harm that the cues may not read in the way a client puts them
// ("I'd be better gone, dead even", "the scars"). Wider than the cues on purpose: they do not
// make a disclosure, they only stop a denial from standing unquestioned.
const std::vector<Phrase>& riskWords(RiskCategory category)
{
    static const std::vector<Phrase> suicide =
        phrases({"die", "dying", "dead", "death", "suicide", "suicidal", "kill", "killing", "overdose", "hang",
                 "hanging", "noose", "end it", "end my", "ending it", "end things", "not be here", "not being here",
                 "not wake", "better off", "take my life", "wasn't here", "weren't here", "swallowed the lot", "without me", "jump off", "jump in front", "no point living",
                 "no point in living", "not be around", "not exist", "want it over", "a rope in", "the rope in",
                 "rope in the garage", "rope in the loft", "had it all planned", "had it planned"});
    static const std::vector<Phrase> selfHarm =
        phrases({"self-harm", "self harm", "harm myself", "harming myself", "hurt myself", "hurting myself", "blade",
                 "blades", "razor", "razors", "bleed", "bleeding", "bled", "scar", "scars", "burns", "wounds"});
    static const std::vector<Phrase> none;
    if (category == RiskCategory::SuicidalIdeation) return suicide;
    if (category == RiskCategory::SelfHarmThreats) return selfHarm;
    return none;
}

// "I'm not scared to die any more", "no longer afraid of dying", "I've stopped being scared of
// dying", "I'm too scared to die, that's all that stops me": a fear of dying that is gone, or
// that is all that holds them back, is the risk, not a comfort. `at` is where the fear idiom
// starts.
bool fearOfDyingGone(const std::vector<std::string>& tokens, std::size_t at, const Phrase& idiom)
{
    static const std::vector<std::string_view> fears = {"scared", "afraid", "frightened", "terrified", "fear"};
    if (std::find(fears.begin(), fears.end(), idiom[0]) == fears.end()) return false;
    // Only what modifies the fear itself, just before it, past softening words ("not really",
    // "not so", "never really been"): "No. I'm scared to die" keeps its fear.
    static const std::vector<std::string_view> gone = {"too", "longer", "not", "never", "isn't", "aren't", "wasn't",
                                                       "don't", "doesn't"};
    static const std::vector<std::string_view> softening = {"really", "so", "that", "even", "been", "all", "as",
                                                            "particularly", "very", "at"};
    // "I've never been so scared of dying": more afraid, not less.
    if (at >= 3 && tokens[at - 1] == "so" && tokens[at - 2] == "been" && tokens[at - 3] == "never") return false;
    for (std::size_t back = at; back-- > 0 && back + 4 >= at;) {
        const std::string& w = tokens[back];
        if (std::find(gone.begin(), gone.end(), w) != gone.end()) return true;
        if (w == "being" && back > 0 && (tokens[back - 1] == "stopped" || tokens[back - 1] == "stop")) return true;
        if (std::find(softening.begin(), softening.end(), w) == softening.end()) return false;
    }
    return false;
}

// Where the words of a fear of dying begin, if `at` lies inside one.
const std::vector<Phrase>& fearOfDyingIdioms()
{
    static const std::vector<Phrase> fears =
        phrases({"scared to die", "afraid to die", "scared of dying", "afraid of dying", "frightened of dying",
                 "terrified of dying", "fear of dying", "scared of death", "afraid of death", "fear death",
                 "frightened of death", "frightened to die", "terrified of death"});
    return fears;
}

bool insideAGoneFear(const std::vector<std::string>& tokens, std::size_t at)
{
    for (const Phrase& fear : fearOfDyingIdioms())
        for (std::size_t from = at + 1 >= fear.size() ? at + 1 - fear.size() : 0; from <= at; ++from)
            if (from + fear.size() <= tokens.size() &&
                std::equal(fear.begin(), fear.end(), tokens.begin() + static_cast<std::ptrdiff_t>(from)) &&
                fearOfDyingGone(tokens, from, fear))
                return true;
    return false;
}

// Ways of speaking that use those words for something else: "dead tired", "dying for a tea",
// "it's killing me", "bored to death".
bool idiomAt(const std::vector<std::string>& tokens, std::size_t at)
{
    static const std::vector<Phrase> idioms =
        phrases({"dead tired", "dead on my feet", "dead on", "dead good", "dead nice", "dead easy", "dead proud", "dead end",
                 "dead bored", "dying to", "dying for", "killing me", "kill for", "kill time", "killing time",
                 "to death", "over my dead body", "thought i was dying",
                 "thought i was going to die", "felt like i was dying", "felt like i was going to die",
                 "convinced i was dying", "sure i was dying", "better off financially", "better off now", "better off than",
                 "end of", "end my shift", "end my contract", "end my tenancy", "hanging over", "hanging around",
                 "hanging out", "hanging about", "hang on a", "hang out", "hang around", "hang in there"});
    // A fear of dying is an idiom too, unless it is gone (insideAGoneFear).
    if (insideAGoneFear(tokens, at)) return false;
    for (const auto* list : {&idioms, &fearOfDyingIdioms()})
        for (const Phrase& idiom : *list)
            for (std::size_t from = 0; from < tokens.size();) {
                const std::vector<std::string> rest(tokens.begin() + static_cast<std::ptrdiff_t>(from), tokens.end());
                const std::size_t found = findPhrase(rest, idiom);
                if (found == npos) break;
                if (from + found <= at && at < from + found + idiom.size()) return true;
                from += found + 1;
            }
    return false;
}

// After an answer that lowers the risk, a later sentence in the same turn that qualifies it: for an
// aspect question (plan, means, preparation, intent), one with "though", "but" or "except"
// ("I know where I'd do it though"), or for the means one that names a method or a store
// ("About three months' worth in the drawer."); for a question whose "no" is the disclosure ("have those thoughts
// gone away?"), one saying they go on ("they still come back at night").
std::optional<Span> qualifiedAfter(std::string_view answer, Span given, const QuestionFamily& family)
{
    static const std::vector<Phrase> contrast = phrases({"though", "but", "except", "apart from"});
    // An amount or a store of something, after "no" to a question about the means.
    static const std::vector<Phrase> stores = phrases({"prescription", "worth", "boxes", "packets", "stash", "drawer",
                                                       "cabinet", "saved", "saving"});
    static const std::vector<Phrase> goingOn = phrases({"still", "come back", "comes back", "sometimes", "at night",
                                                        "now and then", "every so often", "some days"});
    const bool aspect = family.aspect != RiskAspect::Ideation && family.aspect != RiskAspect::ProtectiveFactors &&
                        family.yesMeansPresent;
    const bool reverse = !family.yesMeansPresent;
    if (!aspect && !reverse) return std::nullopt;
    for (const Span& part : splitSentences(answer)) {
        if (part.begin < given.end) continue;
        const auto tokens = words(part.of(answer));
        if (tokens.empty() || startsWithAny(tokens, denialOpeners())) continue;
        if (aspect && containsAny(tokens, contrast) && tokens.size() >= 4) return part;
        if (family.aspect == RiskAspect::Means && family.yesMeansPresent &&
            (namesAMeans(tokens) || containsAny(tokens, stores)))
            return part;
        if (reverse && containsAny(tokens, goingOn)) return part;
    }
    return std::nullopt;
}

// Denials that say it happened before: "Not since I was sixteen.", "Not any more.", "No
// longer."
const std::vector<Phrase>& pastOnlyDenials()
{
    static const std::vector<Phrase> openers =
        phrases({"not for years", "not for a long time", "not for ages", "not any more", "not anymore",
                 "not these days", "no not any more", "no not anymore", "no not for years", "not in years"});
    return openers;
}

// After a denial in the same turn, the client's own sentence about the past that is about
// what was asked: it names the risk ("I used to think about ending it"), points back to it
// ("the last time I felt like that"), or answers a question about now ("Any thoughts of ending
// your life currently?" "No. In 1989 I used to stand on the sea wall…").
std::optional<Span> toldOfThePast(std::string_view answer, Span denial, std::string_view question, RiskCategory category)
{
    static const std::vector<Phrase> pointingBack = phrases({"like that", "that way", "those thoughts", "that low",
                                                             "thoughts like that", "felt like it", "the same way"});
    static const std::vector<Phrase> aboutNow = phrases({"currently", "at the moment", "lately", "these days",
                                                         "recently", "at present", "right now", "anything like that now",
                                                         "any of that now"});
    // Said after a denial, these place the rest in the past too ("No. The last time I felt like
    // that was before Sam was born."); after a "yes" they need not ("Yes. The last time was
    // on Sunday.").
    static const std::vector<Phrase> thenMarkers = phrases({"the last time", "at one point", "before he was born",
                                                            "before she was born", "was born"});
    static const std::vector<std::string_view> firstPerson = {"i", "i'd", "i'm", "i've", "i'll", "me", "my", "myself"};
    // A question about now answers for a category only if it asked about that one alone
    // ("harming yourself or ending your life at the moment?" needs the past to name which).
    const auto asked = words(question);
    const bool askedAboutNow = containsAny(asked, aboutNow) && !(asksAboutSuicide(asked) && asksAboutSelfHarm(asked));
    for (const Span& span : splitSentences(answer)) {
        if (span.begin < denial.end) continue;
        const std::string_view sentence = span.of(answer);
        const std::size_t reported = reportedSpeechStart(sentence);
        const auto own = words(reported == kNoReportedSpeech ? sentence : sentence.substr(0, reported));
        const bool past = speaksOfThePast(own) || (containsAny(own, thenMarkers) && !recentOrOngoing(own));
        if (!past || startsWithAny(own, denialOpeners())) continue;
        const bool mine = std::any_of(own.begin(), own.end(), [](const std::string& w) {
            return std::find(firstPerson.begin(), firstPerson.end(), w) != firstPerson.end();
        });
        if (!mine) continue;
        const bool aboutIt = containsAny(own, riskWords(category)) || containsAny(own, pointingBack) || askedAboutNow ||
                             std::any_of(clientCues().begin(), clientCues().end(), [&](const CueFamily& c) {
                                 return c.category == category && containsAny(own, c.phrases);
                             });
        if (aboutIt) return span;
    }
    return std::nullopt;
}

// "Someone's going to die because of me", "the patient in bed twelve might die": a death the
// client fears for someone else, not the client's own ("I'd be better off dead" has the client
// as its subject; "they'd be better off without me" is not about dying, so is not set aside).
bool someoneElseDies(const std::vector<std::string>& tokens, std::size_t at)
{
    static const std::vector<std::string_view> dying = {"die", "dying", "dead", "death"};
    // Only plain third persons: a parent may speak of themself as "their mum" ("the kids will
    // find their mum dead"), so no relation counts.
    static const std::vector<std::string_view> subjects = {"someone", "someone's", "somebody", "somebody's", "he",
                                                           "he's", "he'll", "she", "she's", "she'll", "patient",
                                                           "patients"};
    static const std::vector<std::string_view> self = {"i", "i'm", "i'd", "i'll", "i've", "me", "myself", "my", "mine"};
    if (std::find(dying.begin(), dying.end(), tokens[at]) == dying.end()) return false;
    // Any word of the client's own before it ("I think someone's going to die") leaves the
    // doubt standing; "…because of me" after it does not.
    for (std::size_t k = 0; k < at; ++k)
        if (std::find(self.begin(), self.end(), tokens[k]) != self.end()) return false;
    for (std::size_t k = at; k > 0 && k + 4 > at; --k)
        if (std::find(subjects.begin(), subjects.end(), tokens[k - 1]) != subjects.end()) return true;
    return false;
}

// The implement named where self-harm is disclosed is its means: in the client's own words of
// the disclosure ("I went straight for the blade"), or in the client's words that a cited
// question checks by naming the same thing ("I've been doing the thing with the lighter again."
// "When you say the thing with the lighter, do you mean burning yourself?" "Yeah."). Only
// beside a disclosure, as a thing ("the lighter", "a blade", "my razor"), in the client's own
// clause, not negated, not an accident, a wish or a figure of speech ("felt lighter", "pins and
// needles", "on a knife edge"): an implement alone is no sign of harm.
void addMeansNamed(std::span<const Segment> segments, RiskFlag& flag)
{
    if (flag.status == RiskStatus::Denied || flag.aspects.count(RiskAspect::Means)) return;
    static const std::vector<std::string> implements = {"lighter", "blade", "blades", "razor", "razors", "compass",
                                                        "scissors", "knife", "knives", "needle", "pins", "sharpener"};
    static const std::vector<std::string> things = {"the", "a", "my"};
    const auto implementIn = [](const std::vector<std::string>& tokens) -> std::optional<std::string> {
        for (std::size_t at = 1; at < tokens.size(); ++at) {
            if (std::find(implements.begin(), implements.end(), tokens[at]) == implements.end()) continue;
            if (std::find(things.begin(), things.end(), tokens[at - 1]) == things.end() || negatedAt(tokens, at)) continue;
            if (at + 1 < tokens.size() && tokens[at + 1] == "edge") continue;
            return tokens[at];
        }
        return std::nullopt;
    };
    // The client's own words of a sentence: someone else's quoted words blanked, their clauses
    // set aside; nothing from an accident or a hypothetical.
    const auto ownImplement = [&](const std::string& mine, const Span& span) -> std::optional<std::string> {
        const auto said = words(span.of(mine));
        if (containsAny(said, accidents()) || containsAny(said, hypotheticalMarkers())) return std::nullopt;
        for (const auto& clause : ownClausesOf(span.of(mine)).clauses)
            if (auto named = implementIn(clause)) return named;
        return std::nullopt;
    };
    const auto record = [&](const Segment& segment, const Span& span) {
        flag.aspects[RiskAspect::Means] = {flag.status, {{segment.id, std::string(span.of(segment.text)), std::nullopt}}};
    };
    for (const Evidence& e : flag.evidence) {
        if (e.stance && *e.stance == RiskStatus::Denied) continue;
        for (std::size_t k = 0; k < segments.size(); ++k) {
            if (segments[k].id != e.segment) continue;
            if (isClient(segments[k])) {
                // The disclosure's own sentence.
                const std::string mine = withOthersQuotesBlanked(segments[k].text);
                for (const Span& span : splitSentences(segments[k].text))
                    if (span.of(segments[k].text) == e.quote && ownImplement(mine, span)) return record(segments[k], span);
            } else if (k > 0 && isClient(segments[k - 1])) {
                // The client's words the question checks: the same implement named in both.
                const auto asked = words(e.quote);
                const std::string mine = withOthersQuotesBlanked(segments[k - 1].text);
                for (const Span& span : splitSentences(segments[k - 1].text))
                    if (const auto named = ownImplement(mine, span);
                        named && std::find(asked.begin(), asked.end(), *named) != asked.end())
                        return record(segments[k - 1], span);
            }
        }
    }
}

// "I've still got them co-codamol from when I did my back. Few boxes. They're in the
// glovebox.": a store of medicine the client keeps, told in their own words within a few turns
// of their suicidal thoughts, is the means at hand, whether or not anyone asked. A clinician
// asks about it first; a means question left unasked must not leave it unrecorded. Medicine
// given away or got rid of is none.
void addMedicineAtHand(std::span<const Segment> segments, RiskFlag& flag)
{
    if (flag.status != RiskStatus::Present || flag.aspects.contains(RiskAspect::Means)) return;
    const std::vector<Phrase>& medicines = medicineWords();
    static const std::vector<Phrase> kept =
        phrases({"boxes", "packets", "packs", "stash", "saved", "saving", "stockpiled", "drawer", "cupboard", "glovebox",
                 "glove box", "tin", "still got", "still have", "kept", "keeping", "worth", "hundreds", "dozens",
                 "a load of", "loads of", "bag of", "hidden", "hid", "hide"});
    // Got rid of, held by someone else, or taken as prescribed: read in the clause that names
    // the medicine ("I got rid of the paracetamol, but there's still a stash of tramadol").
    static const std::vector<Phrase> gone =
        phrases({"got rid", "get rid", "gave them", "given them", "handed them", "took them back", "taken them back",
                 "don't have any", "haven't got any", "no tablets", "no pills", "flushed", "threw them", "thrown them",
                 "locked away", "keeps my", "keeps them", "holds my", "gives me", "give me",
                 "keeping up with"});
    static const std::vector<Phrase> holdingNow =
        phrases({"there's", "there are", "i've got", "i have", "i've still", "still got", "still have", "got some"});
    std::vector<std::size_t> told;
    for (const Evidence& e : flag.evidence)
        if (!e.stance || *e.stance == RiskStatus::Present)
            for (std::size_t k = 0; k < segments.size(); ++k)
                if (segments[k].id == e.segment && isClient(segments[k])) told.push_back(k);
    for (const std::size_t at : told) {
        for (std::size_t k = at > 3 ? at - 3 : 0; k < segments.size() && k <= at + 3; ++k) {
            if (!isClient(segments[k])) continue;
            const std::string mine = withOthersQuotesBlanked(segments[k].text);
            const auto turn = words(mine);
            // A hypothetical is none; "just in case" is a reason to keep them.
            static const std::vector<Phrase> supposing = phrases({"what if", "suppose", "imagine", "hypothetically",
                                                                  "if i ever", "if i were to", "if i did"});
            if (!containsAny(turn, kept) || containsAny(turn, supposing)) continue;
            for (const Span& span : splitSentences(segments[k].text)) {
                const auto own = ownClausesOf(span.of(mine));
                // "There's boxes of sleeping tablets in my drawer from last year": kept now,
                // whenever they were got.
                if (own.history && !containsAny(words(own.text), holdingNow)) continue;
                for (const auto& clause : own.clauses) {
                    const std::size_t named = [&] {
                        for (const Phrase& m : medicines)
                            if (const std::size_t f = findPhrase(clause, m); f != npos) return f;
                        return npos;
                    }();
                    // "The tablets my GP gives me" are kept all the same when they are being saved
                    // ("I've been saving up the tablets my GP gives me"); "as prescribed" is no
                    // store unless instead of it.
                    static const std::vector<Phrase> saving =
                        phrases({"saving", "saved", "stash", "stockpiled", "hoarding", "hidden", "hid"});
                    static const std::vector<Phrase> dispensed = phrases({"gives me", "give me"});
                    const bool asPrescribed = containsAny(clause, phrases({"as prescribed", "take it as", "take them as"})) &&
                                              !containsAny(clause, phrases({"instead of"}));
                    if (named == npos || negatedAt(clause, named) || asPrescribed ||
                        (containsAny(clause, gone) && !(containsAny(clause, dispensed) && containsAny(clause, saving) &&
                                                        !containsAny(clause, phrases({"got rid", "get rid", "handed them", "gave them"})))))
                        continue;
                    flag.aspects[RiskAspect::Means] = {RiskStatus::Present,
                                                       {{segments[k].id, std::string(span.of(segments[k].text)), std::nullopt}}};
                    return;
                }
            }
        }
    }
}

// A denial stands only if the client, in their own voice, said nothing else in the words of
// that risk. When they did, in words the cues did not read, the denial is doubtful: the flag
// is made conflicting (present now, or historical when those words are about the past), the
// words are kept beside the denial as evidence, and the clinician decides at the risk gate.
// Recording "denied" over a disclosure the rules could not read is worse than no note.
void doubtTheDenial(std::span<const Segment> segments, RiskFlag& flag)
{
    const auto& lexicon = riskWords(flag.category);
    if (lexicon.empty()) return;
    for (const Segment& segment : segments) {
        if (!isClient(segment)) continue;
        // Someone else's quoted words are blanked out, in every sentence they run over; the
        // client's own words around them are read.
        const std::string mine = withOthersQuotesBlanked(segment.text);
        for (const Span& sentenceSpan : splitSentences(segment.text)) {
            const std::string_view sentence = sentenceSpan.of(segment.text);
            // The denial itself is not read again; the rest of its turn is ("No. I'd be better
            // gone, dead even.").
            const bool cited = std::any_of(flag.evidence.begin(), flag.evidence.end(), [&](const Evidence& e) {
                return e.segment == segment.id && e.quote == sentence;
            });
            if (cited || looksLikeInstruction(sentence)) continue;
            const auto own = ownClausesOf(sentenceSpan.of(mine));
            const bool history = own.history;
            for (const auto& tokens : own.clauses) {
                for (std::size_t at = 0; at < tokens.size(); ++at) {
                    const bool risky = std::any_of(lexicon.begin(), lexicon.end(), [&](const Phrase& word) {
                        return tokens.size() >= at + word.size() &&
                               std::equal(word.begin(), word.end(), tokens.begin() + static_cast<std::ptrdiff_t>(at));
                    });
                    if (!risky) continue;
                    // The negation of a fear of dying is no negation of the risk ("I'm not even
                    // scared of dying any more").
                    if ((negatedAt(tokens, at) && !insideAGoneFear(tokens, at)) || idiomAt(tokens, at) ||
                        someoneElseDies(tokens, at) || anyBefore(tokens, at, hypotheticalMarkers()))
                        continue;
                    const RiskStatus stance = history ? RiskStatus::Historical : RiskStatus::Present;
                    for (Evidence& e : flag.evidence) e.stance = RiskStatus::Denied;
                    flag.evidence.push_back({segment.id, std::string(sentence), stance});
                    flag.status = stance;
                    flag.conflicting = stance == RiskStatus::Present;
                    flag.aspects[RiskAspect::Ideation] = {stance, {{segment.id, std::string(sentence), std::nullopt}}};
                    return;
                }
            }
        }
    }
}

}  // namespace

std::vector<RiskFlag> detectRisks(std::span<const Segment> segments)
{
    std::vector<Observation> observations;
    // Where the last sign of suicide risk (not a denial) was seen, for what needs company.
    std::optional<std::size_t> lastSuicideSign;
    // A risk assessment runs over several exchanges ("Have you thought about how?" … "What
    // stops you?"): a sign stays context for the next eight turns.
    auto recentSuicideSign = [&](std::size_t i) { return lastSuicideSign && i - *lastSuicideSign <= 8; };
    // The last therapist turn that asked about a risk, for an elliptical follow-up ("Ever?").
    std::optional<std::size_t> lastAsked;
    std::vector<Question> lastQuestions;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& seg = segments[i];
        if (isClient(seg)) {
            // The therapist's turn just before, if it asked about suicide.
            bool suicideAsked = false;
            for (std::size_t k = i; k > 0 && k + 2 >= i; --k)
                if (isTherapist(segments[k - 1])) {
                    suicideAsked = asksAboutSuicide(words(segments[k - 1].text));
                    break;
                }
            auto own = clientObservations(seg, recentSuicideSign(i), suicideAsked);
            // Unless the answer itself speaks of acting ("I'm going to kill myself. It'll be
            // tonight.").
            if (answersSafetyStepRequest(segments, i) && !containsAny(words(seg.text), actingWords()))
                own.erase(std::remove_if(own.begin(), own.end(), [](const Observation& o) { return o.aspect == RiskAspect::Timeframe; }),
                          own.end());
            // While the work set last time is being reviewed (the therapist named it in the last
            // few turns), a sentence saying it was done part way and then stopped is not done,
            // whatever was asked ("Can you read me the sheet?" "…Thursday to Sunday, nothing.").
            // The therapist's last turn names the work, or goes on with it ("And after
            // Tuesday?") a few turns after naming it; "Tell me what happened." is about something
            // else ("…Then nothing. He don't answer the phone.").
            const bool reviewing = [&] {
                static const std::vector<Phrase> goingOn = phrases({"after", "and then", "rest of the week",
                                                                    "the other days", "the next day"});
                std::size_t last = i;
                while (last > 0 && !isTherapist(segments[last - 1])) --last;
                if (last == 0) return false;
                const auto lastTurn = words(segments[last - 1].text);
                if (namesTheWorkSet(lastTurn)) return true;
                if (!containsAny(lastTurn, goingOn)) return false;
                for (std::size_t k = last - 1; k > 0 && k + 6 >= last; --k)
                    if (isTherapist(segments[k - 1]) && namesTheWorkSet(words(segments[k - 1].text))) return true;
                return false;
            }();
            if (reviewing && std::none_of(own.begin(), own.end(), [](const Observation& o) {
                    return o.category == RiskCategory::NonCompliance;
                }))
                if (const auto part = stoppedPartWay(seg.text))
                    own.push_back({RiskCategory::NonCompliance, RiskAspect::Ideation, RiskStatus::Present,
                                   {{seg.id, std::string(part->of(seg.text)), std::nullopt}}});
            for (const auto& o : own)
                if (o.category == RiskCategory::SuicidalIdeation && o.stance != RiskStatus::Denied) lastSuicideSign = i;
            observations.insert(observations.end(), own.begin(), own.end());
            continue;
        }
        if (!isTherapist(seg)) continue;
        const bool suicideContext = recentSuicideSign(i);
        auto questions = questionsIn(seg, suicideContext);
        if (questions.empty() && lastAsked && *lastAsked + 2 >= i)
            questions = followUpOf(seg, lastQuestions);
        if (!questions.empty()) {
            lastAsked = i;
            lastQuestions = questions;
        }
        for (const Question& question : questions) {
            // The client's next turn, if it follows directly, is the answer; it answers only
            // what was asked.
            for (std::size_t j = i + 1; j < segments.size() && j <= i + 2; ++j) {
                if (isTherapist(segments[j])) break;
                if (!isClient(segments[j])) continue;
                Span where;
                std::optional<Span> takenBack;
                Answer answer = answerIn(segments[j], question.family->category, &where, &takenBack);
                const auto& family = *question.family;
                // "Have you thought about how?" "The bridge over the bypass." An answer that names
                // something, to a question about a plan, means, a time, preparation or what holds
                // them back, is that thing (a "no" was caught above).
                const bool namesIt = family.aspect != RiskAspect::Ideation && family.aspect != RiskAspect::Intent &&
                                     family.yesMeansPresent && isSuicideOrSelfHarm(family.category) &&
                                     where.of(segments[j].text).find('?') == std::string_view::npos &&
                                     !words(where.of(segments[j].text)).empty();
                // "What stops you?" "Nothing." names nothing: no protective factor (a denial);
                // "Not sure." is no answer at all.
                const auto answerWords = words(where.of(segments[j].text));
                // "Did you keep up the diary?" "Stopped after two days." is not done.
                static const std::vector<Phrase> stopped = phrases({"stopped", "i stopped", "gave up", "i gave up"});
                if (answer == Answer::Neither && family.category == RiskCategory::NonCompliance &&
                    startsWithAny(answerWords, stopped))
                    answer = Answer::Denies;
                // "I did Monday, Tuesday, Wednesday. Then I packed it in.", "After Thursday,
                // nothing.": done part way and then stopped is not done, whatever the answer
                // opened with.
                if (family.category == RiskCategory::NonCompliance && !family.yesMeansPresent && answer != Answer::Denies)
                    if (const auto part = stoppedPartWay(segments[j].text)) {
                        answer = Answer::Denies;
                        where = *part;
                    }
                // "Stopped at twenty-one." to a question about the risk: over, long ago (history
                // below); to "have you managed to stop?" a yes.
                const bool stoppedThen = answer == Answer::Neither && isSuicideOrSelfHarm(family.category) &&
                                         stoppedLongAgo(answerWords) && !recentOrOngoing(words(segments[j].text));
                if (stoppedThen) answer = family.yesMeansPresent ? Answer::Denies : Answer::Affirms;
                // Otherwise "Stopped at the bridge last night.", "Stopped after ten.", "Stopped when I
                // saw the blood.": what was stopped was being done. A yes, and recent.
                static const std::vector<Phrase> stoppedNow = phrases({"stopped", "i stopped"});
                if (answer == Answer::Neither && isSuicideOrSelfHarm(family.category) && family.yesMeansPresent &&
                    startsWithAny(answerWords, stoppedNow))
                    answer = Answer::Affirms;
                if (answer == Answer::Neither && namesIt && containsAny(answerWords, nonAnswers())) break;
                if (answer == Answer::Neither && namesIt && startsWithAny(answerWords, emptyAnswers()))
                    answer = Answer::Denies;
                // "What's happened with the thoughts since last week?" "Nothing. Well, apart from
                // Sunday night.": a "nothing" about the thoughts themselves is a no, and what
                // follows it is still read (below).
                if (answer == Answer::Neither && family.aspect == RiskAspect::Ideation && family.yesMeansPresent &&
                    isSuicideOrSelfHarm(family.category) && startsWithAny(answerWords, emptyAnswers()))
                    answer = Answer::Denies;
                if (answer == Answer::Neither && namesIt) answer = Answer::Affirms;
                // "Any self-harm, ever?" "At school. Cutting." An answer that says when is a yes,
                // about then.
                if (answer == Answer::Neither && family.yesMeansPresent && startsWithAny(answerWords, historyMarkers()))
                    answer = Answer::Affirms;
                // "I don't know. I've got my bottle of sleeping tablets and I look at it.": an
                // answer that is neither yes nor no but speaks of a method is a yes.
                if (answer == Answer::Neither && family.yesMeansPresent && family.aspect == RiskAspect::Ideation &&
                    isSuicideOrSelfHarm(family.category) && namesAMeans(words(segments[j].text)))
                    answer = Answer::Affirms;
                // "How much of you means to go through with it?" "Most of me.": a share of
                // themselves that would act is intent; "None of me." denies it.
                static const std::vector<Phrase> share = phrases({"most of me", "all of me", "part of me", "some of me",
                                                                  "a bit of me", "half of me", "a lot of me",
                                                                  "a little bit of me", "a small part of me"});
                // Not "Most of me knows I never would." or "Part of me wants to get better, so no."
                static const std::vector<Phrase> notActing = phrases({"never", "won't", "wouldn't", "not", "no",
                                                                      "get better", "knows", "doesn't", "don't"});
                if (answer != Answer::Affirms && family.aspect == RiskAspect::Intent && family.yesMeansPresent &&
                    startsWithAny(answerWords, share) && !containsAny(words(segments[j].text), notActing))
                    answer = Answer::Affirms;
                // "Zero now. At night more like a seven.": the highest rating given is the answer.
                if (answer == Answer::Neither && family.aspect == RiskAspect::Intent && family.yesMeansPresent)
                    for (const Span& part : splitSentences(segments[j].text))
                        if (const auto rated = ratingIn(words(part.of(segments[j].text)))) {
                            answer = *rated ? Answer::Affirms : Answer::Denies;
                            if (*rated) break;
                        }
                // "Didn't.", "Haven't yet.": no to a question about homework (not to one about
                // suicide: "Didn't think I'd make it through the weekend" is no denial).
                static const std::vector<Phrase> notDone = phrases({"didn't", "i didn't", "did not", "haven't",
                                                                    "i haven't", "not yet", "nope"});
                if (answer == Answer::Neither && family.category == RiskCategory::NonCompliance &&
                    startsWithAny(answerWords, notDone))
                    answer = Answer::Denies;
                // What "helps" that is itself a risk ("Getting drunk.", "My tablets.") is no
                // protective factor.
                if (family.aspect == RiskAspect::ProtectiveFactors && answer == Answer::Affirms &&
                    (holdsARisk(words(segments[j].text)) || protectsNothing(words(segments[j].text))))
                    break;
                if (answer == Answer::Neither) break;
                // To an open question the "no" is recorded as no denial; what follows it in the
                // turn (taken back, an exception, history) is still read.
                const bool openNo = answer == Answer::Denies && asksOpenly(question.sentence.of(seg.text));
                const std::string asked(question.sentence.of(seg.text));
                auto observe = [&](bool disclosure, Span said) {
                    // "Once, when I was fifteen." answers "Has there ever been a time…?" about the
                    // past: read in the answering sentence (and the one after a bare "Yes."), not
                    // in the rest of the turn ("Yes, I want to die. Mum died last year.").
                    const bool past = speaksOfThePast(words(answerAndDetail(segments[j].text, said)));
                    observations.push_back({family.category, family.aspect,
                                            disclosure ? (past ? RiskStatus::Historical : RiskStatus::Present)
                                                       : RiskStatus::Denied,
                                            {{seg.id, asked, std::nullopt},
                                             {segments[j].id, std::string(said.of(segments[j].text)), std::nullopt}}});
                };
                const bool disclosure = (answer == Answer::Affirms) == family.yesMeansPresent;
                if (!disclosure && denialNamesAnotherCategory(where.of(segments[j].text), family.category)) break;
                if (!disclosure && question.followedByOther) break;  // the "no" may be to the later question
                if (disclosure || !openNo) observe(disclosure, where);
                if (disclosure && family.category == RiskCategory::SuicidalIdeation) lastSuicideSign = j;
                if (disclosure && family.aspect == RiskAspect::Plan && family.yesMeansPresent &&
                    namesAMeans(words(segments[j].text)))
                    observations.push_back({family.category, RiskAspect::Means, RiskStatus::Present,
                                            {{segments[j].id, segments[j].text, std::nullopt}}});
                // Denied and then taken back in the same turn: both are kept (conflicting).
                // "Not of harming myself, no. But I have thought about dying." takes back nothing
                // about self-harm: what it says is about another risk.
                if (takenBack && family.yesMeansPresent &&
                    (saysTheThoughtComes(words(takenBack->of(segments[j].text))) ||
                     !speaksOnlyOfAnother(takenBack->of(segments[j].text), family.category)))
                    observe(true, *takenBack);
                // "No, not plans as such. I know where I'd do it though.", "Have those thoughts
                // gone away?" "Yeah, mostly. They still come back at night.": the answer given,
                // then what qualifies it. The qualification is kept as a disclosure beside it.
                if (!disclosure && isSuicideOrSelfHarm(family.category))
                    if (const auto but = qualifiedAfter(segments[j].text, where, family)) observe(true, *but);
                // "No. Not now. The last time I felt like that was before Sam was born.": denied
                // now, told of then. History, kept beside the denial. "Not since school." and
                // "Not any more." say as much in the denial itself.
                const bool aboutIdeation = !disclosure && family.yesMeansPresent && family.aspect == RiskAspect::Ideation &&
                                           isSuicideOrSelfHarm(family.category);
                // After a bare "No." the next sentence says what kind of no it is.
                Span lead = where;
                if (aboutIdeation && answerWords.size() <= 2 &&
                    std::all_of(answerWords.begin(), answerWords.end(),
                                [](const std::string& w) { return w == "no" || w == "nope" || w == "nah"; }))
                    for (const Span& part : splitSentences(segments[j].text))
                        if (part.begin >= where.end) {
                            lead = part;
                            break;
                        }
                const auto leadWords = words(lead.of(segments[j].text));
                // "Not since I was at school." is history; "Not since last night." is a
                // disclosure of last night, kept beside the denial (conflicting).
                const auto sinceAt = findPhrase(leadWords, std::vector<std::string>{"not", "since"});
                const bool sinceOpener = sinceAt != npos && sinceAt <= 1;
                const auto sinceWhen = sinceOpener ? std::vector<std::string>(leadWords.begin() + static_cast<std::ptrdiff_t>(sinceAt + 2), leadWords.end())
                                                   : std::vector<std::string>{};
                const bool longAgo = sinceOpener && speaksOfThePast(sinceWhen);
                // "Not any more. Well, apart from last night.", "No. The last time was three days
                // ago.": an exception that is recent outweighs the "no".
                static const std::vector<Phrase> exceptions = phrases({"not since", "the last time", "last time was",
                                                                       "apart from", "except", "until", "till"});
                std::optional<Span> recentException;
                for (const Span& part : splitSentences(segments[j].text)) {
                    if (part.end <= where.begin) continue;
                    const auto partWords = words(part.of(segments[j].text));
                    if (containsAny(partWords, exceptions) && recentOrOngoing(partWords)) {
                        recentException = part;
                        break;
                    }
                }
                const auto said = [&](RiskStatus stance, Span what) {
                    observations.push_back({family.category, family.aspect, stance,
                                            {{seg.id, asked, std::nullopt},
                                             {segments[j].id, std::string(what.of(segments[j].text)), std::nullopt}}});
                };
                if (aboutIdeation && recentException)
                    said(RiskStatus::Present, *recentException);
                // A bare "Not any more." to a question about both suicide and self-harm does not
                // say which it was: the rest of the turn must (toldOfThePast).
                else if (aboutIdeation && (startsWithAny(leadWords, pastOnlyDenials()) || longAgo || stoppedThen) &&
                         !(asksAboutSuicide(words(asked)) && asksAboutSelfHarm(words(asked))))
                    said(RiskStatus::Historical, lead);
                else if (aboutIdeation && sinceOpener && !sinceWhen.empty())
                    said(RiskStatus::Present, lead);
                else if (aboutIdeation)
                    if (const auto then = toldOfThePast(segments[j].text, where, asked, family.category))
                        said(RiskStatus::Historical, *then);
                break;
            }
        }
    }
    std::vector<RiskFlag> flags;
    for (RiskCategory category : kAllRiskCategories) {
        std::vector<const Observation*> about;
        for (const auto& o : observations)
            if (o.category == category) about.push_back(&o);
        if (about.empty()) continue;
        RiskFlag flag = flagFrom(category, about);
        if (flag.status == RiskStatus::Denied) doubtTheDenial(segments, flag);
        if (flag.category == RiskCategory::SelfHarmThreats) addMeansNamed(segments, flag);
        if (flag.category == RiskCategory::SuicidalIdeation) addMedicineAtHand(segments, flag);
        if (!flag.evidence.empty()) flags.push_back(std::move(flag));
    }
    return flags;
}

}  // namespace noteward::core::notes
