import Foundation
import Terminal
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Signals that reach a session reading a pipe: SIGTERM ends it at the next line, however
/// much input is already buffered.
@Suite struct PipeSignalTests {
    @Test func sigtermEndsThePipeReaderBeforeTheNextBufferedLine() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let input = Array("Alex: one\nAlex: two\nAlex: three\n".utf8)
        #expect(input.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) } == input.count)
        close(ends[1])
        var signals: [Int32] = []
        var reader = PipeLineReader(descriptor: ends[0], takeSignal: { signals.popLast() })
        #expect(reader.next(prompt: "") == .line("Alex: one"))
        // The other two lines are in the reader's buffer now; SIGTERM comes.
        signals = [SIGTERM]
        #expect(reader.next(prompt: "") == .terminated(signal: SIGTERM))
    }

    @Test func ctrlCMeansNothingToAPipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let input = Array("Alex: one\n".utf8)
        _ = input.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        var signals: [Int32] = [SIGINT]
        var reader = PipeLineReader(descriptor: ends[0], takeSignal: { signals.popLast() })
        #expect(reader.next(prompt: "") == .line("Alex: one"))
        #expect(reader.next(prompt: "") == .endOfInput)
    }
}
