// Review throughput and memory, and the per-turn cost of writing a transcript line.
//
// Run from Benchmarks/: `swift package --disable-sandbox benchmark --target ReviewBenchmarks`.
// The corpus (500 sessions, about 50 MB, by default; ATTUNE_REVIEW_BENCH_SESSIONS overrides it)
// is generated once into the temporary folder and reused by later runs.
// Benchmarks/review-throughput.sh measures the whole `attune review` binary on about 1 GB.

import Benchmark
import Foundation
import Review
import TranscriptFormat
import TranscriptStore
import TranscriptTestSupport

/// The generated transcripts the review benchmarks read.
struct ReviewCorpus: Sendable {
    let folder: String
    let files: [String]
    let bytes: Int

    /// Generates the corpus unless a complete one is already there (marked by `.complete`).
    static func prepare(sessions: Int, layout: SampleTranscriptGenerator.Layout = .compact) -> ReviewCorpus {
        let folder = NSTemporaryDirectory() + "attune-review-benchmark-v2-\(layout.rawValue)-\(sessions)"
        let marker = folder + "/.complete"
        if !FileManager.default.fileExists(atPath: marker) {
            try? FileManager.default.removeItem(atPath: folder)
            var generator = SampleTranscriptGenerator(seed: 1, turnsPerSession: 200)
            do {
                try generator.writeCorpus(sessions: sessions, to: folder, layout: layout)
            } catch {
                fatalError("could not generate the review corpus: \(error)")
            }
            _ = FileManager.default.createFile(atPath: marker, contents: Data())
        }
        let files = TranscriptInputs.transcriptFiles(in: folder)
        let bytes = files.reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
        return ReviewCorpus(folder: folder, files: files, bytes: bytes)
    }

    /// What `attune review --format json` does, minus printing.
    func review() -> String {
        var accumulator = ReviewAccumulator()
        var summary = DiagnosticSummary()
        for file in files {
            guard var reader = try? TranscriptReader(path: file) else { continue }
            accumulator.read(&reader, summary: &summary) { _ in }
        }
        let review = Review(accumulator, options: .init(today: CivilDay(parsing: "2026-12-31")!))
        return ReviewJSONRenderer().render(review)
    }
}

enum ReviewMetrics {
    /// Megabytes of transcript reviewed per second of wall-clock time.
    static let megabytesPerSecond = BenchmarkMetric.custom("review MB/s", polarity: .prefersLarger)
}

let benchmarks: @Sendable () -> Void = {
    let sessions = Int(ProcessInfo.processInfo.environment["ATTUNE_REVIEW_BENCH_SESSIONS"] ?? "") ?? 500
    // Attune's own compact lines, and the same sessions as other tools write them (spaces
    // after separators, sorted keys, escaped unicode, numbers in exponent form).
    for layout in SampleTranscriptGenerator.Layout.allCases {
        let corpus = ReviewCorpus.prepare(sessions: sessions, layout: layout)
        let megabytes = Double(corpus.bytes) / 1_000_000
        Benchmark(
            "review \(layout.rawValue) \(Int(megabytes.rounded())) MB (\(corpus.files.count) sessions)",
            configuration: .init(
                metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, ReviewMetrics.megabytesPerSecond],
                timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)
        ) { benchmark in
            let clock = ContinuousClock()
            let start = clock.now
            blackHole(corpus.review())
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            benchmark.measurement(ReviewMetrics.megabytesPerSecond, Int((megabytes / seconds).rounded()))
        }
    }

    let line = TranscriptLineEncoder.encode(TranscriptRecord(
        session: "2026-11-29T10-51-33Z-k3x9qa", seq: 42, timestamp: TranscriptTimestamp(rfc3339: "2026-11-29T10:51:33Z")!,
        body: .partner(PartnerTurn(
            speaker: "Alex", text: "I feel lonely when you work late and I miss our evenings", intent: "express_feeling",
            confidence: 0.92, slots: ["feeling": "lonely"], flags: ["i_statement"], flow: "mirroring", state: "send",
            mirror: MirrorJudgement(verdict: .partial, kept: ["lonely"], missed: ["evenings"]), confirmed: true))))
    let record = try! TranscriptLineDecoder.decode(String(decoding: line.dropLast(), as: UTF8.self)).get()

    Benchmark("decode one partner line", configuration: .init(metrics: [.wallClock, .mallocCountTotal], scalingFactor: .kilo)) { benchmark in
        line.dropLast().withUnsafeBufferPointer { bytes in
            for _ in benchmark.scaledIterations {
                blackHole(TranscriptLineDecoder.decode(bytes))
            }
        }
    }

    Benchmark("encode one partner line", configuration: .init(metrics: [.wallClock, .mallocCountTotal], scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(TranscriptLineEncoder.encode(record))
        }
    }

    Benchmark("append one line to a transcript file (no fsync)", configuration: .init(metrics: [.wallClock, .syscalls], scalingFactor: .kilo)) { benchmark in
        let folder = NSTemporaryDirectory() + "attune-append-benchmark-\(getpid())"
        let sink = JSONLFileSink(folder: folder, durable: false)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(sink.append(record))
        }
        benchmark.stopMeasurement()
        _ = sink.close()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
