import Foundation
import Synchronization
import BewaarModel
import BewaarDigest
import BewaarImageFormat
import BewaarImageMetadata
import BewaarScreenshot

/// Reads the pixels of the images among files about to be ingested one by one, on threads of
/// its own, so that reading screenshots (OCR, about a second each) uses every core while the
/// ingest itself stays one file at a time, in order.
///
/// The images are shared out in turn: with one helper thread the importer reads the first, third,
/// fifth… image itself and finds the second, fourth… read already (waiting when one is still
/// being read). Files are known by their SHA-256, so the importer, which reads the stored copy,
/// finds what was read from the file it was given. Only small results are kept, never pixels.
public final class ScreenshotReadAhead: Sendable {
    private struct State {
        /// The images the helpers read, once planned; nil while the plan is being made.
        var planned: Set<SHA256Digest>?
        var done: [SHA256Digest: PixelReading] = [:]
        var stopped = false
    }

    private let state = Mutex(State())
    private let reader: ChatScreenshotReader

    /// Starts reading ahead the images among `paths` with `helpers` threads (by default one
    /// fewer than the cores, at least one).
    public init(
        paths: [String], reader: ChatScreenshotReader = ChatScreenshotReader(),
        helpers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
    ) {
        self.reader = reader
        let count = max(1, helpers)
        Thread.detachNewThread { [self] in
            let images = Self.images(paths)
            // Image k goes to helper k % (count + 1) - 1; the importer keeps k % (count + 1) == 0.
            var shares = [[(SHA256Digest, String)]](repeating: [], count: count)
            for (k, image) in images.enumerated() where k % (count + 1) != 0 { shares[k % (count + 1) - 1].append(image) }
            state.withLock { $0.planned = Set(shares.joined().map(\.0)) }
            for share in shares.dropFirst() { Thread.detachNewThread { [self] in work(share) } }
            work(shares[0])
        }
    }

    /// The images among `paths` (by their header), with their digests, in order.
    static func images(_ paths: [String]) -> [(SHA256Digest, String)] {
        var seen = Set<SHA256Digest>()
        return paths.compactMap { path in
            guard let reader = try? FileReader(path: path, bufferSize: 1 << 16), let head = try? reader.read(at: 0, count: 4096),
                ImageInfo.read(head) != nil, let (digest, size) = try? FileReader.sha256(path: path), size <= ImageImporter.decodeReadLimit,
                seen.insert(digest).inserted
            else { return nil }
            return (digest, path)
        }
    }

    private func work(_ share: [(SHA256Digest, String)]) {
        for (digest, path) in share {
            if state.withLock({ $0.stopped }) { return }
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) }
            // A file that cannot be read here is read by the importer (which says why).
            let reading = bytes.map { b in
                let orientation = ImageInfo.read(b).flatMap { ImageImporter.orientation(ImageMetadata.read(b), type: $0.type) }
                return PixelReading.read(b, orientation: orientation, reader: reader)
            }
            state.withLock { s in
                if let reading { s.done[digest] = reading } else { s.planned?.remove(digest) }
            }
        }
    }

    /// What was read from the image with `digest`, waiting while a helper reads it; nil when no
    /// helper reads it (the caller reads it itself).
    public func reading(for digest: SHA256Digest) -> PixelReading? {
        enum Look { case ready(PixelReading), notPlanned, pending }
        while true {
            let look: Look = state.withLock { s in
                guard let planned = s.planned else { return .pending }
                if let r = s.done.removeValue(forKey: digest) {
                    s.planned?.remove(digest)
                    return .ready(r)
                }
                return planned.contains(digest) && !s.stopped ? .pending : .notPlanned
            }
            switch look {
            case .ready(let r): return r
            case .notPlanned: return nil
            case .pending: usleep(2000)
            }
        }
    }

    /// Stops the helpers after the image each is reading.
    public func stop() {
        state.withLock { $0.stopped = true }
    }
}
