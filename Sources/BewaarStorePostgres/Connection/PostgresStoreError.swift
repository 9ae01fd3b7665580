import BewaarModel
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

#if canImport(Glibc)
import Glibc
#endif

/// Why the PostgreSQL store could not do what was asked, in words for the person at the keyboard
/// (often the board's IT, so it names the server and says what to check). Never holds the
/// password: messages name the server by ``PostgresURL/server`` and the user only.
package struct PostgresStoreError: BilingualError, Equatable {
    /// Stable kinds of failure.
    package enum Code: String, Sendable {
        /// The database address cannot be read.
        case invalidURL
        /// Nothing accepts connections at the address (no server, a wrong port, a firewall).
        case connectionRefused
        /// The server cannot be reached at all (an unknown host name, a timeout).
        case unreachable
        /// The server refused the user name or password.
        case authenticationFailed
        /// The server has no database of that name.
        case unknownDatabase
        /// The connection broke off, or the server is shutting down or starting up.
        case connectionLost
        /// The server has no room for another connection.
        case tooManyConnections
        /// PostgreSQL aborted the transaction to resolve a conflict with another one (SQLSTATE
        /// 40001 or 40P01); running it again normally succeeds.
        case conflict
        /// The server refused a statement (a constraint, a syntax error): see ``sqlState``.
        case statementFailed
        /// A column holds a type the store does not read.
        case unsupportedValue
        /// The schema could not be brought up to date (see ``PostgresMigrator``).
        case migrationFailed
        /// An item's records do not add up (their places are not 0, 1, 2, … each once), or a
        /// record writer was given a connection that is not PostgreSQL's: nothing was stored.
        case invalidRecords
        /// `sslmode=disable` for a server on the network: refused before connecting.
        case tlsRequired
        /// The server offers no TLS, and the address asks for it.
        case tlsUnsupportedByServer
        /// The server accepts only TLS connections (pg_hba.conf `hostssl`), and the address says
        /// `sslmode=disable`.
        case tlsRequiredByServer
        /// The server's certificate is not signed by a trusted CA (`sslrootcert` or the system's).
        case tlsUntrustedCertificate
        /// The server's certificate is for another name than the address's host.
        case tlsNameMismatch
        /// The `sslrootcert` file is missing, unreadable or holds no PEM certificate.
        case tlsRootCertificateUnreadable
        /// TLS failed otherwise (the handshake, an old TLS version).
        case tlsFailed
    }

    package let code: Code
    /// PostgreSQL's five-character error code, when the server sent one.
    package let sqlState: String?
    package let dutch: String
    package let english: String

    package init(_ code: Code, sqlState: String? = nil, nl: String, en: String) {
        self.code = code
        self.sqlState = sqlState
        self.dutch = nl
        self.english = en
    }

    /// True for the errors after which a retryable transaction runs again (40001, 40P01).
    package var isConflict: Bool { code == .conflict }

    /// True for a unique key another transaction took first (23505). Under READ COMMITTED two
    /// writers can both see a name free and both insert it; the one that loses gets this. A
    /// retryable transaction runs again and then sees the other's row (so `createAccount` says
    /// the account exists, `grantAccess` returns the link), as SQLite's one-writer-at-a-time gives.
    package var isDuplicateKey: Bool { sqlState == "23505" }

    static func invalidURL(nl: String, en: String) -> PostgresStoreError {
        PostgresStoreError(
            .invalidURL, nl: "Het database-adres klopt niet: \(nl). Geef het als postgres://GEBRUIKER:WACHTWOORD@HOST:POORT/DATABASE.",
            en: "The database address is wrong: \(en). Give it as postgres://USER:PASSWORD@HOST:PORT/DATABASE.")
    }

    /// The error for `error`, which talking to the server at `url` gave.
    static func from(_ error: any Error, url: PostgresURL) -> PostgresStoreError {
        if let error = error as? PostgresStoreError { return error }
        guard let error = error as? PSQLError else {
            return PostgresStoreError(
                .connectionLost,
                nl: "De verbinding met PostgreSQL op \(url.server) mislukte (\(error)). Controleer de server en probeer het opnieuw.",
                en: "The connection to PostgreSQL at \(url.server) failed (\(error)). Check the server and try again.")
        }
        if let server = error.serverInfo, let state = server[.sqlState] {
            return fromServer(state: state, message: server[.message] ?? "", url: url)
        }
        if let tls = fromTLS(error, url: url) { return tls }
        switch error.code {
        case .connectionError:
            if refused(error.underlying) {
                return PostgresStoreError(
                    .connectionRefused,
                    nl:
                        "PostgreSQL op \(url.server) neemt geen verbinding aan. Draait PostgreSQL op \(url.server)? Controleer de host en de poort in het database-adres.",
                    en:
                        "PostgreSQL at \(url.server) does not accept connections. Is PostgreSQL running at \(url.server)? Check the host and port in the database address."
                )
            }
            return PostgresStoreError(
                .unreachable,
                nl:
                    "De PostgreSQL-server \(url.server) is niet bereikbaar (\(describe(error.underlying))). Controleer de hostnaam, het netwerk en de firewall.",
                en:
                    "The PostgreSQL server \(url.server) cannot be reached (\(describe(error.underlying))). Check the host name, the network and the firewall."
            )
        case .authMechanismRequiresPassword:
            return PostgresStoreError(
                .authenticationFailed,
                nl:
                    "PostgreSQL op \(url.server) vraagt een wachtwoord voor gebruiker \(url.user), maar het database-adres heeft er geen. Zet het erin: postgres://\(url.user):WACHTWOORD@\(url.server)/\(url.database).",
                en:
                    "PostgreSQL at \(url.server) asks a password for user \(url.user), but the database address has none. Add it: postgres://\(url.user):PASSWORD@\(url.server)/\(url.database)."
            )
        case .unsupportedAuthMechanism, .saslError:
            return PostgresStoreError(
                .authenticationFailed,
                nl:
                    "Aanmelden bij PostgreSQL op \(url.server) als \(url.user) mislukte: de server vraagt een aanmeldwijze die Bewaar niet kent. Stel voor deze gebruiker scram-sha-256 of md5 in (pg_hba.conf).",
                en:
                    "Signing in to PostgreSQL at \(url.server) as \(url.user) failed: the server asks a method Bewaar does not know. Set scram-sha-256 or md5 for this user (pg_hba.conf)."
            )
        default:
            return PostgresStoreError(
                .connectionLost,
                nl:
                    "De verbinding met PostgreSQL op \(url.server) is verbroken (\(error.code)). Wat niet was vastgelegd, is niet opgeslagen; probeer het opnieuw.",
                en: "The connection to PostgreSQL at \(url.server) broke off (\(error.code)). Nothing that was not committed was stored; try again.")
        }
    }

    /// The error for a failed TLS start (no TLS at the server, a certificate refused), or nil.
    static func fromTLS(_ error: PSQLError, url: PostgresURL) -> PostgresStoreError? {
        if error.code == .sslUnsupported {
            return PostgresStoreError(
                .tlsUnsupportedByServer,
                nl:
                    "PostgreSQL op \(url.server) biedt geen TLS (versleuteling) aan, en het database-adres vraagt sslmode=\(url.tlsMode.rawValue). Zet TLS aan op de server (ssl = on in postgresql.conf, met een certificaat); verbind niet onversleuteld over het netwerk.",
                en:
                    "PostgreSQL at \(url.server) offers no TLS (encryption), and the database address asks sslmode=\(url.tlsMode.rawValue). Turn TLS on at the server (ssl = on in postgresql.conf, with a certificate); do not connect unencrypted over the network."
            )
        }
        guard let underlying = error.underlying, underlying is NIOSSLError || underlying is NIOSSLExtraError else { return nil }
        if let extra = underlying as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return PostgresStoreError(
                .tlsNameMismatch,
                nl:
                    "Het certificaat van PostgreSQL op \(url.server) is niet voor \(url.host) uitgegeven (sslmode=verify-full). Gebruik in het database-adres de naam die in het certificaat staat, of vraag de beheerder een certificaat voor \(url.host).",
                en:
                    "The certificate of PostgreSQL at \(url.server) is not issued for \(url.host) (sslmode=verify-full). Use the name the certificate holds in the database address, or ask the administrator for a certificate for \(url.host)."
            )
        }
        let text = String(describing: underlying)
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            let trusted = url.rootCertificatePath.map { "sslrootcert \($0)" } ?? "the system's root certificates"
            let vertrouwd = url.rootCertificatePath.map { "sslrootcert \($0)" } ?? "de basiscertificaten van dit systeem"
            return PostgresStoreError(
                .tlsUntrustedCertificate,
                nl:
                    "Het certificaat van PostgreSQL op \(url.server) is niet ondertekend door een vertrouwde CA (\(vertrouwd)). Geef met sslrootcert=PAD het CA-certificaat van de server, zoals de beheerder van de database het geeft; verbind niet als u niet weet waarom het niet klopt.",
                en:
                    "The certificate of PostgreSQL at \(url.server) is not signed by a trusted CA (\(trusted)). Give the server's CA certificate with sslrootcert=PATH, as the database's administrator provides it; do not connect if you do not know why it does not match."
            )
        }
        return PostgresStoreError(
            .tlsFailed,
            nl: "De TLS-verbinding met PostgreSQL op \(url.server) mislukte (\(text)). Controleer de TLS-instellingen van de server.",
            en: "The TLS connection to PostgreSQL at \(url.server) failed (\(text)). Check the server's TLS settings.")
    }

    /// The error for a server's error response with SQLSTATE `state`.
    static func fromServer(state: String, message: String, url: PostgresURL) -> PostgresStoreError {
        switch state {
        case "28000" where message.contains("no encryption"):
            // pg_hba.conf has only `hostssl` lines for this client ("…, no encryption").
            return PostgresStoreError(
                .tlsRequiredByServer, sqlState: state,
                nl:
                    "PostgreSQL op \(url.server) neemt alleen versleutelde verbindingen aan (hostssl in pg_hba.conf), en het database-adres zegt sslmode=disable. Gebruik sslmode=verify-full.",
                en:
                    "PostgreSQL at \(url.server) accepts only encrypted connections (hostssl in pg_hba.conf), and the database address says sslmode=disable. Use sslmode=verify-full."
            )
        case "28P01", "28000":
            return PostgresStoreError(
                .authenticationFailed, sqlState: state,
                nl:
                    "PostgreSQL op \(url.server) weigert gebruiker \(url.user): gebruikersnaam of wachtwoord klopt niet. Controleer ze in het database-adres.",
                en: "PostgreSQL at \(url.server) refuses user \(url.user): the user name or password is wrong. Check them in the database address.")
        case "3D000":
            return PostgresStoreError(
                .unknownDatabase, sqlState: state,
                nl:
                    "PostgreSQL op \(url.server) heeft geen database \(url.database). Maak haar aan (createdb \(url.database)) of geef de juiste naam in het database-adres.",
                en:
                    "PostgreSQL at \(url.server) has no database \(url.database). Create it (createdb \(url.database)) or give the right name in the database address."
            )
        case "40001", "40P01":
            return PostgresStoreError(
                .conflict, sqlState: state,
                nl:
                    "PostgreSQL brak de opdracht af omdat een andere tegelijk dezelfde gegevens wijzigde (\(message)). Er is niets opgeslagen; probeer het opnieuw.",
                en:
                    "PostgreSQL stopped the operation because another one changed the same data at the same time (\(message)). Nothing was stored; try again."
            )
        case "53300":
            return PostgresStoreError(
                .tooManyConnections, sqlState: state,
                nl:
                    "PostgreSQL op \(url.server) heeft geen ruimte voor nog een verbinding. Verhoog max_connections of verklein het aantal verbindingen per server.",
                en: "PostgreSQL at \(url.server) has no room for another connection. Raise max_connections or lower the connections per server.")
        case _ where state.hasPrefix("08") || state.hasPrefix("57P"):
            return PostgresStoreError(
                .connectionLost, sqlState: state,
                nl: "PostgreSQL op \(url.server) is niet beschikbaar (\(message)). Wacht tot de server weer draait en probeer het opnieuw.",
                en: "PostgreSQL at \(url.server) is not available (\(message)). Wait until the server runs again and try again.")
        default:
            return PostgresStoreError(
                .statementFailed, sqlState: state,
                nl: "PostgreSQL weigerde een opdracht (SQLSTATE \(state): \(message)). Er is niets opgeslagen; meld dit aan de beheerder.",
                en: "PostgreSQL refused an operation (SQLSTATE \(state): \(message)). Nothing was stored; tell the administrator.")
        }
    }

    /// True when every attempt to connect was refused (ECONNREFUSED): nothing listens there.
    static func refused(_ error: (any Error)?) -> Bool {
        if let io = error as? IOError { return io.errnoCode == ECONNREFUSED }
        if let connection = error as? NIOConnectionError {
            return !connection.connectionErrors.isEmpty && connection.connectionErrors.allSatisfy { refused($0.error) }
        }
        return false
    }

    static func describe(_ error: (any Error)?) -> String {
        error.map { String(describing: $0) } ?? "-"
    }
}
