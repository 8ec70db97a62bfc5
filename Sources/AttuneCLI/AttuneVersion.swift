/// Attune's version: what `attune --version` prints, what each transcript's `session_start`
/// records, and part of the start-up cache's key (so an upgrade never reads an old cache).
enum AttuneVersion {
    static let current = "0.1.0"
}
