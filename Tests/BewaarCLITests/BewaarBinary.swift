import Foundation

/// Runs the built `bewaar` executable, as a person or a script would.
struct BewaarBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The executable next to the test bundle, else in the package's debug build folder.
    static let path: String = {
        var candidates: [String] = []
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("bewaar").path)
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("bewaar").path)
        candidates.append(packageRoot + "/.build/debug/bewaar")
        for c in candidates where FileManager.default.isExecutableFile(atPath: c) { return c }
        fatalError("The bewaar executable was not found; build it first with `swift build`. Looked in: \(candidates)")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `bewaar ARGS` with a clean environment (Dutch unless told otherwise).
    @discardableResult
    static func run(_ args: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "USER": "testgebruiker", "LANG": "nl_NL.UTF-8"]
        env.merge(environment) { $1 }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes while the process runs so a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        p.waitUntilExit()
        group.wait()
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A temporary folder removed when the test ends.
    final class TempDir {
        let path = NSTemporaryDirectory() + "bewaar-cli-" + UUID().uuidString
        init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit {
            if let subs = try? FileManager.default.subpathsOfDirectory(atPath: path) { for s in subs { chmod(path + "/" + s, 0o700) } }
            try? FileManager.default.removeItem(atPath: path)
        }
        var store: String { path + "/store" }
    }
}
