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

    /// The hot-loop forms (raw keys, one walk per element, integers read in place) find what
    /// the parser finds.
    @Test func integersAreReadAsTheParserReadsThem() throws {
        for literal in ["0", "-0", "12", "-3", "007", "1.0e1", "1.5", "99999999999999999999", "true", "\"7\""] {
            let bytes = Array(literal.utf8)
            let viaParser = (try? JSONParser.parse(bytes: bytes))?.intValue
            bytes.withUnsafeBufferPointer { b in
                #expect(JSONSkim(b).integer(0..<b.count) == viaParser, "\(literal)")
            }
        }
    }

    @Test func rawMembersAndWalkingAndIntegersMatchTheParser() throws {
        let text = #"[{"o\u0072igin":{"offset":12,"length":1.0e1},"x":[1,{"a":"}"}]}, 7, {"origin":{"offset":-3,"length":"7"}}]"#
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            let skim = JSONSkim(b)
            var starts: [Int] = []
            var origins: [(Int64?, Int64?)] = []
            let end = skim.elements(ofArrayAt: 0) { start in
                starts.append(start)
                var origin: Range<Int>?
                let e = skim.rawMembers(ofObjectAt: start) { key, value in
                    if String(decoding: key, as: UTF8.self) == "origin" { origin = value }
                } ?? skim.valueEnd(start)
                if let origin {
                    var offset: Int64?, length: Int64?
                    skim.rawMembers(ofObjectAt: origin.lowerBound) { key, value in
                        let k = String(decoding: key, as: UTF8.self)
                        if k == "offset" { offset = skim.integer(value) } else if k == "length" { length = skim.integer(value) }
                    }
                    origins.append((offset, length))
                }
                return e
            }
            #expect(end == bytes.count)
            #expect(starts.count == 3)
            #expect(origins.count == 2)
            #expect(origins.first?.0 == 12 && origins.first?.1 == 10)   // an escaped key, and 1.0e1 through the parser
            #expect(origins.last?.0 == -3 && origins.last?.1 == nil)    // a string is not a length
        }
    }
}
