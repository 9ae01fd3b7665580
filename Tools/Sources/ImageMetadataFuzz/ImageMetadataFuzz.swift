import BewaarImageMetadata
import FuzzDriver

/// One fuzz input. Its first byte chooses how the rest reaches the reader: as a whole file
/// (JPEG, PNG, WebP, HEIC found by its own signature), or wrapped as the EXIF block of a JPEG,
/// PNG or WebP, or as a JPEG's XMP packet, so the mutations land inside the TIFF and XMP readers
/// instead of dying at a signature. Besides not crashing, the reader must keep its promises:
/// every note has a code and both texts, and no text value grows past its bound.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImageMetadata(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let mode = bytes.first else { return 0 }
    let body = Array(bytes.dropFirst())
    let file: [UInt8]
    switch mode % 5 {
    case 1: file = jpeg(Array("Exif\0\0".utf8) + body)
    case 2: file = png(type: "eXIf", body)
    case 3: file = webp(type: "EXIF", body)
    case 4: file = jpeg(Array("http://ns.adobe.com/xap/1.0/\0".utf8) + body)
    default: file = body
    }
    let meta = ImageMetadata.read(file)
    for note in meta.warnings + meta.findings {
        precondition(!note.code.isEmpty && !note.dutch.isEmpty && !note.english.isEmpty, "a note without code or text")
    }
    for field in meta.fields {
        precondition(field.value.utf8.count <= 4 * 4096 + 64, "a field value past its bound: \(field.name)")
    }
    return 0
}

private func be(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).reversed().map { UInt8((v >> (8 * $0)) & 0xFF) } }

private func jpeg(_ app1: [UInt8]) -> [UInt8] {
    let body = Array(app1.prefix(65_000))
    return [0xFF, 0xD8, 0xFF, 0xE1] + be(body.count + 2, 2) + body + [0xFF, 0xD9]
}

private func png(type: String, _ body: [UInt8]) -> [UInt8] {
    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(body.count, 4) + Array(type.utf8) + body + [0, 0, 0, 0]
}

private func webp(type: String, _ body: [UInt8]) -> [UInt8] {
    let chunk = Array(type.utf8) + be(body.count, 4).reversed() + body
    return Array("RIFF".utf8) + be(chunk.count + 4, 4).reversed() + Array("WEBP".utf8) + chunk
}

/// SwiftPM links every executable with `main` pointing at `<Target>_main`: hand over to libFuzzer.
@_cdecl("ImageMetadataFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzImageMetadata)
}
