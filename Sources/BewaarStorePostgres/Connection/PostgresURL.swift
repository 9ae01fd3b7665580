import Foundation

/// Where a PostgreSQL store lives: `postgres://USER:PASSWORD@HOST:PORT/DATABASE` (or
/// `postgresql://`), as the board's IT writes it and as `scripts/postgres start` prints it.
///
/// User, password and database are percent-decoded (write `%40` for an `@` in a password).
/// The port defaults to 5432 and the database to the user's name, as with `psql`. The query
/// parameters are libpq's `sslmode` (`verify-full`, `require`, `disable`; see ``PostgresTLSMode``:
/// `verify-full` unless the host is this machine) and `sslrootcert=PATH` (the CA certificates, PEM,
/// that `verify-full` trusts; without it, or with `sslrootcert=system`, the system's roots).
/// `sslmode=disable` for a host on the network is refused. The password is never shown:
/// ``description`` and every error leave it out.
package struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    package var user: String
    package var password: String?
    package var host: String
    package var port: Int
    package var database: String
    /// How the connection is protected (`sslmode`).
    package var tlsMode: PostgresTLSMode
    /// The PEM file of CA certificates that ``PostgresTLSMode/verifyFull`` trusts (`sslrootcert`);
    /// nil for the system's roots.
    package var rootCertificatePath: String?

    /// An address; `tlsMode` nil is the default for `host` (``PostgresTLSMode/defaultMode(host:)``).
    package init(
        user: String, password: String?, host: String, port: Int = 5432, database: String, tlsMode: PostgresTLSMode? = nil,
        rootCertificatePath: String? = nil
    ) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.tlsMode = tlsMode ?? PostgresTLSMode.defaultMode(host: host)
        self.rootCertificatePath = rootCertificatePath
    }

    /// Parses `text`; the error says what is wrong without repeating the text (it may hold the password).
    package init(_ text: String) throws {
        let lower = text.lowercased()
        guard let scheme = ["postgres://", "postgresql://"].first(where: { lower.hasPrefix($0) }) else {
            throw PostgresStoreError.invalidURL(
                nl: "het adres begint niet met postgres:// (voorbeeld: postgres://bewaar:WACHTWOORD@db.example.org:5432/bewaar)",
                en: "the address does not start with postgres:// (for example postgres://bewaar:PASSWORD@db.example.org:5432/bewaar)")
        }
        var rest = Substring(text.dropFirst(scheme.count))
        var query: Substring = ""
        if let q = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        let path = slash < rest.endIndex ? rest[rest.index(after: slash)...] : ""
        var hostPort = authority
        var user = ""
        var password: String?
        if let at = authority.lastIndex(of: "@") {
            let info = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = info.firstIndex(of: ":") {
                user = try Self.decoded(info[..<colon], "gebruikersnaam", "user name")
                password = try Self.decoded(info[info.index(after: colon)...], "wachtwoord", "password")
            } else {
                user = try Self.decoded(info, "gebruikersnaam", "user name")
            }
        }
        guard !user.isEmpty else {
            throw PostgresStoreError.invalidURL(
                nl: "er staat geen gebruikersnaam in (postgres://GEBRUIKER:WACHTWOORD@HOST/DATABASE)",
                en: "it names no user (postgres://USER:PASSWORD@HOST/DATABASE)")
        }
        var host = hostPort
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            // An IPv6 address: [::1]:5432.
            guard let close = hostPort.firstIndex(of: "]") else {
                throw PostgresStoreError.invalidURL(nl: "het IPv6-adres mist zijn ]", en: "the IPv6 address lacks its ]")
            }
            host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { host = "" }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = hostPort[..<colon]
            portText = hostPort[hostPort.index(after: colon)...]
        }
        guard !host.isEmpty else {
            throw PostgresStoreError.invalidURL(nl: "er staat geen server (host) in", en: "it names no server (host)")
        }
        var port = 5432
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else {
                throw PostgresStoreError.invalidURL(
                    nl: "de poort \"\(portText.prefix(12))\" is geen getal van 1 tot 65535",
                    en: "the port \"\(portText.prefix(12))\" is not a number from 1 to 65535")
            }
            port = number
        }
        var database = try Self.decoded(path, "databasenaam", "database name")
        if database.isEmpty { database = user }
        var tlsMode: PostgresTLSMode?
        var rootCertificatePath: String?
        for parameter in query.split(separator: "&") where !parameter.isEmpty {
            let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = pair[0].lowercased()
            let value = pair.count == 2 ? try Self.decoded(pair[1], "waarde van \(name)", "value of \(name)") : ""
            switch name {
            case "sslmode":
                guard let mode = PostgresTLSMode(rawValue: value.lowercased()) else {
                    throw PostgresStoreError.invalidURL(
                        nl:
                            "sslmode=\(value.prefix(20)) wordt niet ondersteund; gebruik sslmode=verify-full (of require, of disable voor deze computer)",
                        en: "sslmode=\(value.prefix(20)) is not supported; use sslmode=verify-full (or require, or disable for this machine)")
                }
                tlsMode = mode
            case "sslrootcert":
                guard !value.isEmpty else {
                    throw PostgresStoreError.invalidURL(
                        nl: "sslrootcert is leeg; geef het pad van het CA-certificaat (PEM)",
                        en: "sslrootcert is empty; give the path of the CA certificate (PEM)")
                }
                rootCertificatePath = value == "system" ? nil : value
            default:
                throw PostgresStoreError.invalidURL(
                    nl: "de instelling \"\(name.prefix(40))\" wordt niet ondersteund; alleen sslmode en sslrootcert",
                    en: "the setting \"\(name.prefix(40))\" is not supported; only sslmode and sslrootcert")
            }
        }
        self.init(
            user: user, password: password, host: String(host), port: port, database: database, tlsMode: tlsMode,
            rootCertificatePath: rootCertificatePath)
        try checkTLSMode()
    }

    /// Refuses `sslmode=disable` for a server that is not this machine: its connection would
    /// carry minors' data and the password unencrypted over the network.
    package func checkTLSMode() throws {
        guard tlsMode == .disable, !PostgresTLSMode.isLocal(host) else { return }
        throw PostgresStoreError(
            .tlsRequired,
            nl:
                "sslmode=disable is alleen toegestaan voor PostgreSQL op deze computer, niet voor \(server): de verbinding zou leerlinggegevens en het wachtwoord onversleuteld over het netwerk sturen. Gebruik sslmode=verify-full (met sslrootcert=PAD naar het CA-certificaat van de server).",
            en:
                "sslmode=disable is only allowed for PostgreSQL on this machine, not for \(server): the connection would carry pupils' data and the password unencrypted over the network. Use sslmode=verify-full (with sslrootcert=PATH to the server's CA certificate)."
        )
    }

    /// `postgres://USER@HOST:PORT/DATABASE`: the address without the password, for messages and logs.
    package var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(shownHost):\(port)/\(database)"
    }

    /// `HOST:PORT`, as messages name the server.
    package var server: String { (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }

    private static func decoded(_ part: Substring, _ nl: String, _ en: String) throws -> String {
        guard let text = String(part).removingPercentEncoding else {
            throw PostgresStoreError.invalidURL(
                nl: "de \(nl) bevat een ongeldige %-code", en: "the \(en) holds an invalid %-escape")
        }
        return text
    }
}
