import BewaarPostgresTestSupport
import Foundation

@testable import BewaarStorePostgres

#if canImport(Glibc)
import Glibc
#endif

/// A second real PostgreSQL of the test run, with TLS: `scripts/postgres start` with a server
/// certificate for `localhost` and `hostssl` in pg_hba.conf (TCP only over TLS). Its CA, the
/// server's certificate and another CA (which signed nothing of the server's) are made with the
/// `openssl` command into the run's temporary folder, so nothing is kept between runs. Started
/// once, by the first TLS test; stopped and removed, certificates included, by a watcher when the
/// test process ends (as ``PostgresServer``).
enum PostgresTLSServer {
    /// The `openssl` command, nil when it is not installed.
    static let openssl: String? = ["/usr/bin/openssl", "/bin/openssl", "/usr/local/bin/openssl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static var available: Bool { PostgresServer.installed && openssl != nil }

    /// Why the TLS tests did not run.
    static var skipReason: String {
        PostgresServer.notInstalled
            ?? (openssl == nil ? "openssl is not installed (apt-get install -y openssl): the TLS tests make their certificates with it" : "")
    }

    /// The running TLS server.
    struct Server: Sendable {
        /// `postgres://bewaar:…@localhost:PORT/bewaar?sslmode=verify-full&sslrootcert=<the CA>`.
        var url: PostgresURL
        /// The PEM file of the CA that signed the server's certificate.
        var authority: String
        /// The PEM file of another CA, which signed nothing the server has.
        var otherAuthority: String
    }

    static let started: Result<Server, PostgresServer.ServerError> = start()

    /// The TLS server, starting it if this is the first call.
    static func server() throws -> Server { try started.get() }

    private static func start() -> Result<Server, PostgresServer.ServerError> {
        guard let openssl else { return .failure(.init(message: skipReason)) }
        if let notInstalled = PostgresServer.notInstalled { return .failure(.init(message: notInstalled)) }
        var template = Array("/tmp/bewaar-pg-tls-tests.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return .failure(.init(message: "mkdtemp failed")) }
        let parent = String(cString: made)
        chmod(parent, 0o755)
        let certificates = parent + "/certificates"
        mkdir(certificates, 0o700)
        let file = { (name: String) in certificates + "/" + name }
        let extensions = "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
        _ = FileManager.default.createFile(atPath: file("server.ext"), contents: Data(extensions.utf8))
        var steps: [[String]] = []
        for ca in ["ca", "other-ca"] {
            steps.append([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", file(ca + ".key"), "-out", file(ca + ".crt"), "-days", "2",
                "-subj", "/O=Bewaar tests/CN=Bewaar test \(ca)", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ])
        }
        steps.append(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", file("server.key"), "-out", file("server.csr"), "-subj", "/CN=localhost"])
        steps.append([
            "x509", "-req", "-in", file("server.csr"), "-CA", file("ca.crt"), "-CAkey", file("ca.key"), "-CAcreateserial", "-out", file("server.crt"),
            "-days", "2", "-extfile", file("server.ext"),
        ])
        for step in steps {
            let (status, _, errors) = PostgresServer.run(openssl, step)
            guard status == 0 else {
                _ = PostgresServer.run("/bin/rm", ["-rf", parent])
                return .failure(.init(message: "openssl \(step[0]) exited \(status): \(errors)"))
            }
        }
        let folder = parent + "/pg"
        let (status, output, errors) = PostgresServer.run(
            "/usr/bin/env",
            [
                "BEWAAR_PG_SSL_CERT=" + file("server.crt"), "BEWAAR_PG_SSL_KEY=" + file("server.key"), "BEWAAR_PG_HOSTSSL=1",
                PostgresServer.script, "start", folder,
            ])
        guard status == 0 else {
            _ = PostgresServer.run("/bin/rm", ["-rf", parent])
            return .failure(.init(message: "start with TLS exited \(status): \(errors)"))
        }
        let watch = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; \"$2\" stop \"$3\"; rm -rf \"$4\""
        _ = PostgresServer.spawn(
            "/usr/bin/setsid", ["/bin/sh", "-c", watch, "sh", String(getpid()), PostgresServer.script, folder, parent], output: "/dev/null",
            errors: "/dev/null")
        do {
            var url = try PostgresURL(output.trimmingCharacters(in: .whitespacesAndNewlines))
            url.host = "localhost"
            url.tlsMode = .verifyFull
            url.rootCertificatePath = file("ca.crt")
            return .success(Server(url: url, authority: file("ca.crt"), otherAuthority: file("other-ca.crt")))
        } catch {
            return .failure(.init(message: "its URL does not parse: \(error)"))
        }
    }
}
