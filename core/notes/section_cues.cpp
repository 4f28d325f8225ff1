#include "notes/section_cues.h"

#include "notes/note_phrasing.h"
#include "notes/risk_detector.h"
#include "notes/text_analysis.h"

#include <algorithm>
#include <set>

namespace noteward::core::notes {

namespace {
struct SectionCues {
    Section section;
    int priority;  // breaks ties: the more specific section wins
    std::vector<std::vector<std::string>> phrases;
};

const std::vector<SectionCues>& sectionCues()
{
    static const std::vector<SectionCues> cues = {
        {Section::HomeworkGiven, 6,
         phrases({"for next week", "before next session", "before our next session", "before we meet",
                  "this coming week", "over the next week", "between now and", "your homework",
                  "homework for", "i'd like you to", "could you try", "would you be willing to",
                  "can you try", "agreed to try", "i'll try to", "i will try to", "i'll have a go",
                  "for this week", "so for this week", "before next week", "for homework", "as homework",
                  "between sessions", "i want you to", "your task", "this week try", "this week i'd like",
                  "so this week", "and this week", "this week just", "let's keep", "let's carry on", "carry on with the",
                  "keep it going", "keep that going", "keep going with", "going and add"})},
        {Section::NextSteps, 5,
         phrases({"next session", "next time", "next appointment", "next week we", "follow up", "follow-up",
                  "refer", "referral", "your gp", "book in", "booked", "see you next", "plan is", "we'll review",
                  "we will review", "in our next", "session after", "meet again", "we'll meet", "see you on",
                  "referring", "refer you", "review in", "review this in", "in two weeks", "in a fortnight",
                  "i'll see you", "write to your gp", "letter to your gp", "crisis team", "first next time",
                  "next time we", "i'll write to", "i'll ring", "same time", "speak again", "pencil in",
                  "book you in", "booked you in", "i'll text you", "i'll send you", "i'll email you", "i'll also send",
                  "i'll also write", "i'll let your", "practice nurse", "see you in", "see you monday", "see you tuesday",
                  "see you wednesday", "see you thursday", "see you friday", "see you after", "check in again",
                  "we'd review", "shall we review", "review at", "talk with your gp", "speak to your gp",
                  "talk to your gp", "see you then", "see you thursday week", "the dads' group", "support page",
                  "student support", "debt line", "bereavement service", "talking therapies",
                  // The next session's work, said with "we'll" or "let's" rather than "we".
                  "next week we'll", "next week let's", "next time we'll", "next time let's", "next session we'll",
                  "next session let's", "pick it up next", "pick this up next", "pick that up next",
                  // Safety-netting and contact before then.
                  "give you a ring", "give you a call", "i'll call you", "i'll phone you", "crisis number",
                  "crisis line", "ring 111", "call 111", "go to a&e", "samaritans"})},
        {Section::HomeworkReview, 4,
         phrases({"homework", "thought record", "thought records", "the diary", "activity diary", "worksheet",
                  "did you manage", "did you get a chance", "managed to do", "filled in", "filled it in",
                  "last week's task", "the task", "the exercise", "behavioural experiment", "activity schedule"})},
        {Section::Activities, 3,
         phrases({"let's", "let us", "shall we", "we could look at", "together", "role play", "role-play",
                  "evidence for", "evidence against", "alternative thought", "balanced thought",
                  "five areas", "formulation", "vicious cycle", "hot thought", "thinking error",
                  "thinking errors", "catastrophising", "downward arrow", "breathing", "grounding",
                  "out of 100", "out of ten", "percent", "problem solving", "pros and cons", "exposure",
                  "hierarchy", "rate how", "rate that", "ladder", "scheduling", "thought record", "step by step",
                  "drawing out", "draw out", "map out", "safety plan", "options", "what goes through your mind"})},
        {Section::WeekReview, 2,
         phrases({"this week", "last week", "past week", "the week", "since we last met", "since last time",
                  "since our last session", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday",
                  "saturday", "sunday", "how has your week", "how's your week", "how was your week"})},
        {Section::Agenda, 1,
         phrases({"agenda", "talk about today", "focus on today", "cover today", "look at today", "discuss today",
                  "want to talk about", "like to talk about", "want to focus on", "like to focus on",
                  "put on the agenda", "for today", "work on today", "today i'd like", "today we", "start with",
                  "we said we'd look at", "we could work on", "minutes on", "wanted to talk about", "wanted to look at",
                  "wanted to focus on", "wanted to go over", "go back over", "spend some time today", "time today on",
                  "like to go over", "today's list"})},
    };
    return cues;
}
}  // namespace

// `settingByTherapist`: the therapist says it, and not as a question. Then a phrase that sets
// work for the week ("for homework this week: …", "I'd like you to …") decides the section,
// whatever the task is called: naming the thought record does not make it a review of one.
// "This week, write the first draft…" / "Before next week, when the urge comes, try…": a
// therapist's sentence that opens with the week ahead and goes on with what to do (not "This
// week has been hard for you").
bool opensWithWorkForTheWeek(const std::vector<std::string>& tokens)
{
    static const auto frames = phrases({"this week", "this coming week", "over the next week", "before next week",
                                        "before we next meet", "before we meet", "between now and next time",
                                        "between now and next week", "until next time", "until next week",
                                        "over this week", "over the coming week", "during the week", "in the coming week",
                                        "before monday", "before tuesday", "before wednesday", "before thursday",
                                        "before friday", "before saturday", "before sunday"});
    static const std::vector<std::string_view> notATask = {
        "i", "we", "it", "it's", "that", "that's", "this", "there", "things", "was", "has", "had", "is", "seems",
        "seemed", "sounds", "sounded", "the", "my", "been", "went", "felt", "looks", "looked", "you've", "you're", "you'd",
        "your", "they", "he", "she",
        // A question about the week gone: "During the week, how often did you check the locks?"
        "how", "what", "did", "do", "does", "were", "are", "when", "where", "why", "which", "who", "any", "anything"};
    std::size_t at = 0;
    while (at < tokens.size() && (tokens[at] == "so" || tokens[at] == "and" || tokens[at] == "then" || tokens[at] == "okay"))
        ++at;
    for (const auto& frame : frames) {
        if (tokens.size() <= at + frame.size() || !std::equal(frame.begin(), frame.end(), tokens.begin() + static_cast<std::ptrdiff_t>(at)))
            continue;
        const std::string& next = tokens[at + frame.size()];
        return std::find(notATask.begin(), notATask.end(), next) == notATask.end();
    }
    return false;
}

// A sentence that tells the client what to do: it opens with a verb of doing ("Rate the urge
// out of ten.", "Then write down what happened."), not with a subject.
bool isInstruction(std::string_view sentence)
{
    static const std::vector<std::string_view> verbs = {
        "rate", "write", "note", "jot", "try", "keep", "notice", "record", "say", "walk", "go", "do", "ring", "call",
        "text", "read", "practise", "practice", "stay", "leave", "put", "plan", "book", "tick", "fill", "use", "bring",
        "spend", "take", "lock", "check", "send", "ask", "set", "make", "log", "track", "listen", "sit", "stand",
        "open", "post", "phone", "email", "pick", "choose", "arrive", "give", "hand", "tell", "wear", "type", "draw",
        "list", "add"};
    if (sentence.find('?') != std::string_view::npos) return false;
    auto tokens = words(sentence);
    while (!tokens.empty() && (tokens.front() == "then" || tokens.front() == "and" || tokens.front() == "also" ||
                               tokens.front() == "just" || tokens.front() == "so"))
        tokens.erase(tokens.begin());
    if (tokens.empty()) return false;
    // "If you catch yourself replaying, try…" / "When the urge comes, write…": the instruction
    // follows the condition's comma.
    if (tokens.front() == "if" || tokens.front() == "when" || tokens.front() == "whenever") {
        const std::size_t comma = sentence.find(',');
        return comma != std::string_view::npos && isInstruction(sentence.substr(comma + 1));
    }
    if (std::find(verbs.begin(), verbs.end(), tokens.front()) != verbs.end()) return true;
    // "One day, walk the kids to the gate." / "On Saturday, go in with Steve.": a time, then
    // the instruction.
    static const std::set<std::string> times = {"day", "days", "morning", "evening", "night", "week", "weekend",
                                                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                "sunday", "tomorrow", "tonight", "once", "twice", "daily"};
    const std::size_t comma = sentence.find(',');
    if (comma == std::string_view::npos) return false;
    const auto before = words(sentence.substr(0, comma));
    const bool aTime = before.size() <= 4 && std::any_of(before.begin(), before.end(), [](const std::string& w) {
                           return times.count(w) != 0;
                       });
    return aTime && isInstruction(sentence.substr(comma + 1));
}

// "Tuesday at ten, open the top three, and bring them next week.", "Let's add one small thing
// each day.", "Your experiment is to go on Wednesday…": the therapist telling the client what to
// do, with a time after the session to do it in.
bool setsWorkAhead(std::string_view sentence, const std::vector<std::string>& tokens)
{
    static const auto ahead = phrases({"next week", "next time", "each day", "every day", "each evening", "every evening",
                                       "each morning", "every morning", "each night", "every night", "tonight",
                                       "tomorrow", "at home", "before we meet", "before our", "afterwards",
                                       "this weekend", "on monday", "on tuesday", "on wednesday", "on thursday",
                                       "on friday", "on saturday", "on sunday", "a day", "times a week", "this week",
                                       "next evening", "next morning", "next day", "each time", "every time",
                                       "before monday", "before tuesday", "before wednesday", "before thursday",
                                       "before friday", "before saturday", "before sunday"});
    static const auto yours = phrases({"your experiment is", "your task is", "your homework is", "the homework is",
                                       "the experiment is", "the task is"});
    const auto any = [&](const std::vector<std::vector<std::string>>& list) {
        return std::any_of(list.begin(), list.end(), [&](const auto& p) { return findPhrase(tokens, p) != npos; });
    };
    if (any(yours)) return true;
    if (!any(ahead) || sentence.find('?') != std::string_view::npos) return false;
    std::size_t at = 0;
    while (at < tokens.size() && (tokens[at] == "so" || tokens[at] == "and" || tokens[at] == "then" || tokens[at] == "okay" ||
                                  tokens[at] == "fine" || tokens[at] == "right"))
        ++at;
    const bool ours = tokens.size() > at + 1 && tokens[at] == "let's" &&
                      (tokens[at + 1] == "add" || tokens[at + 1] == "keep" || tokens[at + 1] == "make");
    return ours || isInstruction(sentence);
}

std::optional<Section> sectionOf(std::string_view sentence, bool early, bool settingByTherapist)
{
    const auto tokens = words(sentence);
    // Safety-netting ("If things get worse before Friday, ring 111.") is a next step, however it
    // is put: never homework.
    static const auto safetyNet = phrases({"111", "999", "a&e", "crisis line", "crisis number", "crisis team",
                                           "samaritans", "shout"});
    // Only as something to do ("ring", "if", "you can"…): "now he's being seen by a crisis team",
    // in a summary of what happened to someone else, is no step.
    static const auto toDo = phrases({"if", "ring", "call", "contact", "phone", "text", "number", "you can", "you could",
                                      "i'll", "we'll", "you'll", "they'll", "he'll", "she'll", "will", "going to",
                                      "should", "use", "go to", "refer", "here's", "keep", "tomorrow", "today", "tonight",
                                      "later", "this week", "next", "can", "need", "want", "let's", "would",
                                      "they'd", "there for you", "day or night", "remember"});
    const bool safetyWords =
        std::any_of(safetyNet.begin(), safetyNet.end(), [&](const auto& p) { return findPhrase(tokens, p) != npos; });
    // A story of what happened ("they came Friday", "you got help to him"): told, not planned.
    static const std::set<std::string> told = {"came", "went", "was", "were", "had", "got", "sent", "rang", "flew",
                                               "took", "said", "told", "saw", "found"};
    const bool recounted = std::any_of(tokens.begin(), tokens.end(), [](const std::string& w) { return told.count(w) != 0; });
    const bool somethingToDo =
        !recounted || std::any_of(toDo.begin(), toDo.end(), [&](const auto& p) { return findPhrase(tokens, p) != npos; });
    if (settingByTherapist && safetyWords && somethingToDo) return Section::NextSteps;
    // "Then next session we'll carry on with the grief letter.": what the two will do next
    // time is the plan, not work set for the week.
    static const auto ourNextTime = phrases({"next session we'll", "next session we will", "next time we'll", "next time we will",
                                             "next week we'll", "next week we will", "next session i'll", "next time i'll"});
    if (settingByTherapist &&
        std::any_of(ourNextTime.begin(), ourNextTime.end(), [&](const auto& p) { return findPhrase(tokens, p) != npos; }))
        return Section::NextSteps;
    if (settingByTherapist && (opensWithWorkForTheWeek(tokens) || setsWorkAhead(sentence, tokens))) return Section::HomeworkGiven;
    if (settingByTherapist)
        for (const auto& cue : sectionCues())
            if (cue.section == Section::HomeworkGiven)
                for (const auto& p : cue.phrases)
                    if (findPhrase(tokens, p) != npos) return Section::HomeworkGiven;
    // In the opening minutes, words that set the agenda decide the section, whatever the item
    // is ("I'd like ten minutes on the activity schedule" is an agenda item, not a review).
    if (early) {
        static const auto frames = phrases({"agenda", "minutes on", "for today", "talk about today", "look at today",
                                            "focus on today", "cover today", "wanted to talk about", "wanted to look at",
                                            "wanted to focus on", "go back over", "spend some time today", "time today on",
                                            "today's list"});
        for (const auto& f : frames)
            if (findPhrase(tokens, f) != npos) return Section::Agenda;
    }
    // "I'd like us to do a safety plan together next time": work for a later session is the
    // plan, not what was done today.
    static const auto later = phrases({"next time", "next session", "when we next meet", "when we meet next"});
    const bool forLater =
        settingByTherapist && std::any_of(later.begin(), later.end(), [&](const auto& p) { return findPhrase(tokens, p) != npos; });
    std::optional<Section> best;
    int bestScore = 0;
    int bestPriority = 0;
    for (const auto& cue : sectionCues()) {
        int score = 0;
        for (const auto& p : cue.phrases) {
            // The crisis team named in a story ("Now he has the crisis team, they came
            // Friday") plans nothing.
            if (!somethingToDo && std::any_of(safetyNet.begin(), safetyNet.end(), [&](const auto& net) { return net == p; }))
                continue;
            if (findPhrase(tokens, p) != npos) score += static_cast<int>(p.size());
        }
        if (cue.section == Section::Agenda && !early) score = 0;  // agendas are set at the start
        if (score > bestScore || (score == bestScore && score > 0 && cue.priority > bestPriority)) {
            best = cue.section;
            bestScore = score;
            bestPriority = cue.priority;
        }
    }
    if (forLater && best == Section::Activities) return Section::NextSteps;
    return best;
}

// "Tell me about your week first." / "Catch me up.": a prompt that asks as a question does,
// so the answers after it are placed by it.
bool promptsAnAnswer(std::string_view sentence)
{
    static const auto openers = phrases({"tell me", "talk me through", "walk me through", "bring me up to speed",
                                         "catch me up", "fill me in", "week first"});
    auto tokens = words(sentence);
    while (!tokens.empty() && (tokens.front() == "so" || tokens.front() == "okay" || tokens.front() == "right" ||
                               tokens.front() == "and" || tokens.front() == "then" || tokens.front() == "now"))
        tokens.erase(tokens.begin());
    return std::any_of(openers.begin(), openers.end(), [&](const auto& o) { return findPhrase(tokens, o) == 0; });
}

bool asks(std::string_view sentence)
{
    return sentence.find('?') != std::string_view::npos || promptsAnAnswer(sentence);
}

// What a therapist's question asks about, so that the answers after it can be placed even
// when they do not name the topic themselves ("Did you manage the diary?" "Only twice.").
std::optional<Section> questionTopic(std::string_view question, bool early)
{
    const auto tokens = words(question);
    const auto has = [&](std::initializer_list<std::string_view> list) {
        for (auto p : list)
            if (findPhrase(tokens, words(p)) != npos) return true;
        return false;
    };
    if (early && has({"agenda", "talk about today", "focus on today", "cover today", "look at today", "work on today",
                      "want to talk about", "like to talk about", "want to focus on", "like to focus on", "want to cover",
                      "today's list", "put on today", "where shall we start", "where shall we begin", "what should we cover",
                      "what shall we cover", "anything you want to add", "anything else for today", "on the list",
                      "where would you like to start", "where do you want to start", "where would you like to begin",
                      "where do you want to begin", "where shall we begin", "like to start with", "want to start with",
                      "would you like to cover", "do you want to cover", "would you add", "like to add", "set the agenda",
                      "most important today", "bring today", "brought today", "on your mind today", "wanted to focus on",
                      "wanted to talk about", "wanted to look at", "wanted to go over", "make sure we get to",
                      "need to cover", "most pressing", "plan for today", "on your list", "what's on the list",
                      "worth coming", "get to today"}))
        return Section::Agenda;
    // An early question about today that is not how the client feels ("What shall we do with
    // today?", "What's most useful for today?") asks what the session is for.
    if (early && has({"today"}) &&
        !has({"feeling", "feel", "how are you", "how are things", "how's things", "how have you", "mood", "rate"}))
        return Section::Agenda;
    // "Shall we have a go at something together?" proposes work now: no review of last week's.
    const bool proposal = has({"shall we have a go", "let's have a go", "shall we try", "let's try", "could we try",
                               "can we try", "should we try", "could we have a go", "can we have a go"});
    if ((!proposal && has({"homework", "thought record", "thought records", "diary", "worksheet", "experiment", "the task",
             "the exercise", "did you manage", "did you get a chance", "did you get round", "did you try",
             "how did it go", "how did that go", "get on with", "have a go", "the reading", "chapter", "handout",
             "questionnaire", "survey", "from last week", "from last time", "last week's", "we set", "you were going to",
             "we said we'd", "you said you'd", "we agreed", "you agreed", "get a chance"})) ||
        (has({"how did"}) && !tokens.empty() && tokens.back() == "go"))
        return Section::HomeworkReview;
    if (has({"week", "since we last", "since last time", "weekend", "since i last saw", "how have you been",
             "how are things", "how have things been", "fortnight", "how's it been", "how are you", "how've you been",
             "since the", "since last", "what happened", "what's happened", "been happening", "been going on",
             "up to speed", "catch me up", "fill me in", "what did the days"}))
        return Section::WeekReview;
    if (has({"out of 100", "out of a hundred", "out of ten", "percent", "rate", "evidence", "believe",
             "went through your mind", "what thoughts", "what was going through", "notice", "nought to", "zero to",
             "as a percentage", "how strongly", "how sure", "core belief", "what would you say to",
             "what would you tell", "hot thought", "what do you predict", "prediction"}))
        return Section::Activities;
    return std::nullopt;
}

// The homework a review is about, when the question names it and the answer does not.
std::string homeworkTopic(std::string_view question, std::string_view answer)
{
    static const std::vector<std::string_view> topics = {
        "thought records", "thought record", "mood diary", "activity diary", "diary", "behavioural experiment",
        "experiment", "worksheet", "activity schedule", "activity plan", "worry time", "exposure list", "exposure",
        "walks", "walk", "breathing", "reading", "schedule"};
    const auto q = words(question);
    const auto a = words(answer);
    for (auto t : topics) {
        const auto phrase = words(t);
        if (findPhrase(q, phrase) != npos && findPhrase(a, phrase) == npos) return std::string(t);
    }
    return {};
}

// "See you next Wednesday?", "I'd like to talk with your GP about how low things are, is that
// okay?": an arrangement for after the session, put as a question for the client to agree.
// The question is only how it is asked: it is a next step. Its check ("is that okay?") is
// dropped. nullopt for any other question ("Have you seen your GP?").
std::optional<std::string> arrangementAsked(std::string_view question)
{
    static const auto openers = phrases({"see you", "i'd like to", "i'll", "i will", "i'm going to", "i am going to",
                                         "could you see", "can you see", "shall we review", "shall we meet",
                                         "shall we book", "is it okay if i", "would it be okay if i", "let's",
                                         "same time"});
    auto tokens = words(question);
    std::size_t at = 0;
    while (at < tokens.size() && (tokens[at] == "and" || tokens[at] == "so" || tokens[at] == "good" ||
                                  tokens[at] == "okay" || tokens[at] == "then" || tokens[at] == "also"))
        ++at;
    const std::vector<std::string> rest(tokens.begin() + static_cast<std::ptrdiff_t>(at), tokens.end());
    if (!std::any_of(openers.begin(), openers.end(), [&](const auto& o) { return findPhrase(rest, o) == 0; }))
        return std::nullopt;
    std::string cleaned = withoutFillers(question);
    for (std::string_view check : {", is that okay", ", is that alright", ", is that all right", ", would that be okay",
                                   ", if that's okay", ", if that's alright", ", if that is okay"})
        if (const auto cut = asciiLower(cleaned).find(check); cut != std::string::npos) cleaned.erase(cut);
    while (!cleaned.empty() && (cleaned.back() == '?' || cleaned.back() == ' ')) cleaned.pop_back();
    if (cleaned.empty()) return std::nullopt;
    if (cleaned.back() != '.') cleaned += '.';
    return cleaned;
}

// "Eighty-five.", "About 40%", "Maybe a six.": a number given as a rating.
bool isAMeasure(std::string_view sentence)
{
    static const std::vector<std::string_view> numbers = {
        "zero", "nought", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "percent", "half"};
    for (const auto& w : words(sentence)) {
        if (!w.empty() && std::isdigit(static_cast<unsigned char>(w.front()))) return true;
        for (auto n : numbers)
            if (w == n || (w.size() > n.size() && w.rfind(n, 0) == 0 && w[n.size()] == '-')) return true;
    }
    return false;
}

// Chatter that belongs in no section: greetings, thanks, starting and booking.
bool isChatter(std::string_view sentence)
{
    const auto tokens = words(sentence);
    for (auto p : {"let's begin", "let's start", "let's get started", "shall we start", "shall we begin", "see you",
                   "same time", "take care", "thank you", "thanks", "bye", "nice to see", "good to see", "book you",
                   "book in", "in the diary for"})
        if (findPhrase(tokens, words(p)) != npos) return true;
    // "Shall we come back to that?", "Let's park that.": the talk put off, nothing done.
    if (tokens.size() <= 6)
        for (auto p : {"come back to that", "come back to it", "park that", "park it", "leave that there", "leave it there"})
            if (findPhrase(tokens, words(p)) != npos) return true;
    return false;
}

bool isBareHeading(std::string_view sentence)
{
    static const std::set<std::string> heading = {"so", "for", "this", "next", "week", "homework", "the", "before", "our",
                                                  "session", "then", "okay", "right", "and", "now", "time"};
    const auto tokens = words(sentence);
    return !tokens.empty() && std::all_of(tokens.begin(), tokens.end(), [](const std::string& w) { return heading.count(w) != 0; });
}

// "Just one line each evening, would that be doable?": a task put forward, then checked.
// Where the check starts (the task is what comes before it), or npos.
std::size_t feasibilityCheckAt(std::string_view question)
{
    static const std::vector<std::string_view> checks = {", would that be doable", ", would that be manageable",
                                                         ", does that sound doable", ", would that work",
                                                         ", is that doable", ", is that manageable",
                                                         ", could you manage that", ", how does that sound"};
    const std::string lower = asciiLower(std::string(question));
    for (auto c : checks)
        if (const auto at = lower.find(c); at != std::string::npos && words(question.substr(0, at)).size() >= 3) return at;
    return std::string::npos;
}

// "Could you give the blades to your mum this week?": a request for the week ahead.
bool asksForWorkThisWeek(std::string_view question)
{
    const auto tokens = words(question);
    const auto any = [&](std::initializer_list<std::string_view> list) {
        for (auto p : list)
            if (findPhrase(tokens, words(p)) != npos) return true;
        return false;
    };
    return (any({"could you", "would you", "can you", "will you", "how about", "what about", "what if we", "what if you",
                 "shall we say"}) &&
            any({"this week", "next week", "at home", "before we meet", "each day", "every day", "each evening",
                 "every evening", "when the urge", "between now"})) ||
           feasibilityCheckAt(question) != std::string::npos;
}

// "Two things." / "Just one thing really.": how many items follow, not an item.
bool isListFraming(std::string_view sentence)
{
    const auto tokens = words(sentence);
    if (tokens.empty() || tokens.size() > 4) return false;
    const std::string& last = tokens.back() == "really" && tokens.size() > 1 ? tokens[tokens.size() - 2] : tokens.back();
    return last == "thing" || last == "things";
}

// "Fine." / "Yeah, that's fine." / "Okay, sure.": agreement, naming nothing.
bool isAcknowledgement(std::string_view sentence)
{
    static const std::vector<std::string_view> plain = {"yes", "yeah", "yep", "fine", "okay", "ok", "sure", "alright",
                                                        "right", "that's", "sounds", "good", "great", "mm", "hmm", "no",
                                                        "problem", "of", "course", "go", "on", "then"};
    const auto tokens = words(sentence);
    return !tokens.empty() && std::all_of(tokens.begin(), tokens.end(), [](const std::string& w) {
        return std::find(plain.begin(), plain.end(), w) != plain.end();
    });
}

// In a turn setting the agenda, a sentence that proposes an item: not the therapist's own
// remark ("I know it's been a really tough fortnight for you."), but "I thought we could…",
// "I'd like…", "Homework, then the hierarchy…".
bool proposesAnItem(std::string_view sentence)
{
    const auto tokens = words(sentence);
    if (tokens.empty()) return false;
    if (tokens[0] != "i" && tokens[0] != "i'm" && tokens[0] != "i've" && tokens[0] != "i'll") return true;
    static const std::set<std::string> proposing = {"thought", "wanted", "want", "was", "would", "wondered", "think"};
    return tokens[0] == "i" && tokens.size() > 1 && proposing.count(tokens[1]) != 0;
}

bool proposesSessionWork(std::string_view sentence)
{
    static const auto frames = phrases({"we could", "we can look", "i'd like to", "i'd like us to", "i would like to",
                                        "i'd suggest", "i suggest", "i had in mind", "i was hoping we", "i wanted to",
                                        "i want to", "i thought we", "i thought today", "let's", "we'll start",
                                        "we'll look", "i'd also like", "start with", "carry on with", "finish the",
                                        "finishing with", "go over"});
    static const auto pleasantries = phrases({"thanks", "thank you", "hi", "hello", "good morning", "good afternoon",
                                              "come in", "sit down", "nice to see"});
    const auto tokens = words(sentence);
    if (tokens.size() < 4 || findPhrase(tokens, words("how are")) == 0) return false;
    for (const auto& p : pleasantries)
        if (findPhrase(tokens, p) == 0) return false;
    return std::any_of(frames.begin(), frames.end(), [&](const auto& f) { return findPhrase(tokens, f) != npos; });
}

bool setsOutTheSession(std::string_view turn)
{
    // A proposal for the session and a check that it suits ("How does that sound?", "Is that
    // agreeable?", "you tell me if there's something more pressing"), or the word "today".
    static const auto checks = phrases({"agenda", "today", "how does that sound", "does that sound", "is that agreeable",
                                        "tell me if", "anything you want to add", "anything you'd like to add",
                                        "anything to add", "anything else", "more pressing", "does that work",
                                        "is that okay", "is that alright", "what we're covering", "what we cover"});
    bool proposes = false;
    for (const Span& span : splitSentences(turn)) {
        const auto sentence = span.of(turn);
        if (!asks(sentence) && proposesSessionWork(sentence)) proposes = true;
    }
    const auto tokens = words(turn);
    return proposes && std::any_of(checks.begin(), checks.end(), [&](const auto& c) { return findPhrase(tokens, c) != npos; });
}

bool declinesToAdd(std::string_view sentence)
{
    // The whole sentence, not its first word: "No, just my sleep." adds the sleep.
    static const std::set<std::string> declining = {"dunno", "don't", "know", "no", "nope", "not", "really", "nothing",
                                                    "sure", "that's", "it's", "fine", "all", "you", "tell", "me", "up",
                                                    "to", "whatever", "you're", "the", "expert", "sounds", "like", "a",
                                                    "plan", "your", "yeah", "okay", "ok", "i", "think", "go", "on",
                                                    "anyway", "mind", "good", "great"};
    static const std::set<std::string> openers = {"dunno", "no", "nope", "not", "nothing", "that's", "it's", "whatever",
                                                  "you", "you're", "fine", "i"};
    const auto tokens = words(sentence);
    if (tokens.empty() || tokens.size() > 8 || !openers.count(tokens.front())) return false;
    return std::all_of(tokens.begin(), tokens.end(), [](const std::string& w) { return declining.count(w) != 0; });
}

// "Shall we…?", "Could we try…?": a question that proposes work for the two of them now.
bool proposesWorkTogether(std::string_view sentence)
{
    static const auto frames = phrases({"shall we", "could we", "can we", "should we", "we might", "we could", "let's",
                                        "how about we", "would it help to", "what if we"});
    const auto tokens = words(sentence);
    if (tokens.size() < 5) return false;
    return std::any_of(frames.begin(), frames.end(), [&](const auto& f) { return findPhrase(tokens, f) != npos; });
}

}  // namespace noteward::core::notes
