import Foundation
import Testing
import BewaarImageFormat

/// ISO BMFF boxes for hand-made HEIF headers.
func box(_ type: String, _ payload: [UInt8]) -> [UInt8] {
    let n = UInt32(8 + payload.count)
    return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + Array(type.utf8) + payload
}
func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
func ispe(_ w: Int, _ h: Int) -> [UInt8] { box("ispe", [0, 0, 0, 0] + be32(w) + be32(h)) }

/// A HEIC header: ftyp, then meta with pitm (item 1), iprp/ipco holding `properties` and an
/// ipma giving item 1 the 1-based property indices `primary` (and item 2 the others).
func heifHeader(brand: String = "heic", properties: [[UInt8]], primary: [UInt8]) -> [UInt8] {
    let ftyp = box("ftyp", Array(brand.utf8) + [0, 0, 0, 0] + Array("mif1".utf8) + Array(brand.utf8))
    let pitm = box("pitm", [0, 0, 0, 0, 0, 1])
    let others = (1...properties.count).map(UInt8.init).filter { !primary.contains($0) }
    let ipma = box(
        "ipma",
        [0, 0, 0, 0] + be32(2)
            + [0, 2, UInt8(others.count)] + others
            + [0, 1, UInt8(primary.count)] + primary.map { $0 | 0x80 })
    let iprp = box("iprp", box("ipco", properties.flatMap { $0 }) + ipma)
    let meta = box(
        "meta", [0, 0, 0, 0] + box("hdlr", [0, 0, 0, 0, 0, 0, 0, 0] + Array("pict".utf8) + [UInt8](repeating: 0, count: 13)) + pitm + iprp)
    return ftyp + meta + box("mdat", [1, 2, 3])
}

@Suite struct ImageInfoTests {
    @Test func pngSizeIsTheIHDR() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += be32(1170) + be32(2532) + [8, 6, 0, 0, 0]
        #expect(ImageInfo.read(png) == ImageInfo(type: "png", mediaType: "image/png", width: 1170, height: 2532))
        #expect(ImageInfo.read(Array(png.prefix(20)))?.width == nil)  // cut off inside IHDR
    }

    @Test func jpegSizeComesFromTheFrameHeaderNotTheFirstSegment() {
        // SOI, APP0 (JFIF, 16 bytes), DQT stub, SOF0 with height 1080 and width 1920.
        var b: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        b += [0xFF, 0xDB, 0x00, 0x04, 0x00, 0x00]
        b += [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x04, 0x38, 0x07, 0x80, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        #expect(ImageInfo.read(b) == ImageInfo(type: "jpeg", mediaType: "image/jpeg", width: 1920, height: 1080))
    }

    @Test func jpegSkipsFillBytesDHTAndDACAndReadsProgressiveFrames() {
        // DHT (C4) and DAC (CC) look like SOF markers but are not; fill bytes before a marker.
        var b: [UInt8] = [0xFF, 0xD8]
        b += [0xFF, 0xC4, 0x00, 0x06, 0x00, 0x00, 0x04, 0x38]  // DHT whose bytes would read as 1080 × …
        b += [0xFF, 0xFF, 0xFF, 0xCC, 0x00, 0x04, 0x00, 0x00]  // fill bytes, DAC
        b += [0xFF, 0xE1, 0x00, 0x08] + Array("Exif".utf8) + [0, 0]  // APP1 with a fake SOF inside? no: just skipped by length
        b += [0xFF, 0xC2, 0x00, 0x11, 0x08, 0x09, 0xE4, 0x04, 0x92, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        #expect(ImageInfo.read(b) == ImageInfo(type: "jpeg", mediaType: "image/jpeg", width: 1170, height: 2532))
        // A segment whose payload holds FF C0 is skipped by its length, not scanned.
        var c: [UInt8] = [0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x0B, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10]
        c += [0xFF, 0xC1, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x30, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        #expect(ImageInfo.read(c)?.width == 48)
        #expect(ImageInfo.read(c)?.height == 32)
        // Scan data before any frame, or a cut-off header: type known, size not.
        #expect(ImageInfo.read([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02]) == ImageInfo(type: "jpeg", mediaType: "image/jpeg", width: nil, height: nil))
        #expect(
            ImageInfo.read([0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08]) == ImageInfo(type: "jpeg", mediaType: "image/jpeg", width: nil, height: nil))
    }

    @Test func gifAndWebpAreRecognisedWithTheirSize() {
        let gif = Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00] + [UInt8](repeating: 0, count: 10)
        #expect(ImageInfo.read(gif)?.width == 320)
        #expect(ImageInfo.read(gif)?.height == 240)

        var webp = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array("VP8X".utf8) + [10, 0, 0, 0]
        webp += [0, 0, 0, 0]  // flags + reserved
        webp += [0x37, 0x04, 0x00]  // width - 1 = 1079
        webp += [0x7F, 0x07, 0x00]  // height - 1 = 1919
        #expect(ImageInfo.read(webp) == ImageInfo(type: "webp", mediaType: "image/webp", width: 1080, height: 1920))
    }

    @Test func heicSizeIsThePrimaryItemsIspeTurnedByIrot() {
        // A grid image: the tiles' ispe (512 × 512) comes first, the primary item's (4032 × 3024) second.
        let grid = heifHeader(properties: [ispe(512, 512), ispe(4032, 3024)], primary: [2])
        #expect(ImageInfo.read(grid) == ImageInfo(type: "heic", mediaType: "image/heic", width: 4032, height: 3024))
        // irot of a quarter turn: libheif shows it 3024 × 4032.
        let turned = heifHeader(properties: [ispe(512, 512), ispe(4032, 3024), box("irot", [1])], primary: [2, 3])
        #expect(ImageInfo.read(turned)?.width == 3024)
        #expect(ImageInfo.read(turned)?.height == 4032)
        // AVIF is recognised, with its size, but not decoded.
        let avif = heifHeader(brand: "avif", properties: [ispe(800, 600)], primary: [1])
        #expect(ImageInfo.read(avif) == ImageInfo(type: "avif", mediaType: "image/avif", width: 800, height: 600))
        #expect(ImageInfo.read(avif)?.format?.isDecoded == false)
        // An MP4 is no image.
        #expect(ImageInfo.read(box("ftyp", Array("isom".utf8) + [0, 0, 0, 0] + Array("mp41".utf8))) == nil)
        // Cut inside the meta box: still a HEIC, size unknown.
        #expect(ImageInfo.read(Array(grid.prefix(60))) == ImageInfo(type: "heic", mediaType: "image/heic", width: nil, height: nil))
    }

    @Test func textIsNoImage() {
        #expect(ImageInfo.read(Array("02-03-2026 20:01 - Daan Jansen: hoi".utf8)) == nil)
        #expect(ImageInfo.read([]) == nil)
        #expect(ImageInfo.read([0x89, 0x50]) == nil)
    }

    @Test func theLimitCountsPixelsAndSides() throws {
        let limit = PixelLimit.standard
        try limit.check(width: 1170, height: 2532)
        try limit.check(width: 8000, height: 6000)  // a 48-megapixel photo
        #expect(throws: ImageError.tooManyPixels(width: 50_000, height: 50_000, limit: 50_000_000)) {
            try limit.check(width: 50_000, height: 50_000)
        }
        #expect(throws: ImageError.tooManyPixels(width: 40_000, height: 10, limit: 50_000_000)) { try limit.check(width: 40_000, height: 10) }
        #expect(throws: ImageError.tooManyPixels(width: Int.max, height: Int.max, limit: 50_000_000)) {
            try limit.check(width: Int.max, height: Int.max)
        }
        let error = ImageError.tooManyPixels(width: 50_000, height: 50_000, limit: 50_000_000)
        #expect(error.code == "image-too-large")
        #expect(error.dutch.contains("50000 × 50000"))
        #expect(error.english.contains("too large"))
    }
}
