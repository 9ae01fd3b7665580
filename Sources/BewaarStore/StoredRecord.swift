import Foundation
import GRDB
import BewaarModel
import BewaarJSON

/// How a record (``Message``) is kept in the `messages` table since migration v6: every fact in
/// its own column — time (`ts` and `utc_offset`), author (since v9 its number in `authors`),
/// kind (since v9 a code for the common ones, ``StoredKind``), text, origin line, offset and
/// length — and only what no column holds in `rest`, a small JSON object that is NULL for most
/// chat lines: `attachments` and `flags` when not empty, `origin` with its `part` or pixel `box`, and the
/// importer's own fields. The record's JSON (`Message.json` serialised, what bundles carry) is
/// rebuilt from these byte for byte; before v6 it was stored whole beside the columns, which
/// doubled what a chat took in the store.
///
/// In an encrypted store `text`, `rest` and `verbatim` (and the author's name) are sealed with the
/// case's key: ``columns`` selects them as stored, with the record's case number last, and
/// ``message(from:at:opener:)`` opens them in Swift (``SealedOpener``).
///
/// `verbatim` holds a record's JSON as it was stored before v6 only when the columns cannot give
/// it back exactly (the migration checks every record); it is NULL otherwise.
public enum StoredRecord {
    /// The columns a record is read from, for a `SELECT` on `messages` aliased `m`: the author's
    /// name and the kind's text as they were before v9 kept them as numbers (see
    /// ``CompactRecordSchema``).
    public static let columns =
        "m.ts, m.utc_offset, (SELECT name FROM authors WHERE id = m.author_no), \(StoredKind.name("m.kind")), "
        + "m.text, m.origin_line, m.origin_offset, m.origin_length, m.rest, m.verbatim, m.case_no"
    /// ``columns`` with the author's number and the kind as stored (a code or a text), for
    /// ``RecordReader``, which gives them their names itself: an author's name is then looked up
    /// once per author instead of once per record.
    static let storedColumns =
        "m.ts, m.utc_offset, m.author_no, m.kind, m.text, m.origin_line, m.origin_offset, m.origin_length, m.rest, m.verbatim, m.case_no"
    /// How many columns ``columns`` names.
    static let columnCount = 11

    /// The keys of a record's JSON that are not format-specific fields.
    static let ownKeys = FlatRecord.ownKeys

    /// `rest` for a record: what its columns do not hold, or nil when that is nothing.
    static func rest(of m: Message) -> String? {
        if m.attachments.isEmpty && m.flags.isEmpty && m.extra.isEmpty && m.origin.part == nil && m.origin.box == nil { return nil }
        // The record's `extra` as it is (no copy, no rehash) unless it holds a key of the columns.
        var o = m.extra
        for k in ownKeys where o[k] != nil { o[k] = nil }
        if !m.attachments.isEmpty { o["attachments"] = .array(m.attachments.map(\.json)) }
        if !m.flags.isEmpty { o["flags"] = .array(m.flags.map(JSONValue.string)) }
        var origin: [String: JSONValue] = [:]
        if let part = m.origin.part { origin["part"] = .string(part) }
        if let box = m.origin.box { origin["box"] = box.json }
        if !origin.isEmpty { o["origin"] = .object(origin) }
        return o.isEmpty ? nil : JSONValue.object(o).serialized()
    }

    /// `rest` for a flat record: its format fields' JSON as it is, or with `attachments` as the
    /// first key when the record has them and the fields' first key sorts after it (nil when it
    /// does not, or is escaped: then ``rest(of:)`` of its `Message`).
    static func rest(of r: FlatRecord) -> [UInt8]? {
        guard !r.attachments.isEmpty else { return r.extraJSON }
        let u = r.extraJSON
        var out = Array(#"{"attachments":"#.utf8)
        out += JSONValue.array(r.attachments.map(\.json)).serializedBytes()
        if u.count <= 2 {
            out.append(0x7D)
            return out
        }
        // `{"key":…`: the first key, compared by its bytes as the serialiser sorts keys.
        guard u.count > 2, u[0] == 0x7B, u[1] == 0x22, let close = u[2...].firstIndex(of: 0x22) else { return nil }
        let first = u[2..<close]
        guard !first.contains(0x5C), "attachments".utf8.lexicographicallyPrecedes(first) else { return nil }
        out.append(0x2C)
        out += u[1...]
        return out
    }

    /// The parts of a record kept in `rest`.
    struct Rest {
        var attachments: [Attachment] = []
        var flags: [String] = []
        var part: String?
        var box: PixelRect?
        var extra: [String: JSONValue] = [:]

        init(_ text: String?) {
            guard let text, let o = (try? JSONParser.parse(text))?.objectValue else { return }
            extra = o
            attachments = (o["attachments"]?.arrayValue ?? []).compactMap(Attachment.init(json:))
            flags = (o["flags"]?.arrayValue ?? []).compactMap(\.stringValue)
            part = o["origin"]?["part"]?.stringValue
            box = o["origin"]?["box"].flatMap(PixelRect.init(json:))
            for k in ownKeys { extra[k] = nil }
        }
    }

    /// The record in a row selected with ``columns`` first.
    static func message(from row: Row, opener: SealedOpener) throws -> Message? { try message(from: row, at: 0, opener: opener) }

    /// The record in a row whose ``columns`` start at index `b`, read by position (a lookup by
    /// name compares every column's name, lowercased: a tenth of a timeline page's time); its
    /// sealed columns opened by `opener`. Nil when its stored JSON cannot be read.
    static func message(from row: Row, at b: Int, opener: SealedOpener) throws -> Message? {
        let caseNo = b + 10
        if let verbatim = try opener.text(row, b + 9, case: row[caseNo]) {
            return (try? JSONParser.parse(verbatim)).flatMap(Message.init(json:))
        }
        let rest = Rest(try opener.text(row, b + 8, case: row[caseNo]))
        let ts = row[b] as Double?
        let offset = row[b + 1] as Int? ?? 0
        return Message(
            timestamp: ts.map { Timestamp(date: Date(timeIntervalSince1970: $0), utcOffsetSeconds: offset) },
            author: try opener.text(row, b + 2, case: row[caseNo]), text: try opener.text(row, b + 4, case: row[caseNo]) ?? "",
            kind: MessageKind(rawValue: row[b + 3]), attachments: rest.attachments,
            origin: Origin(line: row[b + 5], offset: row[b + 6], length: row[b + 7], part: rest.part, box: rest.box),
            flags: rest.flags, extra: rest.extra)
    }

    /// The record with these columns' values (opened, for a database that reads records its own
    /// way: PostgreSQL's ``RecordStorage``); nil when its stored JSON (`verbatim`) cannot be read.
    package static func message(
        time: Double?, utcOffset: Int64?, author: String?, kind: String, text: String, line: Int64?, offset: Int64, length: Int64,
        rest: String?, verbatim: String?
    ) -> Message? {
        if let verbatim { return (try? JSONParser.parse(verbatim)).flatMap(Message.init(json:)) }
        let r = Rest(rest)
        return Message(
            timestamp: time.map { Timestamp(date: Date(timeIntervalSince1970: $0), utcOffsetSeconds: Int(utcOffset ?? 0)) },
            author: author, text: text, kind: MessageKind(rawValue: kind), attachments: r.attachments,
            origin: Origin(line: line.map { Int($0) }, offset: offset, length: length, part: r.part, box: r.box), flags: r.flags,
            extra: r.extra)
    }

    /// The record's compact JSON (`Message.json` serialised): what ``RecordReader`` writes from
    /// SQLite's columns, for a database that reads records as ``Message``s.
    package static func json(_ m: Message) -> [UInt8] { m.json.serializedBytes() }

    /// What a record's `rest` adds to its JSON, written once (see ``RecordJSONTail``).
    static func tail(rest: String?) -> RecordJSONTail {
        guard rest != nil else { return .empty }
        let r = Rest(rest)
        return RecordJSONTail(attachments: r.attachments, flags: r.flags, extra: r.extra, part: r.part, box: r.box)
    }

    /// The record's compact JSON (the bytes of `Message.json` serialised) from its columns.
    static func writeJSON(
        ts: Double?, utcOffset: Int, author: UnsafeBufferPointer<UInt8>?, kind: String,
        text: UnsafeBufferPointer<UInt8>, line: Int?, offset: Int64, length: Int64, rest: String?,
        into out: inout [UInt8]
    ) {
        let tail = tail(rest: rest)
        writeJSON(
            ts: ts, utcOffset: utcOffset, author: author, kind: kind, text: text, line: line, offset: offset, length: length, tail: tail,
            into: &out)
    }

    /// ``writeJSON(ts:utcOffset:author:kind:text:line:offset:length:rest:into:)`` with the
    /// tail of its `rest`, the author and text copied straight from SQLite's bytes.
    static func writeJSON(
        ts: Double?, utcOffset: Int, author: UnsafeBufferPointer<UInt8>?, kind: String, text: UnsafeBufferPointer<UInt8>, line: Int?,
        offset: Int64, length: Int64, tail: RecordJSONTail, into out: inout [UInt8]
    ) {
        Message.writeJSON(
            timestamp: ts.map { Timestamp(date: Date(timeIntervalSince1970: $0), utcOffsetSeconds: utcOffset) },
            kind: MessageKind(rawValue: kind), line: line, offset: offset, length: length, tail: tail, into: &out,
            author: { out in
                if let author { JSONValue.writeString(utf8: author, into: &out) } else { out.append(contentsOf: "null".utf8) }
            },
            text: { out in JSONValue.writeString(utf8: text, into: &out) })
    }
}
