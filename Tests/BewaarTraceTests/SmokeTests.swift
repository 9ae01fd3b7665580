import Testing
@testable import BewaarTrace

@Test func sampleMailTracesToPupilWorkstation() throws {
    let r = try Fixture.trace(Fixture.sample("evidence/anonieme-mail.eml"), network: Fixture.sample("school/network.toml"),
                              logs: [Fixture.sample("school/dhcpd.leases"), Fixture.sample("school/inventaris.csv")])
    print(r.json.serialized(pretty: true))
    #expect(r.originatingIP?.description == "10.20.12.7")
    #expect(r.classification?.code == "intern")
    #expect(r.matches.first?.workstation == "WS-LOK12-07")
    #expect(r.certainty == .hoog)
}
