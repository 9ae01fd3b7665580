import Foundation
import Testing
@testable import BewaarModel
import BewaarJSON

@Suite struct ModelTests {
    @Test func caseIDsParseAndPrint() throws {
        #expect(CaseID("2026-0001") == CaseID(year: 2026, number: 1))
        #expect(CaseID(year: 2026, number: 12345).description == "2026-12345")
        #expect(CaseID(year: 2026, number: 7).description == "2026-0007")
        for bad in ["2026-1", "26-0001", "2026-00a1", "2026-0000", "2026_0001", "", "2026-0001-1"] {
            #expect(CaseID(bad) == nil, "\(bad)")
        }
    }

    @Test func rolesAcceptDutchAndEnglishSpellings() {
        #expect(Role(parsing: "Vermoedelijke dader") == .vermoedelijkeDader)
        #expect(Role(parsing: "ondersteuningscoördinator") == .ondersteuningscoordinator)
        #expect(Role(parsing: "victim") == .slachtoffer)
        #expect(Role(parsing: "ouder/verzorger") == .ouder)
        #expect(Role(parsing: "koning") == nil)
    }

    @Test func theChecklistHasTheProtocolsSixStepsWithGuidance() {
        let steps = ChecklistStep.fresh
        #expect(steps.map(\.step.rawValue) == [1, 2, 3, 4, 5, 6])
        #expect(steps.allSatisfy { $0.status == .open })
        #expect(CyberpestenStep.bewaren.guidanceNL.contains("afdrukken, selecteren en kopiëren"))
        #expect(CyberpestenStep.daderOpsporen.guidanceNL.contains("systeembeheerder"))
        #expect(CyberpestenStep.doorverwijzenAangifte.guidanceNL.contains("Slachtofferhulp"))
        #expect(CyberpestenStep.blokkeren.fieldKeys.map(\.key) == ["platform", "account"])
        #expect(CyberpestenStep.oudersContact.fieldKeys.map(\.key) == ["ouders", "wanneer", "advies"])
        #expect(CyberpestenStep.doorverwijzenAangifte.yesNoKeys == ["aangifte-geadviseerd", "slachtofferhulp", "klacht-gewenst"])
        #expect(StepStatus(parsing: "n.v.t.") == .nietVanToepassing)
    }

    @Test func aRecordReadFromAScreenshotCarriesItsPixelBox() throws {
        let box = PixelRect(x: 96, y: 1210, width: 702, height: 168)
        let m = Message(
            timestamp: nil, author: "Daan Jansen", text: "niemand wil jou erbij", kind: .message,
            origin: Origin(line: nil, offset: 0, length: 48_213, box: box), extra: ["time": .string("20:14")])
        var fast: [UInt8] = []
        m.writeJSON(into: &fast)
        #expect(String(decoding: fast, as: UTF8.self) == m.json.serialized(), "the streaming writer and the tree give the same bytes")
        #expect(String(decoding: fast, as: UTF8.self).contains(#""origin":{"box":{"height":168,"width":702,"x":96,"y":1210},"length":48213"#))
        #expect(Message(json: try JSONParser.parse(m.json.serialized())) == m)
        // A box that is not four integers makes the origin (and so the record) unreadable.
        let bad = try JSONParser.parse(#"{"offset":0,"length":1,"box":{"x":1,"y":"2","width":3,"height":4}}"#)
        #expect(Origin(json: bad) == nil)
        #expect(box.fits(width: 1170, height: 2532) && !box.fits(width: 780, height: 2532))
        #expect(!PixelRect(x: -1, y: 0, width: 5, height: 5).fits(width: 10, height: 10))
        #expect(!PixelRect(x: 0, y: 0, width: 0, height: 5).fits(width: 10, height: 10), "an empty box is no place")
        let hostile = PixelRect(x: .max - 1, y: .max, width: .max, height: 3)
        #expect(hostile.maxX == .max && !hostile.fits(width: 10, height: 10) && hostile.area == .max)
        #expect(hostile.intersection(PixelRect(x: 0, y: 0, width: 10, height: 10)).isEmpty)
    }

    @Test func aMessageRoundTripsThroughItsJSON() throws {
        let m = Message(timestamp: Timestamp(date: Date(timeIntervalSince1970: 1_772_478_300), utcOffsetSeconds: 3600),
                        author: "Daan Jansen", text: "niemand vroeg jou iets\nga weg", kind: .message,
                        attachments: [Attachment(name: "IMG-20260302-WA0001.jpg", size: 12, sha256: SHA256Digest(hex: String(repeating: "ab", count: 32)))],
                        origin: Origin(line: 9, offset: 420, length: 77), flags: ["edited"], extra: ["thread": .string("Klas 2B")])
        let json = m.json
        #expect(json["timestamp"] == .string("2026-03-02T20:05:00+01:00"))
        #expect(json["origin"]?["line"] == .int(9))
        #expect(Message(json: try JSONParser.parse(json.serialized())) == m)
        let system = Message(timestamp: nil, author: nil, text: "x", kind: .system, origin: Origin(line: nil, offset: 0, length: 1))
        #expect(system.json.serialized().contains(#""author":null"#))
        #expect(system.json.serialized().contains(#""timestamp":null"#))
    }

    @Test func custodyEventsHaveAStableCanonicalEncoding() {
        let e = CustodyEvent(chain: "2026-0001", sequence: 2, time: Date(timeIntervalSince1970: 1_772_478_300.123),
                             actor: "J. Bakker", action: .personAdded, details: ["role": "slachtoffer", "name": "Sanne"],
                             previousHash: CustodyEvent.genesisHash)
        #expect(e.canonicalText == #"{"action":"person-added","actor":"J. Bakker","chain":"2026-0001","details":{"name":"Sanne","role":"slachtoffer"},"previousHash":"0000000000000000000000000000000000000000000000000000000000000000","sequence":2,"time":"2026-03-02T19:05:00.123Z"}"#)
    }
}
