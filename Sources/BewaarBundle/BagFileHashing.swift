import Foundation
import BewaarDigest

/// What hashing one file of a bag found: its two digests, the bytes kept for later checks, and
/// what the file's own check (a records file against its original) reported.
struct HashedFile {
    var sha256 = ""
    var sha512 = ""
    /// The whole file, when the caller asked to keep it.
    var content: [UInt8]?
    var problems: [VerifyProblem] = []
    var recordsChecked = 0
    /// The file could not be read (damaged in the zip, refused): reported as a problem.
    var failure: BundleError?
    /// Any other error: it ends the verification, as it did before files were hashed in parallel.
    var otherError: (any Error)?
}

/// Hashes every file of a bag once, SHA-256 and SHA-512, on both cores: files from
/// ``laneThreshold`` on one at a time through a ``LanePipeline`` (SHA-256 on one core, SHA-512
/// on the other), the rest shared out whole between two workers, biggest first, so neither
/// core waits. A file's own check runs on the worker that read it, right after its bytes.
/// Memory: the pipeline's ring plus the files being kept, never the whole bag.
enum BagFileHashing {
    /// Files at least this big are split over the two cores; smaller ones go whole to a worker.
    static let laneThreshold: Int64 = 16 << 20

    /// Returns one ``HashedFile`` per path of `order`, in that order. `keep` says which files'
    /// bytes are wanted; `examine` gets each kept file's bytes on the worker thread and returns
    /// whether to hand them back in ``HashedFile/content``.
    static func hash(_ bag: any BagSource, order: [String], keep: @escaping (String) -> Bool,
                     examine: @escaping (String, [UInt8], inout HashedFile) -> Bool) -> [HashedFile] {
        let work = Work(bag: bag, order: order, keep: keep, examine: examine)
        let sizes = order.map { bag.files[$0] ?? 0 }
        let big = order.indices.filter { sizes[$0] >= laneThreshold }
        let buffers = PipelineBuffers()
        for i in big { work.results[i] = work.hashOne(i, buffers: buffers) }
        work.queue = order.indices.filter { sizes[$0] < laneThreshold }.sorted { sizes[$0] > sizes[$1] || (sizes[$0] == sizes[$1] && $0 < $1) }
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while let i = work.next() { work.results[i] = work.hashOne(i, buffers: nil) }
        }
        return work.results
    }

    /// The shared state of one hashing run. Each result slot is written by exactly one worker,
    /// the queue is handed out under a lock.
    private final class Work: @unchecked Sendable {
        let bag: any BagSource
        let order: [String]
        let keep: (String) -> Bool
        let examine: (String, [UInt8], inout HashedFile) -> Bool
        var results: [HashedFile]
        var queue: [Int] = []
        private var taken = 0
        private let lock = NSLock()

        init(bag: any BagSource, order: [String], keep: @escaping (String) -> Bool,
             examine: @escaping (String, [UInt8], inout HashedFile) -> Bool) {
            self.bag = bag
            self.order = order
            self.keep = keep
            self.examine = examine
            results = Array(repeating: HashedFile(), count: order.count)
        }

        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard taken < queue.count else { return nil }
            taken += 1
            return queue[taken - 1]
        }

        func hashOne(_ i: Int, buffers: PipelineBuffers?) -> HashedFile {
            let p = order[i]
            var out = HashedFile()
            var h256 = StreamingSHA256()
            let h512 = FastSHA512()
            var content: [UInt8]? = keep(p) ? [] : nil
            content?.reserveCapacity(Int(bag.files[p] ?? 0))
            do {
                if let buffers {
                    let pipeline = LanePipeline(buffers: buffers, laneA: { c, _ in h256.update(c) }, laneB: { c, _ in h512.update(c) })
                    do {
                        try bag.stream(p) { chunk in
                            try pipeline.push(chunk)
                            content?.append(contentsOf: chunk)
                        }
                    } catch {
                        try? pipeline.finish()
                        throw error
                    }
                    try pipeline.finish()
                } else {
                    try bag.stream(p) { chunk in
                        h256.update(chunk)
                        h512.update(chunk)
                        content?.append(contentsOf: chunk)
                    }
                }
            } catch let e as BundleError {
                out.failure = e
                return out
            } catch {
                out.otherError = error
                return out
            }
            out.sha256 = h256.finalize().hex
            out.sha512 = h512.finalizeHex()
            if let content, examine(p, content, &out) { out.content = content }
            return out
        }
    }
}
