import IntentEngine
import TranscriptFormat

/// Compares a mirror with the words it mirrors: strips openers ("so what I'm hearing is"),
/// turns the original around to the listener's point of view, and compares content words
/// on the matcher's language layer (chat spellings read as words, every form of a word as
/// one, concept members as one: "argument" keeps "fight", "worn out" keeps "exhausted"), plus
/// feeling words and negation ("without calling" is "not calling"), noting judgement,
/// defence and advice that crept in.
public struct MirrorCheck: Sendable {
    public let lexicon: Lexicon
    public let language: LanguageLayer
    /// Every concept member by the form key of its first word, as (concept, member's keys), in
    /// concept-name order: a look-up per word instead of a walk over every concept.
    private let membersByFirstKey: [String: [(concept: String, keys: [String])]]
    /// The stopwords' form keys: another form of a little word is as little ("gets", "having").
    private let stopwordKeys: Set<String>
    /// The concepts with a member that has no negation in it: a negation inside one of their
    /// other members ("didn't matter" of `~unimportant`) is the concept's, not a "not".
    private let conceptsWithPlainMember: Set<String>
    /// The feeling words' form keys: "scares" before "me" is the feeling "scared" is.
    private let feelingKeys: Set<String>

    public init(lexicon: Lexicon, language: LanguageLayer) {
        self.lexicon = lexicon
        self.language = language
        var members: [String: [(concept: String, keys: [String])]] = [:]
        for (name, phrases) in language.concepts.sorted(by: { $0.key < $1.key }) {
            for phrase in phrases where !phrase.isEmpty {
                let keys = phrase.map(language.forms.key)
                members[keys[0], default: []].append((name, keys))
            }
        }
        membersByFirstKey = members
        stopwordKeys = Set(lexicon.stopwords.map(language.forms.key))
        conceptsWithPlainMember = Set(language.concepts.filter { $0.value.contains { !$0.contains(where: lexicon.negations.contains) } }.keys)
        feelingKeys = Set(lexicon.feelings.map(language.forms.key))
    }

    /// One word of a message as compared, or a concept member phrase taken as one.
    private struct Unit {
        var text: String
        var key: String
        var isConcept: Bool
        /// Every concept the member belongs to, `key` first: "pick up" is `~pick_up` and `~reply`.
        var keys: [String] = []
        /// One of the lexicon's `onsets` before a verb in "-ing" ("starts asking").
        var startsVerb = false
        /// The words with content it was read from ("new city" of "this new city" for
        /// `~here`), keyed by word form.
        var contentKeys: [String] = []
    }

    /// Judges `mirror` as a mirror of `original`. `speaker` said the original to `listener`.
    public func judge(mirror: String, of original: String, speaker: String?, listener: String?) -> MirrorJudgement {
        // The listener says the speaker's words back to the speaker: the speaker's "I" is the
        // listener's "you", and the speaker's "you" (the listener) is the listener's "I".
        let originalRead = withoutNamesAddressed(readWords(original), speaker: speaker, listener: listener)
        let (mirrorRead, clauseStarts) = readWords(mirror)
        let opener = openerLength(mirrorRead)
        var mirrorWords = Array(mirrorRead.dropFirst(opener))
        var mirrorClauseStarts = Array(clauseStarts.dropFirst(opener))
        if let listener { mirrorWords = mirrorWords.map { $0 == listener.lowercased() ? "i" : $0 } }
        if let speaker { mirrorWords = mirrorWords.map { $0 == speaker.lowercased() ? "you" : $0 } }
        // "uncomfortable" is "not comfortable" where the other side says "comfortable".
        let originalWords = unprefixed(originalRead, against: mirrorWords).words
        let unprefixedMirror = unprefixed(mirrorWords, against: originalRead)
        mirrorWords = unprefixedMirror.words
        mirrorClauseStarts = unprefixedMirror.sources.map { mirrorClauseStarts[$0.index] && $0.first }

        let originalUnits = contentUnits(originalWords)
        let mirrorUnits = contentUnits(mirrorWords)
        let mirrorKeys = Set(mirrorUnits.flatMap(\.keys))
        // A concept member said back in its own words keeps it too ("this new city" said back
        // as "the new city"): every content word of it is in the mirror.
        let mirrorWordKeys = Set(mirrorUnits.flatMap { $0.isConcept ? $0.contentKeys : [$0.key] })
        var kept: [String] = []
        var missed: [String] = []
        for unit in originalUnits where !kept.contains(unit.text) && !missed.contains(unit.text) {
            let content = unit.contentKeys
            // A word said back inside a concept's member keeps it ("laughed" in "laughed at").
            // A slip of typing on either side ("embarassed", "becuase") keeps a long word too.
            if unit.keys.contains(where: mirrorKeys.contains) || synonymKept(unit.text, in: mirrorWords)
                || (!content.isEmpty && content.allSatisfy(mirrorWordKeys.contains))
                || (!unit.text.contains(" ") && unit.text.count >= 6 && mirrorWords.contains { oneSlipApart(unit.text, $0) }) {
                kept.append(unit.text)
            } else if content.isEmpty || unit.startsVerb {
                // A member made of little words only ("here" in `~here`) keeps, never misses,
                // and so does a start said back as the verb alone ("starts asking" as "asks").
                continue
            } else {
                missed.append(unit.text)
            }
        }
        var added: [String] = []
        let originalKeys = Set(originalWords.map(language.forms.key))
        // "every time" for "always" keeps the absolute; only one the speaker never said is added.
        // An absolute that is also a negation ("never") saying back the speaker's own negation
        // ("you didnt ask" → "i never asked") keeps the "not"; it adds no "always or never".
        // "all the time" is an absolute as much as "always" is; "every week" for "three nights a
        // week" restates the speaker's own quantity.
        let originalAbsolute = originalWords.contains(where: lexicon.absolutes.contains)
            || lexicon.absolutePhrases.contains { contains(originalWords, $0) }
            || originalWords.indices.contains { repeatingLength(originalWords, at: $0) != nil }
        let originalNegated = negated(originalWords)
        let mirrorNegated = negated(mirrorWords)
        let keepsNegation = originalNegated && mirrorNegated
        // Times the speaker said in the plural ("i dread mondays") are every such time: "every
        // week" said back restates them.
        let habitual = originalWords.contains { word in
            let key = language.forms.key(word)
            return key != word && lexicon.timeWords.contains { language.forms.key($0) == key }
        }
        let judgementKeys = Set(lexicon.judgements.map(language.forms.key))
        // A word of the speaker's concept said back ("dumb" for their "stupid") is theirs.
        let originalConcepts = Set(originalUnits.filter(\.isConcept).flatMap(\.keys))
        let mirrorFormKeys = mirrorWords.map(language.forms.key)
        for (index, word) in mirrorWords.enumerated() where !originalKeys.contains(language.forms.key(word)) {
            if let (concepts, _) = conceptAt(index, keys: mirrorFormKeys), concepts.contains(where: { originalConcepts.contains("~" + $0) }) {
                continue
            }
            let next = index + 1 < mirrorWords.count ? mirrorWords[index + 1] : nil
            let restates = lexicon.restatingAbsolutes.contains(word) && next.map {
                originalKeys.contains(language.forms.key($0)) || (habitual && lexicon.timeWords.contains($0))
            } == true
            let absoluteAdded = lexicon.absolutes.contains(word) && !originalAbsolute && !restates
                && !(keepsNegation && lexicon.negations.contains(word))
            // A judgement in any of its forms: "overreaction" is "overreacting".
            let judgement = lexicon.judgements.contains(word) || judgementKeys.contains(language.forms.key(word))
            if judgement || absoluteAdded || lexicon.defence.contains(word) {
                if !added.contains(word) { added.append(word) }
            }
        }
        if !originalAbsolute {
            for phrase in lexicon.absolutePhrases where contains(mirrorWords, phrase) {
                let text = phrase.joined(separator: " ")
                if !added.contains(text) { added.append(text) }
            }
        }
        // A phrase the speaker said, turned around, is theirs said back: "i have to work every
        // weekend" said back as "you have to work every weekend" gives no advice.
        for phrase in lexicon.advice + lexicon.defencePhrases + lexicon.judgementPhrases
        where contains(mirrorWords, phrase) && !turnedAround(phrase).contains(where: { contains(originalWords, $0) }) {
            let text = phrase.joined(separator: " ")
            if !added.contains(text) { added.append(text) }
        }
        if let advice = imperative(mirrorWords, clauseStarts: mirrorClauseStarts, originalKeys: originalKeys), !added.contains(advice) {
            added.append(advice)
        }
        if let own = addedClause(mirrorWords, clauseStarts: mirrorClauseStarts, original: originalUnits), !added.contains(own) {
            added.append(own)
        }
        let negationLost = originalNegated != mirrorNegated
        if negationLost {
            if originalNegated { missed.append("not") } else { added.append("not") }
        }
        // A mirror said in the first person, as the speaker said it ("I feel nervous before
        // family visits" said back): the listener is voicing the speaker, and the "I" is the
        // speaker's. It is judged on what it kept like any other mirror; only an "I" line
        // that drops the speaker's feeling or keeps under a third of their words ("I feel
        // lonely too", "I feel attacked") is the listener's own, and mirrors nothing.
        let voiced = originalWords.first == "i" && mirrorWords.first == "i" && mirrorWords.contains("feel") && originalWords.contains("feel")

        // The feeling is the heart of a message: keeping it makes a mirror at least partial,
        // losing it makes a thin one off.
        let feelings = namedFeelings(originalWords, units: originalUnits)
        let keptFeeling = kept.contains { feelings.contains($0) }
        let missedFeeling = missed.contains { feelings.contains($0) }
        // A concept's member weighs as many words as it has with content ("come home" two), so
        // a share reads as it did word by word.
        var weights: [String: Int] = [:]
        for unit in originalUnits { weights[unit.text] = max(1, unit.contentKeys.count) }
        let keptWeight = kept.reduce(0) { $0 + (weights[$1] ?? 1) }
        let total = max(1, keptWeight + missed.reduce(0) { $0 + (weights[$1] ?? 1) })
        let share = Double(keptWeight) / Double(total)
        let verdict: MirrorVerdict
        if voiced && (missedFeeling || share < 0.34) {
            verdict = .off
        } else if (share >= 0.7 || (missed.count == 1 && kept.count >= 2)) && !missedFeeling && added.isEmpty && !negationLost {
            // One word said another way is allowed when two or more are kept, the feeling among
            // them, and nothing is put in: a listener says some of it in their own words.
            verdict = .faithful
        } else if keptFeeling {
            verdict = .partial
        } else if missedFeeling && !added.isEmpty {
            // The feeling dropped and judgement or defence put in its place.
            verdict = .off
        } else if feelings.isEmpty ? share < 0.34 : share <= 0.5 {
            verdict = .off
        } else {
            verdict = .partial
        }
        return MirrorJudgement(verdict: verdict, kept: kept, missed: missed, added: added)
    }

    /// The words of `text` as the matcher reads them (chat spellings expanded), with
    /// "without" read as the negation it is, and for each word whether a clause starts there
    /// (the first word, and a word after a comma, a full stop, a semicolon, a colon, a "!" or "?").
    private func readWords(_ text: String) -> (words: [String], clauseStarts: [Bool]) {
        let characters = Array(text)
        let tokens = language.tokenize(text)
        var words: [String] = []
        var starts: [Bool] = []
        for (index, token) in tokens.enumerated() {
            // "a phone-free night": "free" after a hyphen says "no" to the word before it.
            if index > 0, lexicon.negatingSuffixes.contains(token.word), token.start > 0, characters[token.start - 1] == "-",
               tokens[index - 1].end == token.start - 1 {
                words.insert("not", at: words.count - 1)
                starts.insert(false, at: starts.count - 1)
                continue
            }
            // "w/o" is "without", typed as two tokens.
            if index > 0, token.word == "o", tokens[index - 1].word == "w", tokens[index - 1].end == token.start - 1,
               characters[token.start - 1] == "/", words.last == "w" {
                words[words.count - 1] = "not"
                continue
            }
            let previousEnd = index > 0 ? tokens[index - 1].end : 0
            let gap = previousEnd < token.start ? characters[previousEnd..<token.start] : []
            starts.append(index == 0 || gap.contains { ",.;:!?".contains($0) })
            words.append(token.word == "without" ? "not" : token.word)
        }
        return (words, starts)
    }

    /// The original without the partners' names and without a name it is said to ("…, since you
    /// started nights, fatima", "ingrid, i noticed …"): a mirror says those as "you" and "i", or
    /// not at all. A name addressed stands alone, set off by a comma at the line's start or end
    /// or by two in its middle, and reads as a first name (SCOWL writes it with a capital, or
    /// no dictionary knows it).
    private func withoutNamesAddressed(_ read: (words: [String], clauseStarts: [Bool]), speaker: String?, listener: String?) -> [String] {
        let partners = Set([speaker, listener].compactMap { $0?.lowercased() })
        let words = read.words
        return words.indices.filter { index in
            let word = words[index]
            if partners.contains(word) { return false }
            // At the start, a name may also run straight into one of the line's pronouns or
            // into a clause ("Amara i felt let down …", "rafa when you planned …"), which no
            // first word of a sentence does.
            // In the middle, it is set off by a comma on each side ("…, jun, i need you to …").
            let alone = (index == words.count - 1 && index > 0 && read.clauseStarts[index])
                || (index > 0 && index < words.count - 1 && read.clauseStarts[index] && read.clauseStarts[index + 1])
                || (index == 0 && words.count > 1 && (read.clauseStarts[1] || lexicon.pronouns.contains(words[1])
                    || lexicon.clauseBreaks.contains(words[1])))
            return !(alone && readsAsName(word))
        }.map { words[$0] }
    }

    private func readsAsName(_ word: String) -> Bool {
        word.count >= 2 && word.allSatisfy(\.isLetter) && !lexicon.stopwords.contains(word) && !lexicon.pronouns.contains(word)
            && language.readsAsFirstName(word)
    }

    /// Advice said as an order at the start of a clause ("…, try some breathing exercises",
    /// "next time just tell her"): one of `advice_verbs` as written, after `advice_leads`,
    /// that the speaker did not say. Returns the words from the clause's start to the verb.
    private func imperative(_ words: [String], clauseStarts: [Bool], originalKeys: Set<String>) -> String? {
        for start in words.indices where clauseStarts[start] {
            var position = start
            while position < words.count {
                guard let lead = lexicon.adviceLeads.first(where: { words[position...].starts(with: $0) }) else { break }
                position += lead.count
            }
            if position < words.count, lexicon.adviceVerbs.contains(words[position]),
               !originalKeys.contains(language.forms.key(words[position])) {
                return words[start...position].joined(separator: " ")
            }
        }
        return nil
    }

    /// The feelings a message names: the lexicon's feeling words, and whatever word follows
    /// one of `feeling_verbs` ("felt"), past little words ("so", "a bit"), so "i felt
    /// invisible" names "invisible" though no list has it; "i feel like i'm…" names none. Each
    /// feeling joined on with one of `feeling_joins` is named too: "i feel tired and unappreciated".
    /// A feeling done to the speaker is named as well: another form of a feeling word before one
    /// of `feeling_objects` ("it *scares* me", "it *worries* us").
    private func namedFeelings(_ words: [String], units: [Unit]) -> [String] {
        var named: Set<String> = []
        let keys = words.map(language.forms.key)
        for index in words.indices.dropLast() where lexicon.feelingObjects.contains(words[index + 1]) && feelingKeys.contains(keys[index]) {
            named.insert(words[index])
        }
        for (index, word) in words.enumerated() where lexicon.feelingVerbs.contains(word) {
            var next = index + 1
            while true {
                while next < words.count, lexicon.stopwords.contains(words[next]), !lexicon.feelingJoins.contains(words[next]) { next += 1 }
                guard next < words.count, !lexicon.pronouns.contains(words[next]), !lexicon.negations.contains(words[next]),
                      !lexicon.stopwords.contains(words[next]) else { break }
                // A feeling of several words ("worn out") is named whole, as its unit is.
                let length = conceptAt(next, keys: keys)?.1 ?? 1
                named.insert(words[next])
                named.insert(words[next..<(next + length)].joined(separator: " "))
                guard next + length + 1 < words.count, lexicon.feelingJoins.contains(words[next + length]) else { break }
                next += length + 1
            }
        }
        // An accusing word is a feeling when it is felt ("i felt criticised"), not when it says
        // what someone did ("your mum criticised my cooking"). A concept named for a feeling
        // makes each member one ("furious" is `~angry`, "didn't matter" is `~unimportant`), but
        // not another form of its name ("i worry about your health" names no feeling).
        return units.filter { unit in
            let text = unit.text
            return named.contains(text) || lexicon.feelings.contains(text) || (lexicon.pseudoFeelings[text] != nil && named.contains(text))
                || (unit.isConcept && lexicon.feelings.contains(String(unit.key.dropFirst()))
                    && language.forms.key(text) != language.forms.key(String(unit.key.dropFirst())))
                || text.split(separator: " ").contains { lexicon.feelings.contains(String($0)) }
        }.map(\.text)
    }

    /// A clause after the first that brings in what the speaker never said: one the listener
    /// says of themselves ("…, i'm an adult, i can decide"), or any with two words of content or
    /// more and none of the original's ("…, which only happens because my shifts keep
    /// changing", "…, lets set up a budget this weekend", "…, and you do love playing the
    /// martyr"): a defence, advice or judgement of their own, in words no list holds. A check
    /// back (`mirror_check_backs`: "is that right?") brings in nothing. Returns its first words.
    private func addedClause(_ words: [String], clauseStarts: [Bool], original: [Unit]) -> String? {
        let originalKeys = Set(original.flatMap { $0.keys + $0.contentKeys })
        let starts = words.indices.filter { clauseStarts[$0] } + [words.count]
        for (start, end) in zip(starts, starts.dropFirst()) where start > 0 {
            let clause = Array(words[start..<end])
            if lexicon.mirrorCheckBacks.contains(where: { clause.starts(with: $0) }) { continue }
            let units = contentUnits(clause)
            let keptUnits = units.count { $0.keys.contains(where: originalKeys.contains) || $0.contentKeys.contains(where: originalKeys.contains) }
            let ownUnits = units.count - keptUnits
            // Said of themselves, the listener adds a clause of their own when it says more of
            // their own than of the speaker's ("i'm wiped out from the night shifts" after
            // "every night"); said of anything, when two words of its own stand alone.
            let added = lexicon.firstPerson.contains(words[start]) ? ownUnits > keptUnits : ownUnits >= 2 && keptUnits == 0
            if added {
                return words[start..<min(end, start + 3)].joined(separator: " ")
            }
        }
        return nil
    }

    /// Whether `word` says nothing a mirror must keep: a stopword or another form of one, or a
    /// slip of typing of a long one that no dictionary knows ("realy", "actualy", "honsetly"),
    /// which would otherwise be named as missed.
    private func isFiller(_ word: String) -> Bool {
        if lexicon.stopwords.contains(word) { return true }
        // Another form of a little word is as little: "gets", "having", "things".
        let key = language.forms.key(word)
        if key != word && stopwordKeys.contains(key) { return true }
        guard word.count >= 5, let dictionary = language.dictionary, !dictionary.contains(word) else { return false }
        return lexicon.stopwords.contains { oneSlipApart(word, $0) }
    }

    /// Whether `a` and `b` are one slip of typing apart (`EditDistance.isOneSlip`), both long
    /// enough for a slip to leave the word recognisable.
    private func oneSlipApart(_ a: String, _ b: String) -> Bool {
        min(a.count, b.count) >= 5 && EditDistance.isOneSlip(a, b)
    }

    /// Whether `position` holds one of the `onsets` followed by a verb in "-ing".
    private func startsVerb(_ words: [String], at position: Int) -> Bool {
        lexicon.onsets.contains(words[position]) && position + 1 < words.count && words[position + 1].hasSuffix("ing")
    }

    /// The length of a `repeating` phrase at `position` followed by a verb in "-ing".
    private func repeatingLength(_ words: [String], at position: Int) -> Int? {
        guard let phrase = lexicon.repeating.first(where: { words[position...].starts(with: $0) }),
              position + phrase.count < words.count, words[position + phrase.count].hasSuffix("ing") else { return nil }
        return phrase.count
    }

    /// `words` with each word of a negating prefix and a rest that `other` says (by word form)
    /// read as "not" and the rest: "uncomfortable" against "comfortable". `sources` gives each
    /// word's index in `words`, and whether it is the first word made from it.
    private func unprefixed(_ words: [String], against other: [String]) -> (words: [String], sources: [(index: Int, first: Bool)]) {
        let otherKeys = Set(other.map(language.forms.key))
        var result: [String] = []
        var sources: [(index: Int, first: Bool)] = []
        for (index, word) in words.enumerated() {
            if let prefix = lexicon.negatingPrefixes.first(where: { word.hasPrefix($0) && word.count >= $0.count + 4 }),
               case let rest = String(word.dropFirst(prefix.count)), otherKeys.contains(language.forms.key(rest)),
               !otherKeys.contains(language.forms.key(word)) {
                result += ["not", rest]
                sources += [(index, true), (index, false)]
            } else {
                result.append(word)
                sources.append((index, true))
            }
        }
        return (result, sources)
    }

    private func openerLength(_ words: [String]) -> Int {
        lexicon.mirrorOpeners.first(where: words.starts)?.count ?? 0
    }

    /// The content of a message: concept member phrases (each as its concept), then the
    /// other words that carry meaning, each keyed by its word form.
    private func contentUnits(_ words: [String]) -> [Unit] {
        let keys = words.map(language.forms.key)
        var units: [Unit] = []
        var position = 0
        while position < words.count {
            // An absolute in several words ("all the time") is weighed as one, not as content,
            // and so is a "keep" that repeats the verb after it ("we keep arguing").
            if let phrase = lexicon.absolutePhrases.first(where: { words[position...].starts(with: $0) }) {
                position += phrase.count
                continue
            }
            // A hedge of several words ("to be honest", "i guess") says nothing a mirror must keep.
            if let hedge = lexicon.hedges.first(where: { $0.count > 1 && words[position...].starts(with: $0) }) {
                position += hedge.count
                continue
            }
            if let length = repeatingLength(words, at: position) {
                position += length
                continue
            }
            if let (concepts, length) = conceptAt(position, keys: keys) {
                units.append(Unit(text: words[position..<(position + length)].joined(separator: " "), key: "~" + concepts[0], isConcept: true,
                                  keys: concepts.map { "~" + $0 }, startsVerb: length == 1 && startsVerb(words, at: position),
                                  contentKeys: (position..<(position + length)).filter {
                                      !lexicon.stopwords.contains(words[$0]) && !lexicon.pronouns.contains(words[$0])
                                  }.map { keys[$0] }))
                position += length
                continue
            }
            let word = words[position]
            // Absolutes are weighed as added judgement, not as content a mirror must keep.
            let negation = lexicon.negations.contains(word) && !lexicon.negatingVerbs.contains(word)
            if !isFiller(word) && !lexicon.pronouns.contains(word) && !negation
                && !lexicon.absolutes.contains(word) {
                units.append(Unit(text: word, key: keys[position], isConcept: false, keys: [keys[position]],
                                  startsVerb: startsVerb(words, at: position),
                                  contentKeys: [keys[position]]))
            }
            position += 1
        }
        return units
    }

    /// The concepts whose longest member starts at `position` (compared by word form), and
    /// its length: a phrase may be a member of several ("pick up" collects the kids and
    /// answers the phone), and a mirror keeps it by saying any of them.
    private func conceptAt(_ position: Int, keys: [String]) -> ([String], Int)? {
        var names: [String] = []
        var length = 0
        for (name, member) in membersByFirstKey[keys[position]] ?? []
        where member.count >= max(1, length) && position + member.count <= keys.count {
            guard member.elementsEqual(keys[position..<(position + member.count)]) else { continue }
            if member.count > length {
                names = [name]
                length = member.count
            } else if names.last != name {
                names.append(name)
            }
        }
        return names.isEmpty ? nil : (names, length)
    }

    private func synonymKept(_ word: String, in mirror: [String]) -> Bool {
        guard let felt = lexicon.pseudoFeelings[word] else { return false }
        return mirror.contains { felt.contains($0) }
    }

    /// Whether `words` say "no" an odd number of times. A negation inside a concept member
    /// whose concept also has a member without one says no "no" of its own: "didn't matter"
    /// is `~unimportant`, as "unimportant" is ("nobody" and "no one" still negate). "Only"
    /// before "once", "when", "until"… negates as "not … until" does. An absolute in several
    /// words ("non stop") says no "no", nor does a negation restated ("…, not even once").
    private func negated(_ words: [String]) -> Bool {
        let keys = words.map(language.forms.key)
        var count = 0
        var position = 0
        while position < words.count {
            // A negation inside a concept's member ("not wanted", one of `~unloved`) is part of
            // the word it names, when said as written: "do not want" is a negation of "want",
            // though its forms match "not wanted".
            if let (concepts, length) = conceptAt(position, keys: keys),
               concepts.contains(where: conceptsWithPlainMember.contains),
               !words[position..<(position + length)].contains(where: lexicon.negations.contains)
                || concepts.contains(where: { language.concepts[$0]?.contains(where: { $0.elementsEqual(words[position..<(position + length)]) }) == true }) {
                position += length
                continue
            }
            if let phrase = lexicon.absolutePhrases.first(where: { words[position...].starts(with: $0) }) {
                position += phrase.count
                continue
            }
            // "we haven't gone anywhere, not even for a coffee": a negation restated says no
            // second "no" (`restating_negations`).
            if count % 2 == 1, let phrase = lexicon.restatingNegations.first(where: { words[position...].starts(with: $0) }) {
                position += phrase.count
                continue
            }
            if lexicon.negations.contains(words[position]) { count += 1 }
            // "we only talk once the bills come" is "we don't talk until they come".
            // "the only one who gets up when she wakes" restricts nothing (`restricting_not_after`).
            if lexicon.restricting.contains(words[position]), position == 0 || !lexicon.restrictingNotAfter.contains(words[position - 1]),
               words[(position + 1)...].contains(where: lexicon.restrictingEnds.contains) {
                count += 1
            }
            position += 1
        }
        return count % 2 == 1
    }

    /// The speaker's own words for `phrase` as the listener says it: the phrase as it is, and
    /// with each of its pronouns turned around ("you have to" is the speaker's "i have to"),
    /// and "only" as the speaker's `restricting_alike` ("i only said" is their "you just said").
    private func turnedAround(_ phrase: [String]) -> [[String]] {
        var variants: [[String]] = [[]]
        for word in phrase {
            let turns = [word] + (Self.turns[word] ?? []) + (lexicon.restricting.contains(word) ? lexicon.restrictingAlike.sorted() : [])
            variants = variants.flatMap { variant in turns.map { variant + [$0] } }
        }
        return variants
    }

    /// A pronoun said back turned around: the speaker's word for the listener's.
    private static let turns: [String: [String]] = [
        "you": ["i", "me"], "i": ["you"], "me": ["you"], "your": ["my"], "my": ["your"], "yours": ["mine"], "mine": ["yours"],
        "youre": ["im"], "im": ["youre"], "youve": ["ive"], "ive": ["youve"], "youd": ["id"], "id": ["youd"],
        "yourself": ["myself"], "myself": ["yourself"],
    ]

    private func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where Array(words[start..<(start + phrase.count)]) == phrase { return true }
        return false
    }
}
