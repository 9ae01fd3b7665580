import Foundation

/// A small CSV reader for the school's exports: RFC 4180 quotes, `,` or `;` (Dutch Excel) or
/// tab as separator, chosen from the header line. Column names are matched after folding:
/// lower case, letters and digits only (`IP address` = `ipaddress`).
struct CSVTable {
    var header: [String]
    var folded: [String]
    /// Rows with their 1-based line numbers.
    var rows: [(line: Int, fields: [String])]

    /// Parses `lines` whose first non-empty line at or after `headerIndex` is the header.
    init?(lines: [Substring], headerIndex: Int = 0) {
        guard headerIndex < lines.count else { return nil }
        let headerLine = String(lines[headerIndex])
        let separator: Character = [",", ";", "\t"].max { a, b in
            headerLine.filter { $0 == a }.count < headerLine.filter { $0 == b }.count
        }!
        header = CSVTable.split(headerLine, separator)
        guard header.count >= 2 else { return nil }
        folded = header.map(CSVTable.fold)
        rows = []
        var i = headerIndex + 1
        while i < lines.count {
            var line = String(lines[i])
            let lineNo = i + 1
            // A quoted field may span lines.
            while line.filter({ $0 == "\"" }).count % 2 == 1 && i + 1 < lines.count {
                i += 1
                line += "\n" + lines[i]
            }
            i += 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            rows.append((lineNo, CSVTable.split(line, separator)))
        }
    }

    static func fold(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") })
    }

    static func split(_ line: String, _ sep: Character) -> [String] {
        var out: [String] = []
        var cur = ""
        var quoted = false
        var it = Array(line)
        if it.last == "\r" { it.removeLast() }
        var i = 0
        while i < it.count {
            let c = it[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < it.count, it[i + 1] == "\"" { cur.append("\""); i += 1 } else { quoted = false }
                } else {
                    cur.append(c)
                }
            } else if c == "\"" && cur.trimmingCharacters(in: .whitespaces).isEmpty {
                cur = ""
                quoted = true
            } else if c == sep {
                out.append(cur.trimmingCharacters(in: .whitespaces))
                cur = ""
            } else {
                cur.append(c)
            }
            i += 1
        }
        out.append(cur.trimmingCharacters(in: .whitespaces))
        return out
    }

    /// Index of the first column whose folded name is one of `names` (in the order given).
    func column(_ names: [String]) -> Int? {
        for n in names { if let i = folded.firstIndex(of: n) { return i } }
        return nil
    }

    static func value(_ fields: [String], _ i: Int?) -> String? {
        guard let i, i < fields.count else { return nil }
        let v = fields[i]
        return v.isEmpty || v == "-" ? nil : v
    }
}
