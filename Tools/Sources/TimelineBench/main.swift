import Foundation
import BewaarModel
import BewaarStore

// Usage: TimelineBench STORE_DIR [MESSAGES]
// Builds (once) a case with MESSAGES generated Dutch chat records, then times queries in
// process: median and p90 over 25 runs each, after 3 warm-up runs.
let args = CommandLine.arguments
guard args.count >= 2 else { print("usage: TimelineBench STORE [MESSAGES]"); exit(64) }
let storePath = args[1]
let count = args.count > 2 ? Int(args[2])! : 1_000_000
// An encrypted store (scripts/bench/store) has its key file beside the folder.
let keyFile = storePath + ".sleutel"
let store = try CaseStore(path: storePath, create: true, key: FileManager.default.fileExists(atPath: keyFile) ? .keyFile(keyFile) : nil)
print(store.isEncrypted ? "encrypted store" : "plain store")
let caseID: CaseID
if let existing = try store.cases().first, try store.messageCount(existing.id) == count {
    caseID = existing.id
    print("re-using \(storePath): \(count) records in \(caseID)")
} else {
    let t0 = Date()
    let c = try store.openCase(title: "Benchmark", actor: "bench")
    caseID = c.id
    let authors = ["Daan Jansen", "Sanne de Vries", "Lotte Visser", "Tim Bos", "+31 6 12345001", "Noor El Amrani"]
    let words = ["weg", "groep", "morgen", "school", "stom", "lachen", "veldje", "niemand", "iedereen", "gym", "pauze", "huiswerk",
                 "coördinator", "foto", "echt", "normaal", "dik", "stop", "nou", "ga", "je", "de", "het", "een", "niet", "wel"]
    var rng = SystemRandomNumberGenerator()
    var seed: UInt64 = 42
    func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
    _ = rng
    var text = ""
    text.reserveCapacity(count * 70)
    var messages: [Message] = []
    messages.reserveCapacity(count)
    let start = 1_772_000_000.0
    for i in 0..<count {
        let ts = start + Double(i) * 30
        var body = (0..<(4 + next() % 10)).map { _ in words[next() % words.count] }.joined(separator: " ")
        if i % 97 == 0 { body += " ga weg uit deze groep" }
        if i % 50_000 == 0 { body += " zeldzaamwoord" }
        let author = authors[next() % authors.count]
        let line = "02-03-2026 20:01 - \(author): \(body)\n"
        let offset = Int64(text.utf8.count)
        text += line
        messages.append(Message(timestamp: Timestamp(date: Date(timeIntervalSince1970: ts), utcOffsetSeconds: 3600), author: author,
                                text: body, origin: Origin(line: i + 1, offset: offset, length: Int64(line.utf8.count))))
    }
    let file = storePath + "/../bench-chat.txt"
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    let (digest, size) = try store.objects.put(file: file)
    _ = try store.recordIngest(NewEvidence(name: "bench-chat.txt", size: size, sha256: digest, mediaType: "text/plain",
                                           format: "whatsapp", collectedBy: "bench", messages: messages), in: caseID)
    try? FileManager.default.removeItem(atPath: file)
    print("built \(count) records in \(String(format: "%.1f", Date().timeIntervalSince(t0))) s")
}

/// The process's CPU time in ms (user + system): what a query costs on a busy machine, where wall time mostly measures the others.
func cpuMilliseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
}

func measure(_ name: String, _ body: () throws -> Int) rethrows {
    for _ in 0..<3 { _ = try body() }
    var times: [Double] = []
    var cpu: [Double] = []
    var n = 0
    for _ in 0..<25 {
        let t = DispatchTime.now().uptimeNanoseconds
        let c = cpuMilliseconds()
        n = try body()
        cpu.append(cpuMilliseconds() - c)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
    }
    times.sort()
    cpu.sort()
    let format = "%-44@ median %7.2f ms   p90 %7.2f ms   CPU median %7.2f ms   p90 %7.2f ms   (%d rows)"
    print(String(format: format, name as NSString, times[12], times[22], cpu[12], cpu[22], n))
}

var q = TimelineQuery()
try measure("timeline page 1 (200 entries)") { try store.timeline(caseID, q).entries.count }
q.offset = count / 2
try measure("timeline page in the middle (offset \(count / 2))") { try store.timeline(caseID, q).entries.count }
// Keyset paging (what the web interface links): the page after a record, wherever it is.
q = TimelineQuery()
q.after = Int64(count / 2)
try measure("timeline page in the middle (keyset)") { try store.timeline(caseID, q).entries.count }
q.after = Int64(count - 100)
try measure("timeline last page (keyset)") { try store.timeline(caseID, q).entries.count }
q.after = nil
q.before = Int64(count / 2)
try measure("timeline page before the middle (keyset)") { try store.timeline(caseID, q).entries.count }
q = TimelineQuery()
q.search = "niemand"
q.after = Int64(count / 2)
try measure("search 'niemand', page in the middle (keyset)") { try store.timeline(caseID, q).entries.count }
try measure("record count of the case (for the page)") { try store.timelineCount(caseID) }
q = TimelineQuery()
q.search = "coördinator"
try measure("search word 'coördinator' (first 200)") { try store.timeline(caseID, q).entries.count }
q.search = "zeldzaamwoord"
try measure("search rare word (\(count / 50_000) hits)") { try store.timeline(caseID, q).entries.count }
q.search = "\"ga weg uit deze groep\""
try measure("search phrase 'ga weg uit deze groep'") { try store.timeline(caseID, q).entries.count }
q = TimelineQuery()
q.handle = "Daan Jansen"
try measure("filter by handle (first 200)") { try store.timeline(caseID, q).entries.count }
// Issue 17 (the timeline on the database seam): backwards and offset search pages, an item's record window.
q = TimelineQuery()
q.search = "niemand"
q.before = Int64(count / 2)
try measure("search 'niemand', page before the middle") { try store.timeline(caseID, q).entries.count }
q = TimelineQuery()
q.search = "coördinator"
q.offset = 1_000
try measure("search 'coördinator', offset 1,000") { try store.timeline(caseID, q).entries.count }
let benchItem = try store.items(caseID).first!.id
try measure("record window in the middle (200)") {
    try store.records(item: benchItem, at: .from(Int64(count / 2)), limit: 200).entries.count
}
