import Review
import TranscriptFormat
import TranscriptStore

/// Reading transcripts for a report, shared by `review` and `progress`: paths (or the
/// transcript folder) become inputs, every record streams into one `ReviewAccumulator`, and
/// diagnostics go to stderr as they are found, so both commands treat bad input alike.
struct TranscriptReading {
    var accumulator = ReviewAccumulator()
    var summary = DiagnosticSummary()
    /// A named input could not be opened (exit 66 once the report is out).
    var missing = false

    /// Reads `paths`, or the transcript folder when there are none (a missing folder is no sessions).
    init(paths: [String], directory: TranscriptDirectoryOptions, console: TranscriptConsole) throws {
        let inputs: [TranscriptInput]
        if paths.isEmpty {
            inputs = directory.folderExists ? try Self.expand([directory.folder], console) : []
        } else {
            inputs = try Self.expand(paths, console)
        }
        for input in inputs {
            do {
                var reader = try input.open()
                accumulator.read(&reader, summary: &summary) { console.error($0.description) }
            } catch {
                console.error("attune: cannot read \(error)")
                missing = true
            }
        }
    }

    /// After the report: the exit status the problems met call for (65, 74, 66), if any.
    func finish(_ console: TranscriptConsole) throws {
        if summary.unsupportedVersions > 0 {
            console.error("attune: \(summary.unsupportedVersions) line(s) use a transcript format this version cannot read; they were skipped")
            throw ExitStatus.dataError
        }
        if summary.notTranscripts > 0 { throw ExitStatus.dataError }
        if summary.readFailures > 0 { throw ExitStatus.ioError }
        if missing { throw ExitStatus.noInput }
    }

    private static func expand(_ paths: [String], _ console: TranscriptConsole) throws -> [TranscriptInput] {
        do {
            return try TranscriptInputs.expand(paths) { console.error("attune: warning: \($0)") }
        } catch {
            console.error("attune: cannot read \(error)")
            throw error.exitStatus
        }
    }
}
