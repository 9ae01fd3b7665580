import Foundation
import BewaarModel

/// Payload names inside a bag. Only `[A-Za-z0-9._-]` is used, so that every BagIt tool
/// (bagit-python does not implement percent-encoding) and every file system reads them the
/// same; the pupil's own file name is kept in the JSON.
public enum BagNames {
    /// A file-name-safe version of `name`: diacritics dropped, anything else outside
    /// `[A-Za-z0-9._-]` becomes `-`, runs collapsed, no leading dot or dash, at most `limit` bytes.
    public static func safe(_ name: String, limit: Int = 40) -> String {
        let folded = name.applyingTransform(.stripDiacritics, reverse: false) ?? name
        var out: [UInt8] = []
        for b in folded.utf8 {
            let ok = (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x2E || b == 0x5F || b == 0x2D
            let c: UInt8 = ok ? b : 0x2D
            if c == 0x2D, out.last == 0x2D { continue }
            if out.isEmpty, c == 0x2E || c == 0x2D { continue }
            out.append(c)
        }
        while let last = out.last, last == 0x2D || last == 0x2E { out.removeLast() }
        if out.count > limit {
            // Keep the extension when there is one.
            let s = String(decoding: out, as: UTF8.self)
            let ext = (s as NSString).pathExtension
            let keep = ext.isEmpty || ext.utf8.count > 10 ? "" : "." + ext
            out = Array(out.prefix(limit - keep.utf8.count)) + Array(keep.utf8)
            while let last = out.last, last == 0x2D { out.removeLast() }
        }
        return out.isEmpty ? "bestand" : String(decoding: out, as: UTF8.self)
    }

    /// `data/originals/<sha256>-<safe name>`: readable, and carrying the hash.
    public static func original(sha256: SHA256Digest, name: String) -> String {
        "data/originals/\(sha256.hex)-\(safe(name))"
    }

    /// `data/records/item-<id>-<first 16 hex of the sha256>.json`.
    public static func records(itemID: Int64, sha256: SHA256Digest) -> String {
        let n = String(itemID)
        return "data/records/item-" + String(repeating: "0", count: max(0, 4 - n.count)) + n + "-" + sha256.hex.prefix(16) + ".json"
    }

    /// Whether a path may appear in a bag: relative, `/`-separated, no empty, `.` or `..`
    /// segments, only `[A-Za-z0-9._-]` (the one rule: ``MemberPath``, profile `bagPayload`).
    public static func isSafePath(_ path: String) -> Bool { MemberPath.isSafe(path, .bagPayload) }
}
