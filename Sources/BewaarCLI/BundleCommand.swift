import ArgumentParser
import Foundation
import BewaarBundle
import BewaarKit
import BewaarModel
import BewaarStore

struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: CommandLineLanguage.text(
            "Maak een bewijsbundel van een zaak: een BagIt-zip die iedereen kan controleren.",
            "Make an evidence bundle of a case: a BagIt zip anyone can check."),
        discussion: CommandLineLanguage.text(
            """
            De bundel (BagIt 1.0) bevat de originelen byte voor byte, de gelezen berichten als JSON, de zaak, \
            het logboek en een LEESMIJ.txt die uitlegt hoe je hem zonder Bewaar controleert (bagit.py --validate, \
            sha256sum -c). Naast de zip komt een tijdstempelverzoek (.tsq, RFC 3161) voor tagmanifest-sha256.txt. \
            Het maken van de bundel komt zelf in het logboek (export-made, en export-sealed met de hash van de \
            tag-manifest). Controleer een bundel met: bewaar verify BUNDEL.zip
            """,
            """
            The bundle (BagIt 1.0) holds the originals byte for byte, the messages read as JSON, the case, \
            the log and a LEESMIJ.txt that explains how to check it without Bewaar (bagit.py --validate, \
            sha256sum -c). Beside the zip comes a time-stamp request (.tsq, RFC 3161) for tagmanifest-sha256.txt. \
            Making the bundle goes into the log itself (export-made, and export-sealed with the hash of the \
            tag manifest). Check a bundle with: bewaar verify BUNDLE.zip
            """))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
    @Option(
        name: .customLong("out"),
        help: CommandLineLanguage.help(
            "De zip om te schrijven (standaard ZAAKNUMMER.zip). Bestaat hij al, dan stopt Bewaar.",
            "The zip to write (by default CASENUMBER.zip). If it exists, Bewaar stops.")) var output: String?
    @Flag(
        name: .customLong("pseudonymise-bystanders"),
        help: CommandLineLanguage.help(
            "Vervang namen van omstanders, getuigen, ouders en melders door vaste schuilnamen; de originelen gaan dan niet mee.",
            "Replace the names of bystanders, witnesses, parents and reporters by fixed pseudonyms; the originals are then left out."))
    var pseudonymise = false

    func run() throws {
        let id = try parseCaseID(caseID, global)
        let store = try global.openStore(create: false)
        // The school (--school, else $BEWAAR_SCHOOL) as the bag's Source-Organization.
        let organisation = global.schoolName ?? "onbekende school"
        let options = BundleOptions(
            caseID: id, output: output ?? "\(id.description).zip", actor: global.actor,
            organisation: organisation, pseudonymiseBystanders: pseudonymise, version: BewaarVersion.string)
        let r = try BundleBuilder.build(store: store, options: options)
        out(global.t("Bundel geschreven: \(r.zipPath)", "Bundle written: \(r.zipPath)"))
        out(
            global.t(
                "  \(Plural.count(r.payloadFiles, "bestand", "bestanden")) (\(Plural.count(r.originals, "origineel", "originelen")), \(r.payloadBytes) bytes), \(Plural.count(r.custodyEvents, "gebeurtenis", "gebeurtenissen")) in het logboek",
                "  \(Plural.count(r.payloadFiles, "file", "files")) (\(Plural.count(r.originals, "original", "originals")), \(r.payloadBytes) bytes), \(Plural.count(r.custodyEvents, "event", "events")) in the log"
            ))
        if pseudonymise {
            out(
                global.t(
                    "  gepseudonimiseerd: namen van omstanders vervangen, originelen niet meegenomen",
                    "  pseudonymised: bystanders' names replaced, originals left out"))
        }
        out(
            global.t(
                "  kop van het logboek:        sha256:\(r.custodyHead) (\(Plural.count(r.custodyEvents, "gebeurtenis", "gebeurtenissen")))",
                "  custody head:               sha256:\(r.custodyHead) (\(Plural.count(r.custodyEvents, "event", "events")))"))
        out(
            global.t(
                "  hash van de tag-manifest:   sha256:\(r.tagManifestSHA256)",
                "  tag-manifest digest:        sha256:\(r.tagManifestSHA256)"))
        out(
            global.t(
                "  tijdstempelverzoek:         \(r.timeStampRequestPath)",
                "  time-stamp request:         \(r.timeStampRequestPath)"))
        out(
            global.t(
                "Noteer de kop en de hash buiten Bewaar (bijvoorbeeld in het leerlingdossier). Controleer met: bewaar verify \(r.zipPath)",
                "Write the head and the digest down outside Bewaar (e.g. in the pupil's file). Check with: bewaar verify \(r.zipPath)"))
    }
}
