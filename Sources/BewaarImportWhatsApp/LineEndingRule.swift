/// iOS ends every record with CRLF and writes a line break typed inside a message as a bare LF.
/// When (nearly) every header follows a CRLF, a header-looking line after a bare LF was typed
/// by a participant: it is folded back into the message it sits in, and flagged.
enum LineEndingRule {
    /// Share of headers that must follow a CRLF before the file counts as CRLF-terminated.
    static let crlfShare = 95

    /// Below this many record ends a plain majority of CRLF decides.
    static let smallSample = 20

    /// The records after the rule, the terminator (`CRLF` or `LF`) and the counts it used: the
    /// line breaks before each header and the one that ends the text.
    static func apply(_ records: [RawRecord], finalBreakIsCRLF: Bool?) -> ([RawRecord], String, Int, Int) {
        var crlf = 0
        var lf = 0
        if let f = finalBreakIsCRLF { if f { crlf += 1 } else { lf += 1 } }
        for r in records {
            guard let p = r.precededByCRLF else { continue }
            if p { crlf += 1 } else { lf += 1 }
        }
        let terminator = terminator(crlf: crlf, lf: lf)
        guard terminator == "CRLF", lf > 0 else { return (records, terminator, crlf, lf) }
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

    /// `CRLF` or `LF` from the counts of line breaks before headers and at the end of the text.
    /// Records are folded only when it is `CRLF` and `lf` is above 0.
    static func terminator(crlf: Int, lf: Int) -> String {
        let samples = crlf + lf
        return crlf > 0 && (crlf * 100 >= crlfShare * samples || (samples < smallSample && crlf > lf)) ? "CRLF" : "LF"
    }
}
