import Foundation
import BewaarModel
import BewaarStore

/// A small chat recorded straight through the store (as an importer would), with exact origins.
enum ChatSeed {
    static let lines: [(day: Int, time: String, author: String?, text: String)] = [
        (2, "20:01", "Daan Jansen", "wie komt er morgen naar het veldje"),
        (2, "20:05", "Daan Jansen", "Sanne niet want die is te dik om te rennen 😂"),
        (2, "20:07", "Sanne de Vries", "doe normaal"),
        (2, "20:09", "Daan Jansen", "niemand vroeg jou iets, ga weg uit deze groep"),
        (2, "20:11", "Lotte Visser", "Daan stop nou"),
        (3, "07:45", "+31 6 12345001", "iedereen weet wat jij gedaan hebt sanne"),
        (3, "07:46", nil, "Daan Jansen heeft Sanne de Vries verwijderd"),
        (5, "16:30", "Daan Jansen", "de coördinator kan je ook niet helpen"),
        (9, "21:15", "+31 6 12345001", "ik weet waar je woont <script>alert(1)</script>"),
    ]

    /// Records the chat as an item of `id` and returns the item.
    @discardableResult
    static func record(in store: CaseStore, case id: CaseID, name: String = "WhatsApp-chat met Klas 2B.txt",
                       extraLine: String? = nil) throws -> EvidenceItem {
        var text = ""
        var messages: [Message] = []
        var all = lines
        if let extraLine { all.append((12, "10:00", "Daan Jansen", extraLine)) }
        for (n, l) in all.enumerated() {
            let line = String(format: "%02d-03-2026 ", l.day) + l.time + " - " + (l.author.map { $0 + ": " } ?? "") + l.text + "\n"
            let offset = Int64(text.utf8.count)
            text += line
            let hour = Int(l.time.prefix(2))!, minute = Int(l.time.suffix(2))!
            let days = Timestamp.days(fromCivil: 2026, 3, l.day)
            let date = Date(timeIntervalSince1970: Double(days * 86400 + (hour - 1) * 3600 + minute * 60))
            messages.append(Message(timestamp: Timestamp(date: date, utcOffsetSeconds: 3600), author: l.author, text: l.text,
                                    kind: l.author == nil ? .system : .message,
                                    origin: Origin(line: n + 1, offset: offset, length: Int64(line.utf8.count))))
        }
        let path = NSTemporaryDirectory() + "chat-" + UUID().uuidString + ".txt"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (digest, size) = try store.objects.put(file: path)
        let e = NewEvidence(name: name, size: size, sha256: digest, mediaType: "text/plain", format: "whatsapp",
                            collectedBy: "J. Bakker", collectedFrom: "telefoon van Sanne", messages: messages)
        return try store.recordIngest(e, in: id).item
    }
}
