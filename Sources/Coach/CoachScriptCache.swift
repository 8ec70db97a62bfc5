import IntentEngine

/// Writes and reads a built `CoachScript` (matcher, exercises, responses, lexicon) for the
/// start-up cache, so a session opens without parsing YAML or compiling templates.
extension CoachScript {
    /// The layout's version, the first thing in the cache and part of its key. Bumped (here,
    /// and nowhere else) whenever the layout below changes, so a cache of another layout is
    /// refused by its first bytes and rebuilt, never read as this one. 12: artifacts;
    /// 13: the fight coach's lexicon; 14: inline flow text carries its response key;
    /// 15: solo use; 18: a step's hint and the non-answers it takes; 19: proper nouns, for
    /// first names, and a template's forms; 20: the lexicon's flag softeners, defence phrases,
    /// negating verbs and absent-name cues; 21: the words `PerspectiveFlip` reads; 22: the
    /// irregular word forms, for the mirror check ("forgot" read from the cache is "forget"); 23: hedges;
    /// 24: the mirror check's absolute phrases and restating absolutes, and the names' place cues;
    /// 26: the names' short-form cues; 27: the mirror check's judgement phrases, time words, advice
    /// verbs and leads, restricting words, negating prefixes and repeating words; 28: the names' alias
    /// cues and word cues; 29: the mirror check's restating negations and words alike to "only",
    /// the flags' clearers where they meet, and the feelings' objects.
    public static let cacheFormat = 29

    /// A cache written in another layout (an older or newer Attune): refused before anything
    /// else is read.
    public struct CacheFormatMismatch: Error, Equatable {
        public var found: Int
        public var expected: Int

        public init(found: Int, expected: Int) {
            self.found = found
            self.expected = expected
        }
    }

    public func encodedForCache() -> [UInt8] {
        var writer = ByteWriter()
        writer.int(Self.cacheFormat)
        writer.array(flowNames) { writer, name in
            let flow = flows[name]!
            writer.string(flow.name)
            writer.location(flow.location)
            writer.string(flow.title)
            writer.string(flow.summary)
            writer.strings(flow.roles)
            writer.bool(flow.needsCouple)
            switch flow.solo {
            case .none: writer.int(0)
            case .version(let start, let summary):
                writer.int(1)
                writer.string(start)
                writer.string(summary)
            case .instead(let other):
                writer.int(2)
                writer.string(other)
            }
            writer.string(flow.start)
            writer.strings(flow.stateOrder)
            writer.array(flow.stateOrder) { writer, stateName in
                let state = flow.states[stateName]!
                writer.location(state.location)
                writer.optionalString(state.speaker)
                writer.bool(state.say != nil)
                if let say = state.say { Self.write(say, &writer) }
                writer.optionalString(state.action?.rawValue)
                writer.array(state.on) { Self.write($1, &$0) }
                writer.array(state.then) { Self.write($1, &$0) }
                writer.bool(state.isFinal)
                for reference in [state.redirect, state.askOther, state.hint] {
                    writer.bool(reference != nil)
                    if let reference { Self.write(reference, &writer) }
                }
                writer.bool(state.acknowledges)
                writer.bool(state.asksDebrief)
                writer.array(state.supplies) { $0.strings($1) }
                writer.strings(state.takes)
                writer.array(state.artifacts) { writer, artifact in
                    writer.location(artifact.location)
                    writer.string(artifact.kind)
                    writer.string(artifact.by)
                    writer.strings(artifact.fields.map(\.name))
                    writer.strings(artifact.fields.map(\.variable))
                }
            }
        }
        writer.array(responses.entries.keys.sorted()) { writer, name in
            let entry = responses.entries[name]!
            writer.string(name)
            writer.location(entry.location)
            writer.strings(entry.variants)
        }
        writer.array(responses.resources.keys.sorted()) { writer, kind in
            writer.string(kind)
            writer.location(responses.resourceLocations[kind] ?? SourceLocation(file: "", line: 0, column: 0))
            writer.strings(responses.resources[kind]!)
        }
        lexicon.write(to: &writer)
        // The matcher comes last, so what the opening needs can be read before it.
        matcher.write(to: &writer)
        return writer.bytes
    }

    /// Reads a cached coach. With `rebuild`, the matcher is decoded on a background thread
    /// (the opening needs only responses), and if its bytes turn out to be damaged, `rebuild`
    /// compiles it afresh; without, everything is read here and any damage throws.
    public static func decodedFromCache(_ bytes: [UInt8], rebuild: (@Sendable () -> Matcher)? = nil) throws -> CoachScript {
        var reader = ByteReader(bytes)
        let found = try reader.int()
        guard found == cacheFormat else { throw CacheFormatMismatch(found: found, expected: cacheFormat) }
        var flows: [String: Flow] = [:]
        for flow in try reader.array({ reader -> Flow in
            var flow = Flow(name: try reader.string(), location: try reader.location(), title: try reader.string(),
                            summary: try reader.string(), roles: try reader.strings(), needsCouple: try reader.bool(),
                            start: "", states: [:], stateOrder: [])
            switch try reader.int() {
            case 0: flow.solo = .none
            case 1: flow.solo = .version(start: try reader.string(), summary: try reader.string())
            case 2: flow.solo = .instead(try reader.string())
            default: throw ByteReader.Malformed()
            }
            flow.start = try reader.string()
            flow.stateOrder = try reader.strings()
            let states = try reader.array { reader -> FlowState in
                let location = try reader.location()
                let speaker = try reader.optionalString()
                let say = try reader.bool() ? try readResponse(&reader) : nil
                let action = try reader.optionalString().map { name -> FlowAction in
                    guard let action = FlowAction(rawValue: name) else { throw ByteReader.Malformed() }
                    return action
                }
                var state = FlowState(name: "", location: location, speaker: speaker, say: say, action: action,
                                      on: try reader.array(readTransition), then: try reader.array(readTransition),
                                      isFinal: try reader.bool())
                state.redirect = try reader.bool() ? try readResponse(&reader) : nil
                state.askOther = try reader.bool() ? try readResponse(&reader) : nil
                state.hint = try reader.bool() ? try readResponse(&reader) : nil
                state.acknowledges = try reader.bool()
                state.asksDebrief = try reader.bool()
                state.supplies = try reader.array { try $0.strings() }
                state.takes = try reader.strings()
                state.artifacts = try reader.array { reader -> FlowArtifact in
                    let location = try reader.location()
                    let kind = try reader.string()
                    let by = try reader.string()
                    let names = try reader.strings()
                    let variables = try reader.strings()
                    guard names.count == variables.count else { throw ByteReader.Malformed() }
                    return FlowArtifact(location: location, kind: kind, by: by,
                                        fields: zip(names, variables).map { (name: $0, variable: $1) })
                }
                return state
            }
            guard states.count == flow.stateOrder.count else { throw ByteReader.Malformed() }
            for (name, var state) in zip(flow.stateOrder, states) {
                state.name = name
                flow.states[name] = state
            }
            return flow
        }) { flows[flow.name] = flow }
        var responses = ResponseBook()
        for (name, location, variants) in try reader.array({ (try $0.string(), try $0.location(), try $0.strings()) }) {
            responses.add(entry: ResponseBook.Entry(name: name, location: location, variants: variants))
        }
        for (kind, location, lines) in try reader.array({ (try $0.string(), try $0.location(), try $0.strings()) }) {
            responses.add(resources: lines, for: kind, at: location)
        }
        let lexicon = try Lexicon.read(from: &reader)
        let pending: PendingMatcher
        if let rebuild {
            let rest = reader.rest()
            pending = PendingMatcher {
                var reader = rest
                guard let matcher = try? Matcher.read(from: &reader), reader.isAtEnd else { return rebuild() }
                return matcher
            }
        } else {
            let matcher = try Matcher.read(from: &reader)
            guard reader.isAtEnd else { throw ByteReader.Malformed() }
            pending = PendingMatcher(matcher)
        }
        return CoachScript(pendingMatcher: pending, flows: flows, responses: responses, lexicon: lexicon)
    }

    private static func write(_ reference: ResponseReference, _ writer: inout ByteWriter) {
        switch reference {
        case .named(let name, let location):
            writer.int(0)
            writer.string(name)
            writer.location(location)
        case .inline(let variants, let key, let location):
            writer.int(1)
            writer.strings(variants)
            writer.string(key)
            writer.location(location)
        }
    }

    private static func readResponse(_ reader: inout ByteReader) throws -> ResponseReference {
        switch try reader.int() {
        case 0: return .named(try reader.string(), try reader.location())
        case 1: return .inline(try reader.strings(), key: try reader.string(), try reader.location())
        default: throw ByteReader.Malformed()
        }
    }

    private static func write(_ transition: FlowTransition, _ writer: inout ByteWriter) {
        writer.location(transition.location)
        writer.array(transition.conditions) { writer, condition in
            switch condition {
            case .intent(let intents): writer.int(0); writer.strings(intents)
            case .slot(let slot, let values): writer.int(1); writer.string(slot); writer.strings(values)
            case .result(let results): writer.int(2); writer.strings(results)
            case .variable(let name, let value): writer.int(3); writer.string(name); writer.string(value)
            }
        }
        writer.array(transition.effects) { writer, effect in
            switch effect {
            case .say(let reference): writer.int(0); write(reference, &writer)
            case .capture(let name): writer.int(1); writer.string(name)
            case .append(let name): writer.int(2); writer.string(name)
            case .set(let name, let value): writer.int(3); writer.string(name); writer.string(value)
            case .swapRoles: writer.int(4)
            }
        }
        switch transition.target {
        case .stay: writer.int(0)
        case .finish: writer.int(1)
        case .state(let name): writer.int(2); writer.string(name)
        }
    }

    private static func readTransition(_ reader: inout ByteReader) throws -> FlowTransition {
        let location = try reader.location()
        let conditions = try reader.array { reader -> FlowCondition in
            switch try reader.int() {
            case 0: return .intent(try reader.strings())
            case 1: return .slot(try reader.string(), try reader.strings())
            case 2: return .result(try reader.strings())
            case 3: return .variable(try reader.string(), try reader.string())
            default: throw ByteReader.Malformed()
            }
        }
        let effects = try reader.array { reader -> FlowEffect in
            switch try reader.int() {
            case 0: return .say(try readResponse(&reader))
            case 1: return .capture(try reader.string())
            case 2: return .append(try reader.string())
            case 3: return .set(try reader.string(), try reader.string())
            case 4: return .swapRoles
            default: throw ByteReader.Malformed()
            }
        }
        let target: FlowTarget
        switch try reader.int() {
        case 0: target = .stay
        case 1: target = .finish
        case 2: target = .state(try reader.string())
        default: throw ByteReader.Malformed()
        }
        return FlowTransition(location: location, conditions: conditions, effects: effects, target: target)
    }
}
