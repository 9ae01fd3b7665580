import ArgumentParser
import Foundation
import BewaarKit
import BewaarWeb
import BewaarServe

/// `bewaar serve`: the local web interface for mentors and afdelingsleiders.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: CommandLineLanguage.text(
            "Start de webinterface voor mentoren en afdelingsleiders (alleen op deze computer, tenzij --host anders zegt).",
            "Start the web interface for mentors and afdelingsleiders (on this computer only, unless --host says otherwise)."),
        discussion: CommandLineLanguage.text(
            """
            Maak eerst accounts met `bewaar user add`. Zet de interface \
            voor gebruik vanaf andere computers achter de HTTPS-proxy van de school en geef dan --secure-cookies.
            """,
            """
            Make accounts first with `bewaar user add`. For use from other computers, put the interface \
            behind the school's HTTPS proxy and then give --secure-cookies.
            """))
    @OptionGroup var global: GlobalOptions
    @Option(help: CommandLineLanguage.help("Adres om op te luisteren.", "Address to listen on.")) var host: String = "127.0.0.1"
    @Option(help: CommandLineLanguage.help("Poort.", "Port.")) var port: Int = 8080
    @Option(
        name: .customLong("max-upload-mb"),
        help: CommandLineLanguage.help("Grootste upload in MB (alle bestanden samen).", "Largest upload in MB (all files together)."))
    var maxUploadMB: Int = 512
    @Flag(
        name: .customLong("secure-cookies"),
        help: CommandLineLanguage.help("Cookies alleen over HTTPS (achter een HTTPS-proxy).", "Cookies over HTTPS only (behind an HTTPS proxy)."))
    var secureCookies = false
    @Flag(
        help: CommandLineLanguage.help(
            "Luister op een ander adres dan loopback zonder --secure-cookies (alleen voor een afgeschermd testnetwerk).",
            "Listen on an address other than loopback without --secure-cookies (only for a closed test network)."))
    var insecure = false
    @Option(
        name: .customLong("public-name"),
        help: CommandLineLanguage.help(
            "De naam van de server achter de proxy (bijvoorbeeld bewaar.school.example.org); andere namen in de Host-kop worden geweigerd.",
            "The server's name behind the proxy (for example bewaar.school.example.org); other names in the Host header are refused."))
    var publicName: [String] = []
    @Option(
        name: .customLong("forwarded-header"),
        help: CommandLineLanguage.help(
            "De kop waarin de proxy het adres van de bezoeker meegeeft (bijvoorbeeld X-Forwarded-For).",
            "The header in which the proxy passes the visitor's address (for example X-Forwarded-For)."))
    var forwardedHeader: String?
    @OptionGroup var signOn: SignOnOptions

    func validate() throws {
        guard (1...65_535).contains(port) || port == 0 else {
            throw ValidationError(global.t("--port moet tussen 1 en 65535 liggen.", "--port must be between 1 and 65535."))
        }
        guard (1...1_048_576).contains(maxUploadMB) else {
            throw ValidationError(global.t("--max-upload-mb moet tussen 1 en 1048576 liggen.", "--max-upload-mb must be between 1 and 1048576."))
        }
        if !WebConfiguration.isLoopback(host) && !secureCookies && !insecure {
            throw ValidationError(
                global.t(
                    "De webinterface luistert dan op \(host), dus ook voor andere computers. Zet hem achter de HTTPS-proxy van de school en start met --secure-cookies (en --public-name NAAM); alleen voor een afgeschermd testnetwerk: --insecure.",
                    "The web interface would listen on \(host), so other computers could reach it. Put it behind the school's HTTPS proxy and start with --secure-cookies (and --public-name NAME); only for a closed test network: --insecure."
                ))
        }
    }

    func run() async throws {
        if !WebConfiguration.isLoopback(host) {
            FileHandle.standardError.write(
                Data(
                    global.t(
                        "LET OP: de webinterface luistert op \(host), dus ook voor andere computers. Zet hem achter de HTTPS-proxy van de school (zie README) en gebruik --secure-cookies; gegevens van minderjarigen horen niet onversleuteld over het netwerk.\n",
                        "WARNING: the web interface listens on \(host), so other computers can reach it. Put it behind the school's HTTPS proxy (see README) and use --secure-cookies; data about minors must not cross the network unencrypted.\n"
                    ).utf8))
        }
        let config = WebConfiguration(
            host: host, port: port, uploadLimit: Int64(maxUploadMB) << 20, secureCookies: secureCookies,
            publicNames: publicName, forwardedHeader: forwardedHeader)
        let served = try await signOn.configured(config, global: global)
        let banner = global.t(
            "Bewaar-webinterface: http://\(host):PORT/  (stoppen: Ctrl-C)", "Bewaar web interface: http://\(host):PORT/  (stop: Ctrl-C)")
        if global.databaseURL != nil {
            // A school board: every school on this server, each request on its own school's store.
            let board = try global.openBoard(connections: 16)
            let app = WebServer.boardApplication(directory: BoardDirectory.make(board), configuration: served) { port in
                out(banner.replacingOccurrences(of: "PORT", with: String(port)))
            }
            try await app.runService()
            return
        }
        let store = try global.openStore(create: true)
        if try store.accounts().isEmpty {
            FileHandle.standardError.write(
                Data(
                    global.t(
                        "Er zijn nog geen accounts. Maak er een met: bewaar user add NAAM --role mentor --store \(store.path)\n",
                        "There are no accounts yet. Make one with: bewaar user add NAME --role mentor --store \(store.path)\n"
                    ).utf8))
        }
        let school = ProcessInfo.processInfo.environment["BEWAAR_SCHOOL"] ?? "onbekende school"
        let app = WebServer.application(
            store: store, configuration: served, packet: ServeSeams.packet(school: school, version: BewaarVersion.string),
            trace: ServeSeams.trace(storePath: store.path, version: BewaarVersion.string)
        ) { port in
            out(banner.replacingOccurrences(of: "PORT", with: String(port)))
        }
        try await app.runService()
    }
}
