/// libFuzzer's driver, shared by the fuzz targets of this package.
///
/// SwiftPM links an executable with `main` pointing at `<Target>_main`; each target defines that
/// entry with `@_cdecl` and hands over here:
///
///     @_cdecl("MailFuzz_main")
///     public func mailFuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
///         FuzzDriver.run(argc, argv) { fuzzOne($0, $1) }
///     }
public enum FuzzDriver {
    public typealias Arguments = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    /// One input: its bytes and their count; returns 0 (libFuzzer's contract).
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with the command line's options and corpus folders on `test`.
    public static func run(_ argc: CInt, _ argv: Arguments, _ test: TestOneInput) -> CInt {
        var count = argc
        var vector = argv
        return LLVMFuzzerRunDriver(&count, &vector, test)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<FuzzDriver.Arguments>, _ callback: FuzzDriver.TestOneInput
) -> CInt
