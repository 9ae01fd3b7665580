import ArgumentParser
import BewaarModel
import Foundation
import BewaarBundle
import BewaarKit

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: CommandLineLanguage.text("Controleer een bewijsbundel (zip of uitgepakte map): is er sinds het bewaren iets veranderd?", "Check an evidence bundle (zip or unpacked folder): has anything changed since it was kept?"),
        discussion: CommandLineLanguage.text("""
            Strenger dan bagit.py: BagIt 1.0, beide manifesten met elk bestand, tag-manifesten die precies de \
            tag-bestanden noemen, elke hash, Payload-Oxum, niets ontbrekend of toegevoegd, geen fetch.txt, het \
            logboek van begin tot eind, elk bericht binnen zijn origineel, en de hash van de exportgebeurtenis. \
            Een zip wordt niet uitgepakt maar rechtstreeks gelezen; een gevaarlijke zip (paden buiten de map, \
            links, zip-bommen) wordt geweigerd. Afsluitcode 0 alleen als alles intact is.

            Met --tsr en --ca wordt ook een RFC 3161-tijdstempel (antwoord op het .tsq-verzoek) offline \
            gecontroleerd met openssl.
            """, """
            Stricter than bagit.py: BagIt 1.0, both manifests with every file, tag manifests that name \
            exactly the tag files, every hash, Payload-Oxum, nothing missing or added, no fetch.txt, the log \
            from start to end, every message within its original, and the hash of the export event. A zip is \
            not unpacked but read directly; a dangerous zip (paths outside the folder, links, zip bombs) is \
            refused. Exit status 0 only when everything is intact.

            With --tsr and --ca an RFC 3161 time stamp (the answer to the .tsq request) is checked offline \
            with openssl as well.
            """))
    @Argument(help: CommandLineLanguage.help("De bundel: een .zip of een uitgepakte map.", "The bundle: a .zip or an unpacked folder.")) var path: String
    @Option(help: CommandLineLanguage.help("Een RFC 3161-tijdstempelantwoord (.tsr) voor tagmanifest-sha256.txt.", "An RFC 3161 time-stamp response (.tsr) for tagmanifest-sha256.txt.")) var tsr: String?
    @Option(help: CommandLineLanguage.help("Het CA-certificaat (PEM) van de tijdstempeldienst, voor --tsr.", "The time-stamping service's CA certificate (PEM), for --tsr.")) var ca: String?
    @Option(help: CommandLineLanguage.help("Extra certificaten (PEM) van de tijdstempeldienst, voor --tsr.", "Extra certificates (PEM) of the time-stamping service, for --tsr.")) var untrusted: String?
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let language = languageOption.language
        let dutch = language.pick(nl: "nl", en: "en") == "nl"
        let t = { (nl: String, en: String) in language.pick(nl: nl, en: en) }
        if (tsr == nil) != (ca == nil) {
            throw ValidationError(t("Geef --tsr en --ca samen.", "Give --tsr and --ca together."))
        }
        var report = BagVerifier.verify(path: path)
        if let tsr, let ca, let digest = report.tagManifestSHA256 {
            let stamp = TimeStampCheck.verify(digest: digest, response: tsr, caFile: ca, untrusted: untrusted)
            switch stamp {
            case .ok(let text): report.notes.append((t("tijdstempel klopt: \(text)", "time stamp is valid: \(text)"), ""))
            case .failed(let why):
                report.problems.append(VerifyProblem(file: (tsr as NSString).lastPathComponent, line: nil,
                                                     dutch: "tijdstempel klopt niet: \(why)", english: "time stamp does not verify: \(why)"))
            case .noOpenSSL:
                report.problems.append(VerifyProblem(file: (tsr as NSString).lastPathComponent, line: nil,
                                                     dutch: "openssl is niet geïnstalleerd; installeer het om een tijdstempel te controleren",
                                                     english: "openssl is not installed; install it to check a time stamp"))
            }
        }
        for p in report.problems { out("  ✗ " + TerminalText.safe(p.text(dutch: dutch))) }
        for n in report.notes { out("  - " + TerminalText.safe(dutch || n.en.isEmpty ? n.nl : n.en)) }
        if report.intact {
            out(t("Intact: \(Plural.count(report.files, "bestand", "bestanden")) (\(report.bytes) bytes), \(Plural.count(report.events, "event", "events")), \(Plural.count(report.recordsChecked, "bericht", "berichten")) binnen hun origineel, niets gewijzigd.",
                  "Intact: \(Plural.count(report.files, "file", "files")) (\(report.bytes) bytes), \(Plural.count(report.events, "event", "events")), \(Plural.count(report.recordsChecked, "record", "records")) inside their original, nothing changed."))
            if let e = report.exportEvent {
                out(t("Kop van het logboek: sha256:\(e.hash) (gebeurtenis \(e.sequence), export door \(TerminalText.line(e.actor, limit: 60)) op \(DisplayTime.string(e.time)))",
                      "Custody head: sha256:\(e.hash) (event \(e.sequence), exported by \(TerminalText.line(e.actor, limit: 60)) on \(DisplayTime.string(e.time)))"))
            }
            if let d = report.tagManifestSHA256 {
                out(t("Hash van tagmanifest-sha256.txt: sha256:\(d)", "Digest of tagmanifest-sha256.txt: sha256:\(d)"))
            }
        } else {
            out(t("NIET intact: \(report.problems.count) problemen. Gebruik deze bundel niet als bewijs zonder uitleg; vraag de school om een nieuwe export.",
                  "NOT intact: \(report.problems.count) problems. Do not use this bundle as evidence without explanation; ask the school for a new export."))
            throw ExitCode(1)
        }
    }
}
