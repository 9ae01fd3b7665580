/// The one rule for the names of members inside archives: a pupil's WhatsApp zip, a bundle's
/// zip, the paths in a BagIt bag. Evidence is hostile, so a name must never reach outside the
/// folder it is unpacked into. Three profiles of one check, each stricter than the one before:
///
/// - ``Profile/unpacking``: what an importer refuses before reading a member: an absolute
///   path (`/x`, `\x`, `C:x`) or a `..` segment (`/` and `\` both separate).
/// - ``Profile/zipEntry``: what the bundle's strict zip reader accepts: also no empty or `.`
///   segments (a trailing `/` of a folder excepted), no backslash, colon or control character.
/// - ``Profile/bagPayload``: a path in a bag: also no trailing `/`, and only `[A-Za-z0-9._-]`
///   in every segment, so every BagIt tool and every file system reads it the same.
public enum MemberPath {
    /// How strict the check is.
    public enum Profile: Sendable, Hashable {
        case unpacking
        case zipEntry
        case bagPayload
    }

    /// What makes a name unsafe, the first found in this order.
    public enum Problem: Sendable, Hashable {
        case empty
        case absolute
        case parentSegment
        case emptyOrDotSegment
        case forbiddenCharacter
    }

    /// Whether `path` is safe under `profile`.
    public static func isSafe(_ path: String, _ profile: Profile) -> Bool { problem(path, profile) == nil }

    /// Why `path` is unsafe under `profile`, or nil.
    public static func problem(_ path: String, _ profile: Profile) -> Problem? {
        let u = Array(path.utf8)
        if u.isEmpty { return profile == .unpacking ? nil : .empty }
        if u[0] == 0x2F || u[0] == 0x5C || (u.count >= 2 && u[1] == 0x3A) { return .absolute }
        let segments = u.split(omittingEmptySubsequences: false) { $0 == 0x2F || $0 == 0x5C }
        if segments.contains(where: { $0.elementsEqual([0x2E, 0x2E]) }) { return .parentSegment }
        if profile == .unpacking { return nil }
        var inner = segments[...]
        if profile == .zipEntry, u.last == 0x2F { inner = inner.dropLast() }
        if inner.contains(where: { $0.isEmpty || $0.elementsEqual([0x2E]) }) { return .emptyOrDotSegment }
        for b in u {
            switch profile {
            case .zipEntry:
                if b < 0x20 || b == 0x7F || b == 0x5C || b == 0x3A { return .forbiddenCharacter }
            case .bagPayload:
                let portable = (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
                    || b == 0x2E || b == 0x5F || b == 0x2D || b == 0x2F
                if !portable { return .forbiddenCharacter }
            case .unpacking:
                break
            }
        }
        return nil
    }
}
