import BewaarImport
import BewaarImportMail
import BewaarMIME
import FuzzDriver

/// One input: read as a message (or mbox, or .msg by its magic), its Received headers parsed
/// and its attachments hashed. Any crash, trap or hang is a finding.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var limits = ImportLimits()
    limits.maxNesting = 16
    _ = try? EmailImporter().read(bytes, name: "fuzz.eml", context: ImportContext(sink: HashingSink(), limits: limits))
    if size < 4096 {
        _ = ReceivedParser.parse(String(decoding: bytes, as: UTF8.self))
        _ = MailDate.parse(String(decoding: bytes, as: UTF8.self))
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { fuzzOne(data, size) }

/// SwiftPM names an executable's entry `<Module>_main`; libFuzzer's driver runs from here.
@_cdecl("MailFuzz_main")
public func mailFuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzOne($0, $1) }
}
