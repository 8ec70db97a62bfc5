// swift-tools-version:6.1
import PackageDescription

/// One benchmark executable in folder `name`, using these products of Attune.
func benchmark(_ name: String, using products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "package-benchmark")]
            + products.map { .product(name: $0, package: "Attune") },
        path: name,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
    )
}

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
        benchmark("MatcherBenchmarks", using: ["IntentEngine"]),
        benchmark("TurnBenchmarks", using: ["IntentEngine", "Coach", "TranscriptFormat"]),
        benchmark("ReviewBenchmarks", using: ["Review", "TranscriptFormat", "TranscriptStore", "TranscriptTestSupport"]),
    ]
)
