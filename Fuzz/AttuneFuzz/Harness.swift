/// The harnesses, one per parser or text check a hostile input reaches.
enum Harness: String, CaseIterable {
    case template, content, transcript, dialogue, matcher, mirror

    typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// Builds the state a harness reuses across runs (shipped content, the compiled matcher)
    /// before fuzzing starts, so it is not counted against the first input.
    func prepare() {
        switch self {
        case .template, .content, .transcript: break
        case .dialogue, .matcher, .mirror: _ = ShippedCoach.shared
        }
    }

    /// The function libFuzzer calls with each input. Closures without captures, so they
    /// convert to C function pointers.
    var callback: Callback {
        switch self {
        case .template: return { data, size in TemplateHarness.run(FuzzInput(data, size)); return 0 }
        case .content: return { data, size in ContentHarness.run(FuzzInput(data, size)); return 0 }
        case .transcript: return { data, size in TranscriptHarness.run(FuzzInput(data, size)); return 0 }
        case .dialogue: return { data, size in DialogueHarness.run(FuzzInput(data, size)); return 0 }
        case .matcher: return { data, size in MatcherHarness.run(FuzzInput(data, size)); return 0 }
        case .mirror: return { data, size in MirrorHarness.run(FuzzInput(data, size)); return 0 }
        }
    }
}

/// One input from libFuzzer, as bytes or as text (invalid UTF-8 becomes U+FFFD, as a
/// file read as text would).
struct FuzzInput {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text split at its first newline: two strings for the checks that compare a pair.
    var pair: (String, String) {
        let text = self.text
        guard let newline = text.firstIndex(of: "\n") else { return (text, "") }
        return (String(text[..<newline]), String(text[text.index(after: newline)...]))
    }
}
