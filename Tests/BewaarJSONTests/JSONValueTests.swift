import Testing
import BewaarModel
@testable import BewaarJSON

@Suite struct JSONValueTests {
    @Test func serialisesWithSortedKeysAndNoWhiteSpace() {
        let v = JSONValue.object(["b": .int(2), "a": .array([.null, .bool(true), .string("x")]), "Z": .double(1.5)])
        #expect(v.serialized() == #"{"Z":1.5,"a":[null,true,"x"],"b":2}"#)
    }

    @Test func escapesControlCharactersQuotesAndLineSeparators() {
        let v = JSONValue.string("a\"b\\c\n\u{1B}[31m\u{2028}/é😂")
        #expect(v.serialized() == "\"a\\\"b\\\\c\\n\\u001b[31m\\u2028/é😂\"")
    }

    @Test func parsesWhatItWrites() throws {
        let v = JSONValue.object(["text": .string("Iedereen weet het al… \"echt\"\n😂"), "n": .int(-42), "big": .int(Int64.max),
                                  "nested": .object(["x": .array([.double(0.25), .null])])])
        #expect(try JSONParser.parse(v.serialized()) == v)
    }

    @Test func decodesSurrogatePairsAndRejectsBrokenText() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude02""#) == .string("😂"))
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(#"{"a":1"#) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("[1,]") }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("\"a\u{01}\"") }
    }

    @Test func boundsNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
    }
}
