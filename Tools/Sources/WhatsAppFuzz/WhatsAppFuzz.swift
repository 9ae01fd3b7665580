import Foundation
import BewaarImport
import BewaarImportWhatsApp
import BewaarJSON
import FuzzDriver

/// One fuzz input: any bytes as a chat text. Besides not crashing, the parser must keep its
/// promises: every origin lies inside the input and the records tile it without gaps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWhatsApp(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let result = WhatsAppImporter.read(bytes: bytes, context: ImportContext())
    var next: Int64? = nil
    for m in result.messages {
        precondition(m.origin.offset >= 0 && m.origin.length > 0 && m.origin.offset + m.origin.length <= Int64(size),
                     "origin outside the input")
        if let n = next { precondition(m.origin.offset == n, "records do not tile the input") }
        next = m.origin.offset + m.origin.length
    }
    if let n = next { precondition(n == Int64(size), "last record does not reach the end") }
    let source = ImportSource(path: "fuzz", name: "fuzz.txt", size: Int64(size), sha256: nil)
    var streamed: [UInt8] = []
    result.writeInspectJSON(source: source) { streamed += $0 }
    let tree = result.inspectJSON(source: source).serializedBytes()
    precondition(streamed == tree, "streamed JSON differs from the tree")
    // The streaming read of the same bytes from a file (records written on the writer thread,
    // straight from the bytes) must give the same JSON.
    let path = "/dev/shm/bewaar-fuzz-whatsapp-\(getpid()).txt"
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    var piped: [UInt8] = []
    let writer = InspectJSONWriter(source: source) { piped += $0 }
    do {
        let r = try WhatsAppImporter().importFile(source.at(path), context: ImportContext(), records: writer)
        try writer.finish(r)
    } catch {
        preconditionFailure("the streaming read failed: \(error)")
    }
    precondition(piped == tree, "the streaming read's JSON differs from the collecting read's")
    return 0
}

extension ImportSource {
    /// The same source, read from `path`.
    func at(_ path: String) -> ImportSource {
        ImportSource(path: path, name: name, size: size, sha256: sha256)
    }
}

/// SwiftPM links every executable with `main` pointing at `<Target>_main`: hand over to libFuzzer.
@_cdecl("WhatsAppFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzWhatsApp)
}
