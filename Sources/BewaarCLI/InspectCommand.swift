import ArgumentParser
import BewaarKit
import BewaarModel
import Foundation

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Toon wat er van een bestand bewaard en gelezen zou worden, zonder iets op te slaan.",
        discussion: "Met --json één JSON-object per bestand (formaat, bron met SHA-256, berichten, waarschuwingen).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var reading: ReadingOptions
    @Flag(help: "Uitvoer als JSON (vaste sleutelvolgorde, UTF-8).") var json = false
    @Argument(help: "Eén of meer bestanden.") var files: [String]

    func run() throws {
        let options = try reading.readOptions(global)
        var failures = 0
        for file in files {
            do {
                let inspection = try Inspector.inspect(path: file, options: options)
                if json {
                    writeJSON(inspection)
                } else {
                    printHuman(inspection)
                }
            } catch let e as KitError {
                failures += 1
                printError(global.language.pick(nl: e.dutch, en: e.english))
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Writes `inspection.json.serialized()` plus a line end, byte for byte, without building the
    /// whole document: the records are serialised one at a time (a large export has hundreds of
    /// thousands), so peak memory stays near that of the records themselves.
    func writeJSON(_ inspection: Inspection) {
        var shell = inspection
        let messages = shell.result.messages
        shell.result.messages = []
        let marker = "\u{1}bewaar-records-\(messages.count)-\(ObjectIdentifier(FileHandle.standardOutput).hashValue)"
        guard case .object(var o) = shell.json else { out(inspection.json.serialized()); return }
        o["messages"] = .string(marker)
        let text = JSONValue.object(o).serialized()
        let placeholder = JSONValue.string(marker).serialized()
        guard let r = text.range(of: placeholder) else { out(inspection.json.serialized()); return }
        var buffer = String(text[..<r.lowerBound]) + "["
        for (n, m) in messages.enumerated() {
            if n > 0 { buffer += "," }
            buffer += m.json.serialized()
            if buffer.utf8.count >= 1 << 20 {
                FileHandle.standardOutput.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        buffer += "]" + text[r.upperBound...] + "\n"
        FileHandle.standardOutput.write(Data(buffer.utf8))
    }

    func printHuman(_ i: Inspection) {
        let t = global.t
        out("\(TerminalText.line(i.source.name)): \(i.result.format) (\(i.result.mediaType)), \(i.source.size) bytes")
        if let d = i.source.sha256 { out("  sha256 \(d.hex)") }
        if let r = i.recognition { out("  " + t("herkend", "recognised") + ": \(TerminalText.line(r.reason))") }
        if let image = i.result.extra["image"], let w = image["width"]?.intValue, let h = image["height"]?.intValue {
            out("  " + t("afmeting", "size") + ": \(w) × \(h) pixels")
        }
        out("  \(i.result.messages.count) " + t("berichten", "messages"))
        for m in i.result.messages.prefix(20) {
            let when = m.timestamp?.rfc3339 ?? "—"
            out("    \(when)  \(m.author.map { TerminalText.line($0, limit: 30) } ?? "[\(m.kind.rawValue)]"): \(TerminalText.line(m.text, limit: 90))")
        }
        for c in i.result.contained.prefix(20) { out("  📎 \(TerminalText.line(c.pathInParent)) \(c.size) bytes \(c.sha256.short)…") }
        for w in i.result.warnings { out("  ! " + (w.line.map { t("regel", "line") + " \($0): " } ?? "") + TerminalText.line(w.message, limit: 140)) }
    }
}
