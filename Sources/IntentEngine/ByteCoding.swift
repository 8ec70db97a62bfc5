/// A compact binary writer for the compiled-content cache: varints, strings and arrays,
/// written by hand so loading a cache costs a few milliseconds (the start-up budget is 30 ms
/// and parsing YAML alone takes longer).
public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func int(_ value: Int) {
        var zigzag = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while zigzag >= 0x80 {
            bytes.append(UInt8(zigzag & 0x7F) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    public mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func double(_ value: Double) {
        uint64(value.bitPattern)
    }

    public mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    public mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        int(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    public mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    public mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    public mutating func array<T>(_ values: [T], _ body: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for value in values { body(&self, value) }
    }

    /// A block of fixed-width numbers, read back in one pass (for the large instruction table).
    public mutating func int32Block(_ values: [Int32]) {
        int(values.count)
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    public mutating func location(_ location: SourceLocation) {
        string(location.file)
        int(location.line)
        int(location.column)
    }
}

/// Reads what `ByteWriter` wrote; any inconsistency throws, and the cache is then ignored.
public struct ByteReader: Sendable {
    public struct Malformed: Error {
        public init() {}
    }

    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var isAtEnd: Bool { position == bytes.count }

    /// What is left to read, as a reader of its own (for decoding it elsewhere). It shares
    /// the bytes, which are never written: a copy of megabytes would cost a start-up more
    /// than decoding them.
    public func rest() -> ByteReader {
        self
    }

    public mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1))
    }

    public mutating func int32() throws -> Int32 {
        let value = try int()
        guard let narrow = Int32(exactly: value) else { throw Malformed() }
        return narrow
    }

    public mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - position + 1_000_000 else { throw Malformed() }
        return value
    }

    public mutating func uint64() throws -> UInt64 {
        guard position + 8 <= bytes.count else { throw Malformed() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += 8
        return value
    }

    public mutating func double() throws -> Double {
        Double(bitPattern: try uint64())
    }

    public mutating func bool() throws -> Bool {
        guard position < bytes.count else { throw Malformed() }
        defer { position += 1 }
        return bytes[position] != 0
    }

    public mutating func string() throws -> String {
        let length = try count()
        guard position + length <= bytes.count else { throw Malformed() }
        defer { position += length }
        guard let text = String(validating: bytes[position..<(position + length)], as: UTF8.self) else { throw Malformed() }
        return text
    }

    public mutating func optionalString() throws -> String? {
        try bool() ? try string() : nil
    }

    public mutating func strings() throws -> [String] {
        try array { try $0.string() }
    }

    public mutating func array<T>(_ body: (inout ByteReader) throws -> T) throws -> [T] {
        let count = try count()
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try body(&self)) }
        return result
    }

    public mutating func int32Block() throws -> [Int32] {
        let count = try count()
        guard count <= (bytes.count - position) / 4 else { throw Malformed() }
        let start = position
        position += count * 4
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: start + $0 * 4, as: Int32.self)) }
        }
    }

    public mutating func location() throws -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }
}
