import BewaarImage
import BewaarModel
import CBewaarTesseract
import Foundation

/// Which Tesseract language data to use and where it lies.
public struct OCRConfiguration: Sendable, Hashable {
    /// Tesseract's language list, e.g. `nld+eng` (Dutch first: it decides ties).
    public var languages: String
    /// The tessdata folder (the one holding `nld.traineddata`).
    public var dataPath: String

    public init(languages: String = "nld+eng", dataPath: String? = nil) {
        self.languages = languages
        self.dataPath = dataPath ?? Self.defaultDataPath()
    }

    /// The standard configuration: Dutch and English from Debian's tessdata.
    public static var standard: OCRConfiguration { OCRConfiguration() }

    /// `TESSDATA_PREFIX` when set, else Debian's folder for Tesseract 5.
    public static func defaultDataPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let prefix = environment["TESSDATA_PREFIX"], !prefix.isEmpty { return prefix }
        return "/usr/share/tesseract-ocr/5/tessdata"
    }

    /// The language codes, e.g. ["nld", "eng"].
    public var languageCodes: [String] { languages.split(separator: "+").map(String.init) }
}

/// How Tesseract divides the image into text before reading it (its page segmentation modes).
public enum PageSegmentation: Int32, Sendable, Hashable, CaseIterable {
    /// Blocks, columns and lines found automatically (a whole screenshot).
    case auto = 3
    /// One column of text of varying sizes.
    case singleColumn = 4
    /// One uniform block of text (one chat bubble).
    case singleBlock = 6
    /// One line (a time, a name label).
    case singleLine = 7
    /// One word.
    case singleWord = 8
    /// As much text as possible in no particular order (scattered labels).
    case sparseText = 11
    /// One line, without Tesseract's own layout hacks.
    case rawLine = 13
}

/// One word Tesseract read.
public struct OCRWord: Sendable, Hashable {
    public var text: String
    /// Where the word lies, in pixels of the original image (also when a region was read).
    public var box: PixelRect
    /// Tesseract's confidence, 0–100.
    public var confidence: Double
    /// The 0-based block, paragraph and line the word belongs to, counted over the whole result
    /// (paragraph and line numbers do not restart in a new block).
    public var block: Int
    public var paragraph: Int
    public var line: Int

    public init(text: String, box: PixelRect, confidence: Double, block: Int, paragraph: Int, line: Int) {
        self.text = text
        self.box = box
        self.confidence = confidence
        self.block = block
        self.paragraph = paragraph
        self.line = line
    }
}

/// One line of words, as Tesseract grouped them.
public struct OCRLine: Sendable, Hashable {
    public var words: [OCRWord]
    public var block: Int { words[0].block }
    public var paragraph: Int { words[0].paragraph }
    public var line: Int { words[0].line }
    /// The words joined by single spaces.
    public var text: String { words.map(\.text).joined(separator: " ") }
    /// The union of the word boxes.
    public var box: PixelRect { words.dropFirst().reduce(words[0].box) { $0.union($1.box) } }
    /// The lowest word confidence (a line is as sure as its least sure word).
    public var confidence: Double { words.map(\.confidence).min() ?? 0 }
}

/// What one OCR pass gave.
public struct OCRResult: Sendable, Hashable {
    /// The words in reading order.
    public var words: [OCRWord]
    /// Tesseract's full text (lines ended by newlines, blocks by an empty line).
    public var text: String
    /// The part of the image that was read (the whole image unless a region was asked for).
    public var region: PixelRect

    public init(words: [OCRWord], text: String, region: PixelRect) {
        self.words = words
        self.text = text
        self.region = region
    }

    /// The words grouped in lines, in reading order.
    public var lines: [OCRLine] {
        var lines: [OCRLine] = []
        for w in words {
            if let last = lines.last, last.line == w.line { lines[lines.count - 1].words.append(w) } else { lines.append(OCRLine(words: [w])) }
        }
        return lines
    }
}

/// Why OCR could not run.
public enum OCRError: Error, Hashable, BilingualError {
    /// A language's `.traineddata` is not in the tessdata folder.
    case languageDataMissing(language: String, dataPath: String)
    /// Tesseract did not start with this configuration.
    case initialisationFailed(languages: String, dataPath: String)
    /// The region to read lies outside the image.
    case regionOutsideImage(PixelRect)
    /// Tesseract's recognition failed.
    case recognitionFailed

    public var code: String {
        switch self {
        case .languageDataMissing: "ocr-language-missing"
        case .initialisationFailed: "ocr-unavailable"
        case .regionOutsideImage: "ocr-region-outside"
        case .recognitionFailed: "ocr-failed"
        }
    }

    public var dutch: String {
        switch self {
        case .languageDataMissing(let language, let path):
            "De taalgegevens voor tekstherkenning (\(language)) ontbreken in \(path). Installeer tesseract-ocr-\(language) of zet TESSDATA_PREFIX."
        case .initialisationFailed(let languages, let path):
            "Tekstherkenning (Tesseract, \(languages)) kon niet starten met de gegevens in \(path)."
        case .regionOutsideImage(let rect):
            "Het te lezen deel (\(rect)) ligt buiten de afbeelding."
        case .recognitionFailed:
            "De tekstherkenning van de afbeelding is mislukt."
        }
    }

    public var english: String {
        switch self {
        case .languageDataMissing(let language, let path):
            "The OCR language data (\(language)) is missing from \(path). Install tesseract-ocr-\(language) or set TESSDATA_PREFIX."
        case .initialisationFailed(let languages, let path):
            "OCR (Tesseract, \(languages)) could not start with the data in \(path)."
        case .regionOutsideImage(let rect):
            "The region to read (\(rect)) lies outside the image."
        case .recognitionFailed:
            "Text recognition of the image failed."
        }
    }
}

/// The one owner of a Tesseract engine (TessBaseAPI): created once, reused for many images,
/// freed in `deinit`. Local only: no network, no cloud, the language data from disk.
///
/// Not Sendable: a TessBaseAPI must not be used by two threads at once, and the compiler keeps
/// an engine in the isolation domain that made it. To share engines, use
/// `OCREngine.withEngine(for:_:)` (or `OCREngine.recognise`), which keeps one engine per thread.
public final class OCREngine {
    public let configuration: OCRConfiguration
    private let api: OpaquePointer

    /// Tesseract's OpenMP threads inside one recognition, off: Bewaar reads several images at
    /// once, one engine per thread, and OpenMP's extra threads only fight those for the cores (on
    /// 2 cores the `tesseract` command runs 2.6× faster with OMP_THREAD_LIMIT=1). OMP_THREAD_LIMIT
    /// is read when libgomp loads, before any Swift runs, so the run-time switch is
    /// max-active-levels 0: every parallel region runs on one thread. That setting belongs to the
    /// calling thread (OpenMP 5's data environment; libgomp ≥ 11), so it is set on every
    /// recognition's own thread: set once on one thread only, a second reader thread ran OpenMP
    /// teams whose spinning tripled the CPU time per image. libgomp comes with libtesseract
    /// (Debian builds it with OpenMP); the function is looked up rather than linked, so a
    /// Tesseract built without OpenMP needs nothing. Set BEWAAR_OCR_OPENMP=1 to keep OpenMP.
    private static let openMPOff: OpenMPSwitch? = {
        guard ProcessInfo.processInfo.environment["BEWAAR_OCR_OPENMP"] != "1",
            let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "omp_set_max_active_levels")
        else { return nil }
        return OpenMPSwitch(set: unsafeBitCast(symbol, to: OpenMPSwitch.SetMaxActiveLevels.self))
    }()

    /// libgomp's omp_set_max_active_levels.
    private struct OpenMPSwitch: @unchecked Sendable {
        typealias SetMaxActiveLevels = @convention(c) (Int32) -> Void
        let set: SetMaxActiveLevels
    }

    /// Starts Tesseract with `configuration` (loading the language data: a few hundred ms).
    public init(_ configuration: OCRConfiguration = .standard) throws(OCRError) {
        for language in configuration.languageCodes {
            let file = (configuration.dataPath as NSString).appendingPathComponent("\(language).traineddata")
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw OCRError.languageDataMissing(language: language, dataPath: configuration.dataPath)
            }
        }
        guard let api = TessBaseAPICreate() else {
            throw OCRError.initialisationFailed(languages: configuration.languages, dataPath: configuration.dataPath)
        }
        // Tesseract's chatter ("Estimating resolution as …", warnings) goes to its debug file.
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        guard TessBaseAPIInit3(api, configuration.dataPath, configuration.languages) == 0 else {
            TessBaseAPIDelete(api)
            throw OCRError.initialisationFailed(languages: configuration.languages, dataPath: configuration.dataPath)
        }
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        self.api = api
        self.configuration = configuration
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    /// The Tesseract version, e.g. "5.3.0".
    public static var version: String { String(cString: TessVersion()) }

    /// Reads the text of `image`, or of `region` of it.
    /// - Parameters:
    ///   - region: the part to read (clipped to the image); boxes are still in whole-image pixels.
    ///   - segmentation: how Tesseract divides the region into text.
    ///   - resolution: the pixels per inch Tesseract assumes (it does not guess, so it prints
    ///     nothing); 0 picks 300 (screenshots have no physical size; 300 suits text 20–60 px high).
    public func recognise(
        _ image: PixelImage, region: PixelRect? = nil, segmentation: PageSegmentation = .auto,
        resolution: Int = 0
    ) throws(OCRError) -> OCRResult {
        let area = region.map { $0.intersection(image.bounds) } ?? image.bounds
        guard !area.isEmpty else { throw OCRError.regionOutsideImage(region ?? image.bounds) }
        defer { TessBaseAPIClear(api) }
        Self.openMPOff?.set(0)
        image.bytes.withUnsafeBufferPointer { bytes in
            // Tesseract copies the pixels into its own image here; the buffer may go afterwards.
            TessBaseAPISetImage(
                api, bytes.baseAddress, Int32(image.width), Int32(image.height),
                Int32(image.layout.bytesPerPixel), Int32(image.bytesPerRow))
        }
        TessBaseAPISetSourceResolution(api, Int32(resolution > 0 ? resolution : 300))
        TessBaseAPISetPageSegMode(api, TessPageSegMode(UInt32(segmentation.rawValue)))
        if area != image.bounds {
            TessBaseAPISetRectangle(api, Int32(area.x), Int32(area.y), Int32(area.width), Int32(area.height))
        }
        guard TessBaseAPIRecognize(api, nil) == 0 else { throw OCRError.recognitionFailed }

        var text = ""
        if let t = TessBaseAPIGetUTF8Text(api) {
            text = String(cString: t)
            TessDeleteText(t)
        }
        var words: [OCRWord] = []
        if let iterator = TessBaseAPIGetIterator(api) {
            defer { TessResultIteratorDelete(iterator) }
            let page = TessResultIteratorGetPageIteratorConst(iterator)
            var block = -1, paragraph = -1, line = -1
            repeat {
                if TessPageIteratorIsAtBeginningOf(page, RIL_BLOCK) != 0 { block += 1 }
                if TessPageIteratorIsAtBeginningOf(page, RIL_PARA) != 0 { paragraph += 1 }
                if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0 { line += 1 }
                guard let cText = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
                let word = String(cString: cText)
                TessDeleteText(cText)
                var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
                guard !word.isEmpty, TessPageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right, &bottom) != 0 else { continue }
                let box = PixelRect(x: Int(left), y: Int(top), width: Int(right - left), height: Int(bottom - top)).intersection(image.bounds)
                let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD))
                words.append(
                    OCRWord(
                        text: word, box: box, confidence: min(100, max(0, confidence)),
                        block: max(block, 0), paragraph: max(paragraph, 0), line: max(line, 0)))
            } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        }
        return OCRResult(words: words, text: text, region: area)
    }
}

// MARK: - One engine per thread

extension OCREngine {
    /// Runs `body` with this thread's engine for `configuration`, made on first use and kept
    /// until the thread ends.
    ///
    /// Safe with Swift concurrency because `body` is synchronous: from the moment the engine is
    /// taken until `body` returns, nothing else runs on this thread, so no two callers ever hold
    /// the same engine; a task that suspends elsewhere and resumes on another thread simply uses
    /// that thread's engine next time. Swift's cooperative pool has one thread per core, so an
    /// async program keeps at most that many engines (each ~ 30–80 MB with nld+eng).
    public static func withEngine<T>(
        for configuration: OCRConfiguration = .standard,
        _ body: (OCREngine) throws -> T
    ) throws -> T {
        let engine = try ThreadEngines.current().engine(for: configuration)
        return try body(engine)
    }

    /// `recognise` on this thread's engine (see `withEngine`).
    public static func recognise(
        _ image: PixelImage, region: PixelRect? = nil, segmentation: PageSegmentation = .auto,
        configuration: OCRConfiguration = .standard
    ) throws -> OCRResult {
        try withEngine(for: configuration) { try $0.recognise(image, region: region, segmentation: segmentation) }
    }
}

/// The engines of one thread, in thread-specific storage; released (and the engines ended)
/// by the key's destructor when the thread exits.
private final class ThreadEngines {
    private var engines: [OCRConfiguration: OCREngine] = [:]

    func engine(for configuration: OCRConfiguration) throws(OCRError) -> OCREngine {
        if let e = engines[configuration] { return e }
        let e = try OCREngine(configuration)
        engines[configuration] = e
        return e
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<ThreadEngines>.fromOpaque(pointer).release()
        }
        precondition(status == 0, "pthread_key_create failed")
        return key
    }()

    static func current() -> ThreadEngines {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<ThreadEngines>.fromOpaque(pointer).takeUnretainedValue()
        }
        let engines = ThreadEngines()
        pthread_setspecific(key, Unmanaged.passRetained(engines).toOpaque())
        return engines
    }
}
