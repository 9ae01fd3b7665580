import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// A few open connections to one server, shared by the threads of one process. A thread takes a
/// connection for one transaction and gives it back; when all are taken it waits (at most
/// ``waitLimit``) for one to come back. Connections are opened when first needed and a broken one
/// is closed and replaced by a new one later. Blocking: call it from threads that may block.
final class PostgresConnectionPool: @unchecked Sendable {
    let url: PostgresURL
    let maximum: Int
    let logger: Logger
    /// How long a thread waits for a free connection before it gives up with an error.
    let waitLimit: TimeInterval
    private let group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    private let configuration: PostgresConnection.Configuration
    // Guarded by `condition`:
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var closed = false
    private var nextID = 1

    /// Throws before connecting for a TLS setting that cannot be used (``PostgresTLS``).
    init(url: PostgresURL, maximum: Int, logger: Logger, waitLimit: TimeInterval = 60) throws {
        self.url = url
        self.maximum = max(1, maximum)
        self.logger = logger
        self.waitLimit = waitLimit
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: try PostgresTLS.configuration(for: url))
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
    }

    deinit {
        for connection in idle { Self.closeSoon(connection) }
    }

    /// Closes `connection` without waiting, keeping it alive until it is closed (postgres-nio
    /// asserts that a connection is closed before it goes away).
    static func closeSoon(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// A connection of this pool's own, opened now or idle until now.
    func take() throws -> PostgresConnection {
        let deadline = Date(timeIntervalSinceNow: waitLimit)
        condition.lock()
        while true {
            if closed {
                condition.unlock()
                throw PostgresStoreError(
                    .connectionLost, nl: "De verbindingen met PostgreSQL op \(url.server) zijn al gesloten.",
                    en: "The connections to PostgreSQL at \(url.server) have been closed already.")
            }
            if let connection = idle.popLast() {
                if connection.isClosed {
                    open -= 1
                    continue
                }
                condition.unlock()
                return connection
            }
            if open < maximum {
                open += 1
                let id = nextID
                nextID += 1
                condition.unlock()
                do {
                    return try PostgresConnection.connect(on: group.next(), configuration: configuration, id: id, logger: logger).wait()
                } catch {
                    condition.lock()
                    open -= 1
                    condition.signal()
                    condition.unlock()
                    throw PostgresStoreError.from(error, url: url)
                }
            }
            if !condition.wait(until: deadline) {
                condition.unlock()
                throw PostgresStoreError(
                    .tooManyConnections,
                    nl:
                        "Alle \(maximum) verbindingen met PostgreSQL op \(url.server) bleven \(Int(waitLimit)) seconden bezet. Probeer het opnieuw; blijft het, vraag de beheerder.",
                    en:
                        "All \(maximum) connections to PostgreSQL at \(url.server) stayed busy for \(Int(waitLimit)) seconds. Try again; if it persists, ask the administrator."
                )
            }
        }
    }

    /// Gives `connection` back: kept for the next transaction when `reusable`, else closed.
    func giveBack(_ connection: PostgresConnection, reusable: Bool) {
        condition.lock()
        let keep = reusable && !closed && !connection.isClosed
        if keep { idle.append(connection) } else { open -= 1 }
        condition.signal()
        condition.unlock()
        if !keep { Self.closeSoon(connection) }
    }

    /// Closes the idle connections and refuses new takes; connections in use close when given back.
    func close() {
        condition.lock()
        closed = true
        let all = idle
        idle = []
        open -= all.count
        condition.broadcast()
        condition.unlock()
        for connection in all { try? connection.close().wait() }
    }

    /// Connections open now (idle or in use), for tests.
    var openCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return open
    }
}
