/// An attribute of an element as libxml2 read it (name lower-cased, entities decoded).
public struct HTMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Receives a page as a stream of events, in document order, without a tree in memory.
/// Offsets are byte offsets into the original bytes (before any transcoding).
public protocol HTMLEventHandler: AnyObject {
    /// An element opens. `offset` is where its start tag begins and `tagLength` its length;
    /// for an element libxml2 implied (no tag in the source) `tagLength` is 0.
    func startElement(_ name: String, attributes: [HTMLAttribute], offset: Int64, tagLength: Int64)
    /// An element closes; `end` is the offset just past its end tag, or past its last content
    /// when the end was implied.
    func endElement(_ name: String, end: Int64)
    /// Character data (entities decoded). Comes in pieces; adjacent calls belong together.
    func text(_ text: String)
    /// Script or style content: never shown, never run; offered so a handler can count it.
    func rawText(_ text: String)
    /// A comment with its span.
    func comment(_ text: String, offset: Int64, length: Int64)
}

extension HTMLEventHandler {
    public func rawText(_ text: String) {}
    public func comment(_ text: String, offset: Int64, length: Int64) {}
}
