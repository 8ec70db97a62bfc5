import Coach

/// A pair of lines (original, then mirror) through the mirror check, and each line through
/// the perspective flip and the echo, as the coach says a reflection back.
enum MirrorHarness {
    static func run(_ input: FuzzInput) {
        let (original, mirror) = input.pair
        let script = ShippedCoach.shared.script
        let check = MirrorCheck(lexicon: script.lexicon, language: script.matcher.language)
        _ = check.judge(mirror: mirror, of: original, speaker: "Alex", listener: "Sam")
        _ = check.judge(mirror: original, of: mirror, speaker: nil, listener: nil)
        let flip = PerspectiveFlip(otherName: "Sam", words: script.lexicon.flipWords)
        for text in [original, mirror] {
            _ = flip.apply(text)
            _ = flip.echo(text)
            _ = flip.asksQuestion(text)
        }
    }
}
