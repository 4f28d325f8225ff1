#include "notes/risk_cues.h"

#include "notes/text_analysis.h"

#include <algorithm>
#include <ctime>

namespace noteward::core::notes {

namespace {
using C = RiskCategory;
using A = RiskAspect;

// Self-harm said as an act on oneself: a verb of injury, then "myself" ("burnt myself",
// "hitting myself"), or a verb that is rarely an accident on a part where self-harm is usually
// done ("scratching my arms", "cut my thigh"; not "hurt my leg" or "burnt my hand" cooking).
// Made from the verbs and the parts rather than listed sentence by sentence, so a verb met
// with another part (or "yourself" in a question) is still read.
std::vector<Phrase> actsOnOneself(std::string_view self, std::string_view possessive)
{
    static const std::vector<std::string_view> verbs = {
        "cut", "cutting", "cuts", "burn", "burnt", "burned", "burning", "burns", "scratch", "scratched", "scratching",
        "hit", "hitting", "punch", "punched", "punching", "bang", "banged", "banging", "bite", "bit", "biting",
        "hurt", "hurting", "hurts", "harm", "harmed", "harming", "slash", "slashed", "slashing",
        "starve", "starving", "starved", "choke", "choking", "strangle", "strangling", "stab", "stabbed", "stabbing"};
    static const std::vector<std::string_view> onPurpose = {"cut", "cutting", "burn", "burnt", "burned", "burning",
                                                            "scratch", "scratched", "scratching", "slash", "slashed",
                                                            "slashing", "stab", "stabbed", "stabbing"};
    static const std::vector<std::string_view> parts = {"arm", "arms", "wrist", "wrists", "leg", "legs", "thigh",
                                                        "thighs", "skin", "stomach", "hip", "hips", "forearm", "forearms"};
    std::vector<Phrase> out;
    for (auto verb : verbs) out.push_back({std::string(verb), std::string(self)});
    for (auto verb : onPurpose)
        for (auto part : parts) out.push_back({std::string(verb), std::string(possessive), std::string(part)});
    return out;
}

// "It'd be easier if I just wasn't here any more": not being here or around, said in the ways
// people say it, made from the parts so that one phrasing does not miss the next.
std::vector<Phrase> notHereAnyMore()
{
    static const std::vector<std::string_view> being = {"wasn't", "weren't", "not be", "not being", "wouldn't be",
                                                        "won't be", "was not", "were not", "not"};
    static const std::vector<std::string_view> where = {"here", "around"};
    static const std::vector<std::string_view> more = {"any more", "anymore", "any longer"};
    std::vector<Phrase> out;
    for (auto b : being)
        for (auto w : where)
            for (auto m : more) out.push_back(phrases({std::string(b) + " " + std::string(w) + " " + std::string(m)}).front());
    for (auto p : {"if i just wasn't here", "if i just weren't here"}) out.push_back(phrases({p}).front());
    // "It'd be simpler all round if I just didn't come back in", "easier for everyone if I was
    // gone": a life weighed as a burden on others, in its parts. Coming back is read only as
    // coming home ("if I didn't come back next week" is about the sessions).
    static const std::vector<std::string_view> lighter = {"easier", "simpler", "better", "kinder"};
    static const std::vector<std::string_view> forWhom = {
        "", " all round", " for everyone", " for everybody", " for them", " for her", " for him", " for the family",
        " for the kids", " for all of them", " for my kids", " for my family", " for my wife", " for my husband",
        " for my partner", " for my mum", " for my children", " on everyone", " on everybody", " on them",
        " on the kids", " on my family", " on my kids", " on her", " on him"};
    // Gone, not merely somewhere else or otherwise ("if I wasn't so snappy", "if I didn't come
    // back in after lunch", "if I wasn't there when she gets back"): the word ends the clause,
    // or says where they would not be at all.
    static const std::vector<std::string_view> absent = {
        "wasn't $", "weren't $", "wasn't here", "weren't here", "wasn't around", "weren't around", "wasn't alive",
        "weren't alive", "was dead", "were dead", "was gone", "were gone", "disappeared $", "disappeared for good",
        "disappeared one day", "disappeared one night", "didn't come home one night", "didn't come home one day",
        "didn't come back in $",
        "didn't come back home $", "didn't come home $", "never came home $", "never came back home $",
        "didn't come back $", "never came back $", "didn't wake up", "didn't exist", "wasn't in the picture"};
    for (auto l : lighter)
        for (auto f : forWhom)
            for (auto just : {" ", " just "})
                for (auto a : absent)
                    out.push_back(phrases({std::string(l) + std::string(f) + " if i" + just + std::string(a)}).front());
    return out;
}

// "I can't picture it getting any better": no better future seen, in its parts.
std::vector<Phrase> noBetterFuture()
{
    static const std::vector<std::string_view> cannot = {"can't picture", "can't see", "can't imagine", "cannot see",
                                                         "cannot imagine", "don't see", "can't ever see", "never see"};
    static const std::vector<std::string_view> better = {"it getting better", "it getting any better",
                                                         "things getting better", "things getting any better",
                                                         "it ever getting better", "it ever changing",
                                                         "anything changing", "things changing", "a way forward",
                                                         "a future", "any future"};
    std::vector<Phrase> out;
    for (auto c : cannot)
        for (auto b : better) out.push_back(phrases({std::string(c) + " " + std::string(b)}).front());
    for (auto p : {"same again for ever", "same again forever", "like this for ever", "like this forever",
                   "same for ever", "same forever"})
        out.push_back(phrases({p}).front());
    return out;
}

// "I've got the girls", "I've got my lad": the people (or animal) the client has to live
// for, named as having them.
std::vector<Phrase> whoTheyHave()
{
    static const std::vector<std::string_view> have = {"i've got", "i have got", "i have", "i still have",
                                                       "i've still got"};
    static const std::vector<std::string_view> whose = {"the", "my", "our"};
    static const std::vector<std::string_view> who = {"girls", "boys", "kids", "children", "son", "daughter", "lad",
                                                      "grandchildren", "grandkids", "little one", "baby", "dog",
                                                      "family", "wife", "husband", "partner"};
    std::vector<Phrase> out;
    for (auto h : have)
        for (auto w : whose)
            for (auto p : who) out.push_back(phrases({std::string(h) + " " + std::string(w) + " " + std::string(p)}).front());
    return out;
}

std::vector<Phrase> joined(std::vector<Phrase> a, const std::vector<Phrase>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}
}  // namespace

const std::vector<CueFamily>& clientCues()
{
    // Phrases carry their own negations ("don't want to be here") so that the negation check
    // looks only before them.
    static const std::vector<CueFamily> cues = {
        {C::SuicidalIdeation, A::Ideation, joined(
         phrases({"kill myself", "killing myself", "end my life", "ending my life", "end it all", "ending it all",
                  "end it", "ending it", "end things", "ending things", "take my own life", "taking my own life",
                  "take my life", "suicide", "suicidal", "better off dead", "better off without me",
                  "wish i was dead", "wish i were dead", "want to die", "wanted to die", "wanting to die",
                  "think about dying", "thinking about dying", "thought about dying", "thoughts about dying",
                  "don't want to be here", "don't want to be alive", "not wake up", "never wake up",
                  "not waking up", "no reason to live", "not worth living", "no point living", "no point in living",
                  "stop existing", "not exist", "not be here anymore", "not be here any more", "disappear for good",
                  "go to sleep forever", "be gone", "not be around", "want it all to stop", "want it to be over",
                  "can't go on", "cannot go on", "if i wasn't around", "if i wasn't here", "if i weren't around",
                  "thought about jumping", "thinking about jumping", "think about jumping", "jump off", "jump in front",
                  "step in front of", "better off out of it", "wouldn't be that bothered", "wouldn't be bothered if",
                  "wouldn't mind if i died", "the thoughts are there", "thoughts have come back", "thoughts are back",
                  "can't say i haven't", "sat on the wall", "end of the platform", "top of the multi-storey",
                  "on the bridge", "thought about ending", "thinking about ending", "wouldn't wake up", "didn't wake up", "not to wake up",
                  "didn't want to wake up", "don't want to wake up", "can't hang on", "cannot hang on",
                  "tired of living", "don't want to be around", "not have to wake up", "if a bus hit me",
                  "into the sea", "do the same", "wish it had worked", "nearly killed myself",
                  // What a life is weighed against, or how it might end, said sideways.
                  "everyone'd manage", "everyone would manage", "they'd all manage", "they'd manage without me",
                  "they'd all manage without me", "they'd cope without me", "everyone would cope without me",
                  "save everyone a lot of bother", "save everyone the bother", "save everyone the trouble",
                  "if i don't come down in the morning", "wouldn't be gutted", "wouldn't be massively gutted",
                  "wouldn't be that gutted", "if a bus clipped me", "if a car hit me", "if a lorry hit me",
                  "rather just not be", "rather not exist", "rather be dead", "rather be gone", "easier to just not be",
                  "easier not to be", "easier to not be", "tired of all of it", "tired of it all", "swallowed the lot",
                  "swallowed them all", "be fine without me", "be better without me", "better off without me",
                  "is better without me", "are better without me", "everyone's better without me",
                  "they're better without me",
                  "i'll be dead soon", "i'll be dead by", "i will be dead by", "i'd be dead by", "i'll be gone by",
                  "would get on fine without me", "get on fine without me", "won't be here by christmas",
                  "won't be here by next", "won't be here this time next", "won't be around by christmas",
                  "be dead by christmas", "be dead by next", "be dead by the end", "probably be dead by"}),
                  notHereAnyMore())},
        {C::SuicidalIdeation, A::Intent,
         phrases({"going to do it", "going to kill myself", "going to end it", "i will do it", "i'm going to go through",
                  "intend to", "mean to do it", "made up my mind"})},
        {C::SuicidalIdeation, A::Plan,
         phrases({"plan to take", "plan to do", "planned how", "planning to", "i've planned", "i have a plan",
                  "my plan is", "worked out how", "know how i would", "decided how", "plan to end"})},
        {C::SuicidalIdeation, A::Means,
         phrases({"stockpiled", "stockpiling", "pills saved", "tablets saved", "saved up my pills",
                  "saved up my tablets", "saving up my tablets", "saving up my pills", "saving my tablets",
                  "pills saved up", "tablets saved up", "how many tablets", "how many pills", "bought a rope",
                  "got a rope", "bought some rope", "enough tablets", "enough pills", "kept my tablets",
                  "hoarding my", "hoarded", "squirrelling away", "squirreling away", "saving it up", "been saving it",
                  "saved up my paracetamol", "saving up my paracetamol", "saved up paracetamol", "stockpile", "saving up my sleeping",
                  "saved up my sleeping", "been saving up my"})},
        {C::SuicidalIdeation, A::Timeframe,
         phrases({"this weekend", "tonight", "by the end of the week", "picked a date", "chosen a date", "set a date",
                  "chose a date", "on my birthday", "after christmas", "next week"})},
        {C::SuicidalIdeation, A::Preparation,
         phrases({"written a note", "wrote a note", "left a note", "goodbye letter", "goodbye letters",
                  "letters to my family", "letters to my kids", "letter to my mum", "written letters",
                  "wrote letters", "giving away my", "gave away my", "giving my things away", "given my things away",
                  "giving my stuff away", "sorted out my will", "made a will", "said my goodbyes",
                  "saying goodbye to everyone", "looked up how", "researched how", "looked up how many",
                  "sorted my will", "saying my goodbyes", "said goodbye to", "keep the dog for good",
                  "given my guitar", "cancelled my phone contract", "won't be any need", "picked the", "working out the times"})},
        {C::SuicidalIdeation, A::ProtectiveFactors, joined(
         phrases({"couldn't do that to my", "wouldn't do that to my", "couldn't do that to our", "wouldn't do that to our",
                  "not do that to our", "never do that to our", "never do that to my", "not do that to my",
                  "cannot do this to", "can't do this to", "couldn't do this to", "cannot do that to", "can't do that to",
                  "couldn't do it to", "because of my daughter", "because of my son", "because of my children",
                  "because of my wife", "because of my husband", "because of my partner", "because of my mum",
                  "because of my kids", "because of the kids",
                  "my kids keep me going", "my children keep me going", "my dog needs me", "my faith",
                  "reasons to live", "reason to keep going", "keeps me going", "keep me going", "kept me going", "wouldn't act on it",
                  "would never act on it", "never act on", "couldn't do that to her",
                  "couldn't do that to him", "couldn't do that to them", "be devastated", "i've got my boys", "i've got my kids",
                  "i've got my children", "i've got my girls", "my daughter needs me", "my son needs me",
                  "couldn't leave my", "never do that to", "wouldn't do that to", "couldn't do that to",
                  "never put them through", "never put her through", "never put him through", "wouldn't leave him",
                  "wouldn't leave her", "wouldn't leave them", "couldn't leave him", "couldn't leave her",
                  "couldn't leave them", "i've got the kids", "see her grow up", "see him grow up",
                  "see them grow up", "see my kids grow up", "best thing that ever happened", "keeps me well",
                  "i'd never leave", "i would never leave", "could never leave", "couldn't ever leave",
                  "only thing holding me", "thing holding me back", "what's holding me", "holding me here",
                  "keeping me here", "keeps me here", "only thing keeping me",
                  "keep me well"}), whoTheyHave())},
        {C::SelfHarmThreats, A::Ideation, joined(actsOnOneself("myself", "my"),
         phrases({"hurt myself", "hurting myself", "harm myself", "harming myself", "cut myself", "cutting myself",
                  "self-harm", "self harm", "self-harming", "self harming", "burn myself", "burning myself",
                  "burnt myself", "overdose", "overdosed", "take all my pills", "taking all my pills",
                  "scratch myself", "scratching myself", "punish myself", "hit myself", "hitting myself",
                  "cut my arm", "cut my arms", "cut my wrist", "cut my wrists", "cut my leg", "cut my legs",
                  "cut my thigh", "cutting my arm", "cutting my arms", "cutting my wrists", "cutting my legs",
                  "burnt my arm", "burned my arm", "banged my head", "bang my head", "urge to cut", "urges to cut",
                  "cutting again", "been cutting", "took a razor", "razor to my", "dug a compass", "compass into my",
                  "until they bleed", "until it bleeds", "banging my head", "slash my wrists", "slashed my wrists",
                  "extra of my tablets", "took a few extra", "used to cut", "started cutting", "cut again",
                  "scratching my arms", "scratched my arms", "pulling my hair out", "used a razor", "razor blade on", "went straight for the blade", "the cutting", "took an overdose",
                  // Harm told sideways, as people tell it.
                  "bit myself", "biting myself", "made myself bleed",
                  "hurt myself on purpose", "scalded myself", "fresh cuts", "hide the marks",
                  "hid the marks", "cover the marks", "cover up the cuts", "hide the cuts", "picking until it bleeds"}))},
        {C::SelfHarmThreats, A::Means,
         phrases({"razor blades", "bought blades", "hid the blades", "keep a blade", "keep the blades", "keep blades",
                  "keep my blades", "hide the blades", "hid my blades", "hide my blades", "blades in a", "got blades",
                  "have blades", "my blades", "sharpener blades", "pencil sharpener blade"})},
        {C::NonCompliance, A::Ideation,
         phrases({"didn't do the homework", "didn't do my homework", "didn't do any homework",
                  "haven't done the homework", "didn't do the thought record", "didn't do the diary",
                  "didn't do the worksheet", "didn't do it", "stopped taking", "not taking my medication",
                  "not taking my tablets", "didn't bother", "didn't get round to", "didn't get around to",
                  "never got round to", "never got around to", "forgot to do", "skipped my", "skipped the",
                  "didn't try it", "gave up", "then gave up", "didn't manage", "couldn't be bothered", "only did it once",
                  "stopped doing", "stopped filling", "haven't taken", "didn't take them", "stopped them",
                  "came off my", "came off the", "haven't been taking", "not been taking",
                  "didn't fill it in", "didn't fill in", "stopped the sertraline", "stopped my", "stopped the tablets",
                  "stopped the medication", "didn't do any of it", "i'm not doing the", "i stopped", "then i stopped", "didn't do any of the",
                  "i'm not doing it", "not doing it again", "won't be doing it", "refuse to do", "not what we said",
                  "not what we agreed", "didn't do what we said", "didn't do what we agreed",
                  "forgot about it", "forgot all about it", "never actually used", "never used it",
                  "never actually did", "never even started", "didn't even start", "didn't exactly do", "didn't really do",
                  "didn't actually do", "didn't do what you asked", "didn't do what you said", "not what you asked",
                  "fell by the wayside", "went out the window", "life got in the way",
                  // Work not done, as people put it.
                  "haven't looked at it", "didn't look at it", "haven't touched it", "didn't touch it", "didn't finish it",
                  "didn't keep it up", "didn't keep up with", "only managed one", "only managed a", "only did one",
                  "only did a", "did a bit of it", "did some of it", "started it but", "lost the sheet", "missed a few doses",
                  "missed some doses", "ran out of my tablets", "stopped bothering with", "didn't have time to do it",
                  "no time to do it", "haven't had time to do", "wasn't in the mood to do"})},
        {C::Avoidance, A::Ideation,
         phrases({"avoid", "avoided", "avoiding", "couldn't face", "can't face", "stayed in", "stayed at home",
                  "stayed in bed", "cancelled", "put it off", "putting it off", "kept away", "keep away", "stay away",
                  "stayed away", "i didn't go $", "we didn't go $", "didn't go to the", "didn't go to work",
                  "didn't go to school", "didn't go to college", "didn't go to uni", "didn't go in", "didn't go out",
                  "didn't go into", "called in sick", "hiding from", "turned back", "only when it's empty",
                  "when it's empty", "when it is empty",
                  "when the shop is empty", "when it's quiet", "when nobody's there", "when no one's there",
                  "went instead", "go instead", "sent my", "got my mum to go", "got my partner to go",
                  "made an excuse", "make an excuse", "made excuses", "left early", "got out of there",
                  "wore headphones", "kept my head down", "sat by the door", "near the exit", "only go out with",
                  "online instead", "had it delivered", "ringing in sick", "rang in sick", "so i don't have to face", "so i don't have to", "won't even go", "steering clear", "getting taxis everywhere",
                  "don't go to the", "don't go anymore", "stopped going", "phone face down", "let it ring", "let it go to voicemail",
                  "didn't answer", "don't answer it", "ignored her calls", "ignored his calls", "ignoring the calls",
                  "eat my lunch in the", "didn't open", "not been back to", "haven't been back to", "not gone back to",
                  "haven't gone back", "hiding in my room", "hide in my room", "stay in my room", "back row",
                  "sit at the back", "got off at", "got off the", "walked the rest", "instead of going",
                  "been getting the bus", "make myself invisible", "making me invisible", "not been going", "haven't been going",
                  "i don't go to", "stayed in the car", "stay in the car", "stayed in the van",
                  "got someone else to",
                  "get someone else to",
                  // Ways of not facing it, as people put them.
                  "can't bring myself", "couldn't bring myself", "haven't been out", "not been out of the house",
                  "don't go out", "didn't leave the house", "haven't left the house", "not left the house",
                  "walked out", "haven't opened", "not opened", "haven't replied", "didn't go back to the",
                  "didn't go back there", "never went back", "haven't been since", "not been since", "ducked out",
                  "bailed on", "got out of it", "said i was ill", "said i was sick", "pretended to be ill",
                  "pretended i was ill", "the long way round", "only go when", "only went when", "waited until it was quiet",
                  "wait until it's quiet", "made my excuses", "rang in ill", "called in ill", "didn't turn up",
                  "didn't show up", "don't answer the door", "didn't answer the door", "keep the curtains closed",
                  // Safety behaviours and escape: the subtle avoidance CBT names as such.
                  "sat near the door", "sit near the door", "sit always near the door", "water with me",
                  "can't go anywhere without", "feel naked without", "not set foot", "haven't set foot", "never set foot",
                  "only go to the little", "kept my camera off", "keep my camera off", "camera off the whole time",
                  "camera off and mic muted", "mic muted", "muted my mic",
                  "photo of the lock", "photo of the door", "photo of the hob", "photo of the plugs", "use my sleeve", "with my sleeve", "grab my water",
                  "kept asking if", "keep asking if", "kept asking him if", "kept asking her if",
                  "keep asking him if", "keep asking her if", "do i look normal", "for reassurance",
                  "check in the mirror", "checking in the mirror", "check again in the mirror", "texts me that it's", "text me that it's"})},
        {C::Rumination, A::Ideation,
         phrases({"can't stop thinking", "couldn't stop thinking", "round and round", "over and over",
                  "keep replaying", "kept replaying", "replaying", "dwelling", "dwell on", "ruminating",
                  "keep thinking about", "kept thinking about", "can't switch off", "couldn't switch off",
                  "going over it", "going over and over", "goes round in my head", "going round in my head",
                  "can't get it out of my head", "on a loop", "playing it back", "awake going over", "hours going over", "going over whether", "going over why", "going over the argument", "still go over", "go over those",
                  "replayed", "replay it", "replays", "go through it again", "going through it again", "like a loop",
                  "in a loop", "goes round", "going round", "mulling", "chewing over", "think about anything else",
                  "going over what", "going over how", "going over everything", "again and again",
                  "go over it", "going over the", "go over the", "went over the", "over it and over",
                  "round my head", "in my head all", "start again from the top", "going back over everything",
                  "going back over it", "go back over it", "keep going back over", "over in my head", "in my head a thousand", "in my head a hundred"})},
        {C::Hopelessness, A::Ideation, joined(
         phrases({"hopeless", "no point", "what's the point", "nothing will change", "nothing ever changes",
                  "never get better", "won't get better", "no future", "given up", "give up on", "no hope",
                  "can't see a way out", "pointless", "nothing to look forward to", "nothing is ever going to change",
                  "nothing's ever going to change", "nothing's going to change", "nothing is going to change",
                  "never going to get better", "never going to change", "always be like this", "never be any different",
                  "don't see the point", "can't see the point", "no way out", "stuck like this forever",
                  "what's the use", "no light at the end", "don't think anything's going to get better", "nothing's going to get better", "isn't going to change anything", "won't change anything",
                  "couldn't see the point", "didn't see the point", "much ahead of me", "nothing ahead of me",
                  "nothing to look forward", "no point anymore", "no point any more", "nothing out there for me",
                  "i'm finished", "nothing left for me", "no future for me",
                  // Hope given up, as people put it.
                  "no point trying", "no point in trying", "i'm a lost cause", "i'm beyond help", "i can't be fixed",
                  "too late for me", "i'm too far gone", "can't see it getting better",
                  "can't see things getting better", "don't see it getting better", "don't see things changing"}), noBetterFuture())},
        {C::AllianceRupture, A::Ideation,
         phrases({"isn't helping", "is not helping", "not helping", "isn't working", "waste of time",
                  "you don't understand", "you don't get it", "you're not listening", "you aren't listening",
                  "not hearing me", "you don't hear me", "don't want to come", "why should i trust you",
                  "don't trust you", "not sure this is for me", "thinking of stopping", "stop coming",
                  "pointless coming", "point of coming here", "point in coming here", "do anything for me",
                  "doing anything for me", "feel judged", "judging me", "pushing me", "you keep pushing",
                  "not promising", "doesn't work for me", "don't think this works", "not getting anywhere",
                  "don't feel listened to", "don't feel heard", "not sure these sessions", "not sure this is working",
                  "don't know if this is working", "not sure therapy", "not sure about therapy", "don't think you get it",
                  "not really listening", "you don't listen", "don't think this is helping", "don't really hear", "you probably think i'm",
                  "you think i'm", "you think i am", "feel you think", "almost didn't come", "nearly didn't come",
                  "almost don't come", "almost didn't come in", "didn't want to come", "like a case study", "need a lecture",
                  "talk normal", "being marked", "what talking about it does", "talking doesn't help", "when you use",
                  "you kept saying", "you keep saying", "feel judged by you", "big words", "not coming back here", "not come back here",
                  "not coming back after", "not coming back next", "stop coming back",
                  // Doubts about the therapy or the therapist, as people put them.
                  "you don't care", "just doing your job", "like all the others", "easy for you to say",
                  "don't see how this helps", "how is this supposed to help", "how's this supposed to help",
                  "feel like a number", "you're not getting it", "you never listen", "only here because", "made me come",
                  "told to come", "you cut me off", "you're patronising", "you patronised", "talking down to me",
                  "lecture me",
                  // The therapist's look or plan resented, trust in confidentiality doubted.
                  "you do that face", "you make that face", "you pull that face", "disappointed teacher",
                  "you're disappointed in me", "you're going to tell someone", "you went ahead anyway",
                  "you just went ahead", "you're actually listening", "you're not actually listening",
                  "don't feel like you're listening", "like a checklist", "another plan i'm not going to",
                  "plans i'm not going to do", "you were like just"})},
    };
    return cues;
}

const std::vector<QuestionFamily>& questionCues()
{
    static const std::vector<QuestionFamily> cues = {
        // Aspect-specific questions first: "any plans to end your life?" asks about a plan.
        {C::SuicidalIdeation, A::Plan, true,
         phrases({"any plans", "a plan", "made plans", "made any plans", "planned", "how you would", "thought about how",
                  "thinking about how",
                  "a way of doing it", "how you might", "how would you"})},
        {C::SuicidalIdeation, A::Intent, true,
         phrases({"act on", "intend", "intention", "going to do it", "likely to do", "go through with",
                  "means to do it", "want to do it"})},
        {C::SuicidalIdeation, A::Means, true,
         phrases({"access to", "the means", "tablets at home", "pills at home", "pills in the house", "stockpiled",
                  "anything at home", "could use to", "how many have you got", "how many have you saved"})},
        // What holds them back: any answer that names something is a protective factor.
        {C::SuicidalIdeation, A::ProtectiveFactors, true,
         phrases({"what stops you", "what's kept you going", "what keeps you going", "what helps you hold on",
                  "reasons for living", "reasons to live", "what's stopped you", "kept you here", "keeps you here",
                  "holds you back", "held you back", "stopped you so far", "kept you going", "keeps you going",
                  "keeps you well", "kept you well", "what gets you", "gets you through", "what helps you get",
                  "what gets you to"})},
        {C::SuicidalIdeation, A::Timeframe, true,
         phrases({"when would", "a date", "a time in mind", "thought about when", "about when", "when you might",
                  "when you would", "when are you thinking of doing", "when were you thinking of doing",
                  "when you're thinking of doing"})},
        {C::SuicidalIdeation, A::Preparation, true,
         phrases({"prepared", "preparations", "prepare", "written a note", "letters", "given anything away",
                  "put things in order", "gone there on purpose", "anything to get ready", "things ready", "got anything ready",
                  "sort things out", "sorted things out", "in order"})},
        // Questions about the thoughts going away or staying safe: "no" is the disclosure.
        {C::SuicidalIdeation, A::Ideation, false,
         phrases({"gone away", "have those thoughts stopped", "thoughts stopped", "keep yourself safe", "feel safe",
                  "stay safe", "are you safe"})},
        {C::SuicidalIdeation, A::Ideation, true,
         phrases({"suicide", "suicidal", "kill yourself", "killing yourself", "end your life", "ending your life",
                  "take your own life", "taking your own life", "wanting to die", "want to die", "better off dead",
                  "not wanting to be here", "thoughts of ending", "ending it all", "end it all", "kill myself",
                  "end my life", "thoughts of dying", "wish you were dead", "not wake up", "carry on", "worth living",
                  "not wanting to be alive", "be better off dead", "wouldn't wake up", "didn't wake up",
                  "not to wake up", "not waking up", "any dark stuff", "dark thoughts", "thoughts of dying"})},
        {C::SelfHarmThreats, A::Ideation, false, phrases({"managed to stop", "stopped cutting", "stopped hurting"})},
        {C::SelfHarmThreats, A::Ideation, true, joined(actsOnOneself("yourself", "your"),
         phrases({"harmed yourself", "harm yourself", "harming yourself", "hurt yourself", "hurting yourself", "self-harm", "self harm",
                  "cut yourself", "cutting yourself", "urges to cut", "self-harmed", "self harmed", "self-harming",
                  "self harming"}))},
        {C::NonCompliance, A::Ideation, false,
         phrases({"taking your medication", "taking your tablets", "manage the homework", "do the homework",
                  "manage the diary", "do the diary", "manage the thought records", "do the thought records",
                  "get a chance to do", "manage to do", "manage it", "try the experiment", "did you manage"})},
        {C::NonCompliance, A::Ideation, true, phrases({"skipped", "stopped taking", "missed any doses"})},
        {C::Avoidance, A::Ideation, true, phrases({"avoiding", "avoid", "putting off"})},
        {C::Rumination, A::Ideation, true, phrases({"dwelling", "going over", "can't stop thinking", "ruminating"})},
        {C::Hopelessness, A::Ideation, true, phrases({"hopeless", "hope for the future", "no point"})},
        {C::AllianceRupture, A::Ideation, false,
         phrases({"finding the sessions", "finding our sessions", "finding therapy", "sessions helpful",
                  "therapy helpful", "sessions useful", "working for you"})},
        {C::AllianceRupture, A::Ideation, true,
         phrases({"upset you", "annoyed with me", "frustrated with me", "anything i'm doing that",
                  "doesn't sit right", "me to do differently", "i could do differently",
                  "i should do differently", "anything about how we"})},
    };
    return cues;
}

const std::vector<Phrase>& denialOpeners()
{
    static const std::vector<Phrase> openers =
        phrases({"no", "nope", "never", "not really", "not at all", "nothing like that", "definitely not", "i haven't",
                 "i have not", "i don't", "i'm not", "none", "no no", "not since", "nah", "not anymore",
                 "not any more", "not for years", "not for ages", "not for a long time", "not these days",
                 "not in years"});
    return openers;
}

const std::vector<Phrase>& emptyAnswers()
{
    static const std::vector<Phrase> openers =
        phrases({"nothing", "not much", "not a lot", "nobody", "no one", "not anything", "zero"});
    return openers;
}

const std::vector<Phrase>& nonAnswers()
{
    static const std::vector<Phrase> unsure =
        phrases({"not sure", "dunno", "no idea", "don't know", "can't say", "hard to say"});
    return unsure;
}

const std::vector<Phrase>& affirmationOpeners()
{
    static const std::vector<Phrase> openers =
        phrases({"yes", "yeah", "yep", "yes i have", "i have", "i do", "sometimes", "a bit", "a little", "kind of",
                 "sort of", "i suppose", "i guess", "probably", "it is", "that's right", "still", "mostly",
                 "most days", "some days", "at times", "a lot", "honestly yes", "if i'm honest", "every day",
                 "all the time", "constantly", "only on days ending in", "most nights", "every night", "now and then",
                 "now and again", "on and off", "here and there", "more than i'd like", "more than before"});
    return openers;
}

const std::vector<Phrase>& countOpeners()
{
    static const std::vector<Phrase> openers = phrases({"once", "twice", "a few", "a couple", "three times", "a handful"});
    return openers;
}

const std::vector<std::string>& afterACount()
{
    static const std::vector<std::string> next = {"or", "times", "time", "of", "maybe", "last", "this", "that", "a",
                                                  "in", "since", "yeah", "yes", "recently", "lately", "now", "perhaps",
                                                  "when", "before", "after", "during", "at", "about"};
    return next;
}

const std::vector<Phrase>& historyMarkers()
{
    static const std::vector<Phrase> markers =
        phrases({"when i was", "years ago", "as a teenager", "as a kid", "as a child", "in the past", "used to",
                 "back in the day", "back in my", "back in school", "at school", "at college", "in college", "at sixth form", "at uni", "at the uni", "a long time ago", "ages ago", "when i was younger", "back then",
                 "in my teens", "in my twenties", "at university", "once before", "previously", "at fourteen",
                 "at fifteen", "at sixteen", "at seventeen", "at eighteen", "back at uni", "last winter", "last summer",
                 "last spring", "last autumn", "last year", "that was then", "back when",
                 "there was a time", "years back", "in my teens", "before i had", "before he was born",
                 "before she was born", "before they were born"});
    return markers;
}

bool recentOrOngoing(const std::vector<std::string>& tokens)
{
    static const std::vector<Phrase> notOver =
        phrases({"yesterday", "last night", "this morning", "today", "tonight", "this week", "last week",
                 "this month", "last month", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                 "sunday", "weekend", "hasn't let up", "ever since", "still", "every day since", "since then",
                 "since the start", "on and off since", "keeps coming back", "never stopped", "hasn't stopped",
                 "started again", "happening again", "it's back", "back now", "coming back", "these days",
                 "at the moment", "most days", "days ago", "day ago", "a week ago", "weeks ago", "fortnight"});
    return std::any_of(notOver.begin(), notOver.end(), [&](const Phrase& p) { return findPhrase(tokens, p) != npos; });
}

bool speaksOfThePast(const std::vector<std::string>& tokens)
{
    // "At college yesterday", "in 2025 and it hasn't let up": recent or still going on is now.
    if (recentOrOngoing(tokens)) return false;
    for (const Phrase& marker : historyMarkers())
        if (findPhrase(tokens, marker) != npos) return true;
    // A year said in words after "in", "of" or "be" ("in nineteen ninety-three", "this would be
    // nineteen eighty-eight"): not "since nineteen ninety-three" (still going on) nor "nineteen
    // fifty-milligram tablets".
    static const std::vector<std::string_view> decades = {"fifty", "sixty", "seventy", "eighty", "ninety"};
    static const std::vector<std::string_view> units = {"",     "-one", "-two", "-three", "-four",
                                                        "-five", "-six", "-seven", "-eight", "-nine"};
    for (std::size_t k = 1; k + 1 < tokens.size(); ++k) {
        if (tokens[k] != "nineteen" || (tokens[k - 1] != "in" && tokens[k - 1] != "of" && tokens[k - 1] != "be" &&
                                        tokens[k - 1] != "back"))
            continue;
        for (auto d : decades)
            for (auto u : units)
                if (tokens[k + 1] == std::string(d) + std::string(u)) return true;
    }
    // A year after "in" or "of", from 1950 to last year ("in 2015"); this year's events are
    // not history.
    static const int thisYear = [] {
        const std::time_t now = std::time(nullptr);
        std::tm parts{};
        gmtime_r(&now, &parts);
        return parts.tm_year + 1900;
    }();
    for (std::size_t k = 1; k < tokens.size(); ++k) {
        const std::string& w = tokens[k];
        if ((tokens[k - 1] != "in" && tokens[k - 1] != "of") || w.size() != 4 ||
            !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        const int year = std::stoi(w);
        if (year >= 1950 && year < thisYear) return true;
    }
    return false;
}

const std::vector<Phrase>& hypotheticalMarkers()
{
    static const std::vector<Phrase> markers =
        phrases({"what if", "in case", "suppose", "imagine", "hypothetically", "if ever", "if i ever", "would ever",
                 "if i were to", "if i did"});
    return markers;
}

const std::vector<Phrase>& therapyWords()
{
    static const std::vector<Phrase> words_ =
        phrases({"session", "sessions", "therapy", "coming here", "come here", "counselling", "cbt", "with you",
                 "talking to you"});
    return words_;
}

const std::vector<Phrase>& safetyStepRequests()
{
    static const std::vector<Phrase> requests_ =
        phrases({"safety plan", "give the tablets", "give your tablets", "give the pills", "give your pills",
                 "hand the tablets", "hand your tablets", "hand them over", "lock them away", "lock the tablets",
                 "get rid of the", "take them to the pharmacy", "call the crisis", "ring the crisis", "call samaritans",
                 "ring samaritans", "call 111", "ring 111", "crisis line", "crisis team", "tell your sister",
                 "tell your partner", "tell someone", "stay with"});
    return requests_;
}

}  // namespace noteward::core::notes
