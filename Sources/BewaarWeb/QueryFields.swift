import Foundation
import Hummingbird

/// The fields of a page's query string (`?q=…&pagina=2`). Forms that change something are
/// posted and read with Hummingbird's `URLEncodedFormDecoder` (``WebApp/form(_:_:as:)``); a
/// query is read here instead, leniently, because
/// - a browser sends a GET form's spaces as `+`, which `Request.uri.queryParameters` keeps;
/// - a link with a field twice (hand-edited, an old bookmark) still opens its page, with the
///   first value, where the decoder refuses the whole query;
/// - the timeline carries its whole query on, every field and value in a stable order, into its
///   pager and into the way back after marking (``WebApp/query(_:keeping:)``).
struct QueryFields: Sendable {
    var values: [String: [String]] = [:]

    /// The query of `request` (none: no fields).
    init(of request: Request) {
        self.init(request.uri.query ?? "")
    }

    init(_ encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(kv[0])
            let value = kv.count > 1 ? Self.decode(kv[1]) : ""
            values[key, default: []].append(value)
        }
    }

    subscript(_ key: String) -> String? { values[key]?.first }

    /// The value trimmed, or nil when missing or blank.
    func text(_ key: String) -> String? {
        guard let v = self[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }

    static func decode(_ s: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "+") { bytes.append(0x20) } else if b == UInt8(ascii: "%"), it.count >= 2,
                let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                it = it.dropFirst(2)
            } else { bytes.append(b) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
