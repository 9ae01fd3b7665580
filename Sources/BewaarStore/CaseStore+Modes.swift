#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file or folder in the store that its group or others may read, write or enter: data about
/// minors open to more than the account that runs Bewaar.
public struct LooseMode: Sendable, Hashable {
    public var path: String
    /// The permission bits found, e.g. 0o644.
    public var mode: UInt16
    public var isFolder: Bool

    public init(path: String, mode: UInt16, isFolder: Bool) {
        self.path = path
        self.mode = mode
        self.isFolder = isFolder
    }

    /// The mode to set: the owner's bits kept, the group's and others' removed (0644 → 0600,
    /// 0755 → 0700, a read-only original 0444 → 0400).
    public var privateMode: UInt16 { mode & 0o700 }

    /// `mode` as `chmod` and `ls` people read it: `0644`.
    public var octal: String { Self.octal(mode, width: 4) }

    /// The `chmod` argument that makes it private: `600`.
    public var privateOctal: String { Self.octal(privateMode, width: 3) }

    static func octal(_ mode: UInt16, width: Int) -> String {
        let s = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

extension CaseStore {
    /// Every file and folder in the store, the store folder itself included, whose mode gives
    /// the group or others any permission, sorted by path. Links are not followed (their own
    /// mode means nothing). Changes nothing: `bewaar check` reports these as warnings.
    public func looseModes() -> [LooseMode] {
        var found: [LooseMode] = []
        func look(_ full: String) -> Bool {
            var st = stat()
            guard lstat(full, &st) == 0 else { return false }
            let type = st.st_mode & S_IFMT
            if type == S_IFLNK { return false }
            let bits = UInt16(st.st_mode & 0o777)
            if bits & 0o077 != 0 { found.append(LooseMode(path: full, mode: bits, isFolder: type == S_IFDIR)) }
            return type == S_IFDIR
        }
        guard look(path), let walk = FileManager.default.enumerator(atPath: path) else { return found }
        while let rel = walk.nextObject() as? String {
            _ = look(path + "/" + rel)
        }
        return found.sorted { $0.path < $1.path }
    }
}
