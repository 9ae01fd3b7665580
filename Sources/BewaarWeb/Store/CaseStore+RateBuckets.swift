import Foundation
import GRDB
import BewaarStore

/// What one take from a request budget found: whether it was allowed, and the tokens left.
struct RateTake: Sendable, Equatable {
    var granted: Bool
    /// Tokens in the bucket after the take (below 1 when it was refused).
    var tokens: Double
}

extension CaseStore {
    /// The bucket refilled up to `now`: its tokens plus what flowed in since `at` (a clock that
    /// went back adds nothing), never above the capacity. Written on the existing row, so under
    /// PostgreSQL's `ON CONFLICT DO UPDATE` it reads the row as locked, not a snapshot.
    private static let refilled = """
        (CASE WHEN rate_buckets.tokens + (CASE WHEN :now > rate_buckets.at THEN :now - rate_buckets.at ELSE 0 END) * :rate > :capacity \
        THEN :capacity \
        ELSE rate_buckets.tokens + (CASE WHEN :now > rate_buckets.at THEN :now - rate_buckets.at ELSE 0 END) * :rate END)
        """

    /// One statement per take: a new bucket starts full and gives one token; an existing one is
    /// refilled and gives one when it holds at least one, in the same row update.
    static let rateTakeSQL = """
        INSERT INTO rate_buckets (scope, key, tokens, at, granted)
        VALUES (:scope, :key, CAST(:capacity AS DOUBLE PRECISION) - 1, CAST(:now AS DOUBLE PRECISION), 1)
        ON CONFLICT (scope, key) DO UPDATE SET
            tokens = CASE WHEN \(refilled) >= 1 THEN \(refilled) - 1 ELSE \(refilled) END,
            granted = CASE WHEN \(refilled) >= 1 THEN 1 ELSE 0 END,
            at = CAST(:now AS DOUBLE PRECISION)
        RETURNING tokens, granted
        """

    /// Takes one token from the bucket `key` (a SHA-256, never a raw address) of `scope`, which
    /// holds at most `capacity` tokens and gains `perSecond` a second; `now` in seconds since
    /// 1970 (the web interface's clock). Every server shares the buckets.
    func takeRateToken(scope: String, key: String, capacity: Double, perSecond: Double, now: Double) throws -> RateTake {
        try write { db in
            let arguments: StatementArguments = ["scope": scope, "key": key, "capacity": capacity, "rate": perSecond, "now": now]
            guard let row = try Row.fetchOne(db, cached: Self.rateTakeSQL, arguments: arguments) else {
                throw StoreError(
                    .writeFailed, nl: "De teller van verzoeken kon niet worden bijgewerkt.", en: "The request budget could not be updated.")
            }
            return RateTake(granted: (row[1] as Int64? ?? 0) != 0, tokens: row[0] as Double? ?? 0)
        }
    }

    /// Removes the buckets of `scope` that are full again by `now` (the oldest take at least
    /// `fullAfter` seconds ago): a bucket that is not there starts full, so nothing changes.
    @discardableResult
    func purgeRateBuckets(scope: String, now: Double, fullAfter: Double) throws -> Int {
        try write { db in
            try db.execute(cached: "DELETE FROM rate_buckets WHERE scope = ? AND at < ?", arguments: [scope, now - fullAfter])
            return db.changesCount
        }
    }
}
