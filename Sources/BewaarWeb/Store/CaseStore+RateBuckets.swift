import BewaarStore
import Foundation

/// What one take from a request budget found: whether it was allowed, and the tokens left.
struct RateTake: Sendable, Equatable {
    var granted: Bool
    /// Tokens in the bucket after the take (below 1 when it was refused).
    var tokens: Double
}

/// The statements on `rate_buckets`, the same SQL on either database.
package enum RateBucketsTable {
    // Arguments of the take: ?1 scope, ?2 key, ?3 capacity, ?4 tokens per second, ?5 now.

    /// The bucket refilled up to `now` (?5): its tokens plus what flowed in since `at` (a clock
    /// that went back adds nothing), never above the capacity (?3). Written on the existing row,
    /// so under PostgreSQL's `ON CONFLICT DO UPDATE` it reads the row as locked, not a snapshot.
    private static let refilled = """
        (CASE WHEN rate_buckets.tokens + (CASE WHEN ?5 > rate_buckets.at THEN ?5 - rate_buckets.at ELSE 0 END) * ?4 > ?3 \
        THEN ?3 \
        ELSE rate_buckets.tokens + (CASE WHEN ?5 > rate_buckets.at THEN ?5 - rate_buckets.at ELSE 0 END) * ?4 END)
        """

    /// One statement per take: a new bucket starts full and gives one token; an existing one is
    /// refilled and gives one when it holds at least one, in the same row update.
    static let takeSQL = """
        INSERT INTO rate_buckets (scope, key, tokens, at, granted)
        VALUES (?1, ?2, CAST(?3 AS DOUBLE PRECISION) - 1, CAST(?5 AS DOUBLE PRECISION), 1)
        ON CONFLICT (scope, key) DO UPDATE SET
            tokens = CASE WHEN \(refilled) >= 1 THEN \(refilled) - 1 ELSE \(refilled) END,
            granted = CASE WHEN \(refilled) >= 1 THEN 1 ELSE 0 END,
            at = CAST(?5 AS DOUBLE PRECISION)
        RETURNING tokens, granted
        """

    /// Takes one token from the bucket `key` of `scope` (see ``CaseStore/takeRateToken``):
    /// whether it was granted, and the tokens left.
    package static func take(
        _ c: any StoreConnection, scope: String, key: String, capacity: Double, perSecond: Double, now: Double
    ) throws -> (granted: Bool, tokens: Double) {
        guard
            let row = try c.fetchOne(
                takeSQL, [.text(scope), .text(key), .double(capacity), .double(perSecond), .double(now)])
        else {
            throw StoreError(
                .writeFailed, nl: "De teller van verzoeken kon niet worden bijgewerkt.", en: "The request budget could not be updated.")
        }
        let r = StoredRow(row, table: "rate_buckets", key: "scope", "key")
        return (granted: try r.at(1, "granted", as: Int64.self) != 0, tokens: try r.at(0, "tokens", as: Double.self))
    }

    /// Removes the buckets of `scope` last taken from before `before`; returns how many.
    @discardableResult
    package static func purge(_ c: any StoreConnection, scope: String, before: Double) throws -> Int {
        try c.execute("DELETE FROM rate_buckets WHERE scope = ?1 AND at < ?2", [.text(scope), .double(before)])
    }
}

extension CaseStore {
    /// Takes one token from the bucket `key` (a SHA-256, never a raw address) of `scope`, which
    /// holds at most `capacity` tokens and gains `perSecond` a second; `now` in seconds since
    /// 1970 (the web interface's clock). Every server shares the buckets.
    func takeRateToken(scope: String, key: String, capacity: Double, perSecond: Double, now: Double) throws -> RateTake {
        try writing { c in
            let taken = try RateBucketsTable.take(c, scope: scope, key: key, capacity: capacity, perSecond: perSecond, now: now)
            return RateTake(granted: taken.granted, tokens: taken.tokens)
        }
    }

    /// Removes the buckets of `scope` that are full again by `now` (the oldest take at least
    /// `fullAfter` seconds ago): a bucket that is not there starts full, so nothing changes.
    @discardableResult
    func purgeRateBuckets(scope: String, now: Double, fullAfter: Double) throws -> Int {
        try writing { c in try RateBucketsTable.purge(c, scope: scope, before: now - fullAfter) }
    }
}
