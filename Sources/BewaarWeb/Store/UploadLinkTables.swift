import BewaarStore

/// The web interface's own table in the case store: the pupils' and parents' `upload_links`
/// (v7). `bewaar serve` opens the store with this module and the accounts' (``storeModules``).
public struct UploadLinkTables: StoreModule {
    public init() {}

    public var migrations: [StoreMigration] {
        [StoreMigration("v7-upload-links") { db in try db.execute(sql: UploadLinkSchema.v7) }]
    }
}
