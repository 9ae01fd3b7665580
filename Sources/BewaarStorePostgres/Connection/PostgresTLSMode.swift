/// How a connection to PostgreSQL is protected: libpq's `sslmode` in the database address
/// (`?sslmode=verify-full`), with the three modes Bewaar accepts.
///
/// A board's database is on the network and holds minors' data, so the default for every server
/// that is not this machine is ``verifyFull``. ``disable`` is accepted only for this machine
/// (`localhost`, `127.0.0.1`, `::1`), where no network carries the connection.
package enum PostgresTLSMode: String, Sendable, Equatable, CaseIterable {
    /// No TLS: only for a server on this machine.
    case disable
    /// TLS, but the server's certificate is not checked: the connection is encrypted, yet anyone
    /// on the path who presents some certificate can read it. Allowed, not recommended.
    case require
    /// TLS, the certificate checked against `sslrootcert` (or the system's roots) and the host
    /// name checked against the certificate. The default for a server on the network.
    case verifyFull = "verify-full"

    /// The hosts for which ``disable`` is allowed (and the default): this machine.
    package static func isLocal(_ host: String) -> Bool {
        ["localhost", "127.0.0.1", "::1"].contains(host.lowercased())
    }

    /// The mode when the address names none: ``disable`` for this machine, else ``verifyFull``.
    package static func defaultMode(host: String) -> PostgresTLSMode {
        isLocal(host) ? .disable : .verifyFull
    }
}
