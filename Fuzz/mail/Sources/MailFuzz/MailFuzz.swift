import BewaarImport
import BewaarImportMail

/// libFuzzer entry: every input is read as a message (or mbox, or .msg by its magic), its
/// Received headers parsed, and its attachments hashed. Any crash, trap or hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
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
