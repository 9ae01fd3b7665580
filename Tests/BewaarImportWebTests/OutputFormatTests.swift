import Testing
import Foundation
import BewaarModel
import BewaarJSON

/// The faster JSON string writer and timestamp formatter (changed for the benchmark) give the
/// same bytes as before.
@Suite("Output format stays byte-identical")
struct OutputFormatTests {
    @Test func jsonStringEscapes() {
        let v = JSONValue.object(["b": .string("a\"b\\c\nd\re\tf\u{01}\u{1F}\u{7F}g\u{2028}h\u{2029}ië😀/"), "a": .int(1), "é": .null, "Z": .bool(true)])
        #expect(v.serialized() == #"{"Z":true,"a":1,"b":"a\"b\\c\nd\re\tf\u0001\u001f\u007fg\u2028h\u2029ië😀/","é":null}"#)
    }

    @Test func rfc3339Formatting() {
        #expect(Timestamp(date: Date(timeIntervalSince1970: 1709561229), utcOffsetSeconds: 0).rfc3339 == "2024-03-04T14:07:09Z")
        #expect(Timestamp(date: Date(timeIntervalSince1970: 1709561229.5), utcOffsetSeconds: 3600).rfc3339 == "2024-03-04T15:07:09.500+01:00")
        #expect(Timestamp(date: Date(timeIntervalSince1970: 1381000000), utcOffsetSeconds: -25200).rfc3339 == "2013-10-05T12:06:40-07:00")
        #expect(Timestamp(date: Date(timeIntervalSince1970: -62135596800), utcOffsetSeconds: 0).rfc3339 == "0001-01-01T00:00:00Z")
        #expect(Timestamp(date: Date(timeIntervalSince1970: 0), utcOffsetSeconds: 19800).rfc3339 == "1970-01-01T05:30:00+05:30")
    }
}
