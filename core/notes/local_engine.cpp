#include "notes/local_engine.h"

#include "notes/reported_speech.h"

#include "notes/risk_detector.h"
#include "notes/text_analysis.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
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
        "your", "they", "he", "she"};
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
    return std::find(verbs.begin(), verbs.end(), tokens.front()) != verbs.end();
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
    std::optional<Section> best;
    int bestScore = 0;
    int bestPriority = 0;
    for (const auto& cue : sectionCues()) {
        int score = 0;
        for (const auto& p : cue.phrases)
            if (findPhrase(tokens, p) != npos) score += static_cast<int>(p.size());
        if (cue.section == Section::Agenda && !early) score = 0;  // agendas are set at the start
        if (score > bestScore || (score == bestScore && score > 0 && cue.priority > bestPriority)) {
            best = cue.section;
            bestScore = score;
            bestPriority = cue.priority;
        }
    }
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
                                         "shall we book", "is it okay if i", "would it be okay if i", "let's"});
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
    return false;
}


Statement made(std::string text, std::vector<std::string> sources, std::string rule)
{
    return {std::move(text), std::move(sources), Origin::Transcript, std::move(rule)};
}

// A therapist's sentence that is not a question, in the note's register; nullopt when it
// records nothing (chatter, or a reflection of what the client said, which the client's own
// words record better).
std::optional<Statement> therapistStatement(const Segment& seg, std::string_view sentence, Section section)
{
    const std::string cleaned = withoutFillers(sentence);
    // "See you next Wednesday." is chatter in any section but the next steps, where it is the plan.
    if (section != Section::HomeworkGiven && section != Section::NextSteps && isChatter(sentence)) return std::nullopt;
    switch (section) {
    case Section::HomeworkGiven:
        if (auto written = inRegister(section, cleaned)) return made(*written, {seg.id}, "homework_given.set");
        return made("Homework set: " + addressedToClient(lowerFirst(cleaned)), {seg.id}, "homework_given.set_plain");
    case Section::NextSteps:
        if (auto written = inRegister(section, cleaned)) return made(*written, {seg.id}, "next_steps.plan");
        return made("Next steps: " + addressedToClient(lowerFirst(cleaned)), {seg.id}, "next_steps.plain");
    case Section::Activities: {
        static const std::vector<std::string_view> openers = {"let's", "let us", "shall we", "we could", "i'd like us to",
                                                              "we're going to", "we are going to", "i want us to"};
        const std::string work = afterOpener(cleaned, openers).value_or(cleaned);
        if (words(work).size() < 3) return std::nullopt;
        return made("In session: " + addressedToClient(lowerFirst(work)), {seg.id}, "activities.in_session");
    }
    case Section::Agenda: {
        static const std::vector<std::string_view> openers = {
            "put on the agenda", "on the agenda", "you wanted to talk about", "you wanted to look at", "you wanted to focus on",
            "you wanted to go over", "wanted to talk about", "wanted to look at", "wanted to focus on", "minutes on",
            "spend some time today on", "spend some time on", "i'd also like us to", "i'd like us to", "i'd like to",
            "we could also", "we could", "like to add"};
        // An agenda item may be a word ("sleep"), unlike a task.
        std::string item = afterOpener(cleaned, openers, 1).value_or(cleaned);
        // "We'll put work on the agenda." → "work".
        const std::string lower = asciiLower(item);
        if (const auto put = lower.find("put "), on = lower.find(" on the agenda"); put != std::string::npos &&
                                                                                   on != std::string::npos && on > put + 4)
            item = item.substr(put + 4, on - put - 4) + ".";
        return made("Agenda item: " + addressedToClient(lowerFirst(item)), {seg.id}, "agenda.therapist_item");
    }
    default:
        return std::nullopt;  // the therapist's reflections of the week or the homework
    }
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
    return (any({"could you", "would you", "can you", "will you", "how about", "what about"}) &&
            any({"this week", "next week", "at home", "before we meet", "each day", "every day", "each evening",
                 "every evening", "when the urge", "between now"})) ||
           feasibilityCheckAt(question) != std::string::npos;
}

std::optional<Statement> suggestedHomework(const Segment& seg, std::string_view sentence)
{
    static const std::vector<std::string_view> openers = {
        "for homework this week", "for homework", "for this week", "for next week", "before next week",
        "before our next session", "this week", "could you try to", "could you try", "can you try to", "can you try",
        "would you be willing to", "would you like to try", "would you be up for", "how about", "what about", "could you",
        "would you", "can you", "will you"};
    std::string cleaned = withoutFillers(sentence);
    while (!cleaned.empty() && (cleaned.back() == '?' || cleaned.back() == '.')) cleaned.pop_back();
    auto task = afterOpener(cleaned, openers);
    if (const auto check = feasibilityCheckAt(cleaned); !task && check != std::string::npos)
        task = lowerFirst(cleaned.substr(0, check));
    if (!task) return std::nullopt;
    return made("Homework suggested: " + addressedToClient(*task) + ".", {seg.id}, "homework_given.suggested");
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

// The last question in a therapist's turn: the one the next answer answers.
std::string lastQuestionIn(const Segment& turn)
{
    std::string q;
    for (const Span& span : splitSentences(turn.text))
        if (span.of(turn.text).find('?') != std::string_view::npos && !looksLikeInstruction(span.of(turn.text)))
            q = std::string(span.of(turn.text));
    return q;
}

// A bare answer ("No.", "Not really.") with the short sentences that follow it in the same
// turn, verbatim: "No. No plans. I wouldn't do that to my mum." says more than its "No." does,
// and a clinician reads the denial with its reasons. At most two more sentences of at most
// twelve words each, none a question, none naming or quoting someone else; the text is an
// exact substring of the segment.
std::string answerGoingOn(const Segment& seg, const std::string& quote, std::size_t bare = 3)
{
    if (words(quote).size() > bare) return quote;
    const std::size_t at = seg.text.find(quote);
    if (at == std::string::npos) return quote;
    std::size_t end = at + quote.size();
    int added = 0;
    for (const Span& span : splitSentences(seg.text)) {
        if (span.begin < end) continue;
        const std::string_view next = span.of(seg.text);
        if (added == 2 || words(next).size() > 12 || next.find('?') != std::string_view::npos) break;
        // Not into someone else's doings or words: "No. My friend said she'd end it." stays "No."
        const auto said = words(next);
        if (reportedSpeechStart(next) != kNoReportedSpeech || next.find('"') != std::string_view::npos ||
            next.find('\'') == 0 || std::any_of(said.begin(), said.end(), [](const std::string& w) { return namesSomeoneElse(w); }))
            break;
        end = span.end;
        ++added;
    }
    return seg.text.substr(at, end - at);
}

// A client's sentence, placed by the question it answers when there was one.
std::optional<Candidate> clientStatement(const Segment& seg, std::string_view sentence, std::optional<Section> cued,
                                         const Segment* question, std::optional<Section> asked)
{
    const std::string cleaned = withoutFillers(sentence);
    const Section own = cued.value_or(Section::WeekReview);
    // Work the client agrees to, or a plan, is that even when it answers a question.
    const bool answer = question && asked && !(cued.has_value() && (own == Section::HomeworkGiven || own == Section::NextSteps));
    if (!answer && !cued.has_value()) return std::nullopt;
    // Placed by the question alone, a sentence must be about the client: "My cousin tried to
    // kill himself" answers "How are things at home?" but is not the client's week, nor their
    // homework.
    if (answer && !cued.has_value() && words(sentence).size() >= (asked == Section::Agenda ? 6u : 4u) &&
        (asked == Section::WeekReview || asked == Section::Agenda || asked == Section::HomeworkReview)) {
        const auto tokens = words(sentence);
        // An agenda item is often a topic of their own, named: "The row with my flatmate, and
        // the bathroom thing."; homework is theirs too: "My diary's in my bag."
        const bool agenda = asked == Section::Agenda;
        const bool owns = agenda || asked == Section::HomeworkReview;
        const bool aboutThemselves = std::any_of(tokens.begin(), tokens.end(), [&](const std::string& w) {
            return w == "i" || w == "i'm" || w == "i've" || w == "i'd" || w == "i'll" || w == "me" || w == "myself" ||
                   (owns && w == "my");
        });
        // "Slept much better." / "Parents' evening Tuesday, marking till midnight." / "We had
        // an inspection.": a sentence of the client's answer that names nobody else (no "my
        // cousin", "mum's", "she" or "his") is the client's own news.
        const bool elliptical = !agenda && std::none_of(tokens.begin(), tokens.end(), [](const std::string& w) {
            return w == "my" || namesSomeoneElse(w);
        });
        if (!aboutThemselves && !elliptical) return std::nullopt;
        // Someone else's words, quoted in a sentence placed by the question alone ("she
        // looked at it and said, 'You're hopeless…'"), are theirs: left to the clinician's
        // reading of the transcript, not restated in the note.
        if (reportedSpeechStart(cleaned) != kNoReportedSpeech) return std::nullopt;
    }
    const Section section = answer ? asked.value() : own;
    std::vector<std::string> sources = {seg.id};
    switch (section) {
    case Section::Agenda: {
        static const std::vector<std::string_view> openers = {
            "want to talk about", "like to talk about", "want to focus on", "like to focus on", "want to look at",
            "like to look at", "put on the agenda", "on the agenda", "want to cover", "talk about"};
        // "I want to talk about X" → "X"; but "My appraisal, and I want to look at X" keeps both.
        std::string item = cleaned;
        if (auto after = afterOpener(cleaned, openers, 1); after && cleaned.size() - after->size() <= 30) item = *after;
        // "Where shall we start?" "With my brother." → "my brother".
        for (std::string_view lead : {"start with ", "begin with ", "with "})
            if (asciiLower(item).rfind(lead, 0) == 0) {
                item = item.substr(lead.size());
                break;
            }
        return Candidate{section, made("Agenda item: " + lowerFirst(clientSays("", item)), sources,
                                       answer ? "agenda.client_answer" : "agenda.client_item")};
    }
    case Section::HomeworkReview: {
        if (answer) {
            sources.insert(sources.begin(), question->id);
            const std::string lower = asciiLower(cleaned);
            const bool bare = words(cleaned).size() < 4 || lower.rfind("yes", 0) == 0 || lower.rfind("no", 0) == 0;
            if (bare) {
                // "No, I never got round to it." is the answer only with its question.
                return Candidate{section, made("Therapist asked: " + withoutFillers(lastQuestionIn(*question)) + " Client answered: " +
                                                   answerGoingOn(seg, std::string(sentence)),
                                               sources, "homework_review.question_answer")};
            }
            const std::string topic = homeworkTopic(question->text, sentence);
            return Candidate{section, made("Homework review" + (topic.empty() ? std::string() : " (" + topic + ")") +
                                               ": " + clientSays("client reported that ", sentence),
                                           sources, "homework_review.answer")};
        }
        return Candidate{section, made(clientSays("Client reported that ", sentence), sources, "homework_review.client")};
    }
    case Section::HomeworkGiven: {
        // "Agreed" only when the client says so: any other answer is reported as said.
        static const std::vector<std::string_view> agreeing = {
            "yes", "yeah", "ok", "okay", "sure", "fine", "that's fine", "will do", "sounds good", "i'll do that",
            "i will do that", "i can do that", "i'll try", "i will try", "i can try", "i'll give it a go"};
        const std::string lower = asciiLower(sentence);
        const bool agrees = std::any_of(agreeing.begin(), agreeing.end(), [&](std::string_view a) {
            return lower.rfind(a, 0) == 0 && (lower.size() == a.size() || !std::isalpha(static_cast<unsigned char>(lower[a.size()])));
        });
        return agrees ? Candidate{section, made(clientSays("Client agreed that ", sentence), sources, "homework_given.client_agreed")}
                      : Candidate{section, made(clientSays("Client said that ", sentence), sources, "homework_given.client_said")};
    }
    case Section::Activities:
        if (answer) {
            sources.insert(sources.begin(), question->id);
            return Candidate{section, made("Therapist asked: " + withoutFillers(lastQuestionIn(*question)) +
                                               " Client answered: " + cleaned,
                                           sources,
                                           "activities.question_answer")};
        }
        return Candidate{section, made(clientSays("Client reported that ", sentence), sources, "activities.client")};
    case Section::NextSteps:
        return Candidate{section, made(clientSays("Client said that ", sentence), sources, "next_steps.client")};
    default: {
        // A bare verdict on the week ("Pretty bad.") is how the client described it, not a
        // report of something: "Client described the week as pretty bad."
        const auto said = words(cleaned);
        static const std::set<std::string> notAVerdict = {"yes", "yeah", "no", "nope", "maybe", "dunno", "sure", "okay", "ok"};
        const bool verdict = answer && !said.empty() && said.size() <= 3 &&
                             std::none_of(said.begin(), said.end(), [](const std::string& w) {
                                 return notAVerdict.count(w) != 0 || w == "i" || w.rfind("i'", 0) == 0 || w == "me" ||
                                        w == "my" || w == "it's" || w == "it" || w == "we";
                             });
        if (verdict) {
            std::string how = cleaned;
            while (!how.empty() && (how.back() == '.' || how.back() == '!' || how.back() == ' ')) how.pop_back();
            if (!how.empty() && how[0] >= 'A' && how[0] <= 'Z') how[0] = static_cast<char>(how[0] - 'A' + 'a');
            const bool aboutTheWeek = asciiLower(question->text).find("week") != std::string::npos;
            sources.insert(sources.begin(), question->id);  // what the verdict is on
            return Candidate{section, made(std::string("Client described ") + (aboutTheWeek ? "the week" : "how they had been") +
                                               " as " + how + ".",
                                           sources, "week_review.verdict")};
        }
        return Candidate{section, made(clientSays("Client reported that ", sentence), sources,
                                       answer ? "week_review.answer" : "week_review.client")};
    }
    }
}

std::string restate(const Segment& segment, std::string_view sentence)
{
    const std::string cleaned = withoutFillers(sentence);
    if (isClient(segment)) return clientSays("Client said that ", sentence);
    // Speakers not yet set by the therapist (machine transcripts) are reported as such.
    const bool unnamed = segment.speaker.empty() || segment.speaker == "unknown";
    return (unnamed ? std::string("A speaker") : segment.speaker) + " said: " + cleaned;
}

// The risk section's statements: each piece of evidence (a flag's and its aspects') restated
// once, a therapist's question together with the answer that followed it.
std::vector<Statement> riskStatements(const RiskFlag& flag, const Transcript& transcript)
{
    // What a clinician needs first comes first: the flag's own evidence, then plan, means,
    // timeframe and the rest in the order of the aspects; each says which it is by its rule.
    std::vector<Evidence> pieces = flag.evidence;
    std::vector<std::string> rules(pieces.size(), "risk." + std::string(toKey(flag.category)) + "." +
                                                      std::string(toKey(flag.status)));
    for (const auto& [aspect, finding] : flag.aspects) {
        pieces.insert(pieces.end(), finding.evidence.begin(), finding.evidence.end());
        rules.resize(pieces.size(), "risk." + std::string(toKey(flag.category)) + "." + std::string(toKey(aspect)));
    }
    std::map<std::string, std::size_t> position;  // segment id → its place in the transcript
    for (std::size_t k = 0; k < transcript.segments.size(); ++k) position[transcript.segments[k].id] = k;
    const auto placeOf = [&](const std::string& id) {
        const auto it = position.find(id);
        return it == position.end() ? std::size_t(0) : it->second;
    };
    std::vector<Statement> out;
    std::set<std::pair<std::string, std::string>> done;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Evidence& e = pieces[i];
        if (done.count({e.segment, e.quote})) continue;
        done.insert({e.segment, e.quote});
        const Segment* seg = transcript.find(e.segment);
        if (seg == nullptr) continue;
        if (isTherapist(*seg)) {
            // The answer: a client's piece of evidence in the two segments after the question
            // (an aspect's pieces may come after another aspect's).
            std::size_t j = i + 1;
            for (; j < pieces.size(); ++j) {
                const Segment* a = transcript.find(pieces[j].segment);
                const std::size_t after = placeOf(pieces[j].segment), asked = placeOf(e.segment);
                if (a != nullptr && isClient(*a) && after > asked && after <= asked + 2 && !done.count({pieces[j].segment, pieces[j].quote}))
                    break;
            }
            if (j < pieces.size()) {
                const Evidence& answer = pieces[j];
                done.insert({answer.segment, answer.quote});
                // The answer verbatim: its "Yes," or "No," is the point.
                out.push_back({"Therapist asked: " + withoutFillers(e.quote) + " Client answered: " +
                                   answerGoingOn(*transcript.find(answer.segment), answer.quote),
                               {e.segment, answer.segment},
                               Origin::Transcript,
                               rules[j]});
                continue;
            }
        }
        // A short disclosure with what the client goes on to say of it: "And I've written
        // letters. One for Mum, one for Kayleigh. They're in the glovebox."
        const std::string said = isClient(*seg) ? answerGoingOn(*seg, e.quote, 8) : e.quote;
        out.push_back({restate(*seg, said), {e.segment}, Origin::Transcript, rules[i]});
    }
    // A restatement that another one already holds whole (a quote and the same quote gone on
    // with) is said once.
    std::vector<Statement> kept;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const bool within = std::any_of(out.begin(), out.end(), [&](const Statement& other) {
            return &other != &out[i] && other.text.size() > out[i].text.size() && other.sources == out[i].sources &&
                   other.text.find(out[i].text.substr(out[i].text.find(' ') + 1)) != std::string::npos;
        });
        if (!within) kept.push_back(out[i]);
    }
    return kept;
}

std::string normalisedForDuplicates(const std::string& text)
{
    std::string key;
    for (const auto& w : words(text))
        if (!isStopword(w)) key += stem(w) + ' ';
    return key;
}

// Share of `a`'s content words that also occur in `b`.
double overlap(const std::string& a, const std::string& b)
{
    std::set<std::string> wordsA;
    std::set<std::string> wordsB;
    for (const auto& w : words(a))
        if (!isStopword(w)) wordsA.insert(stem(w));
    for (const auto& w : words(b))
        if (!isStopword(w)) wordsB.insert(stem(w));
    if (wordsA.empty()) return 1.0;
    std::size_t shared = 0;
    for (const auto& w : wordsA) shared += wordsB.count(w);
    return static_cast<double>(shared) / static_cast<double>(wordsA.size());
}
}  // namespace

// "Shall we…?", "Could we try…?": a question that proposes work for the two of them now.
bool proposesWorkTogether(std::string_view sentence)
{
    static const auto frames = phrases({"shall we", "could we", "can we", "should we", "we might", "we could", "let's",
                                        "how about we", "would it help to", "what if we"});
    const auto tokens = words(sentence);
    if (tokens.size() < 5) return false;
    return std::any_of(frames.begin(), frames.end(), [&](const auto& f) { return findPhrase(tokens, f) != npos; });
}

Result<Extraction> LocalEngine::extract(const Chunk& chunk)
{
    Extraction out;
    const std::size_t total = chunk.segments.size();
    const Segment* question = nullptr;  // the therapist's last question, while the client answers it
    std::optional<Section> asked;
    int agendaItems = 0;  // items the client has named in answer to an agenda question
    for (std::size_t i = 0; i < total; ++i) {
        const Segment& seg = chunk.segments[i];
        // The agenda is set in the opening minutes (or the first segments of an untimed file).
        const bool early = chunk.index == 0 && (seg.startMs < 8 * 60 * 1000 || i < 6) && i < total / 3 + 3;
        if (isTherapist(seg)) {
            question = nullptr;
            asked.reset();
            agendaItems = 0;
        }
        bool settingWork = false;  // the therapist's last sentence in this turn set work for the week
        // This turn proposed work for the session ("I'd like us to write a safety plan now."):
        // a question after it with no topic of its own ("What are your warning signs?") is part
        // of that work, and its answers are placed with it.
        bool workInSession = false;
        // This turn, early on, is setting the agenda ("Agenda. Homework, then the next step on
        // the hierarchy, then a quick risk check."): what else it proposes is an item.
        bool settingAgenda = false;
        // Someone else's words quoted over several sentences: after the first (which says whose
        // they are), none is the client's own.
        const auto quoted = isClient(seg) ? othersQuotedSpans(seg.text) : std::vector<std::pair<std::size_t, std::size_t>>{};
        for (const Span& span : splitSentences(seg.text)) {
            const std::string_view sentence = span.of(seg.text);
            if (looksLikeInstruction(sentence)) continue;
            if (std::any_of(quoted.begin(), quoted.end(),
                            [&](const auto& q) { return span.begin > q.first && span.begin < q.second; }))
                continue;
            const bool isQuestion = sentence.find('?') != std::string_view::npos || (isTherapist(seg) && promptsAnAnswer(sentence));
            if (isTherapist(seg)) {
                if (isQuestion) {
                    // Questions record nothing by themselves: they place the answers after them.
                    // A task offered as a question ("Could you try going back to the café?") is
                    // recorded as suggested; the answer says whether it was taken up.
                    question = &seg;
                    asked = questionTopic(sentence, early);
                    if (asked == Section::Agenda) settingAgenda = true;
                    if (!asked && workInSession) asked = Section::Activities;
                    // "So you wanted to focus on sleep today?" checks an item back: it is one.
                    if (asked == Section::Agenda && asciiLower(std::string(sentence)).find("you wanted to") != std::string::npos) {
                        std::string checked(sentence);
                        if (checked.back() == '?') checked.back() = '.';
                        if (auto st = therapistStatement(seg, checked, Section::Agenda)) {
                            out.statements.push_back({Section::Agenda, std::move(*st)});
                            agendaItems = 1;  // the client's "Yes, …" confirms it; what follows is not an item
                        }
                    }
                    if (const auto arranged = arrangementAsked(sentence);
                        arranged && sectionOf(*arranged, early, true) == Section::NextSteps) {
                        if (auto st = therapistStatement(seg, *arranged, Section::NextSteps))
                            out.statements.push_back({Section::NextSteps, std::move(*st)});
                        continue;
                    }
                    if (words(sentence).size() >= 4 &&
                        (sectionOf(sentence, early, true) == Section::HomeworkGiven || asksForWorkThisWeek(sentence))) {
                        asked = Section::HomeworkGiven;
                        if (auto st = suggestedHomework(seg, sentence)) out.statements.push_back({Section::HomeworkGiven, std::move(*st)});
                    } else if (proposesWorkTogether(sentence) && sectionOf(sentence, early, true) == Section::Activities) {
                        // "Could we try drawing out a typical evening, step by step?": what the
                        // session turns to, proposed as a question.
                        std::string proposed(sentence);
                        if (proposed.back() == '?') proposed.back() = '.';
                        if (auto st = therapistStatement(seg, proposed, Section::Activities)) {
                            out.statements.push_back({Section::Activities, std::move(*st)});
                            workInSession = true;
                        }
                    }
                    continue;
                }
                std::optional<Section> section;
                if (early && asciiLower(std::string(sentence)).find("agenda") != std::string::npos) settingAgenda = true;
                if (words(sentence).size() >= 4) section = sectionOf(sentence, early, true);
                if (early && settingAgenda && words(sentence).size() >= 2 &&
                    (!section || *section == Section::Activities || *section == Section::HomeworkReview))
                    section = Section::Agenda;
                // "This week: lock once and walk away. Rate the urge out of ten.": an instruction
                // after work set in the same turn is more of the work, not an in-session exercise.
                if (settingWork && (!section.has_value() || *section == Section::Activities) && isInstruction(sentence))
                    section = Section::HomeworkGiven;
                if (!section.has_value()) continue;
                settingWork = *section == Section::HomeworkGiven;
                if (auto st = therapistStatement(seg, sentence, *section)) {
                    out.statements.push_back({*section, std::move(*st)});
                    workInSession = *section == Section::Activities;
                }
                continue;
            }
            std::optional<Section> cued;
            if (words(sentence).size() >= 4) cued = sectionOf(sentence, early, false);
            if (isClient(seg)) {
                // A short answer counts only with its question ("Only twice." to "Did you do the diary?").
                if (words(sentence).size() < 2 && !(question && asked)) continue;
                // A rating is the answer to an exercise ("Eighty-five." to "how strongly, nought to a
                // hundred?"); other short answers to one say little.
                if (words(sentence).size() < 4 && !(question && asked && (*asked != Section::Activities || isAMeasure(sentence))))
                    continue;
                if (asked == Section::Agenda) {
                    // An agenda answer is a short list: "Two things." frames it; short items
                    // ("The mirror stuff. The body checking.") and a first sentence are items; a
                    // longer sentence after them, or "I'm dreading it", is the story, placed by
                    // its own words.
                    if (isListFraming(sentence) || isAcknowledgement(sentence)) continue;
                    const auto said = words(sentence);
                    const bool commentary = !said.empty() && (said.front() == "i" || said.front().rfind("i'", 0) == 0);
                    // "Last Friday I came home and the door was locked…": a story told in answer
                    // to "Where would you like to start?" is what happened, not an item.
                    static const auto pastTimes =
                        phrases({"last night", "last friday", "last saturday", "last sunday", "last monday", "last tuesday",
                                 "last wednesday", "last thursday", "last weekend", "yesterday", "the other day", "this morning", "over the weekend", "at the weekend",
                                 "on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday",
                                 "on sunday", "earlier this week", "a few days ago", "a couple of days ago"});
                    static const std::set<std::string> fillers = {"so", "like", "well", "um", "erm", "er", "right",
                                                                  "okay", "ok", "yeah", "and", "basically"};
                    std::size_t opens = 0;  // past "So, like," to where the sentence opens
                    while (opens < said.size() && fillers.count(said[opens])) ++opens;
                    const bool story = said.size() >= 12 && std::any_of(pastTimes.begin(), pastTimes.end(), [&](const auto& p) {
                                           return findPhrase(std::vector<std::string>(said.begin() + static_cast<std::ptrdiff_t>(opens),
                                                                                      said.end()),
                                                             p) == 0;
                                       });
                    const bool item = cued == Section::Agenda || (!story && ((said.size() < 6 && !commentary) || agendaItems == 0));
                    if (!item) asked.reset();
                    else ++agendaItems;
                }
                if (auto c = clientStatement(seg, sentence, cued, question, asked)) {
                    if (m_riskTurns.count(seg.id) &&
                        (c->section == Section::WeekReview || c->section == Section::Activities))
                        c->section = Section::RiskIssues;
                    out.statements.push_back(std::move(*c));
                }
                continue;
            }
            if (cued) out.statements.push_back({*cued, made(restate(seg, sentence), {seg.id}, "unattributed")});
        }
    }
    return out;
}

void LocalEngine::prepare(const Transcript& transcript)
{
    m_risks = detectRisks(transcript.segments);
    m_riskStatements.clear();
    m_riskTurns.clear();
    for (const auto& flag : m_risks) {
        if (flag.category != RiskCategory::SuicidalIdeation && flag.category != RiskCategory::SelfHarmThreats) continue;
        if (flag.status == RiskStatus::Denied) continue;
        const auto disclosed = [&](const Evidence& e) { return !e.stance || *e.stance != RiskStatus::Denied; };
        for (const auto& e : flag.evidence)
            if (disclosed(e)) m_riskTurns.insert(e.segment);
        for (const auto& [aspect, finding] : flag.aspects)
            if (finding.status != RiskStatus::Denied && aspect != RiskAspect::ProtectiveFactors)
                for (const auto& e : finding.evidence) m_riskTurns.insert(e.segment);
    }
    // One question and answer can bear on two categories (suicide and self-harm): said once.
    std::set<std::string> said;
    for (const auto& flag : m_risks)
        for (auto& st : riskStatements(flag, transcript))
            if (said.insert(st.text).second) m_riskStatements.push_back({Section::RiskIssues, std::move(st)});
}

Result<Extraction> LocalEngine::synthesise(const std::vector<Extraction>& perChunk)
{
    Extraction out;
    std::map<Section, std::vector<Statement>> bySection;
    std::map<Section, std::vector<std::string>> keys;
    for (const auto& chunk : perChunk) {
        for (const auto& c : chunk.statements) {
            auto& list = bySection[c.section];
            auto& seen = keys[c.section];
            const std::string key = normalisedForDuplicates(c.statement.text);
            bool joined = false;
            for (std::size_t i = 0; i < list.size(); ++i) {
                // An agenda item said again in fewer words ("So: work and the evenings.") is the
                // same item: one line, the fuller wording, both sources.
                const bool agendaRestated = c.section == Section::Agenda && (overlap(c.statement.text, list[i].text) >= 0.9 ||
                                                                             overlap(list[i].text, c.statement.text) >= 0.9);
                if (seen[i] == key || agendaRestated ||
                    (overlap(c.statement.text, list[i].text) > 0.8 && overlap(list[i].text, c.statement.text) > 0.8)) {
                    if (agendaRestated && words(c.statement.text).size() > words(list[i].text).size()) {
                        list[i].text = c.statement.text;
                        list[i].rule = c.statement.rule;
                        seen[i] = key;
                    }
                    for (const auto& s : c.statement.sources)
                        if (std::find(list[i].sources.begin(), list[i].sources.end(), s) == list[i].sources.end())
                            list[i].sources.push_back(s);
                    joined = true;
                    break;
                }
            }
            if (!joined) {
                list.push_back(c.statement);
                seen.push_back(key);
            }
        }
        out.rejected.insert(out.rejected.end(), chunk.rejected.begin(), chunk.rejected.end());
    }
    out.risks = m_risks;
    for (const auto& c : m_riskStatements) bySection[c.section].push_back(c.statement);
    for (auto& [section, list] : bySection) {
        // Keep a concise note: the first statements of each section in session order, plus
        // every risk statement (those are never trimmed away).
        if (section != Section::RiskIssues && list.size() > kMaxStatementsPerSection)
            list.resize(kMaxStatementsPerSection);
        for (auto& st : list) out.statements.push_back({section, std::move(st)});
    }
    return out;
}

}  // namespace noteward::core::notes
