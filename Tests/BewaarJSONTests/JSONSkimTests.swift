import Testing
import BewaarModel
import BewaarJSON

/// ``JSONSkim`` finds the same members and elements as a full parse, for pretty and compact
/// documents with escapes, nested containers and hostile strings; a broken outline gives nil.
@Suite struct JSONSkimTests {
    static let documents: [JSONValue] = [
        .object([:]),
        .object(["item": .object(["original": .string("data/originals/ab-x.txt"), "size": .int(12)]),
                 "records": .array([
                     .object(["text": .string("\"origin\":{\"offset\":1} ] } [ {"), "origin": .object(["offset": .int(0), "length": .int(4)])]),
                     .object(["extra": .object(["origin": .string("nested, not the record's")]), "origin": .object(["offset": .int(4), "length": .int(8), "part": .string("2")])]),
                     .object(["text": .string("back\\slash \\\" and \u{2028} 😂"), "origin": .null]),
                 ]),
                 "warnings": .array([]), "n": .double(1.5), "t": .bool(true), "z": .null]),
    ]

    @Test func membersAndElementsMatchTheParser() throws {
        for doc in Self.documents {
            for pretty in [false, true] {
                let bytes = doc.serializedBytes(pretty: pretty)
                try bytes.withUnsafeBufferPointer { b in
                    let skim = JSONSkim(b)
                    var seen: [String: JSONValue] = [:]
                    let end = skim.members(ofObjectAt: 0) { key, value in seen[key] = skim.parse(value) }
                    #expect(end == bytes.count)
                    #expect(JSONValue.object(seen) == doc)
                    var records: Range<Int>?
                    skim.members(ofObjectAt: 0) { key, value in if key == "records" { records = value } }
                    guard let records else { return }
                    var elements: [JSONValue] = []
                    #expect(skim.elements(ofArrayAt: records.lowerBound) { elements.append(skim.parse($0)!) } == records.upperBound)
                    #expect(JSONValue.array(elements) == doc["records"])
                    _ = try #require(elements.first)
                }
            }
        }
    }

    @Test func anEscapedKeyIsDecoded() {
        let bytes = Array(#"{"orig\u0069n": 7}"#.utf8)
        bytes.withUnsafeBufferPointer { b in
            var keys: [String] = []
            JSONSkim(b).members(ofObjectAt: 0) { key, _ in keys.append(key) }
            #expect(keys == ["origin"])
        }
    }

    @Test func aBrokenOutlineGivesNil() {
        for text in [#"{"a": 1"#, #"{"a" 1}"#, #"{"a": "open}"#, #"[1, 2"#, #"{"a": 1,, "b": 2}"#, "", "{", #"{"a": [1, {"b": 2]"#] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                let skim = JSONSkim(b)
                let object = skim.members(ofObjectAt: 0) { _, _ in }
                let array = skim.elements(ofArrayAt: 0) { _ in }
                #expect(object == nil && array == nil, "\(text)")
            }
        }
    }
}
