import BewaarImport
import BewaarStore
import BewaarModel

/// Keeps files found inside an original in the store's object folder, streamed.
final class StoreSink: OriginalSink {
    let objects: ObjectStore
    private(set) var kept: [ContainedOriginal] = []

    init(objects: ObjectStore) {
        self.objects = objects
    }

    private final class Writer: ChunkWriter {
        let w: ObjectWriter
        init(_ w: ObjectWriter) { self.w = w }
        func write(_ bytes: UnsafeRawBufferPointer) throws { try w.write(bytes) }
    }

    func keep(name: String, pathInParent: String, mediaType: String,
              write: (any ChunkWriter) throws -> Void) throws -> ContainedOriginal {
        let w = try objects.writer()
        do {
            try write(Writer(w))
            let (digest, size) = try w.commit()
            let c = ContainedOriginal(name: name, pathInParent: pathInParent, mediaType: mediaType, size: size, sha256: digest)
            kept.append(c)
            return c
        } catch {
            w.abandon()
            throw error
        }
    }
}
