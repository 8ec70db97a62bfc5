import IntentEngine

/// Compiles in-memory content files, failing the test on any error.
func compile(_ files: [(name: String, text: String)], options: MatcherOptions = MatcherOptions()) -> (Matcher, [Diagnostic]) {
    let (content, loadDiagnostics) = ContentLoader.load(files: files)
    let (matcher, compileDiagnostics) = IntentCompiler.compile(content, options: options)
    return (matcher, loadDiagnostics + compileDiagnostics)
}

/// A matcher over one content file.
func matcher(_ yaml: String) -> Matcher {
    compile([("test.yaml", yaml)]).0
}

/// Every diagnostic of loading and compiling one file.
func diagnostics(_ yaml: String, file: String = "test.yaml") -> [Diagnostic] {
    compile([(file, yaml)]).1
}

let sampleContent = """
skip_words: [so, just, really, um, like]
lists:
  feeling:
    values:
      - lonely
      - in: (sad|down|blue)
        out: sad
      - exhausted
      - in: left out
        out: excluded
  name:
    wildcard: true
  exercise:
    values:
      - in: (mirroring|mirror|the mirror exercise)
        out: mirroring
      - in: check in
        out: check-in
rules:
  i_feel: "(i [really] feel|i am feeling|i'm feeling|i'm|i am)"
intents:
  express_feeling:
    templates:
      - "<i_feel> {feeling}"
      - "it makes me feel {feeling}"
    keywords: {feel: 1, lonely: 2}
  greet:
    templates: ["(hi|hello|hey) [there]"]
  give_names:
    templates: ["we are {name:first} and {name:second}"]
  start_exercise:
    templates:
      - "(can|could) we (try|do) [the] {exercise}"
      - "(start;{exercise} [please])"
  affirm:
    templates: ["(yes|yeah|yep)"]
  deny:
    templates: ["(no|nope)", "no not really"]
  mirror:
    requires_state: [mirroring.mirror]
    templates: ["(you feel|you are feeling) {feeling}"]
  thanks:
    excludes_state: [mirroring]
    templates: ["thank you", "thanks"]
  crisis_self_harm:
    safety: self_harm
    templates: ["[i] (want|wanna) to (die|kill myself)", "i don't want to live [anymore]"]
    keywords: {suicide: 2}
"""

/// `matcher` written to the start-up cache's bytes and read back, as the REPL gets it.
func throughCache(_ matcher: Matcher) throws -> Matcher {
    var writer = ByteWriter()
    matcher.write(to: &writer)
    var reader = ByteReader(writer.bytes)
    return try Matcher.read(from: &reader)
}
