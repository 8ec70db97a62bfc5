/// FNV-1a over a word's bytes: the one hash of Attune's own word tables (`WordTable`,
/// `WordFilter`), a few instructions a byte, where the standard `Hasher` is seeded SipHash.
enum FNV1a {
    @inline(__always)
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
