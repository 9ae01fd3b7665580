import Foundation
import Testing
import BewaarTestSupport

/// Data about minors is for the account that runs Bewaar only (issue 19): whatever the umask and
/// however open the folder someone made for the store, every file Bewaar writes is 0600 (an
/// original 0400) and every folder 0700; `bewaar check` names anything looser.
@Suite struct FileModeEndToEndTests {
    static func mode(_ path: String) -> UInt16 {
        var st = stat()
        guard lstat(path, &st) == 0 else { return 0 }
        return UInt16(st.st_mode & 0o777)
    }

    static func octal(_ mode: UInt16) -> String { String(mode, radix: 8) }

    @Test func aMentorsStoreInAnOpenFolderStaysPrivateUnderUmask022() throws {
        let t = TempDir()
        try FileManager.default.createDirectory(atPath: t.store, withIntermediateDirectories: true)
        chmod(t.store, 0o755)   // made by hand, before Bewaar ever ran
        let s = ["--store", t.store, "--by", "J. Bakker"]
        func bewaar(_ args: [String]) throws -> BewaarBinary.Result {
            let r = try BewaarBinary.run(args + s, umask: "022")
            #expect(r.status == 0, "bewaar \(args.joined(separator: " ")): \(r.combined)")
            return r
        }
        let id = try bewaar(["case", "new", "--title", "Pesten in groepsapp 2B", "--victim", "Sanne de Vries",
                             "--suspect", "Daan Jansen"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let evidence = BewaarBinary.packageRoot + "/samples/evidence/"
        let samples = try FileManager.default.contentsOfDirectory(atPath: evidence).sorted().map { evidence + $0 }
        #expect(samples.count >= 4)
        try bewaar(["ingest", "--case", id, "--collected-from", "telefoon van Sanne"] + samples)
        // Where the web interface writes packets: pakketten/ZAAK in the store.
        try bewaar(["packet", "--case", id, "--out", t.store + "/pakketten/" + id, "--school", "Voorbeeldcollege"])
        let bundle = t.path + "/bundel-" + id + ".zip"
        try bewaar(["bundle", "--case", id, "--out", bundle, "--school", "Voorbeeldcollege"])
        // The bundle written elsewhere with --out is private too, and so is its time-stamp request.
        #expect(Self.mode(bundle) == 0o600)
        let tsq = try #require(try FileManager.default.contentsOfDirectory(atPath: t.path).first { $0.hasSuffix(".tsq") })
        #expect(Self.mode(t.path + "/" + tsq) == 0o600)

        #expect(Self.mode(t.store) == 0o700, "the store folder: \(Self.octal(Self.mode(t.store)))")
        let db = t.store + "/bewaar.sqlite"
        #expect(Self.mode(db) == 0o600)
        for side in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: db + side) {
            #expect(Self.mode(db + side) == 0o600, "\(side)")
        }
        let walk = try #require(FileManager.default.enumerator(atPath: t.store))
        var seen: Set<String> = []
        while let rel = walk.nextObject() as? String {
            let full = t.store + "/" + rel
            var st = stat()
            #expect(lstat(full, &st) == 0)
            let isFolder = st.st_mode & S_IFMT == S_IFDIR
            let isOriginal = rel.hasPrefix("objects/") && !isFolder
            let wanted: UInt16 = isFolder ? 0o700 : isOriginal ? 0o400 : 0o600
            #expect(Self.mode(full) == wanted, "\(rel) is \(Self.octal(Self.mode(full))), not \(Self.octal(wanted))")
            seen.insert(rel.split(separator: "/").first.map(String.init) ?? rel)
            if rel.hasPrefix("pakketten/") { seen.insert(rel) }
        }
        #expect(seen.isSuperset(of: ["bewaar.sqlite", "objects", "tmp", "pakketten", "pakketten/\(id)/rapport.pdf",
                                     "pakketten/\(id)/rapport.html", "pakketten/\(id)/aangifte-checklist.txt",
                                     "pakketten/\(id)/bewijsbundel-\(id).zip"]), "\(seen.sorted())")
        #expect(seen.contains { $0.hasPrefix("objects") })

        // SQLite removes -wal and -shm when the last connection closes; `check` walks the store
        // while it holds it open, so no warning also says they were private while they existed
        // (the next test shows check naming a loose -wal).
        let check = try bewaar(["check"])
        #expect(!check.stdout.contains("Waarschuwing"), "\(check.stdout)")
        #expect(!check.stdout.contains("chmod"))
    }

    @Test func checkNamesADatabaseOthersCanReadAndHowToCloseIt() throws {
        let t = TempDir()
        let s = ["--store", t.store, "--by", "systeembeheer"]
        #expect(try BewaarBinary.run(["case", "new", "--title", "Zaak"] + s).status == 0)
        let db = t.store + "/bewaar.sqlite"
        chmod(db, 0o644)
        try FileManager.default.createDirectory(atPath: t.store + "/pakketten", withIntermediateDirectories: false)
        chmod(t.store + "/pakketten", 0o755)

        let nl = try BewaarBinary.run(["check"] + s)
        #expect(nl.status == 0, "a warning, not a broken chain: \(nl.combined)")
        #expect(nl.stdout.contains("In orde"))
        #expect(nl.stdout.contains("bestand \(db) heeft modus 0644"), "\(nl.stdout)")
        #expect(nl.stdout.contains("Herstel: chmod 600 \(db)"))
        #expect(nl.stdout.contains("bestand \(db)-wal heeft modus 0644"), "SQLite gives -wal the database's mode")
        #expect(nl.stdout.contains("map \(t.store)/pakketten heeft modus 0755"))
        #expect(nl.stdout.contains("Herstel: chmod 700 \(t.store)/pakketten"))
        #expect(nl.stdout.contains("Alles in één keer herstellen: chmod -R go-rwx \(t.store)"))
        // Checking changes nothing: the person who runs it decides.
        #expect(Self.mode(db) == 0o644)

        let en = try BewaarBinary.run(["check", "--lang", "en"] + s)
        #expect(en.status == 0)
        #expect(en.stdout.contains("file \(db) has mode 0644: not only its owner has access. Fix: chmod 600 \(db)"), "\(en.stdout)")

        // Closed as told, the warning is gone.
        chmod(db, 0o600)
        chmod(t.store + "/pakketten", 0o700)
        for side in ["-wal", "-shm"] { chmod(db + side, 0o600) }
        let after = try BewaarBinary.run(["check"] + s)
        #expect(after.status == 0)
        #expect(!after.stdout.contains("Waarschuwing"), "\(after.stdout)")
    }
}
