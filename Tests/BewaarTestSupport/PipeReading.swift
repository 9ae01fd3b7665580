import Foundation

extension Pipe {
    /// Reads what the other end writes until it contains `text`, the writer closes it, or
    /// `seconds` pass; returns what was read (for a server's "listening on" banner).
    public func read(until text: String, seconds: TimeInterval = 60) -> String {
        var seen = Data()
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, !String(decoding: seen, as: UTF8.self).contains(text) {
            let chunk = fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        return String(decoding: seen, as: UTF8.self)
    }
}

extension BewaarBinary {
    /// Starts `bewaar serve --port 0 --store STORE` (Dutch, a free port) and waits for its
    /// banner; returns the process (stop it yourself) and the banner as read.
    public static func serve(store: String, environment: [String: String] = [:]) throws -> (process: Process, banner: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["serve", "--port", "0", "--store", store]
        p.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "nl_NL.UTF-8"].merging(environment) { $1 }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        return (p, out.read(until: "/  ("))
    }
}
