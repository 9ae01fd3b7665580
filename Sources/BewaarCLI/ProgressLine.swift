import Foundation
import BewaarKit

/// One line on standard error that says how far a long ingest has come — records read, MB/s and
/// the time left — rewritten in place. Only for a terminal (a script or a log file gets nothing),
/// and only once the ingest has taken a second: short ones stay quiet.
final class ProgressLine {
    private let label: String
    private let records: String
    private let left: (Int) -> String
    private let start = Date()
    private var lastDraw: TimeInterval = 0
    private var drawn = false

    /// Nil when standard error is not a terminal.
    init?(file: String, _ global: GlobalOptions) {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        label = TerminalText.line((file as NSString).lastPathComponent, limit: 40)
        records = global.t("berichten", "messages")
        let language = global.language
        left = { language.pick(nl: "nog ~\($0) s", en: "~\($0) s left") }
    }

    /// Shows `p`, at most four times a second.
    func show(_ p: IngestProgress) {
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed >= 1, elapsed - lastDraw >= 0.25 else { return }
        lastDraw = elapsed
        var line = "\(label): \(p.messages) \(records)"
        if p.bytesRead > 0, p.totalBytes > 0 {
            let rate = Double(p.bytesRead) / elapsed
            let seconds = Double(max(0, p.totalBytes - p.bytesRead)) / max(rate, 1)
            line += String(format: ", %.0f%%, %.1f MB/s, ", 100 * Double(p.bytesRead) / Double(p.totalBytes), rate / 1e6)
                + left(Int(seconds.rounded()))
        }
        write("\r" + line + "\u{1B}[K")
        drawn = true
    }

    /// Clears the line (before the ingest's own output).
    func clear() {
        if drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    private func write(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}
