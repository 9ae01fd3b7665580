import Testing
import BewaarModel

/// The one address type: what the mail importer finds in headers and the trace compares.
@Suite struct IPAddressTests {
    @Test func tokensFromReceivedHeadersGiveTheAddress() {
        func ip(_ s: String) -> String? { IPAddress(headerToken: Substring(s))?.description }
        #expect(ip("[198.51.100.7]") == "198.51.100.7")
        #expect(ip("(198.51.100.7),") == "198.51.100.7")
        #expect(ip("198.51.100.7:51234") == "198.51.100.7")
        #expect(ip("[IPv6:2001:DB8:0:0::1]") == "2001:db8::1")
        #expect(ip("2603:10a6:20b:2d4::19") == "2603:10a6:20b:2d4::19")
        #expect(ip("fe80::1%eth0") == "fe80::1")
        #expect(ip("mail.example.org") == nil)
        #expect(ip("8.17.1/8.17.1") == nil)
        #expect(ip("4.96") == nil)
    }

    @Test func theTextRoundTripsThroughTheCLibrary() {
        for s in ["10.20.12.7", "0.0.0.0", "255.255.255.255", "::", "::1", "2001:db8::", "1:0:0:1::1", "2001:db8:0:1:1:1:1:1"] {
            #expect(IPAddress(s)?.description == s)
        }
        #expect(IPAddress("::ffff:192.0.2.1") == IPAddress("192.0.2.1"))
        #expect(IPAddress("10.0.0.1")! < IPAddress("::1")!)
    }
}
