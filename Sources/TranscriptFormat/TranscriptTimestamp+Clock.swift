#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension TranscriptTimestamp {
    /// The current wall-clock time, to the millisecond.
    public static func now() -> TranscriptTimestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return TranscriptTimestamp(millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }
}
