// swift-tools-version:6.1
import PackageDescription

// libFuzzer harnesses for Attune's parsers, in their own package so the main build and CI
// stay lean. One executable holds every harness; the first argument names the harness.
// Build and run: Fuzz/run.sh SECONDS (see Fuzz/README.md).
let package = Package(
    name: "AttuneFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Attune", path: ".."),
    ],
    targets: [
        // The one libFuzzer entry point Swift needs declared: LLVMFuzzerRunDriver.
        .systemLibrary(name: "CLibFuzzer", path: "CLibFuzzer"),
        .executableTarget(
            name: "AttuneFuzz",
            dependencies: [
                "CLibFuzzer",
                .product(name: "IntentEngine", package: "Attune"),
                .product(name: "Coach", package: "Attune"),
                .product(name: "TranscriptFormat", package: "Attune"),
                .product(name: "TranscriptStore", package: "Attune"),
                .product(name: "Review", package: "Attune"),
                .product(name: "AttuneCLI", package: "Attune"),
            ],
            path: "AttuneFuzz"
        ),
    ]
)
