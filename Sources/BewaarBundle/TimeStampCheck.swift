import Foundation

/// Checks an RFC 3161 time-stamp response offline with `openssl ts -verify` (no network).
public enum TimeStampCheck {
    public enum Outcome: Sendable, Equatable {
        /// Verified; the token's time as openssl reports it.
        case ok(String)
        case failed(String)
        case noOpenSSL
    }

    /// Where openssl is, if installed.
    public static func openssl() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/openssl"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Verifies that `response` stamps the SHA-256 `digest` and chains to `caFile`.
    public static func verify(digest: String, response: String, caFile: String, untrusted: String?) -> Outcome {
        guard let openssl = openssl() else { return .noOpenSSL }
        var args = ["ts", "-verify", "-digest", digest, "-sha256", "-in", response, "-CAfile", caFile]
        if let untrusted { args += ["-untrusted", untrusted] }
        let (code, output) = run(openssl, args)
        guard code == 0, output.contains("Verification: OK") else {
            let why = output.split(separator: "\n").filter { !$0.hasPrefix("Using configuration") }.suffix(3).joined(separator: " ")
            return .failed(why.isEmpty ? "openssl exit \(code)" : why)
        }
        let (_, text) = run(openssl, ["ts", "-reply", "-in", response, "-text"])
        let time = text.split(separator: "\n").first { $0.hasPrefix("Time stamp:") }.map { String($0.dropFirst(11)).trimmingCharacters(in: .whitespaces) }
        return .ok(time ?? "Verification: OK")
    }

    static func run(_ exe: String, _ args: [String]) -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        do { try p.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
