#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TranscriptFormat

/// Where a reader's bytes come from: a file descriptor, or memory in tests.
///
/// A class because it owns a descriptor that must be closed exactly once.
package protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes; 0 at end of input; a negative errno on failure.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int
}

/// Reads a file descriptor with `read(2)`, retrying on EINTR, closing it when done if owned.
package final class FileDescriptorSource: ByteSource {
    let descriptor: Int32
    let ownsDescriptor: Bool

    package init(descriptor: Int32, ownsDescriptor: Bool) {
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            return -Int(errno)
        }
    }

    deinit {
        if ownsDescriptor { _ = close(descriptor) }
    }
}

/// Serves bytes from memory in small pieces, so tests exercise lines split across reads.
package final class MemorySource: ByteSource {
    let bytes: [UInt8]
    let pieceSize: Int
    var position = 0

    package init(_ bytes: [UInt8], pieceSize: Int = 1 << 16) {
        self.bytes = bytes
        self.pieceSize = max(1, pieceSize)
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, pieceSize, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
        }
        position += count
        return count
    }
}

/// `read(2)` under one name on every platform.
@inline(__always)
func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}

/// `close(2)` under a name no type's `close()` method shadows.
@inline(__always)
package func closeDescriptor(_ fd: Int32) -> Int32 {
    close(fd)
}
