// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Attune",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex needs macOS 15
    products: [
        .executable(name: "attune", targets: ["attune"]),
        .library(name: "IntentEngine", targets: ["IntentEngine"]),
        .library(name: "Coach", targets: ["Coach"]),
        .library(name: "TranscriptFormat", targets: ["TranscriptFormat"]),
        .library(name: "TranscriptStore", targets: ["TranscriptStore"]),
        .library(name: "Review", targets: ["Review"]),
        .library(name: "TranscriptTestSupport", targets: ["TranscriptTestSupport"]),
        // The commands as a library, for the harnesses in Fuzz/ (the dialogue-script parser, lint).
        .library(name: "AttuneCLI", targets: ["AttuneCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CReadline",
            path: "Sources/CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // Snowball's English (Porter2) stemmer, for the regular inflections of template words.
        .systemLibrary(
            name: "CStemmer",
            path: "Sources/CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .target(
            name: "IntentEngine",
            dependencies: ["CStemmer", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Coach",
            dependencies: ["IntentEngine", "TranscriptFormat"]
        ),
        .target(
            name: "TranscriptFormat"
        ),
        .target(
            name: "TranscriptStore",
            dependencies: ["TranscriptFormat"]
        ),
        .target(
            name: "Review",
            dependencies: ["IntentEngine", "TranscriptFormat", "TranscriptStore"]
        ),
        // Reproducible sample transcripts and the helpers the transcript tests share; also
        // behind the hidden `attune transcripts generate-sample` the review benchmark uses.
        .target(
            name: "TranscriptTestSupport",
            dependencies: ["Coach", "TranscriptFormat", "TranscriptStore"]
        ),
        // The shipped coach content. The target sits at the package root so that the
        // top-level `Intents/` folder (where authors edit it) is the bundled resource.
        .target(
            name: "ShippedIntents",
            path: ".",
            exclude: [
                "Sources/IntentEngine", "Sources/Coach", "Sources/TranscriptFormat", "Sources/TranscriptStore",
                "Sources/Review", "Sources/TranscriptTestSupport", "Sources/Terminal",
                "Sources/AttuneCLI", "Sources/attune", "Sources/CReadline", "Sources/CStemmer",
                "Tests", "Scripts", "Benchmarks", "Fuzz", "docs", "tools", "README.md", "LICENSE",
            ],
            sources: ["Sources/ShippedIntents"],
            resources: [.copy("Intents")]
        ),
        .target(
            name: "Terminal",
            dependencies: ["CReadline"]
        ),
        .target(
            name: "AttuneCLI",
            dependencies: [
                "IntentEngine", "Coach", "TranscriptFormat", "TranscriptStore", "Review", "TranscriptTestSupport",
                "Terminal", "ShippedIntents",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
        ),
        .executableTarget(
            name: "attune",
            dependencies: ["AttuneCLI"]
        ),
        .testTarget(
            name: "IntentEngineTests",
            dependencies: ["IntentEngine"]
        ),
        .testTarget(
            name: "CoachTests",
            dependencies: ["Coach", "IntentEngine", "TranscriptFormat"]
        ),
        .testTarget(
            name: "TranscriptFormatTests",
            dependencies: ["TranscriptFormat", "TranscriptTestSupport"]
        ),
        .testTarget(
            name: "TranscriptStoreTests",
            dependencies: ["Coach", "TranscriptFormat", "TranscriptStore", "TranscriptTestSupport"]
        ),
        .testTarget(
            name: "ReviewTests",
            dependencies: ["IntentEngine", "TranscriptFormat", "TranscriptStore", "Review", "TranscriptTestSupport"]
        ),
        .testTarget(
            name: "AttuneCLITests",
            dependencies: ["AttuneCLI", "IntentEngine", "Coach", "TranscriptFormat", "TranscriptStore", "Review", "Terminal", "TranscriptTestSupport"]
        ),
    ]
)
