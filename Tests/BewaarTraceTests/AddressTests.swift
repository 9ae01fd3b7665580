import BewaarModel
import Testing
@testable import BewaarTrace

@Suite struct AddressTests {
    @Test func parsesTheFormsHeadersAndLogsUse() {
        #expect(IPAddress("10.20.12.7")?.description == "10.20.12.7")
        #expect(IPAddress("[198.51.100.5]")?.description == "198.51.100.5")
        #expect(IPAddress("IPv6:2001:db8:4:12::42")?.description == "2001:db8:4:12::42")
        #expect(IPAddress("2001:0DB8:0004:0012:0000:0000:0000:0042")?.description == "2001:db8:4:12::42")
        #expect(IPAddress("fe80::5c3a:1b2:9d4e:77aa%4")?.description == "fe80::5c3a:1b2:9d4e:77aa")
        #expect(IPAddress("::ffff:192.168.1.5")?.description == "192.168.1.5")
        #expect(IPAddress("::ffff:192.168.1.5")?.isV4 == true)
        #expect(IPAddress("::1")?.description == "::1")
        #expect(IPAddress("2001:db8::")?.description == "2001:db8::")
        #expect(IPAddress("1:0:0:1:0:0:0:1")?.description == "1:0:0:1::1")
    }

    @Test(arguments: ["15.20.8489.25", "10.20.12", "256.1.1.1", "01.2.3.4", "1.2.3.4.5", "2001:db8:::1", "1:2:3:4:5:6:7:8:9",
                      "fetchmail-6.2.5.2", "", "::g", "1::2::3"])
    func refusesWhatIsNotAnAddress(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test func cidrContainsAndNormalises() {
        let c = CIDR("10.20.1.5/16")!
        #expect(c.description == "10.20.0.0/16")
        #expect(c.contains(IPAddress("10.20.255.1")!))
        #expect(!c.contains(IPAddress("10.21.0.1")!))
        #expect(!c.contains(IPAddress("::ffff:10.21.0.1")!))
        let v6 = CIDR("2001:db8:4::/48")!
        #expect(v6.contains(IPAddress("2001:db8:4:12::42")!))
        #expect(!v6.contains(IPAddress("2001:db8:5::1")!))
        #expect(CIDR("10.0.0.0/33") == nil)
        #expect(CIDR("0.0.0.0/0")!.contains(IPAddress("203.0.113.1")!))
        #expect(CIDR("::/0")!.contains(IPAddress("2001:db8::1")!))
        #expect(!CIDR("::/0")!.contains(IPAddress("203.0.113.1")!))
    }

    @Test func classifiesAgainstTheSchoolAndSpecialRanges() throws {
        let n = try NetworkFile.parse("""
            egress = ["198.51.100.200/32"]
            [[internal]]
            range = "10.20.0.0/16"
            label = "leerlingennetwerk"
            [[internal]]
            range = "2001:db8:4::/48"
            label = "leerlingennetwerk (IPv6)"
            """)
        let c = AddressClassifier(network: n)
        func code(_ s: String) -> String { c.classify(IPAddress(s)!).code }
        #expect(code("10.20.12.7") == "intern")
        #expect(code("2001:db8:4:12::42") == "intern")
        #expect(code("198.51.100.200") == "egress")
        #expect(code("100.64.1.2") == "cgnat")
        #expect(code("100.127.255.255") == "cgnat")
        #expect(code("100.128.0.1") == "publiek")
        #expect(code("192.168.178.23") == "prive")
        #expect(code("172.16.5.5") == "prive")
        #expect(code("10.99.0.1") == "prive")
        #expect(code("fd12:3456::1") == "prive")
        #expect(code("127.0.0.1") == "loopback")
        #expect(code("::1") == "loopback")
        #expect(code("169.254.10.1") == "link-local")
        #expect(code("fe80::1") == "link-local")
        #expect(code("203.0.113.77") == "publiek")
        #expect(code("2001:db8:9::1") == "publiek")
    }
}
