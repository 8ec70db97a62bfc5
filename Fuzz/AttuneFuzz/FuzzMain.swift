import CLibFuzzer

/// The fuzzing executable's entry point. SwiftPM links an executable with
/// `--defsym main=AttuneFuzz_main`, so this is `main`; it picks the harness named by the first
/// argument and hands the remaining arguments to libFuzzer's driver.
@_cdecl("AttuneFuzz_main")
public func attuneFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    let arguments = (0..<Int(argc)).map { argv[$0].map { String(cString: $0) } ?? "" }
    guard arguments.count >= 2, let harness = Harness(rawValue: arguments[1]) else {
        let names = Harness.allCases.map(\.rawValue).joined(separator: "|")
        print("usage: AttuneFuzz \(names) [libFuzzer options] [CORPUS…]")
        return 64
    }
    harness.prepare()
    // libFuzzer sees the program name followed by its own options.
    var driverArguments = [argv[0]] + (2..<Int(argc)).map { argv[$0] } + [nil]
    var driverCount = Int32(driverArguments.count - 1)
    return driverArguments.withUnsafeMutableBufferPointer { buffer in
        var base = buffer.baseAddress
        return LLVMFuzzerRunDriver(&driverCount, &base, harness.callback)
    }
}
