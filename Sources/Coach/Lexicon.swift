import IntentEngine

/// Word lists the coaching logic reads (from `lexicon:` in `Intents/`): feeling words, the
/// accusing pseudo-feelings and what they usually cover, judgement words, mirror openers, the
/// words that open a question or fill a names answer. Kept as data so a coach can refine them
/// (or write them for another language) without touching Swift; lint requires every one.
public struct Lexicon: Sendable {
    /// Feeling words people name ("lonely", "hurt").
    public var feelings: Set<String> = []
    /// Accusing words dressed as feelings ("ignored") → the felt feelings they often cover.
    public var pseudoFeelings: [String: [String]] = [:]
    /// Words that judge rather than mirror ("overreacting", "dramatic").
    public var judgements: Set<String> = []
    /// Judgements said in several words ("a big deal", "over the top"), as word sequences.
    public var judgementPhrases: [[String]] = []
    /// "Always", "never" and their kin.
    public var absolutes: Set<String> = []
    /// "Always" said in several words ("all the time", "every single time"), as word
    /// sequences: in an original they are the speaker's own absolute, not content a mirror
    /// must keep, and a mirror's "constantly" for them adds none; in a mirror alone they are added.
    public var absolutePhrases: [[String]] = []
    /// Absolutes that, before a word the speaker said, restate the speaker's own quantity
    /// ("three nights a week" → "every week", "all the school runs" → "every school run"):
    /// no absolute added.
    public var restatingAbsolutes: Set<String> = []
    /// Times of the day and the week ("night", "monday"): said in the plural by the speaker
    /// ("i dread mondays"), "every week" said back restates them.
    public var timeWords: Set<String> = []
    /// Phrases a mirror starts with ("so what i'm hearing is"), as word sequences, longest first.
    public var mirrorOpeners: [[String]] = []
    /// Phrases that start a listener's check back at the end of a mirror ("is that right"):
    /// a clause of them adds nothing to what was said back.
    public var mirrorCheckBacks: [[String]] = []
    /// Words with little content, left out of mirror comparison.
    public var stopwords: Set<String> = []
    /// Words that start advice ("should", "just").
    public var advice: [[String]] = []
    /// Verbs, as written, that give an order at the start of a clause of a mirror ("…, try
    /// some breathing exercises"): advice, unless the speaker said the verb.
    public var adviceVerbs: Set<String> = []
    /// Words before such a verb at a clause's start ("next time just tell her"), longest first.
    public var adviceLeads: [[String]] = []
    /// Words that start a defence ("but").
    public var defence: Set<String> = []
    /// The words of an introduction that are never names (`name_fillers`, `name_cues`,
    /// `kin_words`, `name_links`), and what is said after a name of someone away
    /// (`name_absent_cues`) or after a short form of a name (`name_short_form_cues`).
    public var nameWords = NameWords()
    /// The words a line is turned around with to be said back (`PerspectiveFlip`).
    public var flipWords = FlipWords()
    /// Words a question may open with before it starts ("so", "okay").
    public var questionLeadIns: Set<String> = []
    /// Openings of an open question ("what", "how", "can you tell"), as word sequences.
    public var openQuestionStarts: [[String]] = []
    /// First words of a closed question ("do", "is", "could").
    public var closedQuestionStarts: Set<String> = []
    /// Pronouns, turned around between speaker and listener and not compared in a mirror.
    public var pronouns: Set<String> = []
    /// Words that negate ("not", "dont"); a mirror must keep the original's negation.
    public var negations: Set<String> = []
    /// "Only" (`restricting`) before a word of `restricting_ends` ("only … once") says what
    /// "not … until" says: a negation.
    public var restricting: Set<String> = []
    public var restrictingEnds: Set<String> = []
    /// Words after which "only" names one person or thing ("the only one"), restricting nothing.
    public var restrictingNotAfter: Set<String> = []
    /// Prefixes that negate the rest of a word ("un"comfortable) when the other side says the rest.
    public var negatingPrefixes: Set<String> = []
    /// Words that repeat the verb after them as "always" does ("we keep arguing"), longest first.
    public var repeating: [[String]] = []
    /// Words that start the verb after them ("starts asking"): said back as the verb alone
    /// ("asks"), so they are no content a mirror must keep.
    public var onsets: Set<String> = []
    /// Negations that are verbs too ("stop", "quit"): they say "no" and carry meaning, so a
    /// mirror keeps them as words as well ("not asking you to quit your job").
    public var negatingVerbs: Set<String> = []
    /// Phrases of a listener justifying themselves ("i only", "to be fair"): a defence that
    /// crept into a mirror, as `defence` words are.
    public var defencePhrases: [[String]] = []
    /// Words a speaker says for the listener's "only" ("you *just* said cool" said back as
    /// "i *only* said cool" is no defence).
    public var restrictingAlike: Set<String> = []
    /// Negations that restate one already made ("not even", "never once"): no second "no".
    public var restatingNegations: [[String]] = []
    /// Words that, after a hyphen, negate the word before ("phone-free": no phone).
    public var negatingSuffixes: Set<String> = []
    /// Verbs a feeling follows ("felt" invisible): the word after them is a feeling.
    public var feelingVerbs: Set<String> = []
    /// Words that join one feeling to the next ("tired and unappreciated"): each is named.
    public var feelingJoins: Set<String> = []
    /// The speaker as the object of a feeling ("it scares *me*"): the word before names it.
    public var feelingObjects: Set<String> = []
    /// Words of speaking for oneself ("i", "my"), which make a feeling an "I" statement.
    public var firstPerson: Set<String> = []
    /// Each horseman → the intents whose match clears it where they meet: a warm line, someone
    /// else as the target, the antidote (see `LineFlags`).
    public var flagClearers: [String: [String]] = [:]
    /// Each horseman → those of its clearers that clear it only where their stretch meets its
    /// own: an "I" statement that outreads a blame in another clause leaves it a blame
    /// ("you're so careless with money, i'm sick of it").
    public var clearersWhereTheyMeet: [String: [String]] = [:]
    /// The horsemen that must be aimed at the partner (blame and sneers; see `FlagAim`).
    public var aimedHorsemen: Set<String> = []
    /// Words that aim a line at the partner ("you", "your").
    public var partnerWords: Set<String> = []
    /// Words that give a stretch another subject ("i", "my", "he"): someone else, or oneself.
    public var otherSubjects: Set<String> = []
    /// Phrases with a subject's word that name nobody ("oh my god", "i swear").
    public var aimInterjections: [[String]] = []
    /// Words that open a clause ("when", "and"): the reading of a stretch's clause stops there.
    public var clauseBreaks: Set<String> = []
    /// Phrases before a blame that deny it ("i wont think", "i dont think").
    public var denials: [[String]] = []
    /// Each horseman → the words that, right after its stretch, narrow it to a topic or a
    /// choice ("done talking *about* work", "dont care *where* we go").
    public var flagNarrowing: [String: [String]] = [:]
    /// Each horseman → phrases that, later in the line, turn its stretch warm: a tease that
    /// ends in affection ("haha you're ridiculous, *i love it*"), a "leave it" that hands over
    /// the chore ("leave it, *i'll clean it up*").
    public var flagSofteners: [String: [String]] = [:]
    /// Hedges and fillers left out of what a step keeps ("i guess", "maybe", "kinda"), as word
    /// sequences, longest first (`HedgeStripping`).
    public var hedges: [[String]] = []
    /// Words after which a hedge is content: "that kind of thing", "a sort of picnic".
    public var hedgeKeepers: Set<String> = []
    /// How the fight coach weighs a heated line and when it offers a break (`conflict:`):
    /// a weight per horseman, `absolute` and `shouting`, and the settings `ConflictWatch`
    /// names (`window`, `break_at`, `offer_again_after`, `remember_for`).
    public var conflict: [String: Int] = [:]
    /// Words that say a body is flooded ("heated", "overwhelmed"): a break asked for with one
    /// of them, or after heated lines, is the twenty-minute kind; one asked for calmly (some
    /// water, a minute) gets a light reply.
    public var flooding: Set<String> = []

    /// How a list is written and where it is kept.
    enum Shape {
        /// A list of words (each entry may be several, all kept).
        case words(WritableKeyPath<Lexicon, Set<String>>)
        /// A list of phrases, each a word sequence; `longestFirst` when the first that fits wins.
        case phrases(WritableKeyPath<Lexicon, [[String]]>, longestFirst: Bool)
        /// A mapping of a word to a list (`pseudo_feelings`: a word to felt feelings;
        /// `flag_clearers`: a horseman to the intents that clear it).
        case map(WritableKeyPath<Lexicon, [String: [String]]>)
        /// A mapping of a name to a whole number (`conflict`: weights and thresholds).
        case numbers(WritableKeyPath<Lexicon, [String: Int]>)
    }

    /// Every list, by its name in `lexicon:`: what loading, the cache and lint go through.
    static var lists: [(name: String, shape: Shape)] {
        [("feelings", .words(\.feelings)), ("pseudo_feelings", .map(\.pseudoFeelings)), ("judgements", .words(\.judgements)),
         ("judgement_phrases", .phrases(\.judgementPhrases, longestFirst: true)), ("time_words", .words(\.timeWords)),
         ("advice_verbs", .words(\.adviceVerbs)), ("advice_leads", .phrases(\.adviceLeads, longestFirst: true)),
         ("absolutes", .words(\.absolutes)), ("absolute_phrases", .phrases(\.absolutePhrases, longestFirst: true)),
         ("restating_absolutes", .words(\.restatingAbsolutes)), ("mirror_openers", .phrases(\.mirrorOpeners, longestFirst: true)),
         ("mirror_check_backs", .phrases(\.mirrorCheckBacks, longestFirst: true)),
         ("stopwords", .words(\.stopwords)), ("advice", .phrases(\.advice, longestFirst: false)),
         ("defence", .words(\.defence)), ("name_fillers", .words(\.nameWords.fillers)),
         ("name_cues", .phrases(\.nameWords.cues, longestFirst: true)), ("kin_words", .words(\.nameWords.kin)),
         ("name_links", .words(\.nameWords.links)), ("name_nickname_cues", .phrases(\.nameWords.nicknameCues, longestFirst: true)),
         ("name_short_form_cues", .phrases(\.nameWords.shortFormCues, longestFirst: true)),
         ("name_absent_cues", .phrases(\.nameWords.absentCues, longestFirst: true)),
         ("name_place_cues", .phrases(\.nameWords.placeCues, longestFirst: true)),
         ("name_alias_cues", .phrases(\.nameWords.aliasCues, longestFirst: true)),
         ("name_word_cues", .phrases(\.nameWords.wordCues, longestFirst: true)),
         ("question_lead_ins", .words(\.questionLeadIns)),
         ("open_question_starts", .phrases(\.openQuestionStarts, longestFirst: false)),
         ("closed_question_starts", .words(\.closedQuestionStarts)), ("pronouns", .words(\.pronouns)),
         ("negations", .words(\.negations)), ("restricting", .words(\.restricting)),
         ("restricting_ends", .words(\.restrictingEnds)), ("restricting_not_after", .words(\.restrictingNotAfter)), ("restricting_alike", .words(\.restrictingAlike)), ("restating_negations", .phrases(\.restatingNegations, longestFirst: true)), ("negating_prefixes", .words(\.negatingPrefixes)),
         ("repeating", .phrases(\.repeating, longestFirst: true)), ("onsets", .words(\.onsets)), ("negating_verbs", .words(\.negatingVerbs)),
         ("defence_phrases", .phrases(\.defencePhrases, longestFirst: true)), ("negating_suffixes", .words(\.negatingSuffixes)),
         ("feeling_verbs", .words(\.feelingVerbs)), ("feeling_joins", .words(\.feelingJoins)), ("feeling_objects", .words(\.feelingObjects)), ("first_person", .words(\.firstPerson)),
         ("flag_clearers", .map(\.flagClearers)), ("clearers_where_they_meet", .map(\.clearersWhereTheyMeet)), ("aimed_horsemen", .words(\.aimedHorsemen)),
         ("partner_words", .words(\.partnerWords)), ("other_subjects", .words(\.otherSubjects)),
         ("aim_interjections", .phrases(\.aimInterjections, longestFirst: true)), ("clause_breaks", .words(\.clauseBreaks)),
         ("denials", .phrases(\.denials, longestFirst: true)), ("flag_narrowing", .map(\.flagNarrowing)), ("flag_softeners", .map(\.flagSofteners)),
         ("conflict", .numbers(\.conflict)), ("flooding", .words(\.flooding)),
         ("flip_first_person", .map(\.flipWords.firstPerson)), ("flip_contractions", .map(\.flipWords.contractions)),
         ("flip_subjects", .words(\.flipWords.subjects)), ("second_person_forms", .map(\.flipWords.secondPersonForms)),
         ("third_person_forms", .map(\.flipWords.thirdPersonForms)), ("past_forms", .words(\.flipWords.pastForms)),
         ("modals", .words(\.flipWords.modals)), ("flip_adverbs", .words(\.flipWords.adverbs)),
         ("non_verbs", .words(\.flipWords.nonVerbs)), ("clause_openers", .words(\.flipWords.clauseOpeners)),
         ("echo_leading_fillers", .words(\.flipWords.leadingFillers)),
         ("echo_trailing_fillers", .words(\.flipWords.trailingFillers)), ("echo_unsure", .words(\.flipWords.unsure)),
         ("question_first_words", .words(\.flipWords.questionStarts)),
         ("hedges", .phrases(\.hedges, longestFirst: true)), ("hedge_keepers", .words(\.hedgeKeepers))]
    }

    /// Whether the named list has nothing in it (missing from content, or written empty).
    func isEmpty(_ shape: Shape) -> Bool {
        switch shape {
        case .words(let path): return self[keyPath: path].isEmpty
        case .phrases(let path, _): return self[keyPath: path].isEmpty
        case .map(let path): return self[keyPath: path].isEmpty
        case .numbers(let path): return self[keyPath: path].isEmpty
        }
    }

    static func load(_ sections: [String: NamedSection]) -> (Lexicon, [Diagnostic]) {
        var lexicon = Lexicon()
        var diagnostics: [Diagnostic] = []
        let shapes = Dictionary(lists.map { ($0.name, $0.shape) }, uniquingKeysWith: { first, _ in first })
        for (name, section) in sections.sorted(by: { $0.key < $1.key }) {
            switch shapes[name] {
            case .map(let path):
                guard case .mapping(let pairs, _) = section.value else {
                    diagnostics.append(.error(at: section.value.location, "'\(name)' must map a word to a list"))
                    continue
                }
                for (word, _, felt) in pairs {
                    lexicon[keyPath: path][TextNormalizer.words(word).joined(separator: " ")] =
                        FlowLoader.texts(felt, word, &diagnostics)
                }
            case .numbers(let path):
                guard case .mapping(let pairs, _) = section.value else {
                    diagnostics.append(.error(at: section.value.location, "'\(name)' must map a name to a whole number"))
                    continue
                }
                for (key, _, value) in pairs {
                    guard let text = value.string, let number = Int(text), number >= 0 else {
                        diagnostics.append(.error(at: value.location, "'\(name).\(key)' must be a whole number, 0 or more"))
                        continue
                    }
                    lexicon[keyPath: path][key] = number
                }
            case .phrases(let path, let longestFirst):
                let phrases = FlowLoader.texts(section.value, name, &diagnostics).map(TextNormalizer.words).filter { !$0.isEmpty }
                lexicon[keyPath: path] = longestFirst ? phrases.sorted { $0.count > $1.count } : phrases
            case .words(let path):
                lexicon[keyPath: path] = Set(FlowLoader.texts(section.value, name, &diagnostics).flatMap(TextNormalizer.words))
            case nil:
                diagnostics.append(.error(at: section.location, "unknown lexicon list '\(name)'",
                                          hint: "expected one of: \(lists.map(\.name).joined(separator: ", "))"))
            }
        }
        return (lexicon, diagnostics)
    }

    /// Writes every list, in table order, for the start-up cache.
    func write(to writer: inout ByteWriter) {
        for (_, shape) in Self.lists {
            switch shape {
            case .words(let path): writer.strings(self[keyPath: path].sorted())
            case .phrases(let path, _): writer.array(self[keyPath: path]) { $0.strings($1) }
            case .map(let path):
                let map = self[keyPath: path]
                writer.array(map.keys.sorted()) { writer, word in
                    writer.string(word)
                    writer.strings(map[word] ?? [])
                }
            case .numbers(let path):
                let map = self[keyPath: path]
                writer.array(map.keys.sorted()) { writer, key in
                    writer.string(key)
                    writer.int(map[key] ?? 0)
                }
            }
        }
    }

    static func read(from reader: inout ByteReader) throws -> Lexicon {
        var lexicon = Lexicon()
        for (_, shape) in lists {
            switch shape {
            case .words(let path): lexicon[keyPath: path] = Set(try reader.strings())
            case .phrases(let path, _): lexicon[keyPath: path] = try reader.array { try $0.strings() }
            case .map(let path):
                for (word, list) in try reader.array({ (try $0.string(), try $0.strings()) }) { lexicon[keyPath: path][word] = list }
            case .numbers(let path):
                for (key, number) in try reader.array({ (try $0.string(), try $0.int()) }) { lexicon[keyPath: path][key] = number }
            }
        }
        return lexicon
    }
}
