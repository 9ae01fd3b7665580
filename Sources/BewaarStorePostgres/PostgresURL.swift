import Foundation

/// Where a PostgreSQL store lives: `postgres://USER:PASSWORD@HOST:PORT/DATABASE` (or
/// `postgresql://`), as the board's IT writes it and as `scripts/postgres start` prints it.
///
/// User, password and database are percent-decoded (write `%40` for an `@` in a password).
/// The port defaults to 5432 and the database to the user's name, as with `psql`. The only
/// query parameter is `sslmode=disable` (TLS is not supported yet). The password is never
/// shown: ``description`` and every error leave it out.
package struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    package var user: String
    package var password: String?
    package var host: String
    package var port: Int
    package var database: String

    package init(user: String, password: String?, host: String, port: Int = 5432, database: String) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
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
        for parameter in query.split(separator: "&") where !parameter.isEmpty {
            guard parameter.lowercased() == "sslmode=disable" else {
                throw PostgresStoreError.invalidURL(
                    nl: "de instelling \"\(parameter.prefix(40))\" wordt niet ondersteund; alleen sslmode=disable (TLS kan nog niet)",
                    en: "the setting \"\(parameter.prefix(40))\" is not supported; only sslmode=disable (TLS is not supported yet)")
            }
        }
        self.init(user: user, password: password, host: String(host), port: port, database: database)
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
