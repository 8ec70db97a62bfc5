/// The cache key's running hash (see `CompiledContentCache.key`).
struct ContentHash {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    mutating func mix(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { mix($0) }
    }

    mutating func mix(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            value ^= bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            value &*= Self.prime
            value ^= value >> 29
            offset += 8
        }
        while offset < bytes.count {
            value ^= UInt64(bytes[offset])
            value &*= Self.prime
            offset += 1
        }
    }
}
