import BewaarDigest

/// Reading a file in chunks, a fresh reader per pass.
enum FileChunks {
    static func forEach(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try FileReader(path: path, bufferSize: 256 * 1024).forEachChunk(body)
    }
}

enum FileReaderHead {
    static func read(_ path: String, count: Int = 4096) throws -> [UInt8] {
        try FileReader(path: path, bufferSize: 4096).read(at: 0, count: count)
    }
}
