import Foundation

/// `bag-info.txt`: `Label: value` lines in a fixed order. Values never contain line breaks
/// (they are flattened), so every label is one line.
public struct BagInfo: Sendable, Equatable {
    public var entries: [(label: String, value: String)]

    public init(entries: [(label: String, value: String)]) { self.entries = entries }

    public static func == (a: BagInfo, b: BagInfo) -> Bool {
        a.entries.map(\.label) == b.entries.map(\.label) && a.entries.map(\.value) == b.entries.map(\.value)
    }

    public var text: String {
        entries.map { "\($0.label): \(Self.flatten($0.value))\n" }.joined()
    }

    static func flatten(_ s: String) -> String {
        s.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// All values of `label` (labels compare case-insensitively, as RFC 8493 allows).
    public func values(_ label: String) -> [String] {
        entries.filter { $0.label.lowercased() == label.lowercased() }.map(\.value)
    }

    /// Parses `bag-info.txt`; continuation lines (starting with white space) join the value
    /// before them. Returns the lines it could not read (1-based) too.
    public static func parse(_ text: String) -> (info: BagInfo, badLines: [Int]) {
        var entries: [(String, String)] = []
        var bad: [Int] = []
        var n = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty { continue }
            if line.first == " " || line.first == "\t" {
                if entries.isEmpty { bad.append(n); continue }
                entries[entries.count - 1].1 += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { bad.append(n); continue }
            let label = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if label.isEmpty { bad.append(n); continue }
            entries.append((label, value))
        }
        return (BagInfo(entries: entries.map { (label: $0.0, value: $0.1) }), bad)
    }

    /// A human size as bagit-python writes it (`1.2 MB`, decimal units).
    public static func humanSize(_ bytes: Int64) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB"]
        var v = Double(bytes)
        var u = 0
        while v >= 1000, u < units.count - 1 { v /= 1000; u += 1 }
        return u == 0 ? "\(bytes) bytes" : String(format: "%.1f", v) + " " + units[u]
    }
}
