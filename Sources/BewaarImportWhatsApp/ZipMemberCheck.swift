import BewaarImport
import BewaarModel

/// Whether a zip member may be read: no absolute paths, no `..`, no links, no bombs.
enum ZipMemberCheck {
    /// Below this size a high compression ratio is harmless (a text full of spaces).
    static let ratioFloor: UInt64 = 1 << 20

    /// Nil when the member is safe to read; else the reason (Dutch) and a code.
    static func refusal(path: String, isSymlink: Bool, compressed: UInt64, uncompressed: UInt64,
                        limits: ImportLimits) -> (String, String)? {
        if isSymlink { return ("een koppeling (symlink)", "zip-symlink") }
        switch MemberPath.problem(path, .unpacking) {
        case .absolute: return ("een absoluut pad", "zip-absolute-path")
        case .parentSegment: return ("een pad met '..'", "zip-path-traversal")
        default: break
        }
        if uncompressed > UInt64(limits.maxMemberBytes) { return ("groter dan \(limits.maxMemberBytes) bytes", "zip-member-too-large") }
        if uncompressed > ratioFloor, uncompressed / max(compressed, 1) > UInt64(limits.maxCompressionRatio) {
            return ("een compressieverhouding boven \(limits.maxCompressionRatio):1 (zip-bom?)", "zip-compression-ratio")
        }
        return nil
    }
}
