import Foundation
import BewaarModel
import BewaarStore

/// A WhatsApp-style chat recorded straight through the store (as an importer would): the text
/// is stored as the original and every line is a record whose origin points at that line.
public enum ChatSeed {
    /// One line of the chat: `stamp - author: text` (no author: a system line).
    public struct Line: Sendable {
        public var stamp: String
        public var date: Date
        public var author: String?
        public var text: String

        public init(stamp: String, date: Date, author: String?, text: String) {
            self.stamp = stamp
            self.date = date
            self.author = author
            self.text = text
        }

        /// A line on `day` March 2026 at `time` ("HH:mm"), Amsterdam winter time.
        public init(day: Int, time: String, author: String?, text: String) {
            let hour = Int(time.prefix(2))!, minute = Int(time.suffix(2))!
            let days = Timestamp.days(fromCivil: 2026, 3, day)
            self.init(
                stamp: String(format: "%02d-03-2026 ", day) + time,
                date: Date(timeIntervalSince1970: Double(days * 86400 + (hour - 1) * 3600 + minute * 60)),
                author: author, text: text)
        }
    }

    /// The class chat: Daan, Sanne, Lotte, an unknown number and a system line, over a week.
    public static let lines: [Line] = [
        Line(day: 2, time: "20:01", author: "Daan Jansen", text: "wie komt er morgen naar het veldje"),
        Line(day: 2, time: "20:05", author: "Daan Jansen", text: "Sanne niet want die is te dik om te rennen 😂"),
        Line(day: 2, time: "20:07", author: "Sanne de Vries", text: "doe normaal"),
        Line(day: 2, time: "20:09", author: "Daan Jansen", text: "niemand vroeg jou iets, ga weg uit deze groep"),
        Line(day: 2, time: "20:11", author: "Lotte Visser", text: "Daan stop nou"),
        Line(day: 3, time: "07:45", author: "+31 6 12345001", text: "iedereen weet wat jij gedaan hebt sanne"),
        Line(day: 3, time: "07:46", author: nil, text: "Daan Jansen heeft Sanne de Vries verwijderd"),
        Line(day: 5, time: "16:30", author: "Daan Jansen", text: "de coördinator kan je ook niet helpen"),
        Line(day: 9, time: "21:15", author: "+31 6 12345001", text: "ik weet waar je woont <script>alert(1)</script>"),
    ]

    /// Records the class chat (`lines`, plus `extraLine` by Daan on 12 March) as an item of `id`.
    @discardableResult
    public static func record(
        in store: CaseStore, case id: CaseID, name: String = "WhatsApp-chat met Klas 2B.txt",
        extraLine: String? = nil
    ) throws -> EvidenceItem {
        var all = lines
        if let extraLine { all.append(Line(day: 12, time: "10:00", author: "Daan Jansen", text: extraLine)) }
        return try record(all, in: store, case: id, name: name)
    }

    /// Records `(author, text)` pairs as an item of `id`, one a day from 1 March 2026 10:00.
    @discardableResult
    public static func record(
        in store: CaseStore, case id: CaseID, messages: [(String, String)],
        name: String = "WhatsApp-chat \"2B\" <groep>.txt"
    ) throws -> EvidenceItem {
        let lines = messages.enumerated().map { n, m in
            Line(
                stamp: "0\(n + 1)-03-2026 10:0\(n)", date: Date(timeIntervalSince1970: 1_772_355_600 + Double(n * 86_400)),
                author: m.0, text: m.1)
        }
        return try record(lines, in: store, case: id, name: name)
    }

    /// Records `lines` as a chat named `name`, collected by J. Bakker from Sanne's phone.
    @discardableResult
    public static func record(_ lines: [Line], in store: CaseStore, case id: CaseID, name: String) throws -> EvidenceItem {
        var text = ""
        var messages: [Message] = []
        for (n, l) in lines.enumerated() {
            let line = l.stamp + " - " + (l.author.map { $0 + ": " } ?? "") + l.text + "\n"
            let offset = Int64(text.utf8.count)
            text += line
            messages.append(
                Message(
                    timestamp: Timestamp(date: l.date, utcOffsetSeconds: 3600), author: l.author, text: l.text,
                    kind: l.author == nil ? .system : .message,
                    origin: Origin(line: n + 1, offset: offset, length: Int64(line.utf8.count))))
        }
        let path = NSTemporaryDirectory() + "chat-" + UUID().uuidString + ".txt"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (digest, size) = try store.objects.put(file: path)
        let e = NewEvidence(
            name: name, size: size, sha256: digest, mediaType: "text/plain", format: "whatsapp",
            collectedBy: "J. Bakker", collectedFrom: "telefoon van Sanne", messages: messages)
        return try store.recordIngest(e, in: id).item
    }
}
