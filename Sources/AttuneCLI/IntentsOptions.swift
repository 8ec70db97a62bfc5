import ArgumentParser
import Foundation
import IntentEngine
import ShippedIntents
import TranscriptFormat

/// `--intents DIR`, shared by every command that reads coach content.
struct IntentsOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Load coach content from DIR instead of the shipped Intents/ (or set ATTUNE_INTENTS).", valueName: "DIR"))
    var intents: String?

    /// The folder to load: the flag, then `ATTUNE_INTENTS`, then the copy inside the binary.
    func directory() throws -> String {
        if let intents { return intents }
        if let fromEnvironment = ProcessInfo.processInfo.environment["ATTUNE_INTENTS"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        guard let shipped = ShippedIntents.directory else {
            throw CLIError(status: ExitStatus.noInput, message: "the shipped Intents/ folder is missing from this build; pass --intents DIR")
        }
        return shipped.path
    }

    /// Loads and compiles the content. Errors print every diagnostic and exit 65 (66 when
    /// the folder does not exist); warnings are returned for `lint` to show.
    func load() throws -> LoadedIntents {
        let directory = try directory()
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw CLIError(status: ExitStatus.noInput, message: "\(directory): no such folder (from --intents or ATTUNE_INTENTS)")
        }
        let loaded = LoadedIntents.load(directory: directory, shipped: directory == ShippedIntents.directory?.path)
        if loaded.diagnostics.hasErrors {
            throw CLIError(status: ExitStatus.dataError, diagnostics: loaded.diagnostics)
        }
        return loaded
    }
}

/// Content loaded and compiled, with what was found on the way.
struct LoadedIntents {
    var directory: String
    var content: IntentContent
    var matcher: Matcher
    var diagnostics: [Diagnostic]

    static func load(directory: String, shipped: Bool) -> LoadedIntents {
        let (content, loadDiagnostics) = ContentLoader.load(directory: directory, displayRoot: shipped ? "Intents" : nil)
        let (matcher, compileDiagnostics) = IntentCompiler.compile(content)
        return LoadedIntents(directory: directory, content: content, matcher: matcher,
                             diagnostics: (loadDiagnostics + compileDiagnostics).sortedByLocation)
    }
}

/// A failure that ends a command with a given exit status and message(s) on stderr.
struct CLIError: Error {
    var status: ExitCode
    var message: String

    init(status: ExitCode, message: String) {
        self.status = status
        self.message = message
    }

    init(status: ExitCode, diagnostics: [Diagnostic]) {
        self.status = status
        let errors = diagnostics.filter { $0.severity == .error }.count
        self.message = diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(errors) error\(errors == 1 ? "" : "s")"
    }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs a command body, turning `CLIError` into its message and exit status.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIError {
        printError(error.message.hasPrefix("/") || error.message.contains(": error:") ? error.message : "attune: \(error.message)")
        throw error.status
    }
}

/// `--format`, for commands that print for people or for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// A dictionary tree as indented JSON with sorted keys, for stable machine output; written by
/// the same `JSONOutput` as transcripts and the review report.
func jsonString(_ value: Any) -> String {
    JSONValue(sorting: value).indentedText
}
