import BewaarStore

/// What a school board's server gives the web beyond one school's store: the board's overview of
/// every school, which only the board's privacy officer opens (`/bestuur`). Empty for a single
/// school's server (SQLite): the page then says there is no board.
public struct BoardSeam: Sendable {
    /// Every school's destruction log and retention overview, no content.
    public var overview: (@Sendable () throws -> BoardOverview)?

    public init(overview: (@Sendable () throws -> BoardOverview)? = nil) {
        self.overview = overview
    }
}
