#include "notes/local_engine.h"

#include "notes/reported_speech.h"
#include "notes/risk_detector.h"
#include "notes/risk_statements.h"
#include "notes/section_cues.h"
#include "notes/text_analysis.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <utility>

namespace noteward::core::notes {

namespace {

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
    if (isBareHeading(sentence)) return std::nullopt;
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
            "we could also", "we could", "like to add", "i had in mind", "i wanted to", "i want to", "i'd suggest",
            "i was hoping we could", "i thought today we could", "i thought we could"};
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

// "I'd suggest reviewing the thought records, then some time on Andrew, and finishing with
// planning." → one item each, in the therapist's order.
std::vector<Statement> agendaItemsIn(const Segment& seg, std::string_view sentence)
{
    static const std::vector<std::string_view> joins = {", and then ", " and then ", ", then ", ", and finishing with ",
                                                        ", and finish with ", ", and "};
    std::vector<std::string> parts;
    std::string rest(sentence);
    for (;;) {
        const std::string lower = asciiLower(rest);
        std::size_t at = std::string::npos, length = 0;
        for (auto j : joins)
            if (const auto found = lower.find(j); found != std::string::npos && found < at) {
                at = found;
                length = j.size();
            }
        if (at == std::string::npos) break;
        parts.push_back(rest.substr(0, at) + ".");
        rest = rest.substr(at + length);
    }
    parts.push_back(rest);
    std::vector<Statement> items;
    for (auto& part : parts) {
        for (std::string_view lead : {"and ", "then ", "also "})
            if (asciiLower(part).rfind(lead, 0) == 0) part = part.substr(lead.size());
        if (words(part).empty()) continue;
        if (auto st = therapistStatement(seg, part, Section::Agenda)) items.push_back(std::move(*st));
    }
    return items;
}

std::optional<Statement> suggestedHomework(const Segment& seg, std::string_view sentence)
{
    static const std::vector<std::string_view> openers = {
        "for homework this week", "for homework", "for this week", "for next week", "before next week",
        "before our next session", "this week", "could you try to", "could you try", "can you try to", "can you try",
        "would you be willing to", "would you like to try", "would you be up for", "what if we", "what if you",
        "shall we say", "how about", "what about", "could you",
        "would you", "can you", "will you"};
    std::string cleaned = withoutFillers(sentence);
    while (!cleaned.empty() && (cleaned.back() == '?' || cleaned.back() == '.')) cleaned.pop_back();
    auto task = afterOpener(cleaned, openers);
    if (const auto check = feasibilityCheckAt(cleaned); !task && check != std::string::npos)
        task = lowerFirst(cleaned.substr(0, check));
    if (!task) return std::nullopt;
    return made("Homework suggested: " + addressedToClient(*task) + ".", {seg.id}, "homework_given.suggested");
}

// The last question in a therapist's turn: the one the next answer answers.
std::string lastQuestionIn(const Segment& turn)
{
    std::string q;
    for (const Span& span : splitSentences(turn.text)) {
        const std::string_view sentence = span.of(turn.text);
        // A prompt asks too ("Are you sleeping any better? Tell me how the diary went.").
        if (asks(sentence) && !looksLikeInstruction(sentence))
            q = std::string(sentence);
    }
    return q;
}

// Whether `sentence`, a view into the turn's text, opens the turn: no word comes before it.
bool opensTheTurn(const Segment& seg, std::string_view sentence)
{
    const std::string_view turn(seg.text);
    if (sentence.data() < turn.data() || sentence.data() > turn.data() + turn.size()) return false;
    return words(turn.substr(0, static_cast<std::size_t>(sentence.data() - turn.data()))).empty();
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
        // cousin", "mum's", "she" or "his") is the client's own news; but not after a sentence
        // of the turn that did ("My brother's not been great. Ended up in A&E…" is his).
        const auto someoneElse = [](const std::string& w) { return w == "my" || namesSomeoneElse(w); };
        const std::string_view text(seg.text);
        const bool within = sentence.data() >= text.data() && sentence.data() <= text.data() + text.size();
        const auto before = words(within ? text.substr(0, static_cast<std::size_t>(sentence.data() - text.data())) : text);
        const bool elliptical = !agenda && std::none_of(tokens.begin(), tokens.end(), someoneElse) &&
                                std::none_of(before.begin(), before.end(), someoneElse);
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
                return Candidate{section, made("Therapist asked: " + upperFirst(withoutFillers(lastQuestionIn(*question))) + " Client answered: " +
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
        if (agrees) return Candidate{section, made(clientSays("Client agreed that ", sentence), sources, "homework_given.client_agreed")};
        // "Maybe." opening the turn is an answer, not a report: "Client answered: Maybe.", not
        // "Client said that maybe." (never "Mum says no.", someone else's answer).
        const auto said = words(cleaned);
        if (opensTheTurn(seg, sentence) && said.size() <= 3 &&
            std::none_of(said.begin(), said.end(), [](const std::string& w) { return namesSomeoneElse(w); }))
            return Candidate{section, made("Client answered: " + upperFirst(cleaned), sources, "homework_given.client_answered")};
        return Candidate{section, made(clientSays("Client said that ", sentence), sources, "homework_given.client_said")};
    }
    case Section::Activities:
        if (answer) {
            sources.insert(sources.begin(), question->id);
            return Candidate{section, made("Therapist asked: " + upperFirst(withoutFillers(lastQuestionIn(*question))) +
                                               " Client answered: " + upperFirst(cleaned),
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
        // Only the answer's opening words are its verdict: "Couldn't stop." later in a story,
        // or "Since the split." to "How long has that been going on?", is none.
        const bool opening = opensTheTurn(seg, sentence);
        static const std::set<std::string> notAnOpening = {"since", "until", "till", "after", "before", "when", "because",
                                                           "couldn't", "didn't", "can't", "won't", "wouldn't"};
        const bool verdict = answer && opening && !said.empty() && said.size() <= 3 && !notAnOpening.count(said.front()) &&
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

std::string normalisedForDuplicates(const std::string& text)
{
    std::string key;
    for (const auto& w : words(text))
        if (!isStopword(w)) key += stem(w) + ' ';
    return key;
}

// Whether every content word of statement `a`, apart from the note's own framing words, is in
// `b`, person-neutral ("killing myself" is in "killing themselves": pronouns are stopwords).
bool contentWithin(const std::string& a, const std::string& b)
{
    static const std::set<std::string> framing = {"client", "said", "reported", "therapist", "asked", "answered",
                                                  "agreed", "described"};
    std::set<std::string> inB;
    for (const auto& w : words(b))
        if (!isStopword(w)) inB.insert(stem(w));
    bool any = false;
    for (const auto& w : words(a)) {
        if (isStopword(w) || framing.count(w)) continue;
        any = true;
        if (!inB.count(stem(w))) return false;
    }
    return any;
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

Result<Extraction> LocalEngine::extract(const Chunk& chunk)
{
    Extraction out;
    const std::size_t total = chunk.segments.size();
    const Segment* question = nullptr;  // the therapist's last question, while the client answers it
    std::optional<Section> asked;
    int agendaItems = 0;  // items the client has named in answer to an agenda question
    std::optional<std::size_t> workSetAt;  // the therapist's last turn that set or suggested homework
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
        // An opening turn that sets out the session without the word ("I thought today we
        // could look at the schedule, then the formulation. How does that sound?").
        const bool setsOut = isTherapist(seg) && early && setsOutTheSession(seg.text);
        // This turn, early on, is setting the agenda ("Agenda. Homework, then the next step on
        // the hierarchy, then a quick risk check."): what else it proposes is an item.
        bool settingAgenda = setsOut;
        bool declined = false;  // the client's answer to the agenda question declined to add ("Dunno.", "No, it's fine.")
        // Someone else's words quoted over several sentences: after the first (which says whose
        // they are), none is the client's own.
        const auto quoted = isClient(seg) ? othersQuotedSpans(seg.text) : std::vector<std::pair<std::size_t, std::size_t>>{};
        const auto instructions = instructionSpans(seg.text);
        std::string_view previousSentence;  // the turn's sentence before this one
        for (const Span& span : splitSentences(seg.text)) {
            const std::string_view sentence = span.of(seg.text);
            const std::string_view before = std::exchange(previousSentence, sentence);
            if (std::any_of(instructions.begin(), instructions.end(), [&](const Span& s) { return s.begin == span.begin; }))
                continue;
            if (std::any_of(quoted.begin(), quoted.end(),
                            [&](const auto& q) { return span.begin > q.first && span.begin < q.second; }))
                continue;
            const bool isQuestion = isTherapist(seg) ? asks(sentence) : sentence.find('?') != std::string_view::npos;
            if (isTherapist(seg)) {
                if (isQuestion) {
                    // Questions record nothing by themselves: they place the answers after them.
                    // A task offered as a question ("Could you try going back to the café?") is
                    // recorded as suggested; the answer says whether it was taken up.
                    question = &seg;
                    // "Thought records. How many?": a short question's topic is the sentence before it.
                    asked = words(sentence).size() <= 3 && !before.empty()
                                ? questionTopic(std::string(before) + " " + std::string(sentence), early)
                                : questionTopic(sentence, early);
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
                        workSetAt = i;
                        if (auto st = suggestedHomework(seg, sentence)) out.statements.push_back({Section::HomeworkGiven, std::move(*st)});
                    } else if (!setsOut && asked != Section::Agenda && proposesWorkTogether(sentence) &&
                               sectionOf(sentence, early, true) == Section::Activities) {
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
                if (setsOut && proposesSessionWork(sentence)) {
                    for (auto& st : agendaItemsIn(seg, sentence)) out.statements.push_back({Section::Agenda, std::move(st)});
                    continue;
                }
                std::optional<Section> section;
                if (early && asciiLower(std::string(sentence)).find("agenda") != std::string::npos) settingAgenda = true;
                if (words(sentence).size() >= 4) section = sectionOf(sentence, early, true);
                // (In a turn that sets out the session, only its proposals above are items:
                // not "Hi Jo." nor "You tell me if there's something more pressing.")
                if (!setsOut && early && settingAgenda && words(sentence).size() >= 2 && proposesAnItem(sentence) &&
                    (!section || *section == Section::Activities || *section == Section::HomeworkReview))
                    section = Section::Agenda;
                // "This week: lock once and walk away. Rate the urge out of ten.": an instruction
                // after work set in the same turn is more of the work, not an in-session exercise.
                if (settingWork && (!section.has_value() || *section == Section::Activities) && isInstruction(sentence))
                    section = Section::HomeworkGiven;
                // "Could you plan something for that day?" "I could go." "And keep the
                // allotment going, two visits again.": an instruction in the therapist's next
                // turn, after work was set or suggested, is more of it.
                // (Not the steps of an exercise done now: "Now let's try the breathing. Sit back.")
                if (workSetAt && i <= *workSetAt + 2 && !workInSession && isInstruction(sentence) &&
                    (!section.has_value() || *section == Section::Activities || *section == Section::HomeworkReview ||
                     *section == Section::WeekReview))
                    section = Section::HomeworkGiven;
                if (!section.has_value()) continue;
                settingWork = *section == Section::HomeworkGiven;
                if (auto st = therapistStatement(seg, sentence, *section)) {
                    if (*section == Section::HomeworkGiven) workSetAt = i;
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
                    // "Dunno, you tell me." / "No, that's fine. I'm knackered, mind.": nothing is
                    // added, unless a later sentence turns to one ("Maybe… well, the anniversary").
                    if (agendaItems == 0 && declinesToAdd(sentence)) {
                        declined = true;
                        continue;
                    }
                    static const std::set<std::string> turning = {"maybe", "actually", "well", "although", "but",
                                                                  "oh", "just", "perhaps", "one"};
                    const bool onlyFillers = std::all_of(said.begin(), said.end(), [](const std::string& w) {
                        return w == "maybe" || w == "well" || w == "um" || w == "erm" || w == "so" || w == "actually";
                    });
                    if (onlyFillers) continue;
                    if (declined && cued != Section::Agenda && !turning.count(said.front())) {
                        asked.reset();
                        declined = false;
                    }
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
    // Under Risk issues a question and answer often says again what a restatement of the same
    // turn says ("Client answered: Yes. Some nights I think about killing myself. I keep going
    // over everything…" and "Client said that they keep going over everything…"): a statement
    // whose every word is in a longer one citing the same segment is said once, by the longer.
    auto& risks = bySection[Section::RiskIssues];
    std::vector<bool> drop(risks.size(), false);
    for (std::size_t i = 0; i < risks.size(); ++i)
        for (std::size_t j = 0; j < risks.size() && !drop[i]; ++j) {
            if (i == j || drop[j]) continue;
            const bool shareASource = std::any_of(risks[i].sources.begin(), risks[i].sources.end(), [&](const std::string& s) {
                return std::find(risks[j].sources.begin(), risks[j].sources.end(), s) != risks[j].sources.end();
            });
            const std::size_t li = risks[i].text.size(), lj = risks[j].text.size();
            if (shareASource && (lj > li || (lj == li && j < i)) && contentWithin(risks[i].text, risks[j].text)) drop[i] = true;
        }
    std::vector<Statement> kept;
    for (std::size_t i = 0; i < risks.size(); ++i)
        if (!drop[i]) kept.push_back(std::move(risks[i]));
    risks = std::move(kept);
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
