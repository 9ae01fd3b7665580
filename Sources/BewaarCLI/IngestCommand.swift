import ArgumentParser
import BewaarModel
import BewaarKit
import BewaarStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: CommandLineLanguage.text("Bewaar bestanden als bewijs bij een zaak (stap 1: berichten bewaren).",
                                           "Keep files as evidence on a case (step 1: save the messages)."),
        discussion: CommandLineLanguage.text("""
            Elk bestand wordt ongewijzigd bewaard en aangeduid met zijn SHA-256. Formaten die Bewaar kent \
            (zoals afbeeldingen) worden ook gelezen; andere bestanden worden alleen bewaard. Hetzelfde \
            bestand twee keer invoeren wordt herkend en niet dubbel opgeslagen. De zips van één invoer \
            worden samen tot hoogstens --max-unpacked-mb uitgepakt; een onderdeel daarna blijft alleen in \
            de bewaarde zip, met een waarschuwing.
            """, """
            Every file is kept unchanged and named by its SHA-256. Formats Bewaar knows (such as images) \
            are read as well; other files are only kept. The same file ingested twice is recognised and \
            not stored twice. The zips of one ingest unpack at most --max-unpacked-mb together; a member \
            after that stays only in the kept zip, with a warning.
            """))
    @OptionGroup var global: GlobalOptions
    @OptionGroup var reading: ReadingOptions
    @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
    @Option(help: CommandLineLanguage.help("Van wie of van welk apparaat het komt, bijvoorbeeld \"telefoon van Sanne\".",
                                           "From whom or which device it comes, for example \"Sanne's phone\"."))
    var collectedFrom: String?
    @Option(help: CommandLineLanguage.help("Vrije notitie bij het bewijsstuk.", "A free note on the evidence item.")) var note: String?
    @Option(name: .customLong("max-unpacked-mb"),
            help: CommandLineLanguage.help("Hoeveel MB de zips van deze invoer samen hoogstens uitpakken (65536: 64 GiB).",
                                           "How many MB the zips of this ingest may unpack together at most (65536: 64 GiB)."))
    var maxUnpackedMB: Int64 = 65536
    @Argument(help: CommandLineLanguage.help("Eén of meer bestanden.", "One or more files.")) var files: [String]

    func run() throws {
        let id = try parseCaseID(caseID, global)
        let options = try reading.readOptions(global)
        let store = try global.openStore(create: false)
        _ = try store.case(id)
        // One budget for all files named: together their archives unpack at most this much.
        // Screenshots among the files are read ahead on the other cores.
        let (detector, readAhead) = Importers.detector(readingAhead: files)
        defer { readAhead?.stop() }
        let ingestion = Ingestion(store: store, detector: detector, unpackLimit: min(max(maxUnpackedMB, 0), .max >> 20) << 20)
        var failures = 0
        for file in files {
            let progress = ProgressLine(file: file, global)
            defer { progress?.clear() }
            do {
                let r = try ingestion.ingest(path: file, into: id, actor: global.actor, collectedFrom: collectedFrom,
                                             note: note, options: options, progress: progress.map { line in { line.show($0) } })
                progress?.clear()
                let item = r.outcome.item
                switch r.outcome {
                case .stored:
                    var line = global.t("Bewaard", "Stored") + " [\(item.id)] \(TerminalText.line(item.name)): \(item.format), "
                        + global.t(Plural.count(r.messageCount, "bericht", "berichten"), Plural.count(r.messageCount, "message", "messages"))
                    if !r.result.contained.isEmpty { line += ", " + global.t(Plural.count(r.result.contained.count, "bestand", "bestanden") + " erin", Plural.count(r.result.contained.count, "file", "files") + " inside") }
                    if !r.result.warnings.isEmpty { line += ", " + global.t(Plural.count(r.result.warnings.count, "waarschuwing", "waarschuwingen"), Plural.count(r.result.warnings.count, "warning", "warnings")) }
                    out(line + "  sha256 \(item.sha256.hex)")
                    for w in r.result.warnings.prefix(5) {
                        out("  ! " + (w.line.map { global.t("regel", "line") + " \($0): " } ?? "") + TerminalText.line(w.message, limit: 140))
                    }
                    for o in try ExportOverlap.overlaps(of: item, store: ingestion.store) {
                        out(global.t("  = overlapt met [\(o.first.id)] \(TerminalText.line(o.first.name)): \(Plural.count(o.shared.count, "bericht", "berichten")) in beide, "
                                     + "\(o.onlyInSecond.count) alleen hier, \(o.onlyInFirst.count) alleen daar (bewaar compare --case \(id) \(o.first.id) \(item.id))",
                                     "  = overlaps [\(o.first.id)] \(TerminalText.line(o.first.name)): \(Plural.count(o.shared.count, "message", "messages")) in both, "
                                     + "\(o.onlyInSecond.count) only here, \(o.onlyInFirst.count) only there (bewaar compare --case \(id) \(o.first.id) \(item.id))"))
                    }
                    for line in ScreenshotLines.lines(r.screenshots, ingested: item.id, global) { out(line) }
                    for line in ScreenshotLines.lookalikes(r.lookalikes, global) { out(line) }
                case .alreadyPresent:
                    out(global.t("Al aanwezig", "Already present") + " [\(item.id)] \(TerminalText.line(item.name)): "
                        + global.t("dezelfde inhoud is eerder bewaard; gekoppeld, niet dubbel opgeslagen.",
                                   "the same content was stored before; linked, not stored twice.") + "  sha256 \(item.sha256.hex)")
                    if let again = r.reread, let order = options.dateOrder {
                        out(global.t("  Opnieuw gelezen met datumvolgorde \(order): \(Plural.count(again.after, "bericht", "berichten")) (was \(again.before))",
                                     "  Read again with date order \(order): \(Plural.count(again.after, "message", "messages")) (was \(again.before))")
                            + (again.marksDropped > 0 ? global.t("; \(Plural.count(again.marksDropped, "markering", "markeringen")) vervallen (zie bewaar log)",
                                                                 "; \(Plural.count(again.marksDropped, "mark", "marks")) dropped (see bewaar log)") : ""))
                    }
                }
            } catch let e as any BilingualError where !Self.endsTheRun(e) {
                failures += 1
                printError(global.language.text(of: e))
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Whether an error stops the whole run instead of only its file: a store that cannot be
    /// read, or a case that does not exist, fails every file the same way.
    static func endsTheRun(_ error: any BilingualError) -> Bool {
        guard let e = error as? StoreError else { return false }
        return e.code == .unreadable || e.code == .unknownCase
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data(("bewaar: " + message + "\n").utf8))
}
import Foundation
