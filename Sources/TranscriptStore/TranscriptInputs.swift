#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TranscriptFormat

/// One input to read: a file, or standard input.
public enum TranscriptInput: Sendable, Equatable {
    case file(String)
    case standardInput

    /// The name diagnostics use.
    public var name: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "-"
        }
    }

    /// Opens it for reading.
    public func open() throws(TranscriptInputError) -> TranscriptReader {
        switch self {
        case .file(let path): return try TranscriptReader(path: path)
        case .standardInput: return .standardInput()
        }
    }
}

/// Turns command-line paths into the list of inputs to read.
///
/// A file is read as given (whatever its extension, so `review notes.txt` works); a folder
/// stands for every `*.jsonl` below it, sorted by path so output is stable; `-` is standard
/// input. Every path is checked before anything is read, so a typo fails fast (exit 66)
/// instead of after a long report.
public enum TranscriptInputs {
    /// Expands `paths`; throws for the first path that does not exist or cannot be read.
    /// Inside a folder only plain files are read: a FIFO, device or socket named `*.jsonl` is
    /// skipped and `warn` told why (opening a FIFO would wait forever for a writer). A path
    /// named directly is read whatever it is, so `review <(zcat old.jsonl.gz)` works.
    public static func expand(_ paths: [String], warn: (String) -> Void = { _ in }) throws(TranscriptInputError) -> [TranscriptInput] {
        var inputs: [TranscriptInput] = []
        for path in paths {
            if path == "-" { inputs.append(.standardInput); continue }
            var info = stat()
            guard stat(path, &info) == 0 else { throw TranscriptInputError(path: path, errno: errno) }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var files: [String] = []
                if let code = collect(folder: path, into: &files, depth: 0, warn: warn) {
                    throw TranscriptInputError(path: path, errno: code)
                }
                inputs += files.sorted().map { .file($0) }
            } else {
                guard access(path, R_OK) == 0 else { throw TranscriptInputError(path: path, errno: errno) }
                inputs.append(.file(path))
            }
        }
        return inputs
    }

    /// Every `*.jsonl` file in `folder`, not descending into folders (the transcript folder is
    /// flat); used by `transcripts list` and `forget`. A missing folder is empty.
    /// Entries that are not plain files are skipped, and `warn` told why.
    public static func transcriptFiles(in folder: String, warn: (String) -> Void = { _ in }) -> [String] {
        var files: [String] = []
        _ = collect(folder: folder, into: &files, depth: 0, recursive: false, warn: warn)
        return files.sorted()
    }

    /// Appends `*.jsonl` files under `folder`; returns an errno if the folder cannot be opened.
    static func collect(folder: String, into files: inout [String], depth: Int, recursive: Bool = true,
                        warn: (String) -> Void) -> Int32? {
        guard depth < 32 else { return nil }
        guard let dir = opendir(folder) else { return errno }
        defer { closedir(dir) }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = base + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if recursive { _ = collect(folder: path, into: &files, depth: depth + 1, warn: warn) }
            } else if name.hasSuffix(".jsonl") {
                if (info.st_mode & S_IFMT) == S_IFREG {
                    files.append(path)
                } else {
                    warn("\(path): skipped, not a regular file (\(describeFileType(info.st_mode)))")
                }
            }
        }
        return nil
    }
}

/// What kind of file a mode says, for messages.
func describeFileType(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFIFO: return "a FIFO"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    case S_IFDIR: return "a folder"
    case S_IFLNK: return "a symbolic link"
    default: return "not a plain file"
    }
}
