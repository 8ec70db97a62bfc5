import Testing
@testable import Coach
import TranscriptFormat

/// Mirrors written the way listeners really say them back: openers, paraphrase, shortening;
/// and the ways they go wrong: judging, defending, advising, missing the feeling, answering with their own.
@Suite struct MirrorCheckTests {
    let check = MirrorCheck(lexicon: ShippedContent.script.lexicon, language: ShippedContent.script.matcher.language)

    static let faithful: [(String, String)] = [
        ("I feel lonely when you work late", "What I heard is you feel lonely when I work late"),
        ("I feel lonely when you work late", "so you feel lonely when I'm working late"),
        ("I get anxious when we don't talk about money", "you get anxious when we don't talk about money"),
        ("I was hurt that you forgot my birthday", "If I got it right, you were hurt that I forgot your birthday"),
        ("I need more help with the kids in the mornings", "you need more help with the kids in the mornings"),
        ("I feel overwhelmed by the housework", "what I'm hearing is you feel overwhelmed by the housework"),
        ("I'm scared we are drifting apart", "you're scared we're drifting apart"),
        ("I felt embarrassed at the party when you joked about my cooking", "you felt embarrassed at the party when I joked about your cooking"),
        ("I miss our walks on Sunday mornings", "You miss our Sunday morning walks"),
        ("I feel happy when you hold my hand", "you feel happy when I hold your hand"),
        ("I am exhausted after work and I need quiet time", "you're exhausted after work and you need some quiet time"),
        ("I worry about your health because you skip meals", "you worry about my health because I skip meals"),
        ("I feel unimportant when you check your phone at dinner", "I hear you saying you feel unimportant when I check my phone at dinner"),
        ("I was frustrated that the dishes piled up", "you were frustrated that the dishes piled up"),
        ("I feel proud of how we handled the move", "you feel proud of how we handled the move"),
        ("I want us to plan a holiday together", "you want us to plan a holiday together"),
        ("I get nervous when your mother visits", "you get nervous when my mother visits"),
        ("I feel grateful that you cooked dinner", "So you feel grateful that I cooked dinner"),
        ("I'm disappointed that we cancelled our date", "you're disappointed we cancelled our date"),
        ("I feel tense when we argue about money", "you feel tense when we argue about money"),
        ("I felt left out when you went without me", "you felt left out when I went without you"),
        ("I'm sad that we don't laugh as much anymore", "you're sad that we don't laugh as much anymore"),
        ("I feel calm when we walk together in the evening", "you feel calm when we walk together in the evening"),
        ("I need a hug when I come home from a hard shift", "you need a hug when you come home from a hard shift"),
        ("I feel jealous when you text your ex", "What I hear is you feel jealous when I text my ex"),
        ("I'm worried about the bills this month", "you're worried about the bills this month"),
        ("I feel hurt when you raise your voice", "you feel hurt when I raise my voice"),
        ("I was relieved when you called", "you were relieved when I called"),
        ("I feel stressed because my boss keeps adding work", "you feel stressed because your boss keeps adding work"),
        ("I feel close to you when we cook together", "you feel close to me when we cook together"),
        ("I get angry when plans change at the last minute", "you get angry when plans change at the last minute"),
        ("I feel lonely on weekends when you're away", "you feel lonely on weekends when I'm away"),
        ("I'm afraid to bring up the wedding costs", "you're afraid to bring up the wedding costs"),
        ("I feel confused about where we stand", "you feel confused about where we stand"),
        ("I love it when you surprise me with coffee", "you love it when I surprise you with coffee"),
        ("I feel discouraged that my job search is slow", "you feel discouraged that your job search is slow"),
        ("I feel ignored when you watch TV while I talk", "you feel ignored when I watch TV while you talk"),
        ("I need you to ask me about my day", "you need me to ask about your day"),
        ("I feel insecure when you don't reply for hours", "you feel insecure when I don't reply for hours"),
        ("I'm excited about moving to the coast", "you're excited about moving to the coast"),
        // The language layer: concepts, word forms, "without", chat spellings, contractions.
        ("I hate it when you leave the office late", "you hate it when I leave work late"),
        ("I hate it when you come home late without calling", "you hate it when I come home late and don't call"),
        ("I felt humiliated when your friends made fun of me", "you felt humiliated when my friends teased you"),
        ("I feel scared when I'm alone at night", "you feel scared when you're on your own at night"),
        ("I was upset after our fight", "you were upset after our argument"),
        ("I am exhausted by the end of the week", "you're worn out by the end of the week"),
        ("I might need some space tonight", "you'll need some space tonight"),
        ("I feel lonely when you work late", "u feel lonely when i work late"),
        ("I spend the whole day waiting for you", "you wait for me all day"),
        ("I was quite hurt when you cut me off", "you were hurt when I kept cutting you off"),
        // Said back in the first person: voicing the speaker's words, or "I feel you're saying".
        ("I feel lonely when you work late", "I feel lonely when you work late"),
        ("I feel nervous before family visits", "I feel nervous before family visits"),
        ("I feel lonely when you work late", "I feel like you're saying you feel lonely when I work late"),
        ("I feel unimportant when you check your phone at dinner", "I think you're saying you feel unimportant when I check my phone at dinner"),
    ]

    static let unfaithful: [(String, String, MirrorVerdict)] = [
        ("I feel lonely when you work late", "you're overreacting, I have to work", .off),
        ("I feel lonely when you work late", "you feel lonely but I work late for us", .partial),
        ("I feel lonely when you work late", "you always complain about my job", .off),
        // The listener's own feeling, in the first person, is no mirror of the speaker's.
        ("I feel lonely when you work late", "I feel lonely too", .off),
        ("I feel lonely when you work late", "I feel attacked when you say that", .off),
        ("I feel lonely when you work late", "you should just call a friend", .off),
        ("I feel lonely when you work late", "you're upset about my job", .off),
        ("I feel lonely when you work late", "you feel lonely", .partial),
        ("I get anxious when we don't talk about money", "you get anxious when we talk about money", .partial),
        ("I get anxious when we don't talk about money", "money is boring", .off),
        ("I was hurt that you forgot my birthday", "you were hurt but it was one day", .partial),
        ("I was hurt that you forgot my birthday", "you're being dramatic about a birthday", .off),
        ("I need more help with the kids in the mornings", "you need help but I already do so much", .partial),
        ("I need more help with the kids in the mornings", "you should get up earlier", .off),
        ("I feel overwhelmed by the housework", "you never do any housework", .off),
        ("I feel overwhelmed by the housework", "the house is fine", .off),
        ("I'm scared we are drifting apart", "you think we're fine", .off),
        ("I'm scared we are drifting apart", "you're paranoid about us drifting apart", .off),
        ("I felt embarrassed at the party when you joked about my cooking", "it was just a joke", .off),
        ("I felt embarrassed at the party when you joked about my cooking", "you felt something at the party", .off),
        ("I miss our walks on Sunday mornings", "you want to exercise more", .off),
        ("I am exhausted after work and I need quiet time", "you are exhausted", .partial),
        // "tired" keeps the feeling (one concept with "exhausted"); the "always" is named as added.
        ("I am exhausted after work and I need quiet time", "you're always tired", .partial),
        ("I worry about your health because you skip meals", "you worry too much", .off),
        ("I feel unimportant when you check your phone at dinner", "you feel unimportant but your phone is worse", .partial),
        ("I feel unimportant when you check your phone at dinner", "I only checked it once", .off),
        ("I was frustrated that the dishes piled up", "you're being petty about dishes", .off),
        ("I want us to plan a holiday together", "you want to spend money we don't have", .off),
        ("I get nervous when your mother visits", "you don't like my mother", .off),
        ("I get nervous when your mother visits", "you get nervous when my mother visits but she means well", .partial),
        ("I feel grateful that you cooked dinner", "dinner was easy", .off),
        ("I'm disappointed that we cancelled our date", "you're always disappointed", .partial),
        ("I feel tense when we argue about money", "you should relax", .off),
        ("I felt left out when you went without me", "you wanted to come", .off),
        ("I'm sad that we don't laugh as much anymore", "you're sad", .partial),
        ("I need a hug when I come home from a hard shift", "your shift was hard", .off),
        ("I feel jealous when you text your ex", "you're being ridiculous about my ex", .off),
        ("I'm worried about the bills this month", "why don't you get a second job", .off),
        ("I feel hurt when you raise your voice", "I never raise my voice", .off),
        ("I feel stressed because my boss keeps adding work", "you should quit", .off),
        ("I feel close to you when we cook together", "you like cooking", .off),
        ("I feel lonely on weekends when you're away", "you feel lonely on weekends but I have to travel", .partial),
        ("I feel ignored when you watch TV while I talk", "you talk too much during my shows", .off),
        ("I feel hurt when you forget to call", "you feel hurt but you know I'm busy", .partial),
        ("I don't want to go to the party", "you want to go to the party", .partial),
        ("I hate it when you come home late without calling", "you hate it when I come home late and call", .partial),
        // Advice for the two of us (blind set 25): "next time we could …" is a fix put in.
        ("I feel left out when you plan weekends without me", "you feel left out when I plan weekends without you, next time we could plan them together", .partial),
    ]

    @Test(arguments: faithful)
    func faithfulMirrors(original: String, mirror: String) {
        let verdict = check.judge(mirror: mirror, of: original, speaker: nil, listener: nil)
        #expect(verdict.verdict == .faithful, "kept \(verdict.kept), missed \(verdict.missed), added \(verdict.added)")
    }

    @Test(arguments: unfaithful)
    func unfaithfulMirrors(original: String, mirror: String, expected: MirrorVerdict) {
        let verdict = check.judge(mirror: mirror, of: original, speaker: nil, listener: nil)
        #expect(verdict.verdict == expected, "kept \(verdict.kept), missed \(verdict.missed), added \(verdict.added)")
        #expect(verdict.verdict != .faithful)
    }

    @Test func fillerWordsAreNeverNamedAsMissed() {
        let verdict = check.judge(mirror: "you wait for me", of: "I spend the whole day quite literally waiting for you",
                                  speaker: nil, listener: nil)
        #expect(verdict.missed == ["day"])
    }

    @Test func namesWhatWasMissedAndAdded() {
        let verdict = check.judge(mirror: "you feel lonely but I work late for us", of: "I feel lonely when you work late",
                                  speaker: "Alex", listener: "Sam")
        #expect(verdict.kept == ["lonely", "work", "late"])
        #expect(verdict.added.contains("but"))
        let advice = check.judge(mirror: "you should just call a friend", of: "I feel lonely when you work late", speaker: nil, listener: nil)
        #expect(advice.added.contains("you should"))
        #expect(advice.missed.contains("lonely"))
    }

    /// "Always" said in several words is the speaker's absolute, not content ("all the time"
    /// said back as "constantly"); "every" before the speaker's own word restates their
    /// quantity ("three nights a week" → "every week"). An absolute phrase only the mirror
    /// says is added, and so is an "every" before a word of its own. Before `absolute_phrases`
    /// and `restating_absolutes`, the first three were partial, with "constantly" or "every" added.
    @Test(arguments: [
        ("i feel smothered when you check where i am all the time", "you feel smothered when i check where you are constantly", true),
        ("I feel lonely when you stay late three nights a week", "you feel lonely when i stay late three nights every week", true),
        ("I feel overwhelmed because I do all the school runs", "you feel overwhelmed because you do every school run", true),
        ("I feel lonely when you work late", "you feel lonely when i work late all the time", false),
        ("I feel lonely when you work late", "you feel lonely every time i work late", false),
    ])
    func absolutesInSeveralWordsAndRestatedQuantities(original: String, mirror: String, faithful: Bool) {
        let judged = faithfulness(mirror, of: original)
        #expect(judged.faithful == faithful, "\(judged.seen)")
    }

    /// What listeners say back in their own words (blind set 8's classes): a feeling said as
    /// what it does ("it hurts" → "it's painful", "unimportant" → "didn't matter", whose "not"
    /// is the feeling's), "un-" read as "not" where the other side says the rest, "only … once"
    /// for "not … until", "w/o" for "without", a "keep" that repeats as "always" does, a time
    /// said in the plural restated as "every week", a concept's member said in its own words,
    /// and one word said another way when two or more are kept. Before them each was partial.
    @Test(arguments: [
        ("it hurts when you make jokes about my weight", "it's painful for you when i joke about your weight"),
        ("i felt unimportant when you missed my graduation for a work thing", "you felt like you didn't matter when i skipped your graduation for work"),
        ("i'm not comfortable with you going on that trip alone", "you're uncomfortable with me going on that trip by yourself"),
        ("i feel unheard when you interrupt me", "you feel like i'm not hearing you when i cut you off"),
        ("I get anxious when we don't talk about money until the bills come.", "you feel anxious bc we only ever talk about money once the bills show up"),
        ("I'm angry that you lent my car to your cousin without asking.", "youre angry i lent your car to my cousin w/o asking you"),
        ("i'm stressed because we keep arguing about money", "you're stressed since we're always fighting over money"),
        ("i feel burnt out at work and i dread mondays", "work has you totally burned out and you're dreading monday every week"),
        ("i'm lonely since we moved to this new city", "you've been feeling lonely ever since we relocated here"),
        ("i was upset that you laughed when i tripped", "you were upset that i laughed at you when you fell over"),
        ("i felt disrespected when your mum criticised my cooking", "when my mum had a go at your cooking, you felt disrespected"),
        ("i felt betrayed when you read my messages", "you felt betrayed when i looked at your phone messages"),
        ("i feel anxious when you check my phone", "it gives you anxiety when i go through your phone"),
        ("i don't feel close to you anymore", "you don't feel connected to me these days"),
        ("i felt embarrassed when you corrected me in front of your friends", "you felt embarassed cause i corrected you in front of my friends"),
        ("i'm exhausted because work has been non-stop this month", "you're exhausted bc work's been nonstop this month"),
        ("i feel like you don't care about my feelings", "you feel like your feelings don't matter to me"),
        // The speaker's own phrase turned around is no advice; each other is together; gaming.
        ("i feel stressed because i have to work every weekend this month", "you're stressed cause you have to work every weekend this month"),
        ("i miss having time for each other in the evenings", "you miss having time together in the evenings"),
        ("i feel ignored when you play video games all night", "you feel ignored when i game all night"),
    ])
    func saidInTheirOwnWords(original: String, mirror: String) {
        let judged = faithfulness(mirror, of: original)
        #expect(judged.faithful, "\(judged.seen)")
    }

    /// What still makes a mirror poor when it is said in those words: a judgement in another of
    /// its forms or words ("an overreaction", "which is kind of insecure"), advice given as an
    /// order at a clause's start ("…, try some breathing exercises"), a defence that waves it
    /// off, a feeling only a concept names ("furious" is angry) dropped, "un-" turned around.
    @Test(arguments: [
        ("i was really hurt that you forgot my birthday dinner", "you were hurt i forgot your birthday dinner, which is a bit of an overreaction for one meal", "overreaction"),
        ("i feel jealous when you spend time with your coworker", "you feel jealous of my coworker, which is kind of insecure", "which is kind of"),
        ("i'm anxious about the doctor's appointment on friday", "you're anxious about the doctor's appointment on friday, try some breathing exercises, they really work", "try"),
        ("i felt disrespected when your mum criticised my cooking", "you felt disrespected when my mum criticised your cooking, next time just tell her to back off", "next time just tell"),
        ("i was heartbroken when we lost the baby", "you were heartbroken when we lost the baby, it might help to see a grief counsellor", "it might help"),
        ("i get anxious when you come home late without calling", "you get anxious when i come home late, it's not like i'm doing anything wrong", "its not like"),
        ("i was furious when you cancelled on my parents at the last minute", "so i cancelled on your parents at the last minute", "not kept: furious"),
        ("i feel uncomfortable when you joke about my family", "you feel comfortable when i joke about your family", "not"),
        ("i get scared when you talk about quitting your job", "you're scared when i talk about quitting, i'm an adult, i can decide", "im an adult"),
        ("i'm upset that you shouted at my son", "you're upset i shouted at him, he was being a brat", "brat"),
        // A clause of "which" the speaker never said, advice after "you could", an order, brushed off, made little.
        ("i get really annoyed when you leave your shoes in the hallway", "you get annoyed about my shoes in the hallway, which honestly is nitpicking", "which honestly"),
        ("i feel lonely when you check your phone in bed", "you feel lonely when i check my phone in bed, which i need for my alarm", "which i"),
        ("i feel left out when you and your sister speak in arabic", "you feel left out when we speak arabic, you could learn it", "you could learn"),
        ("i feel frustrated when you say you'll call and then you don't", "you get frustrated when i don't call, just remind me next time", "just remind"),
        ("i feel hurt when you make jokes about my weight", "you feel hurt when i joke about your weight, it's just banter", "just banter"),
        ("i feel jealous when you spend all evening texting your coworker", "you feel jealous when i text my coworker, she's just a friend", "just a friend"),
        ("i feel ignored when you play video games all night", "you feel ignored when i play games, i barely play anymore", "i barely"),
        // Called just the way things are (blind set 19): "that's just how i watch games".
        ("i feel embarrassed when you shout at the referee", "you feel embarrassed when i shout at the referee, thats just how i watch games", "thats just how"),
        ("i feel hurt when you interrupt me", "you feel hurt when i interrupt you, its just how i am", "its just how"),
        // A name said to, or a slip of a filler, left out (blind set 22) leaves the rest as strict.
        ("Kwame i dont feel safe when you drive so fast", "you feel safe when i drive so fast", "not"),
        ("i realy dont like it when you yell at the kids", "you really like it when i yell at the kids", "not"),
        ("i do not want to move in with your parents", "you want to move in with my parents", "not"),
        ("i feel ignored when you text all through supper", "you feel ignored when i text, which is petty", "petty"),
    ])
    func stillPoorInTheirOwnWords(original: String, mirror: String, what: String) {
        let verdict = check.judge(mirror: mirror, of: original, speaker: nil, listener: nil)
        #expect(verdict.verdict != .faithful, "\(what): kept \(verdict.kept), missed \(verdict.missed), added \(verdict.added)")
    }

    /// A clause added after the speaker's words, with two words of content or more and none of
    /// theirs, is the listener's own, whatever its words (blind set 16): a judgement no list
    /// names, a defence with no "but", advice with no order verb. A check back ("is that
    /// right?") or a word of understanding ("that must be hard") after a mirror adds nothing.
    @Test(arguments: [
        ("i feel drained after your family stays the weekend", "you feel drained after my family stays the weekend, you do enjoy being the victim", false),
        ("i'm upset when you forget to pick up the dry cleaning", "you're upset when i forget the dry cleaning, which only happens when traffic is awful", false),
        ("i feel sad when we skip our walks", "you feel sad when we skip our walks, maybe a treadmill would help", false),
        ("i get nervous when you drive fast on the motorway", "you get nervous when i drive fast on the motorway, classic backseat driver", false),
        ("i feel sad when we skip our walks", "you feel sad when we skip our walks, is that right?", true),
        ("i feel sad when we skip our walks", "you feel sad when we skip our walks, that must be hard", true),
        ("i get nervous when you drive fast on the motorway", "you get nervous when i drive fast on the motorway, did i get it?", true),
        // Blind set 18: said of themselves, the listener's clause says more of their own than of
        // the speaker's, though it repeats a word of theirs ("night" of "every night").
        ("i feel alone when you stay late at the office every evening", "you feel alone when i stay late every evening, i'm drowning in deadlines at the office", false),
        ("i miss you when you're on your phone all weekend", "you miss me when i'm on my phone all weekend, i had a rough week at work", false),
        ("i feel sad when you skip our sunday walks", "you feel sad when i skip our sunday walks, i did skip them", true),
    ])
    func aClauseOfTheListenersOwn(original: String, mirror: String, faithful: Bool) {
        let judged = faithfulness(mirror, of: original)
        #expect(judged.faithful == faithful, "\(judged.seen)")
    }

    /// Everyday words said back for the speaker's (blind set 16's faithful pairs, in lines of
    /// my own): going quiet as going silent, the laundry as the washing, a job lost as being out
    /// of work, answering as replying, talking as opening up, walking in as coming home.
    @Test(arguments: [
        ("i feel shut out when you go quiet after a row", "you feel shut out when i go silent after an argument"),
        ("i'm annoyed when the laundry stays in the basket", "you're annoyed when the washing sits in the basket"),
        ("i feel scared since i lost my job", "you feel scared since you've been out of work"),
        ("i feel ignored when you don't answer my messages", "you feel ignored when i don't reply to your messages"),
        ("i feel lonely when i can't talk to you about work", "you feel lonely when you can't open up to me about work"),
        ("i feel hurt when you walk in and don't say hello", "you feel hurt when i come home and don't say hello"),
        // Blind set 17's classes, in lines of my own: takeout as takeaway, feeling small as
        // belittled, a promise as "said i would", collecting the kids as picking them up.
        ("i feel guilty when we order takeout every night", "you feel guilty when we get takeaway every night"),
        ("i felt small when you corrected me at dinner", "you felt belittled when i corrected you at dinner"),
        ("i'm hurt that you didn't call like you promised", "you're hurt that i didn't call like i said i would"),
        ("i'm stressed when you forget to pick up the kids", "you're stressed when i forget to get the kids"),
        // Blind set 18's classes, in lines of my own: the baby as the little one, a sofa for a
        // couch, nodding off for falling asleep, a manager for a boss, not remembering for
        // forgetting, an operation for surgery, getting over for recovering, heading out.
        ("i'm worried the baby isn't sleeping enough", "you're worried the little one isn't sleeping enough"),
        ("i feel ignored when you nap on the couch all sunday", "you feel ignored when i nap on the sofa all sunday"),
        ("i get lonely when you fall asleep during our film", "you get lonely when i nod off during our film"),
        ("i'm anxious when your boss calls you at dinner", "you're anxious when my manager rings me at dinner"),
        ("i feel hurt when you forget our plans", "you feel hurt when i don't remember our plans"),
        ("i'm scared about your surgery next month", "you're scared about my operation next month"),
        ("i feel helpless while you're recovering from the flu", "you feel helpless while i get over the flu"),
        ("i feel left out when you go out with your mates", "you feel left out when i head out with my mates"),
        // Blind set 19's classes, in lines of my own: beginning as starting, dinnertime for
        // supper, the food someone makes for their cooking, heading to bed, "good night" apart.
        ("i feel sad when you begin your day without a hug", "you feel sad when i start my day without a hug"),
        ("i feel rushed when you want supper at six", "you feel rushed when i want dinnertime at six"),
        ("i feel proud when you cook for my friends", "you feel proud when i make food for your friends"),
        ("i feel lonely when you go to bed before me", "you feel lonely when i head to bed before you"),
        ("i feel hurt when you skip saying goodnight", "you feel hurt when i skip saying good night"),
        // Blind set 20's classes, in lines of my own: humiliated for embarrassed, relatives for
        // family, a loan, quitting, pay for a salary, daily, intimacy for sex, putting aside for
        // saving, collecting a child, "it makes me" said back as "you're", a hedge of several
        // words ("to be honest") and a slip inside a concept's word ("embarassed").
        ("i felt humiliated when you laughed at my accent", "you felt embarrassed when i laughed at your accent"),
        ("i feel judged when your relatives ask about my job", "you feel judged when my family asks about your job"),
        ("i'm anxious when you loan your sister money", "you're anxious when i lend my sister money"),
        ("i'm sad that you quit painting", "you're sad that i stopped painting"),
        ("i'm worried about your salary going down", "you're worried about my pay going down"),
        ("i feel pressured when your mum phones every single day", "you feel pressured when my mum phones daily"),
        ("i feel lonely that we haven't had sex in weeks", "you feel lonely that we haven't been intimate in weeks"),
        ("i'm stressed that we never save for holidays", "you're stressed that we never put aside for holidays"),
        ("i get upset when you forget to pick up the dog", "you get upset when you forget to collect the dog"),
        ("it makes me sad when you cancel our plans", "you're sad when i cancel our plans"),
        ("to be honest i feel ignored when you game all night", "you feel ignored when i game all night"),
        ("i felt embarrassed when you told that story", "you felt embarassed when i told that story"),
        // Blind set 21's classes, in lines of my own: a name the line is said to ("…, tomasz"),
        // kept awake, weighing in, a vacation, a real one, pics.
        ("i feel hurt when you skip dinner with my parents, tomasz", "you feel hurt when i skip dinner with your parents"),
        ("aiko, i get scared when you drive after drinking", "you get scared when i drive after drinking"),
        ("i'm anxious about the rent and i lie awake at night", "you're anxious about the rent and it keeps you up at night"),
        ("i feel small when your sister gives her opinion on my cooking", "you feel small when my sister weighs in on your cooking"),
        ("i'm sad we never take a proper holiday", "you're sad we never take a real vacation"),
        ("i feel jealous when you save her pics", "you feel jealous when i save her photos"),
        // Blind set 22's classes, in lines of my own: a slip of a filler word ("actualy"), a name
        // said to at the start with no comma, "through" as a filler, a meal as eating, the
        // bedtime routine as putting the kids to bed, first place as priority, missing an event
        // as not being there for it.
        ("i actualy feel hurt when you forget my birthday", "you feel hurt when i forget your birthday"),
        ("Kwame i get nervous when you drive so fast", "you get nervous when i drive so fast"),
        ("i feel ignored when you text all through supper", "you feel ignored when i text the whole time we eat"),
        ("i'm worn out from doing the bedtime routine alone", "you're exhausted from putting the kids to bed on your own"),
        ("i feel hurt that your friends always come first", "you feel hurt that my friends always take priority"),
        ("i was sad when you missed my graduation", "you were sad that i wasn't there for your graduation"),
        // Blind set 23's classes, in lines of my own: "dont" said back as "do not" before a
        // word a negated concept member has another form of ("not wanted"), a match for a game,
        // being around for something for being home for it.
        ("i dont want to move in with your parents", "you do not want to move in with my parents"),
        ("i feel sad that i'm never home for your rugby games", "you feel sad that you're never around for my rugby matches"),
        // Set 24's classes: a phrase in two concepts ("pick up" answers the phone and collects
        // the kids), the speaker's own judgement of themselves said in other words, another form
        // of a little word ("gets", "having"), a start said back as the verb alone, and a
        // start that is content where no verb in "-ing" follows it.
        ("i was scared when you didnt pick up all evening", "you were frightened when i didnt answer all evening"),
        ("i was stressed that i had to collect the kids again", "you were stressed that you had to pick up the kids again"),
        ("i feel stupid when i forget your friends names", "you feel dumb when you forget my friends names"),
        ("i feel left out when you're having drinks with the team", "you feel left out when i have drinks with the team"),
        ("my neck gets stiff when your mum starts asking about grandkids", "your neck get stiff when my mum asks about grandkids"),
        ("i feel sad since you started the new job", "you've felt sad since i began the new job"),
        // Set 25's: "the only one who … when" is one person, not a "not … until"; a name said to
        // at the start before a clause; a single parent as raising the kids alone; "doesn't
        // count" for "doesn't matter"; noticing as paying attention.
        ("im worn out from being the only one who cooks dinner every night", "you're exhausted because you're the only one who cooks when we eat every night"),
        ("noor when you cancelled our anniversary dinner i felt hurt", "you felt hurt when i cancelled our anniversary dinner"),
        ("i feel like a single parent when you travel for work", "you feel like you're raising the kids alone when i travel for work"),
        ("i feel like my ideas dont matter in our budget talks", "you feel like your ideas don't count in our budget talks"),
        ("i feel cared for when you pay attention to my moods", "you feel cared for when i notice your moods"),
    ])
    func everydayWordsSaidBack(original: String, mirror: String) {
        let judged = faithfulness(mirror, of: original)
        #expect(judged.faithful, "\(judged.seen)")
    }

    /// Blind set 26's classes, in lines of my own: "unable to" and "fail to" say "not"; a
    /// negation restated ("…, not even once") says no second "no"; the listener's "only" for
    /// the speaker's "just" is no defence; "insane" said back as "crazy", a visitor for a guest.
    /// Before `restating_negations`, `restricting_alike` and those words, each was judged wrong.
    @Test(arguments: [
        ("i get upset when you cant make it to my games", "you get upset when i'm unable to come to your games", true),
        ("i feel invisible when you don't notice my haircut", "you feel invisible when i fail to notice your haircut", true),
        ("i feel hurt when you just shrug and walk off", "you feel hurt when i only shrug and walk off", true),
        ("i'm stressed, the kids have been insane all week", "you're stressed, the kids have been crazy all week", true),
        ("i feel like a guest when we stay at your parents", "you feel like a visitor when we stay with my parents", true),
        // Dropped, the restated negation is still a lost "not"; added, a feeling as a label is a judgement.
        ("i'm sad we haven't eaten together in weeks, not even once", "you're sad we've eaten together in weeks, even once", false),
        ("i'm sad we haven't eaten together in weeks, not even once", "you're sad we haven't eaten together in weeks, not even once", true),
        ("i get worried when you drive home late", "you get worried when i drive home late, you're so insecure", false),
        ("i get annoyed when you take calls at dinner", "you get annoyed when i take calls at dinner, its my job", false),
    ])
    func setTwentySixClasses(original: String, mirror: String, faithful: Bool) {
        let judged = faithfulness(mirror, of: original)
        #expect(judged.faithful == faithful, "\(judged.seen)")
    }

    /// Blind set 27's classes, in lines of my own: things that "sit" are things "left", "all
    /// night" is "overnight", "concentrate" is "focus", "fed up with" is "tired of", "go over"
    /// is "think about", "once" is "after"; "it frightens me" names a feeling a mirror must keep
    /// (another form of a feeling word before `feeling_objects`), "i worry about" none;
    /// a comparison with others is a defence, a fix for a third person advice.
    @Test(arguments: [
        ("i get annoyed when the laundry sits in the machine overnight", "you get annoyed when the washing gets left in the machine all night", true),
        ("i can't focus at work when we fight in the morning", "you can't concentrate at work when we argue in the morning", true),
        ("i'm tired of reminding you about the bins", "you're fed up with reminding me about the bins", true),
        ("i keep thinking about what your brother said", "you keep going over what my brother said", true),
        ("i feel lonely after the kids go to bed", "you feel lonely once the kids are in bed", true),
        ("it frightens me when you drive after a drink", "what i hear is i drive after a drink", false),
        ("it worries me when you cycle home in the dark", "so i cycle home in the dark", false),
        ("it worries me when you cycle home in the dark", "you get worried when i cycle home in the dark", true),
        ("i worry about your health", "you're concerned about my health", true),
        ("i worry when you spend so much on games", "you worry when i spend so much on games, my friends spend more than i do", false),
        ("i feel sad when your mum cancels on the kids", "you feel sad when my mum cancels on the kids, maybe she could call them instead", false),
    ])
    func setTwentySevenClasses(original: String, mirror: String, faithful: Bool) {
        let judged = faithfulness(mirror, of: original)
        #expect(judged.faithful == faithful, "\(judged.seen)")
    }

    /// Blind set 28's classes, in lines of my own: a name said to the partner between two commas
    /// is not a point to keep; "having" says as little
    /// as "have"; "nobody's" says no as "no one" does; "let's" leads advice; and new concepts
    /// (flatmates as roommates, the washing up as the dishes, one more time as again).
    @Test(arguments: [
        ("i'm tired of cooking every night, femi, and i need a break from it", "you're tired of cooking every night and you need a break from it", true),
        ("i'm sad, femi, that we never go out anymore", "you're sad that we never go out anymore", true),
        ("we keep having the same row about money", "we have the same argument about money", true),
        ("nobody's ever asked me that", "no one has ever asked you that", true),
        ("i feel stressed when the bills pile up", "you feel stressed when the bills pile up, lets make a spreadsheet tonight", false),
        ("i feel like we're just roommates lately", "you feel like we're just flatmates lately", true),
        ("i get cross when the dishes sit there all weekend", "you get cross when the washing up is left all weekend", true),
        ("i'm upset you were late again", "you're upset i was late one more time", true),
    ])
    func setTwentyEightClasses(original: String, mirror: String, faithful: Bool) {
        let judged = faithfulness(mirror, of: original)
        #expect(judged.faithful == faithful, "\(judged.seen)")
    }

    /// Whether `mirror` is judged faithful to `original`, with what the check saw, for the
    /// message of a failing expectation.
    private func faithfulness(_ mirror: String, of original: String) -> (faithful: Bool, seen: String) {
        let verdict = check.judge(mirror: mirror, of: original, speaker: nil, listener: nil)
        return (verdict.verdict == .faithful, "\(verdict.verdict): kept \(verdict.kept), missed \(verdict.missed), added \(verdict.added)")
    }

    /// Every feeling named counts, the ones joined on with "and" too (blind set 17): a mirror
    /// that keeps "tired" and drops "unappreciated" has lost a feeling.
    @Test func aSecondFeelingJoinedOnIsAFeelingToKeep() {
        #expect(!faithfulness("you feel worn out when i don't say thanks for dinner", of: "i feel worn out and unappreciated when you don't say thanks for dinner").faithful)
        #expect(faithfulness("you feel worn out and unappreciated when i don't say thanks for dinner", of: "i feel worn out and unappreciated when you don't say thanks for dinner").faithful)
    }

    /// A mirror that keeps the feeling alone is not faithful, however few words the original has.
    @Test func theFeelingAloneIsNotEnough() {
        let verdict = check.judge(mirror: "you feel lonely", of: "I feel lonely when you work late", speaker: nil, listener: nil)
        #expect(verdict.verdict != .faithful)
    }

    @Test func partnersNamesCountAsTheRightPeople() {
        let verdict = check.judge(mirror: "Alex, you feel lonely when Sam works late", of: "I feel lonely when you work late",
                                  speaker: "Alex", listener: "Sam")
        #expect(verdict.verdict == .faithful)
    }
}
