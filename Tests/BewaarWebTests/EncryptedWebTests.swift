import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
@testable import BewaarWeb
import BewaarTestSupport

/// The web interface on an encrypted store: every page and download shows the evidence as it
/// was kept, and what the pakket page makes is kept sealed in the store folder.
@Suite struct EncryptedWebTests {
    /// Files under the store folder that hold `text`.
    static func holding(_ text: String, in folder: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder).filter { file in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + file, isDirectory: &isDir), !isDir.boolValue else { return false }
            return FileManager.default.contents(atPath: folder + "/" + file)?.range(of: Data(text.utf8)) != nil
        }
    }

    @Test func pagesAndDownloadsShowThePlainEvidenceAndTheFolderHoldsNone() async throws {
        let f = try WebFixture(encrypted: true)
        defer { f.cleanUp() }
        #expect(f.store.isEncrypted)
        let id = f.caseID.description
        try await f.realApp().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            try await client.execute(uri: "/zaken/\(id)/tijdlijn?q=niemand", method: .get, headers: b.headers) { r in
                #expect(String(buffer: r.body).contains("wil jou in de groep"))
            }
            try await client.execute(uri: "/zaken/\(id)/bewijs/\(f.mailItem.id)", method: .get, headers: b.headers) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains(WebFixture.mailBody))
            }
            let (h, form) = b.form(["_csrf": b.csrf])
            try await client.execute(uri: "/zaken/\(id)/pakket", method: .post, headers: h, body: form) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/zaken/\(id)/bundel", method: .post, headers: h, body: form) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/zaken/\(id)/pakket/rapport.html", method: .get, headers: b.headers) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("Sanne de Vries"))
            }
            let page = try await client.execute(uri: "/zaken/\(id)/pakket", method: .get, headers: b.headers) { String(buffer: $0.body) }
            let name = try #require(page.firstMatch(of: /bewijsbundel-[0-9A-Za-z-]+\.zip/).map { String($0.output) })
            let zip = try await client.execute(uri: "/zaken/\(id)/pakket/\(name)", method: .get, headers: b.headers) {
                Array($0.body.readableBytesView)
            }
            #expect(zip.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        }
        try f.store.compactAfterRemoval()
        for text in ["Sanne de Vries", "Daan Jansen", "Niemand wil jou", WebFixture.mailBody, "Pesten in groepsapp"] {
            #expect(try Self.holding(text, in: f.folder) == [], "\(text)")
        }
    }
}
