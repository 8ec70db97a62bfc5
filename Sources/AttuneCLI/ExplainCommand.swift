import ArgumentParser
import Foundation
import Coach
import IntentEngine

/// `attune explain TEXT`: why the matcher reads a sentence the way it does.
public struct ExplainCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the ranked intents for TEXT, with scores, the matching template and slot spans.")

    @Argument(help: "What a partner might type.")
    var text: String

    @Option(name: .long, help: ArgumentHelp("Judge TEXT in this flow state.", valueName: "FLOW.STATE"))
    var state: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("mirror-of"), help: ArgumentHelp("Judge TEXT as a listener's mirror of ORIGINAL instead.", valueName: "ORIGINAL"))
    var mirrorOf: String?

    @OptionGroup var intentsOptions: IntentsOptions

    public init() {}

    public func validate() throws {
        if let state, let problem = MatchContext.problem(in: state) { throw ValidationError("--state: \(problem)") }
    }

    public func run() throws {
        try reportingErrors {
            if let mirrorOf {
                let script = try intentsOptions.cachedCoach()
                let verdict = MirrorCheck(lexicon: script.lexicon, language: script.matcher.language).judge(mirror: text, of: mirrorOf, speaker: nil, listener: nil)
                switch format {
                case .json:
                    print(jsonString(["verdict": verdict.verdict.rawValue, "kept": verdict.kept, "missed": verdict.missed,
                                      "added": verdict.added, "original": mirrorOf, "mirror": text]))
                case .text:
                    print("\"\(text)\"\nas a mirror of \"\(mirrorOf)\"\n→ \(verdict.verdict.rawValue)")
                    print("  kept:   \(verdict.kept.isEmpty ? "nothing" : verdict.kept.joined(separator: ", "))")
                    print("  missed: \(verdict.missed.isEmpty ? "nothing" : verdict.missed.joined(separator: ", "))")
                    print("  added:  \(verdict.added.isEmpty ? "nothing" : verdict.added.joined(separator: ", "))")
                }
                return
            }
            // A person reading the text form wants to see how each word matched, which needs the
            // syntax trees the start-up cache leaves out; programs reading JSON (a line at a time,
            // from scoring tools) want speed, so JSON goes through the cache and never lists words.
            let script = format == .text ? try intentsOptions.loadCoach().1 : try intentsOptions.cachedCoach()
            let result = script.matcher.match(text, context: MatchContext(parsing: state))
            let flags = LineFlags.horsemen(in: result, lexicon: script.lexicon, language: script.matcher.language)
            switch format {
            case .json: print(jsonString(MatchDescription.json(result, flags: flags)))
            case .text: print(MatchDescription.text(result, words: script.matcher, flags: flags), terminator: "")
            }
        }
    }
}

/// Renders a `MatchResult` for people and for programs; shared by `explain` and `test`.
enum MatchDescription {
    /// With `words`, each template candidate also lists how each word matched; with `flags`,
    /// the horsemen the line carries and the templates that raised them.
    static func text(_ result: MatchResult, limit: Int = 5, words matcher: Matcher? = nil, flags: [RaisedFlag]? = nil) -> String {
        var out = "\"\(result.text)\"\n"
        var verdict = "→ \(result.intent)  confidence \(format(result.confidence))"
        if let best = result.best { verdict += "  (\(best.tier))" }
        if result.isAmbiguous { verdict += "  AMBIGUOUS: the coach will ask which was meant" }
        if result.isFuzzy { verdict += "  fuzzy" }
        out += verdict + "\n"
        if !result.corrections.isEmpty {
            out += "  typos corrected: " + result.corrections.map { "\($0.typed) → \($0.known)" }.joined(separator: ", ") + "\n"
        }
        if let flags {
            out += flags.isEmpty ? "  flags: none\n" : flags.map { flag in
                "  flag \(flag.flag)" + (flag.template.map { ": \($0.location): \($0.text)" } ?? "") + "\n"
            }.joined()
        }
        if result.candidates.isEmpty {
            out += "  no template or keyword matched\n"
        }
        for (rank, candidate) in result.candidates.prefix(limit).enumerated() {
            var line = "  \(rank + 1). \(candidate.intent)  \(format(candidate.confidence))  \(candidate.tier)"
            if candidate.tier == .keyword {
                line += "  keywords \(candidate.keywords.joined(separator: ", ")) = \(format(candidate.keywordScore))"
            } else {
                line += "  literal \(candidate.literalWords)  wildcard \(candidate.wildcardWords)"
            }
            if candidate.priority != 0 { line += "  priority \(candidate.priority)" }
            if let safety = candidate.safety { line += "  SAFETY \(safety)" }
            if candidate.safety != nil, let group = candidate.template?.group { line += "  group \(group)" }
            out += line + "\n"
            if let template = candidate.template {
                out += "       \(template.location): \(template.text)\n"
            }
            if let matcher, case let words = matcher.wordMatches(of: candidate, in: result), !words.isEmpty {
                out += "       words: " + words.map { "\($0.word) (\($0.kind.rawValue))" }.joined(separator: " ") + "\n"
            }
            for slot in candidate.slots {
                out += slot.text.isEmpty && slot.start == slot.end
                    ? "       slot \(slot.name) = \(slot.value)  (set by the template's block)\n"
                    : "       slot \(slot.name) = \(slot.value)  \"\(slot.text)\" [\(slot.start)..<\(slot.end)]\n"
            }
        }
        if result.candidates.count > limit {
            out += "  … and \(result.candidates.count - limit) more\n"
        }
        return out
    }

    /// No word kinds here: JSON is read through the start-up cache, which keeps no syntax trees.
    static func json(_ result: MatchResult, flags: [RaisedFlag]? = nil) -> [String: Any] {
        var json: [String: Any] = [
            "text": result.text,
            "intent": result.intent,
            "confidence": round(result.confidence),
            "ambiguous": result.isAmbiguous,
            "fuzzy": result.isFuzzy,
            "slots": result.slots,
            "corrections": result.corrections.map { ["typed": $0.typed, "known": $0.known] },
            "candidates": result.candidates.map { candidate -> [String: Any] in
                var entry: [String: Any] = [
                    "intent": candidate.intent,
                    "confidence": round(candidate.confidence),
                    "tier": "\(candidate.tier)",
                    "literal_words": candidate.literalWords,
                    "wildcard_words": candidate.wildcardWords,
                    "priority": candidate.priority,
                    "slots": candidate.slots.map { ["name": $0.name, "value": $0.value, "text": $0.text, "start": $0.start, "end": $0.end] },
                ]
                if let template = candidate.template {
                    entry["template"] = templateJSON(template)
                }
                if candidate.tier == .keyword {
                    entry["keywords"] = candidate.keywords
                    entry["keyword_score"] = candidate.keywordScore
                }
                if let safety = candidate.safety { entry["safety"] = safety }
                if candidate.safety != nil, let group = candidate.template?.group { entry["group"] = group }
                return entry
            },
        ]
        if let flags {
            json["flags"] = flags.map { flag -> [String: Any] in
                var entry: [String: Any] = ["flag": flag.flag]
                if let template = flag.template { entry["template"] = templateJSON(template) }
                return entry
            }
        }
        return json
    }

    static func templateJSON(_ template: TemplateSource) -> [String: Any] {
        ["text": template.text, "file": template.location.file, "line": template.location.line, "column": template.location.column]
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
    static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
