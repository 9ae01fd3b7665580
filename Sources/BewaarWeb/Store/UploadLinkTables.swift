import GRDB
import BewaarModel
import BewaarStore

/// The web interface's own table in the case store: the pupils' and parents' `upload_links`
/// (v7). `bewaar serve` opens the store with this module and the accounts' (``storeModules``).
public struct UploadLinkTables: StoreModule {
    public init() {}

    public var migrations: [StoreMigration] {
        [StoreMigration("v7-upload-links") { db in try db.execute(sql: UploadLinkSchema.v7) }]
    }
}

extension UploadLinkTables {
    /// A destroyed case's upload links go with it (a link's page then says it no longer works).
    public func destroying(_ id: CaseID, in db: Database) throws -> ModuleRemoval {
        try db.execute(sql: "DELETE FROM upload_links WHERE case_id = ?", arguments: [id.description])
        return ModuleRemoval(removed: ["upload_links": db.changesCount])
    }
}
