import Testing
@testable import BewaarTrace

@Test func rulesVersionIsSet() {
    #expect(TraceRules.version.hasPrefix("trace-"))
}
