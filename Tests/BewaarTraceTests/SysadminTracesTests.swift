import BewaarModel
import BewaarJSON
import Testing
import Foundation
@testable import BewaarTrace
import BewaarTestSupport

/// The systeembeheerder traces a mail: each fixture is one shape a Dutch school meets. Each
/// asserts the originating IP, its classification, the matched workstation (or none) and the
/// certainty.
@Suite struct SysadminTracesTests {
    @Test func sampleMailViaSchoolPostfixRelayFromPupilWorkstation() throws {
        let r = try Fixture.trace(Fixture.sample("evidence/anonieme-mail.eml"), network: Fixture.sample("school/network.toml"),
                                  logs: [Fixture.sample("school/dhcpd.leases"), Fixture.sample("school/inventaris.csv")])
        #expect(r.originatingIP?.description == "10.20.12.7")
        #expect(r.classification?.code == "intern")
        #expect(r.matches.map(\.workstation) == ["WS-LOK12-07"])
        #expect(r.matches.first?.room == "lokaal 12")
        #expect(r.certainty == .hoog)
        #expect(r.walk.trusted == [true, true, false])
        #expect(r.conclusion.dutch.contains("WS-LOK12-07 (lokaal 12) had adres 10.20.12.7 van 08:55 tot 15:31"))
        // The guest laptop that got the address at 15:40 is not a candidate.
        #expect(!r.matches.contains { $0.host == "LAPTOP-GAST" })
    }

    @Test func schoolPostfixRelayWithAuthenticatedPupilWorkstation() throws {
        let r = try Fixture.trace("postfix-esmtpsa.eml", logs: ["dhcpd-v4.leases", "inventaris.csv"])
        #expect(r.originatingIP?.description == "10.20.14.23")
        #expect(r.walk.stop == .authenticated)
        #expect(r.classification?.code == "intern")
        #expect(r.matches.map(\.workstation) == ["WS-LOK14-23"])
        #expect(r.certainty == .hoog)
        // Two journal blocks of the same lease are one span, ending at the later block's end.
        #expect(r.matches.first?.until.traceJSON == "2026-03-04T15:01:00Z")
    }

    @Test func leaseRenewedToAnotherMACMinutesAfterTheSend() throws {
        let r = try Fixture.trace("renewed-other-mac.eml", logs: ["dhcpd-v4.leases", "inventaris.csv"])
        #expect(r.originatingIP?.description == "10.20.14.30")
        #expect(r.classification?.code == "intern")
        #expect(r.matches.count == 2)
        #expect(r.matches.filter(\.coversSendTime).map(\.workstation) == ["WS-LOK14-30"])
        #expect(r.matches.contains { $0.host == "LAPTOP-GAST-3" && !$0.coversSendTime })
        #expect(r.conclusion.dutch.contains("WS-LOK14-30"))
        #expect(r.certainty == .redelijk)
    }

    @Test func exchangeOnPremiseStaffLaptopAcrossTwoWindowsLogFiles() throws {
        let r = try Fixture.trace("exchange-onprem.eml", logs: ["DhcpSrvLog-Tue.log", "DhcpSrvLog-Wed.log", "inventaris.csv"])
        #expect(r.originatingIP?.description == "10.30.1.31")
        #expect(r.classification?.code == "intern")
        if case .schoolInternal(let range) = r.classification { #expect(range.label == "personeelsnetwerk") }
        // Build numbers like 15.2.1544.4 are never addresses.
        #expect(r.mail.hops.map(\.ip) == ["10.0.0.25", "10.30.1.31"])
        #expect(r.matches.map(\.workstation) == ["LT-DOC-031"])
        // The lease began in Tuesday's file and was renewed in Wednesday's.
        #expect(r.matches.first?.from.traceJSON == "2026-03-03T15:00:05Z")
        #expect(r.certainty == .hoog)
    }

    @Test func windowsLogThatRolledOverHasNoRecordOfTheSendDay() throws {
        let r = try Fixture.trace("exchange-onprem.eml", logs: ["DhcpSrvLog-Wed-overschreven.log", "inventaris.csv"])
        #expect(r.originatingIP?.description == "10.30.1.31")
        #expect(r.classification?.code == "intern")
        #expect(r.matches.isEmpty)
        #expect(r.findings.contains { $0.code == "logs-do-not-cover" && $0.dutch.contains("7 dagen") })
        #expect(r.certainty == .laag)
    }

    @Test func microsoft365SchoolAccountResolvedThroughSignInLog() throws {
        for log in ["signins.csv", "signins.json"] {
            let r = try Fixture.trace("m365-schoolaccount.eml", logs: [log, "inventaris.csv"])
            #expect(r.walk.stop == .providerHidden)
            #expect(r.walk.provider?.hasPrefix("Microsoft") == true)
            #expect(r.originatingIP?.description == "198.51.100.200")
            #expect(r.originSource == "signin-log")
            #expect(r.classification?.code == "egress")
            #expect(r.matches.filter { $0.kind == "signin" }.map(\.workstation) == ["WS-LOK12-07"])
            #expect(r.certainty == .redelijk)
            #expect(r.notProven.contains { $0.dutch.contains("aanmelding is geen verzending") })
        }
    }

    @Test func microsoft365WithoutSignInLogIsUnknown() throws {
        let r = try Fixture.trace("m365-schoolaccount.eml")
        #expect(r.originatingIP == nil)
        #expect(r.classification == nil)
        #expect(r.matches.isEmpty)
        #expect(r.certainty == .onbekend)
        #expect(r.conclusion.dutch.contains("Alleen de beheerder van dat account"))
    }

    @Test func gmailWebHidesTheClient() throws {
        let r = try Fixture.trace("gmail-web.eml", logs: ["dhcpd-v4.leases"])
        #expect(r.originatingIP == nil)
        #expect(r.relayIP?.description == "192.0.2.54")
        #expect(r.walk.provider?.hasPrefix("Google") == true)
        #expect(r.classification == nil)
        #expect(r.matches.isEmpty)
        #expect(r.certainty == .onbekend)
        #expect(r.conclusion.dutch.hasPrefix("Verzonden via een webmaildienst (Google"))
    }

    @Test func gmailThroughSMTPFromAHomeNetwork() throws {
        let r = try Fixture.trace("gmail-smtp-home.eml", network: "school-google.toml", logs: ["dhcpd-v4.leases"])
        // The bracketed HELO literal 192.168.178.23 is not the peer.
        #expect(r.originatingIP?.description == "203.0.113.77")
        #expect(r.walk.stop == .authenticated)
        #expect(r.classification?.code == "publiek")
        #expect(r.matches.isEmpty)
        #expect(r.certainty == .redelijk)
        #expect(!r.findings.contains { $0.code == "chain-break" })
    }

    @Test func eximShapes() throws {
        let home = try Fixture.trace("exim-home.eml")
        #expect(home.originatingIP?.description == "203.0.113.77")
        #expect(home.classification?.code == "publiek")
        #expect(home.matches.isEmpty)
        #expect(home.certainty == .redelijk)

        let inside = try Fixture.trace("exim-internal.eml", logs: ["dnsmasq-syslog.log"])
        #expect(inside.originatingIP?.description == "10.20.12.30")
        #expect(inside.originPort == 51234)
        #expect(inside.classification?.code == "intern")
        #expect(inside.matches.map(\.host) == ["LAPTOP-LOTTE"])
        #expect(inside.matches.first?.workstation == nil)
        #expect(inside.certainty == .hoog)
    }

    @Test func qmailShape() throws {
        let r = try Fixture.trace("qmail.eml", logs: ["dnsmasq.leases", "inventaris.csv"])
        #expect(r.originatingIP?.description == "10.20.12.23")
        #expect(r.classification?.code == "intern")
        #expect(r.matches.map(\.workstation) == ["DESKTOP-7HQ2"])
        #expect(r.matches.first?.room == "mediatheek")
        #expect(r.certainty == .hoog)
    }

    @Test func forgedHopsBelowTheTrustBoundaryAreNeverUsed() throws {
        // The lease log really shows WS-LOK12-07 on 10.20.12.7 at that time: the forger chose well.
        let r = try Fixture.trace("forged-below.eml", logs: [Fixture.sample("school/dhcpd.leases"), "inventaris.csv"])
        #expect(r.originatingIP?.description == "203.0.113.50")
        #expect(r.classification?.code == "publiek")
        #expect(r.matches.isEmpty)
        #expect(r.certainty == .redelijk)
        #expect(r.walk.trusted == [true, true, false])
        #expect(r.findings.contains { $0.code == "below-boundary" })
        #expect(r.findings.contains { $0.code == "clock-backwards" && $0.hop == 2 && !$0.weakens })
        #expect(r.hints.contains { $0.dutch.contains("X-Originating-IP") && $0.dutch.contains("onder de vertrouwensgrens") })
        #expect(r.hints.contains { $0.dutch.contains("regel 3") && $0.dutch.contains("10.20.12.7") })
    }

    @Test func ipv6Throughout() throws {
        let isc = try Fixture.trace("ipv6.eml", logs: ["dhcpd-v6.leases", "inventaris.csv"])
        #expect(isc.originatingIP?.description == "2001:db8:4:12::42")
        #expect(isc.originatingIP?.isV4 == false)
        #expect(isc.classification?.code == "intern")
        #expect(isc.matches.map(\.workstation) == ["WS-LOK12-42"])
        #expect(isc.matches.first?.mac == "3c:52:82:1a:2b:42")
        #expect(isc.certainty == .hoog)

        let windows = try Fixture.trace("ipv6.eml", logs: ["DhcpV6SrvLog-Wed.log", "inventaris.csv"])
        #expect(windows.originatingIP?.description == "2001:db8:4:12::42")
        #expect(windows.matches.map(\.workstation) == ["WS-LOK12-42"])
        #expect(windows.certainty == .hoog)

        let dnsmasq = try Fixture.trace("ipv6.eml", logs: ["dnsmasq.leases", "inventaris.csv"])
        #expect(dnsmasq.matches.map(\.workstation) == ["WS-LOK12-42"])
    }

    @Test func mailSentInTheDoubledOctoberHour() throws {
        let r = try Fixture.trace("october.eml", logs: ["DhcpSrvLog-Sun.log", "inventaris.csv"])
        #expect(r.originatingIP?.description == "10.20.12.77")
        #expect(r.sendTime?.traceJSON == "2026-10-25T01:40:00Z")
        #expect(r.classification?.code == "intern")
        #expect(r.matches.map(\.workstation) == ["WS-LOK12-77"])
        // Both readings of 02:35 and 02:45 are kept: the span runs from the earlier to the later.
        #expect(r.matches.first?.from.traceJSON == "2026-10-25T00:35:00Z")
        #expect(r.matches.first?.until.traceJSON == "2026-10-25T01:45:00Z")
        #expect(r.certainty == .redelijk)
        #expect(r.reasons.contains { $0.dutch.contains("dubbele uur") })
    }

    @Test func schoolEgressResolvedThroughFirewallNATLog() throws {
        let r = try Fixture.trace("egress-nat.eml", logs: ["nat.csv", Fixture.sample("school/dhcpd.leases"), "inventaris.csv"])
        #expect(r.originatingIP?.description == "198.51.100.200")
        #expect(r.classification?.code == "egress")
        #expect(r.matches.map(\.workstation) == ["WS-LOK12-07"])
        #expect(r.matches.first?.kind == "nat-lease")
        #expect(r.certainty == .redelijk)

        let without = try Fixture.trace("egress-nat.eml", logs: [Fixture.sample("school/dhcpd.leases")])
        #expect(without.originatingIP?.description == "198.51.100.200")
        #expect(without.matches.isEmpty)
        #expect(without.certainty == .laag)
        #expect(without.conclusion.dutch.contains("gedeeld door alle apparaten"))
    }

    @Test func proxyLogCorroboratesWithTheProxyUser() throws {
        let r = try Fixture.trace(Fixture.sample("evidence/anonieme-mail.eml"), network: Fixture.sample("school/network.toml"),
                                  logs: [Fixture.sample("school/dhcpd.leases"), "access.log"])
        let proxy = r.matches.filter { $0.kind == "proxy" }
        #expect(proxy.count == 1)
        #expect(proxy.first?.user == "d.jansen")
        #expect(r.originatingIP?.description == "10.20.12.7")
        #expect(r.classification?.code == "intern")
        #expect(r.matches.compactMap(\.host) == ["WS-LOK12-07"])
        #expect(r.certainty == .hoog)
    }

    @Test func withoutNetworkFileOnlyTheTopHopIsTrusted() throws {
        let r = try Fixture.trace(Fixture.sample("evidence/anonieme-mail.eml"), network: nil)
        #expect(r.originatingIP?.description == "198.51.100.5")
        #expect(r.classification?.code == "publiek")
        #expect(r.matches.isEmpty)
        #expect(r.certainty == .redelijk)
        #expect(r.findings.contains { $0.code == "no-network-file" })
    }

    @Test func resultJSONHasTheIssueShape() throws {
        let r = try Fixture.trace(Fixture.sample("evidence/anonieme-mail.eml"), network: Fixture.sample("school/network.toml"),
                                  logs: [Fixture.sample("school/dhcpd.leases"), Fixture.sample("school/inventaris.csv")])
        let j = r.json
        #expect(j["originatingIp"]?.stringValue == "10.20.12.7")
        #expect(j["classification"]?["code"]?.stringValue == "intern")
        #expect(j["certainty"]?.stringValue == "hoog")
        #expect(j["conclusion"]?.stringValue?.hasPrefix("Waarschijnlijk verzonden vanaf een schoolcomputer") == true)
        let hop = j["hops"]?.arrayValue?[1]
        for key in ["from", "by", "ip", "with", "date", "trusted"] { #expect(hop?[key] != nil, "hop key \(key)") }
        let m = j["matches"]?.arrayValue?.first
        for key in ["host", "mac", "from", "until", "source", "line"] { #expect(m?[key] != nil, "match key \(key)") }
        #expect(m?["line"]?.intValue == 6)
        #expect(j["findings"]?.arrayValue != nil)
        #expect(j["logs"]?.arrayValue?.first?["sha256"]?.stringValue?.count == 64)
        // Same inputs, same bytes.
        let again = try Fixture.trace(Fixture.sample("evidence/anonieme-mail.eml"), network: Fixture.sample("school/network.toml"),
                                      logs: [Fixture.sample("school/dhcpd.leases"), Fixture.sample("school/inventaris.csv")])
        #expect(again.json.serialized() == j.serialized())
    }
}

/// Client-address headers count only inside the trusted region.
@Suite struct ClientHeaderTests {
    static func variant(_ header: String, atTop: Bool) throws -> (TempDir, String) {
        let dir = TempDir()
        var text = try String(contentsOfFile: Fixture.path("m365-schoolaccount.eml"), encoding: .utf8)
        if atTop {
            text = header + "\n" + text
        } else {
            text = text.replacingOccurrences(of: "X-MS-Exchange-Organization-AuthAs: Internal\n",
                                             with: "X-MS-Exchange-Organization-AuthAs: Internal\n" + header + "\n")
        }
        return (dir, dir.write("m.eml", text))
    }

    @Test func xOriginatingIPAboveTheBoundaryIsTheOrigin() throws {
        let (dir, p) = try Self.variant("X-Originating-IP: [10.20.12.7]", atTop: true)
        let r = try Fixture.trace(p, logs: [Fixture.sample("school/dhcpd.leases"), "inventaris.csv"])
        #expect(r.originatingIP?.description == "10.20.12.7")
        #expect(r.originSource == "X-Originating-IP")
        #expect(r.classification?.code == "intern")
        #expect(r.matches.map(\.workstation) == ["WS-LOK12-07"])
        #expect(r.certainty == .redelijk)
        _ = dir
    }

    @Test func xOriginatingIPBelowTheBoundaryIsOnlyAHint() throws {
        let (dir, p) = try Self.variant("X-Originating-IP: [10.20.12.7]", atTop: false)
        let r = try Fixture.trace(p, logs: [Fixture.sample("school/dhcpd.leases"), "inventaris.csv"])
        #expect(r.originatingIP == nil)
        #expect(r.classification == nil)
        #expect(r.matches.isEmpty)
        #expect(r.certainty == .onbekend)
        #expect(r.hints.contains { $0.dutch.contains("X-Originating-IP") && $0.dutch.contains("10.20.12.7") })
        _ = dir
    }

    @Test func exchangeOrganizationHeaderInAMicrosoftMailboxIsBelieved() throws {
        let (dir, p) = try Self.variant("X-MS-Exchange-Organization-OriginalClientIPAddress: 10.20.12.7", atTop: false)
        let r = try Fixture.trace(p, logs: [Fixture.sample("school/dhcpd.leases"), "inventaris.csv"])
        #expect(r.originatingIP?.description == "10.20.12.7")
        #expect(r.originSource == "X-MS-Exchange-Organization-OriginalClientIPAddress")
        #expect(r.classification?.code == "intern")
        #expect(r.matches.map(\.workstation) == ["WS-LOK12-07"])
        #expect(r.certainty == .redelijk)
        _ = dir
    }
}

@Suite struct ReasonTextTests {
    @Test func ipv6AddressesAreShownInCanonicalFormInTheReasons() throws {
        let r = try Fixture.trace("ipv6.eml", logs: ["dhcpd-v6.leases", "inventaris.csv"])
        #expect(r.reasons.first?.dutch.contains("van adres 2001:db8:4:12::42 om 14:10:20 (4 maart 2026, UTC+01:00), na inloggen (ESMTPSA)") == true)
        #expect(!r.reasons.contains { $0.dutch.contains("IPv6:") })
    }
}
