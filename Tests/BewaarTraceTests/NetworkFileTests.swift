import BewaarModel
import Testing
import Foundation
@testable import BewaarTrace
import BewaarTestSupport

@Suite struct NetworkFileTests {
    @Test func theIssueExampleIsReadAsShown() throws {
        let n = try NetworkFile.parse("""
            school = "Voorbeeldcollege"
            timezone = "Europe/Amsterdam"          # logs in local time are read in this zone
            clock_tolerance_seconds = 120
            egress = ["198.51.100.200/32"]         # the school's public NAT addresses
            trusted_relays = ["198.51.100.5/32", "mx1.voorbeeldcollege.example", ".prod.outlook.com"]
            trust_authenticated = true             # an authenticated submission ends the walk
            [[internal]]
            range = "10.20.0.0/16"
            label = "leerlingennetwerk"
            [[internal]]
            range = "10.30.0.0/16"
            label = "personeelsnetwerk"
            """)
        #expect(n.school == "Voorbeeldcollege")
        #expect(n.timeZoneIdentifier == "Europe/Amsterdam")
        #expect(n.clockToleranceSeconds == 120)
        #expect(n.egress.map(\.description) == ["198.51.100.200/32"])
        #expect(n.trustedRelays == [.range(CIDR("198.51.100.5/32")!), .host("mx1.voorbeeldcollege.example"), .hostSuffix(".prod.outlook.com")])
        #expect(n.trustAuthenticated)
        #expect(n.internalRanges.map(\.label) == ["leerlingennetwerk", "personeelsnetwerk"])
        #expect(n.internalRange(of: IPAddress("10.30.4.5")!)?.label == "personeelsnetwerk")
        #expect(RelayRule.hostSuffix(".prod.outlook.com").matches(name: "AM9PR07MB7251.eurprd07.PROD.outlook.com."))
        #expect(!RelayRule.hostSuffix(".prod.outlook.com").matches(name: "prod.outlook.com.evil.example"))
    }

    @Test func theInitExampleParsesAndWindowsLineEndsAreFine() throws {
        let n = try NetworkFile.parse(NetworkFile.example)
        #expect(n.internalRanges.count == 4)
        #expect(n.egress.count == 1)
        let crlf = try NetworkFile.parse(NetworkFile.example.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf.internalRanges == n.internalRanges)
    }

    @Test func aNameAloneNeverTrustsAnInternalAddress() throws {
        let n = try NetworkFile.parse("""
            trusted_relays = [".voorbeeldcollege.local"]
            [[internal]]
            range = "10.20.0.0/16"
            label = "leerlingen"
            """)
        #expect(n.trustingRule(ip: IPAddress("10.20.1.1"), names: ["exch01.voorbeeldcollege.local"]) == nil)
        #expect(n.trustingRule(ip: IPAddress("192.0.2.1"), names: ["exch01.voorbeeldcollege.local"]) != nil)
    }

    /// Each broken file: the expected line and key in the error.
    @Test(arguments: [
        ("school = \"X\"\negress = [\"198.51.100.300/32\"]\n", 2, "egress"),
        ("school = \"X\"\n\nclock_tolerance_seconds = \"twee minuten\"\n", 3, "clock_tolerance_seconds"),
        ("timezone = \"Europa/Amsterdam\"\n", 1, "timezone"),
        ("trusted_relay = [\"198.51.100.5\"]\n", 1, "trusted_relay"),
        ("trusted_relays = [\"mx1 voorbeeldcollege\"]\n", 1, "trusted_relays"),
        ("trust_authenticated = \"ja\"\n", 1, "trust_authenticated"),
        ("[[internal]]\nrange = \"10.20.0.0/16\"\nlabel = \"a\"\n[[internal]]\nrange = \"10.30.0.0/33\"\nlabel = \"b\"\n", 5, "internal[2].range"),
        ("school = \"X\"\n[[internal]]\nlabel = \"zonder bereik\"\n", 2, "internal[1].range"),
        ("[[internal]]\nrange = \"10.20.0.0/16\"\nlabell = \"typo\"\n", 3, "internal[1].labell"),
        // Syntax: the array opened on line 2 never closes.
        ("school = \"X\"\negress = [\"198.51.100.200/32\"\n", 2, "egress"),
    ] as [(String, Int, String?)])
    func errorsNameLineAndKey(text: String, line: Int, key: String?) {
        do {
            _ = try NetworkFile.parse(text)
            Issue.record("expected an error for \(text)")
        } catch let e as NetworkFileError {
            #expect(e.line == line, "\(e.dutch)")
            if let key { #expect(e.key == key, "\(e.dutch)") }
            #expect(e.dutch.contains("regel \(line)"))
            #expect(e.english.contains("line \(line)"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func loadRecordsPathAndHash() throws {
        let dir = TempDir()
        let p = dir.write("network.toml", NetworkFile.example)
        let n = try NetworkFile.load(path: p)
        #expect(n.sourcePath == p)
        #expect(n.sourceSHA256?.count == 64)
        #expect(throws: NetworkFileError.self) { try NetworkFile.load(path: dir.path + "/ontbreekt.toml") }
    }
}
