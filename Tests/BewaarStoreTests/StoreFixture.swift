import Foundation
import BewaarModel
import BewaarStore
import BewaarTestSupport

/// A fresh store in its own temporary folder, with a clock the test controls.
final class StoreFixture: @unchecked Sendable {
    let folder: String
    let clock = TestClock(Date(timeIntervalSince1970: 1_772_478_300), tick: 1)  // 2026-03-02 19:05 UTC

    init() throws {
        folder = NSTemporaryDirectory() + "bewaar-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit {
        // Objects are read-only; make them removable again.
        _ = try? FileManager.default.subpathsOfDirectory(atPath: folder).forEach {
            chmod(folder + "/" + $0, 0o700)
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    var storePath: String { folder + "/store" }

    func open(fault: (@Sendable () throws -> Void)? = nil) throws -> CaseStore {
        let clock = self.clock
        return try CaseStore(path: storePath, create: true, clock: { clock.now }, faultBeforeCommit: fault)
    }

    /// Writes a file with these bytes and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

struct InjectedCrash: Error {}
