import Foundation

/// The `Intents/` folder that ships inside the binary, so `attune` works from any folder.
public enum ShippedIntents {
    /// Where the bundled copy of `Intents/` lives, if the resource bundle is present.
    public static var directory: URL? {
        Bundle.module.url(forResource: "Intents", withExtension: nil)
    }
}
