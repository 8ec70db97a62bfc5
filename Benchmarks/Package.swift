// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so the main build and CI stay lean.
// Run: cd Benchmarks && swift package --disable-sandbox benchmark
let package = Package(
    name: "AttuneBenchmarks",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex needs macOS 15
    dependencies: [
        .package(name: "Attune", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.0.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "MatcherBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "IntentEngine", package: "Attune"),
            ],
            path: "MatcherBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "TurnBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "IntentEngine", package: "Attune"),
                .product(name: "Coach", package: "Attune"),
                .product(name: "TranscriptFormat", package: "Attune"),
            ],
            path: "TurnBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "ReviewBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "TranscriptFormat", package: "Attune"),
                .product(name: "TranscriptStore", package: "Attune"),
                .product(name: "Review", package: "Attune"),
                .product(name: "TranscriptTestSupport", package: "Attune"),
            ],
            path: "ReviewBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
