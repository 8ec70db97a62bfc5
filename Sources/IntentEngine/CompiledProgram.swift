/// One instruction of the compiled word automaton. Templates compile to a small NFA over
/// words (Thompson's construction); the matcher simulates it breadth-first, so there is no
/// backtracking and no regular expression anywhere.
struct Instruction: Sendable {
    enum Op: UInt8, Sendable {
        /// Consume the word `argument`, go to `next`.
        case word
        /// Consume any one word (a wildcard), go to `next`.
        case any
        /// Go to both `next` and `alternative` without consuming.
        case split
        /// A slot starts here: slot `argument`.
        case open
        /// A slot ends here: slot `argument`, value `alternative` (-1: the spoken text).
        case close
        /// Template `argument` has matched.
        case match
        /// Consume a word found in dispatch table `argument` and go to each of its targets:
        /// a large alternative (a word list) taken in one step instead of trying every branch.
        case dispatch
    }

    var op: Op
    var argument: Int32
    var next: Int32
    var alternative: Int32
}

/// A template after compilation, with what the index needs to find it quickly.
struct CompiledTemplate: Sendable {
    var intent: Int32
    var source: TemplateSource
    /// Where its instructions start, and how many there are (they are contiguous).
    var start: Int32
    var base: Int32
    var count: Int32
    /// Words that can begin a match.
    var firstWords: Set<Int32>
    /// Whether a wildcard can begin a match (then it is tried at every word).
    var startsWithWildcard: Bool
    /// Words every sentence of the template contains: without all of them it is not tried.
    var required: [Int32] = []
    /// The written forms (as `Morphology.forms` ids, sorted) the template writes of words
    /// that have several forms in the templates: a typed "asked" is exact for a template
    /// that says "asked" and an inflection for one that says "ask".
    var exactForms: [Int32] = []
}

/// An intent after compilation.
struct CompiledIntent: Sendable {
    var definition: IntentDefinition
    /// Each keyword's word id, weight and the form it is written in.
    var keywords: [(word: Int32, weight: Double, form: String)]
    var isCrisis: Bool { definition.safety != nil }
}
