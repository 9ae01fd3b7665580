/// Text equality as SQLite's `COLLATE NOCASE` has it: ASCII letters compare without case, every
/// other byte as it is (`É` and `é` differ). For names compared in Swift after opening, where the
/// SQL compared them with `= ? COLLATE NOCASE` before sealing moved out of SQL.
enum NoCase {
    /// Whether `a` and `b` are equal under `COLLATE NOCASE`.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = a.utf8
        let y = b.utf8
        guard x.count == y.count else { return false }
        return zip(x, y).allSatisfy { fold($0) == fold($1) }
    }

    private static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
