import IntentEngine

/// The template parser on any text: it must return a tree or a located error, never trap,
/// overflow its stack or run away with time.
enum TemplateHarness {
    static func run(_ input: FuzzInput) {
        switch TemplateParser.parse(input.text) {
        case .success(let node): _ = node.hashValue
        case .failure(let error): precondition(error.offset >= 0, "a syntax error before the start of the text")
        }
    }
}
