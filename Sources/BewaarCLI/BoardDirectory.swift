import BewaarKit
import BewaarServe
import BewaarStore
import BewaarStorePostgres
import BewaarWeb

/// The schools of a board's database as `bewaar serve --database` hands them to the web
/// (``SchoolDirectory``): a school's store opened on its first request, its packets named after it.
enum BoardDirectory {
    static func make(_ board: PostgresBoard) -> SchoolDirectory {
        SchoolDirectory(
            schoolOfSession: { try board.schoolOfSession($0) },
            schoolOfUploadLink: { try board.schoolOfUploadLink($0) },
            store: { id in try board.store(school: try id.map(board.school(id:)), modules: WebServer.storeModules) },
            seams: { id, store in
                let name = try id.map { try board.school(id: $0).name } ?? "schoolbestuur"
                return (
                    ServeSeams.packet(school: name, version: BewaarVersion.string),
                    ServeSeams.trace(storePath: store.path, version: BewaarVersion.string)
                )
            },
            board: BoardSeam(overview: { try board.overview() }))
    }
}
