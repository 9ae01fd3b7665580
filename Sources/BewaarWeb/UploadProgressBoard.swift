import Foundation
import Synchronization
import BewaarKit

/// How far the reading of an upload has come, for the upload form's progress line: the bytes
/// sent are the browser's to count; once they are in, the server reads each file into the case
/// (a large chat takes seconds) and tells this board after every so many records. The form asks
/// `GET /zaken/ID/bewijs/voortgang?id=…` while it waits.
///
/// Kept in memory, per session and an id the form made up (16–64 hex digits), bounded in size
/// and time: it says how many records were read, never what they hold.
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

    private let entries = Mutex<[String: Entry]>([:])
    private static let capacity = 512
    private static let lifetime: TimeInterval = 15 * 60

    /// The key of an upload: the session's key and the form's id; nil when the id is no
    /// 16–64-digit lowercase hex string (so nothing a visitor sends becomes a key as it is).
    static func key(session: String, id: String?) -> String? {
        guard let id, (16...64).contains(id.utf8.count), id.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return nil
        }
        return session + "/" + id
    }

    func set(_ key: String, _ entry: Entry) {
        entries.withLock { table in
            if table.count >= Self.capacity {
                let cutoff = entry.at.addingTimeInterval(-Self.lifetime)
                table = table.filter { $0.value.at > cutoff }
                if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
            }
            table[key] = entry
        }
    }

    func entry(_ key: String, now: Date = Date()) -> Entry? {
        entries.withLock { table in
            guard let e = table[key], now.timeIntervalSince(e.at) < Self.lifetime else { return nil }
            return e
        }
    }

    /// What the upload route tells the board while it reads `files`; nil without a valid id.
    func reporter(session: String, id: String?, files: [ReceivedFile]) -> UploadProgressReporter? {
        Self.key(session: session, id: id).map { UploadProgressReporter(board: self, key: $0, files: files) }
    }
}

/// Tells the board how the reading of one upload's files goes.
struct UploadProgressReporter: Sendable {
    let board: UploadProgressBoard
    let key: String
    let files: [ReceivedFile]

    private func entry(_ index: Int, messages: Int, bytesRead: Int64, totalBytes: Int64, done: Bool) -> UploadProgressBoard.Entry {
        UploadProgressBoard.Entry(
            file: index + 1, files: files.count, name: files[index].name, messages: messages, bytesRead: bytesRead,
            totalBytes: totalBytes, done: done, at: Date())
    }

    /// File `index` starts; the returned closure is the ingest's progress callback.
    func reading(_ index: Int) -> (IngestProgress) -> Void {
        board.set(key, entry(index, messages: 0, bytesRead: 0, totalBytes: files[index].size, done: false))
        return { [self] p in
            board.set(key, entry(index, messages: p.messages, bytesRead: p.bytesRead, totalBytes: p.totalBytes, done: false))
        }
    }

    /// File `index` is read (or refused): its last count (the importer tells only every so many
    /// records), and done after the last file.
    func finished(_ index: Int, messages: Int) {
        let size = files[index].size
        board.set(key, entry(index, messages: messages, bytesRead: size, totalBytes: size, done: index == files.count - 1))
    }
}
