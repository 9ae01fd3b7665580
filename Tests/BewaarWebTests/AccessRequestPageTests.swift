import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarAccounts
@testable import BewaarWeb
import BewaarTestSupport

/// The afdelingsleider answers an access request on /inzage: a zip with the PDF and the JSON
/// of the cases they may read, other pupils pseudonymised, logged with who asked.
@Suite struct AccessRequestPageTests {
    @Test func theAfdelingsleiderDownloadsSannesExportAndTheMentorIsRefused() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try f.store.grantAccess(f.caseID, account: "A. de Groot", role: "afdelingsleider", actor: "J. Bakker", reason: "overgedragen")
        _ = try ChatSeed.record(in: f.store, case: f.caseID, messages: [("Sanne de Vries", "Laat me met rust Daan"), ("Daan Jansen", "haha")])
        let unzip = NSTemporaryDirectory() + "inzage-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: unzip) }
        try await f.app().test(.router) { client in
            let head = try #require(try await login(client, "A. de Groot"))
            try await client.execute(uri: "/inzage", method: .get, headers: head.headers) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("(1 zaak)"))
            }
            let (h, body) = head.form(["_csrf": head.csrf, "persoon": "Sanne de Vries", "gevraagd": "vader van Sanne"])
            let zip = try await client.execute(uri: "/inzage", method: .post, headers: h, body: body) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/zip")
                return Data(buffer: r.body)
            }
            try FileManager.default.createDirectory(atPath: unzip, withIntermediateDirectories: true)
            try zip.write(to: URL(fileURLWithPath: unzip + "/inzage.zip"))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
            p.arguments = ["-q", unzip + "/inzage.zip", "-d", unzip]
            try p.run()
            p.waitUntilExit()
            let json = try String(contentsOfFile: unzip + "/inzage.json", encoding: .utf8)
            let pdf = try Poppler.run("pdftotext", [unzip + "/inzage.pdf", "-"])
            for text in [json, pdf] {
                #expect(text.contains("Laat me met rust Leerling A"))
                #expect(!text.contains("Daan") && !text.contains("Lotte"))
            }
            #expect(json.contains("\"scope\": \"zaken-met-toegang\""))
            let made = try f.store.events(chain: f.caseID.description).filter { $0.action == .personExportMade }
            #expect(made.count == 1)
            #expect(made.first?.actor == "A. de Groot")
            #expect(made.first?.details["requestedBy"] == "vader van Sanne")
            // An unknown name: the form again with the reason, nothing logged.
            let (h2, body2) = head.form(["_csrf": head.csrf, "persoon": "Onbekend Kind", "gevraagd": "vader"])
            try await client.execute(uri: "/inzage", method: .post, headers: h2, body: body2) { r in
                #expect(r.status == .unprocessableContent)
                #expect(String(buffer: r.body).contains("vond niets over"))
            }
            #expect(try f.store.events(chain: f.caseID.description).filter { $0.action == .personExportMade }.count == 1)
            // The mentor of the case makes no export here: the page is the afdelingsleider's.
            let mentor = try #require(try await login(client, "J. Bakker"))
            let (h3, body3) = mentor.form(["_csrf": mentor.csrf, "persoon": "Sanne de Vries", "gevraagd": "vader"])
            try await client.execute(uri: "/inzage", method: .post, headers: h3, body: body3) { #expect($0.status == .forbidden) }
        }
    }
}
