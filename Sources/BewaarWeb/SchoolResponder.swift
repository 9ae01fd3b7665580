import Hummingbird
import Synchronization

/// `bewaar serve` for a school board: hands each request to the router of its school: a pupil's
/// upload pages (`/aanleveren/TOKEN…`) to the school of the link, any other to the school of the
/// account its session cookie belongs to; a request without one (the sign-in pages, an unknown
/// link) goes to the board's router, which sees no school's cases. Each router
/// is made on a school's first request and kept. A page can therefore never show another
/// school's rows: its router's store acts for one school, and PostgreSQL's row-level security
/// holds every statement to it.
struct SchoolResponder: HTTPResponder {
    typealias Context = WebContext

    let directory: SchoolDirectory
    let routers: Routers
    let sessions = SessionSchools()

    /// The school of each session seen (a session's account never changes school; a session that
    /// ended is refused by its school's router, which checks every request's session itself), so
    /// that a request costs no look-up of its own. At most ``limit`` sessions are kept.
    final class SessionSchools: Sendable {
        static let limit = 20_000
        private let known = Mutex<[String: Int]>([:])

        func school(of session: String, lookUp: () throws -> Int?) rethrows -> Int? {
            if let school = known.withLock({ $0[session] }) { return school }
            let found = try lookUp()
            // Only a school is kept: nobody signed in yet (the login page's session) signs in later.
            if let found {
                known.withLock {
                    if $0.count >= Self.limit { $0.removeAll() }
                    $0[session] = found
                }
            }
            return found
        }
    }

    /// The routers made so far, by school (nil: the board's).
    final class Routers: Sendable {
        private let made = Mutex<[Int?: RouterResponder<WebContext>]>([:])
        let make: @Sendable (Int?) throws -> RouterResponder<WebContext>

        init(make: @escaping @Sendable (Int?) throws -> RouterResponder<WebContext>) { self.make = make }

        func responder(for school: Int?) throws -> RouterResponder<WebContext> {
            if let known = made.withLock({ $0[school] }) { return known }
            // Made outside the lock (opening a store reads the database); the first one kept wins.
            let new = try make(school)
            return made.withLock { made in
                if let known = made[school] { return known }
                made[school] = new
                return new
            }
        }
    }

    init(directory: SchoolDirectory, configuration: WebConfiguration, threads: StoreThreads) {
        self.directory = directory
        routers = Routers { school in
            let store = try directory.store(school)
            let seams = try directory.seams(school, store)
            return WebServer.router(
                store: store, configuration: configuration, packet: seams.packet, trace: seams.trace, board: directory.board, threads: threads
            )
            .buildResponder()
        }
    }

    /// The token of a pupil's upload page's path (`/aanleveren/TOKEN`, and what follows), when it
    /// has the form of one (32 lowercase hexadecimal digits).
    static func uploadLinkToken(_ path: String) -> String? {
        let prefix = "/aanleveren/"
        guard path.hasPrefix(prefix) else { return nil }
        let token = path.dropFirst(prefix.count).prefix { $0 != "/" }
        guard token.utf8.count == 32, token.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        return String(token)
    }

    func respond(to request: Request, context: WebContext) async throws -> Response {
        // The look-up and the store's first opening block: on the store's threads, as the pages.
        try await withTaskExecutorPreference(StoreThreads.shared) {
            var school: Int?
            if let token = Self.uploadLinkToken(request.uri.path) {
                school = try directory.schoolOfUploadLink(WebApp.tokenKey(token))
            } else if let id = request.cookies[WebApp.cookieName]?.value, id.utf8.count == 64 {
                let key = SessionStore.key(id)
                school = try sessions.school(of: key) { try directory.schoolOfSession(key) }
            }
            return try await routers.responder(for: school).respond(to: request, context: context)
        }
    }
}
