import Testing
import Foundation
@testable import BewaarTrace
import BewaarTestSupport

/// Inputs the trace fuzzer (Tools/fuzz/trace) found crashing, kept as regressions.
@Suite struct HostileInputTests {
    @Test(arguments: [
        ("school = \"X\"\n[[@nternal]]\n", 2),
        ("@school = \"X\"\n", 1),
        ("school = \"X\"\ninternal = [{ @range = \"10.0.0.0/8\" }]\n", 2),
        ("school = \"X\"\njust words\n", 2),
    ])
    func networkFileTyposAreErrorsNotCrashes(text: String, line: Int) {
        #expect {
            _ = try NetworkFile.parse(text)
        } throws: { e in
            (e as? NetworkFileError)?.line == line
        }
    }

    @Test func aMultiLineArrayAndStringsWithBracketsStillParse() throws {
        let n = try NetworkFile.parse("school = \"[[x]] # {niet}\"\ntrusted_relays = [\n  \"198.51.100.5/32\", # eigen relay\n  \".prod.outlook.com\",\n]\n")
        #expect(n.school == "[[x]] # {niet}")
        #expect(n.trustedRelays.count == 2)
    }

    @Test func brokenEscapesDatesAndNumbersInLogsAreSkipped() throws {
        let dir = TempDir()
        let isc = dir.write("dhcpd.leases", """
            lease 10.20.1.1 {
              starts 3 99999999/03/04 07:55:12;
              ends epoch 999999999999999999;
              hardware ethernet 00:1a:2b:3c:4d:01;
            }
            ia-na "\\7\\9\\" {
              cltt 3 2026/03/04 07:55:12;
              iaaddr 2001:db8::1 {
                ends 3 2026/03/11 07:55:12;
              }
            }
            """)
        let good = "1772615855.345 187 10.20.12.7 TCP_TUNNEL/200 53211 CONNECT a:443 - HIER_NONE/- -\n"
        let squid = dir.write("access.log", String(repeating: good, count: 4) + "nan 1 10.20.12.7 TCP_MISS/200 1 GET http://x/ - - -\n"
                                  + "1e999.5 1 10.20.12.7 TCP_MISS/200 1 GET http://x/ - - -\n")
        let win = dir.write("DhcpSrvLog-Wed.log", "ID,Date,Time,Description,IP Address,Host Name,MAC Address\n10,03/04/26,999999999999999:00:00,Assign,10.20.1.2,X,001A2B3C4D02\n10,13/45/26,08:00:00,Assign,10.20.1.3,Y,001A2B3C4D03\n")
        let logs = try SchoolLogs.load(paths: [isc, squid, win], network: .defaults, reference: Date(timeIntervalSince1970: 1_772_615_000))
        #expect(logs.sources.map(\.kind) == [.iscDhcpd, .squid, .windowsDhcp])
        #expect(logs.sources[0].warnings.contains { $0.contains("zonder begintijd") })
        #expect(logs.sources[1].records == 4)
        #expect(logs.sources[1].warnings.count == 2)
        #expect(logs.sources[2].records == 0)
    }

    @Test func aSignInLookalikeThatIsNotReadableIsAWarning() throws {
        let dir = TempDir()
        let p = dir.write("signins.json", "[{\"createdDateTime\": \"x\", \"ipAddress\": ")
        let logs = try SchoolLogs.load(paths: [p], network: .defaults, reference: nil)
        #expect(logs.sources.first?.warnings.first?.contains("niet als zodanig te lezen") == true)
    }
}
