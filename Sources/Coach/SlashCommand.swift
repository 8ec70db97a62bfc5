import IntentEngine
import TranscriptFormat

/// The REPL's `/commands`, parsed.
public enum SlashCommand: Sendable, Equatable {
    case help, exercises, start(String), stop, skip, repeatLast, switchSpeaker, names([String]), transcript, progress, quit, quickExit
    case unknown(String)

    /// Every command name, for `/help` and Tab completion.
    public static let names = ["/help", "/exercises", "/start", "/stop", "/skip", "/repeat", "/switch", "/names",
                               "/transcript", "/progress", "/quit", "/quick-exit"]

    public init(parsing text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let name = parts.first?.lowercased() ?? "/"
        let argument = parts.dropFirst().joined(separator: " ")
        switch name {
        case "/help", "/?": self = .help
        case "/exercises": self = .exercises
        case "/start": self = .start(argument)
        case "/stop": self = .stop
        case "/skip": self = .skip
        case "/repeat": self = .repeatLast
        case "/switch": self = .switchSpeaker
        case "/names":
            self = .names(argument.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init).filter { !$0.isEmpty })
        case "/transcript": self = .transcript
        case "/progress": self = .progress
        case "/quit", "/exit": self = .quit
        case "/quick-exit": self = .quickExit
        default: self = .unknown(name)
        }
    }
}

extension SlashCommand {
    /// What the persistent history may keep of a typed line: a known command only, and without
    /// arguments that carry names or words (`/names Alex,Sam` is kept as `/names`). `/start`
    /// keeps its argument only when it is one of `exercises`. nil: nothing is kept.
    public static func historyEntry(for line: String, exercises: [String]) -> String? {
        let trimmed = line.trimmingWhitespace()
        guard trimmed.hasPrefix("/"), !trimmed.contains("\n") else { return nil }
        let name = trimmed.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        switch SlashCommand(parsing: trimmed) {
        case .unknown: return nil
        case .start(let requested):
            let exercise = requested.lowercased()
            return exercises.contains(exercise) ? "/start \(exercise)" : "/start"
        default:
            return name
        }
    }
}

extension Turn {
    mutating func command(_ text: String) {
        let parsed = SlashCommand(parsing: text)
        if parsed == .quickExit {
            // Nothing is said: the screen clears and the session ends at once.
            outputs.append(.clearScreen)
            finishSession(.quickExit)
            outputs.append(.end(.quickExit))
            return
        }
        // Who typed it is recorded, so a replay gives the command to the same partner.
        outputs.append(.event(.command(text, speaker: state.isAskingNames ? nil : state.expectedSpeaker)))
        // A command instead of an answer to the first-session question moves past it; other
        // questions still wait for their answer.
        if state.pending == .firstSessionSafety { state.pending = nil }
        if state.isAskingNames, case .names = parsed {} else if state.isAskingNames, parsed != .quit, parsed != .help {
            say("onboarding.ask_names", prompt: true)
            return
        }
        if case .safety(let conversation) = state.pending, conversationCommand(parsed, conversation) { return }
        switch parsed {
        case .help: say("help")
        case .exercises: listExercises()
        case .start(let name):
            if name.isEmpty { listExercises() } else { startFlow(named: name) }
        case .stop: stopFlow()
        case .skip: skipState()
        case .repeatLast:
            repeatLast()
        case .switchSpeaker:
            if state.partners.count > 1 { state.currentSpeaker = state.currentSpeaker == 0 ? 1 : 0 }
            say("switch.now")
        case .names(let typed):
            // "/names priya and tom" (or "me and my partner tom") reads as an introduction
            // would: linking and kin words are never names.
            let names = typed.count > 2
                ? NameParser(words: script.lexicon.nameWords, matcher: script.matcher).read(typed.joined(separator: " ")).names
                : typed
            if names.isEmpty {
                say("names.current")
            } else if (1...2).contains(names.count) {
                let tidy = names.map(NameParser.tidy)
                if state.isAskingNames {
                    welcome(tidy)
                } else {
                    state.partners = tidy
                    state.currentSpeaker = 0
                    say("names.current")
                }
            } else {
                say("onboarding.names_unclear")
            }
        case .transcript: say(session.config.transcriptPath == nil ? "transcript.off" : "transcript.on")
        case .progress: showProgress()
        case .quit:
            finishSession(.quit)
            outputs.append(.end(.quit))
        case .quickExit: break
        case .unknown(let name): say("command.unknown", extra: ["command": name])
        }
    }

    /// `/repeat`: the step's question inside an exercise (or the safety conversation's);
    /// after an exercise was stopped, that exercise where it stood, as "let's go back to it"
    /// does (started afresh, whoever typed last would start it and a partner would share
    /// twice); after one finished, it again from its start; with none yet, a line that says
    /// there is nothing to repeat.
    mutating func repeatLast() {
        var inSafety = false
        if case .safety = state.pending { inSafety = true }
        if state.flowRun != nil || inSafety, let prompt = state.lastPrompt {
            outputs.append(.coach(text: prompt.text, response: prompt.response))
        } else if let stopped = state.stoppedRun, stopped.flow == state.lastExercise, state.exerciseGate == .open {
            if case .debrief = state.pending { state.pending = nil }
            resume(stopped)
        } else if let exercise = state.lastExercise {
            startFlow(named: exercise)
        } else {
            say("repeat.nothing")
        }
    }

    /// `/progress` or "how are we doing?": the interpreter reads the saved transcripts and shows
    /// the couple's progress (the session itself keeps no history across sessions).
    mutating func showProgress() {
        say("progress.intro")
        outputs.append(.progress(partners: state.partners))
    }

    /// The intents `naturalCommand` carries out, which a step may list under `takes:` to
    /// hear as content instead (a repair phrase "timeout pls" is not a break).
    static let commandIntents: Set<String> = ["start_exercise", "resume_exercise", "list_exercises", "show_progress",
                                              "stop_exercise", "take_break", "help", "skip", "repeat_no"]

    /// Intents that mean a command ("can we try mirroring?", "let's stop"); true if handled.
    mutating func naturalCommand(_ match: MatchResult) -> Bool {
        switch match.intent {
        case "start_exercise":
            if let exercise = match.slots["exercise"] { startFlow(named: exercise) } else { listExercises() }
        case "resume_exercise": resumeStopped(named: match.slots["exercise"])
        case "list_exercises": listExercises()
        case "show_progress": showProgress()
        case "stop_exercise":
            guard state.flowRun != nil else { return false }
            stopFlow()
        case "take_break":
            // After heated lines, a word of flooding, or anything said about safety, the break
            // is the twenty-minute kind.
            let said = TextNormalizer.words(match.text)
            takeBreak(heated: state.crisisRaised || state.conflict.heat > 0 || said.contains(where: script.lexicon.flooding.contains))
        case "repeat_no":
            // "i said no": a no said again is heard at once, from either partner, and ends it.
            guard let run = state.flowRun else { return false }
            let title = script.flows[run.flow]?.title ?? run.flow
            closeFlow(completed: false)
            say("flow.no_heard", extra: ["said_by": partnerName(state.currentSpeaker), "exercise": title])
        case "help": say("help")
        case "skip":
            guard state.flowRun != nil else { return false }
            skipState()
        default:
            return false
        }
        return true
    }

    /// `/exercises`: each with what it is for. A couple sees which also work alone; one
    /// person sees the solo versions, then the exercises that wait for two. After an abuse
    /// disclosure none is listed; after someone said they feel unsafe, only those for one person.
    mutating func listExercises() {
        guard state.exerciseGate != .closed else {
            say("flow.blocked")
            return
        }
        let flows = script.flowNames.compactMap { script.flows[$0] }.filter { state.exerciseGate == .open || !$0.needsCouple }
        guard state.isSolo else {
            let mark = script.responses.render("exercises.alone_mark", random: &state.random, lookup: { _ in nil }) ?? ""
            let lines = flows.map { "  \($0.name) — \($0.summary(solo: false))\($0.worksAlone ? mark : "")" }
            say("exercises.intro", extra: ["exercises": lines.joined(separator: "\n")])
            return
        }
        let alone = flows.filter(\.worksAlone).map { "  \($0.name) — \($0.summary(solo: true))" }
        let forTwo = flows.filter { !$0.worksAlone }.map(\.name)
        say("exercises.intro", extra: ["exercises": alone.joined(separator: "\n"), "for_two": forTwo.joined(separator: ", ")])
    }
}
