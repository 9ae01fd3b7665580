import BewaarImport
import BewaarImportWhatsApp

/// One fuzz input: any bytes as a chat text. Besides not crashing, the parser must keep its
/// promises: every origin lies inside the input and the records tile it without gaps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWhatsApp(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = WhatsAppImporter.read(bytes: bytes, context: ImportContext())
    var next: Int64? = nil
    for m in result.messages {
        precondition(m.origin.offset >= 0 && m.origin.length > 0 && m.origin.offset + m.origin.length <= Int64(size),
                     "origin outside the input")
        if let n = next { precondition(m.origin.offset == n, "records do not tile the input") }
        next = m.origin.offset + m.origin.length
    }
    if let n = next { precondition(n == Int64(size), "last record does not reach the end") }
    _ = result.inspectJSON(source: ImportSource(path: "fuzz", name: "fuzz.txt", size: Int64(size), sha256: nil)).serialized()
    return 0
}
