import Foundation
import BewaarModel

extension CaseStore {
    /// Records that an export of case `id` is being made (custody event `export-made`) and
    /// returns the event; its time is the export's time (a bag's Bagging-Date). `details`
    /// say what the export holds, e.g. the digest of its payload without the custody log.
    @discardableResult
    public func recordExport(_ id: CaseID, actor: String, details: [String: String]) throws -> CustodyEvent {
        try writing { c in
            _ = try fetchCase(c, id)
            return try appendEvent(c, chain: id.description, actor: actor, action: .exportMade, details: details)
        }
    }

    /// Records that an export is complete (custody event `export-sealed`), with the digest of
    /// the finished bundle (a bag's tag-manifest digest), which reports quote.
    @discardableResult
    public func recordExportSealed(_ id: CaseID, actor: String, details: [String: String]) throws -> CustodyEvent {
        try writing { c in
            _ = try fetchCase(c, id)
            return try appendEvent(c, chain: id.description, actor: actor, action: .exportSealed, details: details)
        }
    }
}
