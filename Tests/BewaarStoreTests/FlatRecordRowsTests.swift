import Foundation
import Testing
import BewaarModel
import BewaarJSON
@testable import BewaarStore

/// Issue 16: a record handed over flat (a Messenger page's, ``FlatRecord``) gets the row the same
/// record as a `Message` gets: its format fields' JSON kept as `rest`, attachments put in front.
@Suite struct FlatRecordRowsTests {
    static let photo = Attachment(name: "photos/1 \"a\".jpg", mediaType: "image/jpeg")

    /// Records with and without attachments, format fields that sort before and after
    /// `attachments`, none at all, and an escaped first key.
    static let messages: [Message] = {
        let t = Timestamp(date: Date(timeIntervalSince1970: 1_772_478_300), utcOffsetSeconds: 3600)
        let extras: [[String: JSONValue]] = [
            [:], ["platform": .string("messenger"), "thread": .null], ["account": .string("x"), "platform": .string("messenger")],
            ["b\"c": .string("y")], ["\u{1}": .int(1)], ["zz": .array([.string("😂")])],
        ]
        var all: [Message] = []
        for extra in extras {
            for attachments in [[], [photo], [photo, Attachment(name: "v.mp4")]] {
                all.append(
                    Message(
                        timestamp: t, author: "Zoë Smit", text: attachments.isEmpty ? "hoi" : "", kind: attachments.isEmpty ? .message : .media,
                        attachments: attachments, origin: Origin(line: nil, offset: 7, length: 30), extra: extra))
            }
        }
        return all
    }()

    @Test(arguments: [false, true])
    func aFlatRecordsRowIsItsMessagesRow(sealed: Bool) throws {
        let sealing = sealed ? RecordSealing(key: CaseKey.random()) : nil
        for m in Self.messages {
            let flat = try #require(FlatRecord(m))
            #expect(flat.message == m)
            var a = RecordRows(capacity: 1, sealing: sealing)
            var b = RecordRows(capacity: 1, sealing: sealing)
            a.append(flat)
            b.append(m)
            #expect(a.bytes == b.bytes, "\(m.extra) \(m.attachments.count)")
            #expect(a.entries.map { "\($0)" } == b.entries.map { "\($0)" })
        }
    }

    @Test func theRestOfAFlatRecordIsTheMessagesRest() throws {
        var composed = 0
        for m in Self.messages {
            let flat = try #require(FlatRecord(m))
            let expected = StoredRecord.rest(of: m).map { Array($0.utf8) }
            if let rest = StoredRecord.rest(of: flat) {
                composed += 1
                #expect(rest.count <= 2 ? expected == nil : rest == expected)
            }
        }
        // With attachments, a first key before `attachments` (`account`) or an escaped one (two
        // of them) goes the long way: 3 format fields × 2 records with attachments.
        #expect(composed == Self.messages.count - 6)
    }
}
