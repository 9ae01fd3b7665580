import Foundation
import Synchronization
import BewaarDigest
import BewaarKit
import BewaarModel
import BewaarStore

/// How far the reading of an upload has come, for the upload form's progress line: the bytes
/// sent are the browser's to count; once they are in, the server reads each file into the case
/// (a large chat takes seconds) and tells this board after every so many records. The form asks
/// `GET /zaken/ID/voortgang?id=…` while it waits, and that request may land on another server.
///
/// Kept in ``UploadProgressTable`` (shared by every server on the store), per session and an id
/// the form made up (16–64 hex digits), written at most every `interval` per upload, removed
/// when the upload ends; a line not written for `lifetime` (its server stopped) is ignored and
/// purged. It says how many records were read, never what they hold.
final class UploadProgressBoard: Sendable {
    /// What the progress line shows.
    struct Entry: Sendable, Equatable {
        /// Which file is being read (1-based) of how many.
        var file: Int
        var files: Int
        /// The file's name as the browser sent it.
        var name: String
        var messages: Int
        var bytesRead: Int64
        var totalBytes: Int64
        /// Every file is read.
        var done: Bool
        var at: Date
    }

    let store: CaseStore
    /// Nil when the table could not be opened: the form then shows only the bytes sent.
    let table: UploadProgressTable?
    let interval: TimeInterval
    let clock: @Sendable () -> Date
    static let lifetime: TimeInterval = 15 * 60
    /// Lines are written at most this often per upload.
    static let standardInterval: TimeInterval = 0.5

    init(store: CaseStore, interval: TimeInterval = standardInterval, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        table = try? UploadProgressTable(storePath: store.path)
        self.interval = interval
        self.clock = clock
    }

    /// The key of an upload: the session's key and the form's id; nil when the id is no
    /// 16–64-digit lowercase hex string (so nothing a visitor sends becomes a key as it is).
    static func key(session: String, id: String?) -> String? {
        guard let id, (16...64).contains(id.utf8.count), id.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return nil
        }
        return session + "/" + id
    }

    /// The row key of an upload's key: its SHA-256.
    static func rowKey(_ key: String) -> String { StreamingSHA256.digest(utf8: key).hex }

    /// Writes the line of upload `key` to case `id`; a failure only costs the line.
    func set(_ key: String, case id: CaseID, _ entry: Entry) {
        guard let table, let name = try? store.sealedText(entry.name, case: id) else { return }
        try? table.put(
            Self.rowKey(key),
            UploadProgressRow(
                caseID: id, file: entry.file, files: entry.files, name: name, messages: entry.messages, bytesRead: entry.bytesRead,
                totalBytes: entry.totalBytes, done: entry.done, at: entry.at.timeIntervalSince1970))
    }

    /// The line of upload `key` to case `id`, unless it is older than ``lifetime``.
    func entry(_ key: String, case id: CaseID) -> Entry? {
        let now = clock().timeIntervalSince1970
        guard let table, let row = try? table.get(Self.rowKey(key), since: now - Self.lifetime), row.caseID == id else { return nil }
        return Entry(
            file: row.file, files: row.files, name: store.openedText(row.name, case: id) ?? "—", messages: row.messages,
            bytesRead: row.bytesRead, totalBytes: row.totalBytes, done: row.done, at: Date(timeIntervalSince1970: row.at))
    }

    /// Removes the line of upload `key` (it ended, stored or not).
    func remove(_ key: String) {
        try? table?.remove(Self.rowKey(key))
    }

    /// What the upload route tells the board while it reads `files` into case `id`; nil without
    /// a valid id. Lines of uploads whose server stopped are purged first.
    func reporter(session: String, id: String?, case caseID: CaseID, files: [ReceivedFile]) -> UploadProgressReporter? {
        guard let key = Self.key(session: session, id: id) else { return nil }
        try? table?.purge(before: clock().timeIntervalSince1970 - Self.lifetime)
        return UploadProgressReporter(board: self, key: key, caseID: caseID, files: files)
    }
}

/// Tells the board how the reading of one upload's files goes, at most every
/// ``UploadProgressBoard/interval``.
final class UploadProgressReporter: Sendable {
    let board: UploadProgressBoard
    let key: String
    let caseID: CaseID
    let files: [ReceivedFile]
    private let lastWritten = Mutex<Date?>(nil)

    init(board: UploadProgressBoard, key: String, caseID: CaseID, files: [ReceivedFile]) {
        self.board = board
        self.key = key
        self.caseID = caseID
        self.files = files
    }

    private func tell(_ index: Int, messages: Int, bytesRead: Int64, totalBytes: Int64, done: Bool) {
        let now = board.clock()
        let due = lastWritten.withLock { last in
            if let last, now.timeIntervalSince(last) < board.interval, now >= last { return false }
            last = now
            return true
        }
        guard due else { return }
        board.set(
            key, case: caseID,
            UploadProgressBoard.Entry(
                file: index + 1, files: files.count, name: files[index].name, messages: messages, bytesRead: bytesRead,
                totalBytes: totalBytes, done: done, at: now))
    }

    /// File `index` starts; the returned closure is the ingest's progress callback.
    func reading(_ index: Int) -> (IngestProgress) -> Void {
        tell(index, messages: 0, bytesRead: 0, totalBytes: files[index].size, done: false)
        return { [self] p in tell(index, messages: p.messages, bytesRead: p.bytesRead, totalBytes: p.totalBytes, done: false) }
    }

    /// File `index` is read (or refused): its last count (the importer tells only every so many
    /// records), and done after the last file.
    func finished(_ index: Int, messages: Int) {
        let size = files[index].size
        tell(index, messages: messages, bytesRead: size, totalBytes: size, done: index == files.count - 1)
    }

    /// The upload ended: its line goes.
    func end() { board.remove(key) }
}
