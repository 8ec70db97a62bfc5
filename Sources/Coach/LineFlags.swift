import IntentEngine

/// One of the four horsemen a line carries, with the template that raised it, so `explain`
/// can show an author why.
public struct RaisedFlag: Sendable, Equatable {
    public var flag: String
    /// The template of the horseman's intent that matched.
    public var template: TemplateSource?
}

/// The flags a partner line carries in the transcript: the four horsemen, "I" statements, and
/// how sure the reading was.
///
/// A horseman is flagged from what the line does to the partner, not from a lone word: one of
/// its templates must match (keywords never flag), and no intent the lexicon names as clearing
/// it (`flag_clearers`: a warm line, someone else as the target, the antidote) may have matched
/// the same stretch (unless the horseman's reading explains more of it: "thanks for listening
/// as usual" is sarcasm, not thanks) or explained more of the line (but for
/// `clearers_where_they_meet`, which clear only the stretch they share). So "you always make the best coffee"
/// (appreciation) and "my boss is such an idiot" (someone else) carry no flag, and precision
/// comes first: a false flag tells a couple the coach is not listening.
///
/// The stretch must also keep its sense in the line (`FlagAim`): a blame or a sneer whose
/// clause gives it someone else or denies it ("my brother rolls his eyes", "i won't think
/// you're needy") is no flag, and neither is a withdrawal narrowed to a topic ("i'm done
/// talking about work, tell me about your day").
public enum LineFlags {
    public static let horsemen = ["criticism", "contempt", "defensiveness", "stonewalling"]

    /// The horsemen `match` carries, in the order of `horsemen`.
    public static func horsemen(in match: MatchResult, lexicon: Lexicon, language: LanguageLayer) -> [RaisedFlag] {
        let clearers = lexicon.flagClearers
        let aim = FlagAim(text: match.text, lexicon: lexicon, language: language)
        let templates = match.candidates.filter { $0.tier != .keyword }
        var raised: [RaisedFlag] = []
        for horseman in horsemen {
            guard let pattern = templates.first(where: { $0.intent == horseman }) else { continue }
            let clearing = Set(clearers[horseman] ?? [])
            let meetingOnly = Set(lexicon.clearersWhereTheyMeet[horseman] ?? [])
            // Another horseman clears only the stretch it shares and reads better ("sure,
            // whatever you say" is a sneer, not a withdrawal); it never clears the rest of the line.
            let cleared = templates.contains { candidate in
                clearing.contains(candidate.intent)
                    && ((candidate.outranks(pattern) && !horsemen.contains(candidate.intent)
                            && !meetingOnly.contains(candidate.intent))
                        || (overlap(candidate.span, pattern.span) && !pattern.outranks(candidate)))
            }
            if !cleared, aim.holds(horseman, span: pattern.span) { raised.append(RaisedFlag(flag: horseman, template: pattern.template)) }
        }
        return raised
    }

    /// Every flag of a partner line: the horsemen, then `i_statement` (a feeling or need said
    /// for oneself), `fuzzy` and `ambiguous`.
    static func flags(for match: MatchResult, text: String, lexicon: Lexicon, language: LanguageLayer) -> [String] {
        var flags = horsemen(in: match, lexicon: lexicon, language: language).map(\.flag)
        let statement = match.candidates.contains { $0.tier != .keyword && ($0.intent == "express_feeling" || $0.intent == "express_need") }
            || (match.intent == "express_feeling" || match.intent == "express_need")
        if statement, TextNormalizer.words(text).contains(where: lexicon.firstPerson.contains) { flags.append("i_statement") }
        if match.isFuzzy { flags.append("fuzzy") }
        if match.isAmbiguous { flags.append("ambiguous") }
        return flags
    }

    private static func overlap(_ a: Range<Int>?, _ b: Range<Int>?) -> Bool {
        guard let a, let b else { return false }
        return a.overlaps(b)
    }
}
