@testable import AttuneCLI
import Foundation
@testable import IntentEngine

/// One YAML content file through what `attune lint --intents DIR` does with it: read, load,
/// compile, then every lint check, which must end in diagnostics, never a crash.
enum ContentHarness {
    static func run(_ input: FuzzInput) {
        // As ContentLoader.load(directory:) reads each file: bytes, not text, so bad UTF-8 is seen.
        var builder = ContentBuilder()
        var loadDiagnostics: [Diagnostic] = []
        builder.content.files.append("fuzz.yaml")
        switch YAMLFileReader.read(data: Data(input.bytes), file: "fuzz.yaml") {
        case .failure(let error): loadDiagnostics += error.diagnostics
        case .success(let value): builder.add(document: value)
        }
        loadDiagnostics += builder.diagnostics
        let content = builder.content
        let (matcher, compileDiagnostics) = IntentCompiler.compile(content)
        let loaded = LoadedIntents(directory: "fuzz", content: content, matcher: matcher,
                                   diagnostics: loadDiagnostics + compileDiagnostics)
        for diagnostic in loaded.diagnostics + ContentChecks.all(loaded) {
            precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1,
                         "a diagnostic without a place: \(diagnostic)")
        }
    }
}
