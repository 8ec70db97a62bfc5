#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor with `read(2)` (not `readLine()`, which can spin on
/// EINTR at end of input after a signal). No prompts: a pipe is read as a script.
public struct PipeLineReader: LineSource {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private let takeSignal: () -> Int32?

    /// `takeSignal` hands over a signal received since the last look (tests inject one).
    public init(descriptor: Int32 = 0, takeSignal: @escaping () -> Int32? = SignalFlags.take) {
        self.descriptor = descriptor
        self.takeSignal = takeSignal
    }

    public mutating func next(prompt: String) -> LineEvent {
        var discarding = false
        while true {
            // Before every line, even one already buffered: SIGTERM ends the session now, not
            // after the rest of a long piped input (Ctrl-C means nothing to a pipe).
            if let signal = takeSignal(), signal != SIGINT { return .terminated(signal: signal) }
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let bytes = Array(buffer[start..<newline])
                start = newline + 1
                compact()
                if discarding { return .tooLong }
                return decode(bytes)
            }
            if buffer.count - start > LineLimits.maximumBytes {
                // Keep reading to the end of the line, but not keeping it.
                buffer.removeAll(keepingCapacity: true)
                start = 0
                discarding = true
            }
            if finished {
                if start < buffer.count {
                    let bytes = Array(buffer[start...])
                    buffer.removeAll()
                    start = 0
                    return discarding ? .tooLong : decode(bytes)
                }
                return discarding ? .tooLong : .endOfInput
            }
            // Wait with a timeout, so a signal that lands between two reads is still seen.
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&waiting, 1, 200)
            if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                finished = true
            } else if errno == EINTR {
                continue
            } else {
                finished = true
            }
        }
    }

    private mutating func compact() {
        if start > 65536 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private func decode(_ bytes: [UInt8]) -> LineEvent {
        var line = bytes
        if line.last == 0x0D { line.removeLast() }
        if line.count > LineLimits.maximumBytes { return .tooLong }
        guard let text = String(validating: line, as: UTF8.self) else { return .invalidUTF8 }
        return .line(text)
    }
}
