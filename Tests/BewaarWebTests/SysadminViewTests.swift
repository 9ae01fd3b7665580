import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarAccounts
@testable import BewaarWeb

/// The systeembeheerder traces mails: routing headers only, never a body, never a name; a trace
/// is added to a case and never replaces what the mentor wrote in step 3.
@Suite struct SysadminViewTests {
    @Test func aMailWithoutABlankLineNeverShowsItsText() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let bare = try WebFixture.seedFile(f.store, f.caseID, name: "Mail van Sanne de Vries.eml", content:
            "Received: from pc-07.school.example (10.20.12.7) by mail.school.example; Wed, 4 Mar 2026 10:17:39 +0100\r\n"
            + "From: Daan Jansen <daan@example.org>\r\nTo: Sanne de Vries <sanne@example.org>\r\nSubject: Lelijk\r\n"
            + "Hoi Sanne, je woont op de Kerkstraat 12 en iedereen weet het\r\nnog een regel tekst\r\n")
        try await f.app().test(.router) { client in
            let s = try #require(try await login(client, "S. Systeem"))
            try await client.execute(uri: "/herkomst/\(bare.id)", method: .get, headers: s.headers) { r in
                let page = String(buffer: r.body)
                #expect(r.status == .ok)
                #expect(page.contains("10.20.12.7"))
                for secret in ["Kerkstraat", "nog een regel", "Sanne de Vries", "sanne@example.org", "Daan Jansen", "Lelijk"] {
                    #expect(!page.contains(secret), "the sysadmin sees \(secret)")
                }
            }
            try await client.execute(uri: "/herkomst", method: .get, headers: s.headers) { r in
                let page = String(buffer: r.body)
                #expect(!page.contains("Mail van Sanne") && !page.contains("Pesten in groepsapp"), "no file names or case titles in the list")
                #expect(page.contains("e-mail \(bare.id)"))
            }
        }
    }

    @Test func aChatNamedLikeAMailIsNoMail() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let fake = try WebFixture.seedFile(f.store, f.caseID, name: "chat.eml", content: "04-03-2026 10:00 - Daan Jansen: jij bent dik\n",
                                           mediaType: "text/plain", format: "whatsapp")
        try await f.app().test(.router) { client in
            let s = try #require(try await login(client, "S. Systeem"))
            try await client.execute(uri: "/herkomst/\(fake.id)", method: .get, headers: s.headers) { r in
                #expect(r.status == .notFound)
                #expect(!String(buffer: r.body).contains("jij bent dik"))
            }
            try await client.execute(uri: "/herkomst", method: .get, headers: s.headers) { r in
                #expect(!String(buffer: r.body).contains("/herkomst/\(fake.id)\""))
            }
        }
    }

    @Test func aTraceIsAddedAndNeverReplacesTheMentorsStep() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try SchoolFiles.install(in: f.store.path)
        let item = try WebFixture.seedFile(f.store, f.caseID, name: "anoniem.eml", content: SchoolFiles.mail)
        _ = try f.store.updateStep(f.caseID, step: .daderOpsporen,
                                   update: ChecklistUpdate(status: .gedaan, note: "gesprek gevoerd", fields: ["result": "Daan heeft het toegegeven"]),
                                   actor: "J. Bakker")
        try await f.realApp().test(.router) { client in
            let s = try #require(try await login(client, "S. Systeem"))
            let body = Multipart.body(csrf: s.csrf, [("logboeken", "dhcpd.leases", SchoolFiles.leases), ("logboeken", "inventaris.csv", SchoolFiles.inventory)])
            var h = s.headers
            h[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
            try await client.execute(uri: "/herkomst/\(item.id)", method: .post, headers: h, body: ByteBuffer(string: body)) { #expect($0.status == .ok) }
        }
        let step = try #require(try f.store.checklist(f.caseID).first { $0.step == .daderOpsporen })
        #expect(step.fields["result"] == "Daan heeft het toegegeven", "the mentor's result stands")
        #expect(step.status == .gedaan && step.note == "gesprek gevoerd" && step.by == "J. Bakker")
        #expect(step.fields["trace"]?.contains("trace 1") == true, "the trace is added to the step")
        #expect(try f.store.traces(f.caseID).count == 1)
    }
}
