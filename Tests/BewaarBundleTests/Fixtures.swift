import Foundation
import Testing
@testable import BewaarBundle
import BewaarDigest
import BewaarModel
import BewaarStore
import BewaarTestSupport

enum Fixture {
    /// A fixed clock that advances one second per reading, so every event has its own time and
    /// two stores built the same way see the same times.
    static func stepClock() -> TestClock { TestClock(Date(timeIntervalSince1970: 1_772_000_000), tick: 1) }

    static let chat = """
    12-03-2026 19:02 - Daan Jansen: Sanne je bent zo dom
    12-03-2026 19:03 - Lotte Visser: Daan hou op
    12-03-2026 19:05 - Daan Jansen: niemand vindt je leuk Sanne
    13-03-2026 07:45 - Daan Jansen: morgen weer
    """ + "\n"

    /// A store with one case: victim, suspect, mentor, a witness and a parent; a chat with
    /// four records whose origins point at their lines; a PNG-like file; step 1 done.
    static func makeStore(
        at path: String, clock: TestClock = stepClock(), badOrigin: Bool = false, hugeOrigin: Bool = false
    ) throws -> (CaseStore, CaseID) {
        let store = try CaseStore(path: path, create: true, clock: { clock.now })
        let c = try store.openCase(title: "Pesten in groepsapp klas 2B", actor: "J. Bakker (mentor)", people: [
            Person(name: "Sanne de Vries", role: .slachtoffer, group: "2B"),
            Person(name: "Daan Jansen", role: .vermoedelijkeDader, group: "2B"),
            Person(name: "J. Bakker", role: .mentor),
            Person(name: "Lotte Visser", role: .getuige, group: "2B"),
            Person(name: "Marieke de Vries", role: .ouder, relatedTo: "Sanne de Vries"),
        ])
        // The chat: records with line-exact origins.
        let chatBytes = Array(chat.utf8)
        let tmpChat = path + "/../chat-\(UUID().uuidString).txt"
        _ = FileManager.default.createFile(atPath: tmpChat, contents: Data(chatBytes))
        defer { try? FileManager.default.removeItem(atPath: tmpChat) }
        let (digest, size) = try store.objects.put(file: tmpChat)
        var messages: [Message] = []
        var offset: Int64 = 0
        for (i, line) in chat.split(separator: "\n").enumerated() {
            let len = Int64(line.utf8.count)
            let parts = line.components(separatedBy: " - ")
            let rest = parts[1].components(separatedBy: ": ")
            let start = hugeOrigin && i == 2 ? Int64.max - 2 : badOrigin && i == 2 ? size + 5 : offset
            messages.append(Message(timestamp: nil, author: rest[0], text: rest[1], origin: Origin(line: i + 1, offset: start, length: len)))
            offset += len + 1
        }
        _ = try store.recordIngest(NewEvidence(name: "WhatsApp-chat met Lotte Visser & Daan.txt", size: size, sha256: digest,
                                               mediaType: "text/plain", format: "whatsapp", collectedBy: "J. Bakker (mentor)",
                                               collectedFrom: "telefoon van Sanne", messages: messages,
                                               warnings: [ImportWarning("regel 5 is leeg", line: 5, code: "empty")]), in: c.id)
        // A "screenshot": PNG magic plus random-looking bytes (stored, not deflated).
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var x: UInt32 = 12345
        for _ in 0..<200_000 { x = x &* 1_103_515_245 &+ 12345; png.append(UInt8(truncatingIfNeeded: x >> 16)) }
        let tmpPng = path + "/../shot-\(UUID().uuidString).png"
        _ = FileManager.default.createFile(atPath: tmpPng, contents: Data(png))
        defer { try? FileManager.default.removeItem(atPath: tmpPng) }
        let (d2, s2) = try store.objects.put(file: tmpPng)
        _ = try store.recordIngest(NewEvidence(name: "schermafbeelding groepsapp.png", size: s2, sha256: d2, mediaType: "image/png",
                                               format: "image", collectedBy: "J. Bakker (mentor)"), in: c.id)
        try store.updateStep(c.id, step: .bewaren, update: ChecklistUpdate(status: .gedaan, note: "chat bewaard"), actor: "J. Bakker (mentor)")
        return (store, c.id)
    }

    static func options(_ id: CaseID, out: String, pseudonymise: Bool = false) -> BundleOptions {
        BundleOptions(caseID: id, output: out, actor: "A. Leider (afdelingsleider)", organisation: "Voorbeeld College",
                      pseudonymiseBystanders: pseudonymise, version: "0.1.0-test")
    }

    /// Unpacks a bag zip with our own reader into `dir` (the reader refuses anything unsafe).
    static func unpack(_ zip: String, into dir: String) throws -> String {
        let source = try ZipBagSource(path: zip)
        let root = dir + "/" + source.name
        for p in source.readingOrder {
            let full = root + "/" + p
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var bytes: [UInt8] = []
            try source.stream(p) { bytes.append(contentsOf: $0) }
            _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        }
        return root
    }

    static func problemsText(_ r: VerifyReport) -> String {
        r.problems.map { $0.text(dutch: true) }.joined(separator: "\n")
    }
}
