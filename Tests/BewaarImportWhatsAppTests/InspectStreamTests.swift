import Foundation
import Testing
import BewaarModel
import BewaarJSON
import BewaarImport
import BewaarKit
@testable import BewaarImportWhatsApp

/// `inspect --json` streams records without a JSON tree: the bytes must be exactly those of the
/// contract's `JSONValue` serialisation.
@Suite struct InspectStreamTests {
    @Test func streamedBytesEqualTheTree() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let zip = dir.appendingPathComponent("WhatsApp Chat - Klas 2B.zip")
        var chat = ChatZipTests.chat
        chat += "[14-11-2023 21:12:00] Daan Jansen: \"quote\" \\ tab\there \u{2028} \u{1B} 👩‍👩‍👧 <Dit bericht is bewerkt>\r\n"
        chat += "[14-11-2023 21:13:00] Daan Jansen: PEILING:\nWie?\nOPTIE: Sanne (2 stemmen)\r\n"
        try ZipFixture.write([.file("_chat.txt", Array(chat.utf8)), .file("00000014-PHOTO-2023-11-14-21-08-00.jpg", ChatZipTests.photo)], to: zip)
        let inspection = try Inspector.inspect(path: zip.path)
        var streamed: [UInt8] = []
        inspection.writeJSON { streamed += $0 }
        let tree = inspection.json.serialized()
        #expect(String(decoding: streamed, as: UTF8.self) == tree)
        #expect(tree.contains("\\u2028"))
        #expect(tree.contains("\\u001b"))
        // Small chunks give the same bytes.
        var chunks = 0
        var small: [UInt8] = []
        inspection.result.writeInspectJSON(source: inspection.source, additional: ["detection": inspection.json["detection"]!], chunkSize: 64) {
            small += $0
            chunks += 1
        }
        #expect(small == streamed)
        #expect(chunks > 2)
    }

    @Test func timestampsFormatLikeBefore() {
        #expect(Timestamp(date: Date(timeIntervalSince1970: 1_700_000_000.25), utcOffsetSeconds: 3600).rfc3339 == "2023-11-14T23:13:20.250+01:00")
        #expect(Timestamp(date: Date(timeIntervalSince1970: 0), utcOffsetSeconds: -16200).rfc3339 == "1969-12-31T19:30:00-04:30")
        #expect(Timestamp(date: Date(timeIntervalSince1970: 0), utcOffsetSeconds: 0).rfc3339 == "1970-01-01T00:00:00Z")
    }
}

/// The byte-level string escaping gives what the per-character rules say, for every ASCII byte
/// at every position in an eight-byte block.
@Suite struct JSONEscapeTests {
    static func reference(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func everyAsciiByteAtEveryOffset() {
        for offset in 0..<9 {
            for v in 0..<0x80 {
                let s = String(repeating: "a", count: offset) + String(UnicodeScalar(UInt8(v))) + "bcdefghijklmnop"
                #expect(JSONValue.string(s).serialized() == Self.reference(s))
            }
        }
        let mixed = "Daan: \u{2028}x\u{2029}é😀👩‍👩‍👧\u{200E}\u{202F}PM \"q\" \\ end\u{7F}"
        #expect(JSONValue.string(mixed).serialized() == Self.reference(mixed))
    }
}
