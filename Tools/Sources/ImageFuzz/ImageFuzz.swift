import BewaarModel
import BewaarImage
import BewaarImageFormat
import FuzzDriver

/// The fuzz runs with a small limit, so a mutated header cannot make one input decode for long;
/// the limit itself is what is checked (nothing bigger may come out).
let limit = PixelLimit(maxPixels: 4_000_000, maxSide: 4096)

/// One fuzz input: any bytes as an image file. Besides not crashing (under AddressSanitizer),
/// the probe and the decoder must keep their promises: the decoder gives exactly the size the
/// header promised (HEIC: no more than it), never more pixels than the limit, and its pixel
/// buffer fits its size; a refusal is an ImageError.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
    let info = ImageInfo.read(buffer)
    if let info {
        precondition(info.format != nil, "unknown type \(info.type)")
        if let w = info.width { precondition(w > 0, "width \(w)") }
        if let h = info.height { precondition(h > 0, "height \(h)") }
    }
    for acceptsDamaged in [false, true] {
        let decoder = ImageDecoder(limit: limit, acceptsDamagedJPEG: acceptsDamaged)
        do {
            let image = try decoder.decode(buffer)
            guard let info, let w = info.width, let h = info.height else { preconditionFailure("decoded without a header size") }
            if info.format == .heic {
                precondition(image.width * image.height <= w * h, "HEIC larger than its header")
            } else {
                precondition(image.width == w && image.height == h, "size differs from the header")
            }
            precondition(image.width * image.height <= limit.maxPixels, "over the limit")
            precondition(image.bytes.count == image.bytesPerRow * image.height, "buffer does not fit")
            _ = PerceptualHash(image)
            _ = image.cropped(to: PixelRect(x: image.width / 3, y: image.height / 3, width: image.width, height: 5))
        } catch {
            precondition(!error.code.isEmpty && !error.dutch.isEmpty)
        }
        if info?.format != .jpeg { break }
    }
    return 0
}

/// SwiftPM links every executable with `main` pointing at `<Target>_main`: hand over to libFuzzer.
@_cdecl("ImageFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzImage)
}
