import Foundation
import Testing
import BewaarTestSupport

/// Encryption at rest through the built `bewaar`: the demo's store copied without its key shows
/// nothing, a wrong or missing key changes nothing, a plain store is encrypted in place.
@Suite struct EncryptionEndToEndTests {
    /// Every file under `folder` that holds one of `needles`, with the needle.
    static func findings(in folder: String, _ needles: [Data]) throws -> [String] {
        var out: [String] = []
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + file, isDirectory: &isDir), !isDir.boolValue,
                let data = FileManager.default.contents(atPath: folder + "/" + file)
            else { continue }
            for n in needles where data.range(of: n) != nil { out.append("\(file): \(String(decoding: n.prefix(24), as: UTF8.self))") }
        }
        return out
    }

    /// Words, names and numbers of the samples, and a stretch of each sample file's own bytes.
    static func sampleNeedles() throws -> [Data] {
        var needles = ["Sanne", "Daan Jansen", "Lotte", "Vries", "rennen", "06-12345", "Pesten in groepsapp", "Klas 2B"].map { Data($0.utf8) }
        let evidence = BewaarBinary.packageRoot + "/samples/evidence"
        for name in try FileManager.default.contentsOfDirectory(atPath: evidence) {
            let data = try Data(contentsOf: URL(fileURLWithPath: evidence + "/" + name))
            if data.count > 400 { needles.append(data.subdata(in: 200..<264)) }
        }
        return needles
    }

    @Test func theDemoStoreCopiedWithoutItsKeyRevealsNothing() throws {
        let t = TempDir()
        let demo = try BewaarBinary.run(["demo", "--samples", BewaarBinary.packageRoot + "/samples", "--store", t.store])
        #expect(demo.status == 0, "\(demo.combined)")
        #expect(FileManager.default.fileExists(atPath: t.store + ".sleutel"))
        let copy = t.path + "/kopie"
        try FileManager.default.copyItem(atPath: t.store, toPath: copy)
        #expect(try Self.findings(in: copy, try Self.sampleNeedles()) == [])
        // Without the key the copy does not open; with it, it does.
        let without = try BewaarBinary.run(["case", "list", "--store", copy])
        #expect(without.status != 0)
        #expect(without.combined.contains("sleutel"))
        let with = try BewaarBinary.run(["case", "list", "--store", copy, "--key-file", t.store + ".sleutel"])
        #expect(with.status == 0 && with.stdout.contains("2026-0001"), "\(with.combined)")
        let search = try BewaarBinary.run(["timeline", "--case", "2026-0001", "--search", "dik", "--store", copy, "--key-file", t.store + ".sleutel"])
        #expect(search.stdout.contains("Daan Jansen"), "\(search.combined)")
    }

    @Test func aWrongKeyGivesAClearErrorAndChangesNothing() throws {
        let t = TempDir()
        let s = ["--store", t.store]
        #expect(try BewaarBinary.run(["store", "init"] + s).status == 0)
        let id = try BewaarBinary.run(["case", "new", "--title", "sleuteltest"] + s).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let chat = t.write("chat.txt", "02-03-2026 20:01 - Daan Jansen: geheime tekst\n")
        #expect(try BewaarBinary.run(["ingest", "--case", id, chat] + s).status == 0)
        let other = t.path + "/ander"
        #expect(try BewaarBinary.run(["store", "init", "--store", other]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: t.store + "/bewaar.sqlite"))
        let wrong = try BewaarBinary.run(["ingest", "--case", id, chat, "--key-file", other + ".sleutel"] + s)
        #expect(wrong.status != 0)
        #expect(wrong.combined.contains("hoort niet bij de opslag"), "\(wrong.combined)")
        let missing = try BewaarBinary.run(["case", "list"] + s, environment: ["BEWAAR_KEY_FILE": t.path + "/bestaat-niet.sleutel"])
        #expect(missing.status != 0 && missing.combined.contains("ontbreekt"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: t.store + "/bewaar.sqlite")) == before)
        #expect(try BewaarBinary.run(["check"] + s).status == 0)
    }

    @Test func aPlainStoreIsEncryptedInPlaceAndAnEarlierBundleStillVerifies() throws {
        let t = TempDir()
        let s = ["--store", t.store]
        let id = try BewaarBinary.run(["case", "new", "--title", "Pesten in groepsapp", "--victim", "Sanne de Vries"] + s).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let samples = BewaarBinary.packageRoot + "/samples/evidence/"
        #expect(
            try BewaarBinary.run(
                [
                    "ingest", "--case", id, "--timezone", "Europe/Amsterdam", samples + "WhatsApp-chat met Klas 2B.txt",
                    samples + "anonieme-mail.eml",
                ] + s
            ).status == 0)
        let bundle = t.path + "/bundel.zip"
        #expect(try BewaarBinary.run(["bundle", "--case", id, "--out", bundle] + s).status == 0)
        #expect(try !Self.findings(in: t.store, [Data("Sanne".utf8)]).isEmpty)
        let encrypt = try BewaarBinary.run(["store", "encrypt"] + s)
        #expect(encrypt.status == 0, "\(encrypt.combined)")
        #expect(encrypt.stdout.contains("reservekopie"))
        #expect(try Self.findings(in: t.store, try Self.sampleNeedles()) == [])
        #expect(try BewaarBinary.run(["check"] + s).status == 0)
        #expect(try BewaarBinary.run(["verify", bundle]).status == 0)
        let search = try BewaarBinary.run(["timeline", "--case", id, "--search", "rennen"] + s)
        #expect(search.status == 0 && search.stdout.contains("rennen"), "\(search.combined)")
        #expect(try BewaarBinary.run(["bundle", "--case", id, "--out", t.path + "/na.zip"] + s).status == 0)
        #expect(try BewaarBinary.run(["verify", t.path + "/na.zip"]).status == 0)
        #expect(try BewaarBinary.run(["store", "encrypt"] + s).status != 0)
    }

    @Test func aPassphraseStoreOpensOnlyWithItsPassphrase() throws {
        let t = TempDir()
        let s = ["--store", t.store]
        let phrase = ["BEWAAR_PASSPHRASE": "paarse olifanten dansen op het dak"]
        #expect(try BewaarBinary.run(["store", "init"] + s, environment: phrase).status == 0)
        #expect(!FileManager.default.fileExists(atPath: t.store + ".sleutel"))
        #expect(try BewaarBinary.run(["case", "new", "--title", "wachtwoordzin"] + s, environment: phrase).status == 0)
        let wrong = try BewaarBinary.run(["case", "list"] + s, environment: ["BEWAAR_PASSPHRASE": "groene olifanten dansen op het dak"])
        #expect(wrong.status != 0 && wrong.combined.contains("hoort niet bij de opslag"))
        #expect(try BewaarBinary.run(["case", "list"] + s).status != 0)
        #expect(try BewaarBinary.run(["case", "list"] + s, environment: phrase).stdout.contains("wachtwoordzin"))
    }

    @Test func rekeyReplacesTheMasterKeyAndTheOldOneNoLongerOpens() throws {
        let t = TempDir()
        let s = ["--store", t.store]
        #expect(try BewaarBinary.run(["store", "init"] + s).status == 0)
        let id = try BewaarBinary.run(["case", "new", "--title", "Sleutelwissel"] + s).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            try BewaarBinary.run(["ingest", "--case", id, t.write("chat.txt", "02-03-2026 20:01 - Daan Jansen: na de wissel\n")] + s).status == 0)
        let old = t.path + "/oude.sleutel"
        try FileManager.default.copyItem(atPath: t.store + ".sleutel", toPath: old)
        let rekey = try BewaarBinary.run(["store", "rekey"] + s)
        #expect(rekey.status == 0, "\(rekey.combined)")
        #expect(try BewaarBinary.run(["case", "list", "--key-file", old] + s).status != 0)
        let search = try BewaarBinary.run(["timeline", "--case", id, "--search", "wissel"] + s)
        #expect(search.status == 0 && search.stdout.contains("na de »wissel«"), "\(search.combined)")
        #expect(try BewaarBinary.run(["check"] + s).status == 0)
        #expect(!FileManager.default.fileExists(atPath: t.store + ".sleutel.nieuw"))
    }
}
