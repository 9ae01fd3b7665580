/// A few small files as one deterministic zip (fixed times, the order given, mode 0600 for the
/// zip itself): what a web download of several files (an access export's PDF and JSON) uses.
public enum SmallZip {
    /// Writes `entries` (name and bytes, each deflated) to a new zip at `path`.
    public static func write(_ entries: [(name: String, bytes: [UInt8])], to path: String) throws {
        let zip = try ZipWriter(path: path)
        for e in entries { try zip.add(name: e.name, bytes: e.bytes, method: .deflated) }
        try zip.close()
    }
}
