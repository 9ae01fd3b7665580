import Foundation
import BewaarModel
import BewaarJSON

extension StoredRecord {
    /// The record in a row of either database whose ``columns`` start at index `b`, read by
    /// position, its sealed columns opened by `opener`. Nil when its stored JSON cannot be read
    /// (left out, as always); a value of the wrong type (a damaged row) is a ``StoreError``
    /// naming the record, never a crash.
    static func message(from row: any SQLRow, at b: Int, opener: SealedOpener) throws -> Message? {
        let caseNo = row[b + 10]
        if let verbatim = try opener.text(row[b + 9], case: caseNo) {
            return (try? JSONParser.parse(verbatim)).flatMap(Message.init(json:))
        }
        let rest = Rest(try opener.text(row[b + 8], case: caseNo))
        let ts = try row.read(b, "ts", as: Double?.self)
        let offset = try row.read(b + 1, "utc_offset", as: Int?.self) ?? 0
        return Message(
            timestamp: ts.map { Timestamp(date: Date(timeIntervalSince1970: $0), utcOffsetSeconds: offset) },
            author: try opener.text(row[b + 2], case: caseNo), text: try opener.text(row[b + 4], case: caseNo) ?? "",
            kind: MessageKind(rawValue: try row.read(b + 3, "kind", as: String.self)), attachments: rest.attachments,
            origin: Origin(
                line: try row.read(b + 5, "origin_line", as: Int?.self), offset: try row.read(b + 6, "origin_offset", as: Int64.self),
                length: try row.read(b + 7, "origin_length", as: Int64.self), part: rest.part, box: rest.box),
            flags: rest.flags, extra: rest.extra)
    }
}

extension SQLRow {
    /// The value at `index` as `Value` (an optional type reads NULL as nil), or the damaged-row
    /// error naming `column` of `table` and the row's `id` (``StoredRow``): the record paths'
    /// read by position, which costs nothing more than the value unless the row is damaged.
    /// Inlined, so that `Value` is concrete where it is read: called on `any SQLRow`, the generic
    /// function would look up `Value`'s metadata at run time for every value (a tenth of a page).
    @inline(__always)
    func read<Value: SQLValueConvertible>(
        _ index: Int, _ column: String, table: String = "messages", as type: Value.Type = Value.self
    )
        throws -> Value
    {
        guard index < count, let value = Value(sqlValue: self[index]) else { throw StoredRow(self, table: table).damaged(column) }
        return value
    }
}
