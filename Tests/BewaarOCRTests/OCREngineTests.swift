import BewaarModel
import Foundation
import Testing
import BewaarImage
import BewaarImageFormat
import BewaarOCR

enum OCRFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func pixels(_ name: String) throws -> PixelImage {
        try ImageDecoder().decode(Array(try Data(contentsOf: folder.appendingPathComponent(name))))
    }
    /// The three bubbles of chat.png (render.sh places them in CSS pixels; the PNG is 2×).
    static let bubbleA = PixelRect(x: 24, y: 32, width: 600, height: 128)
    static let bubbleB = PixelRect(x: 156, y: 220, width: 600, height: 128)
    static let bubbleC = PixelRect(x: 24, y: 420, width: 600, height: 80)
}

/// Lower-cased words without punctuation at their ends.
func plain(_ words: [OCRWord]) -> [String] {
    words.map { $0.text.lowercased().trimmingCharacters(in: .punctuationCharacters) }
}

@Suite(.serialized) struct OCREngineTests {
    @Test func readsTheDutchChatWithBoxesAroundTheRightWords() throws {
        let image = try OCRFixture.pixels("chat.png")
        let engine = try OCREngine()
        let result = try engine.recognise(image)
        let text = result.text
        #expect(text.contains("Ik zie je morgen bij de kantine,"), "\(text)")
        #expect(text.contains("oké?"), "\(text)")
        #expect(text.contains("Waarom doe je zo gemeen tegen"), "\(text)")
        #expect(text.contains("Dat is niet grappig meer."), "\(text)")
        #expect(result.region == image.bounds)
        for word in result.words {
            #expect(image.bounds.contains(word.box), "\(word.text) \(word.box)")
            #expect(word.box.width > 0 && word.box.height > 0)
            #expect((0...100).contains(word.confidence))
        }
        // Each word lies in its own bubble.
        func words(in bubble: PixelRect) -> [String] { plain(result.words.filter { bubble.contains($0.box) }) }
        #expect(words(in: OCRFixture.bubbleA) == ["ik", "zie", "je", "morgen", "bij", "de", "kantine", "oké"])
        #expect(words(in: OCRFixture.bubbleB) == ["waarom", "doe", "je", "zo", "gemeen", "tegen", "haar"])
        #expect(words(in: OCRFixture.bubbleC) == ["dat", "is", "niet", "grappig", "meer"])
        let kantine = try #require(result.words.first { $0.text.hasPrefix("kantine") })
        #expect(kantine.confidence > 80)
        #expect(kantine.box.y > 40 && kantine.box.maxY < 100 && kantine.box.x > 350)
        // Lines: "oké?" starts a line of its own below the first; the bubbles are different lines.
        let lines = result.lines
        #expect(lines.map(\.text).contains("oké?"))
        #expect(Set(lines.map(\.line)).count == lines.count)
        let ik = try #require(result.words.first { $0.text == "Ik" }), oke = try #require(result.words.first { $0.text == "oké?" })
        #expect(oke.line == ik.line + 1)
        let dat = try #require(result.words.first { $0.text == "Dat" })
        #expect(dat.line > oke.line && dat.block >= oke.block && dat.paragraph > ik.paragraph)
    }

    @Test func oneBubbleIsReadAloneWithBoxesInWholeImagePixels() throws {
        let image = try OCRFixture.pixels("chat.png")
        let engine = try OCREngine()
        let result = try engine.recognise(image, region: OCRFixture.bubbleB, segmentation: .singleBlock)
        #expect(plain(result.words) == ["waarom", "doe", "je", "zo", "gemeen", "tegen", "haar"])
        #expect(result.region == OCRFixture.bubbleB)
        for word in result.words { #expect(OCRFixture.bubbleB.contains(word.box), "\(word.text) \(word.box)") }
        // The same engine reads the next region and the whole image again: nothing left over.
        let line = try engine.recognise(image, region: OCRFixture.bubbleC, segmentation: .singleLine)
        #expect(line.text.trimmingCharacters(in: .whitespacesAndNewlines) == "Dat is niet grappig meer.")
        #expect(try engine.recognise(image).words.count == 20)
        // A region outside the image is an error, not an empty result.
        #expect(throws: OCRError.regionOutsideImage(PixelRect(x: 900, y: 0, width: 10, height: 10))) {
            try engine.recognise(image, region: PixelRect(x: 900, y: 0, width: 10, height: 10))
        }
    }

    @Test func darkModeGrayAndRGBAAreRead() throws {
        let dark = try OCRFixture.pixels("chat-dark.png")
        let result = try OCREngine.recognise(dark)
        #expect(result.text.contains("grappig meer"), "\(result.text)")
        // The same picture in gray and with an alpha channel.
        let image = try OCRFixture.pixels("chat.png")
        let gray = image.grayscale()
        #expect(try OCREngine.recognise(gray).text.contains("gemeen tegen"))
        var rgba = [UInt8]()
        rgba.reserveCapacity(image.width * image.height * 4)
        for i in stride(from: 0, to: image.bytes.count, by: 3) { rgba += [image.bytes[i], image.bytes[i + 1], image.bytes[i + 2], 255] }
        let withAlpha = try #require(PixelImage(width: image.width, height: image.height, layout: .rgba, bytes: rgba))
        #expect(try OCREngine.recognise(withAlpha).text.contains("kantine"))
    }

    @Test func anImageWithoutTextGivesNoWords() throws {
        let blank = try #require(PixelImage(width: 300, height: 200, layout: .gray, bytes: [UInt8](repeating: 255, count: 300 * 200)))
        let result = try OCREngine.recognise(blank)
        #expect(result.words.isEmpty)
        #expect(result.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test func missingLanguageDataIsABilingualError() throws {
        let folder = FileManager.default.temporaryDirectory.path
        #expect(throws: OCRError.languageDataMissing(language: "nld", dataPath: folder)) {
            try OCREngine(OCRConfiguration(dataPath: folder))
        }
        #expect(OCRConfiguration.defaultDataPath(environment: ["TESSDATA_PREFIX": "/x/tessdata"]) == "/x/tessdata")
        #expect(OCRConfiguration.defaultDataPath(environment: [:]) == "/usr/share/tesseract-ocr/5/tessdata")
        #expect(OCRError.languageDataMissing(language: "nld", dataPath: "/x").dutch.contains("tesseract-ocr-nld"))
    }

    @Test func threadsEachKeepOneEngineAndTasksShareThemSafely() async throws {
        let image = try OCRFixture.pixels("chat.png")
        // Concurrent tasks on the cooperative pool: each recognition takes its thread's engine.
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for k in 0..<4 {
                let region = [OCRFixture.bubbleA, OCRFixture.bubbleB, OCRFixture.bubbleC, image.bounds][k]
                group.addTask { try OCREngine.recognise(image, region: region, segmentation: k == 3 ? .auto : .singleBlock).text }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(texts.count == 4)
        #expect(texts.filter { $0.contains("grappig") }.count == 2)
        // The same thread gets the same engine back.
        let first = try OCREngine.withEngine { ObjectIdentifier($0) }
        let second = try OCREngine.withEngine { ObjectIdentifier($0) }
        #expect(first == second)
    }

    @Test func tesseractIsVersion5() {
        #expect(OCREngine.version.hasPrefix("5."))
    }
}
