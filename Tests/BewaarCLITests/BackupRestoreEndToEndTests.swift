import Foundation
import Testing
import BewaarTestSupport
import BewaarJSON

/// `bewaar backup` while another `bewaar` keeps ingesting, `bewaar restore`, `bewaar check`:
/// the restored store holds exactly the records and originals of one moment.
@Suite struct BackupRestoreEndToEndTests {
    let samples = BewaarBinary.packageRoot + "/samples/evidence"

    /// Every record of the case as the timeline's JSON lines, by item id.
    func records(_ store: String, _ id: String, _ key: [String] = []) throws -> [Int64: [String]] {
        let r = try BewaarBinary.run(["timeline", "--case", id, "--json", "--limit", "1000000", "--store", store] + key)
        #expect(r.status == 0, "\(r.stderr)")
        var byItem: [Int64: [String]] = [:]
        for line in r.stdout.split(separator: "\n") {
            guard case .int(let item)? = try JSONParser.parse(String(line))["item"]?["id"] else { continue }
            byItem[item, default: []].append(String(line))
        }
        return byItem
    }

    /// The relative paths of every object file of a store or backup.
    func objects(_ folder: String) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: folder + "/objects")) ?? []).filter { $0.count > 3 }.sorted()
    }

    /// A shell function `write_chat I FILE`: a new WhatsApp chat of 200 records.
    static let writeChat = """
        write_chat() {
          n=0
          : > "$2"
          while [ $n -lt 200 ]; do
            n=$((n+1))
            printf '%02d-03-2026 %02d:%02d - Daan Jansen: bericht %d.%d\\n' $(($1 % 28 + 1)) $((10 + n / 60)) $((n % 60)) $1 $n >> "$2"
          done
        }
        """

    /// Starts `script` under /bin/sh with `environment` (a new chat per round, see ``writeChat``).
    func loop(_ t: TempDir, _ script: String, _ environment: [String: String]) throws -> Process {
        try FileManager.default.createDirectory(atPath: t.file("nieuw"), withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", Self.writeChat + "\n" + script]
        p.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "nl_NL.UTF-8", "DIR": t.file("nieuw")]
            .merging(environment) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Another `bewaar` that writes a new chat and ingests it, again and again, into `id`.
    func ingestLoop(_ t: TempDir, _ id: String) throws -> Process {
        try loop(
            t,
            """
            i=0
            while [ $i -lt 400 ]; do
              i=$((i+1))
              write_chat $i "$DIR/WhatsApp-chat met Klas 2B $i.txt"
              "$BEWAAR" ingest --case "$CASE" --store "$STORE" --by lus "$DIR/WhatsApp-chat met Klas 2B $i.txt" > /dev/null || exit 1
            done
            """, ["BEWAAR": BewaarBinary.path, "CASE": id, "STORE": t.store])
    }

    func waitForItems(_ t: TempDir, _ id: String, atLeast n: Int, _ loop: Process) throws {
        for _ in 0..<600 {
            if try records(t.store, id).count >= n { return }
            guard loop.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("the ingest loop did not reach \(n) items")
    }

    /// A case with the sample evidence; returns its id and the store options.
    func sampleCase(_ t: TempDir) throws -> (String, [String]) {
        let s = ["--store", t.store, "--by", "J. Bakker"]
        let id = try BewaarBinary.run(["case", "new", "--title", "Groepsapp 2B", "--victim", "Sanne de Vries"] + s)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let files = try FileManager.default.contentsOfDirectory(atPath: samples).sorted().map { samples + "/" + $0 }
        #expect(try BewaarBinary.run(["ingest", "--case", id] + s + files).status == 0)
        return (id, s)
    }

    @Test func aBackupWhileAnotherProcessIngestsRestoresToAConsistentCheckedStore() throws {
        let t = TempDir()
        let (id, s) = try sampleCase(t)
        let before = try records(t.store, id).count
        // The school's network file for traces goes along with the store.
        try Data("# netwerk van het Voorbeeldcollege\n".utf8).write(to: URL(fileURLWithPath: t.store + "/network.toml"))

        let loop = try ingestLoop(t, id)
        try waitForItems(t, id, atLeast: before + 2, loop)
        let first = try BewaarBinary.run(["backup", "--out", t.file("kopie1")] + s)
        #expect(first.status == 0, "\(first.stderr)")
        try waitForItems(t, id, atLeast: try records(t.store, id).count + 2, loop)
        let second = try BewaarBinary.run(["backup", "--out", t.file("kopie2")] + s)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(loop.isRunning, "the backups were made while the other process was still ingesting")
        loop.terminate()
        loop.waitUntilExit()
        Thread.sleep(forTimeInterval: 1.5)  // the ingest the loop had started finishes on its own
        let source = try records(t.store, id)

        // Restored: check green, every record and original equal to the source's at that moment.
        let restored = t.file("terug")
        let r = try BewaarBinary.run(["restore", "--from", t.file("kopie1"), "--store", restored])
        #expect(r.status == 0, "\(r.stderr)")
        let check = try BewaarBinary.run(["check", "--store", restored])
        #expect(check.status == 0, "\(check.stdout)")
        let copy = try records(restored, id)
        #expect(copy.count > before && copy.count < source.count, "a moment while the loop ran: \(before) < \(copy.count) < \(source.count)")
        for (item, lines) in copy { #expect(source[item] == lines, "item \(item)") }
        let restoredObjects = objects(restored)
        #expect(restoredObjects.count >= copy.count - 1)
        for o in restoredObjects {
            #expect(FileManager.default.contentsEqual(atPath: restored + "/objects/" + o, andPath: t.store + "/objects/" + o), "\(o)")
        }
        #expect(restoredObjects == objects(t.file("kopie1")))
        #expect(FileManager.default.contentsEqual(atPath: restored + "/network.toml", andPath: t.store + "/network.toml"))
        // The manifest is sha256sum's own format.
        let sums = Process()
        sums.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sums.arguments = ["-c", "--quiet", "manifest-sha256.txt"]
        sums.currentDirectoryURL = URL(fileURLWithPath: t.file("kopie1"))
        try sums.run()
        sums.waitUntilExit()
        #expect(sums.terminationStatus == 0)

        // An existing store is replaced only when asked, whole.
        let refused = try BewaarBinary.run(["restore", "--from", t.file("kopie2"), "--store", restored])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--replace"))
        #expect(try records(restored, id) == copy)
        let replaced = try BewaarBinary.run(["restore", "--from", t.file("kopie2"), "--store", restored, "--replace"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try BewaarBinary.run(["check", "--store", restored]).status == 0)
        let later = try records(restored, id)
        #expect(later.count > copy.count)
        for (item, lines) in later { #expect(source[item] == lines, "item \(item)") }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: t.path).filter { $0.hasPrefix(".terug") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aBackupWhileBewaarServeTakesUploadsRestoresToACheckedStore() throws {
        let t = TempDir()
        let (id, s) = try sampleCase(t)
        let password = "geheim-wachtwoord-1"
        #expect(try BewaarBinary.run(["user", "add", "J. Bakker", "--role", "mentor"] + s, stdin: password + "\n").status == 0)
        #expect(try BewaarBinary.run(["access", "grant", id, "--account", "J. Bakker"] + s).status == 0)
        let before = try records(t.store, id).count
        let (serve, banner) = try BewaarBinary.serve(store: t.store)
        defer { if serve.isRunning { serve.terminate() } }
        let port = try #require(banner.firstMatch(of: /127\.0\.0\.1:(\d+)\//)).output.1
        // A mentor signs in with curl and uploads a new chat, again and again.
        let uploads = try loop(
            t,
            """
            base="http://127.0.0.1:$PORT"
            jar="$DIR/koekjes"
            token() { sed -n 's/.*name="_csrf" value="\\([0-9a-f]*\\)".*/\\1/p' | head -1; }
            csrf=$(curl -s -c "$jar" "$base/inloggen" | token)
            curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "naam=J. Bakker" \\
              --data-urlencode "wachtwoord=$PASSWORD" "$base/inloggen"
            csrf=$(curl -s -b "$jar" -c "$jar" "$base/zaken/$CASE" | token)
            [ -n "$csrf" ] || exit 2
            i=0
            while [ $i -lt 400 ]; do
              i=$((i+1))
              write_chat $i "$DIR/WhatsApp-chat web $i.txt"
              code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -F "_csrf=$csrf" \\
                -F "bestanden=@$DIR/WhatsApp-chat web $i.txt;type=text/plain" "$base/zaken/$CASE/bewijs")
              case "$code" in 2*|3*) ;; *) exit 3 ;; esac
            done
            """, ["PORT": String(port), "CASE": id, "PASSWORD": password])
        try waitForItems(t, id, atLeast: before + 2, uploads)
        let backup = try BewaarBinary.run(["backup", "--out", t.file("kopie")] + s)
        #expect(backup.status == 0, "\(backup.stderr)")
        try waitForItems(t, id, atLeast: try records(t.store, id).count + 1, uploads)
        #expect(uploads.isRunning, "the backup was made while the server was taking uploads")
        uploads.terminate()
        uploads.waitUntilExit()
        serve.terminate()
        serve.waitUntilExit()
        let source = try records(t.store, id)

        let restored = t.file("terug")
        let r = try BewaarBinary.run(["restore", "--from", t.file("kopie"), "--store", restored])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try BewaarBinary.run(["check", "--store", restored]).status == 0)
        let copy = try records(restored, id)
        #expect(copy.count > before && copy.count < source.count, "\(before) < \(copy.count) < \(source.count)")
        for (item, lines) in copy { #expect(source[item] == lines, "item \(item)") }
        for o in objects(restored) {
            #expect(FileManager.default.contentsEqual(atPath: restored + "/objects/" + o, andPath: t.store + "/objects/" + o), "\(o)")
        }
    }

    @Test func aCaseDestroyedAfterTheBackupStaysDestroyedWhenItIsRestored() throws {
        let t = TempDir()
        let (kept, s) = try sampleCase(t)
        let gone = try BewaarBinary.run(["case", "new", "--title", "Ruzie na gym", "--victim", "Tim Bos"] + s)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let chat = t.write("WhatsApp-chat met Tim.txt", "05-03-2026 09:00 - Bo Smit: Tim jij bent echt zielig\n05-03-2026 09:01 - Tim Bos: laat me\n")
        #expect(try BewaarBinary.run(["ingest", "--case", gone, chat] + s).status == 0)
        let before = objects(t.store)
        #expect(try BewaarBinary.run(["backup", "--out", t.file("kopie")] + s).status == 0)
        let destroy = try BewaarBinary.run(
            ["case", "destroy", gone, "--reason", "verzoek tot verwijdering", "--confirm", gone, "--role", "afdelingsleider", "--early"] + s)
        #expect(destroy.status == 0, "\(destroy.stderr)")
        let destroyedObjects = Set(before).subtracting(objects(t.store))
        #expect(destroyedObjects.count == 1)

        // Over the store it replaces: that store's destruction log is applied again.
        let r = try BewaarBinary.run(["restore", "--from", t.file("kopie"), "--replace"] + s)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Opnieuw vernietigd (na de reservekopie vernietigd): \(gone)"))
        #expect(try BewaarBinary.run(["check"] + s).status == 0)
        #expect(try BewaarBinary.run(["case", "show", gone] + s).status == 1)
        #expect(try BewaarBinary.run(["case", "show", kept] + s).status == 0)
        #expect(Set(objects(t.store)).isDisjoint(with: destroyedObjects))
        // Into a new folder after the store was lost: the log of another copy is given with --log-from.
        let elsewhere = t.file("elders")
        let other = try BewaarBinary.run(["restore", "--from", t.file("kopie"), "--store", elsewhere, "--log-from", t.store])
        #expect(other.status == 0, "\(other.stderr)")
        #expect(try BewaarBinary.run(["case", "show", gone, "--store", elsewhere]).status == 1)
        #expect(Set(objects(elsewhere)).isDisjoint(with: destroyedObjects))
        #expect(try BewaarBinary.run(["check", "--store", elsewhere]).status == 0)
        let raw = try Data(contentsOf: URL(fileURLWithPath: elsewhere + "/bewaar.sqlite"))
        #expect(raw.range(of: Data("zielig".utf8)) == nil, "no byte of the destroyed chat in the restored database")
    }

    @Test func anEncryptedStoreIsBackedUpSealedAndRestoredOnlyWithItsKey() throws {
        let t = TempDir()
        let s = ["--store", t.store, "--by", "J. Bakker"]
        #expect(try BewaarBinary.run(["store", "init"] + s).status == 0)
        let (id, _) = try sampleCase(t)
        #expect(try BewaarBinary.run(["backup", "--out", t.file("kopie")] + s).status == 0)
        // The backup holds no word of the evidence: the originals stay sealed, the texts too.
        for file in try FileManager.default.subpathsOfDirectory(atPath: t.file("kopie")) {
            guard let data = FileManager.default.contents(atPath: t.file("kopie") + "/" + file) else { continue }
            for word in ["doe normaal", "Daan Jansen", "12345001"] { #expect(data.range(of: Data(word.utf8)) == nil, "\(word) in \(file)") }
        }
        let noKey = try BewaarBinary.run(["restore", "--from", t.file("kopie"), "--store", t.file("terug")])
        #expect(noKey.status == 1)
        #expect(noKey.stderr.contains("sleutel"))
        #expect(!FileManager.default.fileExists(atPath: t.file("terug")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.path).filter { $0.hasPrefix(".terug") }.isEmpty)
        let key = ["--key-file", t.store + ".sleutel"]
        let r = try BewaarBinary.run(["restore", "--from", t.file("kopie"), "--store", t.file("terug")] + key)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("zet het sleutelbestand naast de opslag"))
        #expect(try BewaarBinary.run(["check", "--store", t.file("terug")] + key).status == 0)
        #expect(try records(t.file("terug"), id, key) == records(t.store, id))
        // An access request on the encrypted store reads through the store's own decryption and search.
        let export = try BewaarBinary.run(
            ["person", "export", "--person", "Sanne de Vries", "--requested-by", "Sanne", "--out", t.file("inzage")] + s)
        #expect(export.status == 0, "\(export.stderr)")
        let json = try String(contentsOfFile: t.file("inzage") + "/inzage.json", encoding: .utf8)
        #expect(json.contains("\"doe normaal\"") && json.contains("iedereen weet wat jij gedaan hebt sanne") && !json.contains("Daan"))
    }

    @Test func aDamagedOrIncompleteBackupIsRefusedAndNothingIsReplaced() throws {
        let t = TempDir()
        let (id, s) = try sampleCase(t)
        #expect(try BewaarBinary.run(["backup", "--out", t.file("kopie")] + s).status == 0)
        let notEmpty = try BewaarBinary.run(["backup", "--out", t.file("kopie")] + s)
        #expect(notEmpty.status == 1)
        #expect(notEmpty.stderr.contains("is niet leeg"))

        // One byte of an original changed in the backup: refused, no store made, nothing left behind.
        let object = try #require(objects(t.file("kopie")).first)
        let path = t.file("kopie") + "/objects/" + object
        chmod(path, 0o600)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[0] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
        let damaged = try BewaarBinary.run(["restore", "--from", t.file("kopie"), "--store", t.file("terug")])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("is gewijzigd of beschadigd"))
        #expect(!FileManager.default.fileExists(atPath: t.file("terug")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.path).filter { $0.hasPrefix(".terug") }.isEmpty)

        // An original missing from the store: the backup says so and exits 1; restoring it needs --allow-incomplete.
        let gone = try #require(objects(t.store).first)
        chmod(t.store + "/objects/" + gone, 0o600)
        try FileManager.default.removeItem(atPath: t.store + "/objects/" + gone)
        let incomplete = try BewaarBinary.run(["backup", "--out", t.file("onvolledig")] + s)
        #expect(incomplete.status == 1)
        #expect(incomplete.stderr.contains("ontbreekt in de opslag: origineel " + gone.replacingOccurrences(of: "/", with: "")))
        let manifest = try JSONParser.parse(try String(contentsOfFile: t.file("onvolledig") + "/backup.json", encoding: .utf8))
        #expect(manifest["complete"] == .bool(false))
        let refused = try BewaarBinary.run(["restore", "--from", t.file("onvolledig"), "--store", t.file("terug")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("onvolledig"))
        let allowed = try BewaarBinary.run(["restore", "--from", t.file("onvolledig"), "--store", t.file("terug"), "--allow-incomplete"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let check = try BewaarBinary.run(["check", "--store", t.file("terug")])
        #expect(check.status == 1)
        #expect(check.stdout.contains("ontbreekt"))
        let notABackup = try BewaarBinary.run(["restore", "--from", t.path, "--store", t.file("nergens")])
        #expect(notABackup.status == 1)
        #expect(notABackup.stderr.contains("geen reservekopie van Bewaar"))
    }
}
