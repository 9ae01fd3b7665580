import Foundation
import Testing
import BewaarTestSupport
import BewaarModel
import BewaarJSON

/// The systeembeheerder runs `bewaar trace` through the built executable.
@Suite struct TraceEndToEndTests {
    let root = BewaarBinary.packageRoot
    var mail: String { root + "/samples/evidence/anonieme-mail.eml" }
    var school: [String] { ["--network", root + "/samples/school/network.toml", "--logs", root + "/samples/school/dhcpd.leases",
                            root + "/samples/school/inventaris.csv"] }

    @Test func tracesTheSampleMailToThePupilWorkstationInDutch() throws {
        let r = try BewaarBinary.run(["trace", mail] + school)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Conclusie: Waarschijnlijk verzonden vanaf een schoolcomputer: WS-LOK12-07 (lokaal 12) had adres 10.20.12.7 van 08:55 tot 15:31."))
        #expect(r.stdout.contains("Zekerheid: HOOG"))
        #expect(r.stdout.contains("Wat dit NIET bewijst:"))
        #expect(r.stdout.contains("[beweerd]"))
        #expect(r.stdout.contains("sha256 01986065608b102457441e58fda110f33e2b991cef474d115b89b2afc9f3586f"))
        let en = try BewaarBinary.run(["trace", mail, "--lang", "en"] + school)
        #expect(en.stdout.contains("Conclusion: Probably sent from a school computer"))
        #expect(en.stdout.contains("Certainty: HIGH"))
    }

    @Test func jsonOutputHasTheIssueShape() throws {
        let r = try BewaarBinary.run(["trace", mail, "--json"] + school)
        #expect(r.status == 0, "\(r.stderr)")
        let j = try JSONParser.parse(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(j["originatingIp"]?.stringValue == "10.20.12.7")
        #expect(j["classification"]?["code"]?.stringValue == "intern")
        #expect(j["certainty"]?.stringValue == "hoog")
        #expect(j["hops"]?.arrayValue?.count == 3)
        #expect(j["hops"]?.arrayValue?[2]["trusted"] == .bool(false))
        #expect(j["matches"]?.arrayValue?.first?["host"]?.stringValue == "WS-LOK12-07")
        #expect(j["matches"]?.arrayValue?.first?["mac"]?.stringValue == "00:1a:2b:3c:4d:07")
        #expect(j["conclusion"]?.stringValue?.isEmpty == false)
    }

    @Test func initWritesTheExampleIntoTheStoreAndTraceUsesIt() throws {
        let t = TempDir()
        let first = try BewaarBinary.run(["trace", "--init", "--store", t.store])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: t.store + "/network.toml"))
        let again = try BewaarBinary.run(["trace", "--init", "--store", t.store])
        #expect(again.status == 1)
        #expect(again.stderr.contains("bestaat al"))
        // The store's network.toml is used when --network is not given: the school relay is trusted.
        let r = try BewaarBinary.run(["trace", mail, "--store", t.store, "--json", "--logs", root + "/samples/school/dhcpd.leases"])
        let j = try JSONParser.parse(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(j["originatingIp"]?.stringValue == "10.20.12.7")
        #expect(j["network"]?["file"]?.stringValue == t.store + "/network.toml")
    }

    @Test func theSysadminTracesAnEvidenceItemAndStepThreeLinksToTheResult() throws {
        let t = TempDir()
        let s = ["--store", t.store, "--by", "P. de Boer (systeembeheerder)"]
        let id = try BewaarBinary.run(["case", "new", "--title", "Anonieme mail", "--victim", "Sanne de Vries"] + s)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let ingest = try BewaarBinary.run(["ingest", "--case", id, mail] + s)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let item = try #require(ingest.stdout.firstMatch(of: /Bewaard \[(\d+)\]/)).1
        let r = try BewaarBinary.run(["trace", String(item), "--case", id] + school + s)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Vastgelegd bij zaak \(id) als trace 1"))
        #expect(r.stdout.contains("anonieme-mail.eml"))
        let checklist = try BewaarBinary.run(["checklist", "--case", id] + s)
        #expect(checklist.stdout.contains("Herkomstonderzoek (trace): trace 1"))
        let log = try BewaarBinary.run(["log", "--case", id, "--json"] + s)
        let events = log.stdout.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
        let traceEvent = try #require(events.first { $0["action"]?.stringValue == "trace-recorded" })
        #expect(traceEvent["details"]?["itemId"]?.stringValue == String(item))
        #expect(traceEvent["details"]?["certainty"]?.stringValue == "hoog")
        let check = try BewaarBinary.run(["check"] + s)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // An item number without --case is refused with a way forward.
        let noCase = try BewaarBinary.run(["trace", String(item)] + s)
        #expect(noCase.status == 1)
        #expect(noCase.stderr.contains("--case"))
    }

    @Test func mistakesGiveDutchErrorsThatSayWhere() throws {
        let t = TempDir()
        let bad = t.path + "/school.toml"
        try Data("school = \"X\"\negress = [\"198.51.100.999/32\"]\n".utf8).write(to: URL(fileURLWithPath: bad))
        let r = try BewaarBinary.run(["trace", mail, "--network", bad])
        #expect(r.status == 1)
        #expect(r.stderr.contains("regel 2"))
        #expect(r.stderr.contains("egress"))
        let notes = t.path + "/notities.txt"
        try Data("geen logboek\n".utf8).write(to: URL(fileURLWithPath: notes))
        let unknown = try BewaarBinary.run(["trace", mail, "--logs", notes])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("niet herkend"))
        let missing = try BewaarBinary.run(["trace", t.path + "/bestaat-niet.eml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("bestaat niet"))
    }
}
