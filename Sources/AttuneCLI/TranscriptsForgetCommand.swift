import ArgumentParser
import Foundation
import TranscriptFormat
import TranscriptStore

/// `attune transcripts forget ID…|--all`: deletes transcripts, asking first.
///
/// On a terminal it asks "Delete N transcript(s)? [y/N]"; elsewhere (a script, a pipe) there is
/// nobody to ask, so it requires `--yes` and refuses with exit 64 otherwise, rather than
/// guessing either way about someone's private records.
struct TranscriptsForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete saved sessions (asks first on a terminal; --yes otherwise).")

    @Argument(help: ArgumentHelp("Sessions to delete: short ids as `list` shows them, unique prefixes, or files.", valueName: "ID"))
    var sessions: [String] = []

    @Flag(help: "Delete every transcript in the folder.")
    var all = false

    @Flag(name: [.customShort("y"), .long], help: "Do not ask; required when standard input is not a terminal.")
    var yes = false

    @OptionGroup var directory: TranscriptDirectoryOptions

    func validate() throws {
        if all && !sessions.isEmpty { throw ValidationError("give session ids or --all, not both") }
        if !all && sessions.isEmpty { throw ValidationError("say which sessions to forget (ids from `attune transcripts list`), or --all") }
    }

    func run() throws {
        try run(console: .standard)
    }

    /// The command, reading and writing through `console`.
    func run(console: TranscriptConsole) throws {
        let folder = directory.folder
        var files: [String] = []
        if all {
            files = directory.folderExists ? TranscriptInputs.transcriptFiles(in: folder) : []
        } else {
            // Every name is resolved before anything is deleted: one typo deletes nothing.
            let resolver = TranscriptSessionResolver(folder: folder)
            for id in sessions {
                let path: String
                do { path = try resolver.path(of: id) } catch {
                    console.error(error.message)
                    throw error.status
                }
                guard path.hasSuffix(".jsonl") else {
                    console.error("attune: not deleting \(path): only transcript files (*.jsonl) are forgotten")
                    throw ExitStatus.usage
                }
                if !files.contains(path) { files.append(path) }
            }
        }
        guard !files.isEmpty else {
            console.error("No transcripts to delete in \(folder).")
            return
        }
        let noun = files.count == 1 ? "transcript" : "transcripts"
        if !yes {
            guard console.canAsk else {
                console.error("attune: not deleting \(files.count) \(noun) without confirmation: standard input is not a terminal; add --yes")
                throw ExitStatus.usage
            }
            let answer = console.ask("Delete \(files.count) \(noun)? [y/N] ")?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard answer == "y" || answer == "yes" else {
                console.error("Nothing deleted.")
                return
            }
        }
        var removed = 0
        var failed = false
        for file in files {
            if unlink(file) == 0 {
                removed += 1
            } else {
                console.error("attune: could not delete \(file): \(String(cString: strerror(errno)))")
                failed = true
            }
        }
        // Make the deletions durable too.
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
        console.out("Removed \(removed) \(removed == 1 ? "transcript" : "transcripts") from \(folder).\n")
        if failed { throw ExitStatus.ioError }
    }
}
