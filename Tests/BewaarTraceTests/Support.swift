import Foundation
@testable import BewaarTrace

/// Paths and helpers shared by the trace tests.
enum Fixture {
    static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func path(_ name: String) -> String { testsDir + "/Fixtures/" + name }
    static func sample(_ name: String) -> String { packageRoot + "/samples/" + name }

    /// Traces a fixture mail against a network file and logs (fixture names).
    static func trace(_ mail: String, network: String? = "school.toml", logs: [String] = []) throws -> TraceResult {
        let m = try TraceMail.read(path: mail.hasPrefix("/") ? mail : path(mail))
        let n = try network.map { try NetworkFile.load(path: $0.hasPrefix("/") ? $0 : path($0)) } ?? SchoolNetwork.defaults
        let l = try SchoolLogs.load(paths: logs.map { $0.hasPrefix("/") ? $0 : path($0) }, network: n, reference: m.hops.first?.date?.date)
        return Tracer.trace(mail: m, network: n, logs: l, toolVersion: "test")
    }
}
