import Foundation

extension Pipe {
    /// Reads what the other end writes until it contains `text`, the writer closes it, or
    /// `seconds` pass; returns what was read (for a server's "listening on" banner).
    public func read(until text: String, seconds: TimeInterval = 60) -> String {
        var seen = Data()
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, !String(decoding: seen, as: UTF8.self).contains(text) {
            let chunk = fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        return String(decoding: seen, as: UTF8.self)
    }
}
