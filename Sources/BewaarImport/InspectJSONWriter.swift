import BewaarModel
import BewaarJSON

/// Writes the compact `inspect --json` object while records stream in: the keys before
/// `messages` at ``begin(_:)``, each record as it comes, the rest at ``finish(_:)``. The bytes
/// equal ``ImportResult/writeInspectJSON(source:additional:chunkSize:emit:)`` of the whole result.
public final class InspectJSONWriter: RecordJSONSink {
    /// The file being inspected; its digest may be filled in any time before ``finish(_:)``
    /// (`source` sorts after `messages`).
    public var source: ImportSource
    private let additional: [String: JSONValue]
    private let chunkSize: Int
    private let emit: ([UInt8]) throws -> Void
    private var out: [UInt8] = []
    private var records = 0
    private var headKeys: [String] = []
    /// Whether ``begin(_:)`` ran (after it, a failed import cannot be written as a whole result).
    public private(set) var begun = false

    public init(source: ImportSource, additional: [String: JSONValue] = [:], chunkSize: Int = 1 << 20,
                emit: @escaping ([UInt8]) throws -> Void) {
        self.source = source
        self.additional = additional
        self.chunkSize = chunkSize
        self.emit = emit
        out.reserveCapacity(chunkSize + 64 * 1024)
    }

    private func top(_ result: ImportResult) -> [String: JSONValue] {
        guard case .object(var top) = result.inspectJSON(source: source, withMessages: false) else { return [:] }
        for (k, v) in additional { top[k] = v }
        return top
    }

    private static func sortedKeys(_ o: [String: JSONValue]) -> [String] {
        o.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func before(_ key: String) -> Bool { key.utf8.lexicographicallyPrecedes("messages".utf8) }

    public func begin(_ head: ImportResult) throws {
        precondition(!begun, "begin called twice")
        begun = true
        let o = top(head)
        out.append(0x7B)
        headKeys = Self.sortedKeys(o).filter(Self.before)
        for key in headKeys {
            out += JSONValue.string(key).serializedBytes()
            out.append(0x3A)
            out += o[key]!.serializedBytes()
            out.append(0x2C)
        }
        out += JSONValue.string("messages").serializedBytes()
        out.append(0x3A)
        out.append(0x5B)
    }

    public func record(_ message: Message) throws {
        try record { message.writeJSON(into: &$0) }
    }

    public func record(writing write: (inout [UInt8]) -> Void) throws {
        if records > 0 { out.append(0x2C) }
        records += 1
        write(&out)
        if out.count >= chunkSize {
            try emit(out)
            out.removeAll(keepingCapacity: true)
        }
    }

    /// Closes the object with the keys after `messages` from the final result.
    public func finish(_ result: ImportResult) throws {
        if !begun { try begin(result) }
        let o = top(result)
        assert(Self.sortedKeys(o).filter(Self.before) == headKeys, "a key before `messages` appeared after begin")
        out.append(0x5D)
        for key in Self.sortedKeys(o) where key != "messages" && !Self.before(key) {
            out.append(0x2C)
            out += JSONValue.string(key).serializedBytes()
            out.append(0x3A)
            out += o[key]!.serializedBytes()
        }
        out.append(0x7D)
        try emit(out)
        out = []
    }
}
