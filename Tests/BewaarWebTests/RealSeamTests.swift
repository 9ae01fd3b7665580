import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
@testable import BewaarWeb

/// The pakket and herkomst pages with the seams `bewaar serve` really uses (BewaarServe): the
/// bundle builder and verifier, and the tracer with the school's logs.
@Suite struct RealSeamTests {
    /// The upload headers of a signed-in browser.
    func multipart(_ b: Browser) -> HTTPFields {
        var h = b.headers
        h[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
        return h
    }

    @Test func aBundleMadeOnThePakketPageChecksOutIntactAndOneChangedByteIsFound() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        try await f.realApp().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (h, body) = b.form(["_csrf": b.csrf])
            try await client.execute(uri: "/zaken/\(id)/bundel", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            let page = try await client.execute(uri: "/zaken/\(id)/pakket", method: .get, headers: b.headers) { String(buffer: $0.body) }
            let name = try #require(page.firstMatch(of: /bewijsbundel-[0-9A-Za-z-]+\.zip/).map { String($0.output) })
            #expect(page.contains(name.replacingOccurrences(of: ".zip", with: ".tsq")))
            let zip = try await client.execute(uri: "/zaken/\(id)/pakket/\(name)", method: .get, headers: b.headers) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                return Array(r.body.readableBytesView)
            }
            #expect(zip.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            try await client.execute(uri: "/zaken/\(id)/bundel/controleren", method: .post, headers: multipart(b),
                                     body: Multipart.bytes(csrf: b.csrf, [("bundel", name, zip)])) { r in
                #expect(r.status == .ok)
                let text = String(buffer: r.body)
                #expect(text.contains("de bundel is heel"))
                #expect(text.contains("niets gewijzigd"))
            }
            var changed = zip
            let at = try #require(Self.firstOriginalByte(in: zip))
            changed[at] ^= 0x01
            try await client.execute(uri: "/zaken/\(id)/bundel/controleren", method: .post, headers: multipart(b),
                                     body: Multipart.bytes(csrf: b.csrf, [("bundel", name, changed)])) { r in
                #expect(r.status == .ok)
                let text = String(buffer: r.body)
                #expect(text.contains("de bundel is NIET heel"))
                #expect(text.contains("is beschadigd in de zip"))
                #expect(text.contains("data/originals/"), "the problem line names the changed file")
            }
        }
        let events = try f.store.events(chain: id)
        #expect(events.contains { $0.action == .exportMade })
        #expect(events.filter { $0.action.rawValue == "bundle-verified" }.map { $0.details["intact"] } == ["ja", "nee"])
        #expect(events.contains { $0.action.rawValue == "packet-downloaded" && $0.details["file"] == name(of: events) })
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.folder + "/tmp").isEmpty)
    }

    /// The bundle file name the download event recorded.
    func name(of events: [CustodyEvent]) -> String? {
        events.last { $0.action.rawValue == "packet-downloaded" }?.details["file"]
    }

    /// The offset of the first data byte of the first original in a zip (its local header).
    static func firstOriginalByte(in zip: [UInt8]) -> Int? {
        var i = 0
        while i + 30 < zip.count {
            guard zip[i] == 0x50, zip[i + 1] == 0x4B, zip[i + 2] == 0x03, zip[i + 3] == 0x04 else { i += 1; continue }
            let nameLength = Int(zip[i + 26]) | Int(zip[i + 27]) << 8
            let extraLength = Int(zip[i + 28]) | Int(zip[i + 29]) << 8
            let name = String(decoding: zip[(i + 30)..<(i + 30 + nameLength)], as: UTF8.self)
            let data = i + 30 + nameLength + extraLength
            if name.contains("/data/originals/") { return data + 2 }
            i = data
        }
        return nil
    }

    @Test func theSysadminUploadsAMailWithTheLeasesAndTheConclusionNamesTheWorkstation() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try SchoolFiles.install(in: f.store.path)
        try await f.realApp().test(.router) { client in
            let s = try #require(try await login(client, "S. Systeem"))
            try await client.execute(uri: "/herkomst", method: .get, headers: s.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("<label for=\"logboeken\">"))
                #expect(page.contains("name=\"logboeken\" multiple"))
            }
            let body = Multipart.body(csrf: s.csrf, [("mail", "anoniem.eml", SchoolFiles.mail), ("logboeken", "dhcpd.leases", SchoolFiles.leases),
                                       ("logboeken", "inventaris.csv", SchoolFiles.inventory)])
            try await client.execute(uri: "/herkomst", method: .post, headers: multipart(s), body: ByteBuffer(string: body)) { r in
                #expect(r.status == .ok)
                let page = String(buffer: r.body)
                #expect(page.contains("Waarschijnlijk verzonden vanaf een schoolcomputer: WS-LOK12-07 (lokaal 12)"))
                #expect(page.contains("Zekerheid: HOOG"))
                #expect(page.contains("Wat dit NIET bewijst"))
                #expect(page.contains("Wie er achter de computer zat"))
                #expect(page.contains("<td>10.20.12.7</td>"), "the hop table shows the originating address")
                #expect(page.contains("<td>grens</td>") && page.contains("<td>vertrouwd</td>"))
                #expect(page.contains("dhcpd.leases (ISC DHCP-leasebestand): 2 regels gelezen"))
                #expect(page.contains("Netwerkbestand network.toml"))
                #expect(page.contains("Alleen gelezen, niet bewaard"))
                #expect(!page.contains("GEHEIM"), "the sysadmin never sees the mail's text")
                #expect(!page.contains("/tmp/"), "uploads are named by their own names, not where they lay")
            }
        }
        #expect(try f.store.traces(f.caseID).isEmpty, "an uploaded mail is not stored")
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.folder + "/tmp").isEmpty)
        let read = try #require(try f.store.events(chain: CaseStore.storeChain).last { $0.action.rawValue == "trace-mail-read" })
        #expect(read.details["logs"] == "dhcpd.leases, inventaris.csv")
    }

    @Test func aPickedItemTracedWithTheLeasesIsStoredOnTheCaseAndTheReportShowsIt() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try SchoolFiles.install(in: f.store.path)
        let item = try WebFixture.seedFile(f.store, f.caseID, name: "anoniem.eml", content: SchoolFiles.mail)
        let id = f.caseID.description
        try await f.realApp().test(.router) { client in
            let s = try #require(try await login(client, "S. Systeem"))
            try await client.execute(uri: "/herkomst/\(item.id)", method: .get, headers: s.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("geef de DHCP-logboeken van die dag."), "without logs the trace says which logs it needs")
                #expect(!page.contains("--logs"), "the page speaks of its own form, not of the command line")
                #expect(page.contains("action=\"/herkomst/\(item.id)\"><input type=\"hidden\" name=\"_csrf\""), "the token is the form's first field, not in the URL")
            }
            let body = Multipart.body(csrf: s.csrf, [("logboeken", "dhcpd.leases", SchoolFiles.leases), ("logboeken", "inventaris.csv", SchoolFiles.inventory)])
            try await client.execute(uri: "/herkomst/\(item.id)", method: .post, headers: multipart(s), body: ByteBuffer(string: body)) { r in
                #expect(r.status == .ok)
                let page = String(buffer: r.body)
                #expect(page.contains("WS-LOK12-07"))
                #expect(page.contains("Vastgelegd bij zaak \(id) als herkomstonderzoek"))
                #expect(!page.contains("GEHEIM"))
            }
            // The mentor makes the packet: the report carries the stored trace.
            let m = try #require(try await login(client, "J. Bakker"))
            let (h, form) = m.form(["_csrf": m.csrf])
            try await client.execute(uri: "/zaken/\(id)/pakket", method: .post, headers: h, body: form) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/zaken/\(id)/pakket/rapport.html", method: .get, headers: m.headers) { r in
                #expect(String(buffer: r.body).contains("WS-LOK12-07"))
            }
        }
        let traces = try f.store.traces(f.caseID)
        #expect(traces.count == 1)
        #expect(traces.first?.itemID == item.id)
        #expect(traces.first?.certainty == "hoog")
        #expect(traces.first?.result.contains("\"name\":\"dhcpd.leases\"") == true)
        let events = try f.store.events(chain: id)
        #expect(events.contains { $0.action == .traceRecorded && $0.actor == "S. Systeem" })
        #expect(try f.store.checklist(f.caseID).first { $0.step == .daderOpsporen }?.fields["trace"] == "trace \(traces[0].id)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.folder + "/tmp").isEmpty)
    }

    @Test func aLogThatCannotBeReadIsAPlainErrorNamingTheFileAndNothingIsStored() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try SchoolFiles.install(in: f.store.path)
        let item = try WebFixture.seedFile(f.store, f.caseID, name: "anoniem.eml", content: SchoolFiles.mail)
        let before = try f.store.events(chain: f.caseID.description).count
        try await f.realApp().test(.router) { client in
            let s = try #require(try await login(client, "S. Systeem"))
            let good = Multipart.body(csrf: "bad", [("logboeken", "dhcpd.leases", SchoolFiles.leases)])
            try await client.execute(uri: "/herkomst/\(item.id)", method: .post, headers: multipart(s), body: ByteBuffer(string: good)) { r in
                #expect(r.status == .forbidden, "the upload needs the form's CSRF token")
            }
            let body = Multipart.body(csrf: s.csrf, [("logboeken", "dhcpd.leases", SchoolFiles.leases), ("logboeken", "kapot <log>.txt", "dit is geen logboek\n\u{1}\u{2}")])
            try await client.execute(uri: "/herkomst/\(item.id)", method: .post, headers: multipart(s), body: ByteBuffer(string: body)) { r in
                #expect(r.status == .badRequest)
                let page = String(buffer: r.body)
                #expect(page.contains("Herkomstonderzoek niet gelukt"))
                #expect(page.contains("kapot &lt;log&gt;.txt: dit logboek wordt niet herkend"))
                #expect(page.contains("Er is niets vastgelegd."))
                #expect(r.headers[.contentSecurityPolicy] != nil)
            }
        }
        #expect(try f.store.traces(f.caseID).isEmpty)
        #expect(try f.store.events(chain: f.caseID.description).count == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.folder + "/tmp").isEmpty)
    }
}
