import BewaarStore
import Foundation

/// The statements on `security_log`, on either database: what anonymous visitors cause, bounded
/// in rows and in field sizes (see ``CaseStore/recordSecurity(kind:account:source:detail:)``).
package enum SecurityLogTable {
    /// Adds a line at `time`, its fields cut to their bounds, and every hundredth line drops the
    /// lines more than `keep` older than itself. Returns the new line's id.
    @discardableResult
    package static func append(
        _ c: any StoreConnection, at time: Date, kind: String, account: String?, source: String?, detail: String?,
        keep: Int = CaseStore.securityLogRows
    ) throws -> Int64 {
        let arguments: [SQLValue] = [
            .text(time.stored), .text(StoredText.bounded(kind, limit: 40)),
            SQLValue(account.map { StoredText.bounded($0, limit: CaseStore.accountNameLimit) }),
            SQLValue(source.map { StoredText.bounded($0, limit: 100) }), SQLValue(detail.map { StoredText.bounded($0, limit: 500) }),
        ]
        guard
            let newest = try c.fetchValue(
                "INSERT INTO security_log (time, kind, account, source, detail) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", arguments,
                as: Int64.self)
        else {
            throw StoreError(
                .writeFailed, nl: "Het beveiligingslogboek gaf geen regelnummer terug.", en: "The security log returned no line number.")
        }
        if newest % 100 == 0 {
            try c.execute("DELETE FROM security_log WHERE id <= ?1", [.int(newest - Int64(keep))])
        }
        return newest
    }

    /// The newest `limit` lines, newest first.
    package static func newest(_ c: any StoreConnection, limit: Int) throws -> [SecurityLogEntry] {
        try c.fetchAll(SecurityLogRow.self, "SELECT * FROM security_log ORDER BY id DESC LIMIT ?1", [SQLValue(limit)]).map(\.value)
    }

    /// How many lines there are.
    package static func count(_ c: any StoreConnection) throws -> Int {
        try c.fetchValue("SELECT COUNT(*) FROM security_log", as: Int.self) ?? 0
    }
}
