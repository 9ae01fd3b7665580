import GRDB
import BewaarModel
import BewaarStore

/// The web interface's own tables in the case store: the pupils' and parents' `upload_links`
/// (v7), and what several servers must share (v14, ``WebStateSchema``): the request budgets and
/// the flashes of uploads. `bewaar serve` opens the store with this module and the accounts'
/// (``storeModules``).
package struct UploadLinkTables: StoreModule {
    package init() {}

    package var migrations: [StoreMigration] {
        [
            StoreMigration("v7-upload-links") { db in try db.execute(sql: UploadLinkSchema.v7) },
            StoreMigration("v14-web-state") { db in try db.execute(sql: WebStateSchema.v14) },
        ]
    }
}

extension UploadLinkTables {
    /// A destroyed case's upload links go with it (a link's page then says it no longer works),
    /// and the flashes of its uploads.
    package func destroying(_ id: CaseID, in c: any StoreConnection) throws -> ModuleRemoval {
        let links = try c.execute("DELETE FROM upload_links WHERE case_id = ?1", [.text(id.description)])
        let flashes = try c.execute("DELETE FROM web_flashes WHERE case_id = ?1", [.text(id.description)])
        return ModuleRemoval(removed: ["upload_links": links, "web_flashes": flashes])
    }
}
