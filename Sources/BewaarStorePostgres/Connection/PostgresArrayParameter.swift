import NIOCore
import PostgresNIO

/// One array parameter of a statement in PostgreSQL's binary array format, built element by
/// element: one dimension, from 1, any element may be NULL.
///
/// Why not postgres-nio's own `[Element]` (1.33.2, `Array+PostgresCodable.swift`): `Optional` is
/// not `PostgresArrayEncodable`, so an array with NULL elements cannot be written with it at all,
/// and its header always says "no NULLs". PostgreSQL's `array_recv` reads an element of length
/// -1 as NULL whatever that flag says; this type sets the flag right anyway. Appending straight
/// into one byte array also spares a `ByteBuffer` per `bytea` element.
struct PostgresArrayParameter: PostgresDynamicTypeEncodable {
    /// The array's type (`int8[]`, …) and its elements' type (`int8`, …).
    let psqlType: PostgresDataType
    let elementType: PostgresDataType
    var psqlFormat: PostgresFormat { .binary }
    /// How many elements, NULLs included.
    private(set) var count = 0
    private(set) var hasNull = false
    /// The elements, each as its length (-1 for NULL) and its bytes, big-endian. A plain byte
    /// array, written to the statement's buffer in one go: `ByteBuffer.writeInteger` per element
    /// was most of the client's time in a debug build.
    private var elements: [UInt8] = []

    init(_ elementType: PostgresDataType, array: PostgresDataType, capacity: Int = 1024) {
        self.elementType = elementType
        psqlType = array
        elements.reserveCapacity(capacity)
    }

    static func int8(capacity: Int) -> Self { Self(.int8, array: .int8Array, capacity: capacity * 12) }
    static func int4(capacity: Int) -> Self { Self(.int4, array: .int4Array, capacity: capacity * 8) }
    static func float8(capacity: Int) -> Self { Self(.float8, array: .float8Array, capacity: capacity * 12) }
    static func text(capacity: Int) -> Self { Self(.text, array: .textArray, capacity: capacity * 16) }
    static func bytea(capacity: Int) -> Self { Self(.bytea, array: .byteaArray, capacity: capacity * 64) }

    private mutating func put(_ value: UInt32) {
        elements.append(UInt8(truncatingIfNeeded: value >> 24))
        elements.append(UInt8(truncatingIfNeeded: value >> 16))
        elements.append(UInt8(truncatingIfNeeded: value >> 8))
        elements.append(UInt8(truncatingIfNeeded: value))
    }

    private mutating func put(_ value: UInt64) {
        put(UInt32(truncatingIfNeeded: value >> 32))
        put(UInt32(truncatingIfNeeded: value))
    }

    mutating func appendNull() {
        put(UInt32(bitPattern: -1))
        count += 1
        hasNull = true
    }

    mutating func append(_ value: Int64) {
        put(UInt32(8))
        put(UInt64(bitPattern: value))
        count += 1
    }

    mutating func append(_ value: Int32) {
        put(UInt32(4))
        put(UInt32(bitPattern: value))
        count += 1
    }

    mutating func append(_ value: Double) {
        put(UInt32(8))
        put(value.bitPattern)
        count += 1
    }

    mutating func append(_ bytes: [UInt8]) {
        put(UInt32(bytes.count))
        elements.append(contentsOf: bytes)
        count += 1
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            put(UInt32(utf8.count))
            elements.append(contentsOf: utf8)
        }
        count += 1
    }

    mutating func append(_ value: Int64?) { if let value { append(value) } else { appendNull() } }
    mutating func append(_ value: Double?) { if let value { append(value) } else { appendNull() } }
    mutating func append(_ bytes: [UInt8]?) { if let bytes { append(bytes) } else { appendNull() } }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        guard count > 0 else {
            // An empty array has no dimensions.
            buffer.writeInteger(0, as: Int32.self)
            buffer.writeInteger(0, as: Int32.self)
            buffer.writeInteger(elementType.rawValue)
            return
        }
        buffer.writeInteger(1, as: Int32.self)  // dimensions
        buffer.writeInteger(hasNull ? 1 : 0, as: Int32.self)
        buffer.writeInteger(elementType.rawValue)
        buffer.writeInteger(Int32(count))  // length of the one dimension
        buffer.writeInteger(1, as: Int32.self)  // its lower bound
        buffer.writeBytes(elements)
    }
}
