import BewaarStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BewaarWeb

/// Request handlers run on ``StoreThreads``, so handlers blocked in synchronous work (as a store
/// call on PostgreSQL blocks on the network) do not hold up other requests.
@Suite struct StoreThreadsTests {
    /// More handlers than the machine has cores block at once, and each runs on a thread of the
    /// pool, not on Swift's cooperative pool (one thread per core), where a blocked handler would
    /// hold up every request behind it.
    ///
    /// The router gets a pool of its own: the whole suite's web tests share the process's pool,
    /// and their ingests could fill it. How long other requests wait is not asserted in-process:
    /// in the whole suite other tests' blocking work holds Swift's cooperative pool, where the
    /// server reads a request before the pool takes it (seen in CI: no handler had started after
    /// 6 s). Run alone on 2 cores, all 4 handlers ran together and a page asked for meanwhile came
    /// at once; without the pool, 2 ran and the page waited 6 s. `scripts/bench/web` measures the
    /// server on its own (README).
    @Test func blockedHandlersRunOnThePool() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let router = WebServer.router(
            store: f.store, configuration: f.configuration(), packet: PacketSeam(), trace: TraceSeam(), board: BoardSeam(),
            threads: StoreThreads(threads: 16))
        let started = ThreadNames()
        router.get("/test/bezet") { _, _ -> String in started.block(seconds: 2) }
        let blocked = ProcessInfo.processInfo.activeProcessorCount + 2
        let app = Application(router: router)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let answers = await offThePool {
                RawSocket.parallel(blocked, port: port) { _ in "GET /test/bezet HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" }
            }
            #expect(answers.count == blocked && answers.allSatisfy { $0.hasPrefix("HTTP/1.1 200 OK") })
            let names = started.names
            #expect(names.count == blocked)
            #expect(names.allSatisfy { $0.hasPrefix(StoreThreads.namePrefix) }, "\(names)")
        }
    }
}

/// The names of the threads handlers ran on, collected under a lock.
final class ThreadNames: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String] = []
    func add(_ name: String) { lock.withLock { seen.append(name) } }
    /// Notes the calling thread's name and blocks it for `seconds`, as a synchronous store call
    /// waiting for its database does.
    func block(seconds: Double) -> String {
        add(StoreThreads.isCurrent ? StoreThreads.namePrefix : (Thread.current.name ?? "(no name)"))
        Thread.sleep(forTimeInterval: seconds)
        return "klaar"
    }
    var count: Int { lock.withLock { seen.count } }
    var names: [String] { lock.withLock { seen } }
}
