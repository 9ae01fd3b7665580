import Foundation
import BewaarModel
import BewaarDigest

/// Takes the files an importer finds inside an original (archive members, attachments,
/// MHTML resources) and keeps them as originals of their own. The store's sink writes them to
/// the content-addressed folder; ``HashingSink`` only hashes (for `inspect`).
public protocol OriginalSink: AnyObject {
    /// Streams one contained file. `write` is called once with a writer that takes the bytes
    /// in order; the sink hashes them as they pass.
    func keep(name: String, pathInParent: String, mediaType: String,
              write: (any ChunkWriter) throws -> Void) throws -> ContainedOriginal

    /// Everything kept so far, in order.
    var kept: [ContainedOriginal] { get }
}

/// Receives bytes in order.
public protocol ChunkWriter: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension ChunkWriter {
    /// Writes bytes held in an array or `Data`.
    public func write<Bytes: ContiguousBytes>(contentsOf bytes: Bytes) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

/// A sink that hashes and counts but keeps nothing: used by `inspect`.
public final class HashingSink: OriginalSink {
    public private(set) var kept: [ContainedOriginal] = []

    public init() {}

    private final class Counter: ChunkWriter {
        var hash = StreamingSHA256()
        func write(_ bytes: UnsafeRawBufferPointer) throws { hash.update(bytes) }
    }

    public func keep(name: String, pathInParent: String, mediaType: String,
                     write: (any ChunkWriter) throws -> Void) throws -> ContainedOriginal {
        let c = Counter()
        try write(c)
        let item = ContainedOriginal(name: name, pathInParent: pathInParent, mediaType: mediaType,
                                     size: c.hash.byteCount, sha256: c.hash.finalize())
        kept.append(item)
        return item
    }
}
