import Foundation
import BewaarStore

/// A temporary folder removed when the value goes away, with everything in it (read-only
/// originals too: they are made writable again first).
public final class TempDir {
    public let path = NSTemporaryDirectory() + "bewaar-test-" + UUID().uuidString

    public init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }

    deinit {
        if let subs = try? FileManager.default.subpathsOfDirectory(atPath: path) { for s in subs { chmod(path + "/" + s, 0o700) } }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A store in the folder (`--store` of the command line).
    public var store: String { path + "/store" }

    /// The path of `name` in the folder (the file need not exist).
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` as `name` in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let p = file(name)
        _ = FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }
}

extension TempDir {
    /// Opens (or makes) the store in the folder with `modules`, on a clock the test controls
    /// (2026-03-02 19:05 UTC, one second per reading).
    package func openStore(
        modules: [any StoreModule], clock: TestClock = TestClock(Date(timeIntervalSince1970: 1_772_478_300), tick: 1)
    ) throws -> CaseStore {
        try CaseStore(path: store, create: true, clock: { clock.now }, modules: modules)
    }
}
