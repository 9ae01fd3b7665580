import GRDB
import BewaarModel
import BewaarStore

/// The web interface's own tables in the case store: the pupils' and parents' `upload_links`
/// (v7), and what several servers must share (v14, ``WebStateSchema``): the request budgets and
/// the flashes of uploads. `bewaar serve` opens the store with this module and the accounts'
/// (``storeModules``).
public struct UploadLinkTables: StoreModule {
    public init() {}

    public var migrations: [StoreMigration] {
        [
            StoreMigration("v7-upload-links") { db in try db.execute(sql: UploadLinkSchema.v7) },
            StoreMigration("v14-web-state") { db in try db.execute(sql: WebStateSchema.v14) },
        ]
    }
}

extension UploadLinkTables {
    /// A destroyed case's upload links go with it (a link's page then says it no longer works),
    /// and the flashes of its uploads.
    public func destroying(_ id: CaseID, in db: Database) throws -> ModuleRemoval {
        try db.execute(sql: "DELETE FROM upload_links WHERE case_id = ?", arguments: [id.description])
        let links = db.changesCount
        try db.execute(sql: "DELETE FROM web_flashes WHERE case_id = ?", arguments: [id.description])
        return ModuleRemoval(removed: ["upload_links": links, "web_flashes": db.changesCount])
    }
}
