import Foundation
import Hummingbird
import MultipartKit

/// Why an upload stopped.
enum UploadError: Error, Equatable {
    /// The body did not start with this session's CSRF token (`_csrf`, the form's first field).
    case forbidden
    case tooLarge
    case malformed
    case unwritable(String)
}

/// One file received to disk.
struct ReceivedFile: Sendable {
    /// The form field it came in (`bestanden`, `mail`, `logboeken`, …).
    var field: String
    var name: String
    var path: String
    var size: Int64
}

/// Streams a `multipart/form-data` body to disk, file by file, never holding a whole file in
/// memory. Files land in a private folder under the store's `tmp/` (``UploadFolders``, held by
/// this process while it lives), each in its own sub-folder under a cleaned-up version of the
/// browser's file name (the name becomes the item's name). `cleanUp()` removes everything,
/// whether the upload finished or broke off; a server killed meanwhile leaves the folder to the
/// next sweep of any server.
///
/// The CSRF token travels in the body, never in the URL: the first part must be the `_csrf`
/// field with this session's token, or nothing of the body is written anywhere.
final class UploadReceiver {
    let folder: String
    private let held: UploadFolders.Held
    let limit: Int64
    let csrf: String
    private var csrfChecked = false
    private(set) var files: [ReceivedFile] = []
    private(set) var fields: [String: String] = [:]
    private var total: Int64 = 0
    private var currentName: String?
    private var currentField = ""
    private var currentFile: String?
    private var handle: FileHandle?
    private var currentSize: Int64 = 0
    private var fieldBytes: [UInt8] = []
    private var failure: UploadError?

    /// A receiver into a new folder `KIND-…` under `tmp` (the store's `tmp/`; `kind` one of
    /// ``UploadFolders/kinds``), after removing the folders of uploads whose server stopped.
    init(tmp: String, kind: String, limit: Int64, csrf: String) throws {
        UploadFolders.sweep(tmp)
        do { held = try UploadFolders.make(in: tmp, kind: kind) } catch { throw UploadError.unwritable(tmp) }
        folder = held.path
        self.limit = limit
        self.csrf = csrf
    }

    /// Reads the whole body. Throws ``UploadError/tooLarge`` as soon as the limit is passed.
    func receive(_ body: RequestBody, boundary: String) async throws {
        let parser = MultipartParser(boundary: boundary)
        var headers: [(String, String)] = []
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { [unowned self] buffer in
            if self.currentName == nil && self.currentFile == nil && self.failure == nil { self.startPart(headers) }
            self.body(&buffer)
        }
        parser.onPartComplete = { [unowned self] in
            if self.currentName == nil && self.currentFile == nil && self.failure == nil { self.startPart(headers) }
            self.finishPart()
            headers = []
        }
        // The last bytes seen: a complete body ends with the closing delimiter `--BOUNDARY--`.
        // Without it the upload broke off, and nothing of it is kept (not even finished parts).
        let closing = Array("--\(boundary)--".utf8)
        var tail: [UInt8] = []
        for try await chunk in body {
            do { try parser.execute(chunk) } catch { throw UploadError.malformed }
            if let failure { throw failure }
            tail.append(contentsOf: chunk.readableBytesView)
            if tail.count > closing.count + 8 { tail.removeFirst(tail.count - closing.count - 8) }
        }
        if let failure { throw failure }
        guard csrfChecked else { throw UploadError.forbidden }
        let trimmed = Array(tail.reversed().drop(while: { $0 == 0x0D || $0 == 0x0A }).reversed())
        guard trimmed.count >= closing.count, Array(trimmed.suffix(closing.count)) == closing, handle == nil else {
            throw UploadError.malformed
        }
    }

    private func startPart(_ headers: [(String, String)]) {
        let disposition = headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
        let fieldName = Self.parameter("name", in: disposition) ?? ""
        currentField = fieldName
        let filename = Self.parameter("filename", in: disposition)
        if !csrfChecked && (fieldName != "_csrf" || filename != nil) {
            failure = .forbidden
            return
        }
        if let filename {
            if filename.isEmpty { currentName = fieldName; return }   // an empty file input
            let clean = Self.cleanName(filename)
            let dir = folder + "/" + String(files.count + 1)
            let path = dir + "/" + clean
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                      let h = FileHandle(forWritingAtPath: path) else { throw UploadError.unwritable(path) }
                handle = h
                currentFile = path
                currentName = clean
                currentSize = 0
            } catch {
                failure = .unwritable(path)
            }
        } else {
            currentName = fieldName
            fieldBytes = []
        }
    }

    private func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        let n = Int64(buffer.readableBytes)
        total += n
        if total > limit { failure = .tooLarge; return }
        if let handle {
            do { try handle.write(contentsOf: Data(buffer.readableBytesView)) } catch { failure = .unwritable(currentFile ?? folder) }
            currentSize += n
        } else if fieldBytes.count < 64 * 1024 {
            fieldBytes.append(contentsOf: buffer.readableBytesView.prefix(64 * 1024 - fieldBytes.count))
        }
    }

    private func finishPart() {
        if let handle, let path = currentFile, let name = currentName {
            try? handle.close()
            files.append(ReceivedFile(field: currentField, name: name, path: path, size: currentSize))
        } else if let name = currentName, !name.isEmpty, currentFile == nil {
            fields[name] = String(decoding: fieldBytes, as: UTF8.self)
            if !csrfChecked {
                if name == "_csrf", Random.same(fields[name] ?? "", csrf) { csrfChecked = true } else { failure = .forbidden }
            }
        }
        handle = nil
        currentFile = nil
        currentName = nil
        fieldBytes = []
    }

    /// Removes every received byte.
    func cleanUp() {
        try? handle?.close()
        handle = nil
        held.release()
    }

    /// A `name="…"` parameter of a Content-Disposition header (quoted or not, with backslash escapes).
    static func parameter(_ key: String, in header: String) -> String? {
        let chars = Array(header)
        var i = 0
        while i < chars.count {
            // Find `key=` at a parameter start.
            while i < chars.count && (chars[i] == ";" || chars[i] == " " || chars[i] == "\t") { i += 1 }
            var nameEnd = i
            while nameEnd < chars.count && chars[nameEnd] != "=" && chars[nameEnd] != ";" { nameEnd += 1 }
            let name = String(chars[i..<nameEnd]).trimmingCharacters(in: .whitespaces).lowercased()
            guard nameEnd < chars.count, chars[nameEnd] == "=" else { i = nameEnd + 1; continue }
            var j = nameEnd + 1
            var value = ""
            if j < chars.count && chars[j] == "\"" {
                j += 1
                while j < chars.count && chars[j] != "\"" {
                    if chars[j] == "\\" && j + 1 < chars.count { j += 1 }
                    value.append(chars[j])
                    j += 1
                }
                j += 1
            } else {
                while j < chars.count && chars[j] != ";" { value.append(chars[j]); j += 1 }
                value = value.trimmingCharacters(in: .whitespaces)
            }
            if name == key { return value }
            i = j
        }
        return nil
    }

    /// The browser's file name made safe as one path component; the original spelling
    /// (quotes, spaces, accents) is kept, because it is shown (escaped) and recorded.
    static func cleanName(_ name: String) -> String {
        // Old browsers send a whole Windows path: keep only its last part. A slash can never
        // be part of a file name on disk, so it becomes an underscore.
        let last = name.contains(":\\") ? (name.split(separator: "\\").last.map(String.init) ?? "") : name
        var out = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
            .map { $0 == "/" || $0 == "\\" ? "_" : Character($0) })
        while out.utf8.count > 200 { out.removeFirst() }
        if out.isEmpty || out == "." || out == ".." { out = "bestand" }
        return out
    }
}
