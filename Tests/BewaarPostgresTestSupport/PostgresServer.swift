import BewaarStore
import BewaarStorePostgres
import BewaarTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The real PostgreSQL server of this test run: `scripts/postgres start` in a folder under /tmp
/// (made 0755, so that the server's user `nobody` reaches it when the tests run as root), started
/// once, by the first test that asks for its URL. A watcher process stops it and removes the
/// folder as soon as the test process has ended, however it ends.
///
/// Whether PostgreSQL is installed is asked first, without starting anything: the script is run
/// with a database name it refuses, so it exits 77 with its "not installed" message (checked
/// before anything else), or 2 when PostgreSQL is there. The PostgreSQL tests are then disabled
/// with that message as the reason. Any failure of the real start fails those tests.
///
/// Processes are started with `posix_spawn` and waited for with `waitpid`: Foundation's `Process`
/// learns of a child's end through a dispatch queue, which never runs when every thread of the
/// small shared pool is blocked waiting (on a 2-core machine, two tests at once).
package enum PostgresServer {
    package static let script = BewaarBinary.packageRoot + "/scripts/postgres"

    /// nil when PostgreSQL is installed, else the script's message saying what to install.
    package static let notInstalled: String? = {
        let (status, _, errors) = run(script, ["start", "/tmp/bewaar-pg-probe-never-made", "Not-A-Name"])
        return status == 77 ? errors.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }()

    package static var installed: Bool { notInstalled == nil }

    /// Why the PostgreSQL tests did not run (the comment of their `.enabled(if:)`).
    package static var skipReason: String { notInstalled ?? "" }

    /// The running server's URL, or why it did not start.
    package static let started: Result<String, ServerError> = start()

    /// The server's URL (its default database), starting it if this is the first call.
    package static func url() throws -> PostgresURL {
        try PostgresURL(started.get())
    }

    package struct ServerError: Error, CustomStringConvertible {
        package var message: String
        package var description: String { "scripts/postgres: \(message)" }
        package init(message: String) { self.message = message }
    }

    private static func start() -> Result<String, ServerError> {
        if let notInstalled { return .failure(ServerError(message: notInstalled)) }
        var template = Array("/tmp/bewaar-pg-tests.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return .failure(ServerError(message: "mkdtemp failed")) }
        let parent = String(cString: made)
        chmod(parent, 0o755)
        let folder = parent + "/pg"
        let (status, output, errors) = run(script, ["start", folder])
        guard status == 0 else {
            rmdir(parent)
            return .failure(ServerError(message: "start exited \(status): \(errors)"))
        }
        // A process of its own session (so a Ctrl-C of the test run does not reach it) waits for
        // this process to end, then stops the server and removes the folders.
        let watch = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; \"$2\" stop \"$3\"; rmdir \"$4\""
        _ = spawn(
            "/usr/bin/setsid", ["/bin/sh", "-c", watch, "sh", String(getpid()), script, folder, parent], output: "/dev/null", errors: "/dev/null")
        return .success(output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Runs a command to its end: exit status, standard output and standard error (through files).
    package static func run(_ executable: String, _ arguments: [String]) -> (Int32, String, String) {
        let base = NSTemporaryDirectory() + "bewaar-pg-run-" + UUID().uuidString
        defer {
            unlink(base + ".out")
            unlink(base + ".err")
        }
        guard let pid = spawn(executable, arguments, output: base + ".out", errors: base + ".err") else {
            return (127, "", "\(executable) does not start (errno \(errno))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (exit, read(base + ".out"), read(base + ".err"))
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc
    /// module does not show: found at run time; nil where the C library has none.
    static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Starts `executable` with `arguments`, standard input from /dev/null, its output into the
    /// two files and no other open file of this process; returns its pid (nil when it cannot start).
    package static func spawn(_ executable: String, _ arguments: [String], output: String, errors: String) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nothing else of this process goes with it. Foundation's `Process` sees a child end by the
        // end of a socket only that child holds, and reads its output to the end of a pipe: a
        // PostgreSQL server (or its watcher) started while another test runs `bewaar` would keep
        // both open for ever, and that test would wait for ever (seen once in CI: a `bewaar`
        // zombie, `waitUntilExit` never returning).
        closeFrom?(&actions, 3)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
        return pid
    }
}
