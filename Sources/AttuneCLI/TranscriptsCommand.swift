import ArgumentParser
import Foundation
import Review
import TranscriptFormat
import TranscriptStore

/// `attune transcripts list|show|forget|path`: the saved sessions, one file each.
public struct TranscriptsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "transcripts",
        abstract: "List, show or delete saved session transcripts.",
        discussion: """
            Transcripts are private files (mode 0600) in $XDG_STATE_HOME/attune/transcripts \
            (else ~/.local/state/attune/transcripts); --dir DIR uses another folder.
            """,
        subcommands: [
            TranscriptsListCommand.self, TranscriptsShowCommand.self, TranscriptsForgetCommand.self,
            TranscriptsPathCommand.self, TranscriptsGenerateSampleCommand.self,
        ])

    public init() {}
}

/// `attune transcripts path [ID]`: prints the transcript folder, or one session's file.
struct TranscriptsPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path", abstract: "Print the transcript folder, or the file of the session ID names.")

    @Argument(help: ArgumentHelp("A session's short id, a unique prefix of it, or its file name.", valueName: "ID"))
    var session: String?

    @OptionGroup var directory: TranscriptDirectoryOptions

    func run() throws {
        try run(console: .standard)
    }

    /// The command, reading and writing through `console`.
    func run(console: TranscriptConsole) throws {
        guard let session else {
            console.out(directory.folder + "\n")
            return
        }
        do {
            console.out(try TranscriptSessionResolver(folder: directory.folder).path(of: session) + "\n")
        } catch {
            console.error(error.message)
            throw error.status
        }
    }
}

/// `attune transcripts list`: one line per session, oldest first.
struct TranscriptsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List saved sessions: id, date, partners, partner turns, exercises, file.")

    @OptionGroup var directory: TranscriptDirectoryOptions

    func run() throws {
        try run(console: .standard)
    }

    /// The command, reading and writing through `console`.
    func run(console: TranscriptConsole) throws {
        let files = directory.folderExists
            ? TranscriptInputs.transcriptFiles(in: directory.folder) { console.error("attune: warning: \($0)") } : []
        var sessions: [SessionTally] = []
        var summary = DiagnosticSummary()
        for file in files {
            var accumulator = ReviewAccumulator()
            do {
                var reader = try TranscriptReader(path: file, regularFileOnly: true)
                accumulator.read(&reader, summary: &summary) { console.error($0.description) }
            } catch {
                console.error("attune: cannot read \(error)")
                continue
            }
            sessions += accumulator.sessionsByStart
        }
        guard !sessions.isEmpty else {
            console.error("No transcripts in \(directory.folder).")
            return
        }
        sessions.sort { $0.start != $1.start ? $0.start < $1.start : $0.id < $1.id }
        let rows = sessions.map { session -> [String] in
            let tally = session.tally
            let partners = tally.partners.map { TerminalText.sanitize($0.name) }.joined(separator: ", ")
            return [
                TerminalText.sanitize(SessionFinder.entry(for: session.source).shortID),
                "\(session.start.day()) \(session.start.timeOfDay) UTC",
                partners.isEmpty ? "—" : partners,
                "\(tally.partnerTurns) turn\(tally.partnerTurns == 1 ? "" : "s")",
                "\(tally.exercisesStarted) exercise\(tally.exercisesStarted == 1 ? "" : "s") (\(tally.exercisesFinished) finished)",
                session.source,
            ]
        }
        let lastColumn = 5
        var widths = [Int](repeating: 0, count: lastColumn)
        for row in rows { for column in 0..<lastColumn { widths[column] = max(widths[column], row[column].count) } }
        var out = ""
        for row in rows {
            for column in 0..<lastColumn {
                let cell = row[column]
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                out += column == 3 ? padding + cell : cell + padding
                out += "  "
            }
            out += row[lastColumn] + "\n"
        }
        console.out(out)
        if summary.unsupportedVersions > 0 || summary.notTranscripts > 0 { throw ExitStatus.dataError }
    }
}

/// `attune transcripts show ID|PATH`: a session as a readable conversation.
struct TranscriptsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a session as a conversation.",
        discussion: "ID is a session's short id as `list` shows it, a unique prefix of it, or the file name; PATH is any transcript file, or - for standard input.")

    @Argument(help: ArgumentHelp("A session id, a transcript file, or -.", valueName: "ID|PATH"))
    var session: String

    @Option(help: "Output format: text or markdown.")
    var format: ConversationRenderer.Format = .text

    @Flag(help: "Replace names with Partner A, Partner B…; mask emails, phone numbers, links and addresses.")
    var redact = false

    @Option(name: .customLong("color"), help: "Colour: auto, always or never.")
    var colour: TranscriptColourChoice = .auto

    @OptionGroup var directory: TranscriptDirectoryOptions

    func run() throws {
        try run(console: .standard)
    }

    /// The command, reading and writing through `console`.
    func run(console: TranscriptConsole) throws {
        var reader: TranscriptReader
        do {
            reader = try TranscriptSessionResolver(folder: directory.folder).open(session)
        } catch {
            console.error(error.message)
            throw error.status
        }
        var renderer = ConversationRenderer(format: format, colour: format == .text && colour.enabled, redact: redact)
        var summary = DiagnosticSummary()
        var buffer = ""
        var first = true
        while let item = reader.next() {
            switch item {
            case .record(let record, _):
                if first, let header = renderer.header(session: record.session) {
                    buffer += header + "\n"
                }
                first = false
                guard let line = renderer.render(record) else { continue }
                buffer += line + (format == .markdown ? "\n\n" : "\n")
                if buffer.utf8.count > 1 << 16 {
                    console.out(buffer)
                    buffer = ""
                }
            case .diagnostic(let diagnostic):
                console.out(buffer)
                buffer = ""
                summary.count(diagnostic)
                console.error(diagnostic.description)
            }
        }
        console.out(buffer)
        if summary.unsupportedVersions > 0 { throw ExitStatus.dataError }
        if summary.readFailures > 0 { throw ExitStatus.ioError }
    }
}

extension ConversationRenderer.Format: ExpressibleByArgument {}

/// Finds a session by its short id, a unique prefix, its file stem, or its file.
///
/// An unknown or ambiguous id is a usage error (exit 64) whose message lists the sessions it
/// could have meant, so the next try is a copy and paste; a path to a file that is not there is
/// missing input (exit 66).
struct TranscriptSessionResolver {
    /// Why no single session was found, with the exit status it maps to.
    struct NotFound: Error {
        var status: ExitCode
        var message: String
    }

    /// The folder sessions are looked up in.
    var folder: String

    /// `-` is standard input; anything else is resolved by `path(of:)` and opened.
    func open(_ argument: String) throws(NotFound) -> TranscriptReader {
        if argument == "-" { return .standardInput() }
        let file = try path(of: argument)
        do { return try TranscriptReader(path: file) } catch {
            throw NotFound(status: ExitStatus.noInput, message: "attune: cannot read \(file): \(error.description)")
        }
    }

    /// The transcript file `argument` names: an existing file as is, else the one session in
    /// `folder` whose short id or stem is or starts with it.
    func path(of argument: String) throws(NotFound) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue { return argument }
        guard !argument.contains("/") else {
            throw NotFound(status: ExitStatus.noInput, message: "attune: no transcript file \(argument)")
        }
        let finder = SessionFinder(paths: TranscriptInputs.transcriptFiles(in: folder))
        switch finder.find(argument) {
        case .found(let entry):
            return entry.path
        case .unknown(let candidates):
            let known = candidates.isEmpty
                ? "there are no saved sessions in \(folder)"
                : "sessions in \(folder):\n" + Self.describe(candidates)
            throw NotFound(status: ExitStatus.usage, message: "attune: no session \"\(argument)\"; \(known)")
        case .ambiguous(let candidates):
            throw NotFound(status: ExitStatus.usage,
                           message: "attune: \"\(argument)\" could be \(candidates.count) sessions; give more of the id:\n" + Self.describe(candidates))
        }
    }

    /// One line per candidate: short id, then file stem; at most 20, then how many more.
    static func describe(_ candidates: [SessionFinder.Entry]) -> String {
        var lines = candidates.prefix(20).map { "  \(TerminalText.sanitize($0.shortID))  \(TerminalText.sanitize($0.stem))" }
        if candidates.count > 20 { lines.append("  … and \(candidates.count - 20) more (attune transcripts list)") }
        return lines.joined(separator: "\n")
    }
}
