import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel
import BewaarJSON
import BewaarStore
import BewaarTrace

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: CommandLineLanguage.text("Herkomstonderzoek van een e-mail (stap 3: dader opsporen) voor de systeembeheerder.", "Trace the origin of an e-mail (step 3: trace the perpetrator), for the system administrator."),
        discussion: CommandLineLanguage.text("""
            Leest de Received-regels van nieuw naar oud en vertrouwt alleen de mailservers die de school \
            vertrouwt (netwerkbestand). Het adres van de afzender wordt vergeleken met de netwerken van de \
            school en met de logboeken (DHCP, proxy, firewall-NAT, aanmeldlogboek, inventaris) om te zien \
            van welke computer het bericht kwam, met een zekerheid (hoog/redelijk/laag/onbekend) en wat het \
            NIET bewijst.

            Voorbeelden:
              bewaar trace --init --network school.toml
              bewaar trace anonieme-mail.eml --network school.toml --logs dhcpd.leases inventaris.csv
              bewaar trace 3 --case 2026-0001 --logs DhcpSrvLog-Wed.log     (bewijsstuk 3 van de zaak; vastgelegd)
            """, """
            Reads the Received lines from new to old and trusts only the mail servers the school \
            trusts (network file). The sender's address is compared with the school's networks and with \
            the logs (DHCP, proxy, firewall NAT, sign-in log, inventory) to see which computer the message \
            came from, with a certainty (high/reasonable/low/unknown) and what it does NOT prove.

            Examples:
              bewaar trace --init --network school.toml
              bewaar trace anonieme-mail.eml --network school.toml --logs dhcpd.leases inventaris.csv
              bewaar trace 3 --case 2026-0001 --logs DhcpSrvLog-Wed.log     (evidence item 3 of the case; recorded)
            """))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer: het resultaat wordt bij de zaak vastgelegd (stap 3 verwijst ernaar).", "Case number: the result is recorded on the case (step 3 refers to it)."))
    var caseID: String?
    @Option(help: CommandLineLanguage.help("Het netwerkbestand (anders network.toml in de opslagmap).", "The network file (else network.toml in the store folder).")) var network: String?
    @Option(parsing: .upToNextOption, help: CommandLineLanguage.help("Logboeken van de school (soort wordt aan de inhoud herkend).", "The school's logs (the kind is recognised from the content).")) var logs: [String] = []
    @Flag(help: CommandLineLanguage.help("Uitvoer als JSON (vaste sleutelvolgorde).", "Output as JSON (fixed key order).")) var json = false
    @Flag(help: CommandLineLanguage.help("Schrijf een voorbeeld-netwerkbestand met uitleg (naar --network of de opslagmap).", "Write an example network file with explanations (to --network or the store folder).")) var `init` = false
    @Argument(help: CommandLineLanguage.help("Het e-mailbestand (.eml/.msg/.mbox) of het nummer van een bewijsstuk van de zaak; meer mogen (de logboeken worden één keer gelezen).", "The e-mail file (.eml/.msg/.mbox) or the number of an evidence item of the case; more are allowed (the logs are read once)."))
    var mails: [String] = []

    func run() throws {
        if `init` { return try writeExample() }
        guard !mails.isEmpty else {
            throw KitError(nl: "Geef het e-mailbestand of het nummer van een bewijsstuk, bijvoorbeeld: bewaar trace mail.eml",
                           en: "Give the e-mail file or an evidence item number, for example: bewaar trace mail.eml")
        }
        let g = global
        let caseID = try caseID.map { try parseCaseID($0, g) }
        let store: CaseStore? = caseID == nil ? nil : try global.openStore(create: false)
        if let store, let caseID { _ = try store.case(caseID) }
        let net = try loadNetwork()
        var logs: SchoolLogs?
        for (n, mail) in mails.enumerated() {
            if n > 0 && !json { out(""); out(String(repeating: "=", count: 72)); out("") }
            try trace(mail, caseID: caseID, store: store, network: net, logs: &logs)
        }
    }

    /// Traces one mail; the logs are read on the first call (with that mail's time for syslog
    /// years) and reused.
    func trace(_ mail: String, caseID: CaseID?, store: CaseStore?, network net: SchoolNetwork, logs: inout SchoolLogs?) throws {
        // The mail: a file, or an evidence item of the case.
        var path = mail
        var opened: OpenedOriginal?
        var name: String?
        var itemID: Int64?
        if !FileManager.default.fileExists(atPath: mail), let n = Int64(mail) {
            guard let store, let caseID else {
                throw KitError(nl: "'\(TerminalText.safe(mail))' is geen bestand. Een bewijsstuknummer gaat samen met --case.",
                               en: "'\(TerminalText.safe(mail))' is not a file. An evidence item number needs --case.")
            }
            let item = try store.item(n)
            guard item.caseID == caseID else {
                throw KitError(nl: "Bewijsstuk \(n) hoort niet bij zaak \(caseID).", en: "Evidence item \(n) does not belong to case \(caseID).")
            }
            opened = try store.openOriginal(item.sha256)
            path = opened?.path ?? path
            name = item.name
            itemID = n
        } else if !FileManager.default.fileExists(atPath: mail) {
            throw KitError(nl: "Bestand \(TerminalText.safe(mail)) bestaat niet. Controleer de naam en de map.",
                           en: "File \(TerminalText.safe(mail)) does not exist. Check the name and the folder.")
        }

        let m = try withExtendedLifetime(opened) { try TraceMail.read(path: path, name: name) }
        if logs == nil {
            let reference = m.hops.first?.date?.date ?? m.date?.date
            logs = try SchoolLogs.load(paths: self.logs, network: net, reference: reference)
        }
        let result = Tracer.trace(mail: m, network: net, logs: logs!, toolVersion: BewaarVersion.string)

        var stored: StoredTrace?
        if let store, let caseID {
            stored = try store.recordTrace(NewTrace(itemID: itemID, mailName: result.mail.name, mailSHA256: result.mail.sha256,
                                                    originatingIP: result.originatingIP?.description,
                                                    certainty: result.certainty.rawValue, conclusion: result.conclusion.dutch,
                                                    result: result.json.serialized()),
                                           in: caseID, actor: global.actor)
        }
        if json {
            var j = result.json
            if let stored, case .object(var o) = j {
                o["stored"] = .object(["case": .string(stored.caseID.description), "traceId": .int(Int(stored.id)),
                                       "resultSha256": .string(stored.resultSHA256)])
                j = .object(o)
            }
            out(j.serialized())
        } else {
            TraceReport.print(result, global)
            if let stored {
                out("")
                out(global.t("Vastgelegd bij zaak \(stored.caseID) als trace \(stored.id) (sha256 \(stored.resultSHA256)); stap 3 van het stappenplan verwijst ernaar.",
                             "Recorded on case \(stored.caseID) as trace \(stored.id) (sha256 \(stored.resultSHA256)); step 3 of the plan links to it."))
            }
        }
    }

    /// `--network`, else the store's `network.toml`, else the built-in defaults.
    func loadNetwork() throws -> SchoolNetwork {
        if let network { return try NetworkFile.load(path: network) }
        let inStore = global.storePath + "/network.toml"
        if FileManager.default.fileExists(atPath: inStore) { return try NetworkFile.load(path: inStore) }
        return SchoolNetwork.defaults
    }

    func writeExample() throws {
        let target = network ?? (global.storePath + "/network.toml")
        if FileManager.default.fileExists(atPath: target) {
            throw KitError(nl: "\(target) bestaat al; Bewaar overschrijft het niet. Geef met --network een andere naam.",
                           en: "\(target) already exists; Bewaar does not overwrite it. Name another file with --network.")
        }
        let dir = (target as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        guard FileManager.default.createFile(atPath: target, contents: Data(NetworkFile.example.utf8)) else {
            throw KitError(nl: "\(target) kan niet worden geschreven. Controleer de map en de rechten.",
                           en: "\(target) cannot be written. Check the folder and its permissions.")
        }
        out(global.t("Voorbeeld-netwerkbestand geschreven: \(target). Vul de adressen van de school in.",
                     "Example network file written: \(target). Fill in the school's addresses."))
    }
}
