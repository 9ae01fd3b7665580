#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import BewaarStore

/// The store used as a library (as the web routes use it in tests), without the `bewaar`
/// executable's umask: a new store is private all the same, and an open one is named.
@Suite(.serialized) struct FileModeTests {
    static func mode(_ path: String) -> UInt16 {
        var st = stat()
        guard lstat(path, &st) == 0 else { return 0 }
        return UInt16(st.st_mode & 0o777)
    }

    @Test func aNewStoreUnderUmask022HasAPrivateDatabase() throws {
        let f = try StoreFixture()
        try FileManager.default.createDirectory(atPath: f.storePath, withIntermediateDirectories: false)
        chmod(f.storePath, 0o755)
        let before = umask(0o022)
        defer { umask(before) }
        let store = try f.open()
        _ = try store.openCase(title: "Zaak", actor: "J. Bakker")   // a write: the -wal file exists now
        let db = f.storePath + "/" + CaseStore.databaseName
        #expect(Self.mode(db) == 0o600)
        #expect(FileManager.default.fileExists(atPath: db + "-wal"))
        for side in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: db + side) {
            #expect(Self.mode(db + side) == 0o600, "\(side)")
        }
        for folder in ["", "/objects", "/tmp"] {
            #expect(Self.mode(f.storePath + folder) == 0o700, "\(folder)")
        }
        #expect(store.looseModes().isEmpty)
    }

    @Test func anExistingStoreKeepsItsModesAndLooseModesNamesThem() throws {
        let f = try StoreFixture()
        let store = try f.open()
        _ = try store.openCase(title: "Zaak", actor: "J. Bakker")
        let db = f.storePath + "/" + CaseStore.databaseName
        chmod(db, 0o644)
        let packets = f.storePath + "/pakketten"
        try FileManager.default.createDirectory(atPath: packets, withIntermediateDirectories: false)
        chmod(packets, 0o755)
        FileManager.default.createFile(atPath: packets + "/rapport.pdf", contents: Data("%PDF".utf8))
        chmod(packets + "/rapport.pdf", 0o604)
        // Opening it again changes nothing; the check says what is open.
        let again = try f.open()
        #expect(Self.mode(db) == 0o644)
        let loose = again.looseModes()
        #expect(loose.map(\.path) == [db, packets, packets + "/rapport.pdf"])
        #expect(loose.map(\.octal) == ["0644", "0755", "0604"])
        #expect(loose.map(\.privateOctal) == ["600", "700", "600"])
        #expect(loose.map(\.isFolder) == [false, true, false])
    }

    @Test func aFolderMadeForTheStoreGetsItsMissingParentsPrivate() throws {
        let f = try StoreFixture()
        let deep = f.folder + "/a/b/opslag"
        try PrivateMode.makeFolder(deep)
        for p in [f.folder + "/a", f.folder + "/a/b", deep] { #expect(Self.mode(p) == 0o700, "\(p)") }
        #expect(try PrivateMode.createFile(deep + "/x"))
        #expect(try !PrivateMode.createFile(deep + "/x"))
        #expect(Self.mode(deep + "/x") == 0o600)
    }
}
