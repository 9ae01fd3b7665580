import BewaarStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BewaarWeb

/// Request handlers run on ``StoreThreads``, so handlers blocked in synchronous work (as a store
/// call on PostgreSQL blocks on the network) do not hold up other requests.
@Suite struct StoreThreadsTests {
    /// More handlers than the machine has cores block for six seconds at once. All of them are
    /// running within four seconds, each on a store thread, and a page asked for meanwhile comes
    /// at once. On Swift's cooperative pool (one thread per core) only as many handlers as cores
    /// would run, and the page would wait for one of them to end.
    @Test func blockedHandlersHoldUpNoOtherRequest() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let router = WebServer.router(store: f.store, configuration: f.configuration())
        let started = ThreadNames()
        router.get("/test/bezet") { _, _ -> String in started.block(seconds: 6) }
        let blocked = ProcessInfo.processInfo.activeProcessorCount + 2
        let app = Application(router: router)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            async let slow = offThePool {
                RawSocket.parallel(blocked, port: port) { _ in "GET /test/bezet HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" }
            }
            let running = await offThePool {
                let deadline = Date().addingTimeInterval(4)
                while started.count < blocked && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
                return started.count
            }
            let asked = Date()
            let page = await offThePool {
                RawSocket.parallel(1, port: port) { _ in "GET /static/app.css HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" }
            }
            let waited = Date().timeIntervalSince(asked)
            let answers = await slow
            #expect(running == blocked, "\(running) of \(blocked) blocked handlers were running after 4 s")
            #expect(page.count == 1 && page.allSatisfy { $0.hasPrefix("HTTP/1.1 200 OK") })
            #expect(waited < 2, "the page came after \(waited) s")
            #expect(answers.count == blocked && answers.allSatisfy { $0.hasPrefix("HTTP/1.1 200 OK") })
            let names = started.names
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
