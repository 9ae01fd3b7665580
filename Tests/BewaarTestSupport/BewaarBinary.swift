import Foundation

/// Runs the built `bewaar` executable, as a person or a script would. Shared by every test
/// target that goes end to end through the binary.
public struct BewaarBinary {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The executable next to the test bundle, else in the package's debug build folder.
    public static let path: String = {
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

    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Standard output followed by standard error, for tests that only look for text.
        public var combined: String { stdout + stderr }

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// Runs `bewaar ARGS` with a clean environment (Dutch unless told otherwise), `stdin` on its
    /// standard input (a pipe, not a terminal) and `directory` as its working folder. With
    /// `umask` (e.g. "022") it is started through `/bin/sh` with that umask, as a login shell would.
    @discardableResult
    public static func run(_ args: [String], environment: [String: String] = [:], stdin: String? = nil,
                           directory: String? = nil, umask: String? = nil) throws -> Result {
        let p = Process()
        if let umask {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "umask \(umask); exec \"$0\" \"$@\"", path] + args
        } else {
            p.executableURL = URL(fileURLWithPath: path)
            p.arguments = args
        }
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "USER": "testgebruiker", "LANG": "nl_NL.UTF-8"]
        env.merge(environment) { $1 }
        p.environment = env
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let input = Pipe(), out = Pipe(), err = Pipe()
        p.standardInput = stdin == nil ? FileHandle.nullDevice : input
        p.standardOutput = out
        p.standardError = err
        try p.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
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
}

/// Runs a poppler-utils tool (`pdftotext`, `pdftoppm`, `pdfinfo`; scripts/test installs them).
public enum Poppler {
    public struct Missing: Error, CustomStringConvertible {
        public let tool: String
        public var description: String { "\(tool) is not installed: apt-get install poppler-utils (scripts/test does this)" }
    }

    public static func run(_ tool: String, _ args: [String]) throws -> String {
        let path = "/usr/bin/" + tool
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing(tool: tool) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
