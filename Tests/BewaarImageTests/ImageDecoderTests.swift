import BewaarModel
import Foundation
import Testing
import BewaarImage
import BewaarImageFormat

enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: folder.appendingPathComponent(name))) }
    static func pixels(_ name: String) throws -> PixelImage { try ImageDecoder().decode(bytes(name)) }
}

/// The mean absolute difference of two equally sized images in gray (0 – 255).
func meanDifference(_ a: PixelImage, _ b: PixelImage) -> Double {
    precondition(a.width == b.width && a.height == b.height)
    var sum = 0
    for y in 0..<a.height {
        for x in 0..<a.width { sum += abs(Int(a.gray(x: x, y: y)) - Int(b.gray(x: x, y: y))) }
    }
    return Double(sum) / Double(a.width * a.height)
}

@Suite struct ImageDecoderTests {
    @Test(arguments: [
        ("chat.png", PixelImage.Layout.rgb), ("chat.jpg", .rgb), ("chat-gray.png", .gray), ("chat.webp", .rgb),
        ("chat-lossless.webp", .rgb), ("chat.gif", .rgb), ("chat.heic", .rgb),
        // CMYK (Adobe, inverted inks) comes out as RGB; a progressive gray JPEG as gray.
        ("chat-cmyk.jpg", .rgb), ("chat-gray-progressive.jpg", .gray),
    ])
    func everyFormatDecodesToTheSamePicture(name: String, layout: PixelImage.Layout) throws {
        let reference = try Fixture.pixels("chat.png")
        let image = try Fixture.pixels(name)
        #expect(image.width == 780 && image.height == 600)
        #expect(image.layout == layout)
        #expect(image.bytes.count == image.bytesPerRow * image.height)
        // Lossy formats differ a little; another picture (the GIF's second frame) differs a lot.
        #expect(meanDifference(image, reference) < 4, "\(name): \(meanDifference(image, reference))")
        #expect(ImageInfo.read(try Fixture.bytes(name))?.width == 780)
    }

    @Test func theGIFGivesItsFirstFrame() throws {
        let gif = try Fixture.pixels("chat.gif")
        let other = try Fixture.pixels("other.png")
        #expect(meanDifference(gif, other) > 40)
    }

    @Test func anAnimatedWebPGivesItsFirstFrame() throws {
        let bytes = try Fixture.bytes("chat-animated.webp")
        #expect(bytes.withUnsafeBufferPointer { ImageInfo.isAnimatedWebP($0) })
        #expect(!(try Fixture.bytes("chat.webp")).withUnsafeBufferPointer { ImageInfo.isAnimatedWebP($0) })
        let first = try ImageDecoder().decode(bytes)
        #expect(first.width == 780 && first.height == 600)
        // Lossless frames: the first is chat.png itself, not the second (other.png).
        #expect(meanDifference(first, try Fixture.pixels("chat.png")) < 0.5)
        #expect(meanDifference(first, try Fixture.pixels("other.png")) > 10)
        // Cut off, it is refused, never a trap.
        #expect(throws: ImageError.self) { try ImageDecoder().decode(Array(bytes.prefix(bytes.count / 2))) }
    }

    @Test func aHeaderOf50000By50000IsRefusedBeforeDecoding() throws {
        // IHDR only: were it decoded, libpng would fail on the missing data ("corrupt"); the limit answers first.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += be32(50_000) + be32(50_000) + [8, 2, 0, 0, 0] + [0x8F, 0x3B, 0x0E, 0x1D]
        #expect(throws: ImageError.tooManyPixels(width: 50_000, height: 50_000, limit: 50_000_000)) {
            try ImageDecoder().decode(png)
        }
        // A lower limit refuses a real image the same way.
        #expect(throws: ImageError.tooManyPixels(width: 780, height: 600, limit: 100_000)) {
            try ImageDecoder(limit: PixelLimit(maxPixels: 100_000)).decode(Fixture.bytes("chat.png"))
        }
        // And a HEIC's primary item, read by libheif, is held to it as well.
        #expect(throws: ImageError.tooManyPixels(width: 780, height: 600, limit: 100_000)) {
            try ImageDecoder(limit: PixelLimit(maxPixels: 100_000)).decode(Fixture.bytes("chat.heic"))
        }
    }

    @Test func truncatedPNGAndJPEGAreTypedErrors() throws {
        let png = try Fixture.bytes("chat.png")
        let cut = Array(png.prefix(png.count / 2))
        #expect(ImageInfo.read(cut)?.width == 780)  // the header is whole …
        #expect(throws: ImageError.self) { try ImageDecoder().decode(cut) }  // … the pixels are not
        do {
            _ = try ImageDecoder().decode(cut)
        } catch {
            #expect(error.code == "image-corrupt")
        }
        let jpeg = try Fixture.bytes("chat.jpg")
        let cutJPEG = Array(jpeg.prefix(jpeg.count * 2 / 3))
        #expect(throws: ImageError.self) { try ImageDecoder().decode(cutJPEG) }
        // Asked for, the part libjpeg could read.
        let partial = try ImageDecoder(acceptsDamagedJPEG: true).decode(cutJPEG)
        #expect(partial.width == 780 && partial.height == 600)
    }

    @Test func randomBytesAndEmptyInputAreNotAnImage() {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: ImageError.notAnImage) { try ImageDecoder().decode(random.first == 0x89 ? Array(random.dropFirst()) : random) }
        #expect(throws: ImageError.notAnImage) { try ImageDecoder().decode([]) }
        // A signature followed by noise: a typed error, whichever.
        for signature in [
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF], Array("GIF89a".utf8),
            Array("RIFF\0\0\0\0WEBPVP8 ".utf8), [0, 0, 0, 24] + Array("ftypheic".utf8),
        ] as [[UInt8]] {
            #expect(throws: ImageError.self) { try ImageDecoder().decode(signature + random) }
        }
    }

    @Test func avifIsRecognisedButNotDecoded() {
        let avif = heifHeader(brand: "avif", properties: [ispe(800, 600)], primary: [1])
        #expect(throws: ImageError.unsupported(format: "avif")) { try ImageDecoder().decode(avif) }
    }

    /// Every prefix of every fixture (in steps) decodes to the full size or throws an ImageError:
    /// never a crash, never a picture of another size.
    @Test(arguments: [
        "chat.png", "chat.jpg", "chat.webp", "chat-lossless.webp", "chat.gif", "chat.heic", "chat-gray.png", "chat-cmyk.jpg",
        "chat-gray-progressive.jpg",
    ])
    func everyTruncationIsAnErrorOrTheWholePicture(name: String) throws {
        let bytes = try Fixture.bytes(name)
        let step = max(1, bytes.count / 97)
        var errors = 0
        for n in stride(from: 0, to: bytes.count, by: step) {
            do {
                let image = try ImageDecoder().decode(Array(bytes.prefix(n)))
                #expect(image.width == 780 && image.height == 600)
            } catch {
                errors += 1
            }
        }
        #expect(errors > 0)
    }

    @Test func damagedBytesInsideTheDataAreNoCrash() throws {
        var generator = SystemRandomNumberGenerator()
        for name in ["chat.png", "chat.jpg", "chat.webp", "chat.gif", "chat.heic"] {
            let original = try Fixture.bytes(name)
            for _ in 0..<20 {
                var bytes = original
                for _ in 0..<8 { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
                if let image = try? ImageDecoder(acceptsDamagedJPEG: true).decode(bytes) {
                    #expect(image.bytes.count == image.bytesPerRow * image.height)
                }
            }
        }
    }

    @Test func pixelsCropAndShrink() throws {
        let image = try Fixture.pixels("chat.png")
        let bubble = try #require(image.cropped(to: PixelRect(x: 24, y: 32, width: 600, height: 128)))
        #expect(bubble.width == 600 && bubble.height == 128)
        #expect(image.cropped(to: PixelRect(x: 900, y: 0, width: 10, height: 10)) == nil)
        #expect(image.cropped(to: PixelRect(x: 770, y: 590, width: 100, height: 100))?.width == 10)
        let small = try #require(image.grayResized(width: 78, height: 60))
        #expect(small.layout == .gray && small.bytes.count == 78 * 60)
        #expect(image.grayscale().bytes.count == 780 * 600)
    }
}

/// Inputs the fuzzer (scripts/fuzz image) found; each was a crash once.
@Suite struct ImageFuzzFindingsTests {
    /// A HEIC whose properties claim sides near 2³²: comparing their areas overflowed.
    @Test func aHEICWithHugeIspeSidesIsRefusedNotACrash() throws {
        let bytes = try Fixture.bytes("fuzz-heic-huge-ispe.bin")
        _ = ImageInfo.read(bytes)
        #expect(throws: ImageError.self) { try ImageDecoder().decode(bytes) }
    }
}

@Suite struct GIFFrameTests {
    @Test func everyFrameCountsTowardsTheLimit() throws {
        let gif = try Fixture.bytes("chat.gif")
        let frames = gif.withUnsafeBufferPointer { ImageInfo.gifFrames($0) }
        #expect(frames.count == 2)
        #expect(frames.pixels <= 2 * 780 * 600)
        // A small logical screen whose one frame claims 65535 × 65535: refused before giflib allocates.
        var bomb = Array("GIF89a".utf8) + [10, 0, 10, 0, 0, 0, 0]
        bomb += [0x2C, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 2, 2, 0x4C, 0x01, 0, 0x3B]
        #expect(throws: ImageError.tooManyPixels(width: 10, height: 10, limit: 50_000_000)) { try ImageDecoder().decode(bomb) }
    }
}

extension ImageFuzzFindingsTests {
    /// A GIF whose logical screen is 0 × 0: no size, not a width of 0.
    @Test func aGIFOfZeroByZeroHasNoSize() {
        let gif = Array("GIF89a".utf8) + [UInt8](repeating: 0, count: 64)
        #expect(ImageInfo.read(gif) == ImageInfo(type: "gif", mediaType: "image/gif", width: nil, height: nil))
        #expect(throws: ImageError.sizeUnknown) { try ImageDecoder().decode(gif) }
    }
}
