/// Undoes a part's Content-Transfer-Encoding in chunks through one reused buffer, so an
/// attachment is hashed and stored without being held whole.
public enum PartDecoder {
    /// How many encoded bytes are decoded at a time.
    public static let chunk = 256 * 1024

    /// What went wrong while decoding.
    public struct Report: Sendable, Hashable {
        /// Bytes outside the base64 alphabet that were skipped.
        public var base64Junk = 0
        /// Whether the base64 text ended inside a group.
        public var base64Truncated = false
        /// A transfer encoding not known (the bytes are passed through as they are).
        public var unknownEncoding: String?

        public init() {}
    }

    /// Calls `emit` with the decoded bytes of `b[start..<end]` in order.
    public static func decode(_ b: UnsafeBufferPointer<UInt8>, start: Int, end: Int, encoding: String,
                       scratch: inout [UInt8], emit: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows -> Report {
        var report = Report()
        switch encoding {
        case "base64":
            var d = Base64Stream()
            var i = start
            while i < end {
                let e = min(end, i + chunk)
                scratch.removeAll(keepingCapacity: true)
                d.decode(UnsafeBufferPointer(rebasing: b[i..<e]), into: &scratch)
                if !scratch.isEmpty { try scratch.withUnsafeBufferPointer { try emit($0) } }
                i = e
            }
            scratch.removeAll(keepingCapacity: true)
            d.finish(into: &scratch)
            if !scratch.isEmpty { try scratch.withUnsafeBufferPointer { try emit($0) } }
            report.base64Junk = d.junk
            report.base64Truncated = d.truncated
        case "quoted-printable":
            var q = QuotedPrintable()
            var i = start
            while i < end {
                let e = min(end, i + chunk)
                scratch.removeAll(keepingCapacity: true)
                q.decode(UnsafeBufferPointer(rebasing: b[i..<e]), into: &scratch)
                if !scratch.isEmpty { try scratch.withUnsafeBufferPointer { try emit($0) } }
                i = e
            }
            scratch.removeAll(keepingCapacity: true)
            q.finish(into: &scratch)
            if !scratch.isEmpty { try scratch.withUnsafeBufferPointer { try emit($0) } }
        default:
            if !["7bit", "8bit", "binary", ""].contains(encoding) { report.unknownEncoding = encoding }
            var i = start
            while i < end {
                let e = min(end, i + chunk)
                try emit(UnsafeBufferPointer(rebasing: b[i..<e]))
                i = e
            }
        }
        return report
    }

    /// The decoded bytes of a part, whole (for text bodies).
    public static func decodeAll(_ b: UnsafeBufferPointer<UInt8>, start: Int, end: Int, encoding: String) -> ([UInt8], Report) {
        var out = [UInt8]()
        out.reserveCapacity(end - start)
        var scratch = [UInt8]()
        let r = decode(b, start: start, end: end, encoding: encoding, scratch: &scratch) { out.append(contentsOf: $0) }
        return (out, r)
    }
}
