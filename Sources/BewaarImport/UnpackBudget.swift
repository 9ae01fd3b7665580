import Foundation
import BewaarModel

/// How many bytes one upload (or one `bewaar ingest` of several files) may unpack from archives
/// in total, shared by every importer that inflates archive members. Each member is bounded
/// on its own by ``ImportLimits``; this bounds their sum, so many zips in one upload cannot
/// together fill the disk. A member's declared size is reserved before it is unpacked (the
/// importers stop a member that inflates past its declared size), so a member is either
/// unpacked whole or not at all. Safe to share between threads.
public final class UnpackBudget: @unchecked Sendable {
    /// The bytes allowed in total.
    public let limit: Int64
    private let lock = NSLock()
    private var spent: Int64 = 0

    public init(bytes: Int64) {
        limit = max(0, bytes)
    }

    /// The bytes not yet reserved.
    public var remaining: Int64 {
        lock.withLock { limit - spent }
    }

    /// Reserves `bytes` for one member of the zip `zip` (its file name), or throws
    /// ``UnpackBudgetSpent`` (reserving nothing) when fewer remain.
    public func reserve(_ bytes: Int64, zip: String, member: String) throws(UnpackBudgetSpent) {
        let granted = lock.withLock {
            guard bytes >= 0, bytes <= limit - spent else { return false }
            spent += bytes
            return true
        }
        if !granted { throw UnpackBudgetSpent(zip: zip, member: member, limit: limit) }
    }
}

/// A member not unpacked because the upload's ``UnpackBudget`` is spent. The original zip is
/// stored unchanged all the same; only this member is not kept as a separate original.
public struct UnpackBudgetSpent: BilingualError {
    public let zip: String
    public let member: String
    public let limit: Int64

    public var dutch: String {
        "Zip-onderdeel \(member) uit \(zip) is niet uitgepakt: deze invoer heeft samen al de grens van \(limit) bytes uitgepakt. "
            + "Het origineel \(zip) is ongewijzigd bewaard, met dit onderdeel erin; het is alleen niet als los origineel gelezen."
    }

    public var english: String {
        "Member \(member) of \(zip) was not unpacked: this ingest already unpacked its limit of \(limit) bytes in total. "
            + "The original \(zip) is stored unchanged, this member inside it; it was only not read as an original of its own."
    }

    /// The import warning for it (import warnings are Dutch).
    public var warning: ImportWarning { ImportWarning(dutch, code: "unpack-budget-spent") }
}

extension ImportLimits {
    /// Reserves `bytes` for one archive member in the shared ``unpackBudget``, if there is one.
    public func reserveUnpacked(_ bytes: Int64, zip: String, member: String) throws(UnpackBudgetSpent) {
        try unpackBudget?.reserve(bytes, zip: zip, member: member)
    }
}
