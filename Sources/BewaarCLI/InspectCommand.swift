import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel
import BewaarJSON

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: CommandLineLanguage.text(
            "Toon wat er van een bestand bewaard en gelezen zou worden, zonder iets op te slaan.",
            "Show what would be kept and read of a file, without storing anything."),
        discussion: CommandLineLanguage.text(
            "Met --json één JSON-object per bestand (formaat, bron met SHA-256, berichten, waarschuwingen).",
            "With --json one JSON object per file (format, source with SHA-256, messages, warnings)."))
    @OptionGroup var global: GlobalOptions
    @OptionGroup var reading: ReadingOptions
    @Flag(help: CommandLineLanguage.help("Uitvoer als JSON (vaste sleutelvolgorde, UTF-8).", "Output as JSON (fixed key order, UTF-8).")) var json =
        false
    /// For comparisons (`scripts/bench/whatsapp`): JSON from the collecting path (every record read
    /// first) instead of the streaming one; the bytes must be the same.
    @Flag(name: .customLong("collected"), help: .hidden) var collected = false
    @Argument(help: CommandLineLanguage.help("Eén of meer bestanden.", "One or more files.")) var files: [String]

    func run() throws {
        let options = try reading.readOptions(global)
        var failures = 0
        for file in files {
            do {
                if json {
                    // Streamed: each record is written as soon as the importer has it final and
                    // then dropped; a 200,000-message chat never exists as records, a JSON tree or a string.
                    if collected {
                        try Inspector.inspect(path: file, options: options).writeJSON { writeOut(Array($0)) }
                    } else {
                        try Inspector.writeInspectJSON(path: file, options: options) { writeOut(Array($0)) }
                    }
                    writeOut([0x0A])
                } else {
                    printHuman(try Inspector.inspect(path: file, options: options))
                }
            } catch let e as any BilingualError {
                failures += 1
                printError(global.language.text(of: e))
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    func printHuman(_ i: Inspection) {
        let t = global.t
        out("\(TerminalText.line(i.source.name)): \(i.result.format) (\(i.result.mediaType)), \(i.source.size) bytes")
        if let d = i.source.sha256 { out("  sha256 \(d.hex)") }
        if let r = i.recognition { out("  " + t("herkend", "recognised") + ": \(TerminalText.line(r.reason))") }
        if let image = i.result.extra["image"], let w = image["width"]?.intValue, let h = image["height"]?.intValue {
            out("  " + t("afmeting", "size") + ": \(w) × \(h) pixels")
        }
        out("  " + t(Plural.count(i.result.messages.count, "bericht", "berichten"), Plural.count(i.result.messages.count, "message", "messages")))
        for m in i.result.messages.prefix(20) {
            let when = m.timestamp?.rfc3339 ?? "—"
            out("    \(when)  \(RecordOriginText.author(m, limit: 30, t)): \(TerminalText.line(m.text, limit: 90))")
            if m.origin.box != nil { out("      \(RecordOriginText.origin(m.origin))\(RecordOriginText.reading(m, t))") }
        }
        for c in i.result.contained.prefix(20) { out("  📎 \(TerminalText.line(c.pathInParent)) \(c.size) bytes \(c.sha256.short)…") }
        for w in i.result.warnings { out("  ! " + (w.line.map { t("regel", "line") + " \($0): " } ?? "") + TerminalText.line(w.message, limit: 140)) }
    }
}
