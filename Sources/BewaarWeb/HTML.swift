import BewaarModel
/// A piece of HTML. Interpolating a `String` (or anything else but `HTML`) escapes it, so
/// evidence text, names, subjects and file names are always text, never markup.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public var raw: String

    public init(raw: String) { self.raw = raw }
    public init(stringLiteral value: String) { raw = value }
    public init(stringInterpolation: StringInterpolation) { raw = stringInterpolation.raw }
    public var description: String { raw }

    public struct StringInterpolation: StringInterpolationProtocol {
        var raw = ""
        public init(literalCapacity: Int, interpolationCount: Int) { raw.reserveCapacity(literalCapacity + interpolationCount * 16) }
        public mutating func appendLiteral(_ literal: String) { raw += literal }
        public mutating func appendInterpolation(_ html: HTML) { raw += html.raw }
        public mutating func appendInterpolation(_ html: [HTML]) { for h in html { raw += h.raw } }
        public mutating func appendInterpolation(_ text: String) { raw += HTML.escape(text) }
        public mutating func appendInterpolation(_ text: Substring) { raw += HTML.escape(String(text)) }
        public mutating func appendInterpolation(_ text: String?) { raw += HTML.escape(text ?? "") }
        public mutating func appendInterpolation<T: BinaryInteger>(_ n: T) { raw += String(n) }
    }

    /// Escapes text by the one rule shared with the report (``HTMLEscaping/escape(_:)``):
    /// `& < > " '`, control characters and bidi controls made visible.
    public static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// The bidirectional formatting characters (``HTMLEscaping/isBidiControl(_:)``).
    static func isBidiControl(_ s: Unicode.Scalar) -> Bool { HTMLEscaping.isBidiControl(s) }

    /// Escapes text that carries search hits between U+0002 and U+0003 and turns the hits
    /// into `<mark>` after escaping.
    public static func highlighted(_ text: String) -> HTML {
        var out = ""
        var open = false
        var chunk = ""
        for scalar in text.unicodeScalars {
            if scalar.value == 2 || scalar.value == 3 {
                out += escape(chunk)
                chunk = ""
                if scalar.value == 2 && !open { out += "<mark>"; open = true }
                if scalar.value == 3 && open { out += "</mark>"; open = false }
            } else {
                chunk.unicodeScalars.append(scalar)
            }
        }
        out += escape(chunk)
        if open { out += "</mark>" }
        return HTML(raw: out)
    }

    /// Joins pieces.
    public static func join(_ parts: [HTML], separator: HTML = "") -> HTML {
        HTML(raw: parts.map(\.raw).joined(separator: separator.raw))
    }
}

/// Percent-encodes a path segment or query value (for links built from ids and user input).
enum URLText {
    static func encode(_ text: String) -> String {
        var allowed = CharacterSetASCII.unreserved
        allowed.remove(UInt8(ascii: "+"))
        var out = ""
        for b in text.utf8 {
            if allowed.contains(b) { out.unicodeScalars.append(UnicodeScalar(b)) } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

enum CharacterSetASCII {
    static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
