import BewaarStore
import Foundation

extension PostgresBoard {
    /// Replaces the board's master key for every school at once (`bewaar store rekey` on a
    /// board): in one transaction, acting for each school and the board's office in turn, every
    /// case key is wrapped again with the new key and `store-rekeyed` is logged in each one's
    /// chain; then the database's check is the new key's. The cases' text and originals are not
    /// touched. A new key file is written first (beside the old one when it would replace it) and
    /// takes the old one's place only once the database uses it; on any failure the old key
    /// still opens everything. Returns how many case keys were wrapped again.
    ///
    /// Servers still running with the old key can no longer open a case (their key no longer
    /// matches the database's check): stop them first, give them the new key file, start them.
    package func rekey(to source: StoreKeySource, replacing oldKeyFile: String?, modules: [any StoreModule], actor: String) throws -> Int {
        let schools = try allSchools()
        // Each one's store, opened with the old key (which checks it).
        let stores = try schools.map { try store(school: $0, modules: modules) }
        let new = try NewMasterKey(source, storePath: folder, replacing: oldKeyFile)
        var count = 0
        do {
            try database.write(retryable: false) { c in
                for (school, store) in zip(schools, stores) {
                    _ = try c.execute("SELECT set_config('bewaar.school', ?1, true)", [.text(String(school.id))])
                    count += try store.rewrapCaseKeys(c, to: new, actor: actor)
                }
                _ = try c.execute("SELECT set_config('bewaar.school', '', true)")
                try new.replaceCheck(in: c)
            }
        } catch {
            new.abandon()
            throw error
        }
        try new.settle()
        return count
    }
}
