#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An attribute of an element as libxml2 read it (name lower-cased, entities decoded).
public struct HTMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The attributes of the element being opened, read lazily from libxml2 (no strings are made
/// for attributes nobody asks for). Only valid during the ``HTMLEventHandler/startElement``
/// call that receives it: never store it.
public struct HTMLAttributes {
    let pairs: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    /// The value of attribute `name` (lower case), entities decoded; nil when absent.
    public subscript(name: String) -> String? {
        guard let pairs else { return nil }
        var i = 0
        return name.withCString { want -> String? in
            while let a = pairs[i] {
                if strcmp(UnsafeRawPointer(a).assumingMemoryBound(to: CChar.self), want) == 0 {
                    return pairs[i + 1].map { String(cString: $0) } ?? ""
                }
                i += 2
            }
            return nil
        }
    }

    /// The words of an attribute value (e.g. a class list), asked for several tokens after one
    /// look-up, without a `String`.
    public struct Words {
        let value: UnsafeBufferPointer<UInt8>

        /// Whether `token` is one of the space-separated words.
        public func contains(_ token: StaticString) -> Bool {
            let t = UnsafeBufferPointer(start: token.utf8Start, count: token.utf8CodeUnitCount)
            let n = value.count, m = t.count
            guard m > 0, n >= m else { return false }
            var i = 0
            while i + m <= n {
                if (i == 0 || Self.isSpace(value[i - 1])) && (i + m == n || Self.isSpace(value[i + m])) {
                    var k = 0
                    while k < m && value[i + k] == t[k] { k += 1 }
                    if k == m { return true }
                }
                i += 1
            }
            return false
        }

        /// Words are separated by a space (U+0020) only, as ``words(_:)`` has always matched classes.
        private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 }
    }

    /// The words of attribute `name` (lower case); empty when it is absent. Valid only during
    /// the ``HTMLEventHandler/startElement`` call, like the attributes.
    public func words(_ name: StaticString) -> Words {
        guard let pairs else { return Words(value: UnsafeBufferPointer(start: nil, count: 0)) }
        // Compared by length, then the name's end: a StaticString need not end in a NUL.
        let want = UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
        let count = name.utf8CodeUnitCount
        var i = 0
        while let a = pairs[i] {
            if strncmp(UnsafeRawPointer(a).assumingMemoryBound(to: CChar.self), want, count) == 0 && a[count] == 0 {
                guard let v = pairs[i + 1] else { break }
                let length = strlen(UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self))
                return Words(value: UnsafeBufferPointer(start: v, count: length))
            }
            i += 2
        }
        return Words(value: UnsafeBufferPointer(start: nil, count: 0))
    }

    /// Whether any attribute name starts with `prefix` (e.g. `on` for event handlers); counts them.
    public func count(namesWithPrefix prefix: String) -> Int {
        guard let pairs else { return 0 }
        var i = 0, n = 0
        prefix.withCString { p in
            let len = strlen(p)
            while let a = pairs[i] {
                if strncmp(UnsafeRawPointer(a).assumingMemoryBound(to: CChar.self), p, len) == 0 { n += 1 }
                i += 2
            }
        }
        return n
    }

    /// Every attribute, in order.
    public var all: [HTMLAttribute] {
        guard let pairs else { return [] }
        var out: [HTMLAttribute] = []
        var i = 0
        while let a = pairs[i] {
            out.append(HTMLAttribute(name: String(cString: a), value: pairs[i + 1].map { String(cString: $0) } ?? ""))
            i += 2
        }
        return out
    }
}

/// Receives a page as a stream of events, in document order, without a tree in memory.
/// Offsets are byte offsets into the original bytes (before any transcoding).
public protocol HTMLEventHandler: AnyObject {
    /// An element opens. `offset` is where its start tag begins and `tagLength` its length;
    /// for an element libxml2 implied (no tag in the source) `tagLength` is 0.
    func startElement(_ name: String, attributes: HTMLAttributes, offset: Int64, tagLength: Int64)
    /// An element closes; `end` is the offset just past its end tag, or past its last content
    /// when the end was implied.
    func endElement(_ name: String, end: Int64)
    /// Character data (entities decoded). Comes in pieces; adjacent calls belong together.
    func text(_ text: String)
    /// The same character data as UTF-8 bytes, valid only during the call: a handler that
    /// collects bytes implements this and saves a `String` per text node. The default makes
    /// the `String` and calls ``text(_:)``.
    func text(utf8: UnsafeBufferPointer<UInt8>)
    /// Script or style content: never shown, never run; offered so a handler can count it.
    func rawText(_ text: String)
    /// A comment with its span.
    func comment(_ text: String, offset: Int64, length: Int64)
    /// The input ended while this element was open (no end tag: a page cut short); its
    /// ``endElement(_:end:)`` follows.
    func elementLeftOpen(_ name: String)
}

extension HTMLEventHandler {
    public func text(utf8: UnsafeBufferPointer<UInt8>) { text(String(decoding: utf8, as: UTF8.self)) }
    public func rawText(_ text: String) {}
    public func comment(_ text: String, offset: Int64, length: Int64) {}
    public func elementLeftOpen(_ name: String) {}
}
