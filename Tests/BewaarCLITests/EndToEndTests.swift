import Foundation
import Testing
import BewaarTestSupport
import BewaarModel
import BewaarJSON

/// The `bewaar` command line, end to end through the built executable.
@Suite struct EndToEndTests {
    let samples = BewaarBinary.packageRoot + "/samples/evidence"

    @Test func aMentorOpensACaseIngestsSamplesAndTicksStepOne() throws {
        let t = TempDir()
        let s = ["--store", t.store, "--by", "J. Bakker"]
        let new = try BewaarBinary.run(["case", "new", "--title", "Pesten in groepsapp 2B", "--victim", "Sanne de Vries",
                                        "--suspect", "Daan Jansen", "--mentor", "J. Bakker"] + s)
        #expect(new.status == 0)
        #expect(new.stdout == "2026-0001\n" || new.stdout.range(of: #"^\d{4}-0001\n$"#, options: .regularExpression) != nil)
        let id = new.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let files = try FileManager.default.contentsOfDirectory(atPath: samples).sorted().map { samples + "/" + $0 }
        let ingest = try BewaarBinary.run(["ingest", "--case", id, "--collected-from", "telefoon van Sanne"] + s + files)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.components(separatedBy: "Bewaard [").count - 1 == files.count)
        let again = try BewaarBinary.run(["ingest", "--case", id] + s + [files[0]])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("Al aanwezig"))
        let person = try BewaarBinary.run(["person", "add", "--case", id, "--name", "Marieke de Vries", "--role", "ouder", "--of", "Sanne de Vries"] + s)
        #expect(person.status == 0)
        let tick = try BewaarBinary.run(["checklist", "--case", id, "--step", "1", "--status", "gedaan", "--note", "alles bewaard"] + s)
        #expect(tick.status == 0)
        #expect(tick.stdout.contains("[x] 1. Berichten bewaren — gedaan door J. Bakker"))
        let show = try BewaarBinary.run(["case", "show", id] + s)
        #expect(show.status == 0)
        #expect(show.stdout.contains("Sanne de Vries (slachtoffer)"))
        #expect(show.stdout.contains("Marieke de Vries (ouder van Sanne de Vries)"))
        #expect(show.stdout.contains("schermafbeelding-groepsapp.png  image"))
        #expect(show.stdout.contains("telefoon van Sanne"))
        let log = try BewaarBinary.run(["log", "--case", id] + s)
        #expect(log.status == 0)
        #expect(log.stdout.contains("Keten intact"))
        #expect(log.stdout.contains("item-reingested"))
        let json = try BewaarBinary.run(["log", "--case", id, "--json"] + s)
        let lines = json.stdout.split(separator: "\n")
        #expect(lines.count >= files.count + 6)
        #expect(try JSONParser.parse(String(lines[0]))["action"] == .string("case-opened"))
        let check = try BewaarBinary.run(["check"] + s)
        #expect(check.status == 0)
        #expect(check.stdout.contains("In orde"))
        let list = try BewaarBinary.run(["case", "list"] + s)
        #expect(list.stdout.contains("\(id)  open  1/6  Pesten in groepsapp 2B"))
    }

    @Test func inspectJSONFollowsTheContractAndStoresNothing() throws {
        let r = try BewaarBinary.run(["inspect", "--json", samples + "/schermafbeelding-groepsapp.png", samples + "/anonieme-mail.eml"])
        #expect(r.status == 0)
        let objects = r.stdout.split(separator: "\n").map { try? JSONParser.parse(String($0)) }
        #expect(objects.count == 2)
        for o in objects {
            let o = try #require(o)
            #expect(o["format"]?.stringValue != nil)
            #expect(o["source"]?["sha256"]?.stringValue?.count == 64)
            #expect(o["source"]?["name"]?.stringValue != nil)
            #expect(o["messages"]?.arrayValue != nil)
            #expect(o["warnings"]?.arrayValue != nil)
        }
        #expect(objects[0]?["format"] == .string("image"))
        // Keys are sorted: the serialised text equals its canonical form.
        #expect(objects[0]!.serialized() == String(r.stdout.split(separator: "\n")[0]))
    }

    @Test func aMissingFileGivesAPlainErrorAndExitOne() throws {
        let t = TempDir()
        let id = try BewaarBinary.run(["case", "new", "--title", "x", "--store", t.store]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let r = try BewaarBinary.run(["ingest", "--case", id, "--store", t.store, t.path + "/weg.txt"])
        #expect(r.status == 1)
        #expect(r.stderr == "bewaar: Bestand \(t.path)/weg.txt bestaat niet. Controleer de naam en de map.\n")
        #expect(!r.stderr.contains("Fatal"))
        let en = try BewaarBinary.run(["inspect", t.path + "/weg.txt", "--lang", "en"])
        #expect(en.status == 1)
        #expect(en.stderr.contains("does not exist"))
    }

    @Test func anUnknownCaseGivesAPlainErrorAndExitOne() throws {
        let t = TempDir()
        _ = try BewaarBinary.run(["case", "new", "--title", "x", "--store", t.store])
        let r = try BewaarBinary.run(["case", "show", "2026-0042", "--store", t.store])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Zaak 2026-0042 bestaat niet"))
        let bad = try BewaarBinary.run(["case", "show", "zaak-1", "--store", t.store])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("geen zaaknummer"))
        let english = try BewaarBinary.run(["case", "show", "2026-0042", "--store", t.store], environment: ["LANG": "en_GB.UTF-8"])
        #expect(english.stderr.contains("Case 2026-0042 does not exist"))
    }

    @Test func anUnreadableStoreGivesAPlainErrorAndLosesNothing() throws {
        let t = TempDir()
        try Data("geen database".utf8).write(to: URL(fileURLWithPath: t.path + "/bestand"))
        let r = try BewaarBinary.run(["case", "list", "--store", t.path + "/bestand"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is een bestand, geen opslagmap"))
        try FileManager.default.createDirectory(atPath: t.store, withIntermediateDirectories: true)
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: t.store + "/bewaar.sqlite"))
        let corrupt = try BewaarBinary.run(["case", "list", "--store", t.store])
        #expect(corrupt.status == 1)
        #expect(corrupt.stderr.hasPrefix("bewaar: De opslag in \(t.store) kan niet worden gelezen"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: t.store + "/bewaar.sqlite")) == Data(repeating: 0x42, count: 8192))
        let none = try BewaarBinary.run(["check", "--store", t.path + "/leeg"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("Geen Bewaar-opslag"))
    }

    @Test func aWrongCommandLineExits64WithUsage() throws {
        let r = try BewaarBinary.run(["case", "new"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--title"))
    }

    @Test func checkFindsTamperingAndExitsOne() throws {
        let t = TempDir()
        let s = ["--store", t.store]
        let id = try BewaarBinary.run(["case", "new", "--title", "x"] + s).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try BewaarBinary.run(["ingest", "--case", id, samples + "/anonieme-mail.eml"] + s)
        let objects = t.store + "/objects"
        let dir = try FileManager.default.contentsOfDirectory(atPath: objects).first!
        let file = try FileManager.default.contentsOfDirectory(atPath: objects + "/" + dir).first!
        let path = objects + "/" + dir + "/" + file
        chmod(path, 0o600)
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.seek(toOffset: 10)
        h.write(Data("X".utf8))
        try h.close()
        let r = try BewaarBinary.run(["check"] + s)
        #expect(r.status == 1)
        #expect(r.stdout.contains("origineel \(dir + file) is gewijzigd"))
        #expect(r.stdout.contains("NIET in orde"))
    }

    @Test func evidenceTextCannotControlTheTerminal() throws {
        let t = TempDir()
        let s = ["--store", t.store]
        let id = try BewaarBinary.run(["case", "new", "--title", "x\u{1B}[2J\u{1B}]0;gehackt\u{07}", "--victim", "Sanne\u{202E}evil"] + s)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let show = try BewaarBinary.run(["case", "show", id] + s)
        #expect(!show.stdout.contains("\u{1B}"))
        #expect(!show.stdout.contains("\u{202E}"))
        #expect(show.stdout.contains("\\u{1B}[2J"))
        // An error that echoes what was typed (an account's name) cannot either.
        let refused = try BewaarBinary.run(["user", "disable", "J\u{1B}]0;gehackt\u{07}Bakker\u{202E}"] + s)
        #expect(refused.status == 1 && refused.stderr.contains("J\\u{1B}]0;gehackt\\u{7}Bakker"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("\u{1B}") && !refused.stderr.contains("\u{07}") && !refused.stderr.contains("\u{202E}"))
    }

    @Test func twoProcessesIngestingAtOnceLeaveOneUnbrokenChain() throws {
        let t = TempDir()
        let s = ["--store", t.store]
        let id = try BewaarBinary.run(["case", "new", "--title", "gelijktijdig"] + s).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        nonisolated(unsafe) var batches: [[String]] = [[], []]
        for b in 0..<2 {
            for n in 0..<15 {
                let path = t.path + "/bewijs-\(b)-\(n).txt"
                try Data("bewijsstuk \(b)-\(n)\n".utf8).write(to: URL(fileURLWithPath: path))
                batches[b].append(path)
            }
        }
        nonisolated(unsafe) var results: [BewaarBinary.Result?] = [nil, nil]
        let group = DispatchGroup()
        for b in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                var all: [BewaarBinary.Result] = []
                // One process per file, so the two writers really interleave.
                for path in batches[b] {
                    if let r = try? BewaarBinary.run(["ingest", "--case", id, "--by", "proces-\(b)"] + s + [path]) { all.append(r) }
                }
                results[b] = all.first { $0.status != 0 } ?? all.last
                group.leave()
            }
        }
        group.wait()
        #expect(results.allSatisfy { $0?.status == 0 })
        let log = try BewaarBinary.run(["log", "--case", id, "--json"] + s)
        #expect(log.status == 0)
        let events = log.stdout.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
        #expect(events.count == 31)
        #expect(events.map { $0["sequence"]?.intValue ?? 0 } == Array(1...31))
        for i in 1..<events.count { #expect(events[i]["previousHash"] == events[i - 1]["hash"]) }
        #expect(try BewaarBinary.run(["check"] + s).status == 0)
    }

    @Test func theDemoRunsOnTheSamples() throws {
        let t = TempDir()
        let r = try BewaarBinary.run(["demo", "--samples", BewaarBinary.packageRoot + "/samples", "--store", t.store])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Zaak geopend"))
        #expect(r.stdout.contains("[x] 1. Berichten bewaren"))
        #expect(r.stdout.contains("Keten intact"))
        #expect(r.stdout.contains("In orde"))
    }
}
