import BewaarImage
import BewaarOCR
import Foundation
import Testing

/// OpenMP's max-active-levels belongs to each thread (libgomp ≥ 11): a reader on a second thread
/// must have it off too, or OpenMP teams spin beside the other reader (three times the CPU time
/// per image on 2 cores).
@Suite struct OpenMPOffTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BEWAAR_OCR_OPENMP"] != "1"))
    func everyThreadThatRecognisesHasOpenMPOff() throws {
        typealias GetMaxActiveLevels = @convention(c) () -> Int32
        guard dlsym(UnsafeMutableRawPointer(bitPattern: 0), "omp_get_max_active_levels") != nil else {
            // A Tesseract built without OpenMP: nothing to switch off.
            return
        }
        let image = try OCRFixture.pixels("chat.png")
        let levels = LevelsSeen()
        let threads = (0..<2).map { _ in
            Thread {
                guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "omp_get_max_active_levels") else { return }
                let get = unsafeBitCast(symbol, to: GetMaxActiveLevels.self)
                let before = get()
                let words = (try? OCREngine.recognise(image, region: OCRFixture.bubbleA).words.count) ?? -1
                levels.add(before: before, after: get(), words: words)
            }
        }
        for thread in threads { thread.start() }
        while levels.count < 2 { Thread.sleep(forTimeInterval: 0.05) }
        // A new thread starts with OpenMP on (so the check can fail), and is off after reading.
        #expect(levels.all.allSatisfy { $0.before > 0 && $0.after == 0 && $0.words > 0 }, "\(levels.all)")
    }
}

private final class LevelsSeen: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [(before: Int32, after: Int32, words: Int)] = []
    func add(before: Int32, after: Int32, words: Int) { lock.withLock { seen.append((before, after, words)) } }
    var count: Int { lock.withLock { seen.count } }
    var all: [(before: Int32, after: Int32, words: Int)] { lock.withLock { seen } }
}
