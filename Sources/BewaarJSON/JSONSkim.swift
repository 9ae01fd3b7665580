import BewaarModel

/// Walks JSON bytes without building values: the members of an object and the elements of an
/// array are found by skipping everything in between (strings with their escapes, numbers,
/// literals, nested containers, counted without recursion). For readers that need a few small
/// fields of a large document — they parse just those with ``JSONParser``. Skipped parts are
/// not validated; a document whose outline is broken gives nil.
public struct JSONSkim {
    public let bytes: UnsafeBufferPointer<UInt8>

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The first index at or after `i` that is not white space.
    public func skipSpace(_ i: Int) -> Int {
        var i = i
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return i
    }

    /// The end (exclusive) of the string whose opening quote is at `i`.
    private func stringEnd(_ i: Int) -> Int? {
        var j = i + 1
        while j < bytes.count {
            switch bytes[j] {
            case 0x22: return j + 1
            case 0x5C: j += 2
            default: j += 1
            }
        }
        return nil
    }

    /// The end (exclusive) of the value that starts at `i` (after white space), or nil.
    public func valueEnd(_ i: Int) -> Int? {
        var j = skipSpace(i)
        guard j < bytes.count else { return nil }
        switch bytes[j] {
        case 0x22: return stringEnd(j)
        case 0x7B, 0x5B:
            var depth = 0
            while j < bytes.count {
                switch bytes[j] {
                case 0x22:
                    guard let e = stringEnd(j) else { return nil }
                    j = e
                    continue
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 0 { return j + 1 }
                default: break
                }
                j += 1
            }
            return nil
        default:
            // A number or literal: up to the next delimiter.
            let start = j
            while j < bytes.count, !(bytes[j] == 0x2C || bytes[j] == 0x7D || bytes[j] == 0x5D || bytes[j] == 0x20
                                     || bytes[j] == 0x0A || bytes[j] == 0x0D || bytes[j] == 0x09) { j += 1 }
            return j > start ? j : nil
        }
    }

    /// Calls `body` with each member of the object at `i`: its key (decoded) and the byte range
    /// of its value. Returns the end of the object, or nil when it is not one.
    @discardableResult
    public func members(ofObjectAt i: Int, _ body: (String, Range<Int>) throws -> Void) rethrows -> Int? {
        try rawMembers(ofObjectAt: i) { key, range in try body(String(decoding: key, as: UTF8.self), range) }
    }

    /// Like ``members(ofObjectAt:_:)``, for hot loops: each key is handed over as its raw UTF-8
    /// bytes (no `String` made; a key with escapes is decoded first), then its value's range.
    @discardableResult
    public func rawMembers(ofObjectAt i: Int, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) throws -> Void) rethrows -> Int? {
        var j = skipSpace(i)
        guard j < bytes.count, bytes[j] == 0x7B else { return nil }
        j = skipSpace(j + 1)
        if j < bytes.count, bytes[j] == 0x7D { return j + 1 }
        while j < bytes.count {
            guard bytes[j] == 0x22, let keyEnd = stringEnd(j) else { return nil }
            let raw = UnsafeBufferPointer(rebasing: bytes[(j + 1)..<(keyEnd - 1)])
            var decoded: String?
            if raw.contains(0x5C) {
                guard case .string(let k)? = try? JSONParser.parse(bytes: Array(bytes[j..<keyEnd])) else { return nil }
                decoded = k
            }
            j = skipSpace(keyEnd)
            guard j < bytes.count, bytes[j] == 0x3A else { return nil }
            let valueStart = skipSpace(j + 1)
            guard let valueEnd = valueEnd(valueStart) else { return nil }
            if var key = decoded {
                try key.withUTF8 { try body($0, valueStart..<valueEnd) }
            } else {
                try body(raw, valueStart..<valueEnd)
            }
            j = skipSpace(valueEnd)
            guard j < bytes.count else { return nil }
            if bytes[j] == 0x7D { return j + 1 }
            guard bytes[j] == 0x2C else { return nil }
            j = skipSpace(j + 1)
        }
        return nil
    }

    /// Walks the array at `i` once: `body` gets where each element starts and returns where it
    /// ends (or nil when it cannot tell), so a caller that reads the element anyway does not
    /// skim it twice. Returns the end of the array, or nil when it is not one.
    @discardableResult
    public func elements(ofArrayAt i: Int, walking body: (Int) throws -> Int?) rethrows -> Int? {
        var j = skipSpace(i)
        guard j < bytes.count, bytes[j] == 0x5B else { return nil }
        j = skipSpace(j + 1)
        if j < bytes.count, bytes[j] == 0x5D { return j + 1 }
        while j < bytes.count {
            guard let end = try body(j) else { return nil }
            j = skipSpace(end)
            guard j < bytes.count else { return nil }
            if bytes[j] == 0x5D { return j + 1 }
            guard bytes[j] == 0x2C else { return nil }
            j = skipSpace(j + 1)
        }
        return nil
    }

    /// The integer in `range`: a plain literal (`-`? digits) read directly, anything else
    /// (`1.0`, `1e3`) through ``JSONParser``; nil when it is not an exact integer.
    public func integer(_ range: Range<Int>) -> Int64? {
        var k = range.lowerBound
        let negative = k < range.upperBound && bytes[k] == 0x2D
        if negative { k += 1 }
        let digits = range.upperBound - k
        if digits >= 1 && digits <= 18 && !(digits > 1 && bytes[k] == 0x30) {
            var v: Int64 = 0
            var plain = true
            while k < range.upperBound {
                let d = bytes[k] &- 0x30
                if d > 9 { plain = false; break }
                v = v * 10 + Int64(d)
                k += 1
            }
            if plain { return negative ? -v : v }
        }
        return parse(range)?.intValue
    }

    /// Calls `body` with the byte range of each element of the array at `i`. Returns the end of
    /// the array, or nil when it is not one.
    @discardableResult
    public func elements(ofArrayAt i: Int, _ body: (Range<Int>) throws -> Void) rethrows -> Int? {
        var j = skipSpace(i)
        guard j < bytes.count, bytes[j] == 0x5B else { return nil }
        j = skipSpace(j + 1)
        if j < bytes.count, bytes[j] == 0x5D { return j + 1 }
        while j < bytes.count {
            guard let end = valueEnd(j) else { return nil }
            try body(j..<end)
            j = skipSpace(end)
            guard j < bytes.count else { return nil }
            if bytes[j] == 0x5D { return j + 1 }
            guard bytes[j] == 0x2C else { return nil }
            j = skipSpace(j + 1)
        }
        return nil
    }

    /// The value in `range`, parsed.
    public func parse(_ range: Range<Int>) -> JSONValue? {
        try? JSONParser.parse(bytes: Array(bytes[range]))
    }
}
