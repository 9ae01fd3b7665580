import Foundation
import Testing
import GRDB
import BewaarModel
import BewaarDigest
import BewaarStore
import BewaarWeb
import BewaarTestSupport

/// The store's side of the pupils' upload links: only the token's SHA-256 is kept, a link is
/// for a pupil or parent of its own case, and making, revoking and using one are events in the
/// case's custody chain.
@Suite struct UploadLinkStoreTests {
    static let token = "0123456789abcdef0123456789abcdef"
    static var key: String { StreamingSHA256.digest(utf8: token).hex }

    func seeded() throws -> (TempDir, CaseStore, CaseID, [Person]) {
        let f = try TempDir()
        let store = try f.openStore(modules: WebServer.storeModules)
        let c = try store.openCase(title: "Pesten in groepsapp 2B", actor: "J. Bakker", people: [
            Person(name: "Sanne de Vries", role: .slachtoffer), Person(name: "J. Bakker", role: .mentor),
        ])
        try store.addPerson(Person(name: "Marieke de Vries", role: .ouder, relatedTo: "Sanne de Vries"), to: c.id, actor: "J. Bakker")
        return (f, store, c.id, try store.people(c.id))
    }

    @Test func aLinkIsKeptAsTheSHA256OfItsTokenOnly() throws {
        let (f, store, id, people) = try seeded()
        let sanne = try #require(people.first { $0.name == "Sanne de Vries" }?.id)
        let link = try store.makeUploadLink(id, person: sanne, tokenSHA256: Self.key, validFor: 72 * 3600, actor: "J. Bakker")
        #expect(link.personName == "Sanne de Vries")
        #expect(link.validUntil.timeIntervalSince(link.madeAt) == 72 * 3600)
        #expect(link.state(at: link.madeAt) == .active)
        #expect(link.state(at: link.validUntil) == .expired)
        #expect(try store.uploadLink(tokenSHA256: Self.key)?.id == link.id)
        #expect(try store.uploadLink(tokenSHA256: StreamingSHA256.digest(utf8: "iets anders").hex) == nil)
        // The web interface starts a link on its own clock (the one that later checks it).
        let start = Date(timeIntervalSince1970: 1_900_000_000)
        let later = try store.makeUploadLink(id, person: sanne, tokenSHA256: StreamingSHA256.digest(utf8: "t2").hex, validFor: 60,
                                             start: start, actor: "J. Bakker")
        #expect(later.madeAt == start && later.validUntil == start.addingTimeInterval(60))
        #expect(try store.uploadLinks(id).first?.validUntil == start.addingTimeInterval(60))
        // The database holds the digest, never the token; the table has exactly the agreed columns.
        let db = try DatabaseQueue(path: f.store + "/bewaar.sqlite")
        try db.read { db in
            let columns = try db.columns(in: "upload_links").map(\.name)
            #expect(columns == ["id", "token_sha256", "case_id", "person_id", "made_by", "made_at", "valid_until",
                                "revoked_by", "revoked_at", "upload_count"])
            let dump = try String.fetchAll(db, sql: "SELECT token_sha256 || made_by || case_id FROM upload_links").joined()
            #expect(dump.contains(Self.key))
            #expect(!dump.contains(Self.token))
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").contains("v7-upload-links"))
        }
        // A token that is no SHA-256 (the token itself, say) is refused.
        #expect(throws: StoreError.self) {
            try store.makeUploadLink(id, person: sanne, tokenSHA256: Self.token, validFor: 3600, actor: "J. Bakker")
        }
    }

    @Test func aLinkIsForAPupilOrParentOfItsOwnCaseAndForABoundedTime() throws {
        let (_, store, id, people) = try seeded()
        let mentor = try #require(people.first { $0.role == .mentor }?.id)
        let sanne = try #require(people.first { $0.name == "Sanne de Vries" }?.id)
        let other = try store.openCase(title: "Andere zaak", actor: "K. Smit", people: [Person(name: "Lotte Visser", role: .getuige)])
        let lotte = try #require(try store.people(other.id).first?.id)
        func key(_ n: Int) -> String { StreamingSHA256.digest(utf8: "token-\(n)").hex }
        #expect(throws: StoreError.self, "school staff get no upload link") {
            try store.makeUploadLink(id, person: mentor, tokenSHA256: key(1), validFor: 3600, actor: "J. Bakker")
        }
        #expect(throws: StoreError.self, "a person of another case") {
            try store.makeUploadLink(id, person: lotte, tokenSHA256: key(2), validFor: 3600, actor: "J. Bakker")
        }
        for seconds: TimeInterval in [0, 59, 30 * 24 * 3600 + 1] {
            #expect(throws: StoreError.self, "valid for \(seconds) s") {
                try store.makeUploadLink(id, person: sanne, tokenSHA256: key(3), validFor: seconds, actor: "J. Bakker")
            }
        }
        #expect(try store.uploadLinks(id).isEmpty)
        #expect(try store.events(chain: id.description).allSatisfy { $0.action != .uploadLinkMade })
    }

    @Test func makingRevokingAndUsingALinkAreCustodyEvents() throws {
        let (_, store, id, people) = try seeded()
        let marieke = try #require(people.first { $0.role == .ouder }?.id)
        let link = try store.makeUploadLink(id, person: marieke, tokenSHA256: Self.key, validFor: 3600, actor: "J. Bakker")
        #expect(link.actor == "Marieke de Vries (ouder van Sanne de Vries) via uploadlink van J. Bakker")
        let sha = String(repeating: "ab", count: 32)
        let used = try store.recordUploadLinkUse(link, files: [("chat.zip", sha), ("foto.png", String(repeating: "cd", count: 32))])
        #expect(used.uploadCount == 2)
        #expect(try store.uploadLink(id, link: link.id)?.uploadCount == 2)
        // Another case's number does not reach this link.
        let other = try store.openCase(title: "Andere zaak", actor: "K. Smit", people: [])
        #expect(throws: StoreError.self) { try store.revokeUploadLink(other.id, link: link.id, actor: "K. Smit") }
        #expect(try store.uploadLink(other.id, link: link.id) == nil)
        try store.revokeUploadLink(id, link: link.id, actor: "J. Bakker")
        #expect(throws: StoreError.self, "revoking twice says it was already revoked") {
            try store.revokeUploadLink(id, link: link.id, actor: "J. Bakker")
        }
        let revoked = try #require(try store.uploadLink(tokenSHA256: Self.key))
        #expect(revoked.state(at: revoked.madeAt) == .revoked)
        #expect(revoked.revokedBy == "J. Bakker")
        let events = try store.events(chain: id.description)
        let made = try #require(events.first { $0.action == .uploadLinkMade })
        #expect(made.actor == "J. Bakker")
        #expect(made.details["person"] == "Marieke de Vries")
        let use = try #require(events.first { $0.action == .uploadLinkUsed })
        #expect(use.actor == "Marieke de Vries (ouder van Sanne de Vries) via uploadlink van J. Bakker")
        #expect(use.details["files"] == "2")
        #expect(use.details["sha256"]?.contains("\(sha)  chat.zip") == true)
        #expect(events.filter { $0.action == .uploadLinkRevoked }.count == 1)
        #expect(try store.verifyChain(id.description).intact)
    }
}
