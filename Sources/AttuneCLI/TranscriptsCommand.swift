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

/// `attune transcripts path`: prints the transcript folder.
struct TranscriptsPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "Print the transcript folder.")

    @OptionGroup var directory: TranscriptDirectoryOptions

    func run() throws {
        try run(console: .standard)
    }

    /// The command, reading and writing through `console`.
    func run(console: TranscriptConsole) throws {
        console.out(directory.folder + "\n")
    }
}

/// `attune transcripts list`: one line per session, oldest first.
struct TranscriptsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List saved sessions: date, partners, partner turns, exercises, file.")

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
                "\(session.start.day()) \(session.start.timeOfDay) UTC",
                partners.isEmpty ? "—" : partners,
                "\(tally.partnerTurns) turn\(tally.partnerTurns == 1 ? "" : "s")",
                "\(tally.exercisesStarted) exercise\(tally.exercisesStarted == 1 ? "" : "s") (\(tally.exercisesFinished) finished)",
                session.source,
            ]
        }
        var widths = [Int](repeating: 0, count: 4)
        for row in rows { for column in 0..<4 { widths[column] = max(widths[column], row[column].count) } }
        var out = ""
        for row in rows {
            for column in 0..<4 {
                let cell = row[column]
                out += column == 2 ? String(repeating: " ", count: widths[column] - cell.count) + cell
                    : cell + String(repeating: " ", count: widths[column] - cell.count)
                out += "  "
            }
            out += row[4] + "\n"
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
        discussion: "ID is a session id as `list` shows it (the file name without .jsonl); PATH is any transcript file, or - for standard input.")

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
            reader = try TranscriptSessionResolver.open(session, folder: directory.folder)
        } catch {
            console.error("attune: no transcript \"\(session)\": \(error.reason) (looked for a file, then in \(directory.folder))")
            throw ExitStatus.noInput
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

/// Finds a session by path or id.
enum TranscriptSessionResolver {
    struct NotFound: Error {
        var reason: String
    }

    /// `-` is standard input; an existing file is read as is; else `folder/ID.jsonl`.
    static func open(_ argument: String, folder: String) throws(NotFound) -> TranscriptReader {
        if argument == "-" { return .standardInput() }
        if let path = path(of: argument, folder: folder) {
            do { return try TranscriptReader(path: path) } catch { throw NotFound(reason: error.description) }
        }
        throw NotFound(reason: "no such file or session")
    }

    /// The file for an id or path, if it exists.
    static func path(of argument: String, folder: String) -> String? {
        var isDirectory: ObjCBool = false
        let manager = FileManager.default
        if manager.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue { return argument }
        guard !argument.contains("/") else { return nil }
        let id = argument.hasSuffix(".jsonl") ? String(argument.dropLast(6)) : argument
        let candidate = TranscriptLocation.path(forSession: id, in: folder)
        return manager.fileExists(atPath: candidate) ? candidate : nil
    }
}
