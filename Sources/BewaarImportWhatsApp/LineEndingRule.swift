/// iOS ends every record with CRLF and writes a line break typed inside a message as a bare LF.
/// When (nearly) every header follows a CRLF, a header-looking line after a bare LF was typed
/// by a participant: it is folded back into the message it sits in, and flagged.
enum LineEndingRule {
    /// Share of headers that must follow a CRLF before the file counts as CRLF-terminated.
    static let crlfShare = 95

    /// The records after the rule, the terminator (`CRLF` or `LF`) and the counts it used.
    static func apply(_ records: [RawRecord]) -> ([RawRecord], String, Int, Int) {
        var crlf = 0
        var lf = 0
        for r in records {
            guard let p = r.precededByCRLF else { continue }
            if p { crlf += 1 } else { lf += 1 }
        }
        guard crlf > 0, crlf * 100 >= crlfShare * (crlf + lf) else { return (records, "LF", crlf, lf) }
        guard lf > 0 else { return (records, "CRLF", crlf, lf) }
        var merged: [RawRecord] = []
        merged.reserveCapacity(records.count)
        for r in records {
            if r.precededByCRLF == false, var last = merged.popLast() {
                last.end = r.end
                last.lineCount += r.lineCount
                last.lookalikeLines.append(r.line)
                last.lookalikeLines += r.lookalikeLines
                merged.append(last)
            } else {
                merged.append(r)
            }
        }
        return (merged, "CRLF", crlf, lf)
    }
}
