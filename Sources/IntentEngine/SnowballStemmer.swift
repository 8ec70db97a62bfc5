import CStemmer
import Synchronization

/// Snowball's English stemmer (Porter2, from Debian's libstemmer), which turns regular
/// inflections into one stem: "cuts", "cutting" → "cut"; "mornings" → "morn". A maintained
/// algorithm rather than a hand list of suffixes, so authors need not list word forms.
///
/// A Snowball stemmer keeps its output in its own buffer, so one instance serves one call at
/// a time; the lock makes the shared instance safe for concurrent matches.
public final class SnowballStemmer: Sendable {
    /// The C stemmer, only ever used under the lock.
    private struct Handle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private let stemmer: Mutex<Handle>

    /// The English stemmer; nil only if libstemmer lacks it (a broken installation).
    public init?() {
        guard let pointer = sb_stemmer_new("english", "UTF_8") else { return nil }
        stemmer = Mutex(Handle(pointer: pointer))
    }

    deinit {
        stemmer.withLock { sb_stemmer_delete($0.pointer) }
    }

    /// The stem of a lower-case `word`; the word itself if the stemmer fails (out of memory).
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes -> String in
            stemmer.withLock { handle -> String in
                guard let base = bytes.baseAddress,
                      let result = sb_stemmer_stem(handle.pointer, base, Int32(bytes.count)) else { return String(decoding: bytes, as: UTF8.self) }
                let length = Int(sb_stemmer_length(handle.pointer))
                return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
            }
        }
    }
}
