/// The texts of the children of the message block being read, as UTF-8 bytes. Their buffers are
/// kept from block to block (a page has hundreds of thousands of blocks of three to five children).
struct MetaHTMLBlockChildren {
    private var texts: [[UInt8]] = []
    /// How many children the block has so far.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }
    var indices: Range<Int> { 0..<count }

    /// A new block: no children (their buffers stay for the next).
    mutating func removeAll() { count = 0 }

    /// The block's next child, with no text yet.
    mutating func addChild() {
        if count == texts.count {
            texts.append([])
        } else {
            texts[count].removeAll(keepingCapacity: true)
        }
        count += 1
    }

    /// Adds bytes to the last child's text (nothing when there is no child yet).
    mutating func appendToLast(_ bytes: UnsafeBufferPointer<UInt8>) {
        if count > 0 { texts[count - 1].append(contentsOf: bytes) }
    }

    /// Adds a byte to the last child's text (nothing when there is no child yet).
    mutating func appendToLast(_ byte: UInt8) {
        if count > 0 { texts[count - 1].append(byte) }
    }

    subscript(k: Int) -> [UInt8] {
        get { texts[k] }
        _modify { yield &texts[k] }
    }

    /// The texts as strings (invalid UTF-8 repaired).
    var strings: [String] { texts[0..<count].map { String(decoding: $0, as: UTF8.self) } }
}
