import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP client for what an HTTP client library will not send: a foreign `Host`, a header
/// that never ends, a slow socket.
struct RawSocket: Sendable {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let r = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard r == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the peer closes or `seconds` pass; returns what came and whether it closed.
    func read(seconds: Double) -> (text: String, closed: Bool) {
        var out = [UInt8]()
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000)))
            if ready <= 0 { break }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return (String(decoding: out, as: UTF8.self), true) }
            out.append(contentsOf: buffer[0..<n])
        }
        return (String(decoding: out, as: UTF8.self), false)
    }

    func closeSocket() { close(fd) }

    /// Sends `count` requests at once, each from its own thread over its own connection, and
    /// returns each answer's first line (empty when none came within a minute).
    static func parallel(_ count: Int, port: Int, request: @escaping @Sendable (Int) -> String) -> [String] {
        let results = ResultBox(count)
        let group = DispatchGroup()
        for i in 0..<count {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                guard let s = try? RawSocket(port: port) else { return }
                defer { s.closeSocket() }
                s.send(request(i))
                results.set(i, String(s.read(seconds: 60).text.prefix { $0 != "\r" && $0 != "\n" }))
            }
        }
        group.wait()
        return results.all
    }
}

/// Runs blocking socket work on a thread of its own: blocking a thread of Swift's small
/// cooperative pool would stall the very server under test (its handlers run there too).
func offThePool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { c in Thread.detachNewThread { c.resume(returning: body()) } }
}

/// Answers collected from several threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String]
    init(_ n: Int) { values = Array(repeating: "", count: n) }
    func set(_ i: Int, _ v: String) { lock.lock(); values[i] = v; lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return values }
}
