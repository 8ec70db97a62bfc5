#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TranscriptFormat

/// Cuts a byte stream into lines while holding at most one line plus one chunk in memory.
///
/// Reads 64 KiB at a time and hands out each line as a pointer into its buffer (valid until the
/// next call), so reading a gigabyte costs the same memory as reading a kilobyte. A line longer
/// than the limit is skipped to its end without being stored, so no input can make the buffer
/// grow without bound. A class because it owns the buffer it frees.
final class LineSplitter {
    /// One step of the stream.
    enum Piece {
        /// A line without its newline; `terminated` is false only for a last line lacking one.
        case line(UnsafeBufferPointer<UInt8>, number: Int, terminated: Bool)
        /// A line longer than the limit, skipped.
        case tooLong(number: Int)
        /// Reading failed with this errno; the stream ends here.
        case readFailed(errno: Int32, number: Int)
        /// The first chunk holds a NUL byte at this 0-based offset: binary data, not text.
        /// Nothing of it is handed out and the stream ends here.
        case binary(offset: Int)
    }

    private let source: ByteSource
    private let chunkSize: Int
    private let maximumLineLength: Int
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    /// Where to resume looking for a newline (bytes before it in `start..<end` have none).
    private var scanned = 0
    private var atEndOfInput = false
    private var failed = false
    private var lineNumber = 0
    /// Whether the first chunk has been checked for NUL bytes (once per input, never per line).
    private var checkedForBinary = false

    init(source: ByteSource, chunkSize: Int = 1 << 16, maximumLineLength: Int = 1 << 20) {
        self.source = source
        self.chunkSize = max(16, chunkSize)
        self.maximumLineLength = max(self.chunkSize, maximumLineLength)
        self.buffer = .allocate(byteCount: self.chunkSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// The next line, or nil at the end of input.
    func next() -> Piece? {
        while true {
            if scanned < end, let newline = findNewline(from: scanned) {
                lineNumber += 1
                let line = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + start,
                                               count: newline - start)
                start = newline + 1
                scanned = start
                return .line(line, number: lineNumber, terminated: true)
            }
            scanned = end
            if failed { return nil }
            if atEndOfInput {
                guard start < end else { return nil }
                lineNumber += 1
                let line = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + start,
                                               count: end - start)
                start = end
                return .line(line, number: lineNumber, terminated: false)
            }
            makeRoom()
            if end - start >= maximumLineLength {
                return skipLongLine()
            }
            if let problem = fill() { return problem }
        }
    }

    private func findNewline(from index: Int) -> Int? {
        let base = buffer.baseAddress!
        guard let found = memchr(base + index, 0x0A, end - index) else { return nil }
        return base.distance(to: UnsafeMutableRawPointer(found))
    }

    /// Moves the unfinished line to the front, growing the buffer when it is already full.
    private func makeRoom() {
        if start > 0 {
            let pending = end - start
            if pending > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: pending) }
            scanned -= start
            end = pending
            start = 0
        }
        if buffer.count - end < chunkSize / 2, buffer.count < maximumLineLength + chunkSize {
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: min(buffer.count * 2, maximumLineLength + chunkSize),
                                                                alignment: 16)
            if end > 0 { bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end) }
            buffer.deallocate()
            buffer = bigger
        }
    }

    /// Reads once into the free space; returns a piece only when reading failed.
    private func fill() -> Piece? {
        let count = source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if count < 0 {
            failed = true
            start = end
            return .readFailed(errno: Int32(-count), number: lineNumber + 1)
        }
        if count == 0 { atEndOfInput = true }
        if !checkedForBinary, count > 0 {
            // Text never holds a NUL; a file that does (an image, /dev/zero, /dev/urandom) would
            // otherwise be read to its end, if it has one, as one error after another.
            checkedForBinary = true
            if let found = memchr(buffer.baseAddress! + end, 0, count) {
                failed = true
                let offset = end + buffer.baseAddress!.distance(to: UnsafeMutableRawPointer(found))
                start = end
                return .binary(offset: offset)
            }
        }
        end += count
        return nil
    }

    /// Discards the current over-long line up to and including its newline.
    private func skipLongLine() -> Piece {
        lineNumber += 1
        let number = lineNumber
        start = 0
        end = 0
        scanned = 0
        while true {
            let count = source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<chunkSize]))
            if count < 0 {
                failed = true
                return .readFailed(errno: Int32(-count), number: number)
            }
            if count == 0 {
                atEndOfInput = true
                return .tooLong(number: number)
            }
            end = count
            if let newline = findNewline(from: 0) {
                start = newline + 1
                scanned = start
                return .tooLong(number: number)
            }
            end = 0
        }
    }
}
