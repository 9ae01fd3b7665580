import Testing
import Foundation
import BewaarModel
@testable import BewaarTrace
import BewaarTestSupport

@Suite struct LogParserTests {
    static let network = SchoolNetwork.defaults

    static func load(_ names: [String], reference: String = "2026-03-04T09:00:00Z") throws -> SchoolLogs {
        try SchoolLogs.load(paths: names.map(Fixture.path), network: network, reference: Timestamp(rfc3339: reference)!.date)
    }

    static func date(_ s: String) -> Date { Timestamp(rfc3339: s)!.date }

    @Test(arguments: [
        ("dhcpd-v4.leases", LogKind.iscDhcpd), ("dhcpd-v6.leases", .iscDhcpd), ("dnsmasq.leases", .dnsmasqLeases),
        ("dnsmasq-syslog.log", .dhcpSyslog), ("DhcpSrvLog-Tue.log", .windowsDhcp), ("DhcpV6SrvLog-Wed.log", .windowsDhcpV6),
        ("access.log", .squid), ("nat.csv", .firewallNAT), ("signins.csv", .signInLog), ("signins.json", .signInLog),
        ("inventaris.csv", .inventory),
    ])
    func kindIsDetectedFromContent(name: String, kind: LogKind) throws {
        let bytes = [UInt8](FileManager.default.contents(atPath: Fixture.path(name))!)
        #expect(LogDetector.detect(bytes) == kind)
    }

    @Test func unknownLogIsRefusedWithTheKindsBewaarReads() throws {
        let dir = TempDir()
        let p = dir.write("notities.txt", "Dit is geen logboek.\nWel tekst.\n")
        #expect(throws: TraceError.self) { try SchoolLogs.load(paths: [p], network: Self.network, reference: nil) }
        do { _ = try SchoolLogs.load(paths: [p], network: Self.network, reference: nil) } catch let e as TraceError {
            #expect(e.dutch.contains("dhcpd.leases"))
        }
    }

    @Test func iscJournalV4AndV6() throws {
        let logs = try Self.load(["dhcpd-v4.leases", "dhcpd-v6.leases"])
        let a = logs.index.query(IPAddress("10.20.14.30")!, from: Self.date("2026-03-04T10:19:00Z"), until: Self.date("2026-03-04T10:19:00Z"))
        #expect(a.map(\.mac) == ["00:1a:2b:3c:4e:30"])
        #expect(a.first?.until == Self.date("2026-03-04T10:19:30Z"))
        let never = logs.index.query(IPAddress("10.20.14.31")!, from: Self.date("2027-01-01T00:00:00Z"), until: Self.date("2027-01-01T00:00:00Z"))
        #expect(never.first?.until == .distantFuture)
        #expect(never.first?.from == Self.date("2026-03-04T08:00:00Z"))
        let v6 = logs.index.query(IPAddress("2001:db8:4:12::42")!, from: Self.date("2026-03-05T00:00:00Z"), until: Self.date("2026-03-05T00:00:00Z"))
        #expect(v6.first?.mac == "3c:52:82:1a:2b:42")
        #expect(v6.first?.from == Self.date("2026-03-04T07:55:12Z"))
        #expect(v6.first?.until == Self.date("2026-03-11T07:55:12Z"))
    }

    @Test func dnsmasqLeasesEstimateTheStartFromTheLeaseTime() throws {
        let logs = try Self.load(["dnsmasq.leases"])
        let s = logs.index.query(IPAddress("10.20.12.23")!, from: Self.date("2026-03-04T09:14:00Z"), until: Self.date("2026-03-04T09:14:00Z"))
        #expect(s.first?.from == Date(timeIntervalSince1970: 1772630040 - 43200))
        #expect(s.first?.host == "DESKTOP-7HQ2")
        let noName = logs.index.query(IPAddress("10.20.12.24")!, from: Self.date("2026-03-04T09:14:00Z"), until: Self.date("2026-03-04T09:14:00Z"))
        #expect(noName.first?.host == nil)
        let forever = logs.index.query(IPAddress("10.20.12.25")!, from: Self.date("2020-01-01T00:00:00Z"), until: Self.date("2020-01-01T00:00:00Z"))
        #expect(forever.first?.host == "PRINTER-MEDIATHEEK")
    }

    @Test func syslogLinesGetTheYearOfTheSendTimeAndTheSchoolZone() throws {
        let logs = try Self.load(["dnsmasq-syslog.log"])
        let s = logs.index.query(IPAddress("10.20.12.30")!, from: Self.date("2026-03-04T09:45:01Z"), until: Self.date("2026-03-04T09:45:01Z"))
        #expect(s.first?.from == Self.date("2026-03-04T07:03:12Z"))  // 08:03:12 CET
        #expect(s.first?.host == "LAPTOP-LOTTE")
        // Released at 09:20 local: not held at 09:30 local.
        let released = logs.index.query(IPAddress("10.20.12.31")!, from: Self.date("2026-03-04T08:30:00Z"), until: Self.date("2026-03-04T08:30:00Z"))
        #expect(released.isEmpty)
        // ISC dhcpd syslog and an RFC 3339 dnsmasq DHCPv6 line.
        #expect(!logs.index.query(IPAddress("10.20.12.33")!, from: Self.date("2026-03-04T08:30:00Z"), until: Self.date("2026-03-04T08:30:00Z")).isEmpty)
        let v6 = logs.index.query(IPAddress("2001:db8:4:12::77")!, from: Self.date("2026-03-04T08:41:00Z"), until: Self.date("2026-03-04T08:41:00Z"))
        #expect(v6.first?.mac == "3c:52:82:1a:2b:77")
    }

    @Test func windowsLogsAreJoinedAcrossFilesAndReadInLocalTime() throws {
        let logs = try Self.load(["DhcpSrvLog-Tue.log", "DhcpSrvLog-Wed.log"])
        let s = logs.index.query(IPAddress("10.30.1.31")!, from: Self.date("2026-03-04T12:05:11Z"), until: Self.date("2026-03-04T12:05:11Z"))
        #expect(s.count == 1)
        #expect(s.first?.from == Self.date("2026-03-03T15:00:05Z"))
        #expect(s.first?.mac == "3c:52:82:1a:2b:31")
        // Renewed at 12:02:15 local; open for the default 8-day lease after that.
        #expect(s.first?.until == Self.date("2026-03-04T11:02:15Z").addingTimeInterval(8 * 86400))
        #expect(logs.sources.map(\.first) == [Self.date("2026-03-02T23:00:01Z"), Self.date("2026-03-03T23:00:02Z")])
    }

    @Test func windowsV6LogReadsTheMACFromTheDUID() throws {
        let logs = try Self.load(["DhcpV6SrvLog-Wed.log"])
        let s = logs.index.query(IPAddress("2001:db8:4:12::42")!, from: Self.date("2026-03-04T13:10:00Z"), until: Self.date("2026-03-04T13:10:00Z"))
        #expect(s.first?.mac == "3c:52:82:1a:2b:42")
        #expect(s.first?.until == Self.date("2026-03-04T14:30:00Z"))
    }

    @Test func theDoubledOctoberHourKeepsBothReadings() {
        let conv = LocalTimeConverter(zone: TimeZone(identifier: "Europe/Amsterdam")!)
        let doubled = conv.convert(year: 2026, month: 10, day: 25, hour: 2, minute: 35, second: 0)
        #expect(doubled.instants == [Self.date("2026-10-25T00:35:00Z"), Self.date("2026-10-25T01:35:00Z")])
        let skipped = conv.convert(year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0)
        #expect(skipped.gap)
        #expect(skipped.instants == [Self.date("2026-03-29T01:30:00Z")])
        let normal = conv.convert(year: 2026, month: 7, day: 1, hour: 12, minute: 0, second: 0)
        #expect(normal.instants == [Self.date("2026-07-01T10:00:00Z")])
    }

    @Test func squidNATAndSignInLogs() throws {
        let logs = try Self.load(["access.log", "nat.csv", "signins.csv", "inventaris.csv"])
        let proxy = logs.index.query(IPAddress("10.20.12.7")!, from: Self.date("2026-03-04T09:17:30Z"), until: Self.date("2026-03-04T09:17:40Z"))
        #expect(proxy.map(\.user) == ["d.jansen", "d.jansen"])
        #expect(SquidParser.host(ofDetail: proxy.first?.detail ?? "") == "outlook.office365.com")
        let nat = logs.index.query(IPAddress("198.51.100.200")!, from: Self.date("2026-03-04T09:50:12Z"), until: Self.date("2026-03-04T09:50:12Z"))
        #expect(Set(nat.compactMap { $0.internalIP?.description }) == ["10.20.12.7", "10.20.12.8"])
        #expect(nat.contains { $0.port == 40001 && FirewallNATParser.destinationPort($0.detail) == 587 })
        // Failed sign-ins are not sightings.
        let daan = logs.signIns["daan.jansen@voorbeeldcollege.example"] ?? []
        #expect(daan.map(\.ip.description) == ["203.0.113.77", "198.51.100.200"])
        #expect(daan.last?.host == "WS-LOK12-07")
        #expect(logs.inventory(mac: "00:1a:2b:3c:4e:23", host: nil)?.room == "lokaal 14")
        #expect(logs.inventory(mac: nil, host: "DESKTOP-7HQ2.voorbeeldcollege.local")?.room == "mediatheek")
        #expect(logs.inventory(mac: "3c:52:82:1a:2b:77", host: nil)?.workstation == "WS-LOK12-77")
    }

    @Test func indexQueriesAreExactAtTheEdges() {
        let ip = IPAddress("10.1.1.1")!
        let d = { (s: Double) in Date(timeIntervalSince1970: s) }
        var list: [Sighting] = []
        // A long lease early on and many short ones: the long one must still be found late.
        list.append(Sighting(kind: .lease, ip: ip, from: d(0), until: d(10_000), mac: "aa:aa:aa:aa:aa:01", source: 0, line: 1))
        for k in 0..<100 {
            list.append(Sighting(kind: .lease, ip: ip, from: d(Double(100 + k * 50)), until: d(Double(120 + k * 50)),
                                 mac: String(format: "bb:bb:bb:bb:bb:%02x", k), source: 0, line: k + 2))
        }
        let index = SightingIndex(sightings: list)
        #expect(index.query(ip, from: d(9_000), until: d(9_000)).map(\.line) == [1])
        #expect(index.query(ip, from: d(120), until: d(150)).map(\.line) == [1, 2, 3])
        #expect(index.query(ip, from: d(10_001), until: d(20_000)).isEmpty)
        #expect(index.query(IPAddress("10.1.1.2")!, from: d(0), until: d(1e9)).isEmpty)
    }
}
