import BewaarDigest

/// The first bytes and the name of a file: what detection looks at.
public struct FileProbe: Sendable {
    public var name: String
    public var path: String
    public var size: Int64
    /// Up to ``headLength`` bytes from the start (empty for a folder).
    public var head: [UInt8]
    public var isDirectory: Bool

    public static let headLength = 64 * 1024

    public init(name: String, path: String, size: Int64, head: [UInt8], isDirectory: Bool = false) {
        self.name = name
        self.path = path
        self.size = size
        self.head = head
        self.isDirectory = isDirectory
    }

    /// Reads the head of the file at `path`.
    public init(path: String, name: String, size: Int64, isDirectory: Bool) throws {
        var head: [UInt8] = []
        if !isDirectory {
            head = try FileReader(path: path, bufferSize: 4096).read(at: 0, count: FileProbe.headLength)
        }
        self.init(name: name, path: path, size: size, head: head, isDirectory: isDirectory)
    }

    /// The lower-cased extension of the name, without the dot.
    public var fileExtension: String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Whether the head starts with `prefix`.
    public func starts(with prefix: [UInt8], at offset: Int = 0) -> Bool {
        head.count >= offset + prefix.count && Array(head[offset..<(offset + prefix.count)]) == prefix
    }

    /// Whether the file is a zip archive (local file header or empty-archive signature).
    public var isZip: Bool { starts(with: [0x50, 0x4B, 0x03, 0x04]) || starts(with: [0x50, 0x4B, 0x05, 0x06]) }
}
